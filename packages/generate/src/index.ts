export { emptyReportData, nextYearData, type InitAgency } from './init.js';
export { generateReport, type GenerateOptions, type GenerateResult } from './generate.js';
export { validateReportData, type DataProblem, type ValidateOptions, type Validated } from './validate.js';
export { renderMarkdown, compileReport, chineseDate, gfmTable, RenderError, type CompiledReport } from './render.js';
export { loadTemplates, builtInTemplatesDir, TemplateError, type TemplateSet } from './templates.js';
export { renderHtml } from './html.js';
export { updateReport, type UpdateResult } from './update.js';
export { escapeMarkdown } from './escape.js';
export { reportView, type ReportView } from './view.js';
