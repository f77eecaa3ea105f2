import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../src/readers/pdf-furniture.js';
import { lineText, pageLines, type TextPiece } from '../../src/readers/pdf-lines.js';
import { looksGarbled } from '../../src/readers/pdf-problems.js';
import { readPdf } from '../../src/readers/pdf.js';
import type { SourceView } from '../../src/readers/types.js';

const CORPUS_PDF = '/work/shared/corpus/010_hongze_gov_2024.pdf';
const CORPUS_TXT = '/work/shared/corpus/010_hongze_gov_2024_pdftotext.txt';
/** Debian's fonts-noto-cjk; CI installs it (see the report): there the tests that need it must run. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';
const ON_CI = process.env.CI === 'true';
const haveFont = existsSync(CJK_FONT);
const haveCorpus = existsSync(CORPUS_PDF) && existsSync(CORPUS_TXT);

if (ON_CI && !haveFont) throw new Error(`CI: ${CJK_FONT} is missing — install the Debian package fonts-noto-cjk`);
if (!haveFont) console.warn(`skipping generated-PDF tests: ${CJK_FONT} not found (apt-get install fonts-noto-cjk)`);

const lines = (view: SourceView): string[] => view.text.split('\n');
/** The number cells of a `pdftotext -layout` line: columns are two or more spaces apart. */
const layoutNumbers = (line: string): string[] =>
  line
    .trim()
    .split(/\s{2,}/u)
    .filter((c) => /^\d+(?:\.\d+)?$/u.test(c));
const cellNumbers = (line: string): string[] => line.split('\t').filter((c) => /^\d+(?:\.\d+)?$/u.test(c.trim()));

type Doc = InstanceType<typeof PDFDocument>;

/** Renders a PDF with pdfkit and returns its bytes. */
function makePdf(draw: (doc: Doc) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 20, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function cjk(doc: Doc, size: number): Doc {
  return doc.font(CJK_FONT, CJK_FONT_NAME).fontSize(size);
}

/** Draws a table row: a label and cells at fixed x positions; `null` leaves a cell blank. */
function row(doc: Doc, y: number, label: string, cells: ReadonlyArray<number | null>, xs: readonly number[]): void {
  cjk(doc, 10).text(label, 60, y, { lineBreak: false });
  for (const [i, value] of cells.entries()) {
    if (value !== null) doc.text(String(value), xs[i]!, y, { lineBreak: false });
  }
}

/** A grey PNG, made by hand: a scanned page is one image and no text. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 3) % 256;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function piece(text: string, x: number, y: number, size = 10, width = text.length * size): TextPiece {
  return { text, x, y, length: width, size };
}

describe('pdf-lines: positioned pieces into lines', () => {
  it('orders rows by baseline and cells by x, never by stream order', () => {
    // A table drawn column by column, as WPS writes it.
    const pieces = [piece('1', 200, 700), piece('3', 200, 680), piece('2', 260, 700), piece('4', 260, 680), piece('甲', 60, 700), piece('乙', 60, 681)];
    expect(pageLines(pieces).map(lineText)).toEqual(['甲\t1\t2', '乙\t3\t4']);
  });

  it('joins glyphs placed one by one, spaces letter-spaced words and Latin words, tabs column gaps', () => {
    const glyphs = [...'政府信息'].map((g, i) => piece(g, 60 + i * 10, 700));
    const spaced = [piece('自', 60, 650), piece('然', 75, 650), piece('人', 90, 650), piece('0', 200, 650, 10, 5)];
    const latin = [piece('PDF', 60, 600, 10, 18), piece('export', 81, 600, 10, 30)];
    expect(pageLines([...glyphs, ...spaced, ...latin]).map(lineText)).toEqual(['政府信息', '自 然 人\t0', 'PDF export']);
  });

  it('reads a vertical run top to bottom as one line', () => {
    const run = [...'三、本年度'].map((g, i): TextPiece => ({ text: g, x: 90, y: 300 - i * 10, length: 10, size: 10, vertical: true }));
    expect(pageLines(run).map(lineText)).toEqual(['三、本年度']);
  });
});

describe('pdf-furniture: page numbers and running headers', () => {
  const box = { width: 595, height: 842, left: 0, bottom: 0 };
  const page = (n: number, extra: TextPiece[] = []) => ({
    box,
    lines: pageLines([piece('某某县人民政府办公室', 200, 810), piece('正文第一行', 60, 700), piece('正文第二行', 60, 680), piece(`- ${n} -`, 280, 40, 10, 25), ...extra]),
  });
  it('drops page numbers and a header repeated on every page, keeps the text', () => {
    const out = dropFurniture([page(1), page(2), page(3, [piece('第 3 页', 280, 25, 10, 30)])]).map((p) => p.map(lineText));
    expect(out).toEqual([
      ['正文第一行', '正文第二行'],
      ['正文第一行', '正文第二行'],
      ['正文第一行', '正文第二行'],
    ]);
  });
  it('keeps a number that is not at a page edge', () => {
    const out = dropFurniture([{ box, lines: pageLines([piece('12', 280, 400, 10, 10)]) }]);
    expect(out[0]!.map(lineText)).toEqual(['12']);
  });
});

describe('pdf-problems: garbled text', () => {
  it('tells unmapped glyphs from a report', () => {
    expect(looksGarbled('\ue001\ue002\ue003'.repeat(30))).toBe(true);
    expect(looksGarbled('\ufffd'.repeat(60))).toBe(true);
    expect(looksGarbled('!"#$%&\'()*+,-./'.repeat(6))).toBe(true);
    expect(looksGarbled('ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑ'.repeat(4))).toBe(true);
    expect(looksGarbled('一、总体情况 2024 年，本机关共主动公开政府信息 123 条。'.repeat(3))).toBe(false);
    expect(looksGarbled('2025-03-01')).toBe(false);
  });
});

describe.skipIf(!haveCorpus)('readPdf: the corpus PDF (WPS, CID fonts, a vertical cell)', async () => {
  const started = performance.now();
  const view = haveCorpus ? await readPdf(new Uint8Array(readFileSync(CORPUS_PDF))) : undefined;
  const seconds = (performance.now() - started) / 1000;
  const warmStart = performance.now();
  if (haveCorpus) for (let i = 0; i < 3; i++) await readPdf(new Uint8Array(readFileSync(CORPUS_PDF)));
  const warm = (performance.now() - warmStart) / 1000 / 3;

  it('reads every table row with the numbers pdftotext -layout gives', () => {
    const pages = new Set(view!.places!.map((p) => p.page)).size;
    console.log(
      `pdf reader: ${pages} pages, first read ${seconds.toFixed(2)} s (loads pdf.js), then ${warm.toFixed(3)} s a read: ${(pages / warm).toFixed(1)} pages/s`,
    );
    const v = view!;
    expect(v.format).toBe('pdf');
    expect(v.encoding).toBe('binary');
    // The tables are ruled: read from their borders, as grids (one per table and page).
    expect(v.blocks!.filter((b) => b.kind === 'grid').length).toBeGreaterThanOrEqual(3);
    expect(v.problems).toEqual([]);
    const expected = readFileSync(CORPUS_TXT, 'utf8')
      .split('\n')
      .map(layoutNumbers)
      .filter((n) => n.length >= 7);
    const got = lines(v).map(cellNumbers);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const want of expected) expect(got, want.join(' ')).toContainEqual(want);
    // Every number row is one line: none split, none merged with its neighbours.
    expect(got.filter((n) => n.length >= 7)).toEqual(expected);
  });

  it('puts the six headings on lines of their own, and no page numbers', () => {
    const v = view!;
    const l = lines(v);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(l).toContain(h);
    }
    expect(l.filter((x) => /^\s*[-—]\s*\d+\s*[-—]\s*$/u.test(x))).toEqual([]);
    expect(view!.text).not.toContain('\f');
    // The sentence that page 4's number interrupted in the layout text runs on unbroken.
    expect(l).toContain('编制适用性广、操作性强的依申请公开政府信息答复书模板，使');
    // The vertical cell, read from the operator list, is one cell of its table's grid.
    const cells = v.blocks!.flatMap((b) => (b.kind === 'grid' ? b.rows.flat().map((c) => c.text) : []));
    expect(cells).toContain('三、本年度办理结果');
  });

  it('places point at the page and line', () => {
    const v = view!;
    const at = (needle: string) => {
      const start = v.text.indexOf(needle);
      return [...v.places!].reverse().find((p) => p.start <= start);
    };
    expect(at('一、总体情况')).toMatchObject({ page: 1, line: 9 });
    expect(at('三、收到和处理政府信息公开申请情况')).toMatchObject({ page: 3 });
    expect(at('四、政府信息公开行政复议')).toMatchObject({ page: 4 });
    // Page 5 opens with the last four lines of 五's sentence, then 六.
    expect(at('六、其他需要报告的事项')).toMatchObject({ page: 5, line: 5 });
    expect(v.places!.length).toBe(lines(v).length);
    expect(v.metadata.title?.value).toBe('政府信息公开工作年度报告');
  });
});

describe.skipIf(!haveFont)('readPdf: PDFs made with pdfkit', () => {
  const xs = [250, 330, 410, 490];

  it('reads a title, headings and a table whose blank cells stay in their columns', async () => {
    const bytes = await makePdf((doc) => {
      cjk(doc, 18).text('某某县人民政府2024年政府信息公开工作年度报告', 60, 60, { lineBreak: false });
      cjk(doc, 14).text('一、总体情况', 60, 110, { lineBreak: false });
      cjk(doc, 12).text('2024 年，本机关主动公开政府信息 120 条。', 60, 135, { lineBreak: false });
      cjk(doc, 14).text('二、主动公开政府信息情况', 60, 170, { lineBreak: false });
      cjk(doc, 10).text('信息内容', 60, 200, { lineBreak: false });
      for (const [i, h] of ['本年制发件数', '本年废止件数', '现行有效件数'].entries()) doc.text(h, xs[i]! - 25, 200, { lineBreak: false });
      row(doc, 225, '规章', [0, null, 5], xs);
      row(doc, 250, '行政规范性文件', [3, 1, 12], xs);
      row(doc, 275, '其他文件', [null, null, 7], xs);
    });
    const view = await readPdf(bytes);
    expect(view.problems).toEqual([]);
    expect(lines(view)).toEqual([
      '某某县人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024 年，本机关主动公开政府信息 120 条。',
      '二、主动公开政府信息情况',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t\t5',
      '行政规范性文件\t3\t1\t12',
      '其他文件\t\t\t7',
    ]);
    expect(view.places!.map((p) => [p.page, p.line])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [1, n]));
  });

  it('reads a table over two pages without the page number between', async () => {
    const bytes = await makePdf((doc) => {
      const footer = (n: number) => cjk(doc, 10).text(`- ${n} -`, 0, 800, { width: 595, align: 'center', lineBreak: false });
      cjk(doc, 14).text('三、收到和处理政府信息公开申请情况', 60, 60, { lineBreak: false });
      for (let i = 0; i < 3; i++) row(doc, 700 + i * 25, `${i + 1}.第${i + 1}行`, [i, 0, 0, i], xs);
      footer(1);
      doc.addPage();
      for (let i = 3; i < 5; i++) row(doc, 60 + (i - 3) * 25, `${i + 1}.第${i + 1}行`, [i, 0, 0, i], xs);
      cjk(doc, 14).text('四、政府信息公开行政复议、行政诉讼情况', 60, 200, { lineBreak: false });
      footer(2);
    });
    const view = await readPdf(bytes);
    expect(view.problems).toEqual([]);
    expect(lines(view)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '1.第1行\t0\t0\t0\t0',
      '2.第2行\t1\t0\t0\t1',
      '3.第3行\t2\t0\t0\t2',
      '4.第4行\t3\t0\t0\t3',
      '5.第5行\t4\t0\t0\t4',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(view.places!.at(-1)).toMatchObject({ page: 2, line: 3 });
  });

  it('reports a scan (images, no text) as scanned-pdf, fatal', async () => {
    const image = png(64, 64);
    const bytes = await makePdf((doc) => {
      doc.image(image, 50, 50, { width: 400 });
      doc.addPage();
      doc.image(image, 50, 50, { width: 400 });
    });
    const view = await readPdf(bytes);
    expect(view.problems).toHaveLength(1);
    expect(view.problems[0]).toMatchObject({ code: 'scanned-pdf', fatal: true });
    expect(view.problems[0]!.message.zh).toBe('这个 PDF 是扫描件（没有文字层），无法检查。请提供 Word/WPS 原文件，或先用 OCR 软件识别成文字再检查。');
  });

  it('reads the text pages of a part-scanned PDF and names the scanned pages', async () => {
    const bytes = await makePdf((doc) => {
      cjk(doc, 14).text('一、总体情况', 60, 60, { lineBreak: false });
      doc.addPage();
      doc.image(png(32, 32), 50, 50, { width: 300 });
    });
    const view = await readPdf(bytes);
    expect(view.text).toBe('一、总体情况');
    expect(view.problems).toHaveLength(1);
    expect(view.problems[0]).toMatchObject({ code: 'scanned-pdf', fatal: false });
    expect(view.problems[0]!.message.zh).toContain('第 2 页');
  });

  it('reports a password-protected PDF as encrypted, fatal', async () => {
    const bytes = await makePdf((doc) => cjk(doc, 12).text('保密', 60, 60), { userPassword: 'secret' });
    const view = await readPdf(bytes);
    expect(view.problems).toHaveLength(1);
    expect(view.problems[0]).toMatchObject({ code: 'encrypted', fatal: true });
    expect(view.problems[0]!.message.zh).toContain('密码');
    expect(view.text).toBe('');
  });

  it('never throws on truncated, random or empty bytes', async () => {
    const valid = await makePdf((doc) => {
      for (let p = 0; p < 4; p++) {
        if (p > 0) doc.addPage();
        cjk(doc, 12).text(`第${p + 1}页的正文。`, 60, 300 + p * 20);
      }
    });
    const half = await readPdf(valid.slice(0, Math.floor(valid.length / 2)));
    // Half a file is either read in part (pdf.js rebuilds what it can) or reported as corrupt.
    if (half.problems.some((p) => p.fatal)) expect(half.problems.map((p) => p.code)).toContain('corrupt');
    else expect(half.text).toContain('第1页');

    let seed = 42;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const junk = await readPdf(random);
    expect(junk.problems[0]).toMatchObject({ code: 'corrupt', fatal: true });
    expect(junk.problems[0]!.message.zh).toContain('PDF');

    const empty = await readPdf(new Uint8Array(0));
    expect(empty.problems[0]).toMatchObject({ code: 'empty', fatal: true });

    // The caller's bytes are not taken over by pdf.js.
    expect(valid.length).toBeGreaterThan(0);
    expect((await readPdf(valid)).text).toContain('第4页的正文。');
  });
});
