import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

type Cells = Record<string, Record<string, number | null>>;
interface Data {
  reportYear: number;
  title: string | null;
  agency: { name: string | null; kind: string | null };
  contact: Record<string, string> | null;
  previousYear?: { reportYear?: number; inForce?: Record<string, number | null>; carriedForward?: Record<string, number | null> };
  tables: Record<'activeDisclosure' | 'applications' | 'reviewLitigation', Cells>;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/report-data.schema.json'), 'utf8')) as object,
);

const temp = useTempDirs();

const R004 = join(CORPUS_DIR, '004_6f7b59792f9ed408.txt');
const R002 = join(CORPUS_DIR, '002_8df8c676ffab5338.txt');
const ZEROS = { naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, other: 0, total: 0 };

function parsed(stdout: string): Data {
  const data = JSON.parse(stdout) as Data;
  expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return data;
}

/** The cells that hold a number, outside the 上年结转 row. */
function filledCells(data: Data): string[] {
  const out: string[] = [];
  for (const [table, rows] of Object.entries(data.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, v] of Object.entries(columns)) if (v !== null && !(table === 'applications' && row === 'carriedOver')) out.push(`${table}.${row}.${column}`);
    }
  }
  return out;
}

describe('nianbao init --from', () => {
  it('from the 2023 report of 平房区: next year with 上年结转 and the stock carried, every other count blank', async () => {
    const r = await cli(['init', '--from', R004, '--year', '2024']);
    expect(r.code, r.stderr).toBe(0);
    const data = parsed(r.stdout);
    expect(data.reportYear).toBe(2024);
    expect(data.title).toBe('平房区2024年政府信息公开工作年度报告');
    expect(data.agency).toEqual({ name: '平房区', kind: '人民政府' });
    expect(data.contact?.['phone']).toBe('0451-86501431');
    expect(data.tables.applications['carriedOver']).toEqual(ZEROS);
    expect(data.previousYear).toEqual({ reportYear: 2023, inForce: { regulations: 0, normativeDocuments: 9 }, carriedForward: ZEROS });
    expect(filledCells(data)).toEqual([]);
    expect(r.stderr).toBe('已生成 2024 年度的报告数据：193 个单元格留空（null），待填写。\n');
  });

  it('from the 2022 report with unreadable rows: still works, and says which places could not be read', async () => {
    const r = await cli(['init', '--from', R002, '--year', '2023']);
    expect(r.code, r.stderr).toBe(0);
    const data = parsed(r.stdout);
    expect(data.previousYear).toEqual({ reportYear: 2022, inForce: { regulations: 0, normativeDocuments: 18 }, carriedForward: ZEROS });
    expect(data.tables.applications['carriedOver']).toEqual(ZEROS);
    expect(data).not.toHaveProperty('extractionIssues');
    expect(r.stderr).toContain(`注意：${R002} 中有 4 处内容无法读取：`);
    expect(r.stderr).toContain(`${R002} 第 36 行：表二“行政处罚”一行应有 1 个单元格`);
    expect(r.stderr).toContain(`${R002} 第 75 行：表四只有表头，没有数据行。`);
    expect(r.stderr).toContain('上年结转和上年现行有效件数均已读出');
  });

  it('from a data file: each column of 结转下年度 becomes 上年结转; -o refuses to overwrite without --force', async () => {
    const dir = temp();
    const from = join(dir, 'last-year.json');
    copyFileSync(join(ROOT, 'schemas/report-data.example.json'), from);
    const out = join(dir, 'data.json');

    const first = await cli(['init', '--from', from, '--year', '2024', '-o', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`已写入 ${out}`);
    const data = parsed(readFileSync(out, 'utf8'));
    const carried = { naturalPerson: 3, commercial: 0, research: 0, publicInterest: 0, legalService: 1, other: 0, total: 4 };
    expect(data.tables.applications['carriedOver']).toEqual(carried);
    expect(data.previousYear).toEqual({ reportYear: 2023, inForce: { regulations: 0, normativeDocuments: 15 }, carriedForward: carried });
    expect(filledCells(data)).toEqual([]);

    writeFileSync(out, 'keep me');
    const refused = await cli(['init', '--from', from, '--year', '2024', '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`输出文件 ${out} 已存在，未作改动。如需覆盖，请加 --force。\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    const forced = await cli(['init', '--from', from, '--year', '2024', '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(parsed(readFileSync(out, 'utf8')).reportYear).toBe(2024);
    expect(readdirSync(dir).sort()).toEqual(['data.json', 'last-year.json']);
  });

  it('names the blank carried numbers when last year left them blank', async () => {
    const dir = temp();
    const from = join(dir, 'last-year.json');
    const previous = JSON.parse(readFileSync(join(ROOT, 'schemas/report-data.example.json'), 'utf8')) as Data;
    previous.tables.applications['carriedForward']!['naturalPerson'] = null;
    previous.tables.activeDisclosure['regulations']!['inForce'] = null;
    writeFileSync(from, JSON.stringify(previous));
    const r = await cli(['init', '--from', from, '--year', '2024']);
    expect(r.code, r.stderr).toBe(0);
    expect(parsed(r.stdout).tables.applications['carriedOver']).toMatchObject({ naturalPerson: null, total: 4 });
    expect(r.stderr).toContain('表三“四、结转下年度继续办理”的 自然人 列');
    expect(r.stderr).toContain('表二“现行有效件数”的 规章 行');
  });

  it('--agency renames the agency carried over', async () => {
    const r = await cli(['init', '--from', R004, '--year', '2024', '--agency', '哈尔滨市平房区人民政府办公室']);
    expect(r.code, r.stderr).toBe(0);
    const data = parsed(r.stdout);
    expect(data.agency).toEqual({ name: '哈尔滨市平房区人民政府办公室', kind: '部门' });
    expect(data.title).toBe('哈尔滨市平房区人民政府办公室2024年政府信息公开工作年度报告');
  });

  it('across a gap of a year it carries the agency but no counts, and says so', async () => {
    const r = await cli(['init', '--from', R004, '--year', '2025']);
    expect(r.code, r.stderr).toBe(0);
    const data = parsed(r.stdout);
    expect(data.agency.name).toBe('平房区');
    expect(data.tables.applications['carriedOver']!['total']).toBeNull();
    expect(r.stderr).toContain(`注意：${R004} 是 2023 年度的，不是 2024 年度的。`);
  });
});

describe('nianbao init without --from', () => {
  it('gives an empty data file with every key present', async () => {
    const r = await cli(['init', '--year', '2024', '--agency', '某某区人民政府办公室']);
    expect(r.code, r.stderr).toBe(0);
    const data = parsed(r.stdout);
    expect(data.agency).toEqual({ name: '某某区人民政府办公室', kind: '部门' });
    expect(Object.keys(data.tables.applications)).toHaveLength(25);
    expect(Object.values(data.tables.applications).every((row) => Object.keys(row).length === 7)).toBe(true);
    expect(Object.keys(data.tables.reviewLitigation)).toEqual(['review', 'litigationDirect', 'litigationAfterReview']);
    expect(data.tables.activeDisclosure['administrativeFees']).toEqual({ feeAmount: null });
    expect(data.tables.applications['carriedOver']!['total']).toBeNull();
    expect(r.stderr).toBe('已生成 2024 年度的报告数据：200 个单元格留空（null），待填写。\n');
  });

  it('takes --kind', async () => {
    const r = await cli(['init', '--year', '2024', '--agency', '某某街道', '--kind', '乡镇街道']);
    expect(r.code, r.stderr).toBe(0);
    expect(parsed(r.stdout).agency.kind).toBe('乡镇街道');
  });
});

describe('nianbao init refuses, with a message', () => {
  it('a --year that is not after last year', async () => {
    const same = await cli(['init', '--from', R004, '--year', '2023']);
    expect(same.code).toBe(2);
    expect(same.stdout).toBe('');
    expect(same.stderr).toBe(`--year 2023 不在上一年度报告之后：${R004} 是 2023 年度的。请给出 2024 或更晚的年份。\n`);
    const earlier = await cli(['init', '--from', R004, '--year', '2020', '--locale', 'en']);
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toBe(`--year 2020 is not after last year's report: ${R004} is for 2023. Give 2024 or later.\n`);
  });

  it('a --year that is no year', async () => {
    for (const year of ['abc', '24', '2018', '2024.5']) {
      const r = await cli(['init', '--year', year, '--agency', '某某区']);
      expect(r.code, year).toBe(2);
      expect(r.stderr).toBe(`--year 需要 2019 至 2100 之间的四位年份（如 2024），收到的是“${year}”。\n`);
    }
  });

  it('no --agency without --from, and a --kind that is none', async () => {
    const r = await cli(['init', '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有 --from 时，请用 --agency 给出机关全称');
    const k = await cli(['init', '--year', '2024', '--agency', '某某区', '--kind', '局']);
    expect(k.code).toBe(2);
    expect(k.stderr).toBe('--kind 只能是 部门、人民政府 或 乡镇街道，收到的是“局”。\n');
  });

  it('invalid JSON, naming the file and the line', async () => {
    const dir = temp();
    const from = join(dir, 'last-year.json');
    writeFileSync(from, '{\n  "reportYear": 2023,\n  "tables": {},\n}\n');
    const r = await cli(['init', '--from', from, '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${from} 不是有效的 JSON：第 4 行第 1 列有语法错误（“}”）。常见原因是多余或缺少的逗号、引号不成对。\n`);

    // A fault JSON.parse reports without a position still gets its line.
    writeFileSync(from, '{\n  "reportYear": 2023,\n  "tables": tru\n}\n');
    const literal = await cli(['init', '--from', from, '--year', '2024', '--locale', 'en']);
    expect(literal.code).toBe(2);
    expect(literal.stderr).toContain(`${from} is not valid JSON: syntax error at line 3`);
  });

  it('JSON that is not report data', async () => {
    const dir = temp();
    const from = join(dir, 'package.json');
    writeFileSync(from, '{ "name": "x", "version": "1.0.0" }\n');
    const r = await cli(['init', '--from', from, '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${from} 不是年度报告数据：缺少 reportYear、tables。`);

    writeFileSync(from, '{ "reportYear": "2023年", "tables": {} }\n');
    const year = await cli(['init', '--from', from, '--year', '2024']);
    expect(year.code).toBe(2);
    expect(year.stderr).toBe(`${from} 中的 reportYear 应为报告年度（如 2023），实际是 "2023年"。\n`);
  });

  it('a file that is missing or no report', async () => {
    const dir = temp();
    const missing = await cli(['init', '--from', join(dir, 'nope.txt'), '--year', '2024']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '会议纪要\n今天讨论了午饭。\n');
    const r = await cli(['init', '--from', notes, '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${notes} 中没有找到政府信息公开工作年度报告`);
  });
});

describe('nianbao init writes $schema: a path from the new file to the installed schema', () => {
  it('relative to the output file, resolving to schemas/report-data.schema.json; with stdout, relative to the folder', async () => {
    const dir = temp();
    const out = join(dir, 'sub', '2024.json');
    mkdirSync(join(dir, 'sub'));
    const r = await cli(['init', '--year', '2024', '--agency', '某某区某某局', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    // First in the file, where an editor looks.
    expect(text).toMatch(/^\{\n {2}"\$schema": "/u);
    const pointer = (JSON.parse(text) as { $schema: string }).$schema;
    expect(pointer).not.toMatch(/^(?:\/|[A-Za-z]:|file:|https?:)/u);
    expect(resolve(dirname(out), pointer)).toBe(join(ROOT, 'schemas/report-data.schema.json'));
    const stdout = await cli(['init', '--year', '2024', '--agency', '某某区某某局'], join(ROOT, 'schemas'));
    expect((JSON.parse(stdout.stdout) as { $schema: string }).$schema).toBe('./report-data.schema.json');
  });

  it('from last year’s data: a web address there is kept, a path is made anew for the new file', async () => {
    const dir = temp();
    const last = JSON.parse(readFileSync(join(ROOT, 'schemas/report-data.example.json'), 'utf8')) as Record<string, unknown>;
    last['$schema'] = 'https://example.gov.cn/schemas/report-data.schema.json';
    writeFileSync(join(dir, '2023.json'), JSON.stringify(last));
    const kept = await cli(['init', '--from', join(dir, '2023.json'), '--year', '2024']);
    expect((JSON.parse(kept.stdout) as { $schema: string }).$schema).toBe('https://example.gov.cn/schemas/report-data.schema.json');
    last['$schema'] = './report-data.schema.json';
    writeFileSync(join(dir, '2023.json'), JSON.stringify(last));
    const made = await cli(['init', '--from', join(dir, '2023.json'), '--year', '2024', '-o', join(dir, '2024.json')]);
    expect(made.code, made.stderr).toBe(0);
    const pointer = (JSON.parse(readFileSync(join(dir, '2024.json'), 'utf8')) as { $schema: string }).$schema;
    expect(resolve(dir, pointer)).toBe(join(ROOT, 'schemas/report-data.schema.json'));
  });
});
