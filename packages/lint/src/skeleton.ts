/**
 * Blank report parts written from the format data, for the rules that offer to insert what is missing
 * (section-missing, table-missing): a section's canonical heading and a table with its canonical labels
 * (the group labels too, where the format's grid puts them) and blank cells, which the author then fills
 * in. A table is written in the layout of the file it goes into — GFM in Markdown, tab-separated rows
 * in plain text, as Word's export writes them — so that it reads back as a table of that file.
 */
import { canonicalHeading, gridSlots, tableGrid, type SectionSpec, type TableSpec } from '@nianbao/format';
import type { SourceLayout } from '@nianbao/parse';

/** One GFM row; blank cells stay blank so that the table is filled in, not mistaken for zeros. */
function gfmRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

/**
 * A blank table of the format's grid (`tableGrid`: the printed layout, merged cells flattened), with the
 * canonical labels and every number cell blank. In Markdown a GFM table whose first row is the header
 * row; in plain text one line per grid row, its cells separated by tabs (a blank cell is an empty field,
 * so every line has the grid's width).
 */
export function tableSkeleton(spec: TableSpec, layout: SourceLayout = 'markdown'): string {
  const grid = tableGrid(spec);
  const slots = gridSlots(grid);
  if (layout === 'text') return slots.map((row) => row.join('\t')).join('\n');
  const [head, ...rest] = slots;
  return [gfmRow(head ?? []), `|${' --- |'.repeat(grid.width)}`, ...rest.map(gfmRow)].join('\n');
}

/**
 * A section's canonical heading (with the document's Markdown heading marker, if it uses one), and its
 * blank table in the document's layout.
 */
export function sectionSkeleton(section: SectionSpec, table: TableSpec | undefined, markdownDepth: number | undefined, layout: SourceLayout = 'markdown'): string {
  const marker = markdownDepth ? `${'#'.repeat(markdownDepth)} ` : '';
  const heading = `${marker}${canonicalHeading(section)}`;
  return table ? `${heading}\n\n${tableSkeleton(table, layout)}` : heading;
}
