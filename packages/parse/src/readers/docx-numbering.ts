import { CJK_NUMERAL_CHARS } from '@nianbao/format';
import type { NumberingRef } from './docx-styles.js';
import { attr, child, isElement, type XmlElement } from './docx-xml.js';

/**
 * Word's automatic numbering (`numbering.xml`). Reports often number their headings and table labels
 * this way (`一、`, `（一）`, `1.`), and then the numeral is in no `w:t`: without it every heading would
 * read as one with its numeral missing. A `ListCounter` is made per read, since numbering counts in
 * document order.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
  style?: string;
}

interface ListInstance {
  abstractId: string;
  /** Levels whose start the instance overrides, applied the first time it is used. */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

/** Word's Chinese counting digits, zero written 零. */
const CJK_DIGITS = `零${CJK_NUMERAL_CHARS.slice(0, 9)}`;
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (to 9999, then digits). */
function chinese(n: number, digits: string, units: readonly string[]): string {
  if (n <= 0 || n > 9999) return String(n);
  const parts: string[] = [];
  const place = [1000, 100, 10, 1];
  let zero = false;
  for (let k = 0; k < 4; k++) {
    const d = Math.floor(n / place[k]!) % 10;
    if (d === 0) {
      if (parts.length > 0) zero = true;
      continue;
    }
    if (zero) parts.push(digits[0]!);
    zero = false;
    // 十二, not 一十二, when ten leads (the common form; legal style keeps 壹拾).
    if (!(k === 2 && d === 1 && parts.length === 0 && digits === CJK_DIGITS)) parts.push(digits[d]!);
    parts.push(units[k]!);
  }
  return parts.join('');
}

function letters(n: number, base: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  return String.fromCharCode(base + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A counter's value in a `w:numFmt`; unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n, CJK_DIGITS, ['千', '百', '十', '']);
    case 'chineseLegalSimplified':
      return chinese(n, LEGAL_DIGITS, ['仟', '佰', '拾', '']);
    case 'ideographTraditional':
      return n > 0 ? STEMS[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n > 0 ? BRANCHES[(n - 1) % 12]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 65);
    case 'lowerLetter':
      return letters(n, 97);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevel(lvl: XmlElement): Level {
  const val = (name: string): string | undefined => {
    const el = child(lvl, name);
    return el ? attr(el, 'w:val') : undefined;
  };
  const start = Number(val('w:start') ?? 1);
  const level: Level = {
    start: Number.isInteger(start) ? start : 1,
    format: val('w:numFmt') ?? 'decimal',
    text: val('w:lvlText') ?? '',
    suffix: val('w:suff') ?? 'tab',
    legal: child(lvl, 'w:isLgl') !== undefined,
  };
  const style = val('w:pStyle');
  if (style !== undefined) level.style = style;
  return level;
}

function levelsOf(el: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const c of el.children) {
    if (!isElement(c) || c.name !== 'w:lvl') continue;
    const ilvl = Number(attr(c, 'w:ilvl'));
    if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8) levels.set(ilvl, readLevel(c));
  }
  return levels;
}

export class ListCounter {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly counts = new Map<string, Array<number | undefined>>();
  private readonly used = new Set<string>();

  constructor(numbering: XmlElement | undefined) {
    const root = numbering ? child(numbering, 'w:numbering') : undefined;
    for (const c of root?.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'w:abstractNum') {
        const id = attr(c, 'w:abstractNumId');
        if (id !== undefined) this.abstracts.set(id, levelsOf(c));
      } else if (c.name === 'w:num') {
        const id = attr(c, 'w:numId');
        const abstract = child(c, 'w:abstractNumId');
        if (id === undefined || !abstract) continue;
        const instance: ListInstance = { abstractId: attr(abstract, 'w:val') ?? '', starts: new Map(), levels: new Map() };
        for (const o of c.children) {
          if (!isElement(o) || o.name !== 'w:lvlOverride') continue;
          const ilvl = Number(attr(o, 'w:ilvl'));
          if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) continue;
          const start = child(o, 'w:startOverride');
          const value = start ? Number(attr(start, 'w:val')) : NaN;
          if (Number.isInteger(value)) instance.starts.set(ilvl, value);
          const lvl = child(o, 'w:lvl');
          if (lvl) instance.levels.set(ilvl, readLevel(lvl));
        }
        this.instances.set(id, instance);
      }
    }
  }

  private level(instance: ListInstance, ilvl: number): Level | undefined {
    return instance.levels.get(ilvl) ?? this.abstracts.get(instance.abstractId)?.get(ilvl);
  }

  /**
   * The label of the next paragraph in this list, counting it. Lists sharing an abstract definition
   * count together, as Word does, unless an instance restarts a level.
   */
  next(ref: NumberingRef, styleId: string | undefined): string {
    const instance = this.instances.get(ref.numId);
    if (!instance) return '';
    let ilvl = ref.ilvl;
    if (ilvl === undefined && styleId !== undefined) {
      // A style linked to a list names its level by `w:pStyle` in the list's levels.
      for (const [k, lvl] of this.abstracts.get(instance.abstractId) ?? []) if (lvl.style === styleId) ilvl = k;
    }
    ilvl ??= 0;
    const level = this.level(instance, ilvl);
    if (!level) return '';
    let counts = this.counts.get(instance.abstractId);
    if (!counts) {
      counts = [];
      this.counts.set(instance.abstractId, counts);
    }
    if (!this.used.has(ref.numId)) {
      this.used.add(ref.numId);
      for (const [k, start] of instance.starts) counts[k] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let k = ilvl + 1; k < 9; k++) counts[k] = undefined;
    if (level.format === 'bullet') return '';
    const label = level.text.replace(/%([1-9])/gu, (_, n: string) => {
      const k = Number(n) - 1;
      const of = this.level(instance, k);
      const value = counts[k] ?? of?.start ?? 1;
      return formatNumber(value, level.legal ? 'decimal' : (of?.format ?? 'decimal'));
    });
    if (label === '') return '';
    return label + (level.suffix === 'nothing' ? '' : ' ');
  }
}
