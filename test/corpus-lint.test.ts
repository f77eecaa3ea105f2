import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { CORPUS_DIR, corpusReports, readCorpusReport } from './helpers/corpus.js';

/**
 * What a careful reviewer finds in each real report (test/fixtures/corpus/CORPUS-NOTES.md): every rule
 * and count it lists, at the places it names, and nothing else at warning or error level.
 */
const EXPECTED: Record<string, string[]> = {
  '000': [
    'section-heading warning 19:1', // 二、主动公开政府信息的情况
    'section-heading warning 36:1', // 三、收到和处理政府信息公开申请的情况
    'section-heading warning 74:1', // 五、存在的主要问题及改进措施
  ],
  '001': [
    'subsection-numbering warning 6:1', // （1） followed by （二）…（五）
    'section-heading error 57:1', // 3、 收到和处理政府信息公开申请情况
    'section-heading error 355:1', // 4、 政府信息公开行政复议、行政诉讼情况
    'artifact info 404:1', // [bookmark: _GoBack]
  ],
  '002': [
    'year-mismatch error 5:125', // 在总结 2021 年政府信息公开工作的基础上
    'year-mismatch error 9:1', // 2021 年，我办…
    'table-shape error 36:1', // 行政处罚 0 0 0
    'table-shape error 37:1', // 行政强制 0 0 0
    'table-label warning 46:14', // 社会组织
    'table-label warning 52:3', // 2. 其他法律法规禁止公开
    'table-label warning 67:11', // （六）1 不在处理
    'table-label warning 68:3', // （六）2 不在处理
    'table-shape error 70:1', // (七) 总计 with 8 numbers
    'section-heading error 73:5', // 四、政务信息公开…
    'table-missing error 75:1', // Table 四 without a data row
    'section-heading error 87:4', // 六、其他报告的事项
  ],
  '003': [
    'cell-blank error 97:1',
    'cell-blank error 97:2',
    'cell-blank error 97:3',
    'cell-blank error 97:4',
    'cell-blank error 97:5',
    'section-heading warning 99:1', // 五、存在的主要问题及改进措施
  ],
  '004': [
    'artifact info 505:1', // [bookmark: _GoBack] (info: not a finding at warning or error level)
  ],
};

/** The corpus README in machine-readable form (a copy of shared/corpus/expected-findings.json). */
interface Expectation {
  counts?: Record<string, number>;
  allowErrors?: string[];
  allowWarnings?: string[];
  forbid?: string[];
}
const FINDINGS = (JSON.parse(readFileSync(`${CORPUS_DIR}expected-findings.json`, 'utf8')) as { files: Record<string, Expectation> }).files;
const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

describe('every corpus file gives what its README lists, and nothing else at warning or error', () => {
  for (const report of corpusReports({ all: true })) {
    it(report.file, async () => {
      const expected = FINDINGS[report.file];
      expect(expected, 'expected-findings.json names every corpus file').toBeDefined();
      const findings = lint(await readCorpusReport(report));
      const of = (rule: string): number => findings.filter((d) => d.ruleId === rule).length;
      // Rules of later issues (prose-sum, scope-mismatch …) are simply absent until they exist: never a
      // wrong finding in their place.
      for (const [rule, n] of Object.entries(expected!.counts ?? {})) expect(`${rule} ×${of(rule)}`).toBe(`${rule} ×${RULE_IDS.has(rule) ? n : 0}`);
      for (const rule of expected!.forbid ?? []) expect(of(rule), `${rule} must not appear`).toBe(0);
      const stray = findings.filter(
        (d) => (d.severity === 'error' && !(expected!.allowErrors ?? []).includes(d.ruleId)) || (d.severity === 'warning' && !(expected!.allowWarnings ?? []).includes(d.ruleId)),
      );
      expect(stray.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });
  }
});

describe('linting the real corpus', () => {
  for (const report of corpusReports()) {
    it(`${report.file}: exactly the findings the corpus notes list`, () => {
      const findings = lint(parseReport(report.bytes, { fileName: report.file }));
      expect(findings.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`)).toEqual(EXPECTED[report.id]);
      for (const d of findings) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.url).toMatch(new RegExp(`/docs/rules/${d.ruleId}\\.md$`, 'u'));
      }
    });
  }

  it('no rule crashes on any corpus report, in either language', () => {
    for (const report of corpusReports()) {
      for (const locale of ['zh', 'en'] as const) {
        const findings = lint(parseReport(report.bytes, { fileName: report.file }), { locale });
        expect(findings.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      }
    }
  });
});
