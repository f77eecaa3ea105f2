/**
 * The reader's GFM tables against remark-gfm's, on generated Markdown: which lines form each top-level
 * table, each cell's text, and the headings beside them. remark-gfm is the reference; the reader keeps
 * its own rules only because the table extension was most of a report's parse time (gfm-tables.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { Rng } from '../../../test/helpers/layouts/prng.js';
import { withGfmTables } from '../src/gfm-tables.js';
import { markdownBlocks } from '../src/read-markdown.js';
import { LineIndex } from '../src/source.js';
import { flowBlocks } from '../src/markdown-flow.js';
import { loadEngines, markdownEngine } from '../src/readers/engines.js';

await loadEngines(['markdown']);
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/** A remark-gfm cell's text: its range runs from the pipe before it and, in a row's last cell, over the closing pipe. */
function referenceCell(s: string): string {
  let t = s.replace(/^\s*\|/u, '').replace(/\s+$/u, '');
  const backslashes = /(\\*)\|$/u.exec(t)?.[1]?.length;
  if (backslashes !== undefined && backslashes % 2 === 0) t = t.slice(0, -1);
  return t.trim();
}

const lineStarts = (text: string): readonly number[] => new LineIndex(text).starts;

/** Top-level tables and headings as remark-gfm reads them. */
function reference(text: string): string[] {
  const tree: Root = gfm.parse(text);
  return tree.children.flatMap((n) => {
    const p = n.position!;
    if (n.type === 'heading') return [`heading ${n.depth} @${p.start.line}`];
    if (n.type === 'html') return [`html @${p.start.line}-${p.end.line}`];
    if (n.type === 'code' && /^ {0,3}(?:```|~~~)/u.test(text.slice(p.start.offset, p.end.offset))) return [`fenced @${p.start.line}-${p.end.line}`];
    if (n.type !== 'table') return [];
    const rows = n.children.map((r) => r.children.map((c) => referenceCell(text.slice(c.position!.start.offset, c.position!.end.offset))).join('¦'));
    return [`table @${p.start.line}-${p.end.line} [${rows.join(' / ')}]`];
  });
}

/** The same as the reader finds them. */
function ours(text: string): string[] {
  return markdownBlocks(text, lineStarts(text)).flatMap((b) => {
    if (b.kind === 'heading') return [`heading ${b.depth} @${b.startLine}`];
    if (b.kind === 'html' || b.kind === 'fenced') return [`${b.kind} @${b.startLine}-${b.endLine}`];
    if (b.kind !== 'table') return [];
    const rows = b.rows.map((r) => r.map((c) => text.slice(c.start, c.end).trim()).join('¦'));
    return [`table @${b.startLine}-${b.endLine} [${rows.join(' / ')}]`];
  });
}

const WORDS = ['信息', '12', '0', 'a\\|b', '\\\\', '`x`', '*强调*', '[链接](u)', '&amp;', ' ', ''];

function cellText(rng: Rng): string {
  return rng.pick(WORDS) + (rng.chance(0.3) ? rng.pick(WORDS) : '');
}

/** Indentation of a table line: none where a list item may precede it, since GFM would then find the table inside the list. */
let indents: readonly number[] = [0];

function row(rng: Rng, cells: number): string {
  const parts = Array.from({ length: cells }, () => cellText(rng));
  const lead = rng.chance(0.8) ? '| ' : '';
  const tail = rng.chance(0.8) ? ' |' : '';
  return ' '.repeat(rng.pick(indents)) + lead + parts.join(rng.pick([' | ', '|', '  |  '])) + tail;
}

function delimiter(rng: Rng, cells: number): string {
  const cell = (): string => rng.pick([':', '']) + '-'.repeat(rng.int(1, 4)) + rng.pick([':', '', '']);
  const parts = Array.from({ length: cells }, cell);
  const lead = rng.chance(0.7) ? '|' : '';
  const tail = rng.chance(0.7) ? '|' : '';
  if (cells === 1 && !lead && !tail) return `|${parts[0]}`;
  const line = lead + parts.join(rng.pick([' | ', '|'])) + tail;
  // `- | -` opens a list item, and a table inside a list is not one the reader looks for (gfm-tables.ts).
  return ' '.repeat(rng.pick(indents)) + (line.startsWith('- ') ? `|${line}` : line);
}

/** Lines that may follow or interrupt a table: other blocks, and lines GFM still takes as rows. */
const CONTAINERS = ['> 引用', '+ 列表', '1. 列表'];
const OTHER = [...CONTAINERS, '', '', '# 一、总体情况', '## 二', '#不是标题', '正文段落，数字12件。', '<!-- 注释 -->', '```\n代码\n```', '```\n代码\n\n    更多\n```', '---', '***', '===', '<span>x</span>', '[a]: /u', '（一）主动公开', '    缩进', '标题\n===', '标题\n---', '<div>'];

function document(seed: number): string {
  const rng = new Rng(seed);
  const containers = rng.chance(0.5);
  indents = containers ? [0] : [0, 0, 0, 1, 2, 3];
  const others = containers ? OTHER : OTHER.filter((o) => !CONTAINERS.includes(o));
  const lines: string[] = [];
  const blocks = rng.int(1, 8);
  for (let b = 0; b < blocks; b++) {
    if (rng.chance(0.55)) {
      const cells = rng.int(1, 5);
      if (rng.chance(0.3)) lines.push(rng.pick(others));
      lines.push(row(rng, rng.chance(0.9) ? cells : cells + 1));
      lines.push(rng.chance(0.9) ? delimiter(rng, cells) : delimiter(rng, cells + 1));
      for (let r = rng.int(0, 6); r > 0; r--) lines.push(rng.chance(0.85) ? row(rng, rng.int(1, cells + 1)) : rng.pick(others));
    } else lines.push(rng.pick(others));
    if (rng.chance(0.6)) lines.push('');
  }
  return lines.join(rng.chance(0.1) ? '\r\n' : '\n');
}

describe('GFM tables', () => {
  it('are the tables, headings, HTML and fenced blocks remark-gfm finds, cell for cell, on 600 generated documents (NIANBAO_GFM_SEEDS for more: 20,000 pass)', () => {
    const count = Number(process.env['NIANBAO_GFM_SEEDS'] ?? 600);
    for (let seed = 1; seed <= count; seed++) {
      const text = document(seed);
      expect(ours(text), `seed ${seed}:\n${text}`).toEqual(reference(text));
    }
  });

  it('read a report table with escaped pipes, no outer pipes and a body broken by a heading', () => {
    const text = '| 项目 | 数量 |\n| --- | ---: |\n| a\\|b | 3 |\n收费 | 0.85\n# 三、收到和处理政府信息公开申请情况\n';
    expect(ours(text)).toEqual(['table @1-4 [项目¦数量 / a\\|b¦3 / 收费¦0.85]', 'heading 1 @5']);
  });

  it('parse again no more than the text itself, however many tables end on a line the paragraph kept', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 |\n    x\n'.repeat(500);
    let again = 0;
    const stretch = (offset: number, end: number, line: number) => {
      again += end - offset;
      return flowBlocks(markdownEngine()(text.slice(offset, end)), text.slice(offset, end), offset, line);
    };
    const blocks = withGfmTables(flowBlocks(markdownEngine()(text), text), text, lineStarts(text), stretch);
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThanOrEqual(text.length);
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(500);
  });
});
