// The render bench: the bundled example report (examples/, a real district report with its prose), parsed
// once, then written as a page (`reportHtml`) and as a .docx (`reportDocx`, the docx package and the
// package touch-ups) as many times as a few seconds allow. Reports per second, from the parsed report.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { reportDocx, reportHtml } from '@nianbao/generate';
import { parseReport, readSourceSync } from '@nianbao/parse';
import { msPerCall, round } from './timing.mjs';

const EXAMPLE = new URL('../examples/2023-平房区-年度报告.txt', import.meta.url);

async function asyncMsPerCall(fn, { warmup = 3, minMs = 2000 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || calls < 5) {
    await fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

export async function renderBench() {
  const document = parseReport(readSourceSync(readFileSync(EXAMPLE), 'example.txt'));
  const date = new Date(Date.UTC(2024, 0, 20));
  const htmlMs = msPerCall(() => reportHtml(document), { warmup: 10, batches: 5, minMs: 300 });
  const docxMs = await asyncMsPerCall(() => reportDocx(document, { date }));
  return { renderHtmlPerSecond: round(1000 / htmlMs, 1), renderDocxPerSecond: round(1000 / docxMs, 1) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await renderBench(), null, 2));
