/**
 * The figures as a spreadsheet: `nianbao extract DIR --format xlsx|csv -o 汇总.xlsx` over corpus reports
 * of both formats. The workbook is opened back with exceljs (the library that wrote it) and every cell of
 * each report's row is compared with that report's own `extract` JSON and its `lint` counts; the csv files
 * are parsed back with csv-parse and hold the same rows.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FORMATS, TABLE_IDS, type FormatYear, type ReportData } from '@nianbao/format';
import { cellHeading } from '../packages/cli/src/spreadsheet/columns.js';
import { cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();

/** Reports of the 2021 format (002, 004, 007, the 011 web page) and of the 2019 format (005, 006, 009). */
const CORPUS = [
  '002_8df8c676ffab5338.txt',
  '004_6f7b59792f9ed408.txt',
  '005_sanming_gov_2019.txt',
  '006_sanming_gov_2020.txt',
  '007_sanming_gov_2021.txt',
  '009_putian_shenji_2019.txt',
  '011_pingtan_2024.html',
];

function corpusFolder(): string {
  const dir = temp();
  for (const name of CORPUS) copyFileSync(join(CORPUS_DIR, name), join(dir, name));
  return dir;
}

async function extracted(dir: string, name: string): Promise<ReportData> {
  const r = await cli(['extract', name], dir);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportData;
}

/** Errors and warnings per file, as `lint DIR` counts them (suppressed findings are not listed). */
async function lintCounts(dir: string): Promise<Map<string, { errors: number; warnings: number }>> {
  const findings = JSON.parse((await cli(['lint', '.', '--format', 'json'], dir)).stdout) as Array<{ file: string; severity: string }>;
  const out = new Map<string, { errors: number; warnings: number }>();
  for (const name of CORPUS) out.set(name, { errors: 0, warnings: 0 });
  for (const f of findings) {
    const c = out.get(basename(f.file))!;
    if (f.severity === 'error') c.errors++;
    if (f.severity === 'warning') c.warnings++;
  }
  return out;
}

type Cell = string | number | null;

/** What a row must hold, column by column, from the report's JSON: numbers as numbers, a null empty or 无法读取. */
function expectRow(headings: readonly string[], row: readonly Cell[], data: ReportData, counts: { errors: number; warnings: number }, file: string): number {
  const at = (heading: string): Cell => row[headings.indexOf(heading)] ?? null;
  expect(at('文件')).toBe(file);
  expect(at('机关名称')).toBe(data.agency.name);
  expect(at('机关类别')).toBe(data.agency.kind);
  expect(at('报告年度')).toBe(data.reportYear);
  expect(at('表格格式')).toBe(data.formatYear);
  expect(at('落款或发布日期')).toBe(data.publicationDate);
  expect(at('错误数')).toBe(counts.errors);
  expect(at('提示数')).toBe(counts.warnings);
  let unreadable = 0;
  const format = FORMATS[data.formatYear];
  for (const table of TABLE_IDS) {
    const spec = format.tables[table];
    for (const r of spec.rows) {
      for (const c of r.columns) {
        const value = data.tables[table][r.id]![c]!;
        const cell = at(cellHeading(spec, r.id, c));
        if (value === null) {
          expect([null, '无法读取'], `${file} ${table}.${r.id}.${c}`).toContain(cell);
          if (cell === '无法读取') unreadable++;
        } else expect(cell, `${file} ${table}.${r.id}.${c}`).toBe(value);
      }
    }
  }
  return unreadable;
}

/** A worksheet's rows as values; an empty cell is null. */
function sheetRows(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: Cell[] = [];
    for (let i = 1; i <= ws.columnCount; i++) {
      const v = row.getCell(i).value;
      values.push(v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
    }
    rows.push(values);
  });
  return rows;
}

describe('nianbao extract DIR --format xlsx', () => {
  it('one sheet per format year, one row per report, every cell its extract JSON’s', async () => {
    const dir = corpusFolder();
    const r = await cli(['extract', '.', '--format', 'xlsx', '-o', '汇总.xlsx'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已写入 汇总.xlsx');
    expect(r.stderr).toContain('提取了 7 份报告（2021年格式 4 份，2019年格式 3 份）');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '汇总.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2021年格式', '2019年格式']);
    const counts = await lintCounts(dir);
    let unreadable = 0;
    const seen: string[] = [];
    for (const ws of workbook.worksheets) {
      const [headings, ...rows] = sheetRows(ws) as [string[], ...Cell[][]];
      expect(new Set(headings).size).toBe(headings.length);
      for (const row of rows) {
        const file = String(row[0]);
        seen.push(file);
        const data = await extracted(dir, file);
        expect(ws.name).toBe(`${data.formatYear}年格式`);
        unreadable += expectRow(headings, row, data, counts.get(file)!, file);
      }
    }
    expect(seen.sort()).toEqual([...CORPUS].sort());
    // Report 002's rows of the wrong shape and 011's unplaceable rows: written 无法读取, not left empty.
    expect(unreadable).toBeGreaterThan(0);
  }, 60_000);

  it('refuses to replace the workbook without --force, and needs a file name', async () => {
    const dir = corpusFolder();
    writeFileSync(join(dir, '汇总.xlsx'), 'old');
    const r = await cli(['extract', '.', '-o', '汇总.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/汇总\.xlsx/u);
    expect(readFileSync(join(dir, '汇总.xlsx'), 'utf8')).toBe('old');
    expect((await cli(['extract', '.', '-o', '汇总.xlsx', '--force'], dir)).code).toBe(0);
    const stdout = await cli(['extract', '.', '--format', 'xlsx'], dir);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toBe('xlsx 是二进制文件，不能输出到标准输出：请用 -o 指定文件名，如 -o 汇总.xlsx。\n');
  }, 60_000);
});

describe('nianbao extract DIR --format csv', () => {
  it('one file per format year, UTF-8 with a BOM, that a csv parser reads back to the workbook’s rows', async () => {
    const dir = corpusFolder();
    expect((await cli(['extract', '.', '-o', '汇总.xlsx'], dir)).code).toBe(0);
    const r = await cli(['extract', '.', '--format', 'csv', '-o', '汇总.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, '汇总.csv'))).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '汇总.xlsx'));
    for (const year of [2021, 2019] as FormatYear[]) {
      const bytes = readFileSync(join(dir, `汇总-${year}.csv`));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(bytes, { bom: true, relaxColumnCount: false }) as string[][];
      const sheet = sheetRows(workbook.getWorksheet(`${year}年格式`)!);
      expect(rows).toEqual(sheet.map((row) => row.map((v) => (v === null ? '' : String(v)))));
    }
  }, 60_000);

  it('a folder of one format: the file named, or stdout', async () => {
    const dir = temp();
    copyFileSync(join(CORPUS_DIR, '004_6f7b59792f9ed408.txt'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n无关的文字。\n');
    const out = await cli(['extract', '.', '--format', 'csv'], dir);
    expect(out.code, out.stderr).toBe(0);
    const rows = parse(out.stdout, { bom: true }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('a.txt');
    // A file that is no report is named among the skipped, with why.
    expect(out.stderr).toMatch(/notes\.md/u);
    expect((await cli(['extract', '.', '-o', '汇总.csv'], dir)).code).toBe(0);
    expect(existsSync(join(dir, '汇总.csv'))).toBe(true);
  });

  it('a folder of both formats needs -o; JSON is for one report', async () => {
    const dir = corpusFolder();
    const r = await cli(['extract', '.', '--format', 'csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('每种格式一个 csv 文件：请用 -o 指定文件名');
    const json = await cli(['extract', CORPUS[0]!, CORPUS[1]!], dir);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('JSON 输出只针对一份报告');
    const bad = await cli(['extract', '.', '--format', 'ods'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ods/u);
  });
});
