/**
 * Makes a value from the data inert in Markdown: it can neither start a construct (emphasis, links,
 * code, tables, HTML) nor break out of its line. Plain Chinese text, digits and common punctuation stay
 * as they are, so that `nianbao extract` reads the same value back.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/gu, ' ')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/[\\`*_[\]|~{}#!]/gu, (ch) => `\\${ch}`)
    // GFM links bare addresses up to the next space, and Chinese has none: a URL inside a value would
    // swallow the sentence after it. Break the pattern the autolinker looks for.
    .replace(/\b(https?|ftp):\/\//giu, '$1\\://')
    .replace(/\bwww\./giu, 'www\\.')
    // A value that opens a line must not open a list either (`1. …`, `- …`).
    .replace(/^(\d+)([.)])/u, '$1\\$2')
    .replace(/^([-+])(?=\s)/u, '\\$1');
}

/**
 * A URL as a link: `<https://…>` (an autolink, closed by `>`), or a bare `www.…`, which GFM links up to
 * the next space — so templates put it at the end of a line. Anything that is not a plain URL is escaped
 * text, linked nowhere.
 */
export function markdownUrl(value: string): string {
  const url = value.trim();
  if (/^https?:\/\/[^\s<>"'`\\]+$/u.test(url)) return `<${url}>`;
  if (/^www\.[^\s<>"'`\\]+$/u.test(url)) return url;
  return escapeMarkdown(url);
}

/** Every string in a value escaped (deeply), numbers and the rest unchanged. */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
    return out as T;
  }
  return value;
}
