import type { CommentNode, ReportDocument } from '@nianbao/parse';

/** An inline comment that switches rules off: for the next line, or until `nianbao-enable`. */
export interface Suppression {
  /** Rule ids it covers; empty for all rules. */
  rules: string[];
  reason: string;
  /** The line of the comment itself. */
  line: number;
  /** First and last line it covers (inclusive). */
  fromLine: number;
  toLine: number;
}

/**
 * The directives, as written after `nianbao-`: for the next line that holds text, from the comment on
 * (until an `enable`), and the `enable` that closes a `disable`.
 */
export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

const DIRECTIVE = /^nianbao-(disable-next-line|disable|enable)\b\s*([\s\S]*)$/u;
/** What a rule id may look like; anything else in the id list is not read as one. */
const RULE_ID = /^[a-z][a-z0-9-]*$/u;
/** Between the rule ids and the reason. */
const REASON_MARK = ' -- ';

function parseBody(body: string): { rules: string[]; reason: string } {
  const [ids = '', ...rest] = body.split(/\s--\s|^--\s|\s--$/u);
  const rules = ids
    .split(/[\s,，]+/u)
    .map((s) => s.trim())
    .filter((s) => RULE_ID.test(s));
  return { rules, reason: rest.join(' -- ').trim() };
}

/** The next line after `line` that holds anything but spaces (a blank line may follow a comment). */
function nextContentLine(text: string, starts: readonly number[], line: number): number {
  for (let l = line + 1; l <= starts.length; l++) {
    const start = starts[l - 1]!;
    const end = l < starts.length ? starts[l]! : text.length;
    if (text.slice(start, end).trim() !== '') return l;
  }
  return line + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Reads `<!-- nianbao-disable-next-line rule-id -- 理由 -->`, `<!-- nianbao-disable rule-id -- 理由 -->` and
 * `<!-- nianbao-enable [rule-id] -->`. The reason after `--` is kept: it is what a reviewer reads.
 */
export function readSuppressions(document: ReportDocument): Suppression[] {
  const comments: CommentNode[] = document.comments;
  if (comments.length === 0) return [];
  const starts = lineStarts(document.text);
  const out: Suppression[] = [];
  const open: Suppression[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const kind = m[1]!;
    const { rules, reason } = parseBody(m[2] ?? '');
    const line = c.span.start.line;
    if (kind === 'disable-next-line') {
      const target = nextContentLine(document.text, starts, c.span.end.line);
      out.push({ rules, reason, line, fromLine: target, toLine: target });
    } else if (kind === 'disable') {
      const s: Suppression = { rules, reason, line, fromLine: c.span.end.line, toLine: Number.MAX_SAFE_INTEGER };
      open.push(s);
      out.push(s);
    } else {
      for (const s of open.splice(0)) {
        if (rules.length === 0 || rules.some((r) => s.rules.length === 0 || s.rules.includes(r))) s.toLine = line;
        else open.push(s);
      }
    }
  }
  return out;
}

export function suppressionFor(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression | undefined {
  return suppressions.find((s) => line >= s.fromLine && line <= s.toLine && (s.rules.length === 0 || s.rules.includes(ruleId)));
}

/** A suppression comment as text, and where its reason is in it (for an editor to select). */
export interface SuppressionComment {
  text: string;
  /** Offsets of the reason within `text`; absent when the comment has none. */
  reason?: { start: number; end: number };
}

/**
 * Writes the comment `readSuppressions` reads: `<!-- nianbao-disable-next-line rule-id -- 理由 -->`. The
 * reason is kept on one line and cannot close the comment early, so the comment always reads back as
 * written; an empty reason writes none.
 */
export function suppressionComment(ruleId: string, reason: string | undefined, kind: SuppressionKind = 'disable-next-line'): SuppressionComment {
  if (!RULE_ID.test(ruleId)) throw new Error(`not a rule id: ${JSON.stringify(ruleId)}`);
  const head = `<!-- nianbao-${kind} ${ruleId}`;
  const said = (reason ?? '').replace(/\s+/gu, ' ').replace(/--+>/gu, '—>').trim();
  if (said === '') return { text: `${head} -->` };
  const start = head.length + REASON_MARK.length;
  return { text: `${head}${REASON_MARK}${said} -->`, reason: { start, end: start + said.length } };
}
