/**
 * One identity evaluator: lint's identity rules, generation's validation and the editor's hover all
 * compute a 勾稽关系 with the format's `evaluate`. The format module is wrapped so that every call is
 * counted; each of the three is run on data with a wrong total and must have called it.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ count: 0 }));

vi.mock('@nianbao/format', async (importOriginal) => {
  const original = await importOriginal<typeof import('@nianbao/format')>();
  return {
    ...original,
    evaluate: (...args: Parameters<typeof original.evaluate>) => {
      calls.count++;
      return original.evaluate(...args);
    },
  };
});

const { FORMATS } = await import('@nianbao/format');
const { checkIdentity } = await import('@nianbao/lint');
const { validateReportData } = await import('@nianbao/generate');
const { parseReport } = await import('@nianbao/parse');
const { hoverAt } = await import('../packages/language-server/src/hover.js');

const example = JSON.parse(readFileSync(new URL('../schemas/report-data.example.json', import.meta.url), 'utf8')) as { tables: { applications: Record<string, Record<string, number>> } };
const report = readFileSync(new URL('./fixtures/corpus/000_05203f94ff7e5eba.txt', import.meta.url), 'utf8');

describe('the one identity evaluator', () => {
  beforeEach(() => {
    calls.count = 0;
  });

  it('is what the identity rules call', () => {
    const document = parseReport(report);
    const identity = FORMATS[2021].identities.find((i) => i.rule === 'row-total')!;
    checkIdentity(identity, FORMATS[2021], document, undefined);
    expect(calls.count).toBeGreaterThan(0);
  });

  it('is what generation’s validation calls', () => {
    const data = structuredClone(example);
    data.tables.applications['newReceived']!['total'] = 999_999;
    const result = validateReportData(data);
    expect(result.problems.some((p) => p.kind === 'total')).toBe(true);
    expect(calls.count).toBeGreaterThan(0);
  });

  it('is what the hover on a total calls', () => {
    const document = parseReport(report);
    const table = document.tables.find((t) => t.id === 'applications')!;
    const total = table.rows.find((r) => r.id === 'newReceived')!.cells.find((c) => c.column === 'total')!;
    const hover = hoverAt(document, undefined, total.span.start.offset, 'zh');
    expect(hover).not.toBeNull();
    expect(calls.count).toBeGreaterThan(0);
  });
});
