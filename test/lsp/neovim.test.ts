import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { tempDir } from '../helpers/cli.js';
import { corpusReports } from '../helpers/corpus.js';
import { SERVER_BIN } from '../helpers/lsp-client.js';

/**
 * A real editor: headless Neovim (Debian's 0.7, editor-testing.md §2) opens a corpus report with the
 * built server attached. Asserts what it received (vim.diagnostic) and what it rendered (virtual text
 * and signs), then edits the buffer and waits for the republished list.
 */
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const inCi = process.env.CI === 'true';
if (!hasNvim && !inCi) console.warn('neovim.test.ts: `nvim` not found, the real-editor test is skipped (apt-get install -y neovim to run it).');

const SCRIPT = String.raw`
local server, file, out = os.getenv('LSP_SERVER'), os.getenv('REPORT_FILE'), os.getenv('OUT_JSON')
local fixed_line, fixed_text = tonumber(os.getenv('FIX_LINE')), os.getenv('FIX_TEXT')
local WAIT = 15000
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local cfg = { name = 'nianbao', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':p:h') }
local client_id
if vim.lsp.start then client_id = vim.lsp.start(cfg, { bufnr = bufnr })
else client_id = vim.lsp.start_client(cfg); vim.lsp.buf_attach_client(bufnr, client_id) end
local ok = vim.wait(WAIT, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local function collect()
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diags, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source })
  end
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return diags
end
local diags = collect()
vim.wait(200)
local rendered = {}
for ns = 1, 200 do
  local okm, marks = pcall(vim.api.nvim_buf_get_extmarks, bufnr, ns, 0, -1, { details = true })
  for _, m in ipairs(okm and marks or {}) do
    local vt = m[4].virt_text
    if vt then local t = {}; for _, c in ipairs(vt) do table.insert(t, c[1]) end
      table.insert(rendered, { row = m[2], text = table.concat(t) }) end
  end
end
local signs = vim.fn.sign_getplaced(bufnr, { group = '*' })[1].signs
local before = #diags
vim.api.nvim_buf_set_lines(bufnr, fixed_line, fixed_line + 1, false, { fixed_text })
local changed = ok and vim.wait(WAIT, function() return #vim.diagnostic.get(bufnr) == before - 1 end, 20)
local json = vim.fn.json_encode({ ok = ok, changed = changed, diagnostics = diags, after = collect(), rendered = rendered, signs = #signs })
vim.fn.writefile({ json }, out)
vim.lsp.stop_client(client_id)
vim.cmd((ok and changed) and 'qall!' or 'cquit 1')
`;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
}

describe.skipIf(!hasNvim && !inCi)('Neovim 0.7 with the server attached', () => {
  it('receives and renders the diagnostics of a corpus report, and the republished ones after an edit', () => {
    expect(hasNvim, 'CI=true requires nvim (apt-get install -y neovim)').toBe(true);
    const report = corpusReports().find((r) => r.id === '000')!;
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, report.file);
      copyFileSync(report.path, file);
      const script = join(dir, 'lsp_test.lua');
      const out = join(dir, 'out.json');
      writeFileSync(script, SCRIPT);
      const text = report.bytes.toString('utf8');
      const lines = text.split('\n');
      const findings = lint(parseReport(report.bytes, { fileName: file }));
      const first = findings[0]!;
      // Replace the first finding's heading with the canonical one: that finding must go.
      const fixed = `${lines[first.line - 1]!.slice(0, first.fix!.start - text.lastIndexOf('\n', first.fix!.start - 1) - 1)}${first.fix!.text}${text.slice(first.fix!.end, text.indexOf('\n', first.fix!.end))}`;
      const run = spawnSync(
        'nvim',
        ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `lua local ok, e = pcall(dofile, '${script}'); if not ok then io.stderr:write(tostring(e)..'\\n'); vim.cmd('cquit 2') end`],
        { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LSP_SERVER: SERVER_BIN, REPORT_FILE: file, OUT_JSON: out, FIX_LINE: String(first.line - 1), FIX_TEXT: fixed } },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; changed: boolean; diagnostics: NvimDiagnostic[]; after: NvimDiagnostic[]; rendered: Array<{ row: number; text: string }>; signs: number };
      // Neovim counts columns in bytes: convert the core's UTF-16 columns the same way.
      const byteCol = (line: number, column: number): number => Buffer.byteLength((lines[line - 1] ?? '').slice(0, column - 1));
      const expected = findings.map((f) => ({
        lnum: f.line - 1,
        col: byteCol(f.line, f.column),
        end_lnum: f.endLine - 1,
        end_col: byteCol(f.endLine, f.endColumn),
        severity: f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3,
        message: f.message,
        source: 'nianbao',
      }));
      expect(result.diagnostics).toEqual(expected);
      expect(result.after.map((d) => d.message)).toEqual(findings.slice(1).map((f) => f.message));
      // What was drawn: a sign per finding, and virtual text with the message on each finding's line.
      expect(result.signs).toBe(findings.length);
      for (const f of findings) expect(result.rendered.some((r) => r.row === f.line - 1 && r.text.includes(f.message))).toBe(true);
    } finally {
      cleanup();
    }
  });
});
