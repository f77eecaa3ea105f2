/**
 * The report as a standalone web page: one file, its style inline, no script, no font or image fetched
 * (a government site publishes it as it is, and it prints as the 公文 does). Tables keep the format's merged
 * cells (`rowspan`/`colspan`), numbers centred; the 落款 and date stand on the right; printing gives A4 with
 * the 公文 margins, `— 1 —` page numbers and tables kept on one page where they fit.
 */
import { fontSet, LATIN_FONTS, type FontRole, type FontSet } from './fonts.js';
import type { LaidRun, LayoutBlock, ReportLayout } from './layout.js';
import { PAGE, SIZE_PT } from './page.js';
import type { LaidCell, LaidTable } from './tables.js';

export interface HtmlOptions {
  fonts?: Partial<Record<FontRole, readonly string[]>>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/gu, (c) => ESCAPES[c]!);

const GENERIC: Record<FontRole, string> = { title: 'serif', heading: 'sans-serif', subheading: 'serif', body: 'serif', table: 'serif', pageNumber: 'serif' };

/** A CSS font stack: Latin digits in Times New Roman first (as 公文 set them), then the role's fonts. */
function stack(fonts: FontSet, role: FontRole): string {
  const names = role === 'body' || role === 'table' || role === 'pageNumber' ? [...LATIN_FONTS, ...fonts[role]] : fonts[role];
  // A name cannot close the string or the style element (a caller's setting is not trusted).
  return [...names.map((n) => `"${n.replace(/["\\<>;{}]/gu, '')}"`), GENERIC[role]].join(', ');
}

function style(fonts: FontSet): string {
  const m = PAGE.marginMm;
  const line = `${((PAGE.typeAreaMm.height / PAGE.linesPerPage / 25.4) * 72).toFixed(2)}pt`;
  return `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${stack(fonts, 'pageNumber')}; font-size: ${SIZE_PT.size4}pt; } }
html { background: #eee; }
body { margin: 0; color: #000; }
.report { box-sizing: content-box; width: ${PAGE.typeAreaMm.width}mm; margin: 1.5em auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff;
  font-family: ${stack(fonts, 'body')}; font-size: ${SIZE_PT.size3}pt; line-height: ${line}; text-align: justify; }
.report h1 { font-family: ${stack(fonts, 'title')}; font-size: ${SIZE_PT.size2}pt; font-weight: normal; line-height: 1.45; text-align: center; margin: 0 0 ${line}; }
.report h2, .report h3, .report h4 { font-size: ${SIZE_PT.size3}pt; font-weight: normal; margin: 0; text-indent: 2em; }
.report h2 { font-family: ${stack(fonts, 'heading')}; }
.report h3, .report .lead-2 { font-family: ${stack(fonts, 'subheading')}; }
.report h4, .report .lead-3 { font-weight: bold; }
.report p { margin: 0; text-indent: 2em; }
.report p.right { text-align: right; text-indent: 0; padding-right: 4em; }
.report p.note { font-size: ${SIZE_PT.size5}pt; line-height: 1.5; text-indent: 0; margin: 0 0 0.5em; }
.report a { color: inherit; }
.report table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.4em 0 0.8em; font-family: ${stack(fonts, 'table')}; line-height: 1.3; text-indent: 0;
  break-inside: avoid; page-break-inside: avoid; }
.report table.size5 { font-size: ${SIZE_PT.size5}pt; }
.report table.size5Small { font-size: ${SIZE_PT.size5Small}pt; }
.report th, .report td { border: 1px solid #000; padding: 0.25em 0.2em; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
.report th.label { text-align: left; }
.report td.value { text-align: center; font-variant-numeric: tabular-nums; }
.report td.as-read { background: #fff2bf; outline: 2px dashed #a15c00; outline-offset: -3px; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; page-break-inside: avoid; }
@media screen and (max-width: 820px) {
  .report { width: auto; margin: 0; padding: 1.2em 0.8em; font-size: 12pt; line-height: 1.8; }
  .report h1 { font-size: 17pt; }
  .report h2, .report h3, .report h4 { font-size: 12pt; }
}
@media print {
  html { background: none; }
  .report { width: auto; margin: 0; padding: 0; }
  .report h2, .report h3 { break-after: avoid; page-break-after: avoid; }
}
`;
}

function runHtml(run: LaidRun): string {
  const text = escapeHtml(run.text);
  const inner = run.strong ? `<strong>${text}</strong>` : text;
  const linked = run.href ? `<a href="${escapeHtml(run.href)}">${inner}</a>` : inner;
  return run.lead ? `<span class="lead-${run.lead}">${linked}</span>` : linked;
}

function cellHtml(cell: LaidCell): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  if (cell.role !== 'value') return `<th class="${cell.role}"${cell.role === 'label' ? ' scope="row"' : ''}${spans}>${escapeHtml(cell.text)}</th>`;
  const data = `${cell.row !== undefined ? ` data-row="${escapeHtml(cell.row)}"` : ''}${cell.column !== undefined ? ` data-column="${escapeHtml(cell.column)}"` : ''}`;
  return `<td class="value${cell.asRead ? ' as-read' : ''}"${data}${spans}>${escapeHtml(cell.text)}</td>`;
}

function tableHtml(table: LaidTable): string {
  const total = table.widthsMm.reduce((a, b) => a + b, 0);
  const cols = table.widthsMm.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const row = (cells: LaidCell[]): string => `<tr>${cells.map(cellHtml).join('')}</tr>`;
  const head = table.rows.slice(0, table.headerRows);
  const body = table.rows.slice(table.headerRows);
  return [
    `<table class="${table.textSize}" data-table="${table.id}" data-format="${table.formatYear}">`,
    `<colgroup>${cols}</colgroup>`,
    head.length > 0 ? `<thead>\n${head.map(row).join('\n')}\n</thead>` : '',
    `<tbody>\n${body.map(row).join('\n')}\n</tbody>`,
    '</table>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

function blockHtml(block: LayoutBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p${block.align === 'right' ? ' class="right"' : ''}>${block.runs.map(runHtml).join('')}</p>`;
    case 'table':
      return tableHtml(block.table);
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
  }
}

/** The page of a laid-out report. */
export function layoutHtml(layout: ReportLayout, options: HtmlOptions = {}): string {
  const fonts = fontSet(options.fonts);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nianbao">
<title>${escapeHtml(layout.title)}</title>
<style>${style(fonts)}</style>
</head>
<body>
<main class="report">
${layout.blocks.map(blockHtml).join('\n')}
</main>
</body>
</html>
`;
}
