/**
 * `reportIdentity` reads only a report's opening, for pairing a folder's reports: it must say what the
 * whole parse says (agency, year, whether it is a report) on every text layout, on the corpus, and on
 * documents that are a report only by their tables or not a report at all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compose, LAYOUTS, randomReport, type LayoutId } from '../../../test/helpers/layouts/index.js';
import { parseReport, reportIdentity } from '../src/index.js';

const whole = (bytes: Uint8Array | string, fileName: string) => {
  const d = parseReport(bytes, { fileName });
  return { agency: d.title?.agency ?? undefined, year: d.reportYear, isReport: d.isReport };
};

const TEXT_LAYOUTS: LayoutId[] = ['markdown', 'word-text', 'cell-per-line-tabs', 'cell-per-line', 'pipes', 'space-aligned', 'one-line', 'crawl'];
const corpus = new URL('../../../test/fixtures/corpus/', import.meta.url);

describe('reportIdentity', () => {
  it('agrees with parseReport on every text layout of generated reports', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const data = randomReport(seed, {});
      for (const id of TEXT_LAYOUTS) {
        const layout = LAYOUTS[id];
        const written = await layout.write(compose(data, { seed }), { seed });
        const bytes = typeof written === 'string' ? written : new Uint8Array(written);
        expect(reportIdentity(bytes, { fileName: layout.fileName }), `seed ${seed}, ${id}`).toEqual(whole(bytes, layout.fileName));
      }
    }
  });

  it('agrees with parseReport on the corpus text files', () => {
    const files = readdirSync(corpus).filter((f) => /\.(txt|md)$/u.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const bytes = readFileSync(new URL(f, corpus));
      expect(reportIdentity(bytes, { fileName: f }), f).toEqual(whole(bytes, f));
    }
  });

  it('agrees on a document that is a report by its table alone, and on one that is none', () => {
    const tableOnly = '项目\t数量\n本年新收政府信息公开申请数量\t3\n';
    const notes = '会议纪要\n\n今天讨论了三件事。\n';
    for (const text of [tableOnly, notes, '', '\u0000\u0001garbage']) expect(reportIdentity(text, { fileName: 'x.txt' })).toEqual(whole(text, 'x.txt'));
    expect(reportIdentity(notes, { fileName: 'x.txt' }).isReport).toBe(false);
  });
});
