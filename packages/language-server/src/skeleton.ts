import { canonicalHeading, type SectionSpec, type TableSpec } from '@nianbao/format';

/** One GFM row; blank cells stay blank so that the table is filled in, not mistaken for zeros. */
function gfmRow(cells: readonly string[], width: number): string {
  const padded = [...cells];
  while (padded.length < width) padded.push('');
  return `| ${padded.map((c) => c || ' ').join(' | ')} |`;
}

const separator = (width: number): string => `|${' --- |'.repeat(width)}`;

/** Table 二: each block with its own header row (第二十条第（x）项 / 信息内容 | columns), then its rows. */
function blocksTable(spec: TableSpec): string[] {
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const label = (id: string): string => spec.columns.find((c) => c.id === id)?.label ?? id;
  const lines: string[] = [];
  for (const block of spec.blocks) {
    lines.push(gfmRow([block.label], width));
    if (lines.length === 1) lines.push(separator(width));
    lines.push(gfmRow([spec.headerTexts[0] ?? '', ...block.columns.map(label)], width));
    for (const rowId of block.rows) {
      const row = spec.rows.find((r) => r.id === rowId);
      if (row) lines.push(gfmRow([row.label], width));
    }
  }
  return lines;
}

/** Table 三: the applicant columns across, one row per quantity with its official numbering. */
function matrixTable(spec: TableSpec): string[] {
  const width = spec.columns.length + 1;
  return [gfmRow(['', ...spec.columns.map((c) => c.label)], width), separator(width), ...spec.rows.map((r) => gfmRow([r.label], width))];
}

/** Table 四: three header rows (review, lawsuits, outcomes), then the one data row of every cell. */
function singleRowTable(spec: TableSpec): string[] {
  const outcomes = spec.columns.map((c) => c.label);
  const cells = spec.rows.reduce((n, r) => n + r.columns.length, 0);
  const [first, ...lawsuits] = spec.rows;
  const group = spec.groups[0]?.label ?? '';
  const width = cells;
  const blanks = (n: number): string[] => Array.from({ length: Math.max(0, n) }, () => '');
  const top = [first?.label ?? '', ...blanks(outcomes.length - 1), group, ...blanks(width - outcomes.length - 1)];
  const middle = [...outcomes, ...lawsuits.flatMap((r) => [r.label, ...blanks(outcomes.length - 1)])];
  const bottom = [...blanks(outcomes.length), ...lawsuits.flatMap(() => outcomes)];
  return [gfmRow(top, width), separator(width), gfmRow(middle, width), gfmRow(bottom, width), gfmRow([], width)];
}

/** A blank GFM table laid out as the format's table spec says, with the canonical labels. */
export function tableSkeleton(spec: TableSpec): string {
  const lines = spec.layout === 'blocks' ? blocksTable(spec) : spec.layout === 'matrix' ? matrixTable(spec) : singleRowTable(spec);
  return lines.join('\n');
}

/** A section's canonical heading (with the document's Markdown heading marker, if it uses one), and its blank table. */
export function sectionSkeleton(section: SectionSpec, table: TableSpec | undefined, markdownDepth: number | undefined): string {
  const marker = markdownDepth ? `${'#'.repeat(markdownDepth)} ` : '';
  const heading = `${marker}${canonicalHeading(section)}`;
  return table ? `${heading}\n\n${tableSkeleton(table)}` : heading;
}
