import type { Block } from '../blocks.js';
import type { SourceMetadata } from '../readers/types.js';
import { readCrawlHeader, summarise } from './crawl-header.js';
import { splitInlineHeadingBlocks } from './inline-headings.js';
import { stripPageChrome } from './page-chrome.js';
import { joinSplitLines } from './split-lines.js';

export { readCrawlHeader, fieldLine } from './crawl-header.js';
export { scanChrome, stripPageChrome } from './page-chrome.js';
export { splitInlineHeadingBlocks, splitInlineHeadings } from './inline-headings.js';
export { joinSplitLines, isSpacedLayout } from './split-lines.js';

export interface RecognisedBlocks {
  blocks: Block[];
  metadata: SourceMetadata;
}

/**
 * The block passes for text copied or crawled from the web, in the order they depend on each other:
 * the crawler's header first (it stands above everything), then the page's furniture at the article's
 * edges (once the header is off, the article's first line is at the top), then the cut of a flattened
 * body at its inline headings (the furniture run into its first line is gone by then), and last the
 * join of headings broken over lines (it reads the lines the other passes left).
 *
 * Pure: `blocks` is not changed. Runs of new blocks point into `text` (offsets are view offsets); a run
 * joined from several lines has `text` without their line breaks, so it is not `text.slice(start, end)`.
 * `metadata.bodyStart` is set only when something was taken off the top.
 */
export function recogniseBlocks(text: string, blocks: Block[]): RecognisedBlocks {
  const header = readCrawlHeader(text, blocks);
  const chrome = stripPageChrome(header.blocks);
  const split = splitInlineHeadingBlocks(chrome.blocks);
  const joined = joinSplitLines(split);
  const fields = [...header.metadata.fields, ...chrome.fields];
  const trimmed = header.metadata.bodyStart !== undefined || chrome.trimmedTop;
  const first = joined.find((b) => b.kind !== 'blank');
  const bodyStart = trimmed ? (first ? first.start : text.length) : undefined;
  return { blocks: joined, metadata: summarise(fields, bodyStart) };
}
