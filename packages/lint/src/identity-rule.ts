import { localize, placeLabel, termLabel, type FormatSpec, type Identity } from '@nianbao/format';
import { checkIdentity, type IdentityFailure, type TermValue } from './cells.js';
import { tableName } from './table-rules.js';
import type { Locale, Rule, RuleContext, RuleMeta } from './types.js';

/** How a term reads in a message: its label (the format's) and value. */
function termText(format: FormatSpec, identity: Identity, v: TermValue, locale: Locale): string {
  const last = v.term.previousYear ? localize(locale, { zh: '上年', en: "last year's " }) : '';
  return `${last}${termLabel(format, identity, v.term.ref)} ${v.read.value}`;
}

/** Terms joined with their signs; zeros left out of long sums so the message stays readable. */
function termsText(format: FormatSpec, identity: Identity, values: readonly TermValue[], locale: Locale): string {
  const shown = values.length > 6 ? values.filter((v) => v.read.value !== 0) : values;
  const parts = shown.map((v, i) => `${i === 0 ? (v.term.sign === -1 ? '−' : '') : v.term.sign === -1 ? ' − ' : ' + '}${termText(format, identity, v, locale)}`);
  const rest = values.length - shown.length;
  const zeros = rest > 0 ? localize(locale, { zh: `（其余 ${rest} 项为 0）`, en: ` (the other ${rest} are 0)` }) : '';
  return `${parts.join('') || '0'}${zeros}`;
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
              totalLabel: termLabel(format, identity, identity.left[0]!.ref),
              place: placeLabel(format, identity, f.over),
              left: termsText(format, identity, f.left, context.locale),
              leftSum: f.leftSum,
              right: termsText(format, identity, f.right, context.locale),
              rightSum: f.rightSum,
              diff: Math.round(Math.abs(f.leftSum - f.rightSum) * 100) / 100,
            },
            span: primary.read.cell.span,
            related: others.map((v) => ({
              span: v.read.cell.span,
              text: termText(format, identity, v, context.locale),
              ...(v.term.previousYear && context.previous?.file !== undefined ? { file: context.previous.file } : {}),
            })),
          });
        }
      }
    },
  };
}
