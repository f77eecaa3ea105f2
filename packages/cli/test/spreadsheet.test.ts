import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_YEARS, type ReportData } from '@nianbao/format';
import { fileForYear } from '../src/commands/extract.js';
import { sheetColumns } from '../src/spreadsheet/columns.js';
import { csvField, toCsv } from '../src/spreadsheet/csv.js';
import { UNREADABLE, cellKey, sheetRow } from '../src/spreadsheet/rows.js';

describe('the spreadsheet’s columns', () => {
  it('every cell of the format once, under a heading made of the format’s own labels', () => {
    for (const year of FORMAT_YEARS) {
      const columns = sheetColumns(year);
      const headings = columns.map((c) => c.heading);
      expect(new Set(headings).size).toBe(headings.length);
      const cells = columns.filter((c) => c.kind === 'cell');
      const tables = Object.values(FORMATS[year].tables);
      expect(cells).toHaveLength(tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.columns.length, 0), 0));
      for (const t of tables) {
        for (const r of t.rows) {
          for (const c of r.columns) {
            const column = cells.find((x) => x.kind === 'cell' && x.table === t.id && x.row === r.id && x.column === c)!;
            expect(column.heading).toContain(r.label);
            expect(column.heading).toContain(t.columns.find((x) => x.id === c)!.label);
          }
        }
      }
      expect(headings.slice(0, 8)).toEqual(['文件', '机关名称', '机关类别', '报告年度', '表格格式', '落款或发布日期', '错误数', '提示数']);
    }
  });
});

describe('a report’s row', () => {
  const data = {
    agency: { name: '某区某局', kind: '部门' },
    reportYear: 2023,
    formatYear: 2021,
    publicationDate: '2024-01-20',
    tables: { activeDisclosure: {}, applications: { newReceived: { naturalPerson: 3, commercial: null, research: null } }, reviewLitigation: {} },
  } as unknown as ReportData;
  const columns = sheetColumns(2021);
  const row = sheetRow({ file: 'a.txt', data, blank: new Set([cellKey('applications', 'newReceived', 'commercial')]), errors: 2, warnings: 1 }, columns);
  const at = (table: string, r: string, c: string) => row[columns.findIndex((x) => x.kind === 'cell' && x.table === table && x.row === r && x.column === c)];

  it('a number as a number, a blank cell empty, any other cell without a number 无法读取', () => {
    expect(row.slice(0, 8)).toEqual(['a.txt', '某区某局', '部门', 2023, 2021, '2024-01-20', 2, 1]);
    expect(at('applications', 'newReceived', 'naturalPerson')).toBe(3);
    expect(at('applications', 'newReceived', 'commercial')).toBeNull();
    expect(at('applications', 'newReceived', 'research')).toBe(UNREADABLE);
    expect(at('reviewLitigation', 'review', 'total')).toBe(UNREADABLE);
  });
});

describe('csv for Excel', () => {
  it('quotes what needs quoting, defuses formulas in text, leaves numbers alone', () => {
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('他说"是"')).toBe('"他说""是"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('a byte order mark first, CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });

  it('one file per format year when a folder holds both', () => {
    expect(fileForYear('汇总.csv', 2021, false)).toBe('汇总.csv');
    expect(fileForYear('out/汇总.csv', 2019, true)).toBe('out/汇总-2019.csv');
    expect(fileForYear('汇总', 2021, true)).toBe('汇总-2021.csv');
  });
});
