import { describe, expect, it } from 'vitest';
import { FORMATS, evaluate, evaluateAll, type TermCell } from '@nianbao/format';

const stock = FORMATS[2021].identities.find((i) => i.id === 'X-stock')!;
const carryover = FORMATS[2021].identities.find((i) => i.id === 'X-carryover')!;

/** A lookup over `row/column` keys, `prev:` in front for last year's cells. */
const cells = (values: Record<string, number>) => (c: TermCell): number | undefined => values[`${c.previousYear ? 'prev:' : ''}${c.row}/${c.column}`];

describe('evaluate', () => {
  it('sums each side with its signs and gives the difference', () => {
    // In force 12 = last year's 10 + issued 5 − repealed 3.
    const e = evaluate(stock, 'regulations', cells({ 'regulations/inForce': 12, 'prev:regulations/inForce': 10, 'regulations/issued': 5, 'regulations/repealed': 3 }));
    expect(e.left).toBe(12);
    expect(e.right).toBe(12);
    expect(e.difference).toBe(0);
    expect(e.terms.map((t) => [t.side, t.cell.row, t.cell.column, t.cell.previousYear, t.value])).toEqual([
      ['left', 'regulations', 'inForce', false, 12],
      ['right', 'regulations', 'inForce', true, 10],
      ['right', 'regulations', 'issued', false, 5],
      ['right', 'regulations', 'repealed', false, 3],
    ]);
  });

  it('leaves a side with any missing term without a sum, and so without a difference', () => {
    const e = evaluate(stock, 'regulations', cells({ 'regulations/inForce': 12, 'regulations/issued': 5, 'regulations/repealed': 3 }));
    expect(e.left).toBe(12);
    expect(e.right).toBeUndefined();
    expect(e.difference).toBeUndefined();
    expect(e.terms[1]!.value).toBeUndefined();
  });

  it('compares amounts in hundredths: binary fractions invent no difference', () => {
    const e = evaluate(stock, 'regulations', cells({ 'regulations/inForce': 0.3, 'prev:regulations/inForce': 0.1, 'regulations/issued': 0.2, 'regulations/repealed': 0 }));
    expect(e.difference).toBe(0);
    const off = evaluate(stock, 'regulations', cells({ 'regulations/inForce': 0.31, 'prev:regulations/inForce': 0.1, 'regulations/issued': 0.2, 'regulations/repealed': 0 }));
    expect(off.difference).toBe(0.01);
  });

  it('gives every evaluation its own terms; the cells it names are shared and cannot be changed', () => {
    const a = evaluate(carryover, 'total', cells({ 'carriedOver/total': 4, 'prev:carriedForward/total': 4 }));
    const b = evaluate(carryover, 'total', cells({ 'carriedOver/total': 5, 'prev:carriedForward/total': 4 }));
    expect(a.terms).not.toBe(b.terms);
    expect(a.terms[0]!.value).toBe(4);
    expect(b.terms[0]!.value).toBe(5);
    expect(b.difference).toBe(1);
    expect(a.terms[0]!.cell).toBe(b.terms[0]!.cell);
    expect(Object.isFrozen(a.terms[0]!.cell)).toBe(true);
    // Another place of the same identity names other cells.
    const other = evaluate(carryover, 'naturalPerson', cells({}));
    expect(other.terms[0]!.cell).toEqual({ row: 'carriedOver', column: 'naturalPerson', previousYear: false });
  });

  it('evaluates every place an identity applies to', () => {
    const all = evaluateAll(FORMATS[2021], stock, cells({}));
    expect(all.map((e) => e.place)).toEqual(['regulations', 'normativeDocuments']);
  });
});
