import { reviewTable } from '../examples.js';
import { cellPlace, filledTables, placedCells, tableName } from '../table-rules.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  meta: {
    id: 'cell-blank',
    description: {
      zh: '表格中不能有空白格：没有发生的事项填 0',
      en: 'No blank cells in the tables: what did not happen is written as 0',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '空白不等于 0：读者无法分辨是没有发生还是漏填，勾稽关系也无从核对。每个空白格报告一次。只检查形状正确的行：数字个数不对的行由 table-shape 报告；整张表没有数据由 table-missing 报告。不自动填 0，因为只有填表人知道应填的数。',
      en: 'A blank is not 0: a reader cannot tell "none" from "not filled in", and the identities cannot be checked. Each blank cell is reported once. Only rows of the right shape are checked: a row with the wrong number of cells is table-shape’s, a table with no data table-missing’s. Not fixed automatically: only the author knows the number.',
    },
    messages: {
      blank: {
        zh: '{table}“{place}”是空白格：应填写数字，没有发生的填 0。',
        en: '{table}, “{place}” is blank: write a number, 0 if none.',
      },
    },
    examples: [
      {
        title: { zh: '行政复议一栏留空', en: 'The review cells left blank' },
        input: reviewTable(['', '', '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        findings: [
          { line: 5, column: 4, endLine: 5, endColumn: 4, message: '表四“行政复议·结果维持”是空白格：应填写数字，没有发生的填 0。' },
          { line: 5, column: 7, endLine: 5, endColumn: 7, message: '表四“行政复议·结果纠正”是空白格：应填写数字，没有发生的填 0。' },
          { line: 5, column: 10, endLine: 5, endColumn: 10, message: '表四“行政复议·其他结果”是空白格：应填写数字，没有发生的填 0。' },
          { line: 5, column: 13, endLine: 5, endColumn: 13, message: '表四“行政复议·尚未审结”是空白格：应填写数字，没有发生的填 0。' },
          { line: 5, column: 16, endLine: 5, endColumn: 16, message: '表四“行政复议·总计”是空白格：应填写数字，没有发生的填 0。' },
        ],
      },
      { title: { zh: '全部填写，没有的填 0', en: 'All filled, 0 where none' }, input: reviewTable([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), findings: [] },
    ],
  },
  check(context) {
    for (const table of filledTables(context.document)) {
      const spec = context.tableFormat.tables[table.id];
      for (const { row, cell } of placedCells(table)) {
        if (cell.kind !== 'blank') continue;
        context.report({ messageId: 'blank', data: { table: tableName(spec, context.locale), place: cellPlace(spec, row.id, cell.column) }, span: cell.span });
      }
    }
  },
};

export default rule;
