import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { INTERNAL_ERROR, RULES, applyFixes, isSuppressible, lint, readSuppressions, ruleById, suppressionComment, validateConfig, type Rule } from '@nianbao/lint';

const REPORT = '3、 收到和处理政府信息公开申请情况\n\n[bookmark: _GoBack]正文。\n';
const doc = () => parseReport(REPORT, { fileName: 'r.md' });

describe('the engine', () => {
  it('a rule that throws becomes one internal-error finding, and the other rules still run', () => {
    const crashing: Rule = {
      meta: { id: 'crashes', description: { zh: '会崩溃的规则', en: 'a rule that crashes' }, severity: 'error', fixable: false, messages: { m: { zh: '消息', en: 'message' } }, examples: [] },
      check(context) {
        context.report({ messageId: 'm', span: context.document.sections[0]!.heading.span });
        throw new Error('boom');
      },
    };
    const findings = lint(doc(), {}, [crashing, ruleById('section-heading')!, ruleById('artifact')!]);
    expect(findings.map((d) => d.ruleId)).toEqual(['internal-error', 'section-heading', 'artifact']);
    expect(findings[0]!.message).toContain('规则 crashes 运行出错（boom）');
    expect(findings[0]!.url).toMatch(/\/internal-error\.md$/u);
  });

  it('stamps id, severity and the docs URL; docsBaseUrl moves the links', () => {
    const [heading] = lint(doc(), { only: ['section-heading'], docsBaseUrl: 'https://example.org/nianbao/rules' });
    expect(heading).toMatchObject({ ruleId: 'section-heading', severity: 'error', url: 'https://example.org/nianbao/rules/section-heading.md' });
    expect(lint(doc(), { only: ['section-heading'] })[0]!.url).toMatch(/^file:.*\/docs\/rules\/section-heading\.md$/u);
  });

  it('a configured severity replaces the rule’s; off turns it off; options reach the rule', () => {
    expect(lint(doc(), { only: ['section-heading'], rules: { 'section-heading': 'warning' } })[0]!.severity).toBe('warning');
    expect(lint(doc(), { only: ['section-heading'], rules: { 'section-heading': 'off' } })).toEqual([]);
  });

  it('refuses a fix from a rule not marked fixable', () => {
    const sneaky: Rule = {
      meta: { id: 'sneaky', description: { zh: '偷偷修改', en: 'sneaky' }, severity: 'warning', fixable: false, messages: { m: { zh: '消息', en: 'message' } }, examples: [] },
      check(context) {
        context.report({ messageId: 'm', span: context.document.sections[0]!.heading.span, fix: { start: 0, end: 1, text: 'x' } });
      },
    };
    expect(lint(doc(), {}, [sneaky])[0]!.fix).toBeUndefined();
  });

  it('reads suppressions with their reasons; next-line skips a blank line; enable closes a range', () => {
    const text = '<!-- nianbao-disable-next-line section-heading -- 理由：本地模板 -->\n\n3、 收到和处理政府信息公开申请情况\n\n<!-- nianbao-disable artifact -- 理由：原样保留 -->\n[bookmark: a]\n<!-- nianbao-enable -->\n[bookmark: b]\n';
    const d = parseReport(text, { fileName: 'r.md' });
    expect(readSuppressions(d).map((s) => [s.rules, s.reason, s.fromLine, s.toLine])).toEqual([
      [['section-heading'], '理由：本地模板', 3, 3],
      [['artifact'], '理由：原样保留', 5, 7],
    ]);
    const findings = lint(d, { only: ['section-heading', 'artifact'], reportSuppressed: true });
    expect(findings.map((f) => [f.ruleId, f.line, f.suppressed?.reason ?? null])).toEqual([
      ['section-heading', 3, '理由：本地模板'],
      ['artifact', 6, '理由：原样保留'],
      ['artifact', 8, null],
    ]);
  });

  it('validates a configuration against the rules’ own option schemas, with paths', () => {
    expect(validateConfig({ rules: { placeholder: 'off', 'publish-deadline': ['error', { deadlines: { 乡镇街道: '01-20' } }] } })).toEqual([]);
    expect(validateConfig({ rules: { 'no-such-rule': 'error' } })).toEqual([{ path: '/rules', message: '没有名为“no-such-rule”的规则：请检查拼写，或删去它' }]);
    expect(validateConfig({ rules: { placeholder: 'loud' } }).map((p) => p.path)).toEqual(['/rules/placeholder']);
  });

  it('registers every rule file once (the registry is an explicit list), with unique ids', () => {
    const files = readdirSync(fileURLToPath(new URL('../src/rules/', import.meta.url))).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(files);
  });

  it('names what a missing section or table finding is about (subject), for editors’ insert actions', () => {
    const text = '# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n';
    const findings = lint(parseReport(text, { fileName: 'r.md' }), { only: ['section-missing'] });
    expect(findings.map((d) => d.subject)).toEqual(['reviewLitigation']);
  });

  it('carries suggestions with their messages in the lint locale; --fix never applies them', () => {
    const text = '# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n';
    const document = parseReport(text, { fileName: 'r.md' });
    const [zh] = lint(document, { only: ['section-missing'] });
    expect(zh!.suggestions?.map((s) => s.message)).toEqual(['插入缺少的部分“四、政府信息公开行政复议、行政诉讼情况”']);
    const at = text.indexOf('五、');
    // Before the next section's heading: the canonical heading, its blank table, and a blank line.
    expect(zh!.suggestions![0]!.fix).toMatchObject({ start: at, end: at });
    expect(zh!.suggestions![0]!.fix.text).toMatch(/^四、政府信息公开行政复议、行政诉讼情况\n\n\| 行政复议[^]*\|\n\n$/u);
    const [en] = lint(document, { only: ['section-missing'], locale: 'en' });
    expect(en!.suggestions?.map((s) => s.message)).toEqual(['Insert the missing section “四、政府信息公开行政复议、行政诉讼情况”']);
    expect(applyFixes(text, [zh!]).applied).toEqual([]);
  });

  it('refuses suggestions from a rule that does not declare hasSuggestions', () => {
    const offering = (hasSuggestions: boolean): Rule => ({
      meta: { id: 'offers', description: { zh: '提供建议', en: 'offers' }, severity: 'warning', fixable: false, hasSuggestions, messages: { m: { zh: '消息', en: 'message' }, s: { zh: '改为{x}', en: 'use {x}' } }, examples: [] },
      check(context) {
        context.report({ messageId: 'm', span: context.document.sections[0]!.heading.span, suggestions: [{ messageId: 's', data: { x: '甲' }, fix: { start: 0, end: 1, text: '甲' } }] });
      },
    });
    expect(lint(doc(), {}, [offering(false)])[0]!.suggestions).toBeUndefined();
    expect(lint(doc(), {}, [offering(true)])[0]!.suggestions).toEqual([{ message: '改为甲', fix: { start: 0, end: 1, text: '甲' } }]);
  });

  it('writes the suppression comments it reads: one syntax, in one module', () => {
    const head = '<!-- nianbao-disable-next-line section-heading -- ';
    expect(suppressionComment('section-heading', '理由：本地模板')).toEqual({ text: `${head}理由：本地模板 -->`, reason: { start: head.length, end: head.length + 7 } });
    expect(suppressionComment('artifact', '原样保留', 'disable').text).toBe('<!-- nianbao-disable artifact -- 原样保留 -->');
    expect(suppressionComment('artifact', undefined, 'enable').text).toBe('<!-- nianbao-enable artifact -->');
    const written = suppressionComment('section-heading', '理由：本地模板');
    expect(written.text.slice(written.reason!.start, written.reason!.end)).toBe('理由：本地模板');
    // A reason that would end the comment early, or break the line, still reads back as one reason.
    const odd = suppressionComment('artifact', 'a --> b\nc', 'disable');
    const text = `${odd.text}\n[bookmark: a]\n${suppressionComment('artifact', '', 'enable').text}\n`;
    expect(readSuppressions(parseReport(text, { fileName: 'r.md' })).map((s) => [s.rules, s.reason, s.fromLine, s.toLine])).toEqual([[['artifact'], 'a —> b c', 1, 3]]);
    const line = `${written.text}\n\n3、 收到和处理政府信息公开申请情况\n`;
    expect(lint(parseReport(line, { fileName: 'r.md' }), { only: ['section-heading'], reportSuppressed: true }).map((f) => f.suppressed?.reason)).toEqual(['理由：本地模板']);
    expect(() => suppressionComment('Not A Rule', 'x')).toThrow();
  });

  it('a crashed rule’s finding cannot be suppressed; every rule’s can', () => {
    expect(isSuppressible(INTERNAL_ERROR)).toBe(false);
    expect(RULES.every((r) => isSuppressible(r.meta.id))).toBe(true);
  });
});
