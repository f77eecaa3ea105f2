/** What every writer shares: its options, and walking a document in reading order. */
import type { DocBlock, Grid, LayoutDocument } from '../document.js';
import { Rng } from '../prng.js';

export interface WriterOptions {
  /** Varies the layout's details (wrapping points, spacing, flavours); the same seed gives the same output. */
  seed?: number;
}

export type TextWriter = (doc: LayoutDocument, options?: WriterOptions) => string;
export type BinaryWriter = (doc: LayoutDocument, options?: WriterOptions) => Uint8Array | Promise<Uint8Array>;

export const rngOf = (options: WriterOptions | undefined, salt: number): Rng => new Rng(((options?.seed ?? 0) * 7919 + salt) >>> 0);

/** A document as a flat run of pieces, in reading order. */
export type Piece =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: Grid }
  | { kind: 'signature'; text: string };

export function pieces(doc: LayoutDocument): Piece[] {
  const block = (b: DocBlock): Piece => (b.kind === 'table' ? { kind: 'table', grid: b.grid } : { kind: 'paragraph', text: b.text });
  return [
    ...(doc.title ? [{ kind: 'title', text: doc.title } as const] : []),
    ...doc.preamble.map((text) => ({ kind: 'paragraph', text }) as const),
    ...doc.sections.flatMap((s): Piece[] => [{ kind: 'heading', text: s.heading }, ...s.blocks.map(block)]),
    ...doc.signature.map((text) => ({ kind: 'signature', text }) as const),
  ];
}

/** A label's or heading's leading enumerator: `1.`, `（一）`, `(一)`, `三、`. */
const ENUMERATOR = /^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/u;

/**
 * Cuts `text` into pieces at random points (never inside a surrogate pair), as inline elements and
 * line ends do. With `keepEnumerator`, no cut falls inside a leading `1.` or `（一）`: a line wraps or a
 * span ends after it (`1.` / `属于国家秘密`), not between its digit and its dot.
 */
export function cut(text: string, rng: Rng, pieces: number, keepEnumerator = false): string[] {
  const chars = [...text];
  const first = keepEnumerator ? Math.max(1, [...(ENUMERATOR.exec(text)?.[0] ?? '')].length) : 1;
  if (chars.length - first < 1 || pieces < 2) return [text];
  const points = new Set<number>();
  for (let i = 0; i < pieces - 1; i++) points.add(rng.int(first, chars.length - 1));
  const sorted = [...points].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of sorted) {
    out.push(chars.slice(from, p).join(''));
    from = p;
  }
  out.push(chars.slice(from).join(''));
  return out;
}

/** Cuts a label or heading at random points outside its enumerator. */
export const cutLabel = (text: string, rng: Rng, pieces: number): string[] => cut(text, rng, pieces, true);

/** A heading broken after its numeral, as crawls break `一、` / `总体情况`. */
export function cutAfterNumeral(text: string): string[] {
  const m = ENUMERATOR.exec(text);
  return m && m[0].length < text.length ? [m[0], text.slice(m[0].length)] : [text];
}
