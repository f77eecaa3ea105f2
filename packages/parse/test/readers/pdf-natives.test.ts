import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepingNatives } from '../../src/readers/pdf-natives.js';
import { readPdf } from '../../src/readers/pdf.js';

const CORPUS_PDF = '/work/shared/corpus/010_hongze_gov_2024.pdf';

describe('keepingNatives', () => {
  it('puts back the built-in functions a loader replaced and keeps the ones it added', async () => {
    const push = Array.prototype.push;
    const parse = JSON.parse;
    const proto = Array.prototype as unknown as Record<string, unknown>;
    const json = JSON as unknown as Record<string, unknown>;
    const result = await keepingNatives(async () => {
      proto['push'] = function slowPush(this: unknown[], ...items: unknown[]) {
        for (const item of items) this[this.length] = item;
        return this.length;
      };
      json['parse'] = (text: string) => parse(text) as unknown;
      proto['nianbaoAdded'] = () => 1;
      return 'loaded';
    });
    try {
      expect(result).toBe('loaded');
      expect(Array.prototype.push).toBe(push);
      expect(JSON.parse).toBe(parse);
      expect(typeof proto['nianbaoAdded']).toBe('function');
    } finally {
      delete proto['nianbaoAdded'];
    }
  });

  it('restores them when the loader fails too', async () => {
    const stringify = JSON.stringify;
    const json = JSON as unknown as Record<string, unknown>;
    await expect(
      keepingNatives(async () => {
        json['stringify'] = () => 'x';
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(JSON.stringify).toBe(stringify);
  });

  it.runIf(existsSync(CORPUS_PDF))('reading a PDF leaves Array.prototype.push and JSON as they were', async () => {
    const push = Array.prototype.push;
    const parse = JSON.parse;
    const stringify = JSON.stringify;
    const view = await readPdf(new Uint8Array(readFileSync(CORPUS_PDF)));
    expect(view.text.length).toBeGreaterThan(1000);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(JSON.stringify).toBe(stringify);
  });
});
