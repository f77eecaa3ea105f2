/**
 * Templates that fail loudly, at the right file and line. Handlebars runs in `strict` mode, so a
 * misspelt field (`{{agncy.name}}`) is an error instead of an empty string in a published report; every
 * template file is parsed before anything renders (Handlebars parses lazily, so a syntax error in a
 * partial the data never reaches would otherwise pass); and each compiled template is wrapped so that an
 * error thrown while it renders remembers which file it was — the innermost one, for nested partials.
 */
import type Handlebars from 'handlebars';

/** noEscape: values are escaped for Markdown already; HTML-escaping them again would garble them. */
const OPTIONS = { noEscape: true, strict: true } as const;

interface Where {
  file: string;
  text: string;
}

/** The file each error was thrown in, attached by the innermost template that saw it. */
const THROWN_IN = new WeakMap<object, Where>();

/** A template error at a place: the file, and the reason to show (Chinese, then English). */
export interface LocatedFailure {
  file: string;
  /** Set for the errors this module explains (a syntax error, a field the data lacks). */
  reason?: string;
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

/** A parse error's line and what Handlebars expected, from its message (`Parse error on line 4:\n…`). */
function syntaxReason(error: unknown, text: string): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n[\s\S]*?\n(Expecting [^\n]*)/u.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const got = /got '([^']+)'/u.exec(parse[2]!)?.[1];
    const end = got === 'EOF' ? '，到文件结尾仍未结束（{{#…}} 缺少 {{/…}}？）' : '';
    return `第 ${line} 行有模板语法错误${end}：${lineOf(text, line).trim()}（{{ 与 }} 要成对，块 {{#if}}…{{/if}} 要有结束）(syntax error on line ${line}: ${parse[2]})`;
  }
  const located = error as { lineNumber?: unknown; column?: unknown };
  if (typeof located.lineNumber === 'number') {
    const text0 = message.replace(/ - \d+:\d+$/u, '');
    return `第 ${located.lineNumber} 行有模板错误：${text0} (line ${located.lineNumber}: ${text0})`;
  }
  return undefined;
}

/** The mustache at a 0-based column of a line: `{{agncy.name}}`. */
function mustacheAt(line: string, column: number): string {
  const start = line.lastIndexOf('{{', column);
  const end = line.indexOf('}}', column);
  return start >= 0 && end >= 0 ? line.slice(start, end + 2) : line.trim();
}

/** The name of a strict-mode `not defined` that is called with arguments (`{{upper agency}}`): a helper. */
function calledHelper(error: object, text: string): string | undefined {
  const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  if (typeof e.message !== 'string' || !/ not defined in /u.test(e.message) || typeof e.lineNumber !== 'number') return undefined;
  const mustache = mustacheAt(lineOf(text, e.lineNumber), typeof e.column === 'number' ? e.column : 0);
  const call = /^\{\{[~#]?\s*([\w-]+)\s+[^}\s]/u.exec(mustache);
  return call?.[1];
}

/** Strict mode's `"name" not defined in … - 3:2`, said with the mustache that names the missing field. */
function missingFieldReason(error: unknown, text: string): string | undefined {
  const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  if (typeof e.message !== 'string' || !/ not defined in /u.test(e.message) || typeof e.lineNumber !== 'number') return undefined;
  const line = lineOf(text, e.lineNumber);
  const column = typeof e.column === 'number' ? e.column : 0;
  const mustache = mustacheAt(line, column);
  const field = /^\{\{[~#^/&>{]*\s*([^\s}~]+)/u.exec(mustache)?.[1] ?? mustache;
  // Handlebars counts from the path; the user looks for the mustache's opening braces.
  const start = line.lastIndexOf('{{', column);
  return `第 ${e.lineNumber} 行第 ${(start >= 0 ? start : column) + 1} 列的 ${mustache} 用到了数据中没有的“${field}”（拼写有误？）：模板可用的数据见 templates/README.md；可有可无的项用 {{#if …}} 包起来 (line ${e.lineNumber}: ${mustache} names nothing in the data)`;
}

/**
 * Compiles one template file strictly, after parsing it (a syntax error throws, located at `file`);
 * what it throws while rendering is located at `file` unless a partial inside it was the one.
 */
export function compileTemplate(hb: typeof Handlebars, text: string, file: string): HandlebarsTemplateDelegate {
  try {
    hb.parse(text);
  } catch (error) {
    if (error !== null && typeof error === 'object') THROWN_IN.set(error, { file, text });
    throw error;
  }
  const compiled = hb.compile(text, OPTIONS);
  const where = { file, text };
  return (context: unknown, options?: RuntimeOptions) => {
    try {
      return compiled(context, options);
    } catch (error) {
      if (error === null || typeof error !== 'object' || THROWN_IN.has(error)) throw error;
      // Strict mode reports an unknown helper as a missing field: say it as the helper it is.
      const helper = calledHelper(error, text);
      const thrown = helper !== undefined ? new Error(`Missing helper: "${helper}"`) : error;
      THROWN_IN.set(thrown, where);
      throw thrown;
    }
  };
}

/** Which template file an error came from, and the reason when it is a syntax error or a missing field. */
export function locateTemplateError(error: unknown): LocatedFailure | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const where = THROWN_IN.get(error);
  if (!where) return undefined;
  const reason = missingFieldReason(error, where.text) ?? syntaxReason(error, where.text);
  return reason !== undefined ? { file: where.file, reason } : { file: where.file };
}
