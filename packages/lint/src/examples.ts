/**
 * Small tables for rule examples, written as GFM so that the docs show them readably. Labels come from
 * the format data, so an example can never drift from the format it illustrates.
 */
import { FORMAT_2021, SECTIONS, canonicalHeading, type SectionId } from '@nianbao/format';

const applications = FORMAT_2021.tables.applications;
const review = FORMAT_2021.tables.reviewLitigation;

function label(rowId: string): string {
  return applications.rows.find((r) => r.id === rowId)!.label;
}

/** A GFM Table 三 with the given rows, each with its seven numbers (or '' for a blank). */
export function applicationsTable(rows: ReadonlyArray<readonly [string, ReadonlyArray<number | string>]>): string {
  const header = `| 项目 | ${applications.columns.map((c) => c.label).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(applications.columns.length + 1)}`;
  const body = rows.map(([id, cells]) => `| ${label(id)} | ${cells.join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

/** Seven cells: `n` for 自然人, zeros for the organisations, and the total. */
export function naturalPersons(n: number, total = n): Array<number> {
  return [n, 0, 0, 0, 0, 0, total];
}

/** A GFM Table 四 as a web page's table comes out: three header rows, then the data row of 15 cells. */
export function reviewTable(cells: ReadonlyArray<number | string>): string {
  const outcomes = review.columns.map((c) => c.label);
  const [reviewRow, direct, afterReview] = review.rows;
  const litigation = review.groups[0]!.label;
  const blank = (n: number): string[] => Array.from({ length: n }, () => ' ');
  const row = (cellsOf: readonly string[]): string => `| ${cellsOf.join(' | ')} |`;
  return [
    row([reviewRow!.label, ...blank(4), litigation, ...blank(9)]),
    `|${' --- |'.repeat(15)}`,
    row([...outcomes, direct!.label, ...blank(4), afterReview!.label, ...blank(4)]),
    row([...blank(5), ...outcomes, ...outcomes]),
    row(cells.map(String)),
  ].join('\n');
}

/**
 * A report skeleton of canonical section headings, in the order given (a section may repeat or be left
 * out), each followed by a blank line; an optional title line first and closing text last.
 */
export function headingsDocument(order: readonly SectionId[], options: { title?: string; closing?: string } = {}): string {
  const heading = (id: SectionId): string => canonicalHeading(SECTIONS.find((s) => s.id === id)!);
  const parts = [...(options.title ? [options.title] : []), ...order.map(heading), ...(options.closing ? [options.closing] : [])];
  return `${parts.join('\n\n')}\n`;
}

/**
 * Table 三 as a crawl writes it, one text node per line and no tabs: the header cells, then each row's
 * label and its numbers on lines of their own. `cells` gives each row's numbers as the page kept them (a
 * crawl that merges identical neighbours keeps fewer than seven).
 */
export function streamApplicationsTable(rows: ReadonlyArray<readonly [string, ReadonlyArray<number>]>): string {
  const header = [...applications.headerTexts, ...applications.groups.filter((g) => g.spansColumns).map((g) => g.label), ...applications.columns.map((c) => c.label)];
  const body = rows.flatMap(([id, cells]) => [label(id), ...cells.map(String)]);
  return [...header, ...body].join('\n');
}
