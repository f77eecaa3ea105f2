import { LIST_SEPARATOR, TABLE_IDS, localize, type TableSpec } from '@nianbao/format';
import type { RowNode, Span, TableNode } from '@nianbao/parse';
import { activeDisclosureTable, hasAnyValue, rowLabel, tableName, tableNodes } from '../table-rules.js';
import type { Locale, ReportDescriptor, Rule } from '../types.js';

/** A matrix table whose every row is off by the same count lacks (or has) a whole column: one finding. */
function columnFault(spec: TableSpec, table: TableNode): { delta: number; found: number; expected: number } | undefined {
  if (spec.layout !== 'matrix') return undefined;
  // Rows the layout could not place are table-unreadable's: they say nothing about the table's columns.
  const rows = table.rows.filter((r) => r.id !== undefined && !r.duplicate && r.shape !== 'unplaced');
  if (rows.length < 3 || rows.some((r) => r.shape === 'ok')) return undefined;
  const delta = rows[0]!.cells.length - rows[0]!.expectedCells;
  if (delta === 0 || rows.some((r) => r.cells.length - r.expectedCells !== delta)) return undefined;
  return { delta, found: rows[0]!.cells.length, expected: rows[0]!.expectedCells };
}

/** Where a run of missing rows belongs: after the row of the format before it that was found, or before the next one. */
function missingRunPlace(spec: TableSpec, table: TableNode, run: readonly string[]): { span: Span; messageId: 'Before' | 'After' | ''; neighbour?: string } {
  const first = spec.rows.findIndex((r) => r.id === run[0]);
  const last = spec.rows.findIndex((r) => r.id === run[run.length - 1]);
  const found = (id: string): RowNode | undefined => table.rows.find((r) => r.id === id && !r.duplicate);
  for (const previous of spec.rows.slice(0, first).reverse()) {
    const row = found(previous.id);
    if (row) return { span: row.label?.span ?? row.span, messageId: 'After', neighbour: previous.label };
  }
  for (const next of spec.rows.slice(last + 1)) {
    const row = found(next.id);
    if (row) return { span: row.label?.span ?? row.span, messageId: 'Before', neighbour: next.label };
  }
  return { span: table.span, messageId: '' };
}

/** Missing rows in runs of rows adjacent in the format: one omission, one place to insert, one finding. */
function runsOf(spec: TableSpec, missing: ReadonlySet<string>): string[][] {
  const runs: string[][] = [];
  let current: string[] | undefined;
  for (const r of spec.rows) {
    if (!missing.has(r.id)) {
      current = undefined;
      continue;
    }
    if (!current) runs.push((current = []));
    current.push(r.id);
  }
  return runs;
}

function describeBlocks(spec: TableSpec, locale: Locale): string {
  return spec.rows.map((r) => `${r.label} ${r.columns.length}`).join(localize(locale, LIST_SEPARATOR));
}

const rule: Rule = {
  meta: {
    id: 'table-shape',
    description: {
      zh: '表格的行和列应与国家格式一致：每行的数字个数、不缺行、不重复、没有多余的行和列',
      en: "The tables' rows and columns follow the national format: cells per row, no missing, repeated or unknown rows or columns",
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '按报告表格所用格式的定义核对：某一行的数字比应有的多或少（每行报告一次，说明应有几个、实有几个）；表格有数据却缺了某一行（连续缺的几行报告一次）；一行数字认不出属于哪一行；同一行出现两次；表三每一行都多或少同样个数时，报告为多了或少了一列（一次）。这样的行无法确定每个数属于哪一列，所以勾稽关系和单元格检查都跳过它们，只在这里报告一次。标签断行、字间空格、全角半角等转换造成的差异不算形状问题。整张表缺失或没有数据由 table-missing 报告。',
      en: "Checked against the format the report's tables follow: a row with more or fewer numbers than it should have (once per row, saying how many are expected and found); a row missing from a table that has data (a run of adjacent missing rows once); a row of numbers that matches no row of the format; a row that appears twice; and when every row of Table 3 is off by the same count, a missing or extra column (once). The numbers of such rows cannot be placed in columns, so the arithmetic and cell checks skip them and they are reported only here. Labels broken over lines, spaced characters and full/half width are conversion noise, not shape faults. A missing or empty table is table-missing's.",
    },
    messages: {
      rowCells: {
        zh: '{table}“{row}”行有 {found} 个数，应为 {expected} 个。',
        en: '{table}, row “{row}”: {found} numbers found, {expected} expected.',
      },
      dataRowCells: {
        zh: '{table}的数据行有 {found} 个数，应为 {expected} 个（{blocks}）。',
        en: '{table}: its data row has {found} numbers, {expected} expected ({blocks}).',
      },
      columnMissing: {
        zh: '{table}每一行都只有 {found} 个数，而格式有 {expected} 列：表中缺少 {count} 列。',
        en: '{table}: every row has {found} numbers where the format has {expected} columns: {count} column(s) missing.',
      },
      columnExtra: {
        zh: '{table}每一行都有 {found} 个数，而格式只有 {expected} 列：表中多出 {count} 列。',
        en: '{table}: every row has {found} numbers where the format has {expected} columns: {count} extra column(s).',
      },
      missingRowBefore: {
        zh: '{table}缺少“{row}”行（应在“{neighbour}”之前）：没有发生的事项也应列出并填 0。',
        en: '{table} lacks the row “{row}” (it belongs before “{neighbour}”): what did not happen is listed with 0.',
      },
      missingRowAfter: {
        zh: '{table}缺少“{row}”行（应在“{neighbour}”之后）：没有发生的事项也应列出并填 0。',
        en: '{table} lacks the row “{row}” (it belongs after “{neighbour}”): what did not happen is listed with 0.',
      },
      missingRow: {
        zh: '{table}缺少“{row}”行：没有发生的事项也应列出并填 0。',
        en: '{table} lacks the row “{row}”: what did not happen is listed with 0.',
      },
      missingRowsBefore: {
        zh: '{table}缺少 {count} 行，从“{first}”到“{last}”（应在“{neighbour}”之前）：没有发生的事项也应列出并填 0。',
        en: '{table} lacks {count} rows, “{first}” to “{last}” (they belong before “{neighbour}”): what did not happen is listed with 0.',
      },
      missingRowsAfter: {
        zh: '{table}缺少 {count} 行，从“{first}”到“{last}”（应在“{neighbour}”之后）：没有发生的事项也应列出并填 0。',
        en: '{table} lacks {count} rows, “{first}” to “{last}” (they belong after “{neighbour}”): what did not happen is listed with 0.',
      },
      missingRows: {
        zh: '{table}缺少 {count} 行，从“{first}”到“{last}”：没有发生的事项也应列出并填 0。',
        en: '{table} lacks {count} rows, “{first}” to “{last}”: what did not happen is listed with 0.',
      },
      duplicate: {
        zh: '{table}“{row}”行重复出现（第 {line} 行已有这一行），格式中每行只出现一次。',
        en: '{table}: row “{row}” appears again (it is already on line {line}); each row appears once.',
      },
      unrecognized: {
        zh: '{table}中这一行的 {found} 个数不属于格式中的任何一行，无法核对。',
        en: '{table}: this row of {found} numbers matches no row of the format and cannot be checked.',
      },
      groupValues: {
        zh: '{table}中“{label}”是分组标题，本身不填数；这一行的 {found} 个数不属于格式中的任何一行。',
        en: '{table}: “{label}” is a group heading and holds no numbers; these {found} numbers match no row of the format.',
      },
    },
    examples: [
      {
        title: { zh: '2021 年格式的表二里留着 2019 年格式的三栏', en: 'A 2021 Table 2 with rows left in the 2019 layout' },
        input: activeDisclosureTable(2021, { punishment: [0, 0, 0], enforcement: [0, 0, 0] }),
        findings: [
          { line: 11, column: 3, endLine: 11, endColumn: 19, message: '表二“行政处罚”行有 3 个数，应为 1 个。' },
          { line: 12, column: 3, endLine: 12, endColumn: 19, message: '表二“行政强制”行有 3 个数，应为 1 个。' },
        ],
      },
      {
        title: { zh: '缺了一行、另一行写了两次', en: 'A row left out, another written twice' },
        input: activeDisclosureTable(2021, {}, ['regulations', 'licensing', 'punishment', 'enforcement', 'administrativeFees']) + '\n| 行政处罚 | 0 |   |   |',
        findings: [
          { line: 4, column: 3, endLine: 4, endColumn: 5, message: '表二缺少“行政规范性文件”行（应在“规章”之后）：没有发生的事项也应列出并填 0。' },
          { line: 15, column: 3, endLine: 15, endColumn: 21, message: '表二“行政处罚”行重复出现（第 10 行已有这一行），格式中每行只出现一次。' },
        ],
      },
      {
        title: { zh: '表二的行和列齐全', en: 'Table 2 complete' },
        input: activeDisclosureTable(2021, { normativeDocuments: [2, 1, 18], licensing: [120] }),
        findings: [],
      },
    ],
  },
  check(context) {
    const { document, locale } = context;
    for (const id of TABLE_IDS) {
      const spec = context.tableFormat.tables[id];
      const nodes = tableNodes(document, id);
      // A table with no data is table-missing's: its missing rows would only repeat that.
      if (!hasAnyValue(nodes)) continue;
      const table = tableName(spec, locale);
      const report = (d: ReportDescriptor): void => context.report(d);
      for (const node of nodes) {
        const column = columnFault(spec, node);
        if (column) {
          const header = node.labels.find((l) => l.role === 'column');
          report({
            messageId: column.delta < 0 ? 'columnMissing' : 'columnExtra',
            data: { table, found: column.found, expected: column.expected, count: Math.abs(column.delta) },
            span: header?.span ?? node.rows[0]?.span ?? node.span,
          });
        }
        for (const row of node.rows) {
          if (row.id === undefined) continue;
          const label = rowLabel(spec, row.id);
          // A row the reader could not place (read twice where a PDF parted labels from numbers) is table-unreadable's.
          if (row.shape === 'unplaced') continue;
          if (row.duplicate) {
            const first = node.rows.find((r) => r.id === row.id && !r.duplicate);
            report({
              messageId: 'duplicate',
              data: { table, row: label, line: first?.span.start.line ?? node.span.start.line },
              span: row.span,
              ...(first ? { related: [{ span: first.span, text: { zh: '第一次出现', en: 'first occurrence' } }] } : {}),
            });
            continue;
          }
          if (row.shape === 'ok' || column) continue;
          report({ messageId: 'rowCells', data: { table, row: label, found: row.cells.length, expected: row.expectedCells }, span: row.span });
        }
        for (const row of node.unrecognized) {
          if (row.shape === 'unplaced') continue;
          const found = row.cells.filter((c) => c.kind !== 'blank').length;
          if (found === 0) continue;
          if (row.expectedCells > 0) {
            report({ messageId: 'dataRowCells', data: { table, found, expected: row.expectedCells, blocks: describeBlocks(spec, locale) }, span: row.span });
          } else if (row.label && row.label.role === 'group') {
            report({ messageId: 'groupValues', data: { table, label: row.label.match.canonical, found }, span: row.span });
          } else {
            report({ messageId: 'unrecognized', data: { table, found }, span: row.span });
          }
        }
      }
      // A row is missing only when no part of the table (a page break can cut one in two) has it.
      const withData = nodes.filter((n) => n.hasData);
      const missing = spec.rows.filter((r) => withData.length > 0 && withData.every((n) => n.missingRows.includes(r.id)));
      const host = withData[0];
      if (!host) continue;
      // A group written as one row of numbers (the 2019 `（六）其他处理` in a 2021 table) is reported
      // once, as that row: its missing sub-rows are the same fault.
      const filledGroups = new Set(withData.flatMap((n) => n.unrecognized.filter((r) => r.label?.role === 'group').map((r) => r.label!.match.id)));
      for (const run of runsOf(spec, new Set(missing.map((r) => r.id)))) {
        if (run.every((id) => { const g = spec.rows.find((r) => r.id === id)?.group; return g !== undefined && filledGroups.has(g); })) continue;
        const place = missingRunPlace(spec, host, run);
        const one = run.length === 1;
        report({
          messageId: `missingRow${one ? '' : 's'}${place.messageId}`,
          data: {
            table,
            row: rowLabel(spec, run[0]!),
            first: rowLabel(spec, run[0]!),
            last: rowLabel(spec, run[run.length - 1]!),
            count: run.length,
            ...(place.neighbour !== undefined ? { neighbour: place.neighbour } : {}),
          },
          span: place.span,
        });
      }
    }
  },
};

export default rule;
