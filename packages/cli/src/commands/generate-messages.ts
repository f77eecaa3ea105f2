// The words of `generate` and `init` about data files and templates, built with the format's catalog
// like the CLI's messages.ts (kept beside the two commands, the only ones that say them).
import { catalog, type Catalog } from '@nianbao/format';

export const DATA_MESSAGES = {
  dataNotText: {
    zh: (a) => `${a.file} 不是文本文件，读不出 JSON 数据。请提供 nianbao init 或 nianbao extract 生成的 .json 数据文件（UTF-8、UTF-16 或 GBK 编码的文本）。`,
    en: (a) => `${a.file} is not a text file; no JSON data can be read from it. Give a .json data file made by nianbao init or nianbao extract (UTF-8, UTF-16 or GBK text).`,
  },
  dataProblem: {
    zh: (a) => `${a.where}: ${a.level} ${a.path}：${a.message}`,
    en: (a) => `${a.where}: ${a.level} ${a.path}: ${a.message}`,
  },
  updateWithHtml: {
    zh: () => `--update 只更新 Markdown 报告中生成的表格和计算语句，不能与 --to html 一起使用。要由数据生成网页，请去掉 --update（nianbao generate 数据.json --to html -o 报告.html）；要把写好正文的报告转成网页，请用 nianbao render 报告.md --to html。`,
    en: () => `--update refreshes the generated tables and sentences of a Markdown report and cannot be combined with --to html. For a page from the data, leave out --update (nianbao generate data.json --to html -o report.html); for a page from the written report, use nianbao render report.md --to html.`,
  },
  markersBroken: {
    zh: (a) => `${a.file} 中有 ${a.count} 处生成区域的标记不成对，为免替换掉作者写的文字，没有改动这份报告：`,
    en: (a) => `${a.count} markers of generated regions in ${a.file} have no partner; so as not to replace the author's text, the report was left as it is:`,
  },
  markerNoEnd: {
    zh: (a) => `  ${a.file}:${a.line}:${a.column}: ${a.marker} 没有结束标记 <!-- /nianbao:${a.kind} -->：请在该区域末尾补上（或删去这个开始标记，这一区域就不再更新）。`,
    en: (a) => `  ${a.file}:${a.line}:${a.column}: ${a.marker} has no end marker <!-- /nianbao:${a.kind} -->: add it where the region ends (or remove the start marker and the region is no longer updated).`,
  },
  markerNoStart: {
    zh: (a) => `  ${a.file}:${a.line}:${a.column}: ${a.marker} 前面没有与之对应的开始标记：请补上开始标记或删去它。`,
    en: (a) => `  ${a.file}:${a.line}:${a.column}: ${a.marker} has no start marker before it: add the start marker or remove this one.`,
  },
  templateReplaces: {
    zh: (a) => `模板：使用 ${a.file}（替换内置的 ${a.builtIn}）`,
    en: (a) => `Templates: using ${a.file} (in place of the built-in ${a.builtIn})`,
  },
  templateOwn: {
    zh: (a) => `模板：使用 ${a.file}（新增的局部模板，内置模板中没有同名文件）${a.similar ? `。若是要替换内置的 ${a.similar}，请改成同样的文件名` : ''}`,
    en: (a) => `Templates: using ${a.file} (a partial of your own; no built-in file has its name)${a.similar ? `. To replace the built-in ${a.similar}, give it the same name` : ''}`,
  },
  templateShadowed: {
    zh: (a) => `注意：模板 ${a.file} 没有使用，同一位置用的是 ${a.by}（年份文件夹优先于 shared/，shared/ 优先于直接放在模板目录中的文件）。`,
    en: (a) => `Note: the template ${a.file} is not used; ${a.by} takes its place (a year's folder comes before shared/, shared/ before files straight in the folder).`,
  },
  templateMisplaced: {
    zh: (a) => `注意：模板 ${a.file} 不在模板目录的结构中，没有使用。模板目录与内置的 templates/ 结构相同：report.md.hbs 和 partials/*.hbs 放在 shared/（两种格式共用）或 ${a.year}/（${a.year} 年格式）中，也可以直接放在模板目录里。`,
    en: (a) => `Note: the template ${a.file} is outside the folder's layout and not used. The folder is laid out as the built-in templates/: report.md.hbs and partials/*.hbs in shared/ (both formats) or ${a.year}/ (the ${a.year} format), or straight in the folder.`,
  },
} satisfies Catalog;

/** A data or template message in the locale. */
export const tData = catalog(DATA_MESSAGES);
