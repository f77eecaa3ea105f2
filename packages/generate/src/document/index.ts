export { layoutReport, type LayoutBlock, type LayoutOptions, type ReportLayout, type HeadingLevel, type LaidRun } from './layout.js';
export { layTable, columnWidths, type LaidCell, type LaidTable } from './tables.js';
export { layoutHtml, type HtmlOptions } from './html.js';
export { layoutDocx, tableTwips, TYPE_AREA_TWIPS, LINE_PITCH_TWIPS, type DocxOptions } from './docx.js';
export { DEFAULT_FONTS, FONT_ROLES, LATIN_FONTS, fontSet, isFontRole, parseFontSetting, type FontRole, type FontSet } from './fonts.js';
export { PAGE, SIZE_PT } from './page.js';
export { markdownRuns, joinLines, type Run } from './inline.js';
export { reportHtml, reportDocx, type DocumentOptions, type RenderedDocument } from './render.js';
