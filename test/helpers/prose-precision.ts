/**
 * The precision test's machinery for phrasings over generated data: the named values a phrasing may
 * state (the table figures, by the words reports use for them), a small evaluator for the `{…}`
 * placeholders and `when` conditions of a phrasing, and the placement of filled sentences in section 一
 * of a generated report.
 */
import { FORMATS, type ReportData } from '@nianbao/format';

/** The figures a phrasing may name, from one report's data (format.md §8, plus Table 二's). */
export const VALUE_KEYS = [
  '年',
  '上年',
  '格式',
  '新收',
  '上年结转',
  '办结',
  '结转',
  '予以公开',
  '部分公开',
  '不予公开',
  '无法提供',
  '不予处理',
  '其他处理',
  '自然人',
  '法人',
  '国家秘密',
  '第三方',
  '内部事务',
  '过程性',
  '不掌握',
  '另行制作',
  '重复申请',
  '复议',
  '维持',
  '纠正',
  '复议其他',
  '未审结',
  '直诉',
  '复议后诉',
  '诉讼',
  '规章',
  '制发',
  '废止',
  '现行有效',
  '许可',
  '处罚',
  '强制',
  '直诉维持',
  '差',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];
export type Values = Record<ValueKey, number>;

/** The named values of a report's data. */
export function valuesOf(data: ReportData): Values {
  const format = FORMATS[data.formatYear];
  const a = data.tables.applications;
  const cell = (row: string, column = 'total'): number => a[row]?.[column] ?? 0;
  const group = (id: string): number => format.tables.applications.rows.filter((r) => r.group === id).reduce((n, r) => n + cell(r.id), 0);
  const r = data.tables.reviewLitigation;
  const review = (row: string, column: string): number => r[row]?.[column] ?? 0;
  const t = data.tables.activeDisclosure;
  const issuedColumn = data.formatYear === 2021 ? 'issued' : 'newlyMade';
  const disclosure = (row: string, column: string): number => t[row]?.[column] ?? 0;
  return {
    年: data.reportYear,
    上年: data.reportYear - 1,
    格式: data.formatYear,
    新收: cell('newReceived'),
    上年结转: cell('carriedOver'),
    办结: cell('handledTotal'),
    结转: cell('carriedForward'),
    予以公开: cell('disclosed'),
    部分公开: cell('partiallyDisclosed'),
    不予公开: group('withheld'),
    无法提供: group('unavailable'),
    不予处理: group('notProcessed'),
    // The 2019 format has （六）其他处理 as one row, the 2021 format as a group of three.
    其他处理: data.formatYear === 2021 ? group('otherHandling') : cell('otherHandling'),
    自然人: cell('newReceived', 'naturalPerson'),
    法人: cell('newReceived') - cell('newReceived', 'naturalPerson'),
    国家秘密: cell('withheldStateSecret'),
    第三方: cell('withheldThirdParty'),
    内部事务: cell('withheldInternalAffairs'),
    过程性: cell('withheldProcess'),
    不掌握: cell('unavailableNotHeld'),
    另行制作: cell('unavailableNeedsCreation'),
    重复申请: cell('notProcessedRepeated'),
    复议: review('review', 'total'),
    维持: review('review', 'upheld'),
    纠正: review('review', 'corrected'),
    复议其他: review('review', 'otherResult'),
    未审结: review('review', 'pending'),
    直诉: review('litigationDirect', 'total'),
    复议后诉: review('litigationAfterReview', 'total'),
    诉讼: review('litigationDirect', 'total') + review('litigationAfterReview', 'total'),
    规章: disclosure('regulations', issuedColumn),
    制发: disclosure('normativeDocuments', issuedColumn),
    废止: data.formatYear === 2021 ? disclosure('normativeDocuments', 'repealed') : 0,
    现行有效: data.formatYear === 2021 ? disclosure('normativeDocuments', 'inForce') : 0,
    许可: disclosure('licensing', 'decisions'),
    处罚: disclosure('punishment', 'decisions'),
    强制: disclosure('enforcement', 'decisions'),
    直诉维持: review('litigationDirect', 'upheld'),
    // Not a figure: the offset a phrasing's contradiction adds where no single value is wrong (a stated
    // total against its own parts, a share, a second statement of the same figure). 0 unless perturbed.
    差: 0,
  };
}

/**
 * A placeholder's or condition's value. The grammar is small on purpose:
 *   expr := term (('+' | '-') term)*
 *   term := integer | key | pct '(' expr ',' expr [',' integer [',' expr]] ')' | cut '(' … ')' | fw '(' expr ')'
 * `pct(a, b, d)` is a ÷ b as a percentage rounded half up to d decimals, `cut(a, b, d)` the same cut
 * (truncated) — the two ways reports write shares; a fourth argument adds that many percentage points
 * (a share written wrong on purpose). Both give the number as written, decimals included. `fw(x)`
 * writes a number in full-width digits (３２), as some Word documents do.
 */
export function evaluate(expression: string, values: Values): string {
  let at = 0;
  const source = expression.replace(/\s+/gu, '');
  const fail = (why: string): never => {
    throw new Error(`placeholder {${expression}}: ${why} at ${at}`);
  };
  const expect = (ch: string): void => {
    if (source[at++] !== ch) fail(`“${ch}” was expected`);
  };
  const integer = (): number => {
    const m = /^\d+/u.exec(source.slice(at));
    if (!m) return fail('a number was expected');
    at += m[0].length;
    return Number(m[0]);
  };
  const term = (): number | string => {
    const rest = source.slice(at);
    const fn = /^(pct|cut|fw)\(/u.exec(rest);
    if (fn?.[1] === 'fw') {
      at += fn[0].length;
      const n = sum();
      expect(')');
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    }
    if (fn) {
      at += fn[0].length;
      const part = Number(sum());
      expect(',');
      const whole = Number(sum());
      let decimals = 0;
      let offset = 0;
      if (source[at] === ',') {
        at++;
        decimals = integer();
      }
      if (source[at] === ',') {
        at++;
        offset = Number(sum());
      }
      expect(')');
      if (whole === 0) return fail('a share of 0 (add a `when`)');
      const exact = (part / whole) * 100;
      const step = 10 ** decimals;
      // Rounded half up with a margin for binary fractions (7.45 → 7.5); cut drops the rest (7.58 → 7.5).
      const shown = fn[1] === 'pct' ? Math.round(exact * step + 1e-9) / step : Math.floor(exact * step + 1e-9) / step;
      return (shown + offset).toFixed(decimals);
    }
    if (/^\d/u.test(rest)) return integer();
    const key = [...VALUE_KEYS].sort((a, b) => b.length - a.length).find((k) => rest.startsWith(k));
    if (!key) return fail('an unknown name');
    at += key.length;
    return values[key];
  };
  const sum = (): number | string => {
    let value = term();
    while (source[at] === '+' || source[at] === '-') {
      const op = source[at++];
      const next = Number(term());
      value = op === '+' ? Number(value) + next : Number(value) - next;
    }
    return value;
  };
  const value = sum();
  if (at !== source.length) fail('unexpected text');
  return String(value);
}

/** Whether a `when` condition holds: `expr op expr` with op one of >= <= == != > <. */
export function holds(condition: string, values: Values): boolean {
  const m = /^(.+?)(>=|<=|==|!=|>|<)(.+)$/u.exec(condition.replace(/\s+/gu, ''));
  if (!m) throw new Error(`condition “${condition}” has no comparison`);
  const left = Number(evaluate(m[1]!, values));
  const right = Number(evaluate(m[3]!, values));
  switch (m[2]) {
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '>':
      return left > right;
    default:
      return left < right;
  }
}

/** A template with every `{…}` filled from the values; a `dropped` name's own placeholder is left empty. */
export function fill(template: string, values: Values, dropped?: ValueKey): string {
  return template.replace(/\{([^{}]+)\}/gu, (_, expression: string) => (expression === dropped ? '' : evaluate(expression, values)));
}

/** Values with one of them changed: by a number, or to another expression over the values. */
export function perturbed(values: Values, key: ValueKey, change: { by: number } | { as: string }): Values {
  return { ...values, [key]: 'by' in change ? values[key] + change.by : Number(evaluate(change.as, values)) };
}

/**
 * A generated report (Markdown) with section 一's body replaced by the given paragraphs: the generator's
 * placeholders there go, the headings and everything after stay. Returns the text and where each
 * paragraph starts.
 */
export function withOverview(markdown: string, paragraphs: readonly string[]): { text: string; starts: number[] } {
  const m = /^## 一、总体情况\n\n[\s\S]*?(?=^## 二、)/mu.exec(markdown);
  if (!m) throw new Error('the generated report has no section 一 before 二');
  const head = markdown.slice(0, m.index) + '## 一、总体情况\n\n';
  const starts: number[] = [];
  let body = '';
  for (const p of paragraphs) {
    starts.push(head.length + body.length);
    body += `${p}\n\n`;
  }
  return { text: head + body + markdown.slice(m.index + m[0].length), starts };
}
