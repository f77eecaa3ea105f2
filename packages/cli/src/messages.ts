// The light entry: messages load with every command, the project layer only with those that lint or read.
import { catalog, FORMAT_2021, isLocale, tableName, type Catalog, type Locale, type MessageData } from '@nianbao/format';
import { fileTypeName } from '@nianbao/project/read-failure-text';
import { REPORT_EXTENSIONS } from '@nianbao/project/walk';

/** The CLI's words, in Chinese (the default) and English (`--locale en`). */
export type { Locale };

/** The report files nianbao reads, as a message lists them: `.md、.markdown、…` or `.md, .markdown, …`. */
export const REPORT_FILES = { zh: REPORT_EXTENSIONS.join('、'), en: REPORT_EXTENSIONS.join(', ') };

type Args = MessageData;

/** The cells `init` carries over from last year's report, named as the format names them. */
const APPLICATIONS = FORMAT_2021.tables.applications;
const ACTIVE = FORMAT_2021.tables.activeDisclosure;
const CARRIED_FORWARD = APPLICATIONS.rows.find((r) => r.id === 'carriedForward')!.label;
const IN_FORCE = ACTIVE.columns.find((c) => c.id === 'inForce')!.label;


/** A size as a message shows it: `64 MB`, `70.5 MB`, `512 KB`, `12 B`. */
export function formatSize(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  return `${bytes} B`;
}

/** The CLI's own words: each a function of its arguments (or a `{name}` template), in both languages. */
export const MESSAGES = {
  fileMissing: {
    zh: (a) => `找不到文件：${a.file}。请检查路径和文件名是否正确。`,
    en: (a) => `No such file: ${a.file}. Check the path and the file name.`,
  },
  isDirectory: {
    zh: (a) => `${a.file} 是一个文件夹。请指定一份报告文件（${REPORT_FILES.zh}）。`,
    en: (a) => `${a.file} is a folder. Name one report file (${REPORT_FILES.en}).`,
  },
  unreadable: {
    zh: (a) => `无法读取 ${a.file}：${a.reason}。请检查文件权限。`,
    en: (a) => `Cannot read ${a.file}: ${a.reason}. Check the file's permissions.`,
  },
  readProblem: {
    zh: (a) => `${a.file}：${a.zh}`,
    en: (a) => `${a.file}: ${a.en}`,
  },
  fixesNotApplied: {
    zh: (a) => `${a.file}：${a.count} 处可自动修复的问题未修改（${a.format} 文件不能自动修改），请在原文件中手工改正。`,
    en: (a) => `${a.file}: ${a.count} fixable finding(s) were not changed (a ${a.format} file cannot be edited automatically): correct them in the original by hand.`,
  },
  notText: {
    zh: (a) => `${a.file} 不是可以读取的报告文件。请提供 .docx、.pdf、网页（.html）、纯文本（.txt）或 Markdown（.md）文件。`,
    en: (a) => `${a.file} is not a report file nianbao can read. Provide a .docx, .pdf, web page (.html), plain text (.txt) or Markdown (.md) file.`,
  },
  notRegular: {
    zh: (a) => `${a.file} 不是普通文件，而是${fileTypeName(a.type).zh}：nianbao 只读取普通文件，没有打开它。请指定报告文件本身。`,
    en: (a) => `${a.file} is not a regular file but ${fileTypeName(a.type).en}: nianbao reads regular files only and did not open it. Name the report file itself.`,
  },
  linkOutside: {
    zh: (a) => `${a.file} 是一个符号链接，指向它所在的文件夹 ${a.folder} 之外的 ${a.target}，没有读取。如确要读取该文件，请直接指定 ${a.target}。`,
    en: (a) => `${a.file} is a symbolic link to ${a.target}, outside its folder ${a.folder}, and was not read. To read that file, name ${a.target} itself.`,
  },
  danglingLink: {
    zh: (a) => `${a.file} 是一个符号链接，它指向的 ${a.target} 不存在。请修正或删除这个链接。`,
    en: (a) => `${a.file} is a symbolic link to ${a.target}, which does not exist. Mend or remove the link.`,
  },
  tooLarge: {
    zh: (a) => `${a.file} 有 ${formatSize(Number(a.size))}，超过了 nianbao 读取的上限 ${formatSize(Number(a.limit))}，没有读取。报告通常只有几 MB 以内；含大量图片的 PDF 或 .docx 请压缩图片后再试。`,
    en: (a) => `${a.file} is ${formatSize(Number(a.size))}, over the ${formatSize(Number(a.limit))} nianbao reads, and was not read. A report is a few MB at most; compress the images of a PDF or .docx full of them and try again.`,
  },
  writeChanged: {
    zh: (a) => `${a.file} 在 nianbao 读取之后被改动过（大小、修改时间或内容已不同）：为免覆盖这些改动，没有写入。请保存好改动后重新运行。`,
    en: (a) => `${a.file} changed after nianbao read it (its size, time or content differ): it was not written, so that the change is not lost. Run again once the change is saved.`,
  },
  writeRemoved: {
    zh: (a) => `${a.file} 在 nianbao 读取之后被删除或替换了，没有写入。请确认该文件后重新运行。`,
    en: (a) => `${a.file} was removed or replaced after nianbao read it, and was not written. Check the file and run again.`,
  },
  writeReadOnly: {
    zh: (a) => `${a.file} 是只读文件，没有改动它。如确要修改，请先取消只读（如 chmod u+w ${a.file}）再运行。`,
    en: (a) => `${a.file} is read-only and was left as it is. To change it, make it writable first (e.g. chmod u+w ${a.file}) and run again.`,
  },
  writeDanglingLink: {
    zh: (a) => `${a.file} 是一个符号链接，它指向的 ${a.target} 不存在：nianbao 不会顺着它在别处新建文件，也不会替换这个链接（加 --force 也一样），没有写入。请直接写到 ${a.target}（先建好它所在的文件夹），或先删除这个链接。`,
    en: (a) => `${a.file} is a symbolic link to ${a.target}, which does not exist: nianbao neither creates a file elsewhere through it nor replaces the link (not with --force either), and wrote nothing. Write to ${a.target} itself (make its folder first), or remove the link.`,
  },
  writeNotRegular: {
    zh: (a) => `${a.file} 不是普通文件，而是${fileTypeName(a.type).zh}：nianbao 只写入普通文件，没有写入。要输出到标准输出，请用 -o -。`,
    en: (a) => `${a.file} is not a regular file but ${fileTypeName(a.type).en}: nianbao writes regular files only, and wrote nothing. For stdout, use -o -.`,
  },
  writeDirectory: {
    zh: (a) => `${a.file} 是一个文件夹，没有写入。请指定输出文件的名称。`,
    en: (a) => `${a.file} is a folder; nothing was written. Name the output file.`,
  },
  pairLine: {
    zh: (a) => `${a.file} ← ${a.previous}`,
    en: (a) => `${a.file} ← ${a.previous}`,
  },
  pairNone: {
    zh: (a) => `${a.file} ←（没有配对的上年报告）`,
    en: (a) => `${a.file} ← (no report of the year before paired)`,
  },
  previousSameFile: {
    zh: (a) => `--previous 指定的 ${a.file} 就是正在检查的报告本身：请指定本机关上一年度的报告。`,
    en: (a) => `--previous names ${a.file}, the report being checked itself: name the agency's report of the year before.`,
  },
  previousOtherAgency: {
    zh: (a) => `--previous 指定的 ${a.file} 是“${a.previousAgency}”的报告，而正在检查的是“${a.agency}”的报告：跨年度核对需要同一机关上一年度的报告。`,
    en: (a) => `--previous names ${a.file}, a report of ${a.previousAgency}, while the report checked is ${a.agency}'s: the cross-year checks need the same agency's report of the year before.`,
  },
  previousWrongYear: {
    zh: (a) => `--previous 指定的 ${a.file} 是 ${a.previousYear} 年度的报告，而正在检查的是 ${a.year} 年度的报告：请指定 ${a.expected} 年度的报告。`,
    en: (a) => `--previous names ${a.file}, a report for ${a.previousYear}, while the report checked is for ${a.year}: name the ${a.expected} report.`,
  },
  notAReport: {
    zh: (a) => `${a.file} 中没有找到政府信息公开工作年度报告：既没有报告标题，也没有“一、总体情况”等章节标题或表格。请确认这是年度报告正文。`,
    en: (a) => `${a.file} holds no annual report: no report title, no section headings such as 一、总体情况, no tables. Check that this is the report itself.`,
  },
  noYear: {
    zh: (a) => `${a.file}：无法确定报告年度，标题和统计期限中都没有年份。请在标题中写明年度，如“2023年政府信息公开工作年度报告”。`,
    en: (a) => `${a.file}: cannot tell the report year; neither the title nor the 统计期限 gives one. Put the year in the title, e.g. 2023年政府信息公开工作年度报告.`,
  },
  outputExists: {
    zh: (a) => `输出文件 ${a.file} 已存在，未作改动。如需覆盖，请加 --force。`,
    en: (a) => `The output file ${a.file} exists and was left as it is. Add --force to overwrite it.`,
  },
  outputFailed: {
    zh: (a) => `无法写入 ${a.file}：${a.reason}。请检查目录是否存在、是否有写入权限。`,
    en: (a) => `Cannot write ${a.file}: ${a.reason}. Check that the folder exists and is writable.`,
  },
  extractionIssues: {
    zh: (a) => `注意：${a.file} 中有 ${a.count} 处无法放入表格的内容，对应单元格为 null，详见输出中的 extractionIssues。`,
    en: (a) => `Note: ${a.count} places in ${a.file} could not be placed in the tables; their cells are null, see extractionIssues in the output.`,
  },
  wrote: {
    zh: (a) => `已写入 ${a.file}`,
    en: (a) => `Wrote ${a.file}`,
  },
  badLocale: {
    zh: (a) => `不支持的语言：${a.value}。可用：zh、en。`,
    en: (a) => `Unsupported locale: ${a.value}. Use zh or en.`,
  },
  unknownOption: {
    zh: (a) => `未知选项：${a.value}${a.hint ?? ''}。运行 nianbao --help 查看可用选项。`,
    en: (a) => `Unknown option: ${a.value}${a.hint ?? ''}. Run nianbao --help to see the options.`,
  },
  unknownCommand: {
    zh: (a) => `未知命令：${a.value}${a.hint ?? ''}。运行 nianbao --help 查看可用命令。`,
    en: (a) => `Unknown command: ${a.value}${a.hint ?? ''}. Run nianbao --help to see the commands.`,
  },
  missingArgument: {
    zh: (a) => `缺少参数：${a.value}。运行 nianbao ${a.command} --help 查看用法。`,
    en: (a) => `Missing argument: ${a.value}. Run nianbao ${a.command} --help for usage.`,
  },
  excessArguments: {
    zh: (a) => `参数过多。运行 nianbao ${a.command} --help 查看用法。`,
    en: (a) => `Too many arguments. Run nianbao ${a.command} --help for usage.`,
  },
  badArguments: {
    zh: (a) => `参数有误：${a.value}。运行 nianbao --help 查看用法。`,
    en: (a) => `Bad arguments: ${a.value}. Run nianbao --help for usage.`,
  },
  badFormat: {
    zh: (a) => `不支持的输出格式：${a.value}${a.suggestion ? `（是不是 ${a.suggestion}？）` : ''}。可用：${String(a.formats ?? 'stylish、json、sarif、github').split(',').join('、')}。`,
    en: (a) => `Unsupported format: ${a.value}${a.suggestion ? ` (did you mean ${a.suggestion}?)` : ''}. Use ${String(a.formats ?? 'stylish,json,sarif,github').split(',').join(', ')}.`,
  },
  badTo: {
    zh: (a) => `不支持的输出：${a.value}。可用：markdown、html。`,
    en: (a) => `Unsupported output: ${a.value}. Use markdown or html.`,
  },
  badNumber: {
    zh: (a) => `${a.option} 需要一个非负整数，收到的是“${a.value}”。`,
    en: (a) => `${a.option} takes a whole number of 0 or more, not “${a.value}”.`,
  },
  noReports: {
    zh: (a) => `在 ${a.paths} 中没有找到报告文件（${REPORT_FILES.zh}）。请指定报告文件或其所在的文件夹。`,
    en: (a) => `No report files (${REPORT_FILES.en}) in ${a.paths}. Name the reports or their folder.`,
  },
  tooManyWarnings: {
    zh: (a) => `提示数量超过了 --max-warnings 允许的 ${a.max} 个。`,
    en: (a) => `More warnings than --max-warnings allows (${a.max}).`,
  },
  badJson: {
    zh: (a) => `${a.file} 不是有效的 JSON（${a.reason}）。请改正该处后重试。`,
    en: (a) => `${a.file} is not valid JSON (${a.reason}). Correct it and try again.`,
  },
  dataInvalid: {
    zh: (a) => `${a.file} 中的数据有 ${a.count} 处问题（见上），未生成报告。`,
    en: (a) => `${a.file} has ${a.count} problems (above); no report was generated.`,
  },
  totalsComputed: {
    zh: (a) => `已计算 ${a.count} 个合计单元格。`,
    en: (a) => `Computed ${a.count} total cells.`,
  },
  templateError: {
    zh: (a) => `模板有误：${a.file}：${a.reason}`,
    en: (a) => `Template problem: ${a.file}: ${a.reason}`,
  },
  noMarkers: {
    zh: (a) => `${a.file} 中没有 nianbao 生成的表格标记（<!-- nianbao:table … -->），无法只更新表格。请用 nianbao generate 生成的报告，或不带 --update 重新生成。`,
    en: (a) => `${a.file} has no nianbao table markers (<!-- nianbao:table … -->), so its tables cannot be updated alone. Use a report nianbao generated, or generate anew without --update.`,
  },
  markersMissing: {
    zh: (a) => `注意：${a.file} 中缺少这些生成区域的标记，未更新：${a.regions}。`,
    en: (a) => `Note: ${a.file} lacks the markers of these regions, which were not updated: ${a.regions}.`,
  },
  updated: {
    zh: (a) => `已更新 ${a.file} 中的 ${a.count} 处表格和计算语句，其余文字未改动。`,
    en: (a) => `Updated ${a.count} tables and computed sentences in ${a.file}; the rest is unchanged.`,
  },
  internal: {
    zh: (a) => `nianbao 内部错误：${a.reason}。这是 nianbao 的缺陷，请附上所用文件报告给维护者。`,
    en: (a) => `nianbao internal error: ${a.reason}. This is a bug in nianbao; please report it with the file you used.`,
  },
  initBadYear: {
    zh: (a) => `--year 需要 2019 至 2100 之间的四位年份（如 2024），收到的是“${a.value}”。`,
    en: (a) => `--year takes a four-digit year from 2019 to 2100 (e.g. 2024), not “${a.value}”.`,
  },
  initBadKind: {
    zh: (a) => `--kind 只能是 部门、人民政府 或 乡镇街道，收到的是“${a.value}”。`,
    en: (a) => `--kind must be 部门, 人民政府 or 乡镇街道, not “${a.value}”.`,
  },
  initNeedsAgency: {
    zh: () => `没有 --from 时，请用 --agency 给出机关全称，如：nianbao init --year 2024 --agency "某某区人民政府办公室"。`,
    en: () => `Without --from, give the agency's full name with --agency, e.g. nianbao init --year 2024 --agency "某某区人民政府办公室".`,
  },
  initBadJson: {
    zh: (a) => `${a.file} 不是有效的 JSON：第 ${a.line} 行第 ${a.column} 列有语法错误（“${a.excerpt}”）。常见原因是多余或缺少的逗号、引号不成对。`,
    en: (a) => `${a.file} is not valid JSON: syntax error at line ${a.line}, column ${a.column} (“${a.excerpt}”). Look for a missing or extra comma or an unmatched quote.`,
  },
  initNotData: {
    zh: (a) => `${a.file} 不是年度报告数据：缺少 ${a.keys}。--from 需要上一年度的报告（${REPORT_FILES.zh}），或 nianbao extract、nianbao init 生成的数据文件（.json）。`,
    en: (a) => `${a.file} is not report data: it has no ${a.keys}. --from takes last year's report (${REPORT_FILES.en}) or a data file (.json) made by nianbao extract or nianbao init.`,
  },
  initDataYear: {
    zh: (a) => `${a.file} 中的 reportYear 应为报告年度（如 2023），实际是 ${a.value}。`,
    en: (a) => `reportYear in ${a.file} should be the report year (e.g. 2023), not ${a.value}.`,
  },
  initDataTables: {
    zh: (a) => `${a.file} 中的 tables 应为对象，按表（activeDisclosure、applications、reviewLitigation）、行、列给出单元格。`,
    en: (a) => `tables in ${a.file} should be an object holding the cells by table (activeDisclosure, applications, reviewLitigation), row and column.`,
  },
  initYearNotAfter: {
    zh: (a) => `--year ${a.year} 不在上一年度报告之后：${a.file} 是 ${a.previous} 年度的。请给出 ${a.next} 或更晚的年份。`,
    en: (a) => `--year ${a.year} is not after last year's report: ${a.file} is for ${a.previous}. Give ${a.next} or later.`,
  },
  initYearGap: {
    zh: (a) => `注意：${a.file} 是 ${a.previous} 年度的，不是 ${a.last} 年度的。上年结转和上年${IN_FORCE}无法从中得出，已留空（null），请依据 ${a.last} 年度报告填写。`,
    en: (a) => `Note: ${a.file} is for ${a.previous}, not ${a.last}. The numbers carried over from last year cannot come from it and are left blank (null); fill them in from the ${a.last} report.`,
  },
  initIssues: {
    zh: (a) => `注意：${a.file} 中有 ${a.count} 处内容无法读取：`,
    en: (a) => `Note: ${a.count} places in ${a.file} could not be read:`,
  },
  initIssueLine: {
    zh: (a) => `${a.file} 第 ${a.line} 行：${a.message}`,
    en: (a) => `${a.file} line ${a.line}: ${a.message}`,
  },
  initCarryBlank: {
    zh: (a) =>
      `以下上年数字未能从 ${a.file} 读出，已留空（null），请依据上一年度报告填写：${[
        a.carried ? `${tableName(APPLICATIONS, 'zh')}“${CARRIED_FORWARD}”的 ${a.carried} 列` : '',
        a.inForce ? `${tableName(ACTIVE, 'zh')}“${IN_FORCE}”的 ${a.inForce} 行` : '',
      ]
        .filter((s) => s !== '')
        .join('；')}。`,
    en: (a) =>
      `These numbers of last year could not be read from ${a.file} and are left blank (null); fill them in from last year's report: ${[
        a.carried ? `Table ${APPLICATIONS.numeral} row ${CARRIED_FORWARD}, columns ${a.carried}` : '',
        a.inForce ? `Table ${ACTIVE.numeral} ${IN_FORCE}, rows ${a.inForce}` : '',
      ]
        .filter((s) => s !== '')
        .join('; ')}.`,
  },
  initCarryComplete: {
    zh: () => `上年结转和上年${IN_FORCE}均已读出，不受上述问题影响。`,
    en: () => `The numbers carried over from last year were all read; the places above do not affect them.`,
  },
  initBlanks: {
    zh: (a) => `已生成 ${a.year} 年度的报告数据：${a.count} 个单元格留空（null），待填写。`,
    en: (a) => `Made the ${a.year} report data: ${a.count} cells are blank (null), to be filled in.`,
  },
  problemError: { zh: '错误', en: 'error' },
  problemWarning: { zh: '提示', en: 'warning' },
  suppressedTag: {
    zh: (a) => `[已忽略：${a.reason || '未说明理由'}]`,
    en: (a) => `[suppressed: ${a.reason || 'no reason given'}]`,
  },
  configProblem: {
    zh: (a) => `配置文件有误：${a.where}（${a.path}）${a.message}。请改正后重试。`,
    en: (a) => `Bad configuration: ${a.where} (${a.path}) ${a.message}. Correct it and try again.`,
  },
  skippedHeader: {
    zh: (a) => `跳过的文件（${a.count} 个）：`,
    en: (a) => `Files skipped (${a.count}):`,
  },
  skippedMore: {
    zh: (a) => `……另有 ${a.count} 个`,
    en: (a) => `… and ${a.count} more`,
  },
  skipLegacyWord: { zh: '旧版 Word 或 RTF 文件，请另存为 .docx 后再检查', en: 'an old Word or RTF file: save it as .docx' },
  skipWps: { zh: 'WPS 文件，请在 WPS 中另存为 .docx 后再检查', en: 'a WPS file: save it as .docx in WPS' },
  skipOfd: { zh: 'OFD 版式文件，请导出为 PDF 或 .docx 后再检查', en: 'an OFD file: export it as PDF or .docx' },
  skipOther: { zh: '不是报告文件的格式', en: 'not a report file format' },
  skipNotAReport: { zh: '读得出，但不是政府信息公开工作年度报告', en: 'readable, but not an annual report' },
  skipUnreadable: {
    zh: (a) => `无法读取${a.code ? `（${a.code}）` : ''}`,
    en: (a) => `could not be read${a.code ? ` (${a.code})` : ''}`,
  },
  skipNotRegular: {
    zh: (a) => `不是普通文件，而是${fileTypeName(a.type).zh}，没有打开`,
    en: (a) => `not a regular file but ${fileTypeName(a.type).en}; not opened`,
  },
  skipOutsideLink: {
    zh: (a) => `符号链接，指向所检查的文件夹之外（${a.target}），没有读取；如要检查，请直接指定该文件`,
    en: (a) => `a symbolic link out of the folder checked (to ${a.target}); not read: name that file itself to check it`,
  },
  skipDanglingLink: {
    zh: (a) => `符号链接，它指向的 ${a.target} 不存在`,
    en: (a) => `a symbolic link to ${a.target}, which does not exist`,
  },
  skipLinkLoop: { zh: '指向已检查过的文件夹的符号链接（循环或重复），没有再检查一遍', en: 'a symbolic link to a folder already checked (a loop or a repeat); not checked again' },
  skipTooLarge: {
    zh: (a) => `有 ${formatSize(Number(a.size))}，超过读取上限 ${formatSize(Number(a.limit))}，没有读取`,
    en: (a) => `${formatSize(Number(a.size))}, over the ${formatSize(Number(a.limit))} read at most; not read`,
  },
  skipNotText: {
    zh: '既不是文本，也不是 .docx 或 PDF（二进制内容），无法检查',
    en: 'neither text nor a .docx or PDF (binary content); cannot be checked',
  },
  worstHeader: { zh: '问题最多的文件：', en: 'Files with the most findings:' },
  worstFile: {
    zh: (a) => `${a.file}：错误 ${a.errors}，提示 ${a.warnings}`,
    en: (a) => `${a.file}: ${a.errors} errors, ${a.warnings} warnings`,
  },
  summarySuppressed: {
    zh: (a) => `；已按注释忽略 ${a.count} 个`,
    en: (a) => `; ${a.count} suppressed by comments`,
  },
  summarySkipped: {
    zh: (a) => `；跳过 ${a.count} 个文件`,
    en: (a) => `; skipped ${a.count} files`,
  },
  summary: {
    zh: (a) => `检查了 ${a.files} 个文件：错误 ${a.errors} 个，提示 ${a.warnings} 个，信息 ${a.info} 个${a.suppressed}${a.skipped}。`,
    en: (a) => `Checked ${a.files} files: ${a.errors} errors, ${a.warnings} warnings, ${a.info} info${a.suppressed}${a.skipped}.`,
  },
  // Folder runs and the command-line conventions of lint (issue 13).
  // `value`: one suggestion, or several separated by commas.
  didYouMean: {
    zh: (a) => `（是不是 ${String(a.value).split(',').join(' 或 ')}？）`,
    en: (a) => ` (did you mean ${String(a.value).split(',').join(' or ')}?)`,
  },
  optionMissingArgument: {
    zh: (a) => `选项 ${a.value} 需要一个值。运行 nianbao ${a.command} --help 查看用法。`,
    en: (a) => `Option ${a.value} needs a value. Run nianbao ${a.command} --help for usage.`,
  },
  missingMandatoryOption: {
    zh: (a) => `缺少必填的选项 ${a.value}。运行 nianbao ${a.command} --help 查看用法。`,
    en: (a) => `The option ${a.value} is required. Run nianbao ${a.command} --help for usage.`,
  },
  conflictingOption: {
    zh: (a) => `选项 ${a.value} 不能同时使用。`,
    en: (a) => `Options ${a.value} cannot be used together.`,
  },
  byRuleHeader: { zh: '按规则统计：', en: 'By rule:' },
  ruleColumn: { zh: '规则', en: 'rule' },
  filesColumn: { zh: '文件数', en: 'files' },
  skipIgnoredGroup: {
    zh: (a) => `${a.rule}：忽略 ${a.count} 项：${a.paths}`,
    en: (a) => `${a.rule}: ${a.count} ignored: ${a.paths}`,
  },
  ignoredByFile: {
    zh: (a) => `按 ${a.file} 第 ${a.line} 行“${a.pattern}”`,
    en: (a) => `by ${a.file} line ${a.line} “${a.pattern}”`,
  },
  ignoredByArgument: {
    zh: (a) => `按命令行的“!${a.pattern}”`,
    en: (a) => `by “!${a.pattern}” on the command line`,
  },
  stdinNotAlone: {
    zh: () => '“-”（从标准输入读取报告）只能单独使用，不能与其他文件或文件夹一起给出。',
    en: () => '“-” (read the report from stdin) stands alone: name no other files or folders with it.',
  },
  stdinFix: {
    zh: () => '--fix 不能用于标准输入（没有可以写回的文件）：请直接指定报告文件。',
    en: () => '--fix cannot be used with stdin (there is no file to write back to): name the report file.',
  },
  stdinFilenameAlone: {
    zh: () => '--stdin-filename 只在从标准输入读取（参数为“-”）时使用。',
    en: () => '--stdin-filename is for reading stdin (the argument “-”) only.',
  },
  stdinUnavailable: {
    zh: () => '无法读取标准输入。请用管道或重定向提供报告，如：cat 报告.md | nianbao lint - --stdin-filename 报告.md',
    en: () => 'Cannot read stdin. Pipe or redirect the report, e.g. cat report.md | nianbao lint - --stdin-filename report.md',
  },
  stdinName: { zh: '<标准输入>', en: '<stdin>' },
  badConcurrency: {
    zh: (a) => `--concurrency 应为 auto、off 或线程数（1 至 64），收到的是“${a.value}”。`,
    en: (a) => `--concurrency takes auto, off or a number of threads (1 to 64), not “${a.value}”.`,
  },
  cacheUnwritable: {
    zh: (a) => `注意：无法写入缓存 ${a.file}（${a.reason}），本次检查不受影响，但下次不能跳过未改动的文件。请检查该文件夹的权限，或用 --cache-location 另选位置。`,
    en: (a) => `Note: the cache ${a.file} cannot be written (${a.reason}); this run is not affected, but the next cannot skip unchanged files. Check the folder's permissions, or choose another with --cache-location.`,
  },
  progress: {
    zh: (a) => `检查中 ${a.bar} ${a.done}/${a.total} 个文件，问题 ${a.findings} 个${a.eta ? `，预计还需 ${a.eta}` : ''}`,
    en: (a) => `Checking ${a.bar} ${a.done}/${a.total} files, ${a.findings} findings${a.eta ? `, about ${a.eta} left` : ''}`,
  },
  seconds: {
    zh: (a) => (Number(a.minutes) > 0 ? `${a.minutes} 分 ${a.seconds} 秒` : `${a.seconds} 秒`),
    en: (a) => (Number(a.minutes) > 0 ? `${a.minutes} min ${a.seconds} s` : `${a.seconds} s`),
  },
  workerFailed: {
    zh: (a) => `nianbao 内部错误：检查线程意外退出（${a.reason}）。这是 nianbao 的缺陷，请报告给维护者；可暂用 --concurrency off 在单线程中检查。`,
    en: (a) => `nianbao internal error: a lint thread stopped unexpectedly (${a.reason}). This is a bug in nianbao; please report it. Meanwhile --concurrency off lints in one thread.`,
  },
} satisfies Catalog;

export type MessageId = keyof typeof MESSAGES;

/** A CLI text in the locale: `t(locale, 'wrote', { file })`. */
export const t = catalog(MESSAGES);

/** A failure the user can act on: printed as its message, never as a stack trace. Exit code 2. */
export class CliError extends Error {
  constructor(
    readonly id: MessageId,
    readonly args: Args = {},
    readonly exitCode = 2,
  ) {
    super(id);
  }
}

/** The locale asked for on the command line, read before parsing so that parse errors are localized too. */
export function localeFromArgs(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return 'zh';
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLocale(value) ? value : 'zh';
}
