/**
 * `render --to docx`: a Word document in 公文 style, checked in its XML — the page (A4, the GB/T 9704 margins,
 * 22 lines of 28 characters), the fonts and sizes, the `— 1 —` page number, the fonts' alternates, the
 * tables' merged cells and widths — and read back by nianbao's own .docx reader: the data of every corpus
 * report the readers read comes back unchanged (the round trip `extract` makes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FORMATS, tableGrid, type ReportData, type TableId } from '@nianbao/format';
import { generateReport, PAGE, reportDocx, SIZE_PT, TYPE_AREA_TWIPS } from '@nianbao/generate';
import { parseReport, readSource, toReportData, type ReportDocument } from '@nianbao/parse';
import { corpusReports, readCorpusReport } from '../../../test/helpers/corpus.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATE = new Date(Date.UTC(2024, 0, 26));

function example(): ReportDocument {
  const result = generateReport(JSON.parse(readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8')) as ReportData);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return parseReport(result.markdown, { fileName: '示例.md' });
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).map(([name, data]) => [name, strFromU8(data)]));
}

const attr = (xml: string, element: string, name: string): string | undefined => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'u').exec(xml)?.[1];
const tables = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/gu) ?? [];

/** The runs of the document: their fonts, size, bold and text. */
function runs(xml: string): Array<{ font: string; size: number; text: string; bold: boolean; spacing: number | undefined }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map((m) => {
    const r = m[1]!;
    return {
      font: /w:eastAsia="([^"]*)"/u.exec(r)?.[1] ?? '',
      size: Number(/<w:sz w:val="(\d+)"/u.exec(r)?.[1] ?? 0) / 2,
      text: [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''),
      bold: /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/u.test(r),
      spacing: /<w:spacing w:val="(-?\d+)"/u.test(r) ? Number(/<w:spacing w:val="(-?\d+)"/u.exec(r)![1]) : undefined,
    };
  });
}

/** Each table's data as extract gives it, rows the reader could not place left out. */
function placedCells(doc: ReportDocument): Map<string, number | null> {
  // An excerpt without its year still has its tables' data.
  const data = toReportData(doc, { reportYear: 2022 });
  if (!data.ok) throw new Error(data.reason);
  const asRead = new Set(doc.tables.flatMap((t) => t.rows.filter((r) => r.shape === 'unplaced' || r.cells.some((c) => c.column === undefined)).map((r) => `${t.id}.${r.id}`)));
  const out = new Map<string, number | null>();
  for (const [table, rows] of Object.entries(data.data.tables)) {
    for (const [row, cells] of Object.entries(rows as Record<string, Record<string, number | null>>)) {
      if (asRead.has(`${table}.${row}`)) continue;
      for (const [column, value] of Object.entries(cells)) out.set(`${table}.${row}.${column}`, value);
    }
  }
  return out;
}

describe('render --to docx: the page and the type', async () => {
  const doc = example();
  const { output } = await reportDocx(doc, { date: DATE });
  const files = parts(output);
  const body = files['word/document.xml']!;

  it('is A4 with the 公文 margins and 22 lines of 28 characters', () => {
    expect(attr(body, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(body, 'w:pgSz', 'w:h')).toBe('16838');
    const mm = (name: string): number => Math.round((Number(attr(body, 'w:pgMar', name)) / 20 / 72) * 25.4);
    expect({ top: mm('w:top'), bottom: mm('w:bottom'), left: mm('w:left'), right: mm('w:right') }).toEqual(PAGE.marginMm);
    const pitch = Number(attr(body, 'w:docGrid', 'w:linePitch'));
    const height = 16838 - Number(attr(body, 'w:pgMar', 'w:top')) - Number(attr(body, 'w:pgMar', 'w:bottom'));
    expect(Math.floor(height / pitch)).toBe(22);
    // 28 characters of 三号 with their spacing fit the line; 29 do not.
    const spacing = runs(body).find((r) => r.size === SIZE_PT.size3 && r.font.startsWith('仿宋'))!.spacing!;
    const line = TYPE_AREA_TWIPS / 20;
    expect(28 * (SIZE_PT.size3 + spacing / 20)).toBeLessThanOrEqual(line);
    expect(29 * (SIZE_PT.size3 + spacing / 20)).toBeGreaterThan(line);
  });

  it('sets the title in 方正小标宋简体 二号, headings in 黑体 and 楷体_GB2312 三号, the body in 仿宋_GB2312 三号', () => {
    const all = runs(body);
    const title = all.find((r) => r.text === doc.title!.text)!;
    expect({ font: title.font, size: title.size }).toEqual({ font: '方正小标宋简体', size: 22 });
    const heading = all.find((r) => r.text === '一、总体情况')!;
    expect({ font: heading.font, size: heading.size }).toEqual({ font: '黑体', size: 16 });
    const lead = all.find((r) => r.text === '（一）主动公开。')!;
    expect({ font: lead.font, size: lead.size }).toEqual({ font: '楷体_GB2312', size: 16 });
    const prose = all.find((r) => r.text.startsWith('本报告根据'))!;
    expect({ font: prose.font, size: prose.size }).toEqual({ font: '仿宋_GB2312', size: 16 });
    // The 落款 and the date on the right.
    expect(body).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,400}示例市示例区市场监督管理局/u);
    expect(body).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,400}2024年1月26日/u);
  });

  it('numbers its pages — 1 — in the middle of the footer', () => {
    const footer = files['word/footer1.xml']!;
    expect(footer).toMatch(/<w:jc w:val="center"\/>/u);
    expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/u);
  });

  it('names each font’s first fallback as its alternate, a Chinese one marked GB2312', () => {
    const fonts = files['word/fontTable.xml']!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"/>');
  });

  it('keeps table text off the line grid', () => {
    expect(files['word/styles.xml']).toMatch(/w:styleId="NianbaoTableText"[\s\S]*?<w:pPr><w:snapToGrid w:val="0"\/><w:spacing/u);
  });

  it('draws the three tables with the format’s merged cells, in 五号 and 小五, within the 156 mm type area', () => {
    const found = tables(body);
    expect(found).toHaveLength(3);
    (['activeDisclosure', 'applications', 'reviewLitigation'] as TableId[]).forEach((id, k) => {
      const xml = found[k]!;
      const grid = tableGrid(FORMATS[2021].tables[id]);
      const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((m) => Number(m[1]));
      expect(cols).toHaveLength(grid.width);
      expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TYPE_AREA_TWIPS);
      expect(Number(attr(xml, 'w:tblW', 'w:w'))).toBeLessThanOrEqual(TYPE_AREA_TWIPS);
      expect(TYPE_AREA_TWIPS / 20 / 72 * 25.4).toBeLessThanOrEqual(156.1);
      // A cell merged down repeats its span in each row it covers (`w:vMerge` without `restart`): counted once.
      const spans = (xml.match(/<w:tc>[\s\S]*?<\/w:tc>/gu) ?? []).filter((tc) => !/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/u.test(tc)).flatMap((tc) => {
        const m = /<w:gridSpan w:val="(\d+)"\/>/u.exec(tc);
        return m ? [Number(m[1])] : [];
      });
      expect(spans, id).toEqual(grid.rows.flat().filter((c) => c.colSpan > 1).map((c) => c.colSpan));
      expect((xml.match(/<w:vMerge w:val="restart"\/>/gu) ?? []).length, id).toBe(grid.rows.flat().filter((c) => c.rowSpan > 1).length);
      const sizes = new Set(runs(xml).map((r) => r.size));
      expect([...sizes], id).toEqual([id === 'activeDisclosure' ? SIZE_PT.size5 : SIZE_PT.size5Small]);
    });
  });

  it('gives the same bytes for the same report and date', async () => {
    const again = await reportDocx(example(), { date: DATE });
    expect(Buffer.from(again.output).equals(Buffer.from(output))).toBe(true);
  });

  it('takes its fonts from the setting', async () => {
    const { output: other } = await reportDocx(doc, { date: DATE, fonts: { body: ['仿宋', 'FangSong'] } });
    const p = parts(other);
    expect(runs(p['word/document.xml']!).find((r) => r.text.startsWith('本报告根据'))!.font).toBe('仿宋');
    expect(p['word/fontTable.xml']).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
  });
});

describe('render --to docx: the round trip', () => {
  const reports = [{ file: '示例.md', read: async (): Promise<ReportDocument> => example() }, ...corpusReports({ all: true }).map((r) => ({ file: r.file, read: () => readCorpusReport(r) }))];
  for (const report of reports) {
    it(`${report.file}: the .docx reads back with the same data`, async () => {
      const source = await report.read();
      const { output } = await reportDocx(source, { date: DATE });
      const back = parseReport(await readSource(output, 'r.docx'));
      expect(back.source.format).toBe('docx');
      const want = placedCells(source);
      const got = toReportData(back, { reportYear: 2022 });
      if (!got.ok) throw new Error(got.reason);
      const cells = got.data.tables as unknown as Record<string, Record<string, Record<string, number | null>>>;
      const differ = [...want].filter(([key, value]) => {
        const [table, row, column] = key.split('.') as [string, string, string];
        return cells[table]?.[row]?.[column] !== value;
      });
      expect(differ).toEqual([]);
      // A row shown as read comes back as no numbers at all: nothing the reader did not place is placed now.
      const invented = source.tables.flatMap((t) =>
        t.rows
          .filter((r) => r.id !== undefined && !r.duplicate && (r.shape === 'unplaced' || r.cells.some((c) => c.column === undefined)))
          .flatMap((r) => Object.entries(cells[t.id]?.[r.id!] ?? {}).filter(([, v]) => v !== null).map(([c]) => `${t.id}.${r.id}.${c}`)),
      );
      expect(invented).toEqual([]);
      const from = toReportData(source, { reportYear: 2022 });
      if (!from.ok) throw new Error(from.reason);
      expect({ title: got.data.title, reportYear: got.data.reportYear, formatYear: got.data.formatYear, period: got.data.period?.start }).toEqual({
        title: from.data.title,
        reportYear: from.data.reportYear,
        formatYear: from.data.formatYear,
        period: from.data.period?.start,
      });
    });
  }
});
