import type { FormatYear, Identity, IdentityTerm } from './types.js';

const rows = (...ids: string[]): IdentityTerm[] => ids.map((ref) => ({ ref }));

const OUTCOME_ROWS_COMMON = [
  'disclosed',
  'partiallyDisclosed',
  'withheldStateSecret',
  'withheldProhibitedByLaw',
  'withheldSecurityStability',
  'withheldThirdParty',
  'withheldInternalAffairs',
  'withheldProcess',
  'withheldEnforcementFile',
  'withheldQuery',
  'unavailableNotHeld',
  'unavailableNeedsCreation',
  'unavailableUnclear',
  'notProcessedComplaint',
  'notProcessedRepeated',
  'notProcessedPublication',
  'notProcessedExcessive',
  'notProcessedConfirmation',
];

/** Every 勾稽关系 of format.md §6, for the given format. */
export function identitiesFor(year: FormatYear): Identity[] {
  const outcomeRows = [
    ...OUTCOME_ROWS_COMMON,
    ...(year === 2021 ? ['otherNoCorrection', 'otherUnpaidFee', 'otherOther'] : ['otherHandling']),
  ];
  const identities: Identity[] = [
    {
      id: 'T3-balance',
      rule: 'balance',
      severity: 'error',
      table: 'applications',
      per: 'column',
      left: rows('newReceived', 'carriedOver'),
      right: rows('handledTotal', 'carriedForward'),
      description: {
        zh: '表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理',
        en: 'Table 3, each column: received + carried over = handled total + carried forward',
      },
    },
    {
      id: 'T3-row-total',
      rule: 'row-total',
      severity: 'error',
      table: 'applications',
      per: 'row',
      left: [{ ref: 'total' }],
      right: rows('naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other'),
      description: {
        zh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
        en: 'Table 3, each row: total = the sum of the six applicant columns',
      },
    },
    {
      id: 'T3-outcomes',
      rule: 'outcome-total',
      severity: 'error',
      table: 'applications',
      per: 'column',
      left: rows('handledTotal'),
      right: rows(...outcomeRows),
      description: {
        zh:
          year === 2021
            ? '表三每一列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）1–3'
            : '表三每一列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）',
        en: 'Table 3, each column: handled total = the sum of every outcome row',
      },
    },
    {
      id: 'T4-review-total',
      rule: 'review-total',
      severity: 'error',
      table: 'reviewLitigation',
      per: 'row',
      over: ['review'],
      left: [{ ref: 'total' }],
      right: rows('upheld', 'corrected', 'otherResult', 'pending'),
      description: {
        zh: '表四行政复议：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        en: 'Table 4, administrative review: total = upheld + corrected + other + pending',
      },
    },
    {
      id: 'T4-litigation-total',
      rule: 'litigation-total',
      severity: 'error',
      table: 'reviewLitigation',
      per: 'row',
      over: ['litigationDirect', 'litigationAfterReview'],
      left: [{ ref: 'total' }],
      right: rows('upheld', 'corrected', 'otherResult', 'pending'),
      description: {
        zh: '表四行政诉讼（未经复议直接起诉、复议后起诉各自）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        en: 'Table 4, each lawsuit block: total = upheld + corrected + other + pending',
      },
    },
    {
      id: 'X-carryover',
      rule: 'carryover',
      severity: 'error',
      table: 'applications',
      per: 'column',
      left: rows('carriedOver'),
      right: [{ ref: 'carriedForward', previousYear: true }],
      description: {
        zh: '本年“二、上年结转”每一列 = 上年报告“四、结转下年度继续办理”的同一列',
        en: "This year's carried over = last year's carried forward, column by column",
      },
    },
  ];
  if (year === 2021) {
    identities.push({
      id: 'X-stock',
      rule: 'stock-rollforward',
      severity: 'warning',
      table: 'activeDisclosure',
      per: 'row',
      over: ['regulations', 'normativeDocuments'],
      left: [{ ref: 'inForce' }],
      right: [{ ref: 'inForce', previousYear: true }, { ref: 'issued' }, { ref: 'repealed', sign: -1 }],
      description: {
        zh: '现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（清理文件会合理地打破此式，故仅为提示）',
        en: "In force ≈ last year's in force + issued − repealed (clean-ups break it legitimately, so a warning only)",
      },
    });
  }
  return identities;
}
