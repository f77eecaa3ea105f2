/**
 * The one message mechanism: every text nianbao shows comes in Chinese and English, and the language is
 * chosen here and nowhere else. A rule's messages are templates (`{name}` placeholders, filled by the
 * lint engine); an edge (the CLI, the language server) keeps its own words in a catalog built with
 * `catalog`; anything else picks its words with `localize`. No other module compares a locale.
 */
import type { Localized } from './types.js';

/** The languages nianbao speaks: Chinese (the default) and English. */
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** Whether a value (a setting, an option) names a locale. */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The text (or any value) of a `{ zh, en }` pair in the locale. */
export function localize<T = string>(locale: Locale, pair: { readonly zh: T; readonly en: T }): T {
  return pair[locale];
}

/** Values for a message's placeholders. */
export type MessageData = Record<string, string | number>;

/** Fills `{name}` placeholders of a template; an unknown name stays as written. Filled values are not re-read. */
export function fillTemplate(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** How lists read in a message: `甲、乙` in Chinese, `a, b` in English. */
export const LIST_SEPARATOR: Localized = { zh: '、', en: ', ' };

/** One side of a catalog entry: a `{name}` template, or a function of the data. */
export type MessageText = string | ((data: MessageData) => string);

/** A catalog entry: the message in both languages. */
export interface CatalogEntry {
  readonly zh: MessageText;
  readonly en: MessageText;
}

/** A message catalog: `{ id: { zh, en } }`. */
export type Catalog = Readonly<Record<string, CatalogEntry>>;

/** The lookup a catalog gives: the message `id` in the locale, its placeholders filled from `data`. */
export type Translate<Id extends string> = (locale: Locale, id: Id, data?: MessageData) => string;

/**
 * A typed lookup over a catalog of an edge's own words: `const t = catalog({ saved: { zh: '已保存 {file}', en:
 * 'Saved {file}' } })`, then `t(locale, 'saved', { file })`. A string is a template; a function is called
 * with the data as it is.
 */
export function catalog<C extends Catalog>(messages: C): Translate<Extract<keyof C, string>> {
  return (locale, id, data = {}) => {
    const text = localize(locale, messages[id]!);
    return typeof text === 'function' ? text(data) : fillTemplate(text, data);
  };
}
