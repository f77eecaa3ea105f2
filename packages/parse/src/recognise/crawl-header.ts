import type { Block, TextRun } from '../blocks.js';
import type { MetaField, SourceMetadata } from '../readers/types.js';
import { isTitleText, lineOf, runIn, soleRun } from './runs.js';

/**
 * Crawlers and page-copy tools put their own lines at the top of the text they save: `标题：…`,
 * `发布时间：2019-01-01`, `原始链接：https://…`, `Title: …`, then often `正文：` before the article. Those
 * lines describe the page, not the report: none of them is a heading, a title line or a year to check.
 * This pass takes them off the top and keeps what they say as metadata.
 *
 * It goes by shape, not by a list of keys: a run of lines at the very top, each a short field name
 * (2–6 Han characters, or an ASCII word) and a colon, several together — the crawler's names vary from
 * one tool to the next. A single field line is enough when its name is one crawlers are known to write
 * or when a title line without a label stands before it (an archive that keeps the page title bare).
 */

/** A field line: a short name, a colon, the value (possibly empty or cut: `发布时间：2020-10-`). */
const FIELD = /^(?<key>\p{Script=Han}{2,6}|[A-Za-z][A-Za-z _-]{0,18}[A-Za-z])[ \t\u3000]*[：:][ \t\u3000]*/u;

/** Names crawlers are known to write; with one of them a single field line is a header. */
const KNOWN_KEY =
  /^(?:标题|题目|文章标题|发布时间|发布日期|发文日期|成文日期|生成日期|时间|日期|文号|发文字号|发布机构|发文机关|索引号|来源|信息来源|文章来源|栏目|所属栏目|原始链接|原文链接|链接|网址|本地目录|作者|浏览次数|主题分类|主题词|关键词|title|url|link|source|date|time|published|author)$/iu;

/** The line that ends the header: after it comes the article. Its value, when it has one, is body text. */
const BODY_MARKER = /^(?:正文|正文内容|内容|content|body|text|article)$/iu;
/** Of the markers, the names that may carry the article's first text on their own line (`正文：根据…`). */
const MARKER_WITH_TEXT = /^(?:正文|正文内容|content|body)$/iu;

const TITLE_KEY = /^(?:标题|题目|文章标题|题名|title|subject|headline)$/iu;

/** A field whose value is long prose is a sentence with a colon, unless its name is a known field name. */
const MAX_UNKNOWN_VALUE = 120;

interface FieldLine {
  key: string;
  /** The value's run; undefined when the value is empty. */
  value: TextRun | undefined;
  /** Where the key starts, for a value-less field's offsets. */
  at: number;
}

/** Reads a line as `key：value`, or undefined when it is not shaped as a field. */
export function fieldLine(run: TextRun): FieldLine | undefined {
  const m = FIELD.exec(run.text);
  if (!m) return undefined;
  const key = m.groups!['key']!;
  const rest = run.text.slice(m[0].length);
  // `https://…` on a line of its own is a link, not a field named https.
  if (rest.startsWith('//')) return undefined;
  if (!KNOWN_KEY.test(key) && !BODY_MARKER.test(key) && rest.length > MAX_UNKNOWN_VALUE) return undefined;
  const valueStart = run.start + m[0].length;
  const value = runIn(run.text, m[0].length, run.text.length);
  return {
    key,
    value: value ? { text: value.text, start: run.start + value.start, end: run.start + value.end } : undefined,
    at: valueStart,
  };
}

/** A field as metadata: an empty value sits at the place right after its colon. */
export function metaField(field: FieldLine): MetaField {
  if (field.value) return { key: field.key, value: field.value.text, start: field.value.start, end: field.value.end };
  return { key: field.key, value: '', start: field.at, end: field.at };
}

/**
 * How strongly a field's name says "the page's publication date": 发布时间 and its kin first, then a bare
 * 时间/日期, then any other date name except the crawler's own (生成日期, 抓取时间: when the file was made).
 */
function publishedRank(key: string): number {
  if (/(?:发布|发文|公开|印发|成文)(?:时间|日期)|^(?:published|pubdate|publish[ _-]?(?:date|time))$/iu.test(key)) return 3;
  if (/^(?:时间|日期|发布|date|time)$/iu.test(key)) return 2;
  if (/生成|抓取|采集|爬取|下载|更新|修改|访问|入库|crawl|fetch|generat|retriev|access|modif|updat/iu.test(key)) return 0;
  if (/时间|日期|date|time/iu.test(key)) return 1;
  return 0;
}

/**
 * Fills `title` and `published` from the fields: the first title-named field (or the bare title line)
 * and the best-ranked date field, the earliest among equals.
 */
export function summarise(fields: MetaField[], bodyStart?: number): SourceMetadata {
  const metadata: SourceMetadata = { fields };
  const title = fields.find((f) => TITLE_KEY.test(f.key) && f.value !== '');
  if (title) metadata.title = title;
  let best: MetaField | undefined;
  let bestRank = 0;
  for (const f of fields) {
    const rank = publishedRank(f.key);
    if (rank > bestRank) {
      best = f;
      bestRank = rank;
    }
  }
  if (best) metadata.published = best;
  if (bodyStart !== undefined) metadata.bodyStart = bodyStart;
  return metadata;
}

export interface HeaderResult {
  /** The blocks after the header (its lines, the `正文：` line and the blanks among them taken out). */
  blocks: Block[];
  /** The header's fields in order, with `title` and `published`; `bodyStart` when a header was found. */
  metadata: SourceMetadata;
}

function nextNonBlank(blocks: readonly Block[], from: number): number {
  let i = from;
  while (i < blocks.length && blocks[i]!.kind === 'blank') i++;
  return i;
}

/**
 * Takes a crawler's header off the top of the blocks. Returns the blocks unchanged (and no fields) when
 * the text does not open with one. When the `正文：` line carries text, that text becomes the first body
 * block (its run is a slice of the line, offsets exact).
 */
export function readCrawlHeader(text: string, blocks: Block[]): HeaderResult {
  let i = nextNonBlank(blocks, 0);
  const fields: MetaField[] = [];
  let bareTitle = false;
  const first = soleRun(blocks[i]);
  const afterFirst = nextNonBlank(blocks, i + 1);
  const second = soleRun(blocks[afterFirst]);
  // A title line without its label, straight above the fields (the archive kept only the page title).
  if (first && second && !fieldLine(first) && isTitleText(first.text) && fieldLine(second)) {
    fields.push({ key: 'title', value: first.text, start: first.start, end: first.end });
    bareTitle = true;
    i = afterFirst;
  }
  let fieldCount = 0;
  let knownCount = 0;
  let marker: FieldLine | undefined;
  let end = i;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind === 'blank') {
      i++;
      continue;
    }
    const run = soleRun(b);
    const field = run ? fieldLine(run) : undefined;
    if (!field) break;
    if (BODY_MARKER.test(field.key) && (!field.value || MARKER_WITH_TEXT.test(field.key))) {
      marker = field;
      end = i + 1;
      break;
    }
    fields.push(metaField(field));
    fieldCount++;
    if (KNOWN_KEY.test(field.key)) knownCount++;
    i++;
    end = i;
  }
  const isHeader = fieldCount >= 2 || knownCount >= 1 || (bareTitle && fieldCount >= 1) || (marker !== undefined && fieldCount >= 1);
  if (!isHeader) return { blocks, metadata: { fields: [] } };
  const body: Block[] = [];
  if (marker?.value) body.push(lineOf(marker.value));
  const rest = nextNonBlank(blocks, end);
  body.push(...blocks.slice(rest));
  const firstBody = body.find((b) => b.kind !== 'blank');
  return { blocks: body, metadata: summarise(fields, firstBody ? firstBody.start : text.length) };
}
