import { cjkNumber } from './numerals.js';
import type { TableSpec } from './types.js';

/** How a table is named in a message: `表三` in Chinese, `Table 3` in English. */
export function tableName(spec: Pick<TableSpec, 'numeral'>, locale: 'zh' | 'en'): string {
  return { zh: `表${spec.numeral}`, en: `Table ${cjkNumber(spec.numeral)}` }[locale];
}
