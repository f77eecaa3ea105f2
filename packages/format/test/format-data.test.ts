import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  FORMAT_YEARS,
  SECTIONS,
  TABLE_IDS,
  canonicalHeading,
  formatFor,
  formatYearFor,
  identitiesFor,
  normalizeLabel,
  reportDataSchema,
  splitNumbering,
  tablesFor,
  type FormatYear,
  type TableSpec,
} from '@nianbao/format';

const cellCount = (table: TableSpec): number => table.rows.reduce((n, r) => n + r.columns.length, 0);
const labels = <T extends { label: string }>(items: readonly T[]): string[] => items.map((x) => x.label);
const duplicates = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);

describe.each(FORMAT_YEARS)('the %i format data is consistent', (year: FormatYear) => {
  const format = FORMATS[year];

  it('is the format it says it is', () => {
    expect(format.year).toBe(year);
    expect(Object.keys(format.tables).sort()).toEqual([...TABLE_IDS].sort());
    for (const id of TABLE_IDS) expect(format.tables[id].id).toBe(id);
    expect(format.identities).toEqual(identitiesFor(year));
    expect(format.tables).toEqual(tablesFor(year));
  });

  describe.each(TABLE_IDS)('table %s', (tableId) => {
    const table = format.tables[tableId];
    const columnIds = new Set(table.columns.map((c) => c.id));
    const rowIds = new Set(table.rows.map((r) => r.id));

    it('has unique ids (rows, columns, groups, blocks; rows and groups together)', () => {
      expect(duplicates(table.rows.map((r) => r.id))).toEqual([]);
      expect(duplicates(table.columns.map((c) => c.id))).toEqual([]);
      expect(duplicates(table.groups.map((g) => g.id))).toEqual([]);
      expect(duplicates(table.blocks.map((b) => b.id))).toEqual([]);
      expect(duplicates([...table.rows.map((r) => r.id), ...table.groups.map((g) => g.id)])).toEqual([]);
    });

    it("gives every row only columns of the table, each once, in the table's column order", () => {
      for (const row of table.rows) {
        expect(row.columns.length, row.id).toBeGreaterThan(0);
        for (const c of row.columns) expect(columnIds.has(c), `${row.id}.${c}`).toBe(true);
        expect(duplicates(row.columns), row.id).toEqual([]);
        const order = row.columns.map((c) => table.columns.findIndex((x) => x.id === c));
        expect(order, row.id).toEqual([...order].sort((a, b) => a - b));
      }
    });

    it('uses every column in some row', () => {
      for (const c of table.columns) expect(table.rows.some((r) => r.columns.includes(c.id)), c.id).toBe(true);
    });

    it('puts rows only in groups that exist', () => {
      const groupIds = new Set(table.groups.map((g) => g.id));
      for (const row of table.rows) if (row.group !== undefined) expect(groupIds.has(row.group), `${row.id} → ${row.group}`).toBe(true);
    });

    it('has blocks whose rows and columns exist and agree with the rows', () => {
      const blockIds = new Set(table.blocks.map((b) => b.id));
      for (const block of table.blocks) {
        expect(block.rows.length, block.id).toBeGreaterThan(0);
        for (const r of block.rows) {
          expect(rowIds.has(r), `${block.id} row ${r}`).toBe(true);
          const row = table.rows.find((x) => x.id === r)!;
          expect(row.block, r).toBe(block.id);
          expect(row.columns, r).toEqual(block.columns);
        }
        for (const c of block.columns) expect(columnIds.has(c), `${block.id} column ${c}`).toBe(true);
      }
      for (const row of table.rows) {
        if (row.block === undefined) continue;
        expect(blockIds.has(row.block), `${row.id} → ${row.block}`).toBe(true);
        expect(table.blocks.filter((b) => b.rows.includes(row.id)).map((b) => b.id), row.id).toEqual([row.block]);
      }
      if (table.layout === 'blocks') {
        expect(table.blocks.flatMap((b) => b.rows)).toEqual(table.rows.map((r) => r.id));
      } else {
        expect(table.blocks).toEqual([]);
        for (const row of table.rows) expect(row.block, row.id).toBeUndefined();
      }
    });

    it('has a matrix or single row whose rows all have every column', () => {
      if (table.layout === 'blocks') return;
      for (const row of table.rows) expect(row.columns, row.id).toEqual(table.columns.map((c) => c.id));
    });
  });

  describe('identities', () => {
    it('have unique ids', () => {
      expect(duplicates(format.identities.map((i) => i.id))).toEqual([]);
    });

    it.each(format.identities.map((i) => [i.id, i] as const))('%s names existing rows and columns of its table', (_id, identity) => {
      const table = format.tables[identity.table];
      const row = (id: string) => table.rows.find((r) => r.id === id);
      const column = (id: string) => table.columns.find((c) => c.id === id);
      const terms = [...identity.left, ...identity.right];
      expect(identity.left.length).toBeGreaterThan(0);
      expect(identity.right.length).toBeGreaterThan(0);
      // Terms name rows (per column) or columns (per row); `over` names the other dimension.
      const termExists = identity.per === 'column' ? row : column;
      const overExists = identity.per === 'column' ? column : row;
      for (const t of terms) expect(termExists(t.ref), `term ${t.ref}`).toBeDefined();
      for (const o of identity.over ?? []) expect(overExists(o), `over ${o}`).toBeDefined();
      // Every cell the identity reads exists: each (term, instance) pair is a cell of the table.
      const instances = identity.over ?? (identity.per === 'column' ? table.columns.map((c) => c.id) : table.rows.map((r) => r.id));
      for (const at of instances) {
        for (const t of terms) {
          const [r, c] = identity.per === 'column' ? [t.ref, at] : [at, t.ref];
          expect(row(r)?.columns.includes(c), `cell ${r}.${c}`).toBe(true);
        }
      }
    });

    it("take last year's terms from what the report data schema keeps of last year", () => {
      const previous = (reportDataSchema().properties as Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }>)
        .previousYear!.properties;
      for (const identity of format.identities) {
        for (const t of [...identity.left, ...identity.right].filter((x) => x.previousYear)) {
          const kept = previous[t.ref];
          expect(kept, `${identity.id}: previousYear.${t.ref}`).toBeDefined();
          const table = format.tables[identity.table];
          const instances = identity.over ?? (identity.per === 'column' ? table.columns.map((c) => c.id) : table.rows.map((r) => r.id));
          for (const at of instances) expect(Object.keys(kept!.properties), `${identity.id}: previousYear.${t.ref}.${at}`).toContain(at);
        }
      }
    });

    it('cover every identity of format.md §6', () => {
      const ids = format.identities.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining(['T3-balance', 'T3-row-total', 'T3-outcomes', 'X-carryover']));
      expect(ids.filter((id) => id.startsWith('T4-'))).toHaveLength(2);
      expect(ids.includes('X-stock')).toBe(year === 2021);
      for (const i of format.identities) expect(i.severity, i.id).toBe(i.id === 'X-stock' ? 'warning' : 'error');
    });

    it('T3-outcomes sums every outcome row: everything under 三、本年度办理结果 except （七）总计', () => {
      const table = format.tables.applications;
      const outcomes = format.identities.find((i) => i.id === 'T3-outcomes')!;
      const inResults = table.rows.filter((r) => r.group !== undefined && r.id !== 'handledTotal').map((r) => r.id);
      expect(outcomes.right.map((t) => t.ref)).toEqual(inResults);
      expect(outcomes.left.map((t) => t.ref)).toEqual(['handledTotal']);
    });

    it('T4 totals cover all three blocks of Table 四', () => {
      const over = format.identities.filter((i) => i.id.startsWith('T4-')).flatMap((i) => i.over ?? []);
      expect(over.sort()).toEqual(format.tables.reviewLitigation.rows.map((r) => r.id).sort());
    });
  });
});

describe('cell counts (format.md §3–§6)', () => {
  it('2021: Table 三 has 25 data rows × 7 = 175 cells, Table 四 15, Table 二 10', () => {
    const f = FORMATS[2021];
    expect(f.tables.applications.rows).toHaveLength(25);
    expect(f.tables.applications.columns).toHaveLength(7);
    expect(cellCount(f.tables.applications)).toBe(175);
    expect(cellCount(f.tables.reviewLitigation)).toBe(15);
    expect(cellCount(f.tables.activeDisclosure)).toBe(10);
  });

  it('2019: Table 三 has 23 data rows = 161 cells, Table 四 15', () => {
    const f = FORMATS[2019];
    expect(f.tables.applications.rows).toHaveLength(23);
    expect(cellCount(f.tables.applications)).toBe(161);
    expect(cellCount(f.tables.reviewLitigation)).toBe(15);
    // （一） 2×3, （五） 2×3, （六） 2×3, （八） 1×2, （九） 1×2
    expect(cellCount(f.tables.activeDisclosure)).toBe(22);
  });
});

describe('labels are the official texts (format.md §2–§5)', () => {
  it('sections', () => {
    expect(SECTIONS.map(canonicalHeading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(SECTIONS[0]!.subheads).toEqual(['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障']);
    expect(SECTIONS.find((s) => s.id === 'reviewLitigation')!.variants).toContain('因政府信息公开工作被申请行政复议、提起行政诉讼的情况');
    expect(SECTIONS.find((s) => s.id === 'problems')!.variants).toEqual(
      expect.arrayContaining(['存在的主要问题及改进措施', '政府信息公开工作存在的主要问题及改进情况']),
    );
    expect(SECTIONS.find((s) => s.id === 'otherMatters')!.misspellings).toContain('其他报告的事项');
    expect(SECTIONS.find((s) => s.id === 'reviewLitigation')!.misspellings).toEqual(
      expect.arrayContaining(['政务信息公开行政复议、行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况']),
    );
  });

  const table3Rows2021 = [
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
    '1.本机关不掌握相关政府信息',
    '2.没有现成信息需要另行制作',
    '3.补正后申请内容仍不明确',
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
    '（七）总计',
    '四、结转下年度继续办理',
  ];

  it('Table 三, 2021: rows, columns, groups and the header note', () => {
    const t = FORMATS[2021].tables.applications;
    expect(t.title).toBe('收到和处理政府信息公开申请情况');
    expect(labels(t.rows)).toEqual(table3Rows2021);
    expect(labels(t.columns)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(labels(t.groups)).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
      '申请人情况',
      '法人或其他组织',
    ]);
    expect(t.headerTexts).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）']);
    // spot checks of the exact official characters (full-width brackets and comma, curly quotes)
    expect(t.rows.find((r) => r.id === 'partiallyDisclosed')!.label).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(t.rows.find((r) => r.id === 'withheldSecurityStability')!.label).toBe('3.危及\u201c三安全一稳定\u201d');
    const groupOf = (id: string) => t.rows.find((r) => r.id === id)!.group;
    expect(t.rows.filter((r) => r.group === 'withheld')).toHaveLength(8);
    expect(t.rows.filter((r) => r.group === 'unavailable')).toHaveLength(3);
    expect(t.rows.filter((r) => r.group === 'notProcessed')).toHaveLength(5);
    expect(t.rows.filter((r) => r.group === 'otherHandling')).toHaveLength(3);
    expect([groupOf('newReceived'), groupOf('carriedOver'), groupOf('carriedForward')]).toEqual([undefined, undefined, undefined]);
    expect([groupOf('disclosed'), groupOf('partiallyDisclosed'), groupOf('handledTotal')]).toEqual(['results', 'results', 'results']);
  });

  it('Table 三, 2019: （六）其他处理 is one row; everything else as in 2021', () => {
    const t = FORMATS[2019].tables.applications;
    const expected = [...table3Rows2021.slice(0, 20), '（六）其他处理', ...table3Rows2021.slice(23)];
    expect(labels(t.rows)).toEqual(expected);
    expect(labels(t.columns)).toEqual(labels(FORMATS[2021].tables.applications.columns));
    expect(labels(t.groups)).not.toContain('（六）其他处理');
    expect(t.headerTexts).toEqual(FORMATS[2021].tables.applications.headerTexts);
  });

  it('Table 二, 2021', () => {
    const t = FORMATS[2021].tables.activeDisclosure;
    expect(t.blocks.map((b) => [b.label, b.columns.map((c) => t.columns.find((x) => x.id === c)!.label), b.rows.map((r) => t.rows.find((x) => x.id === r)!.label)])).toEqual([
      ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '行政规范性文件']],
      ['第二十条第（五）项', ['本年处理决定数量'], ['行政许可']],
      ['第二十条第（六）项', ['本年处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['本年收费金额（单位：万元）'], ['行政事业性收费']],
    ]);
    expect(t.headerTexts).toEqual(['信息内容']);
    expect(t.columns.find((c) => c.id === 'feeAmount')!.valueKind).toBe('amountWan');
    expect(t.columns.filter((c) => c.id !== 'feeAmount').every((c) => c.valueKind === 'count')).toBe(true);
  });

  it('Table 二, 2019', () => {
    const t = FORMATS[2019].tables.activeDisclosure;
    const item56 = ['上一年项目数量', '本年增/减', '处理决定数量'];
    expect(t.blocks.map((b) => [b.label, b.columns.map((c) => t.columns.find((x) => x.id === c)!.label), b.rows.map((r) => t.rows.find((x) => x.id === r)!.label)])).toEqual([
      ['第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '规范性文件']],
      ['第二十条第（五）项', item56, ['行政许可', '其他对外管理服务事项']],
      ['第二十条第（六）项', item56, ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], ['行政事业性收费']],
      ['第二十条第（九）项', ['采购项目数量', '采购总金额'], ['政府集中采购']],
    ]);
    expect(t.columns.find((c) => c.id === 'change')!.valueKind).toBe('signedCount');
    expect(t.columns.find((c) => c.id === 'totalAmount')!.valueKind).toBe('amountYuan');
  });

  it('Table 四, both formats', () => {
    for (const year of FORMAT_YEARS) {
      const t = FORMATS[year].tables.reviewLitigation;
      expect(t.title).toBe('政府信息公开行政复议、行政诉讼情况');
      expect(t.layout).toBe('singleRow');
      expect(labels(t.rows)).toEqual(['行政复议', '未经复议直接起诉', '复议后起诉']);
      expect(labels(t.columns)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
      expect(labels(t.groups)).toEqual(['行政诉讼']);
    }
  });

  // The parser stops joining a label's pieces at a number after words (parse/src/table-labels.ts):
  // that holds only while no label has a digit past its leading numbering.
  it.each(FORMAT_YEARS)('%i: no label, group or deviation has a digit past its leading numbering', (year) => {
    const texts = [
      ...Object.values(FORMATS[year].tables).flatMap((t) => [...labels(t.rows), ...labels(t.columns), ...labels(t.groups)]),
      ...FORMATS[year].labelDeviations.flatMap((d) => [d.found, d.canonical]),
    ];
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => /\d/u.test(splitNumbering(normalizeLabel(text)).core))).toEqual([]);
  });

  it('label deviations of format.md §4', () => {
    expect(FORMATS[2021].labelDeviations).toEqual([
      { found: '社会组织', canonical: '社会公益组织' },
      { found: '其他法律法规禁止公开', canonical: '其他法律行政法规禁止公开' },
      { found: '不在处理', canonical: '不再处理' },
      { found: '只计这一情况', canonical: '只计这一情形' },
      { found: '三类内容事务信息', canonical: '三类内部事务信息' },
    ]);
  });
});

describe('which format applies (format.md §1)', () => {
  it('〔2019〕60号 for the 2019 and 2020 reports, 〔2021〕30号 from 2021', () => {
    expect(formatYearFor(2019)).toBe(2019);
    expect(formatYearFor(2020)).toBe(2019);
    for (const y of [2021, 2022, 2023, 2024, 2030]) expect(formatYearFor(y)).toBe(2021);
    expect(formatFor(2020).notice).toBe('国办公开办函〔2019〕60号');
    expect(formatFor(2023).notice).toBe('国办公开办函〔2021〕30号');
    expect(FORMATS[2021].issued).toBe('2021-09-26');
    expect(FORMATS[2021].feeStatementRequired).toBe(true);
    expect(FORMATS[2019].feeStatementRequired).toBe(false);
  });
});
