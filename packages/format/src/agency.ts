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
