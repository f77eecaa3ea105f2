import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { lint, type Diagnostic } from '@nianbao/lint';

const IDS = ['report-title', 'section-missing', 'section-order', 'subsection-numbering', 'fee-statement', 'placeholder'];

function run(text: string, ids: readonly string[] = IDS, fileName = 'doc.md'): Diagnostic[] {
  return lint(parseReport(text, { fileName }), { only: ids });
}

/** `rule line:column` of each finding, in order. */
function places(text: string, ids: readonly string[] = IDS, fileName = 'doc.md'): string[] {
  return run(text, ids, fileName).map((d) => `${d.ruleId} ${d.line}:${d.column}`);
}

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** A report of the given year: title, six sections (bodies by numeral index), fee stated unless told. */
function report(year: number, bodies: Partial<Record<number, string>> = {}, title = `某某街道办事处${year}年政府信息公开工作年度报告`): string {
  const parts = [`# ${title}`];
  HEADINGS.forEach((h, i) => parts.push(h, bodies[i] ?? (i === 5 ? '本年度未收取信息处理费。' : '本部分内容从略。')));
  return `${parts.join('\n\n')}\n`;
}

describe('corpus: the structure rules find exactly what CORPUS-NOTES expects', () => {
  const dir = new URL('../../../test/fixtures/corpus/', import.meta.url);
  const expected: Record<string, string[]> = {
    '000': [],
    '001': ['subsection-numbering 6:1'],
    '002': [],
    '003': [],
    '004': [],
  };
  // The five Word and PDF exports; the web layouts are test/corpus-lint.test.ts's.
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && f.slice(0, 3) in expected).sort();
  it('has the five reports', () => expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(expected)));
  for (const f of files) {
    it(`${f.slice(0, 3)}`, () => {
      const found = lint(parseReport(readFileSync(new URL(f, dir)), { fileName: f }), { only: IDS });
      expect(found.map((d) => `${d.ruleId} ${d.line}:${d.column}`)).toEqual(expected[f.slice(0, 3)]);
      for (const d of found) expect(d.severity).toBe('warning');
    });
  }
  it('001: the finding names （1） and the （一） it should be', () => {
    const f = files.find((x) => x.startsWith('001'))!;
    const [d] = lint(parseReport(readFileSync(new URL(f, dir)), { fileName: f }), { only: ['subsection-numbering'] });
    expect(d!.message).toContain('（1）');
    expect(d!.message).toContain('（一）');
    expect(d!.endColumn).toBe(4);
  });
});

describe('report-title', () => {
  it('accepts 年度, spaces and a Chinese-numeral year', () => {
    expect(places(report(2023, {}, '某某局 2023 年度 政府信息公开工作年度报告'), ['report-title'])).toEqual([]);
    expect(places(report(2023, {}, '某某局二〇二三年政府信息公开工作年度报告'), ['report-title'])).toEqual([]);
    expect(places(report(2023, {}, '《某某局2023年政府信息公开工作年度报告》'), ['report-title'])).toEqual([]);
  });
  it('reports a title without the year, and one without the words', () => {
    expect(run(report(2023, {}, '某某局政府信息公开工作年度报告'), ['report-title']).map((d) => d.message)).toEqual([
      expect.stringContaining('没有写明年度'),
    ]);
    const [d] = run(report(2023, {}, '某某局2023年政府信息公开年度报告'), ['report-title']);
    expect(d!.message).toContain('某某局2023年政府信息公开工作年度报告');
    expect(`${d!.line}:${d!.column}`).toBe('1:3');
  });
  it('reports a report without a title at its first line, and leaves a fragment alone', () => {
    const text = report(2023).replace(/^# .*\n\n/u, '');
    expect(places(text, ['report-title'])).toEqual(['report-title 1:1']);
    expect(places('六、其他需要报告的事项\n\n本年度未收取信息处理费。\n', ['report-title'])).toEqual([]);
  });
});

describe('section-missing', () => {
  it('points at the next present heading, or at the end', () => {
    const text = report(2023).replace('三、收到和处理政府信息公开申请情况\n\n本部分内容从略。\n\n', '');
    const found = run(text, ['section-missing']);
    expect(found.map((d) => d.line)).toEqual([text.split('\n').indexOf(HEADINGS[3]!) + 1]);
    expect(found[0]!.message).toContain('三、收到和处理政府信息公开申请情况');
    const noSix = report(2023).replace(/六、其他需要报告的事项[\s\S]*$/u, '');
    expect(run(noSix, ['section-missing']).map((d) => d.message)).toEqual([expect.stringContaining('报告末尾')]);
  });
  it('counts a heading with a wrong numeral as present', () => {
    expect(places(report(2023).replace('三、收到和处理', '3、 收到和处理'), ['section-missing'])).toEqual([]);
  });
  it('says once that no section was found, rather than six times', () => {
    expect(places('# 某某局2023年政府信息公开工作年度报告\n\n全年工作情况良好。\n', ['section-missing'])).toEqual(['section-missing 1:1']);
  });
  it('leaves a fragment alone', () => {
    expect(places('五、存在的主要问题及改进情况\n\n加强培训。\n', ['section-missing'])).toEqual([]);
  });
});

describe('section-order', () => {
  it('reports the fewest sections out of place', () => {
    const text = report(2023).replace(/(五、存在的主要问题及改进情况\n\n本部分内容从略。\n\n)/u, '').replace('一、总体情况', '五、存在的主要问题及改进情况\n\n本部分内容从略。\n\n一、总体情况');
    const found = run(text, ['section-order']);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('应位于“四、政府信息公开行政复议、行政诉讼情况”之后');
    expect(found[0]!.line).toBe(3);
  });
  it('does not take a sub-head worded like a section for a second copy of it', () => {
    const text = report(2023, { 0: '（一）主动公开\n\n（二）主动公开政府信息情况\n\n（三）政府信息管理' });
    expect(places(text)).toEqual([]);
  });
  it('reports a section written twice where it appears again', () => {
    const text = report(2023).replace('六、其他需要报告的事项', '五、存在的主要问题及改进情况\n\n六、其他需要报告的事项');
    const found = run(text, ['section-order']);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('重复出现')]);
    expect(found[0]!.related).toHaveLength(1);
  });
});

describe('subsection-numbering', () => {
  const one = (body: string): string[] => places(report(2023, { 0: body }), ['subsection-numbering']);
  const five = (body: string): string[] => places(report(2023, { 4: body }), ['subsection-numbering']);

  it('accepts the customary hierarchy, restarts and lower levels counting on', () => {
    expect(one('（一）主动公开\n\n1.规章\n\n2.文件\n\n（1）甲\n\n（2）乙\n\n（二）依申请公开\n\n1.申请\n\n（1）丙')).toEqual([]);
    expect(one('（一）甲\n\n（1）a\n\n（2）b\n\n（二）乙\n\n（3）c')).toEqual([]);
  });
  it('treats full- and half-width brackets and spaces as the same', () => {
    expect(one('(一) 主动公开\n\n（ 二 ）依申请公开\n\n(三)政府信息管理')).toEqual([]);
  });
  it('reports the odd style in a list written in two', () => {
    expect(one('（一）甲\n\n（二）乙\n\n（3）丙\n\n（四）丁')).toEqual(['subsection-numbering 9:1']);
  });
  it('reports skipped and repeated numbers', () => {
    expect(one('（一）甲\n\n（三）丙')).toEqual(['subsection-numbering 7:1']);
    expect(one('1.甲\n2.乙\n4.丁')).toEqual(['subsection-numbering 7:1']);
    expect(one('（一）甲\n\n（二）乙\n\n（二）丙')).toEqual(['subsection-numbering 9:1']);
  });
  it('counts Markdown sub-headings', () => {
    expect(places('## 一、总体情况\n\n### （一）主动公开\n\n### （三）政府信息管理\n\n## 二、主动公开政府信息情况\n', ['subsection-numbering'])).toEqual([
      'subsection-numbering 5:5',
    ]);
  });
  it('does not take a cited item (第（一）项) for an enumerator', () => {
    expect(one('（一）甲\n\n（一）项规定的信息已公开。\n\n（二）乙')).toEqual([]);
  });
  it('counts sections apart', () => {
    const text = report(2023, { 0: '（一）甲\n\n（二）乙', 4: '（一）问题\n\n（二）措施' });
    expect(places(text, ['subsection-numbering'])).toEqual([]);
  });
  it('counts 一是/二是 across paragraph breaks and restarts at 一是', () => {
    expect(five('（一）存在问题。一是甲；\n\n二是乙。\n\n（二）改进措施。一是丙；二是丁；\n\n三是戊。')).toEqual([]);
  });
  it('reports a skipped and a repeated 是-item', () => {
    expect(five('一是甲；三是乙；三是丙。')).toEqual(['subsection-numbering 21:5', 'subsection-numbering 21:9']);
  });
  it('reads 一 是 split by spaces', () => {
    expect(five('一 是 甲 ； 二 是 乙 ； 四 是 丙')).toEqual(['subsection-numbering 21:17']);
  });
  it('does not take 统一是 or 之一是 for a marker', () => {
    expect(five('一是甲；二是乙，标准统一是关键；三是丁。重点之一是培训。')).toEqual([]);
  });
  it('leaves runs that do not start at 一是, or that go back, alone', () => {
    expect(five('首先，甲；二是乙；三是丙。')).toEqual([]);
    expect(five('一是甲；二是乙；三是丙。\n\n另有：二是丁。')).toEqual([]);
  });
});

describe('fee-statement', () => {
  it('accepts 信息费, 处理费 and 信息处理费', () => {
    for (const s of ['本年度无收取信息费情况。', '本年度未收取处理费。', '本年度没有产生信息处理费。', '本年度收取信息处理费120元。']) {
      expect(places(report(2023, { 5: s }), ['fee-statement'])).toEqual([]);
    }
  });
  it('reports a section 六 that only names the regulation', () => {
    const text = report(2023, { 5: '根据《政府信息公开信息处理费管理办法》做好相关工作。' });
    expect(places(text, ['fee-statement'])).toEqual([`fee-statement ${text.split('\n').indexOf(HEADINGS[5]!) + 1}:1`]);
  });
  it('points to a statement made in another section', () => {
    const text = report(2023, { 4: '本年度未收取信息处理费。', 5: '无其他需要报告的事项。' });
    const [d] = run(text, ['fee-statement']);
    expect(d!.message).toContain('第五部分');
    expect(d!.related).toHaveLength(1);
  });
  it('asks nothing of a 2019 or 2020 report, or without section 六', () => {
    expect(places(report(2020, { 5: '无。' }), ['fee-statement'])).toEqual([]);
    expect(places(report(2019, { 5: '无。' }), ['fee-statement'])).toEqual([]);
    expect(places(report(2023).replace(/六、其他需要报告的事项[\s\S]*$/u, ''), ['fee-statement'])).toEqual([]);
  });
});

describe('placeholder', () => {
  it('finds each kind of leftover', () => {
    const text = '一、总体情况\n\n××街道20XX年共公开信息xx条，（此处填写平台名称），[请填写]。\n\n<!-- 待填写：监督保障 -->\n';
    expect(run(text, ['placeholder']).map((d) => d.message.match(/“(.*?)”/u)![1])).toEqual(['××', 'XX', 'xx', '（此处填写平台名称）', '[请填写]', '待填写：监督保障']);
  });
  it('does not report inside a to-fill comment twice', () => {
    expect(places('一、总体情况\n\n<!-- 待填写：××街道XX年 -->\n', ['placeholder'])).toEqual(['placeholder 3:1']);
  });
  it('leaves a name masked in a case alone', () => {
    expect(places('四、政府信息公开行政复议、行政诉讼情况\n\n王××诉本机关政府信息公开一案，李××等申请复议。\n', ['placeholder'])).toEqual([]);
  });
  it('leaves multiplication, words, web addresses and directives alone', () => {
    expect(places('一、总体情况\n\n规格2×3米，XXL号，见 www.xx.gov.cn/XX年报。\n\n<!-- nianbao-disable-next-line placeholder -- 说明 -->\n\n其他注释<!-- 备注 -->\n', ['placeholder'])).toEqual([]);
  });
});
