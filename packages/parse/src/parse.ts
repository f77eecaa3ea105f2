import { CJK_YEAR_SOURCE, FORMATS, formatYearFor, PAREN_ENUMERATOR, type FormatYear, type SectionId } from '@nianbao/format';
import type { Block } from './blocks.js';
import { decodeText } from './decode.js';
import {
  findArtifacts,
  findComments,
  findContact,
  findFeeStatement,
  findNotices,
  findPeriod,
  findSignatureDate,
  looksLikeTitle,
  openBrackets,
  titleNode,
} from './facts.js';
import { matchSectionHeading } from './headings.js';
import type { DateNode, HeadingNode, ParagraphNode, ReportDocument, SectionNode, SourceLayout, TableNode, TitleNode, ToleranceNode } from './model.js';
import { paragraphNode } from './prose.js';
import { looksLikeMarkdown, readMarkdown } from './read-markdown.js';
import { readText } from './read-text.js';
import { joinPipeRows } from './recognise/pipe-rows.js';
import { LineIndex } from './source.js';
import { noMetadata, type SourceMetadata, type SourceView } from './readers/types.js';
import { recogniseBlocks } from './recognise/index.js';
import { detectTableFormat, findTableRegions, readTable, regionRows } from './tables.js';

export interface ParseOptions {
  /** The file's name: `.md` and `.markdown` are read as Markdown whatever their content. */
  fileName?: string;
  /** Force a reader instead of choosing one from the name and the content. */
  layout?: SourceLayout;
}

/** A reader turns source text into blocks; HTML and .docx readers will plug in here. */
export type Reader = (text: string, lineStarts: readonly number[]) => Block[];

const READERS: Record<SourceLayout, Reader> = { markdown: readMarkdown, text: readText };

function chooseLayout(text: string, options: ParseOptions): SourceLayout {
  if (options.layout) return options.layout;
  if (options.fileName && /\.(md|markdown)$/iu.test(options.fileName)) return 'markdown';
  return looksLikeMarkdown(text) ? 'markdown' : 'text';
}

/** The single text cell of a line block, if it has exactly one. */
function soleCell(block: Block): { text: string; start: number; end: number } | undefined {
  if (block.kind === 'heading') return block.text;
  if (block.kind !== 'line') return undefined;
  let sole: { text: string; start: number; end: number } | undefined;
  for (const c of block.cells) {
    if (c.text === '') continue;
    if (sole) return undefined;
    sole = c;
  }
  return sole;
}

const AGENCY_LINE = /^[^。，；,;\d]{2,30}(?:街道|办事处|政府|局|委员会|委|办公室|区|县|市|镇|乡|厅|中心)$/u;

const YEAR_IN_TITLE = new RegExp(`\\d{4}\\s*年|${CJK_YEAR_SOURCE}\\s*年`, 'u');

/**
 * Whether a title line is the rest of the line before it: `某某街道办事处` / `2023年政府信息公开工作年度报告`,
 * or broken after the year, inside it or inside the words (`某某街道2023年` / `政府信息公开工作年度报告`). The line
 * before must read as the title's start: no sentence punctuation and no full date (a 发布日期 line).
 */
function titleContinues(before: string, title: string): boolean {
  if (AGENCY_LINE.test(before) && /^\s*\d{4}/u.test(title)) return true;
  // Broken inside the year itself (`某某镇人民政府202` / `5年政府信息公开工作年度报告`): a narrow page wraps
  // a centred title wherever the line is full.
  const head = /\d{1,3}$/u.exec(before);
  const tail = /^\s*(\d{1,3})\s*年/u.exec(title);
  if (head && tail && head[0].length + tail[1]!.length === 4 && AGENCY_LINE.test(before.slice(0, head.index))) return true;
  if (before.length > 40 || /[。，；：:,;、！？!?]/u.test(before) || /\d{1,2}\s*月/u.test(before)) return false;
  return YEAR_IN_TITLE.test(before) && !YEAR_IN_TITLE.test(title);
}

function findTitle(blocks: readonly Block[], firstHeading: number, text: string, lines: LineIndex): { title?: TitleNode; used: number[] } {
  const limit = firstHeading < 0 ? Math.min(blocks.length, 30) : firstHeading;
  let previous: { index: number; cell: { text: string; start: number; end: number } } | undefined;
  // Inside a citation a crawl broke over lines (`…和《中华人民共和国` / `政府信息公开工作年度报告` / `格式》`)
  // no line is the title.
  let citation = 0;
  for (let i = 0; i < limit; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blank') continue;
    const cell = soleCell(b);
    const before = citation;
    citation = citationDepth(b, citation);
    if (!cell) {
      previous = undefined;
      continue;
    }
    if (before === 0 && looksLikeTitle(cell.text)) {
      if (previous !== undefined && previous.index === i - 1 && titleContinues(previous.cell.text, cell.text)) {
        return { title: titleNode(text, previous.cell.start, cell.end, lines), used: [previous.index, i] };
      }
      return { title: titleNode(text, cell.start, cell.end, lines), used: [i] };
    }
    previous = cell.text.length <= 30 ? { index: i, cell } : undefined;
  }
  return { used: [] };
}

/** How many 《 are open after this block, given how many were before it. */
function citationDepth(block: Block, depth: number): number {
  const texts = block.kind === 'heading' ? [block.text.text] : block.kind === 'line' ? block.cells.map((c) => c.text) : [];
  return texts.reduce((d, text) => openBrackets(text, '《', '》', d), depth);
}

/** The sole text of the nearest non-blank block before (`step` -1) or after (+1) block `index`. */
function neighbourText(blocks: readonly Block[], index: number, step: -1 | 1): string | undefined {
  for (let i = index + step; i >= 0 && i < blocks.length; i += step) {
    const b = blocks[i]!;
    if (b.kind === 'blank') continue;
    return soleCell(b)?.text;
  }
  return undefined;
}

/**
 * Whether a line that reads as an unnumbered heading is a piece of a sentence that a crawl cut at its
 * inline elements (`本报告由总体情况` / `、` / `主动公开政府信息情况` / `、` …): the piece before it ends in,
 * or the piece after it starts with, a mark that joins words inside a sentence.
 */
function betweenSentencePieces(blocks: readonly Block[], index: number): boolean {
  const before = neighbourText(blocks, index, -1);
  const after = neighbourText(blocks, index, 1);
  return (before !== undefined && /[、，,和及与]$/u.test(before)) || (after !== undefined && /^[、，,。；;和及与]/u.test(after));
}

function emptyDocument(view: SourceView, layout: SourceLayout): ReportDocument {
  const source: ReportDocument['source'] = { format: view.format, metadata: view.metadata, problems: view.problems };
  if (view.origin) source.origin = view.origin;
  if (view.places) source.places = view.places;
  return { text: view.text, encoding: view.encoding, layout, source, sections: [], paragraphs: [], tables: [], artifacts: [], comments: [], notices: [], tolerances: [], isReport: false };
}

/**
 * Reads a report into its model. Accepts the file's bytes (any encoding a Chinese office uses) or text
 * already decoded (an editor's buffer). Never throws: what cannot be recognized is left out.
 */
export function parseReport(input: string | Uint8Array | SourceView, options: ParseOptions = {}): ReportDocument {
  const view = isView(input) ? input : textView(input, options);
  const layout = layoutOf(view);
  const decoded = view;
  try {
    return build(view, layout);
  } catch {
    // A bug in recognition must not cost the caller the document: give what the reader alone knows.
    const doc = emptyDocument(view, layout);
    try {
      const lines = new LineIndex(decoded.text);
      doc.artifacts = findArtifacts(decoded.text, lines);
      doc.comments = findComments(decoded.text, lines);
    } catch {
      // nothing more to salvage
    }
    return doc;
  }
}

function mergeMetadata(a: SourceMetadata, b: SourceMetadata): SourceMetadata {
  const merged: SourceMetadata = { fields: [...a.fields, ...b.fields] };
  const title = a.title ?? b.title;
  const published = a.published ?? b.published;
  const bodyStart = b.bodyStart ?? a.bodyStart;
  if (title) merged.title = title;
  if (published) merged.published = published;
  if (bodyStart !== undefined) merged.bodyStart = bodyStart;
  return merged;
}

/** The title a page or crawl header gives, as the report's title, when it reads as one. */
function metadataTitle(metadata: SourceMetadata, text: string, lines: LineIndex): TitleNode | undefined {
  const field = metadata.title;
  if (!field || !looksLikeTitle(field.value)) return undefined;
  if (field.start !== undefined && field.end !== undefined && text.slice(field.start, field.end) === field.value) return titleNode(text, field.start, field.end, lines);
  // Not in the view (an HTML `<title>`): its words, placed at the start of the document.
  const node = titleNode(field.value, 0, field.value.length, new LineIndex(field.value));
  return { ...node, span: lines.span(0, 0), ...(node.yearSpan ? { yearSpan: lines.span(0, 0) } : {}) };
}

/** The publication date a page or crawl header gives, when it is a whole date. */
function publishedDate(metadata: SourceMetadata, lines: LineIndex): DateNode | undefined {
  const field = metadata.published;
  if (!field) return undefined;
  const m = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/u.exec(field.value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const valid = !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  const span = field.start !== undefined && field.end !== undefined ? lines.span(field.start, field.end) : lines.span(0, 0);
  return { text: field.value, span, iso: valid ? iso : null };
}

/** How a view's blocks are read when its reader gave none: Markdown as Markdown, every other view as text. */
function layoutOf(view: SourceView): SourceLayout {
  return view.format === 'markdown' ? 'markdown' : 'text';
}

function isView(input: string | Uint8Array | SourceView): input is SourceView {
  return typeof input === 'object' && !(input instanceof Uint8Array);
}

/** The view of a text or Markdown file: the decoded text itself. */
export function textView(input: string | Uint8Array, options: ParseOptions = {}): SourceView {
  const decoded = typeof input === 'string' ? { text: input, encoding: 'string' as const } : decodeText(input);
  const layout = chooseLayout(decoded.text, options);
  return { format: layout, text: decoded.text, encoding: decoded.encoding, metadata: noMetadata(), problems: [] };
}

/**
 * What a report's opening says: its blocks, the section headings, the title, the period and so the
 * report's year. The whole parse starts with it; pairing last year's report needs no more of a
 * neighbour than this (see `reportIdentity`).
 */
interface Head {
  text: string;
  lines: LineIndex;
  blocks: Block[];
  metadata: SourceMetadata;
  headingAt: Map<number, HeadingNode>;
  headingIndexes: number[];
  title: TitleNode | undefined;
  titleBlocks: number[];
  period: ReportDocument['period'];
  reportYear: number | undefined;
}

function readHead(view: SourceView, layout: SourceLayout): Head {
  const text = view.text;
  const lines = new LineIndex(text);
  const recognised = recogniseBlocks(text, view.blocks ?? READERS[layout](text, lines.starts));
  const blocks = joinPipeRows(text, recognised.blocks);
  const metadata = mergeMetadata(view.metadata, recognised.metadata);

  const headingAt = new Map<number, HeadingNode>();
  blocks.forEach((block, i) => {
    const cell = soleCell(block);
    if (!cell) return;
    const heading = matchSectionHeading(cell, lines, block.kind === 'heading');
    if (!heading) return;
    if (heading.numeral.status === 'missing' && block.kind !== 'heading' && betweenSentencePieces(blocks, i)) return;
    if (block.kind === 'heading') heading.markdownDepth = block.depth;
    headingAt.set(i, heading);
  });
  const headingIndexes = [...headingAt.keys()].sort((a, b) => a - b);

  const { title: bodyTitle, used: titleBlocks } = findTitle(blocks, headingIndexes[0] ?? -1, text, lines);
  // A page's or crawl's title stands in only where the body has none of its own.
  const title = bodyTitle ?? metadataTitle(metadata, text, lines);
  const period = findPeriod(text, lines);
  const periodYear = period?.start?.iso ? Number(period.start.iso.slice(0, 4)) : period?.end?.iso ? Number(period.end.iso.slice(0, 4)) : undefined;
  return { text, lines, blocks, metadata, headingAt, headingIndexes, title, titleBlocks, period, reportYear: title?.year ?? periodYear };
}

/** Whether a document with this title, these sections and this many tables is a report at all. */
function isReportDocument(title: TitleNode | undefined, sections: number, tables: number): boolean {
  return (title !== undefined && /报告|年报/u.test(title.text)) || sections >= 2 || tables > 0;
}

/** Who a report is by, for which year, and whether it is a report: what `parseReport` would say, without its tables and prose. */
export interface ReportIdentityFacts {
  agency: string | undefined;
  year: number | undefined;
  isReport: boolean;
}

/**
 * The identity `parseReport` gives a document (`title.agency`, `reportYear`, `isReport`), read from its
 * opening only: tables are looked for (a document that is only a table is a report) but not read. A
 * folder's neighbours are paired by it, and reading their tables and prose would double a folder run.
 */
export function reportIdentity(input: string | Uint8Array | SourceView, options: ParseOptions = {}): ReportIdentityFacts {
  const view = isView(input) ? input : textView(input, options);
  try {
    const head = readHead(view, layoutOf(view));
    let isReport = isReportDocument(head.title, head.headingIndexes.length, 0);
    // Each table region becomes one table of the model.
    if (!isReport) isReport = findTableRegions(head.blocks, (i) => head.headingAt.has(i)).length > 0;
    return { agency: head.title?.agency ?? undefined, year: head.reportYear, isReport };
  } catch {
    // As parseReport: a document recognition fails on is no report.
    return { agency: undefined, year: undefined, isReport: false };
  }
}

function build(view: SourceView, layout: SourceLayout): ReportDocument {
  const head = readHead(view, layout);
  const { text, lines, blocks, headingAt, headingIndexes, title, titleBlocks, reportYear } = head;
  const doc = emptyDocument(view, layout);
  doc.source.metadata = head.metadata;
  if (title) doc.title = title;
  const published = publishedDate(doc.source.metadata, lines);
  if (published) doc.publishedDate = published;
  if (head.period) doc.period = head.period;
  if (reportYear !== undefined) doc.reportYear = reportYear;

  // Sections: each runs from its heading to the next one.
  const sections: SectionNode[] = headingIndexes.map((index, k) => {
    const heading = headingAt.get(index)!;
    const nextIndex = headingIndexes[k + 1];
    const end = nextIndex !== undefined ? blocks[nextIndex]!.start : text.length;
    return { id: heading.section, heading, span: lines.span(blocks[index]!.start, end) };
  });
  doc.sections = sections;
  const sectionAt = (offset: number): SectionId | undefined => {
    let found: SectionId | undefined;
    for (const s of sections) if (s.span.start.offset <= offset) found = s.id;
    return found;
  };

  // Tables.
  const regions = findTableRegions(blocks, (i) => headingAt.has(i));
  const read = regions.map((region) => ({ region, ...regionRows(region, blocks) }));
  const detected = detectTableFormat(read.flatMap((r) => r.rows));
  if (detected !== undefined) doc.tableFormatYear = detected;
  const formatYear: FormatYear = detected ?? formatYearFor(reportYear ?? 2021);
  const tolerances: ToleranceNode[] = [];
  const tables: TableNode[] = [];
  for (const r of read) {
    const table = readTable(r.region, r.rows, r.mode, FORMATS[formatYear], lines, tolerances, view.format === 'pdf');
    const section = sectionAt(table.span.start.offset);
    if (section) table.section = section;
    tables.push(table);
  }
  if (detected === undefined && tables.length > 0) doc.tableFormatYear = formatYear;
  doc.tables = tables;
  doc.tolerances = tolerances;

  // Prose: runs of adjacent lines outside headings, the title and tables.
  const skip = new Set<number>([...headingIndexes, ...titleBlocks, ...regions.flatMap((r) => r.consumed)]);
  const paragraphs: ParagraphNode[] = [];
  const linePerParagraph = view.format === 'docx' || view.format === 'html';
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) paragraphs.push(paragraphNode(text, runStart, runEnd, lines, sectionAt(runStart)));
    runStart = -1;
  };
  blocks.forEach((block, i) => {
    // A Markdown heading that is not one of the six sections (`### （一）主动公开`) is a sub-heading:
    // the rules see it as a paragraph of its own, as they see the same line written without `#`.
    if (block.kind === 'heading' && !skip.has(i) && block.text.text !== '') {
      flush();
      paragraphs.push(paragraphNode(text, block.text.start, block.text.end, lines, sectionAt(block.text.start)));
      return;
    }
    if (block.kind !== 'line' || skip.has(i) || /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/u.test(text.slice(block.start, block.end))) {
      flush();
      return;
    }
    const first = block.cells.find((c) => c.text !== '');
    const last = [...block.cells].reverse().find((c) => c.text !== '');
    if (!first || !last) {
      flush();
      return;
    }
    if (first === last && first.end - first.start !== first.text.length) {
      flush();
      paragraphs.push(paragraphNode(text, first.start, first.end, lines, sectionAt(first.start), first.text));
      return;
    }
    // A line that opens with an enumerator starts a new paragraph even without a blank line before it;
    // in a Word document or a page every line is a paragraph of its own (the reader made it one).
    if (runStart >= 0 && (linePerParagraph || PAREN_ENUMERATOR.test(first.text))) flush();
    if (runStart < 0) runStart = first.start;
    runEnd = last.end;
  });
  flush();
  doc.paragraphs = paragraphs;

  doc.notices = findNotices(text, lines);
  const signature = findSignatureDate(paragraphs, lines);
  if (signature) doc.signatureDate = signature;
  const contact = findContact(text);
  if (contact) doc.contact = contact;
  const fee = findFeeStatement(paragraphs);
  if (fee) doc.fee = fee;
  doc.artifacts = findArtifacts(text, lines);
  doc.comments = findComments(text, lines);
  doc.isReport = isReportDocument(title, sections.length, tables.length);
  return doc;
}
