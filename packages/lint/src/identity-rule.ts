import { localize, type FormatSpec, type Identity, type TableSpec } from '@nianbao/format';
import { checkIdentity, type IdentityFailure, type TermValue } from './cells.js';
import { tableName } from './table-rules.js';
import type { Locale, Rule, RuleContext, RuleMeta } from './types.js';

/** How a term reads in a message: its label and value. */
function termText(spec: TableSpec, identity: Identity, v: TermValue, locale: Locale): string {
  const ref = identity.per === 'column' ? spec.rows.find((r) => r.id === v.rowId)?.label : spec.columns.find((c) => c.id === v.columnId)?.label;
  const last = v.term.previousYear ? localize(locale, { zh: '上年', en: "last year's " }) : '';
  return `${last}${ref ?? v.term.ref} ${v.read.value}`;
}

/** Terms joined with their signs; zeros left out of long sums so the message stays readable. */
function termsText(spec: TableSpec, identity: Identity, values: readonly TermValue[], locale: Locale): string {
  const shown = values.length > 6 ? values.filter((v) => v.read.value !== 0) : values;
  const parts = shown.map((v, i) => `${i === 0 ? (v.term.sign === -1 ? '−' : '') : v.term.sign === -1 ? ' − ' : ' + '}${termText(spec, identity, v, locale)}`);
  const rest = values.length - shown.length;
  const zeros = rest > 0 ? localize(locale, { zh: `（其余 ${rest} 项为 0）`, en: ` (the other ${rest} are 0)` }) : '';
  return `${parts.join('') || '0'}${zeros}`;
}

/** The label of a term's row (per-column identities) or column (per-row): `（七）总计`, `现行有效件数`. */
function termLabelOf(spec: TableSpec, identity: Identity, ref: string): string {
  return identity.per === 'column' ? (spec.rows.find((r) => r.id === ref)?.label ?? ref) : (spec.columns.find((c) => c.id === ref)?.label ?? ref);
}

function placeLabel(spec: TableSpec, identity: Identity, place: string): string {
  return identity.per === 'column' ? (spec.columns.find((c) => c.id === place)?.label ?? place) : (spec.rows.find((r) => r.id === place)?.label ?? place);
}

export interface IdentityRuleOptions {
  meta: Omit<RuleMeta, 'fixable'>;
  /** Which side's first cell the finding points at (the total a reader would correct). */
  pointAt: 'left' | 'right';
  /** Whether the identity needs last year's report. */
  crossYear?: boolean;
}

/**
 * A rule that checks the identities of format.md §6 bearing its id, as the format data defines them.
 * The finding points at the total; every addend is a related place with its value.
 */
export function identityRule({ meta, pointAt, crossYear = false }: IdentityRuleOptions): Rule {
  return {
    meta: { ...meta, fixable: false },
    check(context: RuleContext): void {
      if (crossYear && !context.previous) return;
      const format: FormatSpec = context.tableFormat;
      for (const identity of format.identities.filter((i) => i.rule === meta.id)) {
        const spec = format.tables[identity.table];
        const failures: IdentityFailure[] = checkIdentity(identity, format, context.document, context.previous?.document);
        for (const f of failures) {
          const primary = (pointAt === 'left' ? f.left : f.right)[0]!;
          const others = [...f.left, ...f.right].filter((v) => v !== primary);
          context.report({
            messageId: 'mismatch',
            data: {
              table: tableName(spec, context.locale),
              totalLabel: termLabelOf(spec, identity, identity.left[0]!.ref),
              place: placeLabel(spec, identity, f.over),
              left: termsText(spec, identity, f.left, context.locale),
              leftSum: f.leftSum,
              right: termsText(spec, identity, f.right, context.locale),
              rightSum: f.rightSum,
              diff: Math.round(Math.abs(f.leftSum - f.rightSum) * 100) / 100,
            },
            span: primary.read.cell.span,
            related: others.map((v) => ({
              span: v.read.cell.span,
              text: termText(spec, identity, v, context.locale),
              ...(v.term.previousYear && context.previous?.file !== undefined ? { file: context.previous.file } : {}),
            })),
          });
        }
      }
    },
  };
}
