import { describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { RULES, lint, readSuppressions, ruleById, validateConfig, type Rule } from '@nianbao/lint';

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
    expect(validateConfig({ rules: { 'no-such-rule': 'error' } })).toEqual([{ path: '/rules', message: '未知的设置项“no-such-rule”' }]);
    expect(validateConfig({ rules: { placeholder: 'loud' } }).map((p) => p.path)).toEqual(['/rules/placeholder']);
    expect(RULES.length).toBe(26);
  });

  it('names what a missing section or table finding is about (subject), for editors’ insert actions', () => {
    const text = '# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n';
    const findings = lint(parseReport(text, { fileName: 'r.md' }), { only: ['section-missing'] });
    expect(findings.map((d) => d.subject)).toEqual(['reviewLitigation']);
  });
});
