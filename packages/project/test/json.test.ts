import { describe, expect, it } from 'vitest';
import { describeJsonError, readJson } from '@nianbao/project';

function errorOf(text: string) {
  const read = readJson(text);
  if (read.ok) throw new Error('expected a syntax error');
  return read.error;
}

describe('readJson: JSON with positions', () => {
  it('reads the value exactly as JSON.parse does, a BOM aside', () => {
    const text = '\ufeff{ "a": [1, 2.5, null], "b": { "c": "中文" } }';
    const read = readJson(text);
    expect(read.ok && read.json.value).toEqual({ a: [1, 2.5, null], b: { c: '中文' } });
  });

  it('keeps a "__proto__" key as a key (validation must see it), not as the prototype', () => {
    const read = readJson('{ "__proto__": { "polluted": 1 } }');
    expect(read.ok).toBe(true);
    const value = (read.ok ? read.json.value : {}) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a trailing comma: line and column of what follows it, and the line as excerpt', () => {
    const error = errorOf('{\n  "reportYear": 2023,\n  "tables": {},\n}\n');
    expect(error).toMatchObject({ line: 4, column: 1, excerpt: '}', code: 'PropertyNameExpected' });
    expect(describeJsonError(error, 'zh')).toContain('多余的逗号');
    expect(describeJsonError(error, 'en')).toContain('extra comma');
  });

  it('faults JSON.parse gives no position for still get one', () => {
    expect(errorOf('{\n  "reportYear": 2023,\n  "tables": tru\n}\n')).toMatchObject({ line: 3, column: 13 });
    expect(errorOf('{\n  "title": "x",\n  "reportYear": 2023,,\n}\n')).toMatchObject({ line: 3, column: 22 });
    expect(errorOf('{ "a": 1 } {}')).toMatchObject({ line: 1, column: 12, code: 'EndOfFileExpected' });
    expect(errorOf('{ "rules": { ')).toMatchObject({ line: 1 });
    expect(errorOf('')).toMatchObject({ line: 1, column: 1, code: 'Empty' });
  });

  it('allows comments (JSONC), and rejects the rest JSON rejects: an unclosed comment, single quotes, line breaks in strings', () => {
    const read = readJson('{ // note\n "a": /* one */ 1 }');
    expect(read.ok && read.json.value).toEqual({ a: 1 });
    expect(read.ok && read.json.positionOf('/a')).toEqual({ line: 2, column: 2 });
    expect(errorOf('{ "a": 1 /* note').code).toBe('UnexpectedEndOfComment');
    expect(readJson("{ 'a': 1 }").ok).toBe(false);
    expect(readJson('{ "a": "x\ny" }').ok).toBe(false);
  });

  it('positionOf: where a value is written, at its key', () => {
    const read = readJson('{\n  "rules": {\n    "section-heading": "loud"\n  },\n  "list": [1, 2]\n}\n');
    if (!read.ok) throw new Error('valid');
    expect(read.json.positionOf('/rules/section-heading')).toEqual({ line: 3, column: 5 });
    expect(read.json.positionOf('/list/1')).toEqual({ line: 5, column: 15 });
    expect(read.json.positionOf('/')).toBeUndefined();
    expect(read.json.positionOf('/nowhere')).toBeUndefined();
  });
});
