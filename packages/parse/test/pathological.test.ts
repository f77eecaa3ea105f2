/**
 * Inputs no report holds but that made the parser slow past any use (issue 14). Their time is the
 * bench's (`worstCaseMsPerMB`); here, what the reader makes of them: the structure around them is
 * still found, offsets still point into the original, and no sentence is held whole.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import { tameMarkdown } from '../src/markdown-guard.js';
import { lineBlock, MAX_CELLS } from '../src/read-text.js';

const TITLE = '# 某某市某某局2024年政府信息公开工作年度报告';
const AFTER = '## 二、主动公开政府信息情况\n\n本年度主动公开政府信息120条。\n';

function report(middle: string): string {
  return `${TITLE}\n\n## 一、总体情况\n\n${middle}\n\n${AFTER}`;
}

describe('tameMarkdown', () => {
  const cases: Array<[string, string]> = [
    ['blockquotes nested thousands deep', `${'>'.repeat(5000)} 深层引用`],
    ['unmatched emphasis delimiters', '*a_'.repeat(5000)],
    ['a run of brackets', '['.repeat(20_000)],
    ['lists nested hundreds deep', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n')],
  ];

  it.each(cases)('%s: same length, and the headings after it are still headings', (_name, middle) => {
    const text = report(middle);
    const tamed = tameMarkdown(text);
    expect(tamed.length).toBe(text.length);
    expect(tamed).not.toBe(text);
    const doc = parseReport(text, { fileName: 'r.md' });
    expect(doc.sections.map((s) => s.id)).toEqual(['overview', 'activeDisclosure']);
    const heading = doc.sections[1]!.heading!;
    expect(text.slice(heading.span.start.offset, heading.span.end.offset)).toContain('二、主动公开政府信息情况');
  });

  it('leaves a report as written: a few quotes, lists, emphasis and links', () => {
    const text = report(['> 引用一段说明', '', '- 第一项', '  - 第二项', '', '**重点**工作见[网站](https://example.gov.cn)。'].join('\n'));
    expect(tameMarkdown(text)).toBe(text);
  });

  it('keeps blockquotes up to sixteen deep and list markers up to sixteen levels', () => {
    const quotes = `${'> '.repeat(16)}正文`;
    expect(tameMarkdown(quotes)).toBe(quotes);
    const list = Array.from({ length: 16 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n');
    expect(tameMarkdown(list)).toBe(list);
  });
});

describe('sentences of a run-on line', () => {
  it('are cut at commas or spaces into pieces of at most 2,000 characters that cover the line', () => {
    const unit = '收到申请95件，予以公开34件';
    const text = `某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${unit.repeat(2000)}\n`;
    const doc = parseReport(text, { fileName: 'r.txt' });
    const sentences = doc.paragraphs.flatMap((p) => p.sentences);
    expect(sentences.length).toBeGreaterThan(10);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(2000);
      expect(text.slice(s.span.start.offset, s.span.end.offset)).toBe(s.text);
    }
    // No number is cut in two: every piece's numbers are numbers of the line.
    for (const s of sentences) for (const n of s.numbers) expect([95, 34, 2024]).toContain(n.value);
  });

  it('a line with no comma or space is cut between numbers, never inside one', () => {
    const text = `某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${'收到申请12345件'.repeat(1000)}\n`;
    const sentences = parseReport(text, { fileName: 'r.txt' }).paragraphs.flatMap((p) => p.sentences);
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) for (const n of s.numbers) if (n.value !== 2024) expect(n.value).toBe(12345);
  });

  it('a sentence still gives its numbers with their places', () => {
    const text = '某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n共收到申请1,234件，办结95件。\n';
    const sentence = parseReport(text, { fileName: 'r.txt' }).paragraphs.flatMap((p) => p.sentences).find((s) => s.text.startsWith('共收到'))!;
    expect(sentence.numbers.map((n) => [n.value, text.slice(n.span.start.offset, n.span.end.offset)])).toEqual([
      [1234, '1,234'],
      [95, '95'],
    ]);
  });
});

describe('a row of ten thousand cells', () => {
  it('keeps at most MAX_CELLS cells, so each row costs a bounded amount', () => {
    const line = `一、本年新收政府信息公开申请数量\t${'1\t'.repeat(10_000)}`;
    const block = lineBlock(line, 0, line.length);
    expect(block.kind).toBe('line');
    if (block.kind === 'line') {
      expect(block.cells.length).toBe(MAX_CELLS);
      expect(block.cells.at(-1)!.text).toBe('1');
    }
  });

  it('leaves a row of the format as it was', () => {
    const line = '一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t7\t28';
    const block = lineBlock(line, 0, line.length);
    expect(block.kind === 'line' && block.cells.map((c) => c.text)).toEqual(line.split('\t'));
  });
});
