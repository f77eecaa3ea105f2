import { describe, expect, it } from 'vitest';
import { narrowSettings, toLspRange } from '@nianbao/language-server';

describe('toLspRange: the one conversion of core positions', () => {
  it('1-based line and UTF-16 column become 0-based, end exclusive kept', () => {
    expect(toLspRange({ line: 19, column: 1, endLine: 19, endColumn: 14 })).toEqual({ start: { line: 18, character: 0 }, end: { line: 18, character: 13 } });
  });
  it('a place without a position (0:0) still makes a valid range', () => {
    expect(toLspRange({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe('narrowSettings: editor settings are never trusted raw', () => {
  it('keeps well-typed fields', () => {
    expect(narrowSettings({ locale: 'en', run: 'onSave', previousReport: ' auto ', files: ['reports/**/*.md'] })).toEqual({
      locale: 'en',
      run: 'onSave',
      previousReport: 'auto',
      files: ['reports/**/*.md'],
    });
  });
  it('drops wrong fields to their defaults, one by one', () => {
    expect(narrowSettings({ locale: 'fr', run: 'sometimes', previousReport: 42, files: ['ok.md', 7, null, ''] })).toEqual({ run: 'onType', files: ['ok.md'] });
    expect(narrowSettings(null)).toEqual({ run: 'onType', files: [] });
    expect(narrowSettings('nianbao')).toEqual({ run: 'onType', files: [] });
    expect(narrowSettings([1, 2])).toEqual({ run: 'onType', files: [] });
  });
});
