import { CJK_NUMERAL_CHARS, cjkNumeralSource, normalizeLabel, splitNumbering } from '@nianbao/format';
import type { LabelNode } from '@nianbao/parse';
import { applicationsTable, naturalPersons } from '../examples.js';
import { tableName } from '../table-rules.js';
import type { Rule } from '../types.js';

/** The enumerator a canonical label starts with (`（一）`, `1.`, `三、`), as the format writes it. */
const LEADING_NUMBERING = new RegExp(`^(?:[（(][${CJK_NUMERAL_CHARS}\\d]{1,3}[)）]|${cjkNumeralSource()}、|\\d{1,2}[.．、])\\s*`, 'u');

/** The roles whose wording the format fixes; header notes are left alone. */
const CHECKED_ROLES = new Set<LabelNode['role']>(['row', 'column', 'group', 'block']);

/**
 * The replacement for a label: the canonical label. When the label was written without its enumerator
 * (the number stands in a cell of its own, or is simply left out), the canonical text without one, so
 * that the fix changes the wording and nothing else.
 */
function replacement(label: LabelNode): string {
  const written = splitNumbering(normalizeLabel(label.text)).numbering;
  return written === '' ? label.match.canonical.replace(LEADING_NUMBERING, '') : label.match.canonical;
}

const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  row: { zh: '行标签', en: 'row label' },
  column: { zh: '列标题', en: 'column heading' },
  group: { zh: '分组标题', en: 'group heading' },
  block: { zh: '栏目标题', en: 'block heading' },
};

const rule: Rule = {
  meta: {
    id: 'table-label',
    description: {
      zh: '表格的行标签、列标题应与国家格式的措辞一致',
      en: "The tables' row and column labels use the national format's wording",
    },
    severity: 'warning',
    fixable: true,
    details: {
      zh: '常见的改动有：`社会组织`（应为 社会公益组织）、`其他法律法规禁止公开`（应为 其他法律行政法规禁止公开）、`不在处理`（应为 不再处理）、`只计这一情况`（应为 只计这一情形）、`三类内容事务信息`（应为 三类内部事务信息），以及与规范写法相近但不相同的标签。修复是换成规范标签；标签被断成几行时不自动修复。字间空格、全角半角、`、` 与 `，` 的差异、断行都是转换噪声，不报告。',
      en: 'Common changes: `社会组织` (for 社会公益组织), `其他法律法规禁止公开` (for 其他法律行政法规禁止公开), `不在处理` (for 不再处理), `只计这一情况` (for 只计这一情形), `三类内容事务信息` (for 三类内部事务信息), and labels close to but not the canonical text. The fix replaces the label with the canonical one; a label broken over lines is not fixed automatically. Spaces between characters, full/half width, `、` against `，` and line breaks are conversion noise and not reported.',
    },
    messages: {
      label: {
        zh: '{table}{role}“{found}”与国家格式不符，应为“{expected}”。',
        en: '{table} {role} “{found}” differs from the national format; expected “{expected}”.',
      },
    },
    examples: [
      {
        title: { zh: '“不在处理”应为“不再处理”', en: '不在处理 for 不再处理' },
        input: applicationsTable([['newReceived', naturalPersons(2)]]) + '\n| 1.申请人无正当理由逾期不补正、行政机关不在处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n',
        findings: [{ line: 4, column: 3, endLine: 4, endColumn: 36, message: '表三行标签“1.申请人无正当理由逾期不补正、行政机关不在处理其政府信息公开申请”与国家格式不符，应为“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”。' }],
        fixed: applicationsTable([['newReceived', naturalPersons(2)]]) + '\n| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n',
      },
      {
        title: { zh: '列标题“社会组织”', en: 'The column heading 社会组织' },
        input: '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会组织 | 法律服务机构 | 其他 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n',
        findings: [{ line: 1, column: 28, endLine: 1, endColumn: 32, message: '表三列标题“社会组织”与国家格式不符，应为“社会公益组织”。' }],
        fixed: '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n',
      },
      {
        title: { zh: '规范标签（空格、半角括号不算问题）', en: 'Canonical labels (spaces and half-width brackets are fine)' },
        input: applicationsTable([['newReceived', naturalPersons(2)]]) + '\n| (一) 予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const seen = new Set<number>();
    for (const table of context.document.tables) {
      const spec = context.tableFormat.tables[table.id];
      const labels = [...table.labels, ...table.rows.flatMap((r) => (r.label ? [r.label] : [])), ...table.unrecognized.flatMap((r) => (r.label ? [r.label] : []))];
      for (const label of labels.sort((a, b) => a.span.start.offset - b.span.start.offset)) {
        // Table 四's row labels are both in `labels` and on their rows: one finding per place.
        if (seen.has(label.span.start.offset)) continue;
        seen.add(label.span.start.offset);
        if (!CHECKED_ROLES.has(label.role)) continue;
        if (label.match.kind !== 'deviation' && label.match.kind !== 'fuzzy') continue;
        const expected = replacement(label);
        const role = ROLE_NAMES[label.role]!;
        context.report({
          messageId: 'label',
          data: { table: tableName(spec, context.locale), role: role[context.locale], found: label.text, expected },
          span: label.span,
          // A label in pieces spans other text (the numbers between its lines): no safe single edit.
          ...(label.pieces ? {} : { fix: { start: label.span.start.offset, end: label.span.end.offset, text: expected } }),
        });
      }
    }
  },
};

export default rule;
