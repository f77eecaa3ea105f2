import type { Severity } from '@nianbao/lint';
import type { FileResult } from '../types.js';

/** A file's line in the summary: who, which year, how many findings of each severity. */
export interface FileSummary {
  /** Its place in the results, which is its section's anchor on the page. */
  index: number;
  file: string;
  agency: string | null;
  reportYear: number | null;
  formatYear: number | null;
  errors: number;
  warnings: number;
  info: number;
  suppressed: number;
  /** The rules with an active finding in the file. */
  rules: string[];
}

export interface RuleSummary {
  id: string;
  errors: number;
  warnings: number;
  info: number;
  /** How many files it has an active finding in. */
  files: number;
}

export interface AgencySummary {
  agency: string | null;
  files: number;
  errors: number;
  warnings: number;
  info: number;
}

export interface RunSummary {
  files: number;
  errors: number;
  warnings: number;
  info: number;
  suppressed: number;
  /** Most findings first, then by rule id. */
  byRule: RuleSummary[];
  /** Most errors first; reports whose agency was not recognised together, last. */
  byAgency: AgencySummary[];
  /** Every file, the worst first: most errors, then most warnings, then by name. */
  worst: FileSummary[];
}

const KEY: Record<Severity, 'errors' | 'warnings' | 'info'> = { error: 'errors', warning: 'warnings', info: 'info' };

/** What a run found, counted the ways a reviewer reads it: in all, by rule, by agency, by file. A suppressed finding counts only as suppressed. */
export function summarize(results: readonly FileResult[]): RunSummary {
  const rules = new Map<string, RuleSummary>();
  const agencies = new Map<string, AgencySummary>();
  const files: FileSummary[] = results.map((r, index) => {
    const f: FileSummary = {
      index,
      file: r.file,
      agency: r.report?.agency ?? null,
      reportYear: r.report?.reportYear ?? null,
      formatYear: r.report?.formatYear ?? null,
      errors: 0,
      warnings: 0,
      info: 0,
      suppressed: 0,
      rules: [],
    };
    const seen = new Set<string>();
    for (const d of r.diagnostics) {
      if (d.suppressed) {
        f.suppressed++;
        continue;
      }
      f[KEY[d.severity]]++;
      const rule = rules.get(d.ruleId) ?? { id: d.ruleId, errors: 0, warnings: 0, info: 0, files: 0 };
      rule[KEY[d.severity]]++;
      if (!seen.has(d.ruleId)) {
        rule.files++;
        seen.add(d.ruleId);
      }
      rules.set(d.ruleId, rule);
    }
    f.rules = [...seen].sort();
    const key = f.agency ?? '';
    const agency = agencies.get(key) ?? { agency: f.agency, files: 0, errors: 0, warnings: 0, info: 0 };
    agency.files++;
    agency.errors += f.errors;
    agency.warnings += f.warnings;
    agency.info += f.info;
    agencies.set(key, agency);
    return f;
  });
  const total = (k: 'errors' | 'warnings' | 'info' | 'suppressed'): number => files.reduce((n, f) => n + f[k], 0);
  const byCount = (a: { errors: number; warnings: number; info: number }, b: { errors: number; warnings: number; info: number }): number =>
    b.errors - a.errors || b.warnings - a.warnings || b.info - a.info;
  return {
    files: files.length,
    errors: total('errors'),
    warnings: total('warnings'),
    info: total('info'),
    suppressed: total('suppressed'),
    byRule: [...rules.values()].sort((a, b) => b.errors + b.warnings + b.info - (a.errors + a.warnings + a.info) || a.id.localeCompare(b.id)),
    byAgency: [...agencies.values()].sort((a, b) => (a.agency === null ? 1 : 0) - (b.agency === null ? 1 : 0) || byCount(a, b) || (a.agency ?? '').localeCompare(b.agency ?? '', 'zh')),
    worst: [...files].sort((a, b) => byCount(a, b) || a.file.localeCompare(b.file)),
  };
}
