/**
 * Label rows are read once per text and remembered (resolveLabelsRemembered): a report read after others
 * that share its rows must come out exactly as when read first, positions included, in every layout.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, readSource } from '@nianbao/parse';
import { forgetReadings } from '../src/table-labels.js';
import { LAYOUTS, compose, randomReport, type LayoutId } from '../../../test/helpers/layouts/index.js';

const CORPUS = new URL('../../../test/fixtures/corpus/', import.meta.url);

async function inputs(): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const out: Array<{ name: string; bytes: Uint8Array }> = readdirSync(CORPUS)
    .filter((f) => /^\d{3}_.*\.(txt|html)$/u.test(f))
    .map((f) => ({ name: f, bytes: readFileSync(new URL(f, CORPUS)) }));
  const layouts: LayoutId[] = ['markdown', 'word-text', 'cell-per-line-tabs', 'cell-per-line', 'pipes', 'space-aligned', 'one-line', 'crawl', 'html', 'docx'];
  for (const [k, layout] of layouts.entries()) {
    for (const seed of [k + 1, k + 101]) {
      const written = await LAYOUTS[layout].write(compose(randomReport(seed), { seed }), { seed });
      out.push({ name: `${layout}-${seed}${LAYOUTS[layout].fileName.slice(LAYOUTS[layout].fileName.lastIndexOf('.'))}`, bytes: typeof written === 'string' ? new TextEncoder().encode(written) : written });
    }
  }
  return out;
}

const read = async (input: { name: string; bytes: Uint8Array }) => {
  const doc = parseReport(await readSource(input.bytes, input.name), { fileName: input.name });
  return { tables: doc.tables, tolerances: doc.tolerances, tableFormatYear: doc.tableFormatYear };
};

describe('remembered label readings', () => {
  it('give every report the tables it gets when read first', async () => {
    const all = await inputs();
    const cold = [];
    for (const input of all) {
      forgetReadings();
      cold.push(await read(input));
    }
    forgetReadings();
    // Warm: each read after all the others, twice round.
    for (let round = 0; round < 2; round++) {
      for (const [i, input] of all.entries()) expect(await read(input), `${input.name}, round ${round}`).toEqual(cold[i]);
    }
  }, 60_000);
});
