import type { FormatSpec, Identity, IdentityTerm, ReportData, TableSpec } from '@nianbao/format';

/** One instance of an identity that does not hold: the column or row it was checked for, and both sums. */
export interface IdentityFailure {
  id: string;
  /** The column (per column) or row (per row) the instance was checked for. */
  at: string;
  left: number;
  right: number;
  /** Terms whose value is missing or blank (then the instance is not checked). */
  missing: string[];
}

/** The columns (per column) or rows (per row) an identity is checked for. */
export function instancesOf(identity: Identity, table: TableSpec): string[] {
  if (identity.over) return identity.over;
  return identity.per === 'column' ? table.columns.map((c) => c.id) : table.rows.map((r) => r.id);
}

function termValue(data: ReportData, identity: Identity, term: IdentityTerm, at: string): number | null | undefined {
  const [row, column] = identity.per === 'column' ? [term.ref, at] : [at, term.ref];
  if (term.previousYear) {
    // Last year's figures are kept by the quantity (the term's ref), keyed by the other dimension.
    const byKey = (data.previousYear as Record<string, unknown> | undefined)?.[term.ref] as Record<string, number | null> | undefined;
    return byKey?.[identity.per === 'column' ? column : row];
  }
  return data.tables[identity.table][row]?.[column];
}

/**
 * Evaluates identities generically from their data: for every instance, Σ sign·left = Σ sign·right. An
 * instance with a missing or blank term is reported with `missing` set instead of being compared.
 */
export function evaluateIdentities(data: ReportData, format: FormatSpec, identities: Identity[] = format.identities): IdentityFailure[] {
  const failures: IdentityFailure[] = [];
  for (const identity of identities) {
    for (const at of instancesOf(identity, format.tables[identity.table])) {
      const missing: string[] = [];
      const sum = (terms: IdentityTerm[]): number =>
        terms.reduce((acc, term) => {
          const v = termValue(data, identity, term, at);
          if (typeof v !== 'number') {
            missing.push(`${term.previousYear ? 'previousYear.' : ''}${term.ref}`);
            return acc;
          }
          return acc + (term.sign ?? 1) * v;
        }, 0);
      const left = sum(identity.left);
      const right = sum(identity.right);
      if (missing.length > 0 || Math.abs(left - right) > 1e-9) failures.push({ id: identity.id, at, left, right, missing });
    }
  }
  return failures;
}
