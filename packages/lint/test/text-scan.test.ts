import { describe, expect, it } from 'vitest';
import { flatIndexAt, flatten, flattenText, insideBookTitle, sourceOffset, type FlatText } from '../src/text-scan.js';

const offsetsOf = (flat: FlatText): number[] => Array.from({ length: flat.text.length + 1 }, (_, i) => sourceOffset(flat, i));

describe('flattenText is flatten(…).text without the offsets', () => {
  const samples = [
    '',
    '本年度共受理依申请公开案件64件，均已办结。',
    '2021 年，我办认真贯彻落实',
    '接到政府信息公开申请数量 15 条，其中予以公开 4 条',
    '共 １２ 件，其中 3 4 件为',
    '全角数字２０２３年\u3000与空格\t混排 1 2 3',
    '   前后空格   ',
  ];
  for (const s of samples) {
    it(JSON.stringify(s), () => {
      expect(flattenText(s)).toBe(flatten(s, 0).text);
      const flat = flatten(s, 7);
      expect(flat.offsets?.length ?? flat.text.length + 1).toBe(flat.text.length + 1);
    });
  }
});

describe('the linear forms of flatten and insideBookTitle', () => {
  /** The plain reading, one character at a time, as the rules were first written. */
  function reference(source: string, base: number): { text: string; offsets: number[] } {
    let text = '';
    const offsets: number[] = [];
    for (let i = 0; i < source.length; i++) {
      if (/[\s\u3000]/u.test(source[i]!)) {
        let j = i;
        while (j + 1 < source.length && /[\s\u3000]/u.test(source[j + 1]!)) j++;
        const before = text[text.length - 1];
        const after = source[j + 1];
        if (before !== undefined && after !== undefined && /\d/u.test(before) && /[\d\uff10-\uff19]/u.test(after) && !/^\r?\n$/u.test(source.slice(i, j + 1))) {
          text += ' ';
          offsets.push(base + i);
        }
        i = j;
        continue;
      }
      text += /[\uff10-\uff19]/u.test(source[i]!) ? String.fromCharCode(source.charCodeAt(i) - 0xfee0) : source[i]!;
      offsets.push(base + i);
    }
    offsets.push(base + source.length);
    return { text, offsets };
  }

  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  it('flatten gives what the character-by-character reading gives', () => {
    const next = random(7);
    // Every whitespace `\s` knows (no-break, ideographic, line and paragraph separators, BOM) and a surrogate pair.
    const alphabet = ['1', '２', ' ', '\n', '\t', '\u3000', '年', 'a', '\r\n', '  ', '9', '。', '《', '》', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u2003', '\u202f', '\u205f', '\u1680', '\v', '\f', '\r', '𠀀', '\u200b'];
    for (let n = 0; n < 5000; n++) {
      const source = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const flat = flatten(source, 3);
      const expected = reference(source, 3);
      expect({ text: flat.text, offsets: offsetsOf(flat) }, JSON.stringify(source)).toEqual(expected);
      for (let at = 0; at <= source.length + 4; at++) {
        expect(flatIndexAt(flat, at + 3), `${JSON.stringify(source)} at ${at}`).toBe(expected.offsets.findIndex((o) => o >= at + 3));
      }
      expect(flattenText(source), JSON.stringify(source)).toBe(expected.text);
    }
  });

  it('insideBookTitle on a long text answers as lastIndexOf does', () => {
    const next = random(11);
    const text = Array.from({ length: 4000 }, () => ['《', '》', '年', '文'][Math.floor(next() * 4)]).join('');
    for (let at = 0; at < text.length + 3; at += 7) {
      const open = text.lastIndexOf('《', at);
      expect(insideBookTitle(text, at), String(at)).toBe(open >= 0 && text.lastIndexOf('》', at) < open);
    }
  });
});
