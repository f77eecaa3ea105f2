import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021 } from '@nianbao/format';
import { parseReport } from '@nianbao/parse';
import { applyFixes, lint, type Diagnostic } from '@nianbao/lint';
import { applicationsTable, naturalPersons, reviewTable } from '../src/examples.js';
import { activeDisclosureTable } from '../src/table-rules.js';

const IDS = ['table-missing', 'table-shape', 'table-label', 'cell-blank', 'cell-value', 'format-version'];
const CORPUS = new URL('../../../test/fixtures/corpus/', import.meta.url);

function corpus(name: string): string {
  const file = ['000_05203f94ff7e5eba', '001_ae5e98d31dd755d7', '002_8df8c676ffab5338', '003_4a22ad7470b2e664', '004_6f7b59792f9ed408'].find((f) => f.startsWith(name))!;
  return readFileSync(new URL(`${file}.txt`, CORPUS), 'utf8');
}

function run(text: string, ids: readonly string[] = IDS, fileName = 'report.txt'): Diagnostic[] {
  return lint(parseReport(text, { fileName }), { only: ids });
}

const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.ruleId} ${d.line}:${d.column}`);

const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);

/** A complete 2021 Table 三, all zeros except the rows given. */
function fullApplications(cells: Readonly<Record<string, ReadonlyArray<number | string>>> = {}, rows = FORMAT_2021.tables.applications.rows.map((r) => r.id)): string {
  return applicationsTable(rows.map((id) => [id, cells[id] ?? naturalPersons(0)] as const));
}

describe('the corpus: exactly the findings a reviewer expects', () => {
  it('000, 001 and 004 have none', () => {
    for (const name of ['000', '001', '004']) expect(brief(run(corpus(name))), name).toEqual([]);
  });

  it('002: three malformed rows, an empty Table 四, four deviating labels', () => {
    const found = run(corpus('002'));
    expect(brief(found)).toEqual([
      'table-shape 36:1',
      'table-shape 37:1',
      'table-label 46:14',
      'table-label 52:3',
      'table-label 67:11',
      'table-label 68:3',
      'table-shape 70:1',
      'table-missing 75:1',
    ]);
    expect(found.filter((d) => d.ruleId === 'table-shape').map((d) => d.message)).toEqual([
      '表二“行政处罚”行有 3 个数，应为 1 个。',
      '表二“行政强制”行有 3 个数，应为 1 个。',
      '表三“（七）总计”行有 8 个数，应为 7 个。',
    ]);
    expect(found.filter((d) => d.ruleId === 'table-label').map((d) => d.fix?.text)).toEqual([
      '社会公益组织',
      '2.其他法律行政法规禁止公开',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ]);
    expect(found.filter((d) => d.ruleId === 'table-label').every((d) => d.severity === 'warning')).toBe(true);
  });

  it('002: the label fixes prove themselves on re-lint and touch nothing else', () => {
    const text = corpus('002');
    const { text: fixed } = applyFixes(text, run(text, ['table-label']));
    expect(run(fixed, ['table-label'])).toEqual([]);
    expect(brief(run(fixed, ['table-shape', 'table-missing', 'cell-blank', 'cell-value']))).toEqual(brief(run(text, ['table-shape', 'table-missing', 'cell-blank', 'cell-value'])));
  });

  it('003: five blank review cells; 2019 format in a 2020 report is right; 0 元 is a valid amount', () => {
    const found = run(corpus('003'));
    expect(brief(found)).toEqual(['cell-blank 97:1', 'cell-blank 97:2', 'cell-blank 97:3', 'cell-blank 97:4', 'cell-blank 97:5']);
    expect(found[0]!.message).toBe('表四“行政复议·结果维持”是空白格：应填写数字，没有发生的填 0。');
  });

  it('003: split labels, spaced characters and header fragments are no shape or label fault', () => {
    const doc = parseReport(corpus('003'));
    expect(doc.tolerances.some((t) => t.kind === 'split-label')).toBe(true);
    expect(doc.tolerances.some((t) => t.kind === 'header-fragment')).toBe(true);
    expect(run(corpus('003'), ['table-shape', 'table-label'])).toEqual([]);
  });

  it('english messages fill every placeholder', () => {
    for (const name of ['002', '003']) {
      for (const d of lint(parseReport(corpus(name)), { only: IDS, locale: 'en' })) {
        expect(d.message).not.toMatch(/\{\w+\}/u);
        expect(d.message).toMatch(/[a-z]{3}/u);
      }
    }
  });
});

describe('the corpus, altered', () => {
  it('003 read as a 2021 report: tables and citation are both the wrong format, once each', () => {
    const text = corpus('003').replace(/2020( ?)年/gu, '2021$1年');
    const found = run(text, ['format-version']);
    expect(found).toHaveLength(2);
    expect(found[0]!.message).toContain('国办公开办函〔2019〕60号');
    expect(found[0]!.line).toBe(5);
    expect(found[1]!.message).toBe('2021 年度报告的表格采用了 2019 年格式（如“本年新制作数量”），应采用 2021 年格式（国办公开办函〔2021〕30号）。');
    expect(found[1]!.line).toBe(40);
  });

  it('000 read as a 2020 report: the 2021 tables and 〔2021〕30号 are wrong for it', () => {
    const text = corpus('000').replace(/2023/gu, '2020');
    const found = run(text, ['format-version']);
    expect(found.map((d) => d.line)).toEqual([5, 22]);
  });

  it('004 with 无 in a cell and a blank cell (Word, one cell per line)', () => {
    const lines = corpus('004').split('\n');
    // Table 三, row 二、上年结转: its first cell says 无, its second is left empty.
    const at = lines.findIndex((l) => l.includes('二、上年结转政府信息公开申请数量'));
    lines[at + 1] = '\t无';
    lines[at + 2] = '\t';
    const found = run(lines.join('\n'));
    expect(brief(found)).toEqual([`cell-value ${at + 2}:2`, `cell-blank ${at + 3}:2`]);
    expect(found[0]!.message).toContain('“无”');
  });

  it('004 with its Table 四 data row cut short: one shape finding, no blanks, no missing table', () => {
    const text = corpus('004').replace('\t17\n\t1\n\t0\n\t0\n\t18\n', '\t17\n\t1\n\t0\n\t18\n');
    const found = run(text);
    expect(found.map((d) => d.ruleId)).toEqual(['table-shape']);
    expect(found[0]!.message).toContain('14 个数，应为 15 个');
  });

  it('000 with one row of Table 三 deleted: one missing row, where it belongs', () => {
    const lines = corpus('000').split('\n');
    const at = lines.findIndex((l) => l.includes('重复申请'));
    lines.splice(at, 1);
    const found = run(lines.join('\n'));
    expect(found.map((d) => d.message)).toEqual(['表三缺少“2.重复申请”行（应在“1.信访举报投诉类申请”之后）：没有发生的事项也应列出并填 0。']);
    expect(found[0]!.line).toBe(at);
  });

  it('003 with its Table 四 data row left all blank: one table-missing, no cell-blank', () => {
    const text = corpus('003').replace(/\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0/u, '\t'.repeat(14));
    const found = run(text);
    expect(found.map((d) => d.ruleId)).toEqual(['table-missing']);
    expect(found[0]!.message).toContain('全是空白');
  });
});

describe('table-missing', () => {
  it('does not judge a document that is not a report', () => {
    expect(run('会议通知\n\n请各单位于周五前报送材料。\n')).toEqual([]);
  });

  it('points at line 1 when neither table nor section is there', () => {
    const text = `# 2023年政府信息公开工作年度报告\n\n${fullApplications()}\n`;
    const found = run(text, ['table-missing']);
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['1:1', '1:1']);
  });
});

describe('table-shape', () => {
  it('a column missing from every row of Table 三 is one finding, not 25', () => {
    const rows = FORMAT_2021.tables.applications.rows;
    const text = ['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 其他 | 总计 |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.label} | 0 | 0 | 0 | 0 | 0 | 0 |`)].join('\n');
    const found = run(text, ['table-shape']);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('表三每一行都只有 6 个数，而格式有 7 列：表中缺少 1 列。');
  });

  it('a run of missing rows is one finding', () => {
    const rows = FORMAT_2021.tables.applications.rows.map((r) => r.id).filter((id) => !id.startsWith('withheld'));
    const found = run(fullApplications({}, rows), ['table-shape']);
    expect(found.map((d) => d.message)).toEqual([
      '表三缺少 8 行，从“1.属于国家秘密”到“8.属于行政查询事项”（应在“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”之后）：没有发生的事项也应列出并填 0。',
    ]);
  });

  it('numbers on a group heading, and a row nobody can name', () => {
    const base = fullApplications();
    const text = `${base}\n| （三）不予公开 | ${zeros(7).join(' | ')} |\n| 八、其他事项合计说明 | ${zeros(7).join(' | ')} |\n`;
    const found = run(text, ['table-shape']);
    expect(found.map((d) => d.message)).toEqual([
      '表三中“（三）不予公开”是分组标题，本身不填数；这一行的 7 个数不属于格式中的任何一行。',
      '表三中这一行的 7 个数不属于格式中的任何一行，无法核对。',
    ]);
  });

  it('a complete table has nothing to report, in either format', () => {
    expect(run(`${activeDisclosureTable(2021)}\n\n${fullApplications()}\n\n${reviewTable(zeros(15))}\n`, ['table-shape'])).toEqual([]);
    const rows2019 = FORMAT_2019.tables.applications.rows;
    const t3 = ['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows2019.map((r) => `| ${r.label} | ${zeros(7).join(' | ')} |`)].join('\n');
    expect(run(`# 2020年政府信息公开工作年度报告\n\n${activeDisclosureTable(2019)}\n\n${t3}\n`, ['table-shape'])).toEqual([]);
  });
});

describe('table-label', () => {
  it('a label written without its number is fixed without adding one', () => {
    const text = `${fullApplications({}, ['newReceived'])}\n| 属于三类内容事务信息 | ${zeros(7).join(' | ')} |\n`;
    const found = run(text, ['table-label']);
    expect(found.map((d) => d.fix?.text)).toEqual(['属于三类内部事务信息']);
  });

  it('只计这一情况 is reported with the canonical label', () => {
    const text = `${fullApplications({}, ['newReceived'])}\n| （二）部分公开（区分处理的，只计这一情况，不计其他情形） | ${zeros(7).join(' | ')} |\n`;
    const found = run(text, ['table-label']);
    expect(found.map((d) => d.fix?.text)).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']);
  });

  it('width, spacing and 、/， are not findings', () => {
    const text = `${fullApplications({}, ['newReceived'])}\n| 1. 申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请 | ${zeros(7).join(' | ')} |\n| (七) 总 计 | ${zeros(7).join(' | ')} |\n`;
    expect(run(text, ['table-label'])).toEqual([]);
  });
});

describe('cell-value', () => {
  const t2 = (year: 2019 | 2021, cells: Record<string, ReadonlyArray<number | string>>): string =>
    `# ${year === 2019 ? 2020 : 2023}年政府信息公开工作年度报告\n\n${activeDisclosureTable(year, cells)}\n`;

  it('a negative count, a decimal count and text are each reported', () => {
    const found = run(t2(2021, { regulations: [-1, 0, 0], normativeDocuments: [1.5, 0, '—'] }), ['cell-value']);
    expect(found.map((d) => d.message)).toEqual([
      '表二“规章·本年制发件数”为负数 -1：应填写非负整数。',
      '表二“行政规范性文件·本年制发件数”为小数 1.5：件数应为非负整数。',
      '表二“行政规范性文件·现行有效件数”填的是“—”，不是数字：应填写非负整数，没有的填 0。',
    ]);
  });

  it('2019: 本年增/减 may be negative; 采购总金额 may say 元 or 万元, but not 件', () => {
    expect(run(t2(2019, { licensing: [5, -2, 3], procurement: [2, '73802895.90元'] }), ['cell-value'])).toEqual([]);
    expect(run(t2(2019, { procurement: [2, '12.5万元'] }), ['cell-value'])).toEqual([]);
    expect(run(t2(2019, { procurement: [2, '3件'] }), ['cell-value']).map((d) => d.message)).toEqual(['表二“政府集中采购·采购总金额”的单位“件”不对：金额应以“元”或“万元”计。']);
    expect(run(t2(2019, { regulations: [-1, 0, 0] }), ['cell-value'])).toHaveLength(1);
  });

  it('a 万元 decimal is valid; a unit in the cell is not', () => {
    expect(run(t2(2021, { administrativeFees: [5722.21] }), ['cell-value'])).toEqual([]);
    expect(run(t2(2021, { administrativeFees: ['5722.21万元'] }), ['cell-value'])).toHaveLength(1);
    expect(run(t2(2021, { licensing: ['12件'] }), ['cell-value'])).toHaveLength(1);
  });

  it('malformed rows are left to table-shape', () => {
    expect(run(t2(2021, { punishment: ['无', '无'] }), ['cell-value', 'cell-blank'])).toEqual([]);
  });
});

describe('format-version', () => {
  const preamble = (notice: string): string => `本报告根据《中华人民共和国政府信息公开条例》和国办公开办函${notice}要求编制。`;

  it('2020 with 〔2019〕60号 and 2019 tables is right; 2019 with 〔2021〕30号 is not', () => {
    expect(run(`# 2020年政府信息公开工作年度报告\n\n${preamble('〔2019〕60号')}\n\n${activeDisclosureTable(2019)}\n`, ['format-version'])).toEqual([]);
    expect(run(`# 2019年政府信息公开工作年度报告\n\n${preamble('〔2021〕30号')}\n`, ['format-version'])).toHaveLength(1);
  });

  it('without a report year, or before 2019, nothing is judged', () => {
    expect(run(`政府信息公开工作年度报告\n\n${preamble('〔2019〕60号')}\n\n${activeDisclosureTable(2019)}\n`, ['format-version'])).toEqual([]);
    expect(run(`# 2018年政府信息公开工作年度报告\n\n${preamble('〔2021〕30号')}\n`, ['format-version'])).toEqual([]);
  });

  it('other document numbers are not format citations', () => {
    expect(run(`# 2023年政府信息公开工作年度报告\n\n依据国办函〔2020〕109号收取信息处理费。\n`, ['format-version'])).toEqual([]);
  });
});
