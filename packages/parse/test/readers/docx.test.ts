import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, GridBlock, GridCell } from '../../src/blocks.js';
import { readDocx } from '../../src/readers/docx.js';
import type { PlaceMark, SourceView } from '../../src/readers/types.js';
import { formatNumber } from '../../src/readers/docx-numbering.js';
import { detectUnsupported } from '../../src/readers/unsupported.js';

// ---------------------------------------------------------------------------------------------
// Building documents

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Table 三's groups of outcome rows: the group label (merged down its rows) and its items. */
const OUTCOME_GROUPS: Array<[string, string[]]> = [
  ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
  ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
  ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
  ['（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']],
];

function cell(text: string | string[], options: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  const texts = typeof text === 'string' ? [text] : text;
  return new TableCell({ children: texts.map((t) => new Paragraph(t)), ...options });
}

function numbers(row: number): TableCell[] {
  return Array.from({ length: 7 }, (_, c) => cell(String(row * 10 + c)));
}

/** Table 三 as the national format lays it out: 10 grid columns, 3 header rows, 25 data rows. */
function applicationsTable(): Table {
  const rows: TableRow[] = [
    new TableRow({ children: [cell(NOTE, { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 7 })] }),
    new TableRow({ children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })] }),
    new TableRow({ children: APPLICANTS.map((a) => cell(a)) }),
    new TableRow({ children: [cell('一、本年新收政府信息公开申请数量', { columnSpan: 3 }), ...numbers(1)] }),
    new TableRow({ children: [cell('二、上年结转政府信息公开申请数量', { columnSpan: 3 }), ...numbers(2)] }),
    new TableRow({ children: [cell('三、本年度办理结果', { rowSpan: 22 }), cell('（一）予以公开', { columnSpan: 2 }), ...numbers(3)] }),
    new TableRow({ children: [cell(['（二）部分公开', '（区分处理的，只计这一情形，不计其他情形）'], { columnSpan: 2 }), ...numbers(4)] }),
  ];
  let n = 5;
  for (const [group, items] of OUTCOME_GROUPS) {
    items.forEach((item, k) => {
      const label = k === 0 ? [cell(group, { rowSpan: items.length })] : [];
      rows.push(new TableRow({ children: [...label, cell(item), ...numbers(n++)] }));
    });
  }
  rows.push(new TableRow({ children: [cell('（七）总计', { columnSpan: 2 }), ...numbers(n++)] }));
  rows.push(new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 3 }), ...numbers(n++)] }));
  return new Table({ rows });
}

function reportDocument(): Document {
  const body = (text: string): Paragraph => new Paragraph(text);
  return new Document({
    title: '某某区2023年政府信息公开工作年度报告',
    sections: [
      {
        children: [
          new Paragraph({ text: '某某区人民政府办公室2023年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
          body('本报告依据《中华人民共和国政府信息公开条例》编制。'),
          new Paragraph({ text: SECTIONS[0]!, heading: HeadingLevel.HEADING_1 }),
          body('2023年，我区认真贯彻落实政府信息公开工作要求。'),
          new Paragraph({ text: SECTIONS[1]!, heading: HeadingLevel.HEADING_1 }),
          body('详见下表。'),
          new Paragraph({ text: SECTIONS[2]!, heading: HeadingLevel.HEADING_1 }),
          applicationsTable(),
          body('表后的说明。'),
          new Paragraph({ text: SECTIONS[3]!, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: SECTIONS[4]!, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '（一）存在的主要问题', heading: HeadingLevel.HEADING_2 }),
          body('公开内容还不够全面。'),
          new Paragraph({ text: SECTIONS[5]!, heading: HeadingLevel.HEADING_1 }),
          body('本年度无收取信息处理费情况。'),
        ],
      },
    ],
  });
}

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A .docx whose body is the given WordprocessingML, for the cases `docx` cannot write. */
async function withBody(bodyXml: string, styles?: string): Promise<Uint8Array> {
  const files = unzipSync(await pack(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  files['word/document.xml'] = strToU8(xml.replace(/<w:body>[\s\S]*?(<w:sectPr)/u, `<w:body>${bodyXml}$1`));
  if (styles) files['word/styles.xml'] = strToU8(styles);
  return zipSync(files);
}

const p = (inner: string, props = ''): string => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, props = ''): string => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;

// ---------------------------------------------------------------------------------------------
// Reading the view back

function lines(view: SourceView): string[] {
  return view.text.split('\n');
}

function blockText(view: SourceView, b: Block): string {
  return view.text.slice(b.start, b.end);
}

function onlyGrid(view: SourceView): GridBlock {
  const grids = (view.blocks ?? []).filter((b): b is GridBlock => b.kind === 'grid');
  expect(grids).toHaveLength(1);
  return grids[0]!;
}

function placeOf(view: SourceView, where: Partial<PlaceMark>): PlaceMark | undefined {
  return view.places?.find((m) => Object.entries(where).every(([k, v]) => m[k as keyof PlaceMark] === v));
}

function coveredMask(row: readonly GridCell[]): string {
  return row.map((c) => (c.covered ? 'x' : '.')).join('');
}

// ---------------------------------------------------------------------------------------------

describe('readDocx: a short report', async () => {
  const view = readDocx(await pack(reportDocument()));

  it('reads without problems, with the title from docProps', () => {
    expect(view.problems).toEqual([]);
    expect(view.format).toBe('docx');
    expect(view.encoding).toBe('binary');
    expect(view.metadata.title).toEqual({ key: 'title', value: '某某区2023年政府信息公开工作年度报告' });
    expect(view.metadata.fields).toEqual([{ key: 'title', value: '某某区2023年政府信息公开工作年度报告' }]);
  });

  it('makes the six section headings heading blocks with their depth, the rest lines', () => {
    const headings = (view.blocks ?? []).filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? [h.depth, h.text.text] : []))).toEqual([
      ...SECTIONS.slice(0, 5).map((s) => [1, s]),
      [2, '（一）存在的主要问题'],
      [1, SECTIONS[5]],
    ]);
    const first = view.blocks![0]!;
    expect(first.kind).toBe('line');
    expect(blockText(view, first)).toBe('某某区人民政府办公室2023年政府信息公开工作年度报告');
    for (const b of view.blocks!) if (b.kind === 'line') expect(b.cells).toHaveLength(1);
  });

  it('expands Table 三 into one slot per grid column, merged slots covered', () => {
    const grid = onlyGrid(view);
    expect(grid.rows).toHaveLength(28);
    for (const row of grid.rows) expect(row).toHaveLength(10);
    const [h1, h2, h3] = grid.rows;
    expect(h1!.map((c) => c.text)).toEqual([NOTE, '', '', '申请人情况', '', '', '', '', '', '']);
    expect(coveredMask(h1!)).toBe('.xx.xxxxxx');
    expect(h2!.map((c) => c.text)).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(coveredMask(h2!)).toBe('xxx..xxxx.');
    expect(h3!.map((c) => c.text)).toEqual(['', '', '', '', ...APPLICANTS, '']);
    expect(coveredMask(h3!)).toBe('xxxx.....x');

    const labels = grid.rows.slice(3).map((row) => row.slice(0, 3).map((c) => (c.covered ? '~' : c.text)));
    expect(labels[0]).toEqual(['一、本年新收政府信息公开申请数量', '~', '~']);
    expect(labels[2]).toEqual(['三、本年度办理结果', '（一）予以公开', '~']);
    expect(labels[3]).toEqual(['~', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '~']);
    expect(labels[4]).toEqual(['~', '（三）不予公开', '1.属于国家秘密']);
    expect(labels[5]).toEqual(['~', '~', '2.其他法律行政法规禁止公开']);
    expect(labels[12]).toEqual(['~', '（四）无法提供', '1.本机关不掌握相关政府信息']);
    expect(labels[23]).toEqual(['~', '（七）总计', '~']);
    expect(labels[24]).toEqual(['四、结转下年度继续办理', '~', '~']);
    // 三、本年度办理结果 covers column 1 of its 22 rows.
    expect(grid.rows.slice(6, 27).every((row) => row[0]!.covered)).toBe(true);
    expect(grid.rows[3]!.slice(3).map((c) => c.text)).toEqual(['10', '11', '12', '13', '14', '15', '16']);
    for (const row of grid.rows) for (const c of row) if (c.covered) expect([c.text, c.end - c.start]).toEqual(['', 0]);
  });

  it('writes each row as one line, cells at their offsets, separated by tabs', () => {
    const grid = onlyGrid(view);
    const text = lines(view);
    expect(text).toContain(`${NOTE}\t申请人情况`);
    expect(text).toContain('自然人\t法人或其他组织\t总计');
    expect(text).toContain(`~\t1.属于国家秘密\t${[50, 51, 52, 53, 54, 55, 56].join('\t')}`.replace('~', '（三）不予公开'));
    expect(text).toContain(`2.其他法律行政法规禁止公开\t${[60, 61, 62, 63, 64, 65, 66].join('\t')}`);
    for (const row of grid.rows) for (const c of row) expect(view.text.slice(c.start, c.end)).toBe(c.text);
    expect(view.text.slice(grid.start, grid.end).split('\n')).toHaveLength(28);
  });

  it('marks the place of every paragraph and table cell', () => {
    const places = view.places!;
    for (let i = 1; i < places.length; i++) expect(places[i]!.start).toBeGreaterThanOrEqual(places[i - 1]!.start);
    expect(placeOf(view, { paragraph: 1 })?.start).toBe(0);
    const applicants = placeOf(view, { table: 1, row: 1, column: 4 });
    expect(view.text.slice(applicants!.start, applicants!.start + 5)).toBe('申请人情况');
    const secret = placeOf(view, { table: 1, row: 8, column: 3 });
    expect(view.text.slice(secret!.start).startsWith('1.属于国家秘密')).toBe(true);
    expect(placeOf(view, { table: 1, row: 1, column: 2 })).toBeUndefined();
    // Paragraphs are counted apart from the table: the one after it is the body's 8th.
    const after = placeOf(view, { paragraph: 8 });
    expect(view.text.slice(after!.start).startsWith('表后的说明。')).toBe(true);
    const cells = places.filter((m) => m.table === 1).length;
    expect(cells).toBe(onlyGrid(view).rows.flat().filter((c) => !c.covered).length);
  });
});

describe('readDocx: runs and paragraphs', () => {
  it('keeps insertions, drops deletions and field codes, shows field results', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('本年度共收到申请'),
                new InsertedTextRun({ text: '12', id: 1, author: '审核', date: '2024-01-05T00:00:00Z' }),
                new DeletedTextRun({ text: '10', id: 2, author: '审核', date: '2024-01-05T00:00:00Z' }),
                new TextRun('件。'),
              ],
            }),
            new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] }),
            new Paragraph({ children: [new TextRun('日期：'), new SimpleField('DATE', '2024年1月5日')] }),
            new Paragraph({ children: [new TextRun({ children: ['甲', new Tab(), '乙'] }), new TextRun({ text: '第二行', break: 1 })] }),
          ],
        },
      ],
    });
    const view = readDocx(await pack(doc));
    expect(view.problems).toEqual([]);
    expect(lines(view).slice(0, 5)).toEqual(['本年度共收到申请12件。', '第页', '日期：2024年1月5日', '甲 乙', '第二行']);
    expect(view.places!.map((m) => m.paragraph)).toEqual([1, 2, 3, 4]);
    expect(view.places![3]!.start).toBe(view.text.indexOf('甲'));
  });

  it('reads complex fields, content controls, hidden text and headings by outline level or style', async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="mine"><w:name w:val="我的标题"/><w:basedOn w:val="a3"/></w:style>
      <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="正文"/></w:style></w:styles>`;
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('链接')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = [
      p(r('一、总体情况'), '<w:pStyle w:val="1"/>'),
      p(r('（一）主动公开'), '<w:pStyle w:val="a3"/>'),
      p(r('（二）依申请公开'), '<w:pStyle w:val="mine"/>'),
      p(r('二、主动公开政府信息情况'), '<w:outlineLvl w:val="0"/>'),
      p(r('正文不是标题'), '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>'),
      p(`${r('见')}${field}${r('。')}`),
      `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${p(r('控件里的段落'))}</w:sdtContent></w:sdt>`,
      p(`${r('看得见')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>`),
      p(''),
      p(`<w:del w:id="1" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del>`, '<w:rPr><w:del w:id="2" w:author="a"/></w:rPr>'),
      p(r('最后')),
    ].join('');
    const view = readDocx(await withBody(body, styles));
    expect(view.problems).toEqual([]);
    const kinds = view.blocks!.map((b) => (b.kind === 'heading' ? `h${b.depth}` : b.kind));
    expect(kinds).toEqual(['h1', 'h2', 'h2', 'h1', 'line', 'line', 'line', 'line', 'blank', 'line']);
    expect(lines(view)).toEqual(['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、主动公开政府信息情况', '正文不是标题', '见链接。', '控件里的段落', '看得见', '', '最后', '']);
    // The deleted paragraph shows no line but keeps its number: the last is the body's 11th.
    expect(view.places!.at(-1)).toEqual({ start: view.text.indexOf('最后'), paragraph: 11 });
  });

  it('reads what it can of a body cut off, and styles by ID when styles.xml is missing', async () => {
    const files = unzipSync(await withBody(p(r('二级标题'), '<w:pStyle w:val="Heading2"/>') + p(r('完整的段落')) + p(r('被截断的段落'))));
    delete files['word/styles.xml'];
    const xml = new TextDecoder().decode(files['word/document.xml']);
    files['word/document.xml'] = strToU8(xml.slice(0, xml.indexOf('被截断') + 2));
    const view = readDocx(zipSync(files));
    expect(view.problems.map((x) => [x.code, x.fatal])).toEqual([['corrupt', false]]);
    expect(lines(view)).toEqual(['二级标题', '完整的段落', '被截', '']);
    expect(view.blocks![0]).toMatchObject({ kind: 'heading', depth: 2 });
  });

  it('reads a part written under another prefix for the Word namespace', async () => {
    const files = unzipSync(await withBody(p(r('正文'))));
    const xml = new TextDecoder().decode(files['word/document.xml']).replace(/\bw:/gu, 'ns0:').replace(/xmlns:w=/u, 'xmlns:ns0=');
    files['word/document.xml'] = strToU8(xml);
    expect(lines(readDocx(zipSync(files)))[0]).toBe('正文');
  });
});

describe('readDocx: automatic numbering', () => {
  it('writes the numbers Word shows before numbered headings and items', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '总体情况', heading: HeadingLevel.HEADING_1, numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ text: '主动公开', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: '依申请公开', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: '第一项', numbering: { reference: 'sections', level: 2 } }),
            new Paragraph({ text: '主动公开政府信息情况', heading: HeadingLevel.HEADING_1, numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ text: '重新计数', numbering: { reference: 'sections', level: 1 } }),
          ],
        },
      ],
    });
    const view = readDocx(await pack(doc));
    expect(lines(view).slice(0, 6).map((l) => l.replace(/\s+/gu, ''))).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1.第一项',
      '二、主动公开政府信息情况',
      '（一）重新计数',
    ]);
    const heading = view.blocks![0]!;
    expect(heading.kind === 'heading' && heading.text.text).toBe('一、 总体情况');
  });

  it('follows a heading style linked to a list', async () => {
    const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
    const files = unzipSync(await withBody(SECTIONS.map((s) => p(r(s.slice(2)), '<w:pStyle w:val="1"/>')).join('') + p(r('无编号'), '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>'), styles));
    files['word/numbering.xml'] = strToU8(numbering);
    const view = readDocx(zipSync(files));
    expect(lines(view).slice(0, 7)).toEqual([...SECTIONS, '无编号']);
    expect(view.blocks!.every((b) => b.kind === 'heading' && b.depth === 1)).toBe(true);
  });

  it('formats counters as Word does', () => {
    expect([1, 10, 11, 20, 21, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百零五', '一百一十']);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
  });
});

describe('readDocx: tables written by hand', () => {
  it('expands gridBefore, gridAfter, hMerge and a vMerge without a value', async () => {
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('甲', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('乙', '<w:vMerge w:val="restart"/>')}${tc('丙', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}${tc('丁')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}${tc('3')}</w:tr>
      <w:tr>${tc('4')}</w:tr></w:tbl>`;
    const view = readDocx(await withBody(p(r('前')) + table + p(r('后'))));
    const grid = onlyGrid(view);
    expect(grid.rows.map(coveredMask)).toEqual(['x.xx', '..x.', 'x...', '.xxx']);
    expect(grid.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['', '甲', '', ''],
      ['乙', '丙', '', '丁'],
      ['', '1', '2', '3'],
      ['4', '', '', ''],
    ]);
    expect(lines(view)).toEqual(['前', '甲', '乙\t丙\t丁', '1\t2\t3', '4', '后', '']);
    expect(placeOf(view, { table: 1, row: 1, column: 2 })?.start).toBe(view.text.indexOf('甲'));
    expect(placeOf(view, { table: 1, row: 3, column: 4 })?.start).toBe(view.text.indexOf('3'));
    expect(placeOf(view, { paragraph: 2 })?.start).toBe(view.text.indexOf('后'));
  });

  it('puts a nested table’s text into the outer cell and keeps empty cells as empty slots', async () => {
    const inner = `<w:tbl><w:tr>${tc('内一')}${tc('内二')}</w:tr></w:tbl>`;
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr><w:tc>${p(r('外'))}${inner}${p('')}</w:tc>${tc('')}${tc(' 5 ')}</w:tr></w:tbl>`;
    const view = readDocx(await withBody(table));
    const grid = onlyGrid(view);
    expect(grid.rows[0]!.map((c) => [c.text, Boolean(c.covered)])).toEqual([
      ['外内一内二', false],
      ['', false],
      ['5', false],
    ]);
    expect(lines(view)[0]).toBe('外内一内二\t\t 5 ');
    expect(view.places!.filter((m) => m.table === 1)).toHaveLength(3);
  });
});

describe('readDocx: files it cannot read', () => {
  it('reports a truncated .docx as corrupt', async () => {
    const bytes = await pack(reportDocument());
    const view = readDocx(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(view.problems).toHaveLength(1);
    expect(view.problems[0]!.code).toBe('corrupt');
    expect(view.problems[0]!.fatal).toBe(true);
    expect(view.problems[0]!.message.zh).toContain('重新保存为 .docx');
    expect(view.text).toBe('');
  });

  it('reports random bytes and an empty file', () => {
    let seed = 12345;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    });
    expect(readDocx(random).problems.map((x) => [x.code, x.fatal])).toEqual([['corrupt', true]]);
    expect(readDocx(new Uint8Array(0)).problems.map((x) => [x.code, x.fatal])).toEqual([['empty', true]]);
    // A zip that starts well but whose data is garbage.
    const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...random.subarray(0, 200)]);
    expect(readDocx(zipLike).problems[0]!.code).toBe('corrupt');
  });

  it('reports a zip without word/document.xml', () => {
    const view = readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
    expect(view.problems.map((x) => x.code)).toEqual(['corrupt']);
    expect(view.problems[0]!.message.zh).toContain('word/document.xml');
  });

  it('tells an old .doc, a .wps, an encrypted file, an OFD and an RTF apart', () => {
    const ole = new Uint8Array(1536);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readDocx(ole).problems.map((x) => [x.code, x.fatal])).toEqual([['legacy-doc', true]]);
    expect(readDocx(ole).problems[0]!.message.zh).toBe('这是旧版 Word 文档（.doc），无法直接检查。请在 Word/WPS 中“另存为” .docx 后再检查。');
    expect(detectUnsupported(ole, '年报.wps')?.code).toBe('wps');
    expect(detectUnsupported(ole, '年报.docx')?.code).toBe('legacy-doc');

    const encrypted = ole.slice();
    const name = 'EncryptedPackage';
    for (let k = 0; k < name.length; k++) encrypted[1024 + 2 * k] = name.charCodeAt(k);
    encrypted[1024 + 64] = (name.length + 1) * 2;
    expect(readDocx(encrypted).problems.map((x) => x.code)).toEqual(['encrypted']);
    // The same name in document text, off the directory's alignment, is not an entry.
    const shifted = ole.slice();
    for (let k = 0; k < name.length; k++) shifted[1030 + 2 * k] = name.charCodeAt(k);
    expect(detectUnsupported(shifted)?.code).toBe('legacy-doc');

    const ofd = zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), 'Doc_0/Document.xml': strToU8('<ofd:Document/>') });
    expect(readDocx(ofd).problems.map((x) => [x.code, x.fatal])).toEqual([['ofd', true]]);
    expect(readDocx(ofd).problems[0]!.message.zh).toContain('数科阅读器');
    expect(detectUnsupported(ofd.subarray(0, 40), 'a.ofd')?.code).toBe('ofd');

    const rtf = strToU8('{\\rtf1\\ansi 年报}');
    expect(readDocx(rtf).problems[0]!.message.zh).toContain('RTF');
    for (const x of [readDocx(ole), readDocx(ofd), readDocx(rtf), readDocx(encrypted)]) expect(x.problems[0]!.message.en).not.toBe('');
  });

  it('leaves readable files and text under a .doc name alone', async () => {
    expect(detectUnsupported(await pack(reportDocument()), 'a.docx')).toBeUndefined();
    expect(detectUnsupported(strToU8('<html><body>年报</body></html>'), '年报.doc')).toBeUndefined();
    expect(detectUnsupported(new Uint8Array([1, 0, 2, 0]), '年报.doc')?.code).toBe('legacy-doc');
    expect(detectUnsupported(new Uint8Array([1, 0, 2, 0]), '年报.wps')?.code).toBe('wps');
    expect(detectUnsupported(new Uint8Array(0), '年报.doc')).toBeUndefined();
  });
});

describe('readDocx: speed', () => {
  it('reads a 30-page report (logged, not asserted)', async () => {
    const sentence = '我单位坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实政府信息公开工作要求，不断提升政务公开质量和实效。';
    const children: Array<Paragraph | Table> = [];
    for (let page = 0; page < 30; page++) {
      children.push(new Paragraph({ text: SECTIONS[page % 6]!, heading: HeadingLevel.HEADING_1 }));
      // Word splits a paragraph into many formatted runs; so does this, to make document.xml as large.
      for (let k = 0; k < 10; k++) {
        const runs = Array.from({ length: 8 }, (_, i) => new TextRun({ text: sentence.slice(0, 12 + i), font: '仿宋_GB2312', size: 32, bold: i % 3 === 0 }));
        children.push(new Paragraph({ children: runs }));
      }
      if (page % 10 === 2) children.push(applicationsTable());
    }
    const bytes = await pack(new Document({ sections: [{ children }] }));
    const xmlSize = unzipSync(bytes)['word/document.xml']!.length;
    readDocx(bytes);
    const runs = 5;
    const t0 = performance.now();
    let view: SourceView | undefined;
    for (let i = 0; i < runs; i++) view = readDocx(bytes);
    const ms = (performance.now() - t0) / runs;
    console.log(`readDocx: 30-page report, ${bytes.length} bytes (document.xml ${xmlSize}), ${view!.text.length} characters of view, ${ms.toFixed(1)} ms per read`);
    expect(view!.problems).toEqual([]);
    expect(view!.blocks!.filter((b) => b.kind === 'grid')).toHaveLength(3);
  });
});
