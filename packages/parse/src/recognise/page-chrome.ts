import type { Block, TextRun } from '../blocks.js';
import type { MetaField } from '../readers/types.js';
import { isBlankChar, isTitleText, lineOf, soleRun } from './runs.js';

/**
 * Text copied or crawled out of a web page keeps the page's furniture around the article: a breadcrumb
 * (`当前位置：首页 > 政务公开 > …`), `来源：… 时间：…`, share and download buttons (`微信 微博 QQ空间`,
 * `全真版 文字版 文件下载`, `【字体：大 中 小】`, `打印`, `关闭`, `附件下载`), a stray `-->` of a commented-out
 * template. A crawl of the page's text may hold all of it on the first line, run into the article
 * (`当前位置： 首页… 某某2021年度…年度报告 来源：… 时间：2022-02-08 16:34 微信 … --> 根据…`).
 *
 * Furniture stands only at the edges of the article, so this pass looks only there: lines at the top
 * until the first one that is not furniture (a title line among them is kept), the line where the
 * article starts, and lines at the very end. In the middle of a report the same words are report text:
 * a crawl cuts `…建设` / `微信` / `群，…` wherever the page had an inline element.
 */

/** Where a breadcrumb begins: `当前位置：`, `您的位置：`, `您现在的位置：` … */
const BREADCRUMB = /(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|现在的位置|当前所在位置|所在位置)\s*[：:]/uy;
/** The arrows between a breadcrumb's steps. */
const PATH_SEPARATOR = /^(?:>|>>|»|＞|›|→|\/|-|—)$/u;

/** A button or a widget's words, optionally in brackets (`【打印】`, `[关闭窗口]`, `【字体：大 中 小】`). */
const BUTTON =
  /(?:[【\[]\s*)?(?:分享到|分享|微信|微博|QQ空间|QQ|朋友圈|全真版|文字版|文件下载|附件下载|下载附件|打印本页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|收藏本页|收藏|我要纠错|纠错|扫一扫|相关链接|(?:字体|字号)\s*[：:]\s*[大中小](?:\s*[大中小]){0,2}|大\s*中\s*小|视力保护色|护眼模式)[：:]?(?:\s*[】\]])?/uy;
/** The tail of a commented-out template, or its head. */
const COMMENT = /(?:<!--|-->|--&gt;)/uy;
/** Page fields written in the furniture line by line or on one line (`来源：… 时间：… 浏览次数：…`). */
const CHROME_FIELD =
  /(?<key>信息来源|文章来源|来源|发布时间|发布日期|时间|日期|作者|发布者|发布人|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击率|访问量|访问次数|责任编辑|编辑)\s*[：:]/uy;
/** A time of day after a date value (`2022-02-08 16:34`). */
const TIME_OF_DAY = /[ \u3000\u00a0]+\d{1,2}:\d{2}(?::\d{2})?(?=\s|$)/uy;
const DATE_VALUE = /^\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$/u;

export interface ChromeScan {
  /** Fields the furniture states (`来源`, `时间`, the breadcrumb as `当前位置`), offsets into the view. */
  fields: MetaField[];
  /** A report title standing among the furniture: report text, kept as its own block. */
  title?: TextRun;
  /** How many pieces of furniture were read (the title not counted). */
  items: number;
  /** Offset in the run's text where what is not furniture begins (the text's length when all of it is). */
  end: number;
}

function skipSpaces(s: string, p: number): number {
  let i = p;
  while (i < s.length && isBlankChar(s.charCodeAt(i))) i++;
  return i;
}

/** End of the token starting at `p` (the next whitespace or the end). */
function tokenEnd(s: string, p: number): number {
  let i = p;
  while (i < s.length && !isBlankChar(s.charCodeAt(i))) i++;
  return i;
}

/** Matches a sticky pattern at `p`; with `bounded`, only when whitespace or the end follows. */
function stickyAt(re: RegExp, s: string, p: number, bounded: boolean): RegExpExecArray | undefined {
  re.lastIndex = p;
  const m = re.exec(s);
  if (!m) return undefined;
  const after = p + m[0].length;
  if (bounded && after < s.length && !isBlankChar(s.charCodeAt(after))) return undefined;
  return m;
}

function startsFurniture(s: string, p: number): boolean {
  return stickyAt(BUTTON, s, p, true) !== undefined || stickyAt(CHROME_FIELD, s, p, false) !== undefined || stickyAt(COMMENT, s, p, false) !== undefined;
}

/** The steps of a breadcrumb after its marker: short words and arrows, up to the first thing that is not. */
function pathEnd(s: string, from: number): number {
  let p = from;
  let end = from;
  let afterArrow = true;
  for (;;) {
    const q = skipSpaces(s, p);
    if (q >= s.length) return end;
    const t = tokenEnd(s, q);
    const token = s.slice(q, t);
    if (PATH_SEPARATOR.test(token)) {
      afterArrow = true;
    } else if (/[>»＞›]/u.test(token) && !/[。，；,;]/u.test(token)) {
      // Steps run together with their arrows (`首页>政务公开>年报`).
      afterArrow = false;
    } else {
      const step = token.length <= 30 && !/[。，；,;：:！？《》“”]/u.test(token) && !startsFurniture(s, q);
      // A title right after an arrow is the breadcrumb's last step; after a space it is the article's.
      if (!step || (isTitleText(token) && !afterArrow)) return end;
      afterArrow = false;
    }
    p = t;
    end = t;
  }
}

/**
 * Reads page furniture at the start of a run. `allowTitle` lets a report title stand among it (the
 * article's title between the breadcrumb and `来源：`); it is returned, not counted as furniture.
 * Offsets in the result are view offsets (the run's `start` added).
 */
export function scanChrome(run: TextRun, allowTitle: boolean): ChromeScan {
  const s = run.text;
  const fields: MetaField[] = [];
  let title: TextRun | undefined;
  let items = 0;
  let p = skipSpaces(s, 0);
  let end = p;
  const crumb = stickyAt(BREADCRUMB, s, p, false);
  if (crumb) {
    const from = p + crumb[0].length;
    const to = pathEnd(s, from);
    const valueStart = skipSpaces(s, from);
    const key = crumb[0].replace(/\s*[：:]$/u, '');
    fields.push({ key, value: s.slice(valueStart, Math.max(valueStart, to)), start: run.start + valueStart, end: run.start + Math.max(valueStart, to) });
    items++;
    p = to;
    end = to;
  }
  for (;;) {
    p = skipSpaces(s, p);
    if (p >= s.length) break;
    const comment = stickyAt(COMMENT, s, p, false);
    const button = comment ? undefined : stickyAt(BUTTON, s, p, true);
    if (comment || button) {
      p += (comment ?? button)![0].length;
      items++;
      end = p;
      continue;
    }
    const field = stickyAt(CHROME_FIELD, s, p, false);
    if (field) {
      let q = p + field[0].length;
      const spaced = skipSpaces(s, q);
      // `来源： 时间：…`: an empty value, unless what follows the spaces is the value itself.
      if (spaced < s.length && !startsFurniture(s, spaced)) q = spaced;
      let valueEnd = q < s.length && !isBlankChar(s.charCodeAt(q)) ? tokenEnd(s, q) : q;
      if (DATE_VALUE.test(s.slice(q, valueEnd))) {
        const time = stickyAt(TIME_OF_DAY, s, valueEnd, false);
        if (time) valueEnd += time[0].length;
      }
      fields.push({ key: field.groups!['key']!, value: s.slice(q, valueEnd), start: run.start + q, end: run.start + valueEnd });
      items++;
      p = valueEnd;
      end = p;
      continue;
    }
    const t = tokenEnd(s, p);
    if (allowTitle && !title && isTitleText(s.slice(p, t))) {
      title = { text: s.slice(p, t), start: run.start + p, end: run.start + t };
      p = t;
      end = p;
      continue;
    }
    break;
  }
  const scan: ChromeScan = { fields, items, end };
  if (title) scan.title = title;
  return scan;
}

/** The furniture tokens at the end of a run (`… 附件下载`, `… 打印 关闭`): where the report's text ends. */
function trailingFurniture(s: string): number {
  let end = s.length;
  for (;;) {
    let b = end;
    while (b > 0 && isBlankChar(s.charCodeAt(b - 1))) b--;
    let a = b;
    while (a > 0 && !isBlankChar(s.charCodeAt(a - 1))) a--;
    if (a === b) return end;
    // Only a whole token after whitespace counts: `…在线打印` is a word, `… 打印` a button.
    if (a === 0) return end;
    const token = s.slice(a, b);
    const button = stickyAt(BUTTON, token, 0, true);
    const comment = stickyAt(COMMENT, token, 0, false);
    const whole = (button && button[0].length === token.length) || (comment && comment[0].length === token.length);
    if (!whole) return end;
    end = a;
  }
}

export interface ChromeResult {
  blocks: Block[];
  fields: MetaField[];
  /** Whether furniture was taken off the top (the report's text begins later than the blocks did). */
  trimmedTop: boolean;
}

/** How far from each edge furniture is looked for, in non-blank lines. */
const EDGE_LINES = 12;

/**
 * Takes page furniture off the top and the end of the blocks. A line of furniture is dropped; a line
 * that opens with furniture keeps the rest (its run a slice of the line, offsets exact), and a title
 * found among the furniture becomes a block of its own.
 */
export function stripPageChrome(blocks: Block[]): ChromeResult {
  const fields: MetaField[] = [];
  const out: Block[] = [];
  let i = 0;
  let seen = 0;
  let trimmedTop = false;
  for (; i < blocks.length && seen < EDGE_LINES; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blank') {
      out.push(b);
      continue;
    }
    seen++;
    const run = soleRun(b);
    if (!run) break;
    const scan = scanChrome(run, true);
    if (scan.items === 0) {
      // A title line among the furniture is report text: keep it and look on.
      if (scan.title && scan.end >= run.text.length) {
        out.push(b);
        continue;
      }
      break;
    }
    fields.push(...scan.fields);
    trimmedTop = true;
    if (scan.title) out.push(lineOf(scan.title));
    if (scan.end < run.text.length) {
      const rest = run.text.slice(scan.end);
      const lead = rest.length - rest.trimStart().length;
      const text = rest.trim();
      out.push(lineOf({ text, start: run.start + scan.end + lead, end: run.start + scan.end + lead + text.length }));
      i++;
      break;
    }
  }
  // Blanks that only stood among dropped furniture go with it.
  while (trimmedTop && out.length > 0 && out[0]!.kind === 'blank') out.shift();
  // The end is looked at after the top: on a page flattened to one line the article's first line is its last.
  return { blocks: stripTail([...out, ...blocks.slice(i)]), fields, trimmedTop };
}

/** Drops furniture lines at the end and furniture tokens ending the last line of text. */
function stripTail(blocks: Block[]): Block[] {
  let j = blocks.length;
  let seen = 0;
  let dropped = false;
  while (j > 0 && seen < EDGE_LINES) {
    const b = blocks[j - 1]!;
    if (b.kind === 'blank') {
      j--;
      continue;
    }
    seen++;
    const run = soleRun(b);
    if (!run) break;
    const scan = scanChrome(run, false);
    if (scan.items > 0 && scan.end >= run.text.length) {
      j--;
      dropped = true;
      continue;
    }
    const end = trailingFurniture(run.text);
    if (end < run.text.length) {
      const text = run.text.slice(0, end).trimEnd();
      const kept = blocks.slice(0, j - 1);
      if (text !== '') kept.push(lineOf({ text, start: run.start, end: run.start + text.length }, b.kind === 'line' && b.indented));
      return kept;
    }
    break;
  }
  // What follows the last line of text is furniture and the blanks around it.
  return dropped ? blocks.slice(0, j) : blocks;
}
