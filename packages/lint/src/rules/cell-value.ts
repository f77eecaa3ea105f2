import type { ValueKind } from '@nianbao/format';
import type { CellNode } from '@nianbao/parse';
import { applicationsTable, naturalPersons } from '../examples.js';
import { activeDisclosureTable, cellPlace, filledTables, placedCells, tableName } from '../table-rules.js';
import type { Rule } from '../types.js';

/** Units a 2019 采购总金额 cell may carry: its header has none (format.md §3). */
const AMOUNT_UNITS = new Set(['元', '万元']);

type Problem = 'text' | 'negative' | 'decimal' | 'unit' | 'amountUnit';

/** What is wrong with a cell's value for its column, or undefined when it is valid (blanks are cell-blank's). */
function problemOf(cell: CellNode, kind: ValueKind): Problem | undefined {
  if (cell.kind === 'blank') return undefined;
  if (cell.kind === 'text' || cell.value === null) return 'text';
  if (cell.value < 0 && kind !== 'signedCount') return 'negative';
  if ((kind === 'count' || kind === 'signedCount') && !Number.isInteger(cell.value)) return 'decimal';
  if (cell.unit !== undefined) {
    if (kind !== 'amountYuan') return 'unit';
    if (!AMOUNT_UNITS.has(cell.unit)) return 'amountUnit';
  }
  return undefined;
}

const KIND_TEXT: Record<ValueKind, { zh: string; en: string }> = {
  count: { zh: '非负整数', en: 'a non-negative whole number' },
  signedCount: { zh: '整数（可为负数）', en: 'a whole number (may be negative)' },
  amountWan: { zh: '以万元计的非负金额，不写单位', en: 'a non-negative amount in 10,000 yuan, without a unit' },
  amountYuan: { zh: '非负金额，可写“元”或“万元”', en: 'a non-negative amount, optionally with 元 or 万元' },
};

const rule: Rule = {
  meta: {
    id: 'cell-value',
    description: {
      zh: '表格数据格应填写符合该列要求的数字',
      en: "Each table cell holds a number valid for its column",
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '件数是非负整数；只有 2019 年格式表二的“本年增/减”可以为负数。收费金额以万元计，可带小数，单元格里不写单位（单位在表头）；2019 年格式的“采购总金额”表头没有单位，单元格可写“元”或“万元”。“无”“—”“/”等文字不是数字：没有发生的填 0。空白格由 cell-blank 报告，数字个数不对的行由 table-shape 报告。',
      en: 'Counts are non-negative whole numbers; only the 2019 format’s 本年增/减 (change) may be negative. Fees are amounts in 10,000 yuan, decimals allowed, with no unit in the cell (the header gives it); the 2019 format’s 采购总金额 has no unit in its header, so its cells may say 元 or 万元. Text such as 无, — or / is not a number: write 0 for none. Blank cells are cell-blank’s; rows with the wrong number of cells table-shape’s.',
    },
    messages: {
      text: {
        zh: '{table}“{place}”填的是“{found}”，不是数字：应填写{expected}，没有的填 0。',
        en: '{table}, “{place}” holds “{found}”, not a number: write {expected}, 0 if none.',
      },
      negative: {
        zh: '{table}“{place}”为负数 {found}：应填写{expected}。',
        en: '{table}, “{place}” is negative ({found}): it must be {expected}.',
      },
      decimal: {
        zh: '{table}“{place}”为小数 {found}：件数应为{expected}。',
        en: '{table}, “{place}” is a decimal ({found}): a count is {expected}.',
      },
      unit: {
        zh: '{table}“{place}”写了单位（“{found}”）：单位在表头，单元格只填数字。',
        en: '{table}, “{place}” carries a unit (“{found}”): the header gives the unit, the cell holds the number only.',
      },
      amountUnit: {
        zh: '{table}“{place}”的单位“{unit}”不对：金额应以“元”或“万元”计。',
        en: '{table}, “{place}” has the unit “{unit}”: an amount is in 元 or 万元.',
      },
    },
    examples: [
      {
        title: { zh: '用“无”代替 0', en: '无 instead of 0' },
        input: applicationsTable([['newReceived', ['无', 0, 0, 0, 0, 0, 0]]]),
        findings: [{ line: 3, column: 22, endLine: 3, endColumn: 23, message: '表三“一、本年新收政府信息公开申请数量·自然人”填的是“无”，不是数字：应填写非负整数，没有的填 0。' }],
      },
      {
        title: { zh: '收费金额带了单位', en: 'A fee with its unit in the cell' },
        input: activeDisclosureTable(2021, { administrativeFees: ['12.5万元'] }, ['administrativeFees']),
        findings: [{ line: 4, column: 13, endLine: 4, endColumn: 19, message: '表二“行政事业性收费·本年收费金额（单位：万元）”写了单位（“12.5万元”）：单位在表头，单元格只填数字。' }],
      },
      {
        title: { zh: '合格的数字，包括万元小数', en: 'Valid values, a decimal amount in 万元 included' },
        input: `${activeDisclosureTable(2021, { administrativeFees: ['5722.21'] }, ['administrativeFees'])}\n\n${applicationsTable([['newReceived', naturalPersons(3)]])}`,
        findings: [],
      },
    ],
  },
  check(context) {
    for (const table of filledTables(context.document)) {
      const spec = context.tableFormat.tables[table.id];
      for (const { row, cell } of placedCells(table)) {
        const kind = spec.columns.find((c) => c.id === cell.column)?.valueKind;
        if (kind === undefined) continue;
        const problem = problemOf(cell, kind);
        if (!problem) continue;
        context.report({
          messageId: problem,
          data: {
            table: tableName(spec, context.locale),
            place: cellPlace(spec, row.id, cell.column),
            found: cell.text.trim(),
            expected: KIND_TEXT[kind][context.locale],
            unit: cell.unit ?? '',
          },
          span: cell.span,
        });
      }
    }
  },
};

export default rule;
