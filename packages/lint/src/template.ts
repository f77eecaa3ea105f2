import type { Locale, MessageTemplate } from './types.js';

/** Fills `{name}` placeholders of a message in the given language; an unknown name stays as written. */
export function fillTemplate(template: MessageTemplate, locale: Locale, data: Record<string, string | number> = {}): string {
  return template[locale].replace(/\{(\w+)\}/gu, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
