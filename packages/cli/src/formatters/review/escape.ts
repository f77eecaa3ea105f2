const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML content or a quoted attribute. Everything from a report (its lines, its labels, an
 * agency's name) goes through here: a report's own markup must never become the page's.
 */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/gu, (ch) => ENTITIES[ch]!);
}

/** An address that may be a link on a page sent to someone else: http(s) only, never a file of this machine. */
export function webLink(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\//u.test(url) ? url : undefined;
}
