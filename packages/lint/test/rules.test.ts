import { describe, expect, it } from 'vitest';
import { parseReport, type ReportDocument } from '@nianbao/parse';
import { RULES, applyFixes, lint, type Diagnostic, type Fix, type Rule, type RuleExample } from '@nianbao/lint';
import { applicationsTable, headingsDocument } from '../src/examples.js';

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

function applyEdit(text: string, fix: Fix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
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

  it('states every expected finding’s message and end, so that the examples check them', () => {
    for (const example of rule.meta.examples) {
      for (const f of example.findings) {
        expect(f.message, example.title.en).toBeTypeOf('string');
        expect(f.endLine, example.title.en).toBeTypeOf('number');
        expect(f.endColumn, example.title.en).toBeTypeOf('number');
      }
    }
  });

  if (rule.meta.hasSuggestions) {
    it('shows a suggestion in one of its examples', () => {
      expect(rule.meta.examples.some((e) => run(rule, e).some((d) => (d.suggestions ?? []).length > 0))).toBe(true);
    });
  }

  for (const example of rule.meta.examples) {
    it(`example “${example.title.en}” gives exactly its findings`, () => {
      const found = run(rule, example);
      expect(found.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      // Where an example states the end or the message, that is checked too; the rest only by start.
      expect(
        found.map((d, i) => {
          const want = example.findings[i];
          return {
            line: d.line,
            column: d.column,
            severity: d.severity,
            ...(want?.endLine !== undefined ? { endLine: d.endLine } : {}),
            ...(want?.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
            ...(want?.message !== undefined ? { message: d.message } : {}),
          };
        }),
      ).toEqual(
        example.findings.map((f) => ({
          line: f.line,
          column: f.column,
          severity: f.severity ?? rule.meta.severity,
          ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
          ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
          ...(f.message !== undefined ? { message: f.message } : {}),
        })),
      );
      for (const d of found) {
        expect(d.url).toMatch(new RegExp(`/${id}\\.md$`, 'u'));
        expect(d.message).not.toMatch(/\{\w+\}/u);
      }
      const en = lint(parseReport(example.input, { fileName: 'example.md' }), { only: [id], locale: 'en' });
      for (const d of en) {
        expect(d.message).toMatch(/[a-z]{3}/u);
        for (const s of d.suggestions ?? []) expect(s.message).toMatch(/[a-z]{3}/u);
      }
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

    const suggesting = run(rule, example).filter((d) => (d.suggestions ?? []).length > 0);
    if (suggesting.length > 0) {
      it(`example “${example.title.en}”: each suggestion, applied, makes its finding go; --fix applies none`, () => {
        expect(rule.meta.hasSuggestions).toBe(true);
        for (const d of suggesting) {
          for (const s of d.suggestions!) {
            expect(s.message).not.toMatch(/\{\w+\}/u);
            expect(s.fix.start).toBeLessThanOrEqual(s.fix.end);
            expect(s.fix.end).toBeLessThanOrEqual(example.input.length);
            const after = run(rule, example, applyEdit(example.input, s.fix));
            expect(after.filter((x) => x.message === d.message), s.message).toEqual([]);
          }
        }
        if (!rule.meta.fixable) expect(fixAll(rule, example)).toBe(example.input);
      });
    }
  }
});

/** A deterministic run of bytes that is no text at all: control characters, NULs, broken UTF-8. */
function junk(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const TITLE = '# 某某街道办事处2023年政府信息公开工作年度报告';
const REPORT = headingsDocument(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'], { title: TITLE });

/** Input no report looks like, and the edges of what one does. */
const ODD_INPUTS: ReadonlyArray<readonly [string, string | Uint8Array]> = [
  ['empty', ''],
  ['only whitespace', ' \n\t\n   \n\u3000\n'],
  ['a title alone', TITLE],
  ['a section heading alone', '四、政府信息公开行政复议、行政诉讼情况'],
  ['a table header with no rows', '| 项目 | 自然人 |\n| --- | --- |\n'],
  ['Table 三’s header alone, under a title', `${TITLE}\n\n三、收到和处理政府信息公开申请情况\n\n${applicationsTable([])}\n`],
  ['binary junk', junk(4096)],
  ['a 20,000-character line', '政府信息公开'.repeat(3334).slice(0, 20_000)],
  ['a 20,000-character line of cells under a title', `${TITLE}\n${'| 1 '.repeat(5000)}`],
  ['a report skeleton with CRLF line ends', REPORT.replace(/\n/gu, '\r\n')],
  ['a lone |', '|'],
  ['a title and a lone |', `${TITLE}\n|\n`],
];

/** Every place a finding names lies inside the document's text: lines and columns, offsets, edits. */
function outOfRange(d: Diagnostic, document: ReportDocument): string[] {
  const text = document.text;
  const lines = text.split('\n');
  const problems: string[] = [];
  const inText = (line: number, column: number): boolean => line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
  if (!inText(d.line, d.column)) problems.push(`start ${d.line}:${d.column}`);
  if (!inText(d.endLine, d.endColumn)) problems.push(`end ${d.endLine}:${d.endColumn}`);
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) problems.push('end before start');
  if (!(d.startOffset >= 0 && d.startOffset <= d.endOffset && d.endOffset <= text.length)) problems.push(`offsets ${d.startOffset}–${d.endOffset}`);
  for (const r of d.related) if (r.file === undefined && !inText(r.line, r.column)) problems.push(`related ${r.line}:${r.column}`);
  for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? []).map((s) => s.fix)]) {
    if (!(fix.start >= 0 && fix.start <= fix.end && fix.end <= text.length)) problems.push(`edit ${fix.start}–${fix.end}`);
  }
  return problems;
}

describe('every rule on empty and odd input', () => {
  describe.each(ODD_INPUTS)('%s', (_name, input) => {
    const document = parseReport(input, { fileName: 'odd.md' });
    it.each(RULES.map((r) => [r.meta.id] as const))('%s: no crash, and nothing outside the document', (id) => {
      // As last year's report too, for the cross-year rules.
      const findings = lint(document, { only: [id], previous: { document, file: 'previous.md' } });
      expect(findings.filter((d) => d.ruleId === 'internal-error').map((d) => d.message)).toEqual([]);
      expect(findings.flatMap((d) => outOfRange(d, document).map((p) => `${d.ruleId} ${d.message}: ${p}`))).toEqual([]);
    });
  });

  it('each rule’s own examples with CRLF line ends: no crash, and nothing outside the document', () => {
    for (const rule of RULES) {
      for (const example of rule.meta.examples) {
        const crlf = example.input.replace(/\r?\n/gu, '\r\n');
        const document = parseReport(crlf, { fileName: 'example.md' });
        const previous = example.previous !== undefined ? { document: parseReport(example.previous.replace(/\r?\n/gu, '\r\n'), { fileName: 'previous.md' }), file: 'previous.md' } : undefined;
        const findings = lint(document, { only: [rule.meta.id], ...(previous ? { previous } : {}), ...(example.agencyKind ? { agencyKind: example.agencyKind } : {}) });
        const where = `${rule.meta.id} “${example.title.en}”`;
        expect(findings.filter((d) => d.ruleId === 'internal-error').map((d) => d.message), where).toEqual([]);
        expect(findings.flatMap((d) => outOfRange(d, document)), where).toEqual([]);
      }
    }
  });
});
