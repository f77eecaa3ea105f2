/**
 * The data file as the people who fill it in write it (issue 12, item 4): decoded like reports (GBK,
 * UTF-16, BOM), comments allowed, and every error in Chinese at its line and column — one test per
 * class of error, with the exact message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';

const temp = useTempDirs();
const EXAMPLE = readFileSync(join(ROOT, 'schemas/report-data.example.json'), 'utf8');

/** `line:column` (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, from = 0): string {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`not in the text: ${needle}`);
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}

/** The example with one replacement (which must apply). */
function edited(from: string, to: string): string {
  expect(EXAMPLE).toContain(from);
  return EXAMPLE.replace(from, to);
}

async function generate(content: string | Uint8Array, ...args: string[]): Promise<{ code: number | null; stderr: string; stdout: string; file: string }> {
  const file = join(temp(), '数据.json');
  writeFileSync(file, content);
  return { ...(await cli(['generate', file, ...args])), file };
}

/** The one problem line, as printed. */
async function problem(content: string): Promise<string> {
  const r = await generate(content);
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(/中的数据有 1 处问题（见上），未生成报告。$/u);
  return lines[0]!.replace(`${r.file}:`, '');
}

const NEW_RECEIVED = '"newReceived": { "naturalPerson": 41';

describe('every data error: in Chinese, at its line and column', () => {
  it('type: a count written as a string, as full-width digits, as an empty string, as a decimal', async () => {
    let text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '"41"')},`);
    expect(await problem(text)).toBe(`${at(text, '"naturalPerson": "41"')}: 错误 tables.applications.newReceived.naturalPerson：实为字符串 "41"，应为整数或 null（空白）：去掉引号，写作 41。`);
    text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '"４１"')},`);
    expect(await problem(text)).toBe(`${at(text, '"naturalPerson": "４１"')}: 错误 tables.applications.newReceived.naturalPerson：实为 "４１"（全角数字，加了引号），应为整数或 null（空白）：请写作半角数字 41，不加引号。`);
    text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '""')},`);
    expect(await problem(text)).toBe(`${at(text, '"naturalPerson": ""')}: 错误 tables.applications.newReceived.naturalPerson：实为空字符串 ""，应为整数或 null（空白）：空白单元格写 null，没有发生的写 0。`);
    text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '41.5')},`);
    expect(await problem(text)).toBe(`${at(text, '"naturalPerson": 41.5')}: 错误 tables.applications.newReceived.naturalPerson：实为 41.5，应为整数或 null（空白）：件数没有小数。`);
    text = edited('"collected": false', '"collected": "否"');
    expect(await problem(text)).toBe(`${at(text, '"collected"')}: 错误 processingFee.collected：实为 "否"，应为 true 或 false（不加引号）。`);
  });

  it('required: a missing cell is named with its Chinese title, at its row', async () => {
    const text = edited(`${NEW_RECEIVED}, "commercial": 9,`, NEW_RECEIVED + ',');
    expect(await problem(text)).toBe(`${at(text, '"newReceived"')}: 错误 tables.applications.newReceived.commercial：缺少“commercial”（一、本年新收政府信息公开申请数量 · 商业企业）：请补上（空白单元格写 null）。`);
  });

  it('additionalProperties: a misspelt key is named with the key it should be; an unknown one suggests a near key or none', async () => {
    let text = edited(NEW_RECEIVED, '"newReceived": { "naturalPersons": 41');
    expect(await problem(text)).toBe(`${at(text, '"naturalPersons"')}: 错误 tables.applications.newReceived.naturalPersons：键“naturalPersons”应为“naturalPerson”（一、本年新收政府信息公开申请数量 · 自然人）：请改正拼写。`);
    text = edited('"newReceived": {', '"NewReceived": {');
    expect(await problem(text)).toBe(`${at(text, '"NewReceived"')}: 错误 tables.applications.NewReceived：键“NewReceived”应为“newReceived”（一、本年新收政府信息公开申请数量）：请改正拼写。`);
    const withoutPrevious = JSON.parse(EXAMPLE) as Record<string, unknown>;
    withoutPrevious['previousYaer'] = withoutPrevious['previousYear'];
    delete withoutPrevious['previousYear'];
    text = JSON.stringify(withoutPrevious, null, 2);
    expect(await problem(text)).toBe(`${at(text, '"previousYaer"')}: 错误 previousYaer：未知的键“previousYaer”：是不是“previousYear”（上一年度数据）？请改正拼写或删除。`);
    text = edited('"title":', '"titel":');
    expect(await problem(text)).toBe(`${at(text, '"titel"')}: 错误 titel：键“titel”应为“title”（报告标题）：请改正拼写。`);
    text = edited('"reportYear": 2023,', '"reportYear": 2023,\n  "remarks": "多余",');
    expect(await problem(text)).toBe(`${at(text, '"remarks"')}: 错误 remarks：未知的键“remarks”：格式中没有这一项，请检查拼写或删除。`);
  });

  it('enum, minimum, maximum', async () => {
    let text = edited('"kind": "部门"', '"kind": "局"');
    expect(await problem(text)).toBe(`${at(text, '"kind": "局"')}: 错误 agency.kind：实为 "局"，应为以下之一："部门"、"人民政府"、"乡镇街道"、null。`);
    text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '-3')},`);
    expect(await problem(text)).toBe(`${at(text, '"naturalPerson": -3')}: 错误 tables.applications.newReceived.naturalPerson：实为 -3，不能小于 0。`);
    text = edited('"reportYear": 2023', '"reportYear": 2223').replace('"formatYear": 2021', '"formatYear": 2021');
    const line = await problem(text);
    expect(line).toBe(`${at(text, '"reportYear"')}: 错误 reportYear：实为 2223，不能大于 2100。`);
  });

  it('pattern (dates, postcodes) and dates that are no day of the calendar', async () => {
    let text = edited('"publicationDate": "2024-01-26"', '"publicationDate": "2024/01/26"');
    expect(await problem(text)).toBe(`${at(text, '"publicationDate"')}: 错误 publicationDate：实为 "2024/01/26"，日期应写作 YYYY-MM-DD（四位年、两位月、两位日），如 "2024-01-20"。`);
    text = edited('"publicationDate": "2024-01-26"', '"publicationDate": "2024-02-30"');
    expect(await problem(text)).toBe(`${at(text, '"publicationDate"')}: 错误 publicationDate：实为 "2024-02-30"，不是真实的日期：请核对年、月、日。`);
    const postcode = /"postcode": "\d+"/u.exec(EXAMPLE)![0];
    text = edited(postcode, '"postcode": "1500"');
    expect(await problem(text)).toBe(`${at(text, '"postcode"')}: 错误 contact.postcode：实为 "1500"，邮编应为 6 位数字，如 "150001"。`);
  });

  it('not an object: the whole file', async () => {
    const r = await generate('[1, 2]\n');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${r.file}: 错误 （根）：数据文件应为一个对象 { … }，实为 [1,2]。`);
  });
});

describe('JSON that is not JSON: the place and the reason', () => {
  async function syntax(content: string | Uint8Array): Promise<string> {
    const r = await generate(content);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    return r.stderr.trim().replace(`${r.file}:`, '');
  }

  it('an empty file, or one of blanks and comments only', async () => {
    expect(await syntax('')).toBe('1:1 不是有效的 JSON（文件是空的（或只有空白和注释）：应为一个 JSON 对象 { … }）。请改正该处后重试。');
    expect(await syntax('  \n// 待填写\n')).toBe('1:1 不是有效的 JSON（文件是空的（或只有空白和注释）：应为一个 JSON 对象 { … }）。请改正该处后重试。');
  });

  it('full-width digits and symbols typed with a Chinese input method', async () => {
    let text = edited(`${NEW_RECEIVED},`, `${NEW_RECEIVED.replace('41', '４１')},`);
    expect(await syntax(text)).toBe(`${at(text, '４１')} 不是有效的 JSON（“４１”是全角数字：请改为半角数字 41）。请改正该处后重试。`);
    text = edited('"reportYear": 2023,', '"reportYear"： 2023,');
    expect(await syntax(text)).toBe(`${at(text, '：')} 不是有效的 JSON（“：”是全角符号：JSON 要用半角的 :）。请改正该处后重试。`);
    text = edited('"reportYear": 2023,', '"reportYear": 2023，');
    expect(await syntax(text)).toBe(`${at(text, '，')} 不是有效的 JSON（“，”是全角符号：JSON 要用半角的 ,）。请改正该处后重试。`);
    text = edited('"reportYear": 2023,', '“reportYear”: 2023,');
    expect(await syntax(text)).toBe(`${at(text, '“reportYear”')} 不是有效的 JSON（““”是全角符号：JSON 要用半角的 "）。请改正该处后重试。`);
  });

  it('an extra comma, an unclosed comment', async () => {
    let text = edited('"reportYear": 2023,', '"reportYear": 2023,,');
    expect(await syntax(text)).toBe(`${at(text, ',,') .replace(/:(\d+)$/u, (_, c: string) => `:${Number(c) + 1}`)} 不是有效的 JSON（此处应为带英文双引号的键名（多余的逗号？））。请改正该处后重试。`);
    text = edited('"reportYear": 2023,', '"reportYear": 2023, /* 未写完');
    expect(await syntax(text)).toBe(`${at(text, '/*')} 不是有效的 JSON（注释没有结束：/* 之后缺少 */）。请改正该处后重试。`);
  });

  it('a binary file', async () => {
    const r = await generate(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${r.file} 不是文本文件，读不出 JSON 数据。请提供 nianbao init 或 nianbao extract 生成的 .json 数据文件（UTF-8、UTF-16 或 GBK 编码的文本）。`);
  });
});

describe('data files as offices save them', () => {
  const TITLE = '# 示例市示例区市场监督管理局2023年政府信息公开工作年度报告\n';

  it('comments are allowed', async () => {
    const text = EXAMPLE.replace('"reportYear": 2023,', '"reportYear": 2023, // 报告年度\n  /* 下面是统计期限 */');
    const r = await generate(text);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith(TITLE)).toBe(true);
  });

  it('GBK (Notepad’s “ANSI”), UTF-8 with BOM, UTF-16 LE and BE, with and without BOM: the same report', async () => {
    const expected = (await generate(EXAMPLE)).stdout;
    expect(expected.startsWith(TITLE)).toBe(true);
    const encodings: Array<[string, Uint8Array]> = [
      ['gbk', iconv.encode(EXAMPLE, 'gbk')],
      ['utf-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXAMPLE, 'utf8')])],
      ['utf-16le BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE, 'utf16le')])],
      ['utf-16le', Buffer.from(EXAMPLE, 'utf16le')],
      ['utf-16be BOM', iconv.encode(EXAMPLE, 'utf16-be', { addBOM: true })],
      ['utf-16be', iconv.encode(EXAMPLE, 'utf16-be')],
    ];
    for (const [name, bytes] of encodings) {
      const r = await generate(bytes);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(expected);
    }
  });

  it('a GBK file with an error: the message points at the right line and column', async () => {
    const text = edited('"kind": "部门"', '"kind": "局"');
    const r = await generate(iconv.encode(text, 'gbk'));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${r.file}:${at(text, '"kind": "局"')}: 错误 agency.kind：实为 "局"，应为以下之一："部门"、"人民政府"、"乡镇街道"、null。`);
  });
});
