// The readers' bench: the whole HTML read of the corpus page against hast-util-from-html's own parse of
// it (same run), PDF pages per second on the corpus PDF, and .docx reports per second on a report
// written with the docx package from the lines of a corpus report (its tables as Word tables).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fromHtml } from 'hast-util-from-html';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parseReport, readSource, readSourceSync } from '@nianbao/parse';
import { msPerCall, round } from './timing.mjs';

const corpus = new URL('../test/fixtures/corpus/', import.meta.url);

async function asyncMsPerCall(fn, { warmup = 2, minMs = 1500 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || calls < 3) {
    await fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

/** A .docx of a text report: each line a paragraph, runs of tab-separated lines a table. */
async function docxOf(text) {
  const children = [];
  let rows = [];
  const flush = () => {
    if (rows.length > 0) children.push(new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
    rows = [];
  };
  for (const line of text.split(/\r?\n/u)) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      children.push(new Paragraph({ children: [new TextRun(line)] }));
    }
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

export async function readersBench() {
  const html = readFileSync(new URL('011_pingtan_2024.html', corpus));
  const htmlText = html.toString('utf8');
  const readMs = msPerCall(() => parseReport(readSourceSync(html, 'page.html')), { warmup: 5, batches: 5, minMs: 300 });
  const hastMs = msPerCall(() => fromHtml(htmlText), { warmup: 5, batches: 5, minMs: 300 });
  const viewMs = msPerCall(() => readSourceSync(html, 'page.html'), { warmup: 5, batches: 5, minMs: 300 });

  const pdf = readFileSync(new URL('010_hongze_gov_2024.pdf', corpus));
  const pages = 5;
  const pdfMs = await asyncMsPerCall(() => readSource(pdf, 'report.pdf'));

  const docx = await docxOf(readFileSync(new URL('000_05203f94ff7e5eba.txt', corpus), 'utf8'));
  const docxMs = msPerCall(() => parseReport(readSourceSync(docx, 'report.docx')), { warmup: 5, batches: 5, minMs: 300 });

  // A 5 MB page: the corpus page's article repeated inside one page, read to the model.
  const article = /<body[^>]*>([\s\S]*)<\/body>/iu.exec(htmlText)?.[1] ?? htmlText;
  const copies = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(article));
  const bigPage = Buffer.from(`<html><head><meta charset="utf-8"></head><body>${article.repeat(copies)}</body></html>`, 'utf8');
  const bigMs = msPerCall(() => parseReport(readSourceSync(bigPage, 'big.html')), { warmup: 1, batches: 3, minMs: 0 });

  return {
    html5MBMs: round(bigMs, 1),
    html5MBWithinLimit: bigMs <= 5000,
    // The reader's view alone, and the whole read to the model, each against hast's own parse.
    htmlReadVsHast: round(viewMs / hastMs),
    htmlParseVsHast: round(readMs / hastMs),
    htmlReadMs: round(viewMs, 2),
    pdfPagesPerSecond: round((pages * 1000) / pdfMs, 1),
    docxReportsPerSecond: Math.round(1000 / docxMs),
  };
}
