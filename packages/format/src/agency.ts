import type { Localized } from './types.js';

/** The three kinds of agency whose deadlines differ (条例 第四十九条; format.md §1). */
export type AgencyKind = '部门' | '人民政府' | '乡镇街道';

export const AGENCY_KINDS: readonly AgencyKind[] = ['部门', '人民政府', '乡镇街道'];

export interface AgencyKindSpec {
  kind: AgencyKind;
  description: Localized;
  /** Publication deadline in the year after the report year, as month and day. */
  deadline: { month: number; day: number };
}

export const AGENCY_KIND_SPECS: Record<AgencyKind, AgencyKindSpec> = {
  部门: {
    kind: '部门',
    description: { zh: '政府部门（含人民政府办公室）', en: 'A government department (including a government office)' },
    deadline: { month: 1, day: 31 },
  },
  人民政府: {
    kind: '人民政府',
    description: { zh: '县级以上人民政府本级（汇总）报告', en: "A county-or-higher government's own (summary) report" },
    deadline: { month: 3, day: 31 },
  },
  乡镇街道: {
    kind: '乡镇街道',
    description: { zh: '乡镇人民政府、街道办事处（各地通知一般要求1月31日前）', en: 'A township or street office (local notices usually set 31 January)' },
    deadline: { month: 1, day: 31 },
  },
};

const TOWNSHIP = /(街道办事处|街道办|街道|乡人民政府|镇人民政府|[乡镇])$/u;
const GOVERNMENT = /(省|市|区|县|旗|州|盟)((人民)?政府)?$/u;

/**
 * The agency's kind read from its name, as format.md §1 says to when neither data nor config gives it:
 * a 区/县/市/省 (人民政府) as a whole is a government's own report; 街道/乡/镇 is 乡镇街道; anything else
 * (人民政府办公室 included) is a 部门.
 */
export function agencyKindFromName(name: string): AgencyKind {
  const compact = name.replace(/\s+/gu, '');
  if (TOWNSHIP.test(compact)) return '乡镇街道';
  if (/办公室$|局$|委员会$|委$|厅$|部$|署$|中心$|院$|所$|站$|办$/u.test(compact)) return '部门';
  if (GOVERNMENT.test(compact)) return '人民政府';
  return '部门';
}

/** The administrative level an agency's field covers, read from its name. */
export type AgencyArea = 'province' | 'city' | 'county' | 'township';

/** Zones whose level a name does not tell (a 综合实验区 may rank as a city, a 开发区 as a county or less). */
const UNTOLD_AREA = /(?:开发区|实验区|示范区|新区|高新区|园区|保税区|经济区|合作区|功能区|景区|试验区|管委会|管理委员会|社区|自治区)/u;

/** The innermost unit a name names: 街道/乡/镇, then 县/区/旗, then 市/州/盟, then 省. */
const AREAS: ReadonlyArray<{ area: AgencyArea; unit: RegExp }> = [
  { area: 'township', unit: /[\p{Script=Han}]{1,8}(?:街道|[乡镇])(?:办事处|人民政府|党工委|$|[^\p{Script=Han}])/u },
  { area: 'county', unit: /[\p{Script=Han}]{1,8}(?<!地)[县区旗](?!域|级)/u },
  { area: 'city', unit: /[\p{Script=Han}]{1,8}(?:[市州盟]|地区)(?!场|民|域|级)/u },
  { area: 'province', unit: /[\p{Script=Han}]{1,8}省/u },
];

/**
 * The level of the area an agency works for, from its name (`三明市人民政府` → city, `某某区卫生健康局`
 * → county, `某某街道办事处` → township), or undefined when the name does not say: a special zone
 * (`平潭综合实验区`), a provincial department without 省 in its name, a name without a place.
 */
export function agencyArea(name: string): AgencyArea | undefined {
  const compact = name.replace(/\s+/gu, '');
  if (compact === '' || UNTOLD_AREA.test(compact)) return undefined;
  return AREAS.find((a) => a.unit.test(compact))?.area;
}

/** The areas wider than an agency's own, as prose names them as a field (`全省`, `全市`…). */
export const WIDER_AREAS: Readonly<Record<AgencyArea, readonly string[]>> = {
  province: [],
  city: ['全省'],
  county: ['全省', '全市'],
  township: ['全省', '全市', '全区', '全县'],
};
