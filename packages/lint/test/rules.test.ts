import { describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { RULES, applyFixes, lint, type Diagnostic, type Rule, type RuleExample } from '@nianbao/lint';

/** Runs one rule, alone, on an example. */
function run(rule: Rule, example: RuleExample, input = example.input): Diagnostic[] {
  const document = parseReport(input, { fileName: 'example.md' });
  const previous = example.previous !== undefined ? { document: parseReport(example.previous, { fileName: 'previous.md' }), file: 'previous.md' } : undefined;
  return lint(document, {
    only: [rule.meta.id],
    ...(example.options ? { rules: { [rule.meta.id]: ['error', example.options] as ['error', Record<string, unknown>] } } : {}),
    ...(previous ? { previous } : {}),
    ...(example.agencyKind ? { agencyKind: example.agencyKind } : {}),
  }).filter((d) => d.ruleId === rule.meta.id || d.ruleId === 'internal-error');
}

/** Applies fixes until none is left to apply, as `nianbao lint --fix` does. */
function fixAll(rule: Rule, example: RuleExample): string {
  let text = example.input;
  for (let pass = 0; pass < 10; pass++) {
    const { text: next, applied } = applyFixes(text, run(rule, example, text));
    if (applied.length === 0) break;
    text = next;
  }
  return text;
}

describe.each(RULES.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has a description, zh and en messages, and failing and passing examples', () => {
    expect(rule.meta.description.zh.length).toBeGreaterThan(4);
    expect(rule.meta.description.en.length).toBeGreaterThan(4);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const m of Object.values(rule.meta.messages)) {
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(m.en).toMatch(/[a-z]/u);
    }
    expect(rule.meta.examples.some((e) => e.findings.length > 0), 'a failing example').toBe(true);
    expect(rule.meta.examples.some((e) => e.findings.length === 0), 'a passing example').toBe(true);
  });

  for (const example of rule.meta.examples) {
    it(`example “${example.title.en}” gives exactly its findings`, () => {
      const found = run(rule, example);
      expect(found.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      expect(found.map((d) => ({ line: d.line, column: d.column, severity: d.severity }))).toEqual(
        example.findings.map((f) => ({ line: f.line, column: f.column, severity: f.severity ?? rule.meta.severity })),
      );
      for (const d of found) {
        expect(d.url).toMatch(new RegExp(`/${id}\\.md$`, 'u'));
        expect(d.message).not.toMatch(/\{\w+\}/u);
      }
      const en = lint(parseReport(example.input, { fileName: 'example.md' }), { only: [id], locale: 'en' });
      for (const d of en) expect(d.message).toMatch(/[a-z]{3}/u);
    });

    if (example.fixed !== undefined) {
      it(`example “${example.title.en}” is fixed, and the fix proves itself on re-lint`, () => {
        expect(rule.meta.fixable).toBe(true);
        const fixed = fixAll(rule, example);
        expect(fixed).toBe(example.fixed);
        expect(run(rule, example, fixed).filter((d) => d.fix !== undefined)).toEqual([]);
      });
    } else if (rule.meta.fixable) {
      it(`example “${example.title.en}” leaves no fixable finding after --fix`, () => {
        const fixed = fixAll(rule, example);
        expect(run(rule, example, fixed).filter((d) => d.fix !== undefined)).toEqual([]);
      });
    }
  }
});
