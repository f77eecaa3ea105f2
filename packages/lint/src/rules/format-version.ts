import { FORMATS, FORMAT_2019, TABLE_IDS, formatYearFor, localize, normalizeLabel, type FormatYear } from '@nianbao/format';
import type { LabelNode, ReportDocument, Span } from '@nianbao/parse';
import { applicationsTable, naturalPersons } from '../examples.js';
import { activeDisclosureTable } from '../table-rules.js';
import type { Rule } from '../types.js';

/** Labels of one format's tables that the other format does not have: what shows which format a table uses. */
function distinctive(year: FormatYear): Set<string> {
  const labels = (y: FormatYear): Set<string> =>
    new Set(TABLE_IDS.flatMap((id) => {
      const t = FORMATS[y].tables[id];
      return [...t.rows, ...t.columns, ...t.blocks].map((x) => normalizeLabel(x.label));
    }));
  const theirs = labels(year === 2021 ? 2019 : 2021);
  return new Set([...labels(year)].filter((l) => !theirs.has(l)));
}

const DISTINCTIVE: Record<FormatYear, Set<string>> = { 2019: distinctive(2019), 2021: distinctive(2021) };

/** The first label, in document order, that only the given format has: the evidence to point at. */
function evidence(document: ReportDocument, year: FormatYear): LabelNode | undefined {
  const labels = document.tables.flatMap((t) => [...t.labels, ...t.rows.flatMap((r) => (r.label ? [r.label] : []))]);
  return labels
    .filter((l) => DISTINCTIVE[year].has(normalizeLabel(l.match.canonical)))
    .sort((a, b) => a.span.start.offset - b.span.start.offset)[0];
}

/** The first line of the first table, when no label tells the format. */
function firstTableLine(document: ReportDocument): Span | undefined {
  const table = document.tables[0];
  if (!table) return undefined;
  const start = table.span.start;
  let end = document.text.indexOf('\n', start.offset);
  if (end < 0 || end > table.span.end.offset) return table.span;
  if (end > start.offset && document.text.charCodeAt(end - 1) === 13) end--;
  return { start, end: { line: start.line, column: start.column + (end - start.offset), offset: end } };
}

const PREAMBLE_2021 = '本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。';

const rule: Rule = {
  meta: {
    id: 'format-version',
    description: {
      zh: '报告所用和所引的年报格式应与报告年度相符：2019、2020 年度用〔2019〕60号，2021 年度起用〔2021〕30号',
      en: 'The format used and cited fits the report year: 〔2019〕60号 for 2019–2020, 〔2021〕30号 from 2021',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '国办公开办函〔2019〕60号（试行）适用于 2019、2020 年度的报告；国办公开办函〔2021〕30号适用于 2021 年度及以后的报告。两种格式的表二、表三不同（如 2019 年格式的“本年新制作数量”“政府集中采购”、（六）其他处理不分项；2021 年格式的“本年制发件数”“本年收费金额（单位：万元）”）。表格用错格式时报告一次，指向第一处只属于该格式的标签；正文引用了不适用的通知时，在引用处报告。报告年度不明（标题和统计期限都没有年份）或早于 2019 年时不作检查。',
      en: 'Notice 国办公开办函〔2019〕60号 (trial) applies to the reports for 2019 and 2020; 国办公开办函〔2021〕30号 to the reports for 2021 on. Their Tables 2 and 3 differ (2019: 本年新制作数量, 政府集中采购, 其他处理 as one row; 2021: 本年制发件数, 本年收费金额（单位：万元）). Tables in the wrong format are reported once, at the first label only that format has; a citation of the notice that does not apply is reported where it is cited. Not checked when the report year is unknown or before 2019.',
    },
    messages: {
      tables: {
        zh: '{year} 年度报告的表格采用了 {used} 年格式（如“{label}”），应采用 {expected} 年格式（{notice}）。',
        en: 'The tables of this {year} report follow the {used} format (e.g. “{label}”); it must follow the {expected} format ({notice}).',
      },
      tablesNoLabel: {
        zh: '{year} 年度报告的表格采用了 {used} 年格式，应采用 {expected} 年格式（{notice}）。',
        en: 'The tables of this {year} report follow the {used} format; it must follow the {expected} format ({notice}).',
      },
      notice: {
        zh: '引用了“{found}”，它适用于 {range} 年度的报告；{year} 年度报告应依据{notice}。',
        en: 'Cites “{found}”, which applies to the reports for {range}; a {year} report follows {notice}.',
      },
    },
    examples: [
      {
        title: { zh: '2022 年度报告引用了 2019 年格式的通知', en: 'A 2022 report citing the 2019 notice' },
        input: '# 2022年政府信息公开工作年度报告\n\n本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号要求编制。\n',
        findings: [{ line: 3, column: 24, endLine: 3, endColumn: 39, message: '引用了“国办公开办函〔2019〕60号”，它适用于 2019—2020 年度的报告；2022 年度报告应依据国办公开办函〔2021〕30号。' }],
      },
      {
        title: { zh: '2023 年度报告用了 2019 年格式的表二', en: 'A 2023 report with a 2019-format Table 2' },
        input: `# 2023年政府信息公开工作年度报告\n\n${activeDisclosureTable(2019, {}, ['regulations', 'procurement'])}\n`,
        findings: [{ line: 5, column: 10, endLine: 5, endColumn: 17, message: '2023 年度报告的表格采用了 2019 年格式（如“本年新制作数量”），应采用 2021 年格式（国办公开办函〔2021〕30号）。' }],
      },
      {
        title: { zh: '格式与年度相符', en: 'Format and year agree' },
        input: `# 2023年政府信息公开工作年度报告\n\n${PREAMBLE_2021}\n\n${applicationsTable([['newReceived', naturalPersons(1)]])}\n`,
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const year = document.reportYear;
    // Before 2019 neither national format existed; without a year nothing can be judged.
    if (year === undefined || year < FORMAT_2019.appliesFrom) return;
    const expected = formatYearFor(year);
    const notice = FORMATS[expected].notice;
    const used = document.tableFormatYear;
    if (used !== undefined && used !== expected && document.tables.length > 0) {
      const label = evidence(document, used);
      const span = label?.span ?? firstTableLine(document);
      if (span) {
        context.report({
          messageId: label ? 'tables' : 'tablesNoLabel',
          data: { year, used, expected, notice, label: label?.match.canonical ?? '' },
          span,
        });
      }
    }
    for (const n of document.notices) {
      if (n.formatYear === undefined || n.formatYear === expected) continue;
      const cited = FORMATS[n.formatYear];
      const range = cited.appliesTo !== undefined ? `${cited.appliesFrom}${localize(context.locale, { zh: '—', en: '–' })}${cited.appliesTo}` : `${cited.appliesFrom}${localize(context.locale, { zh: ' 及以后', en: ' and later' })}`;
      context.report({ messageId: 'notice', data: { found: n.text, range, year, notice }, span: n.span });
    }
  },
};

export default rule;
