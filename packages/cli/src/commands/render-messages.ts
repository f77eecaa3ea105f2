/** The words of `nianbao render`, in the one message mechanism (a catalog built with the format's `catalog`). */
import { catalog, type Catalog } from '@nianbao/format';

export const RENDER_MESSAGES = {
  badTo: {
    zh: (a) => `不支持的输出：${a.value}。render 可输出 html（网页）或 docx（Word 文档），如 --to docx。`,
    en: (a) => `Unsupported output: ${a.value}. render writes html (a web page) or docx (a Word document), e.g. --to docx.`,
  },
  docxToStdout: {
    zh: 'Word 文档不能写到标准输出：请用 -o 指定文件名，如 -o 报告.docx。',
    en: 'A Word document cannot go to stdout: name a file with -o, e.g. -o report.docx.',
  },
  sameFile: {
    zh: (a) => `输出文件 ${a.output} 就是要转换的报告本身，没有写入（会覆盖原文）。请用 -o 指定另一个文件名。`,
    en: (a) => `The output ${a.output} is the report being rendered itself, and was not written (it would replace the original). Name another file with -o.`,
  },
  badFont: {
    zh: (a) => `--font ${a.message}`,
    en: (a) => `--font ${a.message}`,
  },
  asRead: {
    zh: (a) => `${a.file}：${a.table}有 ${a.rows} 行的数字无法确定所属的列，已按原文照录在标记的单元格中，没有推测各数的位置。请对照原文核实，或在原文中把这些行写成每格一个数后重新运行。`,
    en: (a) => `${a.file}: ${a.table} has ${a.rows} row(s) whose numbers could not be placed in their columns; they are copied as read into marked cells, without guessing where each belongs. Check them against the original, or write those rows one number per cell and run again.`,
  },
  lintErrors: {
    zh: (a) => `${a.file} 有 ${a.count} 个错误，照样写出了 ${a.output}。发布前请运行 nianbao lint ${a.file} 查看并改正。`,
    en: (a) => `${a.file} has ${a.count} error(s); ${a.output} was written all the same. Run nianbao lint ${a.file} to see and correct them before publishing.`,
  },
} satisfies Catalog;

export type RenderMessageId = keyof typeof RENDER_MESSAGES;

export const tr = catalog(RENDER_MESSAGES);
