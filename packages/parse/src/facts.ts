import { DATE_DIGIT, CJK_YEAR_SOURCE, cjkNumber, cjkNumeralSource, cjkYearValue, FORMAT_YEARS, FORMATS } from '@nianbao/format';
import type { ArtifactNode, CommentNode, ContactFacts, DateNode, FeeStatement, NoticeNode, ParagraphNode, PeriodNode, TitleNode } from './model.js';
import type { LineIndex } from './source.js';

/** Removes spaces next to Chinese characters (PDF export puts them between words and digits). */
export function compactCjk(text: string): string {
  return text
    .replace(/(?<=[^\x00-\x7f])[\s\u3000]+|[\s\u3000]+(?=[^\x00-\x7f])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Digits may be broken by a line break (a crawl cuts `20` / `24年`; aligned text indents the next line), never by a space alone. */
const LINE_BREAK = '(?:\\r?\\n[ \\t\\u3000]*)?';
/** Four digits of a year, maybe broken by a line break. */
const BROKEN_YEAR = `(?:\\d${LINE_BREAK}){3}\\d`;
const ARABIC_DATE = new RegExp(`(${BROKEN_YEAR})\\s*[年.\\-/]\\s*((?:\\d${LINE_BREAK})?\\d)\\s*[月.\\-/]\\s*((?:\\d${LINE_BREAK})?\\d)\\s*日?`, 'gu');
const digitsOf = (s: string): number => Number(s.replace(/\s/gu, ''));
/** A date in Chinese numerals (二〇二五年一月十五日). */
const CJK_DATE_SOURCE = `${CJK_YEAR_SOURCE}\\s*年\\s*${cjkNumeralSource(2)}\\s*月\\s*${cjkNumeralSource(3)}\\s*日`;
const CJK_DATE = new RegExp(`(${CJK_YEAR_SOURCE})\\s*年\\s*(${cjkNumeralSource(2)})\\s*月\\s*(${cjkNumeralSource(3)})\\s*日`, 'gu');
const cjkYear = cjkYearValue;

/** Every date written out in `text` (which starts at `offset`), Arabic or Chinese numerals. */
export function datesIn(text: string, offset: number, lines: LineIndex): DateNode[] {
  const found: DateNode[] = [];
  for (const m of text.matchAll(ARABIC_DATE)) {
    found.push({ text: m[0], span: lines.span(offset + m.index, offset + m.index + m[0].length), iso: isoDate(digitsOf(m[1]!), digitsOf(m[2]!), digitsOf(m[3]!)) });
  }
  for (const m of text.matchAll(CJK_DATE)) {
    found.push({
      text: m[0],
      span: lines.span(offset + m.index, offset + m.index + m[0].length),
      iso: isoDate(cjkYear(m[1]!), cjkNumber(m[2]!), cjkNumber(m[3]!)),
    });
  }
  return found.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

const PERIOD_KEYWORD = /统计(?:期限|时限|期间|区间|时间|周期)/gu;

/** `至12月31日` after a full start date: the end written without its year, as reports often do. */
const YEARLESS_END = new RegExp(`^\\s*起?\\s*[至到—–\\-~～－]+\\s*(?:(\\d{1,2})\\s*月\\s*(\\d{1,2})|(${cjkNumeralSource(2)})\\s*月\\s*(${cjkNumeralSource(3)}))\\s*日`, 'u');

/** The end date of `2023年1月1日至12月31日`, which takes the start date's year. */
function yearlessEnd(clause: string, from: number, start: DateNode, lines: LineIndex): DateNode | null {
  const at = start.span.end.offset - from;
  const m = YEARLESS_END.exec(clause.slice(at));
  if (!m) return null;
  const month = m[1] !== undefined ? Number(m[1]) : cjkNumber(m[3]!);
  const day = m[2] !== undefined ? Number(m[2]) : cjkNumber(m[4]!);
  const written = m[0].replace(/^\s*起?\s*[至到—–\-~～－]+\s*/u, '');
  const offset = from + at + m[0].length - written.length;
  return { text: written, span: lines.span(offset, offset + written.length), iso: isoDate(Number(start.iso!.slice(0, 4)), month, day) };
}

/**
 * The 统计期限 statement: the keyword and the two dates after it. A statement whose dates cannot be read
 * (`202011日`) is kept with null dates, so a rule can say it is garbled.
 */
export function findPeriod(text: string, lines: LineIndex): PeriodNode | undefined {
  for (const m of text.matchAll(PERIOD_KEYWORD)) {
    const from = m.index;
    const rest = text.slice(from, from + 80);
    // A line break alone does not end the statement: PDF text and crawls break lines mid-sentence.
    const stop = /[。；;]|\n[ \t\u3000]*\r?\n|(?<=日)\s*(?:止|。)/u.exec(rest.slice(m[0].length));
    const clauseEnd = m[0].length + (stop ? stop.index : rest.length - m[0].length);
    const clause = rest.slice(0, clauseEnd).replace(/[，,\s]+$/u, '');
    // `统计时间节点` and the like use the word without stating a period: look further.
    if (!DATE_DIGIT.test(clause)) continue;
    const dates = datesIn(clause, from, lines);
    let start: DateNode | null = null;
    let end: DateNode | null = null;
    if (dates.length >= 2) [start, end] = [dates[0]!, dates[1]!];
    else if (dates.length === 1) {
      const before = clause.slice(0, dates[0]!.span.start.offset - from);
      if (/[至到—–\-~～]\s*$/u.test(before)) end = dates[0]!;
      else start = dates[0]!;
    }
    if (start?.iso && !end) end = yearlessEnd(clause, from, start, lines);
    const afterEnd = end ? text.slice(end.span.end.offset, end.span.end.offset + 1) : '';
    const endOffset = end ? end.span.end.offset + (afterEnd === '止' ? 1 : 0) : from + clause.length;
    return { text: text.slice(from, endOffset), span: lines.span(from, endOffset), start, end };
  }
  return undefined;
}

const NOTICE = /[〔[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,3})\s*号/gu;
const NOTICE_PREFIX = /国办公开办函\s*$/u;

/** Citations of the format notices (国办公开办函〔2021〕30号, 〔2019〕60号). */
export function findNotices(text: string, lines: LineIndex): NoticeNode[] {
  const notices: NoticeNode[] = [];
  for (const m of text.matchAll(NOTICE)) {
    const number = `〔${m[1]}〕${m[2]}号`;
    const format = FORMAT_YEARS.map((y) => FORMATS[y]).find((f) => f.noticeNumber === number);
    const prefix = NOTICE_PREFIX.exec(text.slice(Math.max(0, m.index - 12), m.index));
    if (!prefix && !format) continue;
    const start = prefix ? m.index - prefix[0].length : m.index;
    const node: NoticeNode = { text: text.slice(start, m.index + m[0].length), span: lines.span(start, m.index + m[0].length), normalized: `国办公开办函${number}` };
    if (format) node.formatYear = format.year;
    notices.push(node);
  }
  return notices;
}

const WHOLE_LINE_DATE = new RegExp(`^(?:(?:发布|印发|成文)?(?:日期|时间)\\s*[:：]\\s*)?(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|${CJK_DATE_SOURCE})$`, 'u');

/**
 * The 落款 date: a line near the end holding only a date. It usually stands right under the agency's
 * name (`某某区教育局` / `2024年1月20日`), which makes the two lines one paragraph: so each line counts.
 */
export function findSignatureDate(paragraphs: readonly ParagraphNode[], lines: LineIndex): DateNode | undefined {
  for (const p of paragraphs.slice(-6).reverse()) {
    const rows = p.text.split('\n');
    let from = p.text.length;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      from -= row.length + (i < rows.length - 1 ? 1 : 0);
      const text = row.trim();
      if (!WHOLE_LINE_DATE.test(text)) continue;
      const offset = p.span.start.offset + from + (row.length - row.trimStart().length);
      return datesIn(text, offset, lines)[0];
    }
  }
  return undefined;
}

const CONTACT_PATTERNS: Array<[keyof ContactFacts, RegExp]> = [
  ['unit', /请(?:与|和|向)\s*([^，。；;,（(：:\n]{2,40}?)\s*(?:联系|咨询)|请联系\s*([^，。；;,（(：:\n]{2,40})/u],
  ['address', /(?:联系地址|通讯地址|办公地址|地址)\s*[:：]\s*([^，。；;,）)\n]{2,60})/u],
  ['postcode', /邮(?:政)?编(?:码)?\s*[:：]?\s*(\d{6})/u],
  ['phone', /(?:联系电话|咨询电话|电话)\s*[:：]?\s*([0-9０-９][0-9０-９\-－—()（） ]{5,20}[0-9０-９])/u],
  ['email', /(?:电子邮箱|电子邮件|邮箱|E-?mail)\s*[:：]?\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/iu],
  ['website', /网址\s*(?:是|为)?\s*[:：]?\s*<?((?:https?:\/\/|www\.)[^\s<>，。；;）)]+[^\s<>，。；;）).])/u],
];

/** Contact details as the preamble or section 六 gives them. */
export function findContact(text: string): ContactFacts | undefined {
  const contact: ContactFacts = {};
  for (const [key, re] of CONTACT_PATTERNS) {
    const m = re.exec(text);
    const value = m?.[1] ?? m?.[2];
    if (value) contact[key] = compactCjk(value.normalize('NFKC'));
  }
  return Object.keys(contact).length > 0 ? contact : undefined;
}

const FEE_WORDS = /信息处理费|信息费|处理费/u;
const NEGATION = /无|没有|未|不存在|零|不收取|免收/u;
const AMOUNT = /(\d+(?:\.\d+)?)\s*(万元|元)/u;

/** What the report says about the 信息处理费 collected, preferring section 六. */
export function findFeeStatement(paragraphs: readonly ParagraphNode[]): FeeStatement | undefined {
  const ordered = [...paragraphs.filter((p) => p.section === 'otherMatters'), ...paragraphs.filter((p) => p.section !== 'otherMatters')];
  for (const p of ordered) {
    for (const s of p.sentences) {
      if (!FEE_WORDS.test(s.text)) continue;
      // The fee regulation's own name mentions the fee: look at what follows it.
      const said = s.text.replace(/《[^》]*》/gu, '');
      if (!FEE_WORDS.test(said)) continue;
      const amount = AMOUNT.exec(said);
      if (amount && Number(amount[1]) > 0) {
        const value = Number(amount[1]) * (amount[2] === '万元' ? 10000 : 1);
        return { text: s.text, span: s.span, collected: true, amountYuan: value };
      }
      if (NEGATION.test(said) || (amount && Number(amount[1]) === 0)) return { text: s.text, span: s.span, collected: false, amountYuan: null };
      return { text: s.text, span: s.span, collected: null, amountYuan: null };
    }
  }
  return undefined;
}

const ARTIFACTS: Array<[ArtifactNode['kind'], RegExp]> = [
  ['bookmark', /\[bookmark:[^\]\n]*\]/gu],
  ['control-character', /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/gu],
  ['replacement-character', /\ufffd+/gu],
  ['zero-width', /(?<!^)[\u200b-\u200d\u2060\ufeff]/gu],
];

/** Leftovers of conversion from Word or PDF. */
/** What a browser's selection menu adds when a page is copied (`翻译`, `搜索`, `复制`, each on its own line). */
const MENU_WORD = /^[ \t\u3000]*(?:翻译|划词翻译|搜索|复制|全选|打印|朗读|分享|收藏|截图|查词|问问AI|AI搜索)[ \t\u3000]*$/u;

/** The menu words alone on the last lines of the text: the copy's leftovers, after the report's end. */
function browserMenu(text: string, lines: LineIndex): ArtifactNode[] {
  const found: ArtifactNode[] = [];
  let end = text.length;
  // Trailing line breaks and blank lines are the file's end, not content.
  while (end > 0 && /[\r\n \t\u3000]/u.test(text[end - 1]!)) end--;
  while (end > 0) {
    const start = Math.max(text.lastIndexOf('\n', end - 1) + 1, 0);
    const line = text.slice(start, end);
    if (!MENU_WORD.test(line)) break;
    found.push({ kind: 'browser-menu', text: line.trim(), span: lines.span(start, end) });
    end = start;
    while (end > 0 && /[\r\n \t\u3000]/u.test(text[end - 1]!)) end--;
  }
  return found;
}

export function findArtifacts(text: string, lines: LineIndex): ArtifactNode[] {
  const found: ArtifactNode[] = browserMenu(text, lines);
  for (const [kind, re] of ARTIFACTS) {
    for (const m of text.matchAll(re)) found.push({ kind, text: m[0], span: lines.span(m.index, m.index + m[0].length) });
  }
  return found.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

export function findComments(text: string, lines: LineIndex): CommentNode[] {
  const found: CommentNode[] = [];
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/gu)) {
    found.push({ text: m[1]!.trim(), span: lines.span(m.index, m.index + m[0].length) });
  }
  return found;
}

/** A title's year, its digits maybe broken by the title's line break (as dates, never by a space alone). */
const TITLE_YEAR = new RegExp(`(${BROKEN_YEAR})\\s*年度?|(${CJK_YEAR_SOURCE})\\s*年度?`, 'u');
const LINE_BREAK_IN_DIGITS = /(?<=\d)\r?\n[ \t\u3000]*(?=\d)/gu;

/** Reads the year and the agency out of a title line. */
export function titleNode(text: string, start: number, end: number, lines: LineIndex): TitleNode {
  const raw = text.slice(start, end);
  const node: TitleNode = { text: compactCjk(raw.replace(LINE_BREAK_IN_DIGITS, '').replace(/^#+\s*/u, '').replace(/[《》]/gu, '')), span: lines.span(start, end), year: null, agency: null };
  const m = TITLE_YEAR.exec(raw);
  if (m) {
    node.year = m[1] ? digitsOf(m[1]) : cjkYear(m[2]!);
    node.yearSpan = lines.span(start + m.index, start + m.index + m[0].length);
    const before = compactCjk(raw.slice(0, m.index).replace(/^#+\s*/u, '').replace(/[《》]/gu, ''));
    const after = compactCjk(raw.slice(m.index + m[0].length).replace(LINE_BREAK_IN_DIGITS, ''));
    const agency = before !== '' ? before.replace(/关于$/u, '') : (/^(.*?)(?:政府信息公开|政务公开|信息公开)/u.exec(after)?.[1] ?? '');
    node.agency = agency !== '' ? agency : null;
  }
  return node;
}

/** How many `open` brackets are still open after `text`, given `depth` open before it (a stray `close` closes none). */
export function openBrackets(text: string, open: string, close: string, depth = 0): number {
  let d = depth;
  for (const ch of text) {
    if (ch === open) d++;
    else if (ch === close && d > 0) d--;
  }
  return d;
}

/** Whether a line reads like a report title. */
export function looksLikeTitle(text: string): boolean {
  const body = text.trim();
  // A piece of a sentence (`…年度报告。本报告由…`) or of a citation (`)…关于…年度报告有关事项的通知(`) is not
  // a title, though a crawl puts it on a line of its own.
  if (/[。；，,]/u.test(body) || /^[)）、，,。；]/u.test(body) || /通知/u.test(body) || (/[《》]/u.test(body) && !/^《[^《》]*》$/u.test(body))) return false;
  // Nor is a line a bracket opens and does not close (`…年度报告格式》（国办公`): the citation goes on below.
  if (openBrackets(body, '（', '）') > 0 || openBrackets(body, '(', ')') > 0) return false;
  // The report's name ends the title (a bracketed note or a closing 》 may follow): a crawl's piece
  // `公开工作年度报告格` of `…年度报告格式` does not.
  return body.length <= 80 && /(?:年度报告|年报|工作报告)\s*(?:[（(][^（）()]*[）)])?\s*》?$/u.test(body);
}
