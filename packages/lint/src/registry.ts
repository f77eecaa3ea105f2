import reportTitle from './rules/report-title.js';
import sectionMissing from './rules/section-missing.js';
import sectionOrder from './rules/section-order.js';
import sectionHeading from './rules/section-heading.js';
import subsectionNumbering from './rules/subsection-numbering.js';
import tableMissing from './rules/table-missing.js';
import tableShape from './rules/table-shape.js';
import tableLabel from './rules/table-label.js';
import tableUnreadable from './rules/table-unreadable.js';
import cellBlank from './rules/cell-blank.js';
import cellValue from './rules/cell-value.js';
import formatVersion from './rules/format-version.js';
import balance from './rules/balance.js';
import rowTotal from './rules/row-total.js';
import outcomeTotal from './rules/outcome-total.js';
import reviewTotal from './rules/review-total.js';
import litigationTotal from './rules/litigation-total.js';
import periodStatement from './rules/period-statement.js';
import yearMismatch from './rules/year-mismatch.js';
import publishDeadline from './rules/publish-deadline.js';
import textMismatch from './rules/text-mismatch.js';
import textCheck from './rules/text-check.js';
import scopeMismatch from './rules/scope-mismatch.js';
import proseSum from './rules/prose-sum.js';
import proseConflict from './rules/prose-conflict.js';
import countMissing from './rules/count-missing.js';
import carryover from './rules/carryover.js';
import stockRollforward from './rules/stock-rollforward.js';
import feeStatement from './rules/fee-statement.js';
import placeholder from './rules/placeholder.js';
import artifact from './rules/artifact.js';
import directive from './rules/directive.js';
import type { Rule } from './types.js';

/**
 * Every rule, in the order findings are listed for one place. Explicit (no globbing), so that adding a
 * rule is a reviewed change of this list. Rule ids are a public interface: never rename one.
 */
export const RULES: readonly Rule[] = [
  reportTitle,
  sectionMissing,
  sectionOrder,
  sectionHeading,
  subsectionNumbering,
  tableMissing,
  tableShape,
  tableLabel,
  tableUnreadable,
  cellBlank,
  cellValue,
  formatVersion,
  balance,
  rowTotal,
  outcomeTotal,
  reviewTotal,
  litigationTotal,
  periodStatement,
  yearMismatch,
  publishDeadline,
  textMismatch,
  textCheck,
  scopeMismatch,
  proseSum,
  proseConflict,
  countMissing,
  carryover,
  stockRollforward,
  feeStatement,
  placeholder,
  artifact,
  // Last: it judges the suppressions once every other rule has reported.
  directive,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
