import type { BlockSpec, ColumnSpec, FormatYear, GroupSpec, Localized, RowSpec, TableSpec } from './types.js';

const l = (zh: string, en: string): Localized => ({ zh, en });

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况 (format.md §3)

const ACTIVE_COLUMNS_2021: ColumnSpec[] = [
  { id: 'issued', label: '本年制发件数', valueKind: 'count', description: l('本年新制发的件数', 'Issued this year') },
  { id: 'repealed', label: '本年废止件数', valueKind: 'count', description: l('本年废止的件数', 'Repealed this year') },
  { id: 'inForce', label: '现行有效件数', valueKind: 'count', description: l('截至年底现行有效的件数', 'In force at year end') },
  { id: 'decisions', label: '本年处理决定数量', valueKind: 'count', description: l('本年作出的处理决定数量', 'Decisions made this year') },
  { id: 'feeAmount', label: '本年收费金额（单位：万元）', valueKind: 'amountWan', description: l('本年收费金额，单位万元，单元格内不写单位', 'Fees collected this year, in 10,000 yuan, no unit in the cell') },
];

const ACTIVE_COLUMNS_2019: ColumnSpec[] = [
  { id: 'newlyMade', label: '本年新制作数量', valueKind: 'count', description: l('本年新制作的件数', 'Newly made this year') },
  { id: 'newlyPublished', label: '本年新公开数量', valueKind: 'count', description: l('本年新公开的件数', 'Newly published this year') },
  { id: 'totalPublished', label: '对外公开总数量', valueKind: 'count', description: l('对外公开的总件数', 'Total published') },
  { id: 'previousCount', label: '上一年项目数量', valueKind: 'count', description: l('上一年的项目数量', "Last year's number of items") },
  { id: 'change', label: '本年增/减', valueKind: 'signedCount', description: l('本年增加或减少的项目数量，可为负数', 'Change this year; may be negative') },
  { id: 'decisions', label: '处理决定数量', valueKind: 'count', description: l('处理决定数量', 'Decisions made') },
  { id: 'projects', label: '采购项目数量', valueKind: 'count', description: l('政府集中采购项目数量', 'Central procurement projects') },
  { id: 'totalAmount', label: '采购总金额', valueKind: 'amountYuan', description: l('政府集中采购总金额；表头无单位，单元格可写“元”或“万元”，数据中以元计', 'Total procurement amount; the header has no unit, so the cell may say 元 or 万元; the data holds yuan') },
];

const activeRow = (id: string, label: string, block: string, columns: string[], description: Localized): RowSpec => ({
  id,
  label,
  block,
  columns,
  description,
});

function activeDisclosure(year: FormatYear): TableSpec {
  const item1Columns = year === 2021 ? ['issued', 'repealed', 'inForce'] : ['newlyMade', 'newlyPublished', 'totalPublished'];
  const item56Columns = year === 2021 ? ['decisions'] : ['previousCount', 'change', 'decisions'];
  const item8Columns = year === 2021 ? ['feeAmount'] : ['previousCount', 'change'];
  const rows: RowSpec[] = [
    activeRow('regulations', '规章', 'item1', item1Columns, l('规章', 'Government rules (规章)')),
    activeRow(
      'normativeDocuments',
      year === 2021 ? '行政规范性文件' : '规范性文件',
      'item1',
      item1Columns,
      l('行政规范性文件', 'Normative documents'),
    ),
    activeRow('licensing', '行政许可', 'item5', item56Columns, l('行政许可', 'Administrative licensing')),
    ...(year === 2019
      ? [activeRow('otherServices', '其他对外管理服务事项', 'item5', item56Columns, l('其他对外管理服务事项', 'Other external management services'))]
      : []),
    activeRow('punishment', '行政处罚', 'item6', item56Columns, l('行政处罚', 'Administrative penalties')),
    activeRow('enforcement', '行政强制', 'item6', item56Columns, l('行政强制', 'Administrative coercion')),
    activeRow('administrativeFees', '行政事业性收费', 'item8', item8Columns, l('行政事业性收费', 'Administrative fees')),
    ...(year === 2019
      ? [activeRow('procurement', '政府集中采购', 'item9', ['projects', 'totalAmount'], l('政府集中采购', 'Central government procurement'))]
      : []),
  ];
  const blocks: BlockSpec[] = [
    { id: 'item1', label: '第二十条第（一）项', columns: item1Columns, rows: ['regulations', 'normativeDocuments'] },
    { id: 'item5', label: '第二十条第（五）项', columns: item56Columns, rows: year === 2019 ? ['licensing', 'otherServices'] : ['licensing'] },
    { id: 'item6', label: '第二十条第（六）项', columns: item56Columns, rows: ['punishment', 'enforcement'] },
    { id: 'item8', label: '第二十条第（八）项', columns: item8Columns, rows: ['administrativeFees'] },
    ...(year === 2019 ? [{ id: 'item9', label: '第二十条第（九）项', columns: ['projects', 'totalAmount'], rows: ['procurement'] }] : []),
  ];
  return {
    id: 'activeDisclosure',
    numeral: '二',
    title: '主动公开政府信息情况',
    section: 'activeDisclosure',
    layout: 'blocks',
    columns: year === 2021 ? ACTIVE_COLUMNS_2021 : ACTIVE_COLUMNS_2019,
    rows,
    groups: [],
    blocks,
    headerTexts: ['信息内容'],
  };
}

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况 (format.md §4)

const APPLICANT_COLUMNS: ColumnSpec[] = [
  { id: 'naturalPerson', label: '自然人', valueKind: 'count', description: l('申请人为自然人', 'Applicants who are natural persons') },
  { id: 'commercial', group: 'legalPersons', label: '商业企业', valueKind: 'count', description: l('申请人为商业企业', 'Businesses') },
  { id: 'research', group: 'legalPersons', label: '科研机构', valueKind: 'count', description: l('申请人为科研机构', 'Research institutions') },
  { id: 'publicInterest', group: 'legalPersons', label: '社会公益组织', valueKind: 'count', description: l('申请人为社会公益组织', 'Public-interest organisations') },
  { id: 'legalService', group: 'legalPersons', label: '法律服务机构', valueKind: 'count', description: l('申请人为法律服务机构', 'Legal service providers') },
  { id: 'other', group: 'legalPersons', label: '其他', valueKind: 'count', description: l('其他法人或其他组织', 'Other legal persons or organisations') },
  { id: 'total', label: '总计', valueKind: 'count', description: l('各类申请人之和', 'Sum over all applicants') },
];
const APPLICANT_COLUMN_IDS = APPLICANT_COLUMNS.map((c) => c.id);

const applicationRow = (id: string, label: string, description: Localized, group?: string): RowSpec => ({
  id,
  label,
  description,
  columns: APPLICANT_COLUMN_IDS,
  ...(group ? { group } : {}),
});

function applications(year: FormatYear): TableSpec {
  const otherHandling: RowSpec[] =
    year === 2021
      ? [
          applicationRow(
            'otherNoCorrection',
            '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            l('申请人无正当理由逾期不补正，不再处理', 'Applicant failed to supplement in time without reason'),
            'otherHandling',
          ),
          applicationRow(
            'otherUnpaidFee',
            '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            l('申请人逾期未缴纳信息处理费，不再处理', 'Applicant did not pay the fee in time'),
            'otherHandling',
          ),
          applicationRow('otherOther', '3.其他', l('其他处理情形', 'Other handling'), 'otherHandling'),
        ]
      : [applicationRow('otherHandling', '（六）其他处理', l('其他处理（2019年格式不分项）', 'Other handling (one row in the 2019 format)'), 'results')];
  const rows: RowSpec[] = [
    applicationRow('newReceived', '一、本年新收政府信息公开申请数量', l('本年新收到的申请数量', 'Requests received this year')),
    applicationRow('carriedOver', '二、上年结转政府信息公开申请数量', l('上年结转到本年的申请数量（应等于上年报告的“结转下年度继续办理”）', "Requests carried over from last year (= last year's carried forward)")),
    applicationRow('disclosed', '（一）予以公开', l('予以公开', 'Disclosed'), 'results'),
    applicationRow('partiallyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', l('部分公开；区分处理的只计此项', 'Partly disclosed (counted here only)'), 'results'),
    applicationRow('withheldStateSecret', '1.属于国家秘密', l('不予公开：属于国家秘密', 'Withheld: state secret'), 'withheld'),
    applicationRow('withheldProhibitedByLaw', '2.其他法律行政法规禁止公开', l('不予公开：其他法律行政法规禁止公开', 'Withheld: prohibited by other laws'), 'withheld'),
    applicationRow('withheldSecurityStability', '3.危及“三安全一稳定”', l('不予公开：危及国家安全、公共安全、经济安全和社会稳定', 'Withheld: endangers security or stability'), 'withheld'),
    applicationRow('withheldThirdParty', '4.保护第三方合法权益', l('不予公开：保护第三方合法权益', 'Withheld: protects third-party rights'), 'withheld'),
    applicationRow('withheldInternalAffairs', '5.属于三类内部事务信息', l('不予公开：属于三类内部事务信息', 'Withheld: internal affairs'), 'withheld'),
    applicationRow('withheldProcess', '6.属于四类过程性信息', l('不予公开：属于四类过程性信息', 'Withheld: process information'), 'withheld'),
    applicationRow('withheldEnforcementFile', '7.属于行政执法案卷', l('不予公开：属于行政执法案卷', 'Withheld: enforcement case file'), 'withheld'),
    applicationRow('withheldQuery', '8.属于行政查询事项', l('不予公开：属于行政查询事项', 'Withheld: administrative query matter'), 'withheld'),
    applicationRow('unavailableNotHeld', '1.本机关不掌握相关政府信息', l('无法提供：本机关不掌握', 'Cannot provide: not held'), 'unavailable'),
    applicationRow('unavailableNeedsCreation', '2.没有现成信息需要另行制作', l('无法提供：需要另行制作', 'Cannot provide: would have to be created'), 'unavailable'),
    applicationRow('unavailableUnclear', '3.补正后申请内容仍不明确', l('无法提供：补正后仍不明确', 'Cannot provide: still unclear after correction'), 'unavailable'),
    applicationRow('notProcessedComplaint', '1.信访举报投诉类申请', l('不予处理：信访举报投诉类', 'Not processed: petitions and complaints'), 'notProcessed'),
    applicationRow('notProcessedRepeated', '2.重复申请', l('不予处理：重复申请', 'Not processed: repeated request'), 'notProcessed'),
    applicationRow('notProcessedPublication', '3.要求提供公开出版物', l('不予处理：要求提供公开出版物', 'Not processed: asks for a publication'), 'notProcessed'),
    applicationRow('notProcessedExcessive', '4.无正当理由大量反复申请', l('不予处理：无正当理由大量反复申请', 'Not processed: excessive repeated requests'), 'notProcessed'),
    applicationRow('notProcessedConfirmation', '5.要求行政机关确认或重新出具已获取信息', l('不予处理：要求确认或重新出具已获取信息', 'Not processed: asks to confirm or reissue information already held'), 'notProcessed'),
    ...otherHandling,
    applicationRow('handledTotal', '（七）总计', l('本年度办理结果合计', 'All outcomes this year'), 'results'),
    applicationRow('carriedForward', '四、结转下年度继续办理', l('结转到下一年度继续办理的申请数量', 'Requests carried forward to next year')),
  ];
  const groups: GroupSpec[] = [
    { id: 'results', label: '三、本年度办理结果', description: l('本年度办理结果', 'Outcomes this year') },
    { id: 'withheld', parent: 'results', label: '（三）不予公开', description: l('不予公开，分8项', 'Withheld, in 8 items') },
    { id: 'unavailable', parent: 'results', label: '（四）无法提供', description: l('无法提供，分3项', 'Cannot provide, in 3 items') },
    { id: 'notProcessed', parent: 'results', label: '（五）不予处理', description: l('不予处理，分5项', 'Not processed, in 5 items') },
    ...(year === 2021 ? [{ id: 'otherHandling', parent: 'results', label: '（六）其他处理', description: l('其他处理，分3项', 'Other handling, in 3 items') }] : []),
    { id: 'applicants', spansColumns: true, label: '申请人情况', description: l('按申请人类别分列', 'By kind of applicant') },
    { id: 'legalPersons', spansColumns: true, parent: 'applicants', label: '法人或其他组织', description: l('法人或其他组织（跨列表头，不单设小计列）', 'Legal persons or other organisations (spanning header, no subtotal)') },
  ];
  return {
    id: 'applications',
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    section: 'applications',
    layout: 'matrix',
    columns: APPLICANT_COLUMNS,
    rows,
    groups,
    blocks: [],
    headerTexts: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
  };
}

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况 (format.md §5)

const OUTCOME_COLUMNS: ColumnSpec[] = [
  { id: 'upheld', label: '结果维持', valueKind: 'count', description: l('结果维持的案件数', 'Upheld') },
  { id: 'corrected', label: '结果纠正', valueKind: 'count', description: l('结果纠正的案件数', 'Corrected') },
  { id: 'otherResult', label: '其他结果', valueKind: 'count', description: l('其他结果的案件数', 'Other outcome') },
  { id: 'pending', label: '尚未审结', valueKind: 'count', description: l('尚未审结的案件数', 'Pending') },
  { id: 'total', label: '总计', valueKind: 'count', description: l('本块案件总数', 'All cases in the block') },
];
const OUTCOME_COLUMN_IDS = OUTCOME_COLUMNS.map((c) => c.id);

const reviewLitigation: TableSpec = {
  id: 'reviewLitigation',
  numeral: '四',
  title: '政府信息公开行政复议、行政诉讼情况',
  section: 'reviewLitigation',
  layout: 'singleRow',
  columns: OUTCOME_COLUMNS,
  rows: [
    { id: 'review', label: '行政复议', columns: OUTCOME_COLUMN_IDS, description: l('因政府信息公开被申请行政复议', 'Administrative reviews') },
    { id: 'litigationDirect', label: '未经复议直接起诉', columns: OUTCOME_COLUMN_IDS, group: 'litigation', description: l('行政诉讼：未经复议直接起诉', 'Lawsuits filed directly') },
    { id: 'litigationAfterReview', label: '复议后起诉', columns: OUTCOME_COLUMN_IDS, group: 'litigation', description: l('行政诉讼：复议后起诉', 'Lawsuits filed after review') },
  ],
  groups: [{ id: 'litigation', spansColumns: true, label: '行政诉讼', description: l('行政诉讼，分未经复议直接起诉和复议后起诉', 'Lawsuits, filed directly or after review') }],
  blocks: [],
  headerTexts: [],
};

/** Tables 二, 三, 四 as the given format defines them. */
export function tablesFor(year: FormatYear): Record<'activeDisclosure' | 'applications' | 'reviewLitigation', TableSpec> {
  return { activeDisclosure: activeDisclosure(year), applications: applications(year), reviewLitigation };
}
