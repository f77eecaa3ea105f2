#!/usr/bin/env node
// `npm run bench [-- --json]`: speed figures of nianbao against markdownlint on the same files.
// Targets are printed beside each figure; a missed target is reported, not hidden.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { parseReport } from '@nianbao/parse';
import { lint } from '@nianbao/lint';
import { generateReport } from '@nianbao/generate';
import { lspBench } from './lsp.mjs';
import { msPerCall, round } from './timing.mjs';
import { largeReport } from './large-report.mjs';
import { readersBench } from './readers.mjs';
import { extractFuzzBench } from './extract-fuzz.mjs';
import { layoutsBench } from './layouts.mjs';
import { worstCaseBench } from './worst-case.mjs';
import { folderBench } from './folder.mjs';
import { renderBench } from './render.mjs';
import { startupBench } from './startup.mjs';

const json = process.argv.includes('--json');
// `--quick` leaves out the layout property suites at bench counts (several minutes).
const quick = process.argv.includes('--quick');
const corpusDir = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));
// The text corpus: every .txt and .md report of the corpus (the notes beside them are not reports).
const files = readdirSync(corpusDir).filter((f) => /^\d{3}_.*\.(txt|md)$/u.test(f)).sort();
const reports = files.map((file) => ({ file, bytes: readFileSync(corpusDir + file), text: readFileSync(corpusDir + file, 'utf8') }));
const totalBytes = reports.reduce((n, r) => n + r.bytes.length, 0);

const parseAll = () => {
  for (const r of reports) parseReport(r.bytes, { fileName: r.file });
};
const markdownlintAll = () => {
  for (const r of reports) markdownlint({ strings: { [r.file]: r.text } });
};

const lintAll = () => {
  for (const r of reports) lint(parseReport(r.bytes, { fileName: r.file }));
};

const parseMs = msPerCall(parseAll);
const lintMs = msPerCall(lintAll);
const markdownlintMs = msPerCall(markdownlintAll);

const example = JSON.parse(readFileSync(new URL('../schemas/report-data.example.json', import.meta.url), 'utf8'));
const generateMs = msPerCall(() => {
  if (!generateReport(example).ok) throw new Error('the bundled example does not validate');
});

const big = largeReport(5 * 1024 * 1024);
const bigBytes = Buffer.from(big, 'utf8');
const bigMs = msPerCall(() => parseReport(bigBytes, { fileName: 'large.txt' }), { warmup: 1, batches: 3, minMs: 0 });
const BIG_LIMIT_MS = 5000;

const figures = {
  corpusReports: reports.length,
  corpusBytes: totalBytes,
  parseMsPerReport: round(parseMs / reports.length),
  parseMBPerSecond: round(totalBytes / 1048576 / (parseMs / 1000), 2),
  markdownlintMsPerReport: round(markdownlintMs / reports.length),
  parseVsMarkdownlint: round(parseMs / markdownlintMs),
  lintMsPerReport: round(lintMs / reports.length),
  lintVsMarkdownlint: round(lintMs / markdownlintMs),
  parse5MBMs: round(bigMs, 1),
  parse5MBWithinLimit: bigMs <= BIG_LIMIT_MS,
  generateMsPerReport: round(generateMs),
  generateReportsPerSecond: Math.round(1000 / generateMs),
  ...(await readersBench()),
  ...extractFuzzBench(),
  ...(await lspBench()),
  ...worstCaseBench(),
  // A province's folder as a whole process on every core, against markdownlint-cli2 on the same files.
  ...(await folderBench()),
  // `render`: the example report as a page and as a .docx, from the parsed report.
  ...(await renderBench()),
  // Start-up: one small report linted, and one generate, each as a whole process of the packed CLI.
  ...(await startupBench()),
  ...(quick ? {} : layoutsBench()),
};

if (json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const target = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`corpus: ${reports.length} reports, ${totalBytes} bytes`);
  console.log(`parse:         ${figures.parseMsPerReport} ms/report, ${figures.parseMBPerSecond} MB/s`);
  console.log(`markdownlint:  ${figures.markdownlintMsPerReport} ms/report (its own lint, same files, same run)`);
  console.log(`parse ÷ markdownlint = ${figures.parseVsMarkdownlint}  (target ≤ 0.5: ${target(figures.parseVsMarkdownlint <= 0.5)})`);
  console.log(`lint (parse included, warm): ${figures.lintMsPerReport} ms/report`);
  console.log(`lint ÷ markdownlint = ${figures.lintVsMarkdownlint}  (target ≤ 1.0: ${target(figures.lintVsMarkdownlint <= 1)})`);
  console.log(`generate: ${figures.generateMsPerReport} ms/report = ${figures.generateReportsPerSecond} reports/s  (target ≥ 1000: ${target(figures.generateReportsPerSecond >= 1000)})`);
  console.log(`editor (stdio, 200 edits): 20 KB p50 ${figures.lspP50Ms} ms, p95 ${figures.lspP95Ms} ms (target ≤ 50: ${target(figures.lspP95Ms <= 50)}); 100 KB p50 ${figures.lspP50Ms100k} ms, p95 ${figures.lspP95Ms100k} ms (target ≤ 150: ${target(figures.lspP95Ms100k <= 150)})`);
  console.log(`language server RSS with 50 open reports: ${figures.lspMemoryMB} MB (target ≤ 200: ${target(figures.lspMemoryMB <= 200)})`);
  console.log(`editor, a second document while a slow one is linted: ${figures.lspSecondDocMs} ms to its diagnostics and hover (target ≤ 200: ${target(figures.lspSecondDocMs <= 200)})`);
  console.log(`5 MB report: ${figures.parse5MBMs} ms  (bound ≤ ${BIG_LIMIT_MS} ms: ${target(figures.parse5MBWithinLimit)})`);
  console.log(`HTML page read ÷ hast-util-from-html's parse = ${figures.htmlReadVsHast} (target ≤ 1.5: ${target(figures.htmlReadVsHast <= 1.5)}); to the model: ${figures.htmlParseVsHast}`);
  console.log(`5 MB web page: ${figures.html5MBMs} ms to the model (bound ≤ ${BIG_LIMIT_MS} ms: ${target(figures.html5MBWithinLimit)})`);
  console.log(`PDF: ${figures.pdfPagesPerSecond} pages/s; .docx: ${figures.docxReportsPerSecond} reports/s`);
  console.log(`render: ${figures.renderHtmlPerSecond} pages/s to HTML, ${figures.renderDocxPerSecond} reports/s to .docx`);
  console.log(`one small report linted as a process: ${figures.oneFileLintMs} ms, markdownlint-cli2 ${figures.oneFileMarkdownlintCli2Ms} ms, ratio ${figures.oneFileLintVsMarkdownlintCli2} (target ≤ ${figures.oneFileLintVsMarkdownlintCli2Target}: ${target(!figures.oneFileLintVsMarkdownlintCli2Missed)}); generate as a process ${figures.generateProcessMs} ms ÷ node -e 0 ${figures.nodeProcessMs} ms = ${figures.generateProcessVsNode} (target ≤ ${figures.generateProcessVsNodeTarget}: ${target(!figures.generateProcessVsNodeMissed)}); the workspace's unbundled bin: lint ${figures.workspaceLintMs} ms, generate ${figures.workspaceGenerateMs} ms`);
  if (!quick) {
    console.log(`layouts: ${figures.layoutsDataSets} data sets in each text, web and .docx layout, ${figures.layoutsFailedLayouts} layouts failing, ${figures.layoutsSeconds} s; PDF: ${figures.pdfLayoutDataSets} data sets, ${figures.pdfLayoutFailed === 0 ? 'passed' : 'FAILED'}, ${figures.pdfLayoutSeconds} s${figures.layoutsFirstFailure ? ` — ${figures.layoutsFirstFailure}` : ''}`);
  }
  console.log(`folder of ${figures.folderReports} reports on ${figures.folderCores} cores: ${figures.folderSeconds} s = ${figures.folderReportsPerSecond} reports/s (target ≥ ${figures.folderReportsPerSecondTarget}: ${target(!figures.folderReportsPerSecondMissed)}), peak ${figures.folderPeakMB} MB (target ≤ ${figures.folderPeakMBTarget}: ${target(!figures.folderPeakMBMissed)}); markdownlint-cli2 on the same folder ${figures.folderMarkdownlintCli2Seconds} s, ratio ${figures.folderVsMarkdownlintCli2}${figures.folderRunOk ? '' : ' — THE RUN FAILED'}`);
  console.log(`pathological inputs: worst ${figures.worstCaseMsPerMB} ms/MB, growth ${figures.worstCaseGrowth} (goal ≤ 1.5: ${target(figures.worstCaseGrowth <= 1.5)}), peak RSS growth ${figures.worstCaseRssRatio}× the input (goal ≤ 20: ${target(figures.worstCaseRssRatio <= 20)})`);
  for (const [name, sizes] of Object.entries(figures.worstCaseDetail)) console.log(`  ${name}: ${sizes}`);
  console.log(`extract on ${figures.extractFuzzInputs} mutated reports: ${figures.extractFuzzExtracted} extracted, schema-valid share ${figures.extractSchemaValid} (goal 1: ${target(figures.extractSchemaValid === 1)})`);
}
if (!figures.parse5MBWithinLimit || !figures.html5MBWithinLimit) process.exitCode = 1;
