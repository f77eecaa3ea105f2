/**
 * The fonts of a 公文 and what stands in for each where it is not installed. Each role is a list: the first
 * is the font the standard names (and the one a .docx names, as Word expects it), the rest are fallbacks,
 * in order. A web page gives the whole list to CSS; a .docx names the first and records the next as its
 * `altName` in the font table, which is how Word itself writes 仿宋_GB2312 (with 仿宋 as its alternate).
 */
import { localize, type Locale } from '@nianbao/format';

export type FontRole = 'title' | 'heading' | 'subheading' | 'body' | 'table' | 'pageNumber';

export const FONT_ROLES: readonly FontRole[] = ['title', 'heading', 'subheading', 'body', 'table', 'pageNumber'];

export type FontSet = Readonly<Record<FontRole, readonly string[]>>;

/** Digits and Latin letters: Times New Roman, as 公文 set them, or its metric twin on Linux. */
export const LATIN_FONTS: readonly string[] = ['Times New Roman', 'Liberation Serif'];

const FANGSONG = ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC'];

export const DEFAULT_FONTS: FontSet = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  heading: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC'],
  subheading: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC'],
  body: FANGSONG,
  table: FANGSONG,
  pageNumber: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'],
};

/** The default fonts with the roles a caller set replaced. */
export function fontSet(overrides: Partial<Record<FontRole, readonly string[]>> = {}): FontSet {
  const out = { ...DEFAULT_FONTS };
  for (const role of FONT_ROLES) {
    const given = overrides[role];
    if (given && given.length > 0) out[role] = given;
  }
  return out;
}

export function isFontRole(value: string): value is FontRole {
  return (FONT_ROLES as readonly string[]).includes(value);
}

/** A font setting as written on the command line: `body=仿宋,FangSong` — the role, then its fonts in order. */
export function parseFontSetting(text: string, locale: Locale = 'zh'): { ok: true; role: FontRole; fonts: string[] } | { ok: false; message: string } {
  const eq = text.indexOf('=');
  const role = (eq < 0 ? text : text.slice(0, eq)).trim();
  const fonts = eq < 0 ? [] : text.slice(eq + 1).split(/[,，]/u).map((f) => f.trim()).filter((f) => f !== '');
  const roles = FONT_ROLES.join(localize(locale, { zh: '、', en: ', ' }));
  if (!isFontRole(role)) {
    return { ok: false, message: localize(locale, { zh: `字体设置“${text}”的角色应为 ${roles} 之一，如 body=仿宋,FangSong。`, en: `The font setting "${text}" must name one of ${roles}, e.g. body=仿宋,FangSong.` }) };
  }
  if (fonts.length === 0 || fonts.some((f) => /["'<>;{}\\]/u.test(f))) {
    return { ok: false, message: localize(locale, { zh: `字体设置“${text}”应在 = 后写出字体名称，多个用逗号分隔，如 ${role}=仿宋,FangSong（名称中不能有引号、尖括号、分号、花括号、反斜杠）。`, en: `The font setting "${text}" needs font names after =, separated by commas, e.g. ${role}=仿宋,FangSong (no quotes, angle brackets, semicolons, braces or backslashes).` }) };
  }
  return { ok: true, role, fonts };
}
