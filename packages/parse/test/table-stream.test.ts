import { describe, expect, it } from 'vitest';
import { cellTokens, cellTokenStream } from '../src/table-stream.js';

const cell = (text: string) => ({ text, start: 10, end: 10 + text.length });
const brief = (text: string) => cellTokens(cell(text)).map((t) => `${t.kind}${t.run ? '*' : ''}${t.valueLike ? '~' : ''}:${t.text}`);

describe('the tokens of a cell', () => {
  it('keeps a number with its unit one number, Chinese unit and all', () => {
    expect(brief('12件')).toEqual(['number~:12件']);
    expect(brief('３万元')).toEqual(['number~:３万元']);
  });

  it('cuts a label and numbers run together into the label and runs', () => {
    expect(brief('一、本年新收政府信息公开申请数量640020470')).toEqual(['text:一、本年新收政府信息公开申请数量', 'number*~:640020470']);
    expect(brief('（三）不予公开 1.属于国家秘密 0 0')).toEqual(['text:（三）不予公开', 'text:1.属于国家秘密', 'number*~:0', 'number*~:0']);
  });

  it('reads a number with a word beside it as one value, as written', () => {
    expect(brief('增7')).toEqual(['text~:增7']);
  });

  it('gives one token at a time what it gives at once, on a long run-on line too', () => {
    const unit = '收到申请95件予以公开34件2024年主动公开信息120条行政复议3件';
    for (const text of ['', '无', '12件', unit, unit.repeat(2000)]) {
      expect([...cellTokenStream(cell(text))]).toEqual(cellTokens(cell(text)));
    }
    // 95, 34 and 3 are runs; `2024年` and `120条` read as a label's words (a year, an item).
    expect(cellTokens(cell(unit.repeat(2000))).filter((t) => t.run)).toHaveLength(3 * 2000);
  });
});
