import { catalog } from '@nianbao/format';

/** The server's own texts (the findings' texts come from the rules), in both languages: `{name}` templates. */
const MESSAGES = {
  configError: {
    zh: '配置文件有误：{where}（{path}）{message}。改正后本文件将重新检查。',
    en: 'Bad configuration: {where} ({path}) {message}. The file is checked again once it is corrected.',
  },
  previousUnreadable: {
    zh: '无法读取上年报告 {file}（{reason}）：本次未做跨年度检查。请检查设置 nianbao.previousReport 或配置文件中的 previousReport。',
    en: "Cannot read last year's report {file} ({reason}); the cross-year checks were not done. Check the nianbao.previousReport setting or previousReport in the configuration.",
  },
  previousSameFile: {
    zh: '上年报告 {file} 就是这份报告本身：本次未做跨年度检查。请在 nianbao.previousReport 或 previousReport 中指定本机关上一年度的报告。',
    en: "Last year's report {file} is this report itself; the cross-year checks were not done. Name the agency's report of the year before in nianbao.previousReport or previousReport.",
  },
  previousOtherAgency: {
    zh: '上年报告 {file} 是“{previousAgency}”的，而这份是“{agency}”的：本次未做跨年度检查。请指定同一机关上一年度的报告。',
    en: "Last year's report {file} is {previousAgency}'s, this one {agency}'s; the cross-year checks were not done. Name the same agency's report of the year before.",
  },
  previousWrongYear: {
    zh: '上年报告 {file} 是 {previousYear} 年度的，而这份是 {year} 年度的：本次未做跨年度检查。请指定 {expected} 年度的报告。',
    en: "Last year's report {file} is for {previousYear}, this one for {year}; the cross-year checks were not done. Name the {expected} report.",
  },
  previousNotReport: {
    zh: '上年报告 {file} 看起来不是年度报告：本次未做跨年度检查。',
    en: "Last year's report {file} does not read as an annual report; the cross-year checks were not done.",
  },
  tooLarge: {
    zh: '文件太大（{size} 个字符，编辑器内检查上限为 {limit}），未作检查。请用命令行 nianbao lint 检查它。',
    en: 'The file is too large ({size} characters; the editor checks up to {limit}) and was not checked. Use `nianbao lint` on the command line.',
  },
  crashed: {
    zh: 'nianbao 检查本文件时出错（{reason}）。这是 nianbao 的缺陷，请报告给维护者。',
    en: 'nianbao failed while checking this file ({reason}). This is a bug in nianbao; please report it.',
  },
  lintWorkerLost: {
    zh: 'nianbao 检查本文件的后台线程意外退出（{reason}），未能完成检查：文件可能过大或过于复杂。可用命令行 nianbao lint 检查它。',
    en: 'The background thread checking this file stopped ({reason}) before it finished: the file may be too large or too complex. Use `nianbao lint` on the command line.',
  },
  tooManyProblems: {
    zh: '另有 {more} 个问题未列出（编辑器内每个文件最多列出 {limit} 个）。请用命令行 nianbao lint 查看全部。',
    en: '{more} more problems are not listed (the editor lists up to {limit} per file). Use `nianbao lint` on the command line to see them all.',
  },
  closedFileUnreadable: {
    zh: '未检查 {file}：{reason}',
    en: 'Not checked: {file}: {reason}',
  },
  notInitialized: {
    zh: '语言服务器尚未初始化，不能处理 {method}：请先发送 initialize 请求。',
    en: 'The server is not initialized and cannot serve {method}: send initialize first.',
  },
  afterShutdown: {
    zh: '语言服务器已收到 shutdown，不再处理 {method}：只接受 exit 通知。',
    en: 'The server has been shut down and no longer serves {method}: only the exit notification is accepted.',
  },
  initializedTwice: {
    zh: '语言服务器已经初始化：initialize 只能发送一次。',
    en: 'The server is already initialized: initialize may be sent only once.',
  },
  framingExit: {
    zh: '语言服务器收到无法按协议读取的数据（{reason}），之后的消息无法再分辨，服务器以退出码 {code} 退出，以便编辑器重新启动它。',
    en: 'The language server received data it cannot read as protocol messages ({reason}); no later message can be told apart, so it exits with code {code} for the editor to restart it.',
  },
  framingNoLength: { zh: '消息头中没有 Content-Length', en: 'a header without Content-Length' },
  framingBadLength: { zh: 'Content-Length 的值“{value}”不是非负整数', en: 'Content-Length “{value}” is not a non-negative integer' },
  framingTooLong: { zh: 'Content-Length 为 {length} 字节，超过上限 {limit} 字节', en: 'Content-Length of {length} bytes, above the limit of {limit}' },
  framingNoHeader: { zh: '{bytes} 字节中没有完整的消息头（上限 {limit} 字节）', en: 'no complete header in {bytes} bytes (the limit is {limit})' },
  framingBadHeader: { zh: '消息头行“{line}”不是“名称: 值”的形式', en: 'a header line “{line}” that is not “name: value”' },
  framingStalled: { zh: '一条消息在 {seconds} 秒内没有收完', en: 'a message left incomplete for {seconds} seconds' },
  fixAll: { zh: '修复全部 nianbao 问题', en: 'Fix all nianbao problems' },
  fixInsert: { zh: '插入“{text}”', en: 'Insert “{text}”' },
  fixDelete: { zh: '删除“{old}”', en: 'Delete “{old}”' },
  fixReplace: { zh: '把“{old}”改为“{text}”', en: 'Replace “{old}” with “{text}”' },
  suppressLine: { zh: '在本行忽略 {rule}（需写明理由）', en: 'Suppress {rule} on this line, with a reason' },
  suppressTable: { zh: '在本表忽略 {rule}（需写明理由）', en: 'Suppress {rule} in this table, with a reason' },
  reasonLabel: { zh: '理由：', en: 'reason: ' },
  reasonPlaceholder: { zh: '…', en: '…' },
  hoverIdentity: { zh: '勾稽关系', en: 'Identity' },
  hoverSum: { zh: '计算结果', en: 'Computed' },
  hoverWritten: { zh: '表中所填', en: 'Written' },
  hoverDifference: { zh: '差额', en: 'Difference' },
  hoverHolds: { zh: '✓ 相符', en: '✓ holds' },
  hoverFails: { zh: '✗ 不相符', en: '✗ does not hold' },
  hoverUnreadable: { zh: '有单元格不是数字，无法计算', en: 'some cells hold no number; cannot compute' },
  inlayTotal: { zh: 'Σ {sum}', en: 'Σ {sum}' },
  inlayRowTotal: { zh: '行 Σ {sum}', en: 'row Σ {sum}' },
  inlayColumnTotal: { zh: '列 Σ {sum}', en: 'column Σ {sum}' },
  inlayBlankTotal: { zh: '总计格空白：各分项之和为 **{sum}**', en: 'The total is blank: its addends sum to **{sum}**' },
  statusErrors: { zh: '{errors} 个错误 · {formatYear} 版格式', en: '{errors} errors · {formatYear} format' },
  statusNoErrors: { zh: '无错误 · {formatYear} 版格式', en: 'No errors · {formatYear} format' },
  statusReportYear: { zh: '{year} 年度报告。', en: 'The {year} report. ' },
  statusTooltip: {
    zh: '按{notice}的格式检查：{errors} 个错误，{warnings} 个警告。点击打开“问题”面板。',
    en: 'Checked against the format of {notice}: {errors} errors, {warnings} warnings. Click to open the Problems panel.',
  },
  hoverAddend: { zh: '分项', en: 'Addend' },
  hoverValue: { zh: '数值', en: 'Value' },
  hoverLastYear: { zh: '上年', en: "last year's " },
  hoverCanonical: { zh: '规范写法', en: 'Canonical label' },
  hoverSectionMust: { zh: '本部分应写明', en: 'This section must contain' },
  tableName: { zh: '表{numeral}', en: 'Table {numeral}' },
} as const;

export type MessageId = keyof typeof MESSAGES;

/** A server text in the locale, with `{name}` placeholders filled: `t(locale, 'tooLarge', { size, limit })`. */
export const t = catalog(MESSAGES);
