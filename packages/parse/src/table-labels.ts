import { normalizeLabel, ownString, type LabelMatch } from '@nianbao/format';
import { classify, piecesOf, type Token } from './table-cells.js';

/**
 * Labels of a table found in the text tokens of one physical row, however the layout cut them: a label
 * over several tokens (`三、本` / `年度办` / `理结果`, a header written one character per line), several
 * labels in one token (`（三）不予公开1.属于国家秘密`, a header run together with no separator), or one
 * token one label. The reading that explains the most characters with the format's own labels wins.
 */

export interface LabelHit<M> {
  token: Token;
  m: M | undefined;
}

/** How much of the text a match explains: what was matched for certain counts fully. */
function weight(match: LabelMatch, length: number): number {
  switch (match.kind) {
    case 'exact':
    case 'normalized':
    case 'deviation':
      return length;
    case 'fuzzy':
      return length * match.score * 0.9;
    case 'prefix':
      return length * 0.4;
  }
}

const MAX_JOIN = 12;
/** Text beyond a numbering: a letter of any script (`一` of `（一）` too, which is no harm: it is a label's). */
const WORDS = /\p{L}/u;

/** One token from neighbours on different lines or cells, keeping where each piece is. */
export function joinTokens(parts: readonly Token[]): Token {
  if (parts.length === 1) return parts[0]!;
  const text = parts.map((p) => p.text).join('');
  const first = parts[0]!;
  return {
    ...first,
    text,
    key: normalizeLabel(text),
    end: parts[parts.length - 1]!.end,
    pieces: piecesOf(parts),
  };
}


/** The best match that does not lose information: exact or normalized beats prefix or fuzzy. */
export const isSolid = (m: LabelMatch): boolean => m.kind === 'exact' || m.kind === 'normalized' || m.kind === 'deviation';

/**
 * Folds one character as `normalizeLabel` folds text, so a run of labels can be compared character by
 * character while every character keeps its place in the source.
 */
function foldChar(ch: string): string {
  let folded = FOLDED_CHARS.get(ch);
  if (folded === undefined) {
    folded = normalizeLabel(`x${ch}x`).slice(1, -1);
    // Bounded, as text of every script can reach it in a long-running server.
    if (FOLDED_CHARS.size >= 4096) FOLDED_CHARS.clear();
    FOLDED_CHARS.set(ch, folded);
  }
  return folded;
}

/** Each character's fold, once: a run-together row is folded character by character at every reading. */
const FOLDED_CHARS = new Map<string, string>();

/**
 * Cuts a token whose text is several labels written together into those labels, by the format's
 * vocabulary (exact after folding). Undefined when the labels found explain too little of it.
 */
function segment<M extends { match: LabelMatch }>(token: Token, vocabulary: ReadonlyMap<string, readonly string[]>, match: (t: Token) => M | undefined): Array<LabelHit<M>> | undefined {
  if (token.pieces || token.end - token.start !== token.text.length || token.text.length < 6) return undefined;
  let key = '';
  const at: number[] = [];
  for (let i = 0; i < token.text.length; i++) {
    const f = foldChar(token.text[i]!);
    for (const ch of f) {
      key += ch;
      at.push(i);
    }
  }
  at.push(token.text.length);
  const n = key.length;
  const best = new Float64Array(n + 1).fill(-1);
  const from = new Int32Array(n + 1).fill(-1);
  const labelled = new Uint8Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i]! < 0) continue;
    if (best[i]! > best[i + 1]!) {
      best[i + 1] = best[i]!;
      from[i + 1] = i;
      labelled[i + 1] = 0;
    }
    for (const label of vocabulary.get(key[i]!) ?? []) {
      if (!key.startsWith(label, i)) continue;
      const j = i + label.length;
      const score = best[i]! + label.length;
      if (score > best[j]!) {
        best[j] = score;
        from[j] = i;
        labelled[j] = 1;
      }
    }
  }
  // The text may end in the start of a label whose rest wrapped onto the next line (`…出版物 4.无正当理由大量反复申`).
  for (let i = 0; i < n - 3; i++) {
    if (best[i]! < 0) continue;
    const rest = key.slice(i);
    if (!beginsLabel(vocabulary, rest)) continue;
    const score = best[i]! + rest.length * 0.9;
    if (score > best[n]!) {
      best[n] = score;
      from[n] = i;
      labelled[n] = 1;
    }
  }
  // Most of the text must be labels; or, where a narrow cell's label wrapped beside the next one
  // (`三、本年度办 （一）予以公开`), at least half of it, ending in a label.
  if (best[n]! < n * 0.5 || (best[n]! < n * 0.7 && !labelled[n])) return undefined;
  const pieces: Array<{ start: number; end: number; label: boolean }> = [];
  for (let j = n; j > 0; j = from[j]!) {
    const i = from[j]!;
    const previous = pieces[0];
    if (!labelled[j] && previous && !previous.label) previous.start = i;
    else pieces.unshift({ start: i, end: j, label: labelled[j] === 1 });
  }
  const hits: Array<LabelHit<M>> = [];
  let labels = 0;
  for (const p of pieces) {
    const a = at[p.start]!;
    const b = at[p.end]!;
    const raw = token.text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    const sub = classify(text, token.start + a + lead, token.start + a + lead + text.length);
    const m = p.label ? match(sub) : undefined;
    if (m) labels++;
    hits.push({ token: sub, m });
  }
  const endsInLabel = hits.length > 0 && hits[hits.length - 1]!.m !== undefined;
  return labels >= 2 || (labels === 1 && endsInLabel && hits.length === 2) ? hits : undefined;
}

/** How a hit of a remembered reading is made again from another row's tokens of the same texts. */
type Recipe<M> =
  | { kind: 'token'; i: number; m: Omit<M, 'token'> | undefined }
  | { kind: 'join'; i: number; j: number; key: string | undefined; m: Omit<M, 'token'> | undefined }
  | { kind: 'part'; i: number; token: Token; m: Omit<M, 'token'> | undefined };

/**
 * Each remembered reading holds nothing of the report it was made from (its texts copied, no token of
 * it): a memo that kept slices of the reports would keep the reports.
 */
interface Reading<M> {
  /** Where each token of the row started, for moving a part of one (`part`) to another row's token. */
  starts: number[];
  recipe: Array<Recipe<M>>;
}

const READINGS = new Map<string, Reading<{ match: LabelMatch; token: Token }>>();
const READINGS_LIMIT = 4096;

/** Forgets every remembered reading (a test compares readings made cold and warm). */
export function forgetReadings(): void {
  READINGS.clear();
}

/** Whether a token's offsets are its text's, each character where it stands: a reading of it can be moved. */
const plain = (t: Token): boolean => t.pieces === undefined && t.end - t.start === t.text.length;

/**
 * `resolveLabels` remembered by the row's texts: every report of a format has the same header and label
 * rows, and reading them is most of what assembling a table costs. `memoKey` names what `match` matches
 * against (the table and the options); a row whose tokens are not plain (joined from lines) is read afresh.
 * The hits are made again from this row's own tokens, so positions are this row's.
 */
export function resolveLabelsRemembered<M extends { match: LabelMatch; token: Token }>(
  tokens: readonly Token[],
  memoKey: string,
  match: (t: Token) => M | undefined,
  vocabulary: ReadonlyMap<string, readonly string[]>,
): Array<LabelHit<M>> {
  if (!tokens.every(plain)) return resolveLabels(tokens, match, vocabulary);
  const key = `${memoKey}\u0001${tokens.map((t) => (t.gridColumn !== undefined ? `\u0002${t.text}` : t.text)).join('\u0000')}`;
  const known = READINGS.get(key) as Reading<M> | undefined;
  if (known) return known.recipe.map((r) => replay(r, tokens, known.starts));
  const hits = resolveLabels(tokens, match, vocabulary);
  const recipe = hits.map((h): Recipe<M> => recipeOf(h, tokens));
  if (READINGS.size >= READINGS_LIMIT) READINGS.clear();
  READINGS.set(key, { starts: tokens.map((t) => t.start), recipe } as unknown as Reading<{ match: LabelMatch; token: Token }>);
  return hits;
}

/** A hit's match without its token (the report's), to be given the token of the row it is made for. */
function withoutToken<M extends { token: Token }>(m: M | undefined): Omit<M, 'token'> | undefined {
  if (!m) return undefined;
  const { token: _token, ...rest } = m;
  return rest;
}

function recipeOf<M extends { token: Token }>(hit: LabelHit<M>, tokens: readonly Token[]): Recipe<M> {
  const m = withoutToken(hit.m);
  const i = tokens.indexOf(hit.token);
  if (i >= 0) return { kind: 'token', i, m };
  const first = tokens.findIndex((t) => t.start === hit.token.start);
  if (hit.token.pieces !== undefined && first >= 0) {
    const j = tokens.findIndex((t) => t.end === hit.token.end);
    return { kind: 'join', i: first, j, key: hit.token.key === undefined ? undefined : ownString(hit.token.key), m };
  }
  // A part of one token (segment): where it stands in it.
  const owner = tokens.findIndex((t) => t.start <= hit.token.start && hit.token.end <= t.end);
  const part: Token = { ...hit.token, text: ownString(hit.token.text) };
  if (part.key !== undefined) part.key = ownString(part.key);
  return { kind: 'part', i: owner, token: part, m };
}

function replay<M extends { token: Token }>(r: Recipe<M>, tokens: readonly Token[], starts: readonly number[]): LabelHit<M> {
  let token: Token;
  if (r.kind === 'token') token = tokens[r.i]!;
  else if (r.kind === 'join') {
    const parts = tokens.slice(r.i, r.j + 1);
    token = { ...tokens[r.i]!, text: parts.map((t) => t.text).join(''), key: r.key, end: tokens[r.j]!.end } as Token;
    if (r.key === undefined) delete token.key;
    token.pieces = piecesOf(parts);
  } else {
    const shift = tokens[r.i]!.start - starts[r.i]!;
    token = { ...r.token, start: r.token.start + shift, end: r.token.end + shift };
  }
  return { token, m: r.m ? ({ ...r.m, token } as M) : undefined };
}

/**
 * The best reading of a row's text tokens as the table's labels. `match` matches one token against the
 * table's labels; `vocabulary` holds the labels' folded forms by first character, for run-together text.
 * Tokens that carry a grid column are never joined: the grid says they are separate cells.
 */
export function resolveLabels<M extends { match: LabelMatch }>(
  tokens: readonly Token[],
  match: (t: Token) => M | undefined,
  vocabulary: ReadonlyMap<string, readonly string[]>,
): Array<LabelHit<M>> {
  const n = tokens.length;
  if (n === 0) return [];
  const best: Array<{ score: number; groups: number; hits: Array<LabelHit<M>> } | undefined> = new Array(n + 1);
  best[0] = { score: 0, groups: 0, hits: [] };
  const offer = (j: number, score: number, hits: Array<LabelHit<M>>, base: { groups: number; hits: Array<LabelHit<M>> }): void => {
    const current = best[j];
    const groups = base.groups + hits.length;
    if (!current || score > current.score + 1e-9 || (Math.abs(score - current.score) <= 1e-9 && groups < current.groups)) {
      best[j] = { score, groups, hits: [...base.hits, ...hits] };
    }
  };
  for (let i = 0; i < n; i++) {
    const base = best[i];
    if (!base) continue;
    const single = tokens[i]!;
    const m = match(single);
    const length = (single.key ?? normalizeLabel(single.text)).length;
    offer(i + 1, base.score + (m ? weight(m.match, length) : 0), [{ token: single, m }], base);
    if (!m || !isSolid(m.match)) {
      const parts = segment(single, vocabulary, match);
      if (parts) {
        const score = parts.reduce((s, h) => s + (h.m ? weight(h.m.match, (h.token.key ?? '').length) : 0), 0);
        offer(i + 1, base.score + score, parts, base);
      }
    }
    if (single.gridColumn !== undefined) continue;
    // The joins of `single` with the tokens after it, the text grown one token at a time; only a join
    // that matches gets the pieces it came from (as joinTokens gives them): most are tried and dropped.
    let text = single.text;
    let words = WORDS.test(text);
    for (let j = i + 1; j < n && j < i + MAX_JOIN; j++) {
      if (tokens[j]!.gridColumn !== undefined) break;
      // The format's labels have digits only in their leading numbering (`1.`, `（一）`): a number after
      // words ends every label the join could still become.
      if (words && tokens[j]!.kind === 'number') break;
      text += tokens[j]!.text;
      words ||= WORDS.test(tokens[j]!.text);
      const key = normalizeLabel(text);
      if (key.length > 90) break;
      const trial: Token = { ...single, text, key, end: tokens[j]!.end };
      const jm = match(trial);
      if (!jm || !(isSolid(jm.match) || (jm.match.kind === 'fuzzy' && jm.match.score >= 0.85))) continue;
      trial.pieces = piecesOf(tokens.slice(i, j + 1));
      offer(j + 1, base.score + weight(jm.match, key.length), [{ token: trial, m: jm }], base);
    }
  }
  return best[n]!.hits;
}

/** Whether the folded text `key` is the beginning, and only the beginning, of one of the vocabulary's labels. */
export function beginsLabel(vocabulary: ReadonlyMap<string, readonly string[]>, key: string): boolean {
  return key.length > 0 && (vocabulary.get(key[0]!) ?? []).some((label) => label.length > key.length && label.startsWith(key));
}

/** The folded forms of labels by their first character, longest first. */
export function vocabularyOf(labels: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const label of labels) {
    const key = normalizeLabel(label);
    if (key.length < 2) continue;
    const list = map.get(key[0]!) ?? [];
    if (!list.includes(key)) list.push(key);
    map.set(key[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}
