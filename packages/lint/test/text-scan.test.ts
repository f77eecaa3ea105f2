import { describe, expect, it } from 'vitest';
import { flatten, flattenText } from '../src/text-scan.js';

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
      expect(flat.offsets).toHaveLength(flat.text.length + 1);
    });
  }
});
