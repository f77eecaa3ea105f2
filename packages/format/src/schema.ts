import { AGENCY_KINDS } from './agency.js';
import { FORMATS, FORMAT_YEARS, TABLE_IDS } from './formats.js';
import { totalCells } from './totals.js';
import type { ColumnSpec, FormatYear, TableSpec, ValueKind } from './types.js';

/** A JSON Schema (draft-07) fragment; plain data so it can be written to a file as it is. */
export type JsonSchema = { [key: string]: unknown };

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function cellSchema(column: ColumnSpec, rowLabel: string): JsonSchema {
  const byKind: Record<ValueKind, JsonSchema> = {
    count: { type: ['integer', 'null'], minimum: 0 },
    signedCount: { type: ['integer', 'null'] },
    amountWan: { type: ['number', 'null'], minimum: 0 },
    amountYuan: { type: ['number', 'null'], minimum: 0 },
  };
  const unit = column.valueKind === 'amountWan' ? '（万元）' : column.valueKind === 'amountYuan' ? '（元）' : '';
  return {
    title: `${rowLabel} · ${column.label}${column.valueKind === 'amountWan' ? '' : unit}`,
    description: `${column.description.zh}。null 表示空白单元格（空白不等于 0）。`,
    ...byKind[column.valueKind],
  };
}

function tableSchema(table: TableSpec, year: FormatYear): JsonSchema {
  const columns = new Map(table.columns.map((c) => [c.id, c]));
  // Totals may be left out: generation computes them (a `null` total is a blank, and is kept).
  const totals = totalCells(FORMATS[year]).filter((c) => c.table === table.id);
  const isTotal = (row: string, column: string): boolean => totals.some((c) => c.row === row && c.column === column);
  const properties: Record<string, JsonSchema> = {};
  for (const row of table.rows) {
    const cells: Record<string, JsonSchema> = {};
    for (const id of row.columns) cells[id] = cellSchema(columns.get(id)!, row.label);
    const required = row.columns.filter((c) => !isTotal(row.id, c));
    properties[row.id] = {
      title: row.label,
      description: required.length < row.columns.length ? `${row.description.zh}。合计单元格可省略，生成时自动计算。` : row.description.zh,
      type: 'object',
      additionalProperties: false,
      required,
      properties: cells,
    };
  }
  return {
    title: `表${table.numeral} ${table.title}`,
    type: 'object',
    additionalProperties: false,
    required: table.rows.filter((r) => r.columns.some((c) => !isTotal(r.id, c))).map((r) => r.id),
    properties,
  };
}

function tablesSchema(year: FormatYear): JsonSchema {
  const format = FORMATS[year];
  return {
    title: `${format.notice} 格式的三张表`,
    type: 'object',
    additionalProperties: false,
    required: [...TABLE_IDS],
    properties: Object.fromEntries(TABLE_IDS.map((id) => [id, tableSchema(format.tables[id], year)])),
  };
}

function countMap(title: string, description: string, keys: string[], labels: Map<string, string>): JsonSchema {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      keys.map((k) => [k, { title: labels.get(k) ?? k, type: ['integer', 'null'], minimum: 0 }]),
    ),
  };
}

const str = (title: string, description?: string): JsonSchema => ({ title, ...(description ? { description } : {}), type: 'string' });

/**
 * Each titled subschema with a `markdownDescription` (VS Code shows it on hover and beside completions in
 * place of `description`): its Chinese title in bold, then its description, so that a key such as
 * `carriedOver` reads as 二、上年结转政府信息公开申请数量 wherever the editor names it.
 */
function withHovers(schema: JsonSchema): JsonSchema {
  const visit = (node: unknown, isMap: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, false));
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node).map(([k, v]) => [k, k === 'enum' || k === 'const' ? v : visit(v, !isMap && (k === 'properties' || k === 'definitions'))] as const);
    const out: JsonSchema = Object.fromEntries(entries);
    if (!isMap && typeof out['title'] === 'string') {
      const description = typeof out['description'] === 'string' ? `\n\n${out['description']}` : '';
      out['markdownDescription'] = `**${out['title']}**${description}`;
    }
    return out;
  };
  return visit(schema, false) as JsonSchema;
}

/**
 * The JSON Schema of report data (`schemas/report-data.schema.json`), built from the format data so that
 * row and column keys, labels and value kinds are defined once.
 */
export function reportDataSchema(): JsonSchema {
  return withHovers(reportDataSchemaPlain());
}

function reportDataSchemaPlain(): JsonSchema {
  const f2021 = FORMATS[2021];
  const applications = f2021.tables.applications;
  const active = f2021.tables.activeDisclosure;
  const tableVariants = FORMAT_YEARS.map((year) => ({
    if: { properties: { formatYear: { const: year } }, required: ['formatYear'] },
    then: { properties: { tables: { $ref: `#/definitions/tables${year}` } } },
  }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '政府信息公开工作年度报告数据',
    description:
      '一份年度报告的事实数据：标题、机关、年度、所用格式、统计期限、落款日期、联系方式、信息处理费和三张表的每个单元格。由 nianbao extract 从报告中提取，由 nianbao generate 渲染成报告。本文件由 scripts/generate.mjs 依据格式数据生成，请勿手改。',
    type: 'object',
    additionalProperties: false,
    required: ['title', 'agency', 'reportYear', 'formatYear', 'citedNotice', 'period', 'publicationDate', 'contact', 'processingFee', 'tables'],
    properties: {
      $schema: str('JSON Schema 地址', '编辑器据此提供补全和校验'),
      title: { title: '报告标题', description: '如“南岗区通达街道办事处2023年政府信息公开工作年度报告”；未找到时为 null', type: ['string', 'null'] },
      agency: {
        title: '报告机关',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind'],
        properties: {
          name: { title: '机关名称', description: '发布报告的行政机关全称', type: ['string', 'null'] },
          kind: {
            title: '机关类别',
            description: '部门（含人民政府办公室）、人民政府（县级以上人民政府本级报告）或乡镇街道；决定发布时限（部门、乡镇街道1月31日前，人民政府3月31日前）',
            enum: [...AGENCY_KINDS, null],
          },
        },
      },
      reportYear: { title: '报告年度', description: '报告所述的年度（统计期限所在年份）', type: 'integer', minimum: 2008, maximum: 2100 },
      formatYear: {
        title: '表格格式',
        description: '报告表格所依据的格式：2019 为国办公开办函〔2019〕60号（2019、2020年度报告），2021 为国办公开办函〔2021〕30号（2021年度起）；提取时按表格形状判断',
        enum: [...FORMAT_YEARS],
      },
      citedNotice: {
        title: '引用的格式通知',
        description: '报告正文引用的格式通知文号，如“国办公开办函〔2021〕30号”；未引用时为 null',
        type: ['string', 'null'],
      },
      period: {
        title: '统计期限',
        description: '报告数据的统计期限，应为报告年度的1月1日至12月31日；未写明时为 null',
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['start', 'end'],
        properties: {
          start: { title: '起始日期', description: 'YYYY-MM-DD；无法读出时为 null', type: ['string', 'null'], pattern: DATE_PATTERN },
          end: { title: '截止日期', description: 'YYYY-MM-DD；无法读出时为 null', type: ['string', 'null'], pattern: DATE_PATTERN },
          text: str('原文', '统计期限在报告中的原文'),
        },
      },
      publicationDate: {
        title: '落款或发布日期',
        description: 'YYYY-MM-DD；部门、乡镇街道应在次年1月31日前发布，县级以上人民政府本级报告在3月31日前',
        type: ['string', 'null'],
        pattern: DATE_PATTERN,
      },
      contact: {
        title: '联系方式',
        description: '对报告有疑问时的联系单位、地址、邮编、电话等；未写明时为 null',
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          unit: str('联系单位'),
          address: str('地址'),
          postcode: { ...str('邮编'), pattern: '^\\d{6}$' },
          phone: str('电话'),
          email: str('电子邮箱'),
          website: str('网址', '报告电子版所在网址'),
        },
      },
      processingFee: {
        title: '信息处理费',
        description: '本年度收取信息处理费的情况（国办函〔2020〕109号，2021年度起应在第六部分说明）；未说明时为 null',
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['collected'],
        properties: {
          collected: { title: '是否收取', description: 'false 表示本年度未收取', type: 'boolean' },
          amountYuan: { title: '收取金额（元）', type: ['number', 'null'], minimum: 0 },
        },
      },
      previousYear: {
        title: '上一年度数据',
        description: '跨年度核对和编制下一年度报告所需的上年数字',
        type: 'object',
        additionalProperties: false,
        properties: {
          reportYear: { title: '上一报告年度', type: 'integer' },
          inForce: countMap(
            '上年现行有效件数',
            '上年报告表二第二十条第（一）项的现行有效件数',
            active.blocks[0]!.rows,
            new Map(active.rows.map((r) => [r.id, r.label])),
          ),
          carriedForward: countMap(
            '上年结转下年度继续办理',
            '上年报告表三“四、结转下年度继续办理”一行，按列',
            applications.columns.map((c) => c.id),
            new Map(applications.columns.map((c) => [c.id, c.label])),
          ),
        },
      },
      tables: {
        title: '表格数据',
        description: '表二、表三、表四的每个单元格；键名见各格式的定义',
        type: 'object',
        required: [...TABLE_IDS],
        properties: Object.fromEntries(TABLE_IDS.map((id) => [id, { title: `表${f2021.tables[id].numeral} ${f2021.tables[id].title}`, type: 'object' }])),
      },
      extractionIssues: {
        title: '提取问题',
        description: '提取时无法放入表格的行或单元格，按原样记录，便于定位',
        type: 'array',
        items: { $ref: '#/definitions/extractionIssue' },
      },
    },
    allOf: tableVariants,
    definitions: {
      tables2019: tablesSchema(2019),
      tables2021: tablesSchema(2021),
      extractionIssue: {
        title: '提取问题',
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'table', 'message'],
        properties: {
          kind: { title: '类别', enum: ['row-shape', 'row-missing', 'no-data', 'table-missing', 'cell-value', 'unreadable'] },
          table: { title: '表格', enum: [...TABLE_IDS] },
          row: str('行'),
          label: str('原文行标签'),
          expectedCells: { title: '应有单元格数', type: 'integer' },
          cells: {
            title: '原文单元格',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['text', 'line', 'column'],
              properties: { text: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } },
            },
          },
          message: str('说明'),
          line: { title: '行号', type: 'integer' },
          column: { title: '列号', type: 'integer' },
          endLine: { title: '结束行号', type: 'integer' },
          endColumn: { title: '结束列号', type: 'integer' },
        },
      },
    },
  };
}
