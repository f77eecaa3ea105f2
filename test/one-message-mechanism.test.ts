/**
 * One message mechanism (packages/format/src/messages.ts): the language is chosen there and nowhere else.
 * A rule's message is a template in its `messages`; an edge's own words are a catalog built with `catalog`;
 * anything else picks its words with `localize`. No source compares a locale, and none fills `{name}`
 * placeholders by itself.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, fillTemplate, isLocale, localize, LIST_SEPARATOR } from '@nianbao/format';

const ROOT = new URL('..', import.meta.url).pathname;
const MECHANISM = 'packages/format/src/messages.ts';

function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') out.push(...tsFilesUnder(path));
    } else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const SOURCES = readdirSync(join(ROOT, 'packages')).flatMap((p) => {
  const src = join(ROOT, 'packages', p, 'src');
  try {
    return statSync(src).isDirectory() ? tsFilesUnder(src) : [];
  } catch {
    return [];
  }
});

/** `locale === 'zh'`, `context.locale !== "en"`, `'zh' === locale`: a branch on the language. */
const LOCALE_COMPARISON = /\blocale\s*[!=]==?\s*['"`]|['"`](?:zh|en)['"`]\s*[!=]==?\s*[\w.]*locale\b/iu;
/** A `{name}` placeholder filled by hand. */
const OWN_TEMPLATE_FILLING = /\\\{\(\\w\+\)\\\}/u;

function offending(pattern: RegExp): string[] {
  return SOURCES.filter((file) => relative(ROOT, file) !== MECHANISM).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('one message mechanism', () => {
  it('reads the sources of every package', () => {
    expect(SOURCES.some((f) => relative(ROOT, f) === MECHANISM)).toBe(true);
    expect(SOURCES.length).toBeGreaterThan(50);
  });

  it('has no locale comparison outside packages/format/src/messages.ts', () => {
    expect(offending(LOCALE_COMPARISON)).toEqual([]);
  });

  it('fills placeholders only in packages/format/src/messages.ts', () => {
    expect(offending(OWN_TEMPLATE_FILLING)).toEqual([]);
  });

  it('catches the branches it is meant to catch', () => {
    for (const line of ["locale === 'zh' ? a : b", 'context.locale !== "en"', "const zh = options.locale === 'zh';", "'en' === locale"]) {
      expect(LOCALE_COMPARISON.test(line), line).toBe(true);
    }
    expect(LOCALE_COMPARISON.test("localize(locale, { zh: '错误', en: 'error' })")).toBe(false);
  });
});

describe('the mechanism', () => {
  it('localize picks the side of a pair', () => {
    expect(localize('zh', { zh: '错误', en: 'error' })).toBe('错误');
    expect(localize('en', { zh: '错误', en: 'error' })).toBe('error');
    expect(localize('en', LIST_SEPARATOR)).toBe(', ');
  });

  it('fillTemplate fills known names, keeps unknown ones, and does not re-read what it filled', () => {
    expect(fillTemplate('表{numeral}：{count} 项', { numeral: '三', count: 0 })).toBe('表三：0 项');
    expect(fillTemplate('{known} {unknown}', { known: 'x' })).toBe('x {unknown}');
    expect(fillTemplate('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
    expect(fillTemplate('{a}')).toBe('{a}');
  });

  it('catalog gives a typed lookup over templates and functions', () => {
    const t = catalog({
      saved: { zh: '已保存 {file}', en: 'Saved {file}' },
      count: { zh: (a) => `共 ${a.n} 个`, en: (a) => `${a.n} in all` },
    });
    expect(t('zh', 'saved', { file: 'a.md' })).toBe('已保存 a.md');
    expect(t('en', 'saved', { file: 'a.md' })).toBe('Saved a.md');
    expect(t('en', 'count', { n: 3 })).toBe('3 in all');
    expect(t('zh', 'count', { n: '{n}' })).toBe('共 {n} 个');
    // @ts-expect-error: an id the catalog does not define
    expect(() => t('zh', 'missing')).toThrow();
  });

  it('isLocale accepts the two locales only', () => {
    expect(['zh', 'en', 'fr', '', undefined, null, 1].map(isLocale)).toEqual([true, true, false, false, false, false, false]);
  });
});
