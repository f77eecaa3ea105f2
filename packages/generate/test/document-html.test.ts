/**
 * `render --to html` as a page: every corpus report the readers read, and the generated example, drawn on
 * the format's grid. Each table of the page is compared with the format's grid cell by cell on the hast
 * (hast-util-from-html): the header and label cells with their text and their rowspan/colspan, the value
 * cells with the row and column they hold and the text the reader found there — or, for a row the reader
 * could not place, one cell marked as read. The prose is the author's, in order; the page fetches nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { FORMATS, tableGrid, type FormatYear, type ReportData, type TableId } from '@nianbao/format';
import { generateReport, layoutReport, markdownRuns, reportHtml } from '@nianbao/generate';
import { parseReport, type ReportDocument, type TableNode } from '@nianbao/parse';
import { corpusReports, readCorpusReport } from '../../../test/helpers/corpus.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function exampleMarkdown(): string {
  const result = generateReport(JSON.parse(readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8')) as ReportData);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.markdown;
}

function elements(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children as Array<ElementContent | Element>) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    elements(child, test, out);
  }
  return out;
}

const text = (node: Element): string =>
  (node.children as ElementContent[]).map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');
const classes = (e: Element): string[] => (Array.isArray(e.properties['className']) ? (e.properties['className'] as string[]) : []);
const span = (e: Element, name: 'rowSpan' | 'colSpan'): number => Number(e.properties[name] ?? 1);

/** Whether the reader placed every number of the row in its column. */
function placed(table: TableNode, rowId: string): boolean {
  const row = table.rows.find((r) => r.id === rowId && !r.duplicate);
  return row === undefined || (row.shape !== 'unplaced' && row.cells.every((c) => c.column !== undefined));
}

function cellText(table: TableNode, rowId: string, column: string): string {
  // As read, a number broken over two lines joined (it is one number on the page).
  return (table.rows.find((r) => r.id === rowId && !r.duplicate)?.cells.find((c) => c.column === column)?.text ?? '').replace(/\s*[\r\n]+\s*/gu, '').trim();
}

/** Compares each table of the page with the format's grid, cell by cell; returns how many cells were compared. */
function expectTablesOnGrid(doc: ReportDocument, html: string): number {
  const tree = fromHtml(html);
  const tables = elements(tree, (e) => e.tagName === 'table');
  expect(tables.map((t) => t.properties['dataTable'])).toEqual(doc.tables.map((t) => t.id));
  let compared = 0;
  tables.forEach((element, k) => {
    const parsed = doc.tables[k]!;
    const year = Number(element.properties['dataFormat']) as FormatYear;
    const grid = tableGrid(FORMATS[year].tables[parsed.id as TableId]);
    const rows = elements(element, (e) => e.tagName === 'tr');
    expect(rows.length).toBeGreaterThanOrEqual(grid.rows.length);
    grid.rows.forEach((gridRow, r) => {
      const cells = elements(rows[r]!, (e) => e.tagName === 'th' || e.tagName === 'td');
      let at = 0;
      for (let g = 0; g < gridRow.length; g++) {
        const want = gridRow[g]!;
        const got = cells[at++]!;
        const where = `${parsed.id} row ${r + 1} cell ${g + 1}`;
        expect(got, where).toBeDefined();
        if (want.role !== 'value') {
          expect({ tag: got.tagName, text: text(got), rowSpan: span(got, 'rowSpan'), colSpan: span(got, 'colSpan') }, where).toEqual({ tag: 'th', text: want.text, rowSpan: want.rowSpan, colSpan: want.colSpan });
        } else if (placed(parsed, want.row!)) {
          expect({ tag: got.tagName, row: got.properties['dataRow'], column: got.properties['dataColumn'], text: text(got), colSpan: span(got, 'colSpan') }, where).toEqual({
            tag: 'td',
            row: want.row,
            column: want.column,
            text: cellText(parsed, want.row!, want.column!),
            colSpan: want.colSpan,
          });
          expect(classes(got), where).not.toContain('as-read');
        } else {
          // The row's slots are one cell marked as read, covering every slot of that row.
          let width = want.colSpan;
          while (gridRow[g + 1]?.role === 'value' && gridRow[g + 1]!.row === want.row) width += gridRow[++g]!.colSpan;
          expect({ tag: got.tagName, asRead: classes(got).includes('as-read'), colSpan: span(got, 'colSpan') }, where).toEqual({ tag: 'td', asRead: true, colSpan: width });
        }
        compared++;
      }
      expect(cells.length, `${parsed.id} row ${r + 1}`).toBe(at);
    });
  });
  return compared;
}

describe('render --to html: the corpus', () => {
  for (const report of corpusReports({ all: true })) {
    it(`${report.file}: tables on the format's grid, prose in order, nothing fetched`, async () => {
      const doc = await readCorpusReport(report);
      const { output, layout } = reportHtml(doc);
      expect(expectTablesOnGrid(doc, output)).toBeGreaterThan(0);
      // Self-contained: no script, no external resource of any kind.
      expect(output).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/iu);
      // Every paragraph's words are on the page, in the order of the report.
      const page = text(fromHtml(output) as unknown as Element).replace(/\s+/gu, '');
      let from = 0;
      for (const block of layout.blocks) {
        if (block.kind !== 'paragraph') continue;
        const words = block.runs.map((r) => r.text).join('').replace(/\s+/gu, '');
        const at = page.indexOf(words, from);
        expect(at, words.slice(0, 40)).toBeGreaterThanOrEqual(0);
        from = at + words.length;
      }
    });
  }
});

describe('render --to html: the generated example', () => {
  const doc = parseReport(exampleMarkdown(), { fileName: '示例.md' });
  const { output } = reportHtml(doc);
  const tree = fromHtml(output);

  it('draws the three tables on the grid with the merges the national format has', () => {
    expect(expectTablesOnGrid(doc, output)).toBe(
      (['activeDisclosure', 'applications', 'reviewLitigation'] as const).reduce((n, id) => n + tableGrid(FORMATS[2021].tables[id]).rows.flat().length, 0),
    );
    const th = elements(tree, (e) => e.tagName === 'th');
    const merged = (label: string): { rowSpan: number; colSpan: number } | undefined => {
      const cell = th.find((e) => text(e) === label);
      return cell ? { rowSpan: span(cell, 'rowSpan'), colSpan: span(cell, 'colSpan') } : undefined;
    };
    const applications = FORMATS[2021].tables.applications;
    const group = (id: string): string => applications.groups.find((g) => g.id === id)!.label;
    expect(merged(applications.groups.find((g) => g.spansColumns && !g.parent)!.label)).toEqual({ rowSpan: 1, colSpan: 7 });
    expect(merged(applications.groups.find((g) => g.spansColumns && g.parent)!.label)).toEqual({ rowSpan: 1, colSpan: 5 });
    const withheld = applications.rows.filter((r) => r.group === 'withheld').length;
    expect(withheld).toBe(8);
    expect(merged(group('withheld'))).toEqual({ rowSpan: 8, colSpan: 1 });
    const results = applications.groups.find((g) => g.id === 'withheld')!.parent!;
    expect(merged(group(results))).toEqual({ rowSpan: applications.rows.filter((r) => r.group && (r.group === results || applications.groups.find((g) => g.id === r.group)?.parent === results)).length, colSpan: 1 });
    const review = FORMATS[2021].tables.reviewLitigation;
    expect(merged(review.rows[0]!.label)).toEqual({ rowSpan: 1, colSpan: 5 });
    expect(merged(review.groups.find((g) => g.spansColumns)!.label)).toEqual({ rowSpan: 1, colSpan: 10 });
    for (const lawsuit of review.rows.slice(1)) expect(merged(lawsuit.label)).toEqual({ rowSpan: 1, colSpan: 5 });
  });

  it('centres the numbers, puts the 落款 and the date on the right, and prints A4 with tables kept whole', () => {
    expect(output).toMatch(/td\.value \{ text-align: center;/u);
    expect(output).toMatch(/@page \{ size: A4; margin: 37mm 26mm 35mm 28mm;/u);
    expect(output).toMatch(/table \{[^}]*break-inside: avoid/u);
    expect(output).toMatch(/counter\(page\)/u);
    const right = elements(tree, (e) => e.tagName === 'p' && classes(e).includes('right')).map(text);
    expect(right).toEqual(['示例市示例区市场监督管理局', '2024年1月26日']);
  });

  it('leaves the authors’ comments and the update markers out', () => {
    expect(output).not.toContain('<!--');
    expect(output).not.toContain('nianbao:');
    expect(output).not.toContain('待填写');
  });
});

describe('render --to html: what the author wrote', () => {
  it('shows a table the reader could not place as read, marked, with a note', async () => {
    const report = corpusReports({ all: true }).find((r) => r.file.startsWith('013_'))!;
    const doc = await readCorpusReport(report);
    const { output, layout } = reportHtml(doc);
    expect(layout.asRead.length).toBeGreaterThan(0);
    const tree = fromHtml(output);
    expect(elements(tree, (e) => e.tagName === 'td' && classes(e).includes('as-read')).length).toBe(layout.asRead.reduce((n, t) => n + t.rows, 0));
    expect(elements(tree, (e) => e.tagName === 'p' && classes(e).includes('note')).map(text).join('')).toContain('无法确定所属的列');
  });

  it('reads Markdown inline syntax, keeps enumerators and never passes markup or script addresses on', () => {
    const md = [
      '# 某某局2024年政府信息公开工作年度报告',
      '',
      '## 一、总体情况',
      '',
      '1. 落实公开责任，\\*重点\\*领域&#19968;律公开，见[网站](https://example.gov.cn/)与[链接](javascript:alert(1))。<script>alert(2)</script>',
      '',
      '**加粗**的句子<img src=x onerror=alert(3)>。',
    ].join('\n');
    const doc = parseReport(md, { fileName: 'r.md' });
    const { output } = reportHtml(doc);
    const tree = fromHtml(output);
    expect(elements(tree, (e) => ['script', 'img'].includes(e.tagName))).toEqual([]);
    const links = elements(tree, (e) => e.tagName === 'a').map((a) => a.properties['href']);
    expect(links).toEqual(['https://example.gov.cn/']);
    const paragraphs = elements(tree, (e) => e.tagName === 'p').map(text);
    expect(paragraphs).toContain('1. 落实公开责任，*重点*领域一律公开，见网站与链接。');
    expect(elements(tree, (e) => e.tagName === 'strong').map(text)).toEqual(['加粗']);
    expect(markdownRuns('一行\n接着一行 and\nmore')).toEqual([{ text: '一行接着一行 and more' }]);
  });

  it('sets a short opening sentence after （一） as a 楷体 lead and a short enumerated line as a heading', () => {
    const doc = parseReport('某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开。本年度公开信息12条。\n\n（二）依申请公开\n本年度收到申请3件。\n', { fileName: 'r.txt' });
    const layout = layoutReport(doc);
    const kinds = layout.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}:${b.text}` : b.kind === 'paragraph' ? `p:${b.runs.map((r) => (r.lead ? `[${r.text}]` : r.text)).join('')}` : b.kind));
    expect(kinds).toEqual(['title', 'h1:一、总体情况', 'p:[（一）主动公开。]本年度公开信息12条。', 'h2:（二）依申请公开', 'p:本年度收到申请3件。']);
  });

  it('takes fonts from the setting, fallbacks after them, and no name can break out of the style', () => {
    const doc = parseReport(exampleMarkdown(), { fileName: '示例.md' });
    const { output } = reportHtml(doc, { fonts: { body: ['仿宋', 'FangSong'], title: ['x"; } body { color: red; } <\/style>'] } });
    expect(output).toMatch(/font-family: "Times New Roman", "Liberation Serif", "仿宋", "FangSong", serif/u);
    expect(output).not.toMatch(/<\/style>[\s\S]*<\/style>/u);
  });
});
