import { canonicalHeading, sectionSpec, TABLE_IDS } from '@nianbao/format';
import type { UnreadableNode } from '@nianbao/parse';
import { streamApplicationsTable } from '../examples.js';
import { tableName, tableNodes } from '../table-rules.js';
import type { Rule } from '../types.js';

const SEVEN_ZEROS = [0, 0, 0, 0, 0, 0, 0];
const HEADING = `${canonicalHeading(sectionSpec('applications'))}\n`;

type Reason = UnreadableNode['reasons'][number];

/** The message for the table's main reason: merged cells first, as the commonest and the clearest. */
function messageFor(reasons: readonly Reason[]): 'mergedCells' | 'splitNumbers' | 'runTogether' | 'unnamedRows' {
  if (reasons.includes('merged-cells')) return 'mergedCells';
  if (reasons.includes('unnamed-rows')) return 'unnamedRows';
  if (reasons.includes('split-numbers')) return 'splitNumbers';
  return 'runTogether';
}

const rule: Rule = {
  meta: {
    id: 'table-unreadable',
    description: {
      zh: '表格的部分数字无法确定属于哪一格时，整张表说明一次，不作核对',
      en: 'When part of a table cannot be placed in its cells, say so once for the table and check none of it',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '网页抓取、复制、PDF 和纯文本导出有时丢掉了单元格的边界或行标签：抓取工具把相同的相邻单元格合并成一个（一行只剩 1 到 3 个数，而格式有 7 格）；数字连在一起没有分隔（`230000023`），而勾稽关系又不能唯一地拆开；一个数被拆成两行，又无法唯一地拼回；一行数字的标签在排版中折行错位而读不出，同时表中又缺了格式中的行。这些行里的每个数属于哪一列无法确定，所以格子、空白格、数值和勾稽关系的检查都跳过它们（只跳过无法确定的行，能确定的行照常检查），由本规则对每张表报告一次，列出原因和证据。它不说明报告本身有错：请对照原件（网页、Word 或 PDF）核实这张表，或改用原件检查。能唯一还原的拆分或拼接不报告。',
      en: 'Crawls, copies and text exports sometimes lose the cell boundaries: a crawler merges identical neighbouring cells into one (a row keeps 1 to 3 numbers where the format has 7); digits run together with no separator (`230000023`) and the identities cannot split them uniquely; a number broken over two lines cannot be rejoined uniquely; a row label wrapped or shifted in the layout so that a row of numbers has no label while rows of the format are missing. Which column each number of such a row belongs to is unknown, so the cell, blank, value and arithmetic checks skip those rows (only those: rows that can be placed are checked as usual), and this rule reports each such table once, with the reason and the evidence. It does not say the report is wrong: check the table against the original (page, Word or PDF), or lint the original. A split or join the identities make unique is not reported.',
    },
    messages: {
      mergedCells: {
        zh: '{table}有 {count} 行的数字少于应有的格数（如“{first}”只有 {found} 个数，应为 {expected} 个），而这种版式不标出空白格，可能是网页把相同的相邻单元格合并了：无法确定这些数属于哪一列，这些行未作核对。请对照原件核实。',
        en: '{table}: {count} row(s) hold fewer numbers than cells (“{first}” has {found}, {expected} expected) in a layout that does not mark blank cells, perhaps a page that merged identical neighbouring cells: which column each number belongs to is unknown, so these rows were not checked. Check them against the original.',
      },
      splitNumbers: {
        zh: '{table}有 {count} 行的数字多于应有的格数（如“{first}”有 {found} 个数，应为 {expected} 个），可能是一个数被拆成了两行，按勾稽关系无法唯一拼回：这些行未作核对。请对照原件核实。',
        en: '{table}: {count} row(s) hold more numbers than cells (“{first}” has {found}, {expected} expected), perhaps a number broken over two lines that the identities cannot rejoin uniquely: these rows were not checked. Check them against the original.',
      },
      unnamedRows: {
        zh: '{table}有 {count} 行数字找不到对应的行标签（如第一处：{text}），同时表中缺少格式中的某些行：很可能是标签在排版中折行、错位，读取时丢失了。这些行未作核对，也不报告为缺行。请对照原件核实。',
        en: '{table}: {count} row(s) of numbers have no row label the reader could find (first: {text}) while rows of the format are missing: most likely labels wrapped or shifted in the layout and were lost in reading. These rows were not checked, nor reported as missing. Check them against the original.',
      },
      runTogether: {
        zh: '{table}有 {count} 行的数字连在一起（如“{first}”：{text}），按国家格式的勾稽关系无法唯一拆分成 {expected} 格：这些行未作核对。请对照原件核实。',
        en: '{table}: the digits of {count} row(s) run together (“{first}”: {text}) and the identities of the national format do not split them uniquely into {expected} cells: these rows were not checked. Check them against the original.',
      },
    },
    examples: [
      {
        title: { zh: '抓取时相同的相邻单元格被合并', en: 'A crawl that merged identical neighbouring cells' },
        input: HEADING + streamApplicationsTable([
          ['newReceived', [46, 0, 46]],
          ['carriedOver', [0]],
          ['disclosed', SEVEN_ZEROS],
        ]),
        findings: [{ line: 12, column: 1, endLine: 12, endColumn: 17, message: '表三有 2 行的数字少于应有的格数（如“一、本年新收政府信息公开申请数量”只有 3 个数，应为 7 个），而这种版式不标出空白格，可能是网页把相同的相邻单元格合并了：无法确定这些数属于哪一列，这些行未作核对。请对照原件核实。' }],
      },
      {
        title: { zh: '每行七个数，一行一个', en: 'Seven numbers a row, one a line' },
        input: HEADING + streamApplicationsTable([
          ['newReceived', [46, 0, 0, 0, 0, 0, 46]],
          ['carriedOver', SEVEN_ZEROS],
        ]),
        findings: [],
      },
    ],
  },
  check(context) {
    const { document, locale } = context;
    for (const id of TABLE_IDS) {
      const spec = context.tableFormat.tables[id];
      for (const node of tableNodes(document, id)) {
        const unreadable = node.unreadable;
        const first = unreadable?.rows[0];
        if (!unreadable || !first) continue;
        context.report({
          messageId: messageFor(unreadable.reasons),
          data: {
            table: tableName(spec, locale),
            count: unreadable.rows.length,
            first: first.label,
            found: first.found,
            expected: first.expected,
            text: first.text.length > 40 ? `${first.text.slice(0, 40)}…` : first.text,
          },
          span: first.span,
          related: unreadable.rows.slice(1, 6).map((r) => ({ span: r.span, text: { zh: `${r.label}：${r.found} 个数，应为 ${r.expected} 个`, en: `${r.label}: ${r.found} numbers, ${r.expected} expected` } })),
          subject: id,
        });
      }
    }
  },
};

export default rule;
