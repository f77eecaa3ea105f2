// One pathological input, read and linted as the CLI does (worst-case.mjs runs this once per case and
// size): prints the milliseconds and the peak memory growth over the process's memory before the run.
import { parseReport } from '@nianbao/parse';
import { lint } from '@nianbao/lint';
import { CASES } from './worst-case.mjs';

const [name, size] = process.argv.slice(2);
const c = CASES.find((x) => x.name === name);
const bytes = Buffer.from(c.make(Number(size)), 'utf8');
// Loaded and warmed on a small report first, so the figure is the input's cost, not the modules'.
lint(parseReport(Buffer.from('某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n'), { fileName: c.file }));
const before = process.memoryUsage().rss;
const start = performance.now();
lint(parseReport(bytes, { fileName: c.file }));
const ms = performance.now() - start;
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ ms: Math.round(ms), rssGrowth: Math.max(0, peak - before) }));
