/**
 * `render --to docx` as an office opens it: three reports (the generated example, a web page of the
 * corpus, a 2019-format text report) rendered to .docx, converted to PDF by LibreOffice headless (Debian's
 * libreoffice-writer-nogui) in one batch, and the PDF read with pdftotext. Each merged header and label is
 * printed once (as many times as the prose and the grid's cells hold its words), every page carries its
 * number as `— N —`, and no word stands outside the 156 mm type area. Without soffice or pdftotext the test
 * says so and skips; under CI=true it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport, PAGE, reportDocx, type ReportLayout } from '@nianbao/generate';
import type { ReportData } from '@nianbao/format';
import { parseReport, readSource, type ReportDocument } from '@nianbao/parse';
import { ROOT } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const has = (command: string, args: string[]): boolean => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const available = has('soffice', ['--version']) && has('pdftotext', ['-v']);
const required = process.env['CI'] === 'true';
if (!available && !required) console.warn('LibreOffice (soffice) or pdftotext not found: the render → PDF test is skipped (apt-get install libreoffice-writer-nogui poppler-utils).');

const POINTS_PER_MM = 72 / 25.4;
const LEFT = PAGE.marginMm.left * POINTS_PER_MM;
const RIGHT = LEFT + PAGE.typeAreaMm.width * POINTS_PER_MM;

async function reports(): Promise<Array<{ name: string; document: ReportDocument }>> {
  const generated = generateReport(JSON.parse(readFileSync(join(ROOT, 'schemas/report-data.example.json'), 'utf8')) as ReportData);
  if (!generated.ok) throw new Error('example data');
  const corpus = async (file: string): Promise<ReportDocument> => parseReport(await readSource(readFileSync(join(CORPUS_DIR, file)), file));
  return [
    { name: 'example', document: parseReport(generated.markdown, { fileName: '示例.md' }) },
    { name: 'pingtan', document: await corpus('011_pingtan_2024.html') },
    { name: 'sanming', document: await corpus('005_sanming_gov_2019.txt') },
  ];
}

const squeeze = (s: string): string => s.replace(/\s+/gu, '');
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

/** The merged header and label cells of the layout, and how often their words are in it. */
function mergedWords(layout: ReportLayout): Map<string, number> {
  const prose: string[] = [];
  const cells: string[] = [];
  const merged = new Set<string>();
  for (const block of layout.blocks) {
    if (block.kind === 'table') {
      for (const cell of block.table.rows.flat()) {
        cells.push(squeeze(cell.text));
        if (cell.role !== 'value' && (cell.rowSpan > 1 || cell.colSpan > 1) && squeeze(cell.text).length >= 4) merged.add(squeeze(cell.text));
      }
    } else prose.push(squeeze(block.kind === 'paragraph' ? block.runs.map((r) => r.text).join('') : block.text));
  }
  const all = prose.join('');
  return new Map([...merged].map((w) => [w, count(all, w) + cells.reduce((n, c) => n + count(c, w), 0)]));
}

interface Word {
  page: number;
  x0: number;
  x1: number;
  y: number;
  text: string;
}

function words(pdf: string): Word[] {
  const xml = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const out: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/u.exec(line);
    if (m) out.push({ page, x0: Number(m[1]), y: Math.round(Number(m[2])), x1: Number(m[3]), text: m[4]! });
  }
  return out;
}

describe('render --to docx, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(available || required)('prints each merged header once, numbers every page — N —, and keeps to the type area', async () => {
    expect(available, 'soffice and pdftotext are needed here: apt-get install libreoffice-writer-nogui poppler-utils').toBe(true);
    const rendered = await Promise.all(
      (await reports()).map(async ({ name, document }) => {
        const { output, layout } = await reportDocx(document, { date: new Date(Date.UTC(2024, 0, 26)) });
        writeFileSync(join(dir, `${name}.docx`), output);
        return { name, layout };
      }),
    );
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...rendered.map((r) => join(dir, `${r.name}.docx`))],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const { name, layout } of rendered) {
      const pdf = join(dir, `${name}.pdf`);
      const text = squeeze(spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout);
      const expected = mergedWords(layout);
      expect(expected.size, name).toBeGreaterThan(5);
      for (const [word, times] of expected) expect(count(text, word), `${name}: ${word}`).toBe(times);

      const all = words(pdf);
      const pages = Math.max(...all.map((w) => w.page));
      expect(pages, name).toBeGreaterThan(1);
      for (let page = 1; page <= pages; page++) {
        const lines = new Map<number, string[]>();
        for (const w of all.filter((x) => x.page === page)) lines.set(w.y, [...(lines.get(w.y) ?? []), w.text]);
        expect([...lines.values()].some((l) => l.join(' ') === `— ${page} —`), `${name}: page ${page} is numbered — ${page} —`).toBe(true);
      }
      // A full-width comma or stop may hang past the margin at a line's end (标点悬挂, as LibreOffice sets
      // Chinese prose): that is one mark of the body, never a table, whose cells hold their text.
      const hangs = (w: Word): boolean => /[，。、；：？！）》”’]$/u.test(w.text) && w.x1 - RIGHT <= 16 + 1.5;
      const outside = all.filter((w) => w.x0 < LEFT - 1.5 || (w.x1 > RIGHT + 1.5 && !hangs(w))).map((w) => `p${w.page} ${w.text} ${w.x0.toFixed(1)}–${w.x1.toFixed(1)}`);
      expect(outside, `${name}: words outside ${LEFT.toFixed(1)}–${RIGHT.toFixed(1)} pt`).toEqual([]);
    }
  }, 240_000);
});
