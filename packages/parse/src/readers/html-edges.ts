import { trimRun } from '../blocks.js';
import { fieldLine } from '../recognise/crawl-header.js';
import { scanChrome } from '../recognise/page-chrome.js';
import { cellChars, type Item, type TableItem } from './html-items.js';
import type { MetaField } from './types.js';

/**
 * The page's own lines inside the article element: above the report, the fields a site prints with
 * every article (`来源：…`, `时间：2025-03-10 15:35`, `索引号`, a box of them as a table) and its buttons
 * (`全真版`, `文件下载`, share links, `【字体：大 中 小】`); below it, `附件下载`, `打印`, `关闭`, `扫一扫…`,
 * `上一篇：…`. The fields become metadata; the rest is dropped. Only the edges are looked at: in the
 * report's own text the same words are the report's.
 */

/** Names of the fields a site's article page prints above the text (its info box), with or without a colon. */
const FIELD_KEY =
  /^(?:索引号|信息索引号|发布机构|发文机关|发文单位|生成日期|成文日期|发布日期|发文日期|发布时间|印发日期|文号|发文字号|主题分类|主题词|关键词|体裁分类|组配分类|服务对象分类|信息分类|所属主题|公开方式|公开范围|公开形式|公开时限|信息名称|名称|标题|有效性|效力状态|来源|信息来源|文章来源|时间|日期|作者|浏览次数|访问量|点击数|阅读次数|责任编辑|编辑|信息提供单位|内容分类)$/u;

/** Furniture the shared chrome scanner leaves: widgets written as a phrase, page navigation, related lists. */
const MORE_CHROME =
  /^(?:[【\[]\s*)?(?:扫一扫.{0,24}|(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:].*|(?:上一篇|下一篇|上一条|下一条)|返回|返回首页|返回列表|回到顶部|顶部|(?:相关文章|相关阅读|相关新闻|相关稿件|相关信息|相关附件)\s*[：:]?|(?:分享到|分享)\s*[：:].{0,40}|(?:字号|字体)\s*[：:]?\s*(?:[大中小]\s*){1,3}|(?:默认|大|中|小)\s*(?:[大中小]\s*){2})(?:\s*[】\]])?$/u;

/** How many lines at the end are looked at. */
const TAIL_LINES = 12;

export interface Edges {
  items: Item[];
  fields: MetaField[];
  /** Whether anything above the report was taken off. */
  trimmedTop: boolean;
}

/** The fields a line of page furniture states, or undefined when it is not furniture (dropped: no offsets). */
function furniture(text: string, fieldsAllowed: boolean): MetaField[] | undefined {
  const run = trimRun(text, 0);
  if (run.text === '') return [];
  const scan = scanChrome(run, false);
  if (scan.items > 0 && scan.end >= run.text.length) return scan.fields.map((f) => ({ key: f.key, value: f.value }));
  if (MORE_CHROME.test(run.text)) return [];
  if (!fieldsAllowed) return undefined;
  const field = fieldLine(run);
  if (field && FIELD_KEY.test(field.key)) return [{ key: field.key, value: field.value?.text ?? '' }];
  return undefined;
}

/** A site's info box laid out as a table (`索引号` | `…` | `发布机构` | `…`): its fields, or undefined. */
function fieldTable(table: TableItem): MetaField[] | undefined {
  const fields: MetaField[] = [];
  let other = 0;
  for (const row of table.rows) {
    const texts = row.cells.map((c) => cellChars(c).text.trim());
    for (let k = 0; k < texts.length; k++) {
      const text = texts[k]!;
      if (text === '') continue;
      const bare = /^(.{2,8}?)\s*[：:]?$/u.exec(text);
      if (bare && FIELD_KEY.test(bare[1]!)) {
        fields.push({ key: bare[1]!, value: texts[k + 1] ?? '' });
        k++;
        continue;
      }
      const field = fieldLine({ text, start: 0, end: text.length });
      if (field && FIELD_KEY.test(field.key)) fields.push({ key: field.key, value: field.value?.text ?? '' });
      else other++;
    }
  }
  return fields.length >= 2 && fields.length >= other ? fields : undefined;
}

/**
 * Takes the page's furniture off the article's edges. `title` and `firstHeading` are indexes into
 * `items`: above the first heading, furniture and field lines go (the title and the preamble stay);
 * at the end, furniture lines up to the last line of text.
 */
export function trimEdges(items: readonly Item[], title: number | undefined, firstHeading: number): Edges {
  const fields: MetaField[] = [];
  const kept: Item[] = [];
  let trimmedTop = false;
  for (let i = 0; i < firstHeading; i++) {
    const item = items[i]!;
    if (i === title) {
      kept.push(item);
      continue;
    }
    const found = item.kind === 'line' ? furniture(item.text, true) : fieldTable(item);
    if (found) {
      fields.push(...found);
      trimmedTop = true;
    } else kept.push(item);
  }
  let end = items.length;
  for (let seen = 0; end > firstHeading + 1 && seen < TAIL_LINES; seen++) {
    const item = items[end - 1]!;
    if (item.kind !== 'line' || furniture(item.text, false) === undefined) break;
    end--;
  }
  for (let i = firstHeading; i < end; i++) kept.push(items[i]!);
  return { items: kept, fields, trimmedTop };
}
