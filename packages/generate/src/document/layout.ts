/**
 * The report as it is to be printed, read from the parsed report and nothing else: the title, the six
 * section headings and the sub-headings as the author wrote them, the prose in its order, the tables on
 * the format's grid, and the 落款 and date that close it. HTML and Word writers draw this; neither looks at
 * the report model itself, so both show the same document.
 */
import { FORMATS, formatsOf, localize, REPORT_TITLE_WORDS, tableName, type FormatYear, type Locale, type TableId } from '@nianbao/format';
import type { ParagraphNode, ReportDocument } from '@nianbao/parse';
import { paragraphRuns, runsText, type Run } from './inline.js';
import { layTable, type LaidTable } from './tables.js';

/** 1: 一、 (黑体); 2: （一） (楷体); 3: 1. (仿宋, bold), the levels of GB/T 9704's 结构层次序数. */
export type HeadingLevel = 1 | 2 | 3;

/** A run of a paragraph; `lead` marks its opening sentence set as a heading of that level (`（一）主动公开。…`). */
export interface LaidRun extends Run {
  lead?: HeadingLevel;
}

export type LayoutBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; runs: LaidRun[]; align: 'justify' | 'right' }
  | { kind: 'table'; table: LaidTable }
  | { kind: 'note'; text: string };

export interface ReportLayout {
  /** The title, or the format's words for a report that has none (for a page title). */
  title: string;
  hasTitle: boolean;
  formatYear: FormatYear;
  blocks: LayoutBlock[];
  /** The tables whose numbers were partly shown as read, for the command's message. */
  asRead: Array<{ table: TableId; name: string; rows: number; unplaced: number }>;
}

export interface LayoutOptions {
  /** The language of the note under a table shown partly as read. */
  locale?: Locale;
}

const LEAD_MAX = 30;
/** As the parser's `headingLike`: the words after the enumerator of a sub-heading line. */
const HEADING_LINE_MAX = 20;
const SIGNATURE_LINE_MAX = 40;

function levelOf(style: NonNullable<ParagraphNode['enumerator']>['style']): HeadingLevel | undefined {
  return style === 'cjk' ? 1 : style === 'paren-cjk' ? 2 : style === 'arabic' ? 3 : undefined;
}

/** A paragraph's opening sentence marked as a lead, when it is a short one after an enumerator. */
function withLead(runs: LaidRun[], level: HeadingLevel | undefined): LaidRun[] {
  if (level === undefined) return runs;
  const text = runsText(runs);
  const end = text.search(/[。：:]/u);
  const length = end < 0 ? text.length : end + 1;
  if (length > LEAD_MAX) return runs;
  const out: LaidRun[] = [];
  let left = length;
  for (const run of runs) {
    if (left <= 0) out.push(run);
    else if (run.text.length <= left) {
      out.push({ ...run, lead: level });
      left -= run.text.length;
    } else {
      out.push({ ...run, text: run.text.slice(0, left), lead: level }, { ...run, text: run.text.slice(left) });
      left = 0;
    }
  }
  return out;
}

/** Whether a line reads as the 落款 above the date: short, one line, no sentence punctuation. */
const isSignatureLine = (line: string): boolean => line.length > 0 && line.length <= SIGNATURE_LINE_MAX && !/[。，,；;：:！？]/u.test(line);

interface Positioned {
  at: number;
  blocks: LayoutBlock[];
}

/** The layout of a parsed report. */
export function layoutReport(doc: ReportDocument, options: LayoutOptions = {}): ReportLayout {
  const locale = options.locale ?? 'zh';
  const isMarkdown = doc.layout === 'markdown';
  const formatYear: FormatYear = formatsOf(doc).tables.year;
  const format = FORMATS[formatYear];
  const items: Positioned[] = [];
  const asRead: ReportLayout['asRead'] = [];

  for (const section of doc.sections) {
    const text = runsText(paragraphRuns(section.heading.text, isMarkdown));
    if (text !== '') items.push({ at: section.heading.span.start.offset, blocks: [{ kind: 'heading', level: 1, text }] });
  }

  const dateAt = doc.signatureDate?.span.start.offset;
  const paragraphs = doc.paragraphs;
  paragraphs.forEach((p, i) => {
    const at = p.span.start.offset;
    const holdsDate = dateAt !== undefined && at <= dateAt && dateAt < p.span.end.offset;
    if (holdsDate) {
      items.push({ at, blocks: signatureBlocks(p, dateAt - at, isMarkdown) });
      return;
    }
    // The 落款 on its own line before the date's paragraph.
    const next = paragraphs[i + 1];
    const beforeDate = next !== undefined && next.span.start.offset === dateAt;
    const runs = paragraphRuns(p.text, isMarkdown);
    if (runs.length === 0) return;
    if (beforeDate && !/\n/u.test(p.text.trim()) && isSignatureLine(runsText(runs))) {
      items.push({ at, blocks: [{ kind: 'paragraph', runs, align: 'right' }] });
      return;
    }
    const level = p.enumerator ? levelOf(p.enumerator.style) : undefined;
    if (p.headingLike && level !== undefined) {
      items.push({ at, blocks: [{ kind: 'heading', level, text: runsText(runs) }] });
      return;
    }
    // A short enumerated first line over prose (`（一）主动公开情况` / `修订完善…`): a heading the export ran on.
    const lineBreak = p.text.search(/\r?\n/u);
    const firstLine = lineBreak > 0 ? p.text.slice(0, lineBreak).trim() : '';
    if (level !== undefined && p.enumerator && lineBreak > 0 && firstLine.length - p.enumerator.text.length <= HEADING_LINE_MAX && !/[。；;，,：:]$/u.test(firstLine)) {
      const rest = paragraphRuns(p.text.slice(lineBreak), isMarkdown);
      items.push({ at, blocks: [{ kind: 'heading', level, text: runsText(paragraphRuns(firstLine, isMarkdown)) }, ...(rest.length > 0 ? [{ kind: 'paragraph', runs: rest, align: 'justify' } as const] : [])] });
      return;
    }
    items.push({ at, blocks: [{ kind: 'paragraph', runs: withLead(runs, level), align: 'justify' }] });
  });

  for (const table of doc.tables) {
    const spec = format.tables[table.id];
    const laid = layTable(table, spec, formatYear, localize(locale, { zh: '原文：', en: 'As read: ' }));
    const blocks: LayoutBlock[] = [{ kind: 'table', table: laid }];
    if (laid.asReadRows > 0) {
      const name = tableName(spec, locale);
      asRead.push({ table: table.id, name, rows: laid.asReadRows, unplaced: laid.unplacedRows });
      blocks.push({
        kind: 'note',
        text: localize(locale, {
          zh: `注：${name}有 ${laid.asReadRows} 行的数字无法确定所属的列，按原文照录在标记的单元格中，未作改动，请对照原文核实。`,
          en: `Note: in ${name}, ${laid.asReadRows} row(s) hold numbers whose columns could not be told; they are copied as read into the marked cells, unchanged. Check them against the original.`,
        }),
      });
    }
    items.push({ at: table.span.start.offset, blocks });
  }

  items.sort((a, b) => a.at - b.at);
  const title = doc.title ? runsText(paragraphRuns(doc.title.text, isMarkdown)) : '';
  const blocks: LayoutBlock[] = [...(title !== '' ? [{ kind: 'title', text: title } as const] : []), ...items.flatMap((i) => i.blocks)];
  return { title: title !== '' ? title : REPORT_TITLE_WORDS, hasTitle: title !== '', formatYear, blocks, asRead };
}

/**
 * The paragraph that holds the date: the prose before it as a paragraph, the 落款 line above the date (when
 * it reads as one) and the date on the right.
 */
function signatureBlocks(p: ParagraphNode, dateOffset: number, isMarkdown: boolean): LayoutBlock[] {
  const lineStarts = [0];
  for (let i = p.text.indexOf('\n'); i >= 0; i = p.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lines = lineStarts.map((s, k) => p.text.slice(s, k + 1 < lineStarts.length ? lineStarts[k + 1]! - 1 : p.text.length).trim());
  let dateLine = 0;
  while (dateLine + 1 < lineStarts.length && lineStarts[dateLine + 1]! <= dateOffset) dateLine++;
  let first = dateLine;
  if (first > 0 && isSignatureLine(runsText(paragraphRuns(lines[first - 1]!, isMarkdown)))) first--;
  const out: LayoutBlock[] = [];
  const body = paragraphRuns(lines.slice(0, first).join('\n'), isMarkdown);
  if (body.length > 0) out.push({ kind: 'paragraph', runs: body, align: 'justify' });
  for (const line of lines.slice(first)) {
    const runs = paragraphRuns(line, isMarkdown);
    if (runs.length > 0) out.push({ kind: 'paragraph', runs, align: 'right' });
  }
  return out;
}
