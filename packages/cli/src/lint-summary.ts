/**
 * What a lint run says on stderr at the end: the files with the most findings, every file it passed over
 * and why, and the totals. Counted as files come in, so that a folder run keeps no file's findings.
 */
import { localize } from '@nianbao/format';
import type { Locale } from '@nianbao/lint';
import type { RunTotals } from './formatters/types.js';
import type { Skipped } from './lint-job.js';
import { t } from './messages.js';

const WORST = 10;

interface Worst {
  file: string;
  errors: number;
  warnings: number;
}

const worse = (a: Worst, b: Worst): number => b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file);

/** The ten files with the most errors (then warnings), kept as results stream by. */
export class WorstFiles {
  private list: Worst[] = [];

  add(file: string, errors: number, warnings: number): void {
    if (errors + warnings === 0) return;
    this.list.push({ file, errors, warnings });
    this.list.sort(worse);
    if (this.list.length > WORST) this.list.length = WORST;
  }

  get files(): readonly Worst[] {
    return this.list;
  }
}

/** Why a file was passed over, and what to do, in the locale. */
function skipText(f: Skipped, locale: Locale): string {
  switch (f.reason) {
    case 'legacy-word':
      return t(locale, 'skipLegacyWord');
    case 'wps':
      return t(locale, 'skipWps');
    case 'ofd':
      return t(locale, 'skipOfd');
    case 'other':
      return t(locale, 'skipOther');
    case 'not-a-report':
      return t(locale, 'skipNotAReport');
    case 'unreadable':
      return t(locale, 'skipUnreadable', 'code' in f && f.code !== undefined ? { code: f.code } : {});
    case 'not-regular':
      return t(locale, 'skipNotRegular', { type: ('fileType' in f && f.fileType) || 'other' });
    case 'outside-link':
      return t(locale, 'skipOutsideLink', { target: ('target' in f && f.target) || '?' });
    case 'dangling-link':
      return t(locale, 'skipDanglingLink', { target: ('target' in f && f.target) || '?' });
    case 'link-loop':
      return t(locale, 'skipLinkLoop');
    case 'too-large':
      return t(locale, 'skipTooLarge', { size: ('size' in f && f.size) || 0, limit: ('limit' in f && f.limit) || 0 });
    case 'not-text':
      return t(locale, 'skipNotText');
    case 'read-problem':
      return ('detail' in f && f.detail) || t(locale, 'skipUnreadable', {});
    case 'ignored':
      return ignoredRule(f, locale);
  }
}

function ignoredRule(f: Skipped, locale: Locale): string {
  const by = 'ignoredBy' in f ? f.ignoredBy : undefined;
  if (!by) return t(locale, 'ignoredByArgument', { pattern: '?' });
  return by.file !== undefined ? t(locale, 'ignoredByFile', { file: by.file, line: by.line ?? 1, pattern: by.pattern }) : t(locale, 'ignoredByArgument', { pattern: by.pattern });
}

/**
 * One line per file a run passed over, with why and what to do: every file that is named like a report
 * (or could be one) is listed; files of other formats up to a bound, then counted; ignored files and
 * folders one line per ignore rule, with the first few of them.
 */
export function skippedLines(skipped: readonly Skipped[], locale: Locale): string[] {
  const MAX_OTHER = 30;
  const MAX_NAMED = 5;
  const important = skipped.filter((f) => f.reason !== 'other' && f.reason !== 'ignored');
  const other = skipped.filter((f) => f.reason === 'other');
  const listed = [...important, ...other.slice(0, Math.max(0, MAX_OTHER - important.length))];
  const shown = listed.map((f) => `  ${f.path}：${skipText(f, locale)}`);
  const notListed = other.length - (listed.length - important.length);
  if (notListed > 0) shown.push(`  ${t(locale, 'skippedMore', { count: notListed })}`);
  const byRule = new Map<string, string[]>();
  for (const f of skipped) {
    if (f.reason !== 'ignored') continue;
    const rule = ignoredRule(f, locale);
    byRule.set(rule, [...(byRule.get(rule) ?? []), f.path]);
  }
  for (const [rule, paths] of byRule) {
    const named = paths.slice(0, MAX_NAMED).join(localize(locale, { zh: '、', en: ', ' }));
    const more = paths.length > MAX_NAMED ? t(locale, 'skippedMore', { count: paths.length - MAX_NAMED }) : '';
    shown.push(`  ${t(locale, 'skipIgnoredGroup', { rule, count: paths.length, paths: `${named}${more ? ` ${more}` : ''}` })}`);
  }
  return [t(locale, 'skippedHeader', { count: skipped.length }), ...shown];
}

/** The closing lines on stderr: worst files (when there were several), skipped files, totals. */
export function summaryText(totals: RunTotals, worst: WorstFiles, skipped: readonly Skipped[], locale: Locale): string {
  const lines: string[] = [];
  if (totals.files > 1 && worst.files.length > 0) {
    lines.push(t(locale, 'worstHeader'));
    for (const r of worst.files) lines.push(`  ${t(locale, 'worstFile', { file: r.file, errors: r.errors, warnings: r.warnings })}`);
  }
  if (skipped.length > 0) lines.push(...skippedLines(skipped, locale));
  lines.push(
    t(locale, 'summary', {
      files: totals.files,
      errors: totals.errors,
      warnings: totals.warnings,
      info: totals.info,
      suppressed: totals.suppressed > 0 ? t(locale, 'summarySuppressed', { count: totals.suppressed }) : '',
      skipped: skipped.length > 0 ? t(locale, 'summarySkipped', { count: skipped.length }) : '',
    }),
  );
  return `${lines.join('\n')}\n`;
}
