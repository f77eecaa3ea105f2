#!/usr/bin/env node
/**
 * `npm run images`: the README's pictures of `nianbao render`, made from the bundled example report
 * (examples/2023-平房区-年度报告.txt) by the built CLI's own code:
 *   docs/images/render-html.png        Chromium's screenshot of the page's top (Debian's chromium, playwright-core)
 *   docs/images/render-html-table.png  the page's Table 三, with its merged cells
 *   docs/images/render-docx-page1.png  page 1 of the .docx as LibreOffice prints it (soffice, pdftoppm)
 *   docs/images/render-docx-table.png  the page of the .docx that holds Table 三
 * Needs `npm run build` first, and chromium, libreoffice-writer-nogui and poppler-utils installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FORMAT_2021 } from '@nianbao/format';
import { reportDocx, reportHtml } from '@nianbao/generate';
import { parseReport, readSource } from '@nianbao/parse';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples/2023-平房区-年度报告.txt');
const OUT = join(ROOT, 'docs/images');
// The example's own date, so that the .docx (and its pictures) are the same at every run.
const DATE = new Date(Date.UTC(2024, 0, 20));

function need(command, args, what) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.error(`images: ${command} is needed (${what}).`);
    process.exit(2);
  }
}
need('soffice', ['--version'], 'apt-get install libreoffice-writer-nogui');
need('pdftoppm', ['-v'], 'apt-get install poppler-utils');

const work = mkdtempSync(join(tmpdir(), 'nianbao-images-'));
try {
  mkdirSync(OUT, { recursive: true });
  const bytes = readFileSync(EXAMPLE);
  const document = parseReport(await readSource(bytes, EXAMPLE), { fileName: EXAMPLE });
  const html = reportHtml(document).output;
  const docx = (await reportDocx(document, { date: DATE })).output;
  writeFileSync(join(work, 'report.html'), html);
  writeFileSync(join(work, 'report.docx'), docx);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, deviceScaleFactor: 1 });
    // The page is self-contained: anything it asked of the network would be a bug, so nothing is let through.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(`file://${join(work, 'report.html')}`);
    await page.screenshot({ path: join(OUT, 'render-html.png') });
    await page.locator('table[data-table="applications"]').screenshot({ path: join(OUT, 'render-html-table.png') });
  } finally {
    await browser.close();
  }

  const convert = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'report.docx')], { encoding: 'utf8', timeout: 120_000 });
  if (convert.status !== 0) throw new Error(`soffice: ${convert.stderr}`);
  const pdf = join(work, 'report.pdf');
  const pageOf = (n, name) => {
    const r = spawnSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '70', '-png', '-singlefile', pdf, join(work, name)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
    copyFileSync(join(work, `${name}.png`), join(OUT, `${name}.png`));
  };
  pageOf(1, 'render-docx-page1');
  // The page where Table 三's header starts.
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
  const applicants = FORMAT_2021.tables.applications.groups.find((g) => g.spansColumns && !g.parent).label;
  const tablePage = text.findIndex((p) => p.includes(applicants)) + 1;
  if (tablePage > 0) pageOf(tablePage, 'render-docx-table');
  for (const name of ['render-html.png', 'render-html-table.png', 'render-docx-page1.png', 'render-docx-table.png']) console.log(`images: docs/images/${name}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
