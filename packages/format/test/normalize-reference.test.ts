import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, canonicalHeading, normalizeLabel } from '@nianbao/format';

/**
 * normalizeLabel as first written: a full NFKC pass, then spaces, quotes, commas and the numbering
 * separator. The fast path must give the same result on everything a report contains.
 */
function referenceNormalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/gu, '')
    .replace(/[“”"「」『』]/gu, '"')
    .replace(/[‘’']/gu, "'")
    .replace(/^(\d{1,2})[、.,，]/u, '$1.')
    .replace(/[,，]/gu, '、')
    .replace(/其它/gu, '其他')
    .replace(/[。:：;；、]+$/u, '');
}

const corpusDir = new URL('../../../test/fixtures/corpus/', import.meta.url);

function samples(): string[] {
  const out = new Set<string>();
  for (const f of Object.values(FORMATS)) {
    for (const t of Object.values(f.tables)) {
      for (const x of [...t.rows, ...t.columns, ...t.groups, ...t.blocks]) out.add(x.label);
      for (const h of t.headerTexts) out.add(h);
    }
  }
  for (const s of SECTIONS) for (const h of [canonicalHeading(s), ...s.variants, ...s.misspellings, ...s.subheads]) out.add(h);
  for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
    for (const line of readFileSync(new URL(name, corpusDir), 'utf8').split(/\r?\n/u)) {
      out.add(line);
      for (const cell of line.split('\t')) out.add(cell);
    }
  }
  // Noise that conversion adds: full-width forms, spaces of every kind, enclosed and compatibility forms.
  for (const s of [
    '（一）予以公开', '(一) 予以公开', '１．属于国家秘密', '1、属于国家秘密', '1，属于国家秘密', '⒈属于国家秘密', '⑴主动公开',
    'Ⅲ、本年度办理结果', '结\u3000果\u00a0维\u200b持\t', '\ufeff自然人', '⾃然⼈', '⾏政许可', '\uf967予处\uf9e4',
    '3.危及「三安全一稳定」', '3.危及"三安全一稳定"', '行政许可：', '行政许可；', '總計', '㈠予以公开', '︵一︶予以公开',
    '本年收费金额(单位:万元)', '本年收费金额（单位：万元）', '１２．其他', '５７２２．２１', 'ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ',
  ]) {
    out.add(s);
  }
  return [...out];
}

describe('normalizeLabel agrees with the plain NFKC version', () => {
  it('on every label of the formats, every line and cell of the corpus, and typical conversion noise', () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(400);
    const differing = all
      .map((s) => [s, normalizeLabel(s), referenceNormalize(s)] as const)
      .filter(([, fast, reference]) => fast !== reference);
    expect(differing).toEqual([]);
  });
});
