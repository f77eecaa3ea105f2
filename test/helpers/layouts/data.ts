/**
 * Random, valid report data for the property tests: a seeded draw of agency, year and every table cell,
 * with the totals computed by the generator's own validation (so the identities are the format's, not
 * re-typed here) and checked before the data is handed out.
 */
import {
  AGENCY_KIND_SPECS,
  FORMATS,
  agencyKindFromName,
  formatYearFor,
  REPORT_TITLE_WORDS,
  type CellValue,
  type FormatSpec,
  type FormatYear,
  type ReportData,
  type TableData,
  type TableSpec,
  type ValueKind,
} from '@nianbao/format';
import { validateReportData } from '@nianbao/generate';
import { Rng } from './prng.js';

export interface RandomReportOptions {
  formatYear?: FormatYear;
}

/** Report years the property tests cover: both formats, up to the latest published round. */
export const REPORT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

const PLACES = ['东阳市', '南平市', '青山区', '临江县', '安宁市', '白河县', '永和区', '西湖区', '长乐县', '清源市', '凤台县', '兴隆区'];
const DISTRICTS = ['城关区', '新华区', '河西区', '开发区', '高新区', '江北区'];
const STREETS = ['通达街道办事处', '全安街道办事处', '荣市街道办事处', '新兴街道办事处', '红旗镇人民政府', '柳溪乡人民政府', '石桥镇人民政府'];
const DEPARTMENTS = [
  '人民政府办公室',
  '市场监督管理局',
  '教育局',
  '财政局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '卫生健康委员会',
  '审计局',
  '司法局',
  '人力资源和社会保障局',
  '交通运输局',
];

/** An agency name of one of the three kinds; the kind is read back with the format's own rule. */
function agencyName(rng: Rng): string {
  const place = rng.pick(PLACES);
  const district = rng.chance(0.5) ? rng.pick(DISTRICTS) : '';
  switch (rng.int(0, 2)) {
    case 0:
      return `${place}${district}${rng.pick(DEPARTMENTS)}`;
    case 1:
      return district ? `${place}${district}人民政府` : `${place}人民政府`;
    default:
      return `${place}${district || '城关区'}${rng.pick(STREETS)}`;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A signature date after the year's end and on or before the kind's deadline (format.md §1). */
function publicationDate(rng: Rng, reportYear: number, deadline: { month: number; day: number }): string {
  const month = rng.int(1, deadline.month);
  const lastDay = month === deadline.month ? deadline.day : month === 2 ? 28 : 30;
  return `${reportYear + 1}-${pad2(month)}-${pad2(rng.int(month === 1 ? 5 : 1, lastDay))}`;
}

/** How busy the agency's disclosure desk is: many real tables are all zero, a few are large. */
type Scale = 'zero' | 'small' | 'large';

function drawScale(rng: Rng): Scale {
  const r = rng.next();
  return r < 0.3 ? 'zero' : r < 0.8 ? 'small' : 'large';
}

/** A value of the column's kind: counts mostly small, signed changes, amounts with decimals. */
function value(rng: Rng, kind: ValueKind, scale: Scale): number {
  switch (kind) {
    case 'count':
      return rng.count(scale);
    case 'signedCount':
      return scale === 'zero' || rng.chance(0.5) ? 0 : rng.int(-20, 30);
    case 'amountWan':
      // 万元 to the fen: 0, whole amounts, and amounts with one or two decimals.
      return scale === 'zero' || rng.chance(0.4) ? 0 : Math.round(rng.next() * (scale === 'large' ? 60000 : 50) * 100) / 100;
    case 'amountYuan':
      return scale === 'zero' || rng.chance(0.3) ? 0 : Math.round(rng.next() * (scale === 'large' ? 5e8 : 2e6) * 100) / 100;
  }
}

function activeDisclosure(rng: Rng, spec: TableSpec, scale: Scale): TableData {
  const table: TableData = {};
  for (const row of spec.rows) {
    const cells: Record<string, CellValue> = {};
    for (const id of row.columns) cells[id] = value(rng, spec.columns.find((c) => c.id === id)!.valueKind, rng.chance(0.3) ? 'zero' : scale);
    table[row.id] = cells;
  }
  return table;
}

/**
 * Table 三 without its totals. Per applicant column: new and carried-over requests, a few carried
 * forward, and the rest spread over the outcome rows the format's outcome identity names.
 */
function applications(rng: Rng, format: FormatSpec, scale: Scale): TableData {
  const spec = format.tables.applications;
  const identity = (rule: string) => format.identities.find((i) => i.table === 'applications' && i.rule === rule)!;
  const outcomes = identity('outcome-total');
  const balance = identity('balance');
  const [received, carriedOver] = balance.left.map((t) => t.ref) as [string, string];
  const carriedForward = balance.right[1]!.ref;
  const outcomeRows = outcomes.right.map((t) => t.ref);
  // Parts are the columns the row-total identity sums; the total column is left for validation to fill.
  const parts = identity('row-total').right.map((t) => t.ref);
  const table: TableData = Object.fromEntries(spec.rows.map((r) => [r.id, {} as Record<string, CellValue>]));
  // Most outcomes fall in a few rows; weights keep 予以公开 and 不掌握 common and the rest rare.
  const weights = outcomeRows.map((_, i) => (i === 0 ? 6 : i === 1 ? 2 : rng.chance(0.3) ? 1 : 0.1));
  parts.forEach((column, c) => {
    const columnScale: Scale = scale === 'zero' ? 'zero' : c === 0 ? scale : rng.chance(0.6) ? 'zero' : 'small';
    const n = rng.count(columnScale);
    const over = columnScale === 'zero' || rng.chance(0.7) ? 0 : rng.int(0, 3);
    const forward = n + over === 0 || rng.chance(0.7) ? 0 : rng.int(0, Math.min(3, n + over));
    const counts = outcomeRows.map(() => 0);
    const total = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < n + over - forward; k++) {
      let r = rng.next() * total;
      let i = 0;
      while (i < weights.length - 1 && r >= weights[i]!) r -= weights[i++]!;
      counts[i]!++;
    }
    table[received]![column] = n;
    table[carriedOver]![column] = over;
    table[carriedForward]![column] = forward;
    outcomeRows.forEach((row, i) => (table[row]![column] = counts[i]!));
  });
  return table;
}

/** Table 四: reviews and lawsuits are rare; their totals are computed. */
function reviewLitigation(rng: Rng, format: FormatSpec, scale: Scale): TableData {
  const spec = format.tables.reviewLitigation;
  const review = format.identities.filter((i) => i.table === 'reviewLitigation');
  const partsOf = new Map(review.flatMap((i) => (i.over ?? []).map((row) => [row, i.right.map((t) => t.ref)] as const)));
  const table: TableData = {};
  const busy = scale !== 'zero' && rng.chance(0.5);
  for (const row of spec.rows) {
    const parts = partsOf.get(row.id) ?? row.columns;
    table[row.id] = Object.fromEntries(parts.map((c) => [c, busy && rng.chance(0.4) ? rng.int(1, scale === 'large' ? 25 : 3) : 0]));
  }
  return table;
}

function contact(rng: Rng, name: string): ReportData['contact'] {
  if (rng.chance(0.25)) return null;
  return {
    unit: `${name}办公室`,
    address: `${rng.pick(['人民路', '建设大街', '中山路', '府前街'])}${rng.int(1, 299)}号`,
    postcode: String(rng.int(100000, 850000)),
    phone: `0${rng.int(10, 999)}-${rng.int(2000000, 89999999)}`,
  };
}

function processingFee(rng: Rng, format: FormatSpec): ReportData['processingFee'] {
  if (!format.feeStatementRequired) return rng.chance(0.5) ? null : { collected: false };
  // The fee is rarely charged; when it is, the text states it in whole yuan.
  return rng.chance(0.9) ? { collected: false } : { collected: true, amountYuan: rng.int(1, 400) };
}

/** A report year for the requested format, or any covered year. */
function reportYear(rng: Rng, formatYear: FormatYear | undefined): number {
  const years = REPORT_YEARS.filter((y) => formatYear === undefined || formatYearFor(y) === formatYear);
  return rng.pick(years);
}

/**
 * Valid report data for `seed`: schema-valid, totals computed, every identity holding. Throws if
 * validation finds a problem, so a generator bug fails loudly with its seed rather than as a lint finding.
 */
export function randomReport(seed: number, options: RandomReportOptions = {}): ReportData {
  const rng = new Rng(seed);
  const year = reportYear(rng, options.formatYear);
  const format = FORMATS[formatYearFor(year)];
  const name = agencyName(rng);
  const kind = agencyKindFromName(name);
  const scale = drawScale(rng);
  const tables = {
    activeDisclosure: activeDisclosure(rng.fork(1), format.tables.activeDisclosure, scale),
    applications: applications(rng.fork(2), format, scale),
    reviewLitigation: reviewLitigation(rng.fork(3), format, scale),
  };
  const raw: ReportData = {
    title: `${name}${year}年${REPORT_TITLE_WORDS}`,
    agency: { name, kind },
    reportYear: year,
    formatYear: format.year,
    citedNotice: format.notice,
    period: { start: `${year}-01-01`, end: `${year}-12-31`, text: `${year}年1月1日至${year}年12月31日` },
    publicationDate: publicationDate(rng, year, AGENCY_KIND_SPECS[kind].deadline),
    contact: contact(rng, name),
    processingFee: processingFee(rng, format),
    tables,
  };
  const checked = validateReportData(raw);
  if (!checked.data) throw new Error(`randomReport(${seed}) made invalid data: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.data;
}
