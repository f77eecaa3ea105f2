import type { CommentNode, ReportDocument, Span } from '@nianbao/parse';

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
  /** The comment, for the findings about the directive itself. */
  span: Span;
  kind: SuppressionKind;
  /** Words in the rule list that are not rule ids at all (`Table-Shape`, `表格`). */
  malformed: string[];
  /** Whether a reason is given that says something: a disable without one suppresses nothing. */
  hasReason: boolean;
  /** A `disable` that no `enable` closes: it runs to the end of the file. */
  unclosed?: boolean;
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

function parseBody(body: string): { rules: string[]; malformed: string[]; reason: string } {
  const [ids = '', ...rest] = body.split(/\s--\s|^--\s|\s--$/u);
  const words = ids
    .split(/[\s,，]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { rules: words.filter((s) => RULE_ID.test(s)), malformed: words.filter((s) => !RULE_ID.test(s)), reason: rest.join(' -- ').trim() };
}

/** Reasons that say nothing: empty, dots, a placeholder left unfilled. */
const EMPTY_REASON = /^(?:[.。…·\-—_\s]*|(?:理由|原因|说明|备注|待填写|请填写|待补充|todo|tbd|xxx+|reason|n\/?a|无)[：:]?[.。…]*)$/iu;

/** Whether a directive's reason says why: a disable without a reason is a promise not kept. */
export function isReason(reason: string): boolean {
  return !EMPTY_REASON.test(reason.trim());
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
  return readDirectives(document).filter((s) => s.kind !== 'enable');
}

/** Every directive comment, the `enable`s included (which suppress nothing; the `directive` rule checks them). */
export function readDirectives(document: ReportDocument): Suppression[] {
  const comments: CommentNode[] = document.comments;
  if (comments.length === 0) return [];
  const starts = lineStarts(document.text);
  const out: Suppression[] = [];
  const open: Suppression[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const kind = m[1]! as SuppressionKind;
    const { rules, malformed, reason } = parseBody(m[2] ?? '');
    const line = c.span.start.line;
    const base = { rules, reason, line, span: c.span, kind, malformed, hasReason: isReason(reason) };
    if (kind === 'disable-next-line') {
      const target = nextContentLine(document.text, starts, c.span.end.line);
      out.push({ ...base, fromLine: target, toLine: target });
    } else if (kind === 'disable') {
      const s: Suppression = { ...base, fromLine: c.span.end.line, toLine: Number.MAX_SAFE_INTEGER };
      open.push(s);
      out.push(s);
    } else {
      // An enable suppresses nothing: it is kept only to be checked (unknown ids, closing nothing).
      const closes = open.filter((s) => rules.length === 0 || rules.some((r) => s.rules.length === 0 || s.rules.includes(r)));
      for (const s of closes) {
        s.toLine = line;
        open.splice(open.indexOf(s), 1);
      }
      out.push({ ...base, hasReason: true, fromLine: line, toLine: line - 1 });
    }
  }
  for (const s of open) s.unclosed = true;
  return out;
}

/** The suppression that silences a finding of `ruleId` on `line`: only one that gives a reason. */
export function suppressionFor(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression | undefined {
  return suppressions.find((s) => s.kind !== 'enable' && s.hasReason && line >= s.fromLine && line <= s.toLine && (s.rules.length === 0 || s.rules.includes(ruleId)));
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
