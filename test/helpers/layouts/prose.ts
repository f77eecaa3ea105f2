/**
 * The report's prose, drawn from the data: boilerplate of the kind real reports carry, and sentences
 * that state table figures in the wordings the text checks read (so a property test has something to
 * compare). Years are the report year only; other years would be findings of their own.
 */
import { FORMATS, SECTIONS, cjkNumeral, type FormatSpec, type ReportData } from '@nianbao/format';
import { chineseDate } from '@nianbao/generate';
import type { Rng } from './prng.js';

const total = (data: ReportData, row: string): number => data.tables.applications[row]?.['total'] ?? 0;

/** The 总计 of a Table 三 row group (不予公开 = Σ its eight rows), read from the format's groups. */
function groupTotal(format: FormatSpec, data: ReportData, group: string): number {
  return format.tables.applications.rows.filter((r) => r.group === group).reduce((n, r) => n + total(data, r.id), 0);
}

/** The agency as it speaks of itself: 我局, 我办, 本街道… */
function self(name: string): string {
  if (/办公室$/u.test(name)) return '我办';
  if (/局$/u.test(name)) return '我局';
  if (/委员会$/u.test(name)) return '我委';
  if (/街道办事处$/u.test(name)) return '本街道';
  if (/镇人民政府$/u.test(name)) return '我镇';
  if (/乡人民政府$/u.test(name)) return '我乡';
  return /区/u.test(name.slice(-6)) ? '我区' : /县/u.test(name.slice(-6)) ? '我县' : '我市';
}

export function preamble(data: ReportData, rng: Rng): string[] {
  const format = FORMATS[data.formatYear];
  const y = data.reportYear;
  const parts = SECTIONS.map((s) => s.title).join('、');
  const first = rng.chance(0.5)
    ? `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${format.notice}）要求，在总结${y}年政府信息公开工作的基础上编制，由${parts}六部分组成。`
    : `按照《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《中华人民共和国政府信息公开工作年度报告格式》（${format.notice}）有关要求，${data.agency.name}在总结${y}年政府信息公开工作的基础上，编制了本报告，由${parts}六部分组成。`;
  const period = `本报告中所列数据的统计期限为${chineseDate(data.period?.start)}至${chineseDate(data.period?.end)}。`;
  const c = data.contact;
  const details = c ? [c.address ? `地址：${c.address}` : '', c.postcode ? `邮编：${c.postcode}` : '', c.phone ? `电话：${c.phone}` : ''].filter(Boolean).join('；') : '';
  const contact = c?.unit ? `如对本报告有疑问，请与${c.unit}联系${details ? `（${details}）` : ''}。` : '';
  // Some reports put everything in one paragraph, others break after the period sentence.
  return rng.chance(0.5) ? [`${first}${period}${contact}`] : [`${first}${period}`, ...(contact ? [contact] : [])];
}

/** The sentence on requests in section 一（二）: a plain statement of the year's Table 三 totals. */
function requestsSentence(data: ReportData): string {
  const received = total(data, 'newReceived');
  const over = total(data, 'carriedOver');
  if (received + over === 0) return '本年度未收到政府信息公开申请。';
  return `本年度共收到政府信息公开申请${received}件，上年结转${over}件，办结${total(data, 'handledTotal')}件，结转下年度继续办理${total(data, 'carriedForward')}件。`;
}

function activeSentence(data: ReportData): string {
  const t = data.tables.activeDisclosure;
  const normative = data.formatYear === 2021 ? t['normativeDocuments']?.['issued'] : t['normativeDocuments']?.['newlyMade'];
  const label = FORMATS[data.formatYear].tables.activeDisclosure.rows.find((r) => r.id === 'normativeDocuments')!.label;
  return `全年${data.formatYear === 2021 ? '制发' : '新制作'}${label}${normative ?? 0}件，均按规定向社会公开。`;
}

const MANAGEMENT = ['严格落实信息发布审核制度，坚持“先审后发”，确保公开内容准确规范。', '定期开展规范性文件清理，及时调整主动公开目录。'];
const PLATFORMS = ['依托门户网站政府信息公开专栏，及时更新各类信息。', '充分发挥政务新媒体作用，拓宽信息发布渠道。'];
const OVERSIGHT = ['将政府信息公开工作纳入年度绩效考核，组织业务培训，提升工作人员业务能力。', '主动接受社会监督，认真听取群众意见建议。'];

export function overview(data: ReportData, rng: Rng): string[] {
  const us = self(data.agency.name ?? '');
  const [active, requests, management, platforms, oversight] = SECTIONS.find((s) => s.id === 'overview')!.subheads.map((h, i) => `（${cjkNumeral(i + 1)}）${h}。`);
  return [
    `${data.reportYear}年，${us}坚持以人民为中心的发展思想，认真贯彻落实《条例》，持续深化政务公开，推进政府信息公开工作规范化、标准化。`,
    `${active}${us}坚持“公开为常态、不公开为例外”，${activeSentence(data)}`,
    `${requests}${requestsSentence(data)}所有申请均在法定期限内答复。`,
    `${management}${rng.pick(MANAGEMENT)}`,
    `${platforms}${rng.pick(PLATFORMS)}`,
    `${oversight}${rng.pick(OVERSIGHT)}`,
  ];
}

/** The computed sentence over Table 三, in the wording the generator's template writes. */
export function applicationsSummary(data: ReportData): string {
  const format = FORMATS[data.formatYear];
  return `本年度新收政府信息公开申请${total(data, 'newReceived')}件，上年结转${total(data, 'carriedOver')}件；办结${total(data, 'handledTotal')}件，其中予以公开${total(data, 'disclosed')}件，部分公开${total(data, 'partiallyDisclosed')}件，不予公开${groupTotal(format, data, 'withheld')}件，无法提供${groupTotal(format, data, 'unavailable')}件，不予处理${groupTotal(format, data, 'notProcessed')}件；结转下年度继续办理${total(data, 'carriedForward')}件。`;
}

export function reviewSentences(data: ReportData): string[] {
  const t = data.tables.reviewLitigation;
  const review = t['review']?.['total'] ?? 0;
  const lawsuits = (t['litigationDirect']?.['total'] ?? 0) + (t['litigationAfterReview']?.['total'] ?? 0);
  if (review + lawsuits === 0) return ['本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。'];
  return [
    review > 0 ? `本年度因政府信息公开工作被申请行政复议${review}件，结果维持${t['review']?.['upheld'] ?? 0}件，结果纠正${t['review']?.['corrected'] ?? 0}件。` : '本年度未发生因政府信息公开工作被申请行政复议的情况。',
    lawsuits > 0 ? `因政府信息公开工作提起行政诉讼${lawsuits}件。` : '未发生因政府信息公开工作提起行政诉讼的情况。',
  ];
}

export function problems(data: ReportData, rng: Rng): string[] {
  const government = data.agency.kind === '人民政府' ? '同时，严格落实工作考核、社会评议和责任追究制度，本年度未发生责任追究情况。' : '';
  return [
    `（一）存在的主要问题。${rng.pick(['一是公开内容的深度和广度还需拓展；二是工作人员业务水平有待提高。', '政策解读形式较为单一，信息公开的及时性仍需加强。'])}`,
    `（二）改进情况。${rng.pick(['进一步健全信息公开工作机制，加强业务培训，提高公开质量。', '丰富政策解读形式，加强对公开工作的督促检查。'])}${government}`,
  ];
}

export function otherMatters(data: ReportData, rng: Rng): string[] {
  const fee = data.processingFee;
  if (fee?.collected) return [`本年度收取信息处理费${fee.amountYuan ?? 0}元。`];
  if (fee) return [rng.pick(['本年度未收取信息处理费。', '本年度无收取信息处理费情况。'])];
  return [rng.pick(['本年度没有需要特别说明的其他事项。', '本年度无需要特别说明的其他情况。'])];
}
