/**
 * Reading JSON that people write by hand (`.nianbaorc.json`, report data): a syntax error says the line
 * and column, and a value can be traced back to where it stands in the text. Comments (line and block comments)
 * are allowed: people annotate the figures they fill in, and editors show both files as JSONC.
 *
 * jsonc-parser finds the errors and the positions (JSON.parse in Node 20 does not always give a
 * position); the value itself still comes from JSON.parse, whose semantics are exact — jsonc-parser's
 * own `parse` assigns keys one by one, so a `"__proto__"` key would set the prototype instead of
 * becoming a key that validation can see.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { localize, type Locale } from '@nianbao/format';

/** A place in a text: 1-based line, 1-based column (UTF-16 code units, as editors count). */
export interface TextPosition {
  line: number;
  column: number;
}

/** Why the text is not JSON, and where. */
export interface JsonSyntaxError extends TextPosition {
  offset: number;
  /**
   * jsonc-parser's name for the error (`PropertyNameExpected`); `Empty` for a file with nothing but blanks
   * and comments, `FullWidth` where a full-width character stands for JSON syntax or a digit; undefined
   * when only JSON.parse objected.
   */
  code: string | undefined;
  /** With `FullWidth`: the full-width text found and what to write instead (`４１` → `41`, `：` → `:`). */
  fullWidth?: { found: string; instead: string };
  /** The trimmed line the error is on, shortened: what the user looks for in the file. */
  excerpt: string;
}

/** A JSON text read: its value, and the position of any part of it. */
export interface JsonDocument {
  value: unknown;
  /** Where the value at a JSON pointer (`/rules/placeholder`) is written: its key when it has one. */
  positionOf(pointer: string): TextPosition | undefined;
  /**
   * Keys written more than once in one object, at each place but the last: JSON.parse keeps the last
   * value without a word, so the earlier ones are settings that silently do nothing.
   */
  duplicateKeys(): DuplicateKey[];
}

/** A key written again later in the same object: this occurrence's value is not used. */
export interface DuplicateKey extends TextPosition {
  /** The JSON pointer of the key (`/rules/placeholder`). */
  pointer: string;
  key: string;
}

export type JsonResult = { ok: true; json: JsonDocument } | { ok: false; error: JsonSyntaxError };

const OPTIONS = { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Full-width forms people type with a Chinese input method, and the ASCII JSON wants. */
const FULL_WIDTH_SYNTAX: Record<string, string> = { '，': ',', '：': ':', '“': '"', '”': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '－': '-', '．': '.' };
const FULL_WIDTH_DIGITS = /^[０-９][０-９．]*/u;

/** The full-width text at an error, if that is what the user typed there. */
function fullWidthAt(text: string, offset: number): { found: string; instead: string } | undefined {
  const digits = FULL_WIDTH_DIGITS.exec(text.slice(offset, offset + 40))?.[0];
  if (digits) return { found: digits, instead: digits.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) };
  const c = text[offset];
  return c !== undefined && FULL_WIDTH_SYNTAX[c] !== undefined ? { found: c, instead: FULL_WIDTH_SYNTAX[c] } : undefined;
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function excerptAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end).trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

function syntaxError(text: string, offset: number, code: string | undefined): JsonSyntaxError {
  const at = Math.max(0, Math.min(offset, text.length));
  // The scanner stops at the first character it cannot read: a full-width one there is what to name.
  const fullWidth = fullWidthAt(text, at);
  if (fullWidth) return { offset: at, code: 'FullWidth', fullWidth, ...positionAt(text, at), excerpt: excerptAt(text, at) };
  return { offset: at, code, ...positionAt(text, at), excerpt: excerptAt(text, at) };
}

/** The segments of a JSON pointer (RFC 6901), array indices as numbers. */
function segments(pointer: string): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//u, '')
    .split('/')
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'))
    .map((s) => (/^(?:0|[1-9]\d*)$/u.test(s) ? Number(s) : s));
}

function locate(text: string, tree: Node | undefined, pointer: string): TextPosition | undefined {
  const path = segments(pointer);
  // The whole file says nothing more than the file's name does.
  if (!tree || path.length === 0) return undefined;
  const node = findNodeAtLocation(tree, path);
  if (!node) return undefined;
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return positionAt(text, (key ?? node).offset);
}

function pointerSegment(key: string | number): string {
  return String(key).replace(/~/gu, '~0').replace(/\//gu, '~1');
}

function duplicatesIn(text: string, tree: Node | undefined): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // An explicit stack: a deeply nested file must not overflow the call stack.
  const stack: Array<{ node: Node; pointer: string }> = tree ? [{ node: tree, pointer: '' }] : [];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node.type === 'object') {
      const last = new Map<string, number>();
      const properties = node.children ?? [];
      properties.forEach((p, i) => {
        const key = p.children?.[0]?.value;
        if (typeof key === 'string') last.set(key, i);
      });
      properties.forEach((p, i) => {
        const keyNode = p.children?.[0];
        const key = keyNode?.value;
        if (typeof key !== 'string' || !keyNode) return;
        const at = `${pointer}/${pointerSegment(key)}`;
        if (last.get(key) !== i) out.push({ pointer: at, key, ...positionAt(text, keyNode.offset) });
        const value = p.children?.[1];
        if (value) stack.push({ node: value, pointer: at });
      });
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, pointer: `${pointer}/${i}` }));
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Reads a JSON text, comments allowed (a leading BOM is dropped). Never throws. */
export function readJson(source: string): JsonResult {
  const text = source.replace(/^\ufeff/u, '');
  // Comments become spaces, line breaks kept: every offset still points at the same place.
  const plain = stripComments(text, ' ');
  if (plain.trim() === '') return { ok: false, error: { offset: 0, code: 'Empty', line: 1, column: 1, excerpt: '' } };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, OPTIONS);
  const first = errors[0];
  if (first) return { ok: false, error: syntaxError(text, first.offset, printParseErrorCode(first.error)) };
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch (error) {
    // What the tolerant scanner let through (it is not meant to happen): the position Node gives, if any.
    const at = /position (\d+)/u.exec(error instanceof Error ? error.message : '');
    return { ok: false, error: syntaxError(text, at ? Number(at[1]) : 0, undefined) };
  }
  return { ok: true, json: { value, positionOf: (pointer) => locate(text, tree, pointer), duplicateKeys: () => duplicatesIn(text, tree) } };
}

// Keyed by jsonc-parser's names: its ParseErrorCode is a const enum, which isolated modules cannot read.
const DESCRIPTIONS: Record<string, { zh: string; en: string }> = {
  InvalidSymbol: { zh: '此处有无法识别的内容（字符串要用英文双引号，true、false、null 要拼写完整）', en: 'something here is not JSON (strings take double quotes; true, false and null are spelt in full)' },
  InvalidNumberFormat: { zh: '数字的写法有误', en: 'a number is written wrong' },
  PropertyNameExpected: { zh: '此处应为带英文双引号的键名（多余的逗号？）', en: 'a key in double quotes is expected here (an extra comma?)' },
  ValueExpected: { zh: '此处应有一个值', en: 'a value is expected here' },
  ColonExpected: { zh: '键名之后应有冒号', en: 'a colon is expected after the key' },
  CommaExpected: { zh: '此处应有逗号', en: 'a comma is expected here' },
  CloseBraceExpected: { zh: '缺少右花括号 }', en: 'a closing } is missing' },
  CloseBracketExpected: { zh: '缺少右方括号 ]', en: 'a closing ] is missing' },
  EndOfFileExpected: { zh: '内容已结束，此后不应再有文字', en: 'the value has ended; nothing may follow it' },
  InvalidCommentToken: { zh: '注释的写法有误（注释写作 // … 或 /* … */）', en: 'a comment is written wrong (// … or /* … */)' },
  UnexpectedEndOfComment: { zh: '注释没有结束：/* 之后缺少 */', en: 'a comment is not closed: /* lacks its */' },
  Empty: { zh: '文件是空的（或只有空白和注释）：应为一个 JSON 对象 { … }', en: 'the file is empty (or only blanks and comments): a JSON object { … } is expected' },
  UnexpectedEndOfString: { zh: '字符串缺少结尾的英文双引号', en: 'a string lacks its closing double quote' },
  UnexpectedEndOfNumber: { zh: '数字不完整', en: 'a number is cut short' },
  InvalidUnicode: { zh: '\\u 之后应有四位十六进制数', en: '\\u must be followed by four hex digits' },
  InvalidEscapeCharacter: { zh: '字符串中的反斜杠转义有误', en: 'a backslash escape in a string is wrong' },
  InvalidCharacter: { zh: '字符串中有换行符或控制字符', en: 'a string holds a line break or a control character' },
};

/** What is wrong at the error, in the user's language: to go with the file, line and column. */
export function describeJsonError(error: JsonSyntaxError, locale: Locale): string {
  if (error.fullWidth) {
    const { found, instead } = error.fullWidth;
    const digits = /[０-９]/u.test(found);
    return localize(
      locale,
      digits
        ? { zh: `“${found}”是全角数字：请改为半角数字 ${instead}`, en: `“${found}” is written in full-width digits: write ${instead}` }
        : { zh: `“${found}”是全角符号：JSON 要用半角的 ${instead}`, en: `“${found}” is a full-width symbol: JSON takes the ASCII ${instead}` },
    );
  }
  const known = error.code !== undefined ? DESCRIPTIONS[error.code] : undefined;
  return localize(locale, known ?? { zh: '语法错误', en: 'syntax error' });
}
