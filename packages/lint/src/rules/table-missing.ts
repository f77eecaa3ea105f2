import { canonicalHeading, sectionSpec, TABLE_IDS } from '@nianbao/format';
import { LineIndex, type Span } from '@nianbao/parse';
import { applicationsTable, naturalPersons, reviewTable } from '../examples.js';
import { tableSkeleton } from '../skeleton.js';
import { activeDisclosureTable, hasAnyValue, tableName, tableNodes } from '../table-rules.js';
import type { Rule } from '../types.js';

/** The heading an example's table stands under. */
const HEADINGS = `## ${canonicalHeading(sectionSpec('activeDisclosure'))}\n\n`;

/** Table 四's three header rows, as a web page's table has them, without its data row. */
function reviewHeaderOnly(): string {
  return reviewTable(Array.from({ length: 15 }, () => 0)).split('\n').slice(0, -1).join('\n');
}

const rule: Rule = {
  meta: {
    id: 'table-missing',
    description: {
      zh: '表二、表三、表四必须齐全并填有数据',
      en: 'Tables 2, 3 and 4 are all present and filled in',
    },
    severity: 'error',
    fixable: false,
    hasSuggestions: true,
    details: {
      zh: '国家格式的报告有三张统计表：表二（主动公开）、表三（依申请公开）、表四（行政复议、行政诉讼）。没有发生的事项也要填 0，不能删表或只留表头。缺表时指向该表所在章节的标题（章节也没有时指向第 1 行）；表格只有表头、或所有数据格都是空白时指向表格。表格不完整（缺行、多列）由 table-shape 报告，个别空白格由 cell-blank 报告。不是年度报告的文档不作检查。',
      en: 'A report in the national format has three tables: Table 2 (proactive disclosure), Table 3 (requests) and Table 4 (reviews and lawsuits). What did not happen is written as 0: a table may not be dropped or left as a bare header. A missing table is reported at its section’s heading (or line 1 when that is missing too); a table with only its header, or with every data cell blank, at the table. Incomplete tables (a missing row, an extra column) are table-shape’s, single blank cells cell-blank’s. A document that is not an annual report is not checked.',
    },
    messages: {
      missing: {
        zh: '缺少{table}“{title}”：报告应包含这张表，没有发生的事项填 0。',
        en: '{table} “{title}” is missing: the report must include it, with 0 for what did not happen.',
      },
      headerOnly: {
        zh: '{table}“{title}”只有表头，没有数据行：应填写全部 {cells} 个数据格，没有发生的事项填 0。',
        en: '{table} “{title}” has its header and no data row: all {cells} of its cells must be filled, with 0 for what did not happen.',
      },
      allBlank: {
        zh: '{table}“{title}”的数据格全是空白：应填写全部 {cells} 个数据格，没有发生的事项填 0。',
        en: '{table} “{title}” has every data cell blank: all {cells} of its cells must be filled, with 0 for what did not happen.',
      },
      insert: { zh: '插入缺少的表{numeral}（空白表格）', en: 'Insert the missing Table {numeral} (blank)' },
    },
    examples: [
      {
        title: { zh: '表四只有表头，表二、表三缺失', en: 'Table 4 is a bare header; Tables 2 and 3 are missing' },
        input: `${HEADINGS}本年度主动公开政府信息 120 条。\n\n## 三、收到和处理政府信息公开申请情况\n\n本年度未收到申请。\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n${reviewHeaderOnly()}\n`,
        findings: [
          { line: 1, column: 4, endLine: 1, endColumn: 16, message: '缺少表二“主动公开政府信息情况”：报告应包含这张表，没有发生的事项填 0。' },
          { line: 5, column: 4, endLine: 5, endColumn: 21, message: '缺少表三“收到和处理政府信息公开申请情况”：报告应包含这张表，没有发生的事项填 0。' },
          { line: 11, column: 1, endLine: 11, endColumn: 68, message: '表四“政府信息公开行政复议、行政诉讼情况”只有表头，没有数据行：应填写全部 15 个数据格，没有发生的事项填 0。' },
        ],
      },
      {
        title: { zh: '三张表都有数据', en: 'All three tables hold data' },
        input: `${HEADINGS}${activeDisclosureTable(2021, {}, ['regulations'])}\n\n## 三、收到和处理政府信息公开申请情况\n\n${applicationsTable([['newReceived', naturalPersons(0)]])}\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n${reviewTable(Array.from({ length: 15 }, () => 0))}\n`,
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    if (!document.isReport) return;
    for (const id of TABLE_IDS) {
      const spec = context.format.tables[id];
      const nodes = tableNodes(document, id);
      if (hasAnyValue(nodes)) continue;
      const data = {
        table: tableName(spec, context.locale),
        title: spec.title,
        cells: context.tableFormat.tables[id].rows.reduce((n, r) => n + r.columns.length, 0),
      };
      const node = nodes[0];
      if (node) {
        // Point at the table's first line: the whole header would cover a screenful.
        const firstLine = document.text.indexOf('\n', node.span.start.offset);
        const end = firstLine < 0 || firstLine > node.span.end.offset ? node.span.end : pointAt(document.text, node.span.start, firstLine);
        context.report({ messageId: nodes.some((n) => n.hasData) ? 'allBlank' : 'headerOnly', data, span: { start: node.span.start, end }, subject: id });
        continue;
      }
      const section = document.sections.find((s) => s.id === spec.section);
      if (!section) {
        context.report({ messageId: 'missing', data, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, subject: id });
        continue;
      }
      // The blank table goes right under its section's heading; with no heading there is no place to offer.
      const at = new LineIndex(document.text).lineRange(section.heading.span.end.line).end;
      const insert = { start: at, end: at, text: `\n\n${tableSkeleton(spec, document.layout)}\n` };
      context.report({ messageId: 'missing', data, span: section.heading.span, subject: id, suggestions: [{ messageId: 'insert', data: { numeral: spec.numeral }, fix: insert }] });
    }
  },
};

/** The point at `offset` on the same line as `start`. */
function pointAt(text: string, start: Span['start'], offset: number): Span['start'] {
  const end = offset > start.offset && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  return { line: start.line, column: start.column + (end - start.offset), offset: end };
}

export default rule;
