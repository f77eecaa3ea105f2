import { describe, expect, it } from 'vitest';
import { applicationsTable, naturalPersons } from '../src/examples.js';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';

/** Table 三 with 95 received, 1 carried over, 96 handled (34 disclosed, 62 withheld-free rest in 不予处理). */
const TABLE = applicationsTable([
  ['newReceived', naturalPersons(95)],
  ['carriedOver', naturalPersons(1)],
  ['disclosed', naturalPersons(34)],
  ['handledTotal', naturalPersons(96)],
  ['carriedForward', naturalPersons(0)],
]);

function findings(sentence: string): string[] {
  return lint(parseReport(`三、收到和处理政府信息公开申请情况\n\n${sentence}\n\n${TABLE}\n`))
    .filter((d) => d.ruleId === 'text-mismatch' || d.ruleId === 'text-check')
    .map((d) => `${d.ruleId} ${d.severity}`);
}

describe('text-mismatch and text-check: severity follows certainty', () => {
  it('an error where the words name the quantity beyond doubt, a percentage alongside or not', () => {
    expect(findings('本年度受理政府信息公开申请17件。')).toEqual(['text-mismatch error']);
    expect(findings('本年度接收政府信息公开申请17件。')).toEqual(['text-mismatch error']);
    expect(findings('共受理申请95件，其中予以公开30件，占32%。')).toEqual(['text-mismatch error']);
  });

  it('a warning that asks where the noun is looser or the sentence is a rate', () => {
    expect(findings('依法按时办结依申请公开事项403件，按时办结率100%。')).toEqual(['text-check warning']);
    expect(findings('全年答复政府信息公开申请90件。')).toEqual(['text-check warning']);
    expect(findings('本年度收到政府信息公开申请90件，按时答复率100%。')).toEqual(['text-check warning']);
  });

  it('a warning where the text counts the carried-over requests as new', () => {
    expect(findings('本年度收到政府信息公开申请96件。')).toEqual(['text-check warning']);
  });

  it('nothing where the figures agree, however they are worded', () => {
    for (const sentence of [
      '本年度收到政府信息公开申请95件，办结96件，其中予以公开34件，占35%。',
      '依法按时办结依申请公开事项96件，按时办结率100%。',
      '全年答复政府信息公开申请96件。',
      '本年度收到申请96件（含上年结转1件）。',
      '本年度收到政府信息公开申请95件，同比增长20%。',
    ]) {
      expect(findings(sentence), sentence).toEqual([]);
    }
  });
});

describe('text-check: documents in force against Table 二', () => {
  const table = (inForce: number): string =>
    ['第二十条第（一）项', '', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| --- | --- | --- | --- |', '| 规章 | 0 | 0 | 0 |', `| 行政规范性文件 | 5 | 2 | ${inForce} |`].join('\n');
  const run = (sentence: string, inForce: number): string[] =>
    lint(parseReport(`某某市人民政府2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n${sentence}\n\n${table(inForce)}\n`))
      .filter((d) => d.ruleId === 'text-check' || d.ruleId === 'text-mismatch')
      .map((d) => `${d.ruleId} ${d.severity} ${d.message}`);

  it('asks where the text’s figure differs from 现行有效件数', () => {
    expect(run('截至年底，现行有效规范性文件2763件。', 3097)).toEqual([expect.stringMatching(/^text-check warning 正文写现行有效的规范性文件 2763，而表二“行政规范性文件”现行有效件数为 3097/u)]);
  });
  it('nothing where it agrees, or where the sentence is about this year’s new documents', () => {
    expect(run('截至年底，现行有效规范性文件3097件。', 3097)).toEqual([]);
    expect(run('本年制发规范性文件5件，现行有效规范性文件20件。', 3097)).toEqual([]);
  });
});
