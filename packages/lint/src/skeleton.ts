/**
 * Blank report parts written from the format data, for the rules that offer to insert what is missing
 * (section-missing, table-missing): a section's canonical heading and a table with its canonical labels
 * and blank cells, which the author then fills in.
 */
import { canonicalHeading, gridSlots, tableGrid, type SectionSpec, type TableSpec } from '@nianbao/format';

/** One GFM row; blank cells stay blank so that the table is filled in, not mistaken for zeros. */
function gfmRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

/**
 * A blank GFM table of the format's grid (`tableGrid`: the printed layout, merged cells flattened),
 * with the canonical labels and every number cell blank. Its first row is the GFM header row.
 */
export function tableSkeleton(spec: TableSpec): string {
  const grid = tableGrid(spec);
  const [head, ...rest] = gridSlots(grid);
  return [gfmRow(head ?? []), `|${' --- |'.repeat(grid.width)}`, ...rest.map(gfmRow)].join('\n');
}

/** A section's canonical heading (with the document's Markdown heading marker, if it uses one), and its blank table. */
export function sectionSkeleton(section: SectionSpec, table: TableSpec | undefined, markdownDepth: number | undefined): string {
  const marker = markdownDepth ? `${'#'.repeat(markdownDepth)} ` : '';
  const heading = `${marker}${canonicalHeading(section)}`;
  return table ? `${heading}\n\n${tableSkeleton(table)}` : heading;
}
