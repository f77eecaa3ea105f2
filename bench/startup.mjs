// Start-up as a user meets it (issue 13): one small report linted as a whole process, nianbao against
// markdownlint-cli2 (0.22.x: later versions need Node 22) on the same file, and one `nianbao generate`
// of the bundled example as a process against `node -e 0` (the floor every Node command pays). On a
// small file almost all of a process is loading code, so these are figures of what each run loads.
// nianbao is timed as `npm i -g` installs it: the package `npm run pack` makes (scripts/pack-cli.mjs),
// laid out in a temporary folder outside the repository, so that nothing is found in its node_modules.
// The workspace's own bin (tsc's output, one file per module) is timed beside it, for the record.
// The commands are run in turn, round after round, and each one's median is taken: a machine busy for a
// moment slows every command of that round, not one of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stageCli } from '../scripts/pack-cli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_BIN = join(root, 'packages', 'cli', 'bin', 'nianbao.js');
const MDL = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const EXAMPLE_DATA = join(root, 'schemas', 'report-data.example.json');
const SMALL_REPORT = join(root, 'examples', '2023-平房区-年度报告.txt');

export const STARTUP_TARGETS = { oneFileLintVsMarkdownlintCli2: 0.5, generateProcessVsNode: 4 };

function wallMs(args, cwd) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  // Exit 1 is a lint with findings; anything else means the figure is of a failure, not of a run.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n, digits = 2) => Number(n.toFixed(digits));

export async function startupBench({ rounds = 9 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
  try {
    // The same small report for both tools, as Markdown (the one format both read); markdownlint-cli2
    // finds no configuration in a fresh folder, nor does nianbao.
    const report = join(dir, '报告.md');
    writeFileSync(report, readFileSync(SMALL_REPORT));
    await stageCli(join(dir, 'nianbao') + '/');
    const bin = join(dir, 'nianbao', 'dist', 'nianbao.js');
    const commands = {
      lint: [bin, 'lint', report],
      markdownlint: [MDL, report],
      generate: [bin, 'generate', EXAMPLE_DATA, '-o', join(dir, '生成.md'), '--force'],
      node: ['-e', '0'],
      workspaceLint: [WORKSPACE_BIN, 'lint', report],
      workspaceGenerate: [WORKSPACE_BIN, 'generate', EXAMPLE_DATA, '-o', join(dir, '生成.md'), '--force'],
    };
    const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    // One unmeasured round: the file cache is warm for every command alike.
    for (const args of Object.values(commands)) wallMs(args, dir);
    for (let r = 0; r < rounds; r++) for (const [name, args] of Object.entries(commands)) times[name].push(wallMs(args, dir));
    const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const lintRatio = round(ms.lint / ms.markdownlint);
    const generateRatio = round(ms.generate / ms.node);
    return {
      oneFileLintMs: Math.round(ms.lint),
      oneFileMarkdownlintCli2Ms: Math.round(ms.markdownlint),
      oneFileLintVsMarkdownlintCli2: lintRatio,
      oneFileLintVsMarkdownlintCli2Target: STARTUP_TARGETS.oneFileLintVsMarkdownlintCli2,
      oneFileLintVsMarkdownlintCli2Missed: lintRatio > STARTUP_TARGETS.oneFileLintVsMarkdownlintCli2,
      generateProcessMs: Math.round(ms.generate),
      nodeProcessMs: Math.round(ms.node),
      generateProcessVsNode: generateRatio,
      generateProcessVsNodeTarget: STARTUP_TARGETS.generateProcessVsNode,
      generateProcessVsNodeMissed: generateRatio > STARTUP_TARGETS.generateProcessVsNode,
      // The same two runs by the workspace's bin (no target: it is not what a user installs).
      workspaceLintMs: Math.round(ms.workspaceLint),
      workspaceGenerateMs: Math.round(ms.workspaceGenerate),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node bench/startup.mjs [rounds]`: this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await startupBench({ rounds: Number(process.argv[2] ?? 9) }), null, 2)}\n`);
}
