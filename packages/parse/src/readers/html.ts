/**
 * The HTML reader: a published report page, site chrome and all, or a page saved from Word.
 *
 * The page is parsed once (hast-util-from-html, with positions) and walked once into lines and tables
 * (`html-walk.ts`); the report is then found by its words — the smallest element holding its title and
 * its section headings (`html-article.ts`) — so that no site's markup needs to be known. The page's own
 * lines at the article's edges become metadata or are dropped (`html-edges.ts`), and the rest is written
 * as the view, each character mapped to its offset in the decoded page (`html-view.ts`).
 */
import { summarise } from '../recognise/crawl-header.js';
import { isTitleText } from '../recognise/runs.js';
import { findArticle, SectionMarker } from './html-article.js';
import { decodePage } from './html-decode.js';
import { trimEdges } from './html-edges.js';
import type { Item } from './html-items.js';
import { parsePage } from './html-parse.js';
import { writeView } from './html-view.js';
import { walkPage } from './html-walk.js';
import type { MetaField, ReadProblem, SourceMetadata, SourceView } from './types.js';

const EMPTY: ReadProblem = {
  code: 'empty',
  fatal: true,
  message: {
    zh: '这个网页文件是空的。请确认网页已完整下载或保存（浏览器中“另存为”选择“网页，全部”或“仅 HTML”）后再检查。',
    en: 'This web page is empty. Make sure the page was downloaded or saved completely (in the browser, “Save as” a complete page or HTML only), then check it again.',
  },
};

const BINARY: ReadProblem = {
  code: 'binary',
  fatal: true,
  message: {
    zh: '这个文件不是网页，而是无法识别的二进制内容。请提供报告的网页（.html）、Word（.docx）、PDF 或纯文本文件。',
    en: 'This file is not a web page but unrecognised binary content. Provide the report as a web page (.html), Word (.docx), PDF or plain-text file.',
  },
};

const NO_ARTICLE: ReadProblem = {
  code: 'no-article',
  fatal: false,
  message: {
    zh: '在这个网页中没有找到年度报告的正文（报告标题“……年度报告”和“一、总体情况”等章节标题）。下面检查的是网页的全部可见文字，其中可能有网站的菜单和页脚。请确认这是报告全文所在的页面，或把报告正文复制为纯文本后再检查。',
    en: 'No annual report was found in this web page (a title “…年度报告” and section headings such as “一、总体情况”). All the page’s visible text is checked, which may include the site’s menus and footer. Make sure this is the page holding the full report, or copy the report’s text into a plain-text file and check that.',
  },
};

function failed(problem: ReadProblem, encoding: SourceView['encoding']): SourceView {
  return { format: 'html', text: '', encoding, blocks: [], metadata: { fields: [] }, problems: [problem] };
}

/** A site's `<title>` adds its section and name (`…年度报告_政府信息公开年报_某某政府`): the report's part. */
function reportPart(title: string): string {
  const parts = title.split(/\s*(?:_|\||｜|—|–|-{1,2}|——)\s*/u).filter((p) => p !== '');
  return parts.find((p) => isTitleText(p)) ?? parts[0] ?? title;
}

function metadataOf(fields: MetaField[], pageTitle: string | undefined, articleTitle: MetaField | undefined, found: boolean): SourceMetadata {
  const summary = summarise(fields);
  const metadata: SourceMetadata = { fields: pageTitle !== undefined ? [{ key: 'title', value: pageTitle }, ...fields] : [...fields] };
  const title = articleTitle ?? summary.title ?? (pageTitle !== undefined ? { key: 'title', value: reportPart(pageTitle) } : undefined);
  if (title) metadata.title = title;
  if (summary.published) metadata.published = summary.published;
  if (found) metadata.bodyStart = 0;
  return metadata;
}

/** Reads a web page (its bytes, or its text as an editor holds it) into a view. Never throws. */
export function readHtml(input: Uint8Array | string): SourceView {
  let text: string;
  let encoding: SourceView['encoding'];
  if (typeof input === 'string') {
    text = input;
    encoding = 'string';
  } else {
    if (input.length === 0) return failed(EMPTY, 'utf-8');
    const decoded = decodePage(input);
    // NUL bytes and control characters with no markup in sight: not a page saved under a wrong name.
    if (decoded.encoding === 'binary' && !/<(?:[a-z!]|\/[a-z])/iu.test(decoded.text.slice(0, 4096))) return failed(BINARY, 'binary');
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (text.trim() === '') return failed(EMPTY, encoding);
  try {
    return readPage(text, encoding);
  } catch {
    // A bug in this reader must not cost the caller the file: say the article was not found.
    return { ...failed(NO_ARTICLE, encoding), origin: { sourceText: text, offsets: new Int32Array(1) } };
  }
}

function readPage(text: string, encoding: SourceView['encoding']): SourceView {
  const marker = new SectionMarker();
  const walk = walkPage(parsePage(text), text, { isLayout: (table) => marker.isLayout(table) });
  const article = findArticle(walk.items, walk.ranges, marker);
  let items: Item[];
  let fields: MetaField[] = [];
  let titleIndex: number | undefined;
  const problems: ReadProblem[] = [];
  if (article) {
    const edges = trimEdges(walk.items.slice(article.start, article.end + 1), article.title === undefined ? undefined : article.title - article.start, article.firstHeading - article.start);
    items = edges.items;
    fields = edges.fields;
    const title = article.title === undefined ? undefined : walk.items[article.title];
    if (title) titleIndex = items.indexOf(title);
  } else {
    items = walk.items;
    problems.push(NO_ARTICLE);
  }
  const view = writeView(items);
  // One block per item, in order: the title's block is at the title's index.
  const titleBlock = titleIndex !== undefined && titleIndex >= 0 ? view.blocks[titleIndex] : undefined;
  let articleTitle: MetaField | undefined;
  if (titleBlock && (titleBlock.kind === 'line' || titleBlock.kind === 'heading')) {
    const run = titleBlock.kind === 'line' ? titleBlock.cells[0]! : titleBlock.text;
    articleTitle = { key: 'title', value: run.text, start: run.start, end: run.end };
  }
  return {
    format: 'html',
    text: view.text,
    encoding,
    blocks: view.blocks,
    origin: { sourceText: text, offsets: view.offsets },
    metadata: metadataOf(fields, walk.pageTitle, articleTitle, article !== undefined),
    problems,
  };
}
