import { catalog, type Catalog } from '@nianbao/format';

/** The spreadsheet's and `extract`'s own words for folders (the cells' headings are the format's). */
const MESSAGES = {
  file: { zh: '文件', en: 'File' },
  errors: { zh: '错误数', en: 'Errors' },
  warnings: { zh: '提示数', en: 'Warnings' },
  sheetName: { zh: '{year}年格式', en: '{year} format' },
  jsonOneReport: {
    zh: 'JSON 输出只针对一份报告。多个文件或文件夹请用 --format csv 或 --format xlsx 汇总成表格。',
    en: 'JSON output is for one report. For several files or a folder use --format csv or --format xlsx.',
  },
  xlsxNeedsFile: {
    zh: 'xlsx 是二进制文件，不能输出到标准输出：请用 -o 指定文件名，如 -o 汇总.xlsx。',
    en: 'xlsx is a binary file and cannot go to stdout: name a file with -o, e.g. -o summary.xlsx.',
  },
  csvNeedsFile: {
    zh: '这些报告用了两种格式（{years}），每种格式一个 csv 文件：请用 -o 指定文件名，如 -o 汇总.csv（写成 汇总-2021.csv、汇总-2019.csv）。',
    en: 'These reports follow two formats ({years}), one csv file each: name the file with -o, e.g. -o summary.csv (written as summary-2021.csv, summary-2019.csv).',
  },
  skipped: { zh: '跳过 {file}：{reason}', en: 'Skipped {file}: {reason}' },
  extracted: {
    zh: '提取了 {reports} 份报告（{years}）{skipped}。',
    en: 'Extracted {reports} reports ({years}){skipped}.',
  },
  yearCount: { zh: '{year}年格式 {count} 份', en: '{year} format: {count}' },
  skippedCount: { zh: '，跳过 {count} 个文件', en: ', skipped {count} files' },
  noYear: { zh: '无法确定报告年度', en: 'no report year could be found' },
} satisfies Catalog;

export const st = catalog(MESSAGES);
