/**
 * The report as a Word document in 公文 style (GB/T 9704-2012): A4 with the standard margins and a grid of
 * 22 lines × 28 characters, the title in 方正小标宋简体 二号, headings in 黑体 and 楷体_GB2312 三号, the body in
 * 仿宋_GB2312 三号, `— 1 —` page numbers centred in the footer, and the three tables with the format's merged
 * cells in 五号 or 小五, at widths that fit the 156 mm type area. Written with the `docx` package, then its
 * package touched up where `docx` has no option: each font's alternate (`altName`) in the font table, and
 * table text kept off the line grid (a 三号 grid line per table line would spread Table 三 over pages).
 */
import type { IRunOptions, ParagraphChild } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fontSet, LATIN_FONTS, type FontRole, type FontSet } from './fonts.js';
import type { HeadingLevel, LaidRun, LayoutBlock, ReportLayout } from './layout.js';
import { PAGE, SIZE_PT, twips } from './page.js';
import type { LaidCell, LaidTable } from './tables.js';

export interface DocxOptions {
  fonts?: Partial<Record<FontRole, readonly string[]>>;
  /** The document's creation time and its package entries' dates: the same report and date give the same bytes. Absent: now. */
  date?: Date;
}

type Docx = typeof import('docx');
type Block = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

/** A4 in twips, as Word has it. */
const PAGE_TWIPS = { width: 11906, height: 16838 } as const;
const MARGIN_TWIPS = { top: twips(PAGE.marginMm.top), bottom: twips(PAGE.marginMm.bottom), left: twips(PAGE.marginMm.left), right: twips(PAGE.marginMm.right) };

/** The type area's width in twips: no table is wider. */
export const TYPE_AREA_TWIPS = PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;
const TYPE_AREA_HEIGHT_TWIPS = PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom;
/** 22 lines to the type area's height. */
export const LINE_PITCH_TWIPS = Math.floor(TYPE_AREA_HEIGHT_TWIPS / PAGE.linesPerPage);
/**
 * 28 characters to a line: each 三号 character set 0.25 pt closer (15.75 pt × 28 fit the 442 pt line). Not the
 * character grid (`linesAndChars` with `charSpace`): LibreOffice sizes that grid from a base of its own and
 * sets each character over two grid cells, 18 to a line.
 */
export const BODY_CHARACTER_SPACING = -Math.ceil((SIZE_PT.size3 - TYPE_AREA_TWIPS / 20 / PAGE.charsPerLine) * 20);

const TABLE_STYLE = 'NianbaoTableText';
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Two characters of 三号 (first-line indent); four for the date's space from the right (右空四字). */
const INDENT_TWO = halfPoints(SIZE_PT.size3) * 10 * 2;
const INDENT_FOUR = INDENT_TWO * 2;

/** The grid's column widths in twips, adding up to the type area exactly. */
export function tableTwips(table: LaidTable): number[] {
  const total = table.widthsMm.reduce((a, b) => a + b, 0);
  const widths = table.widthsMm.map((w) => Math.floor((w / total) * TYPE_AREA_TWIPS));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += TYPE_AREA_TWIPS - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function font(fonts: FontSet, role: FontRole, latin: boolean): NonNullable<IRunOptions['font']> {
  const cjk = fonts[role][0]!;
  const ascii = latin ? LATIN_FONTS[0]! : cjk;
  return { ascii, hAnsi: ascii, eastAsia: cjk, cs: ascii };
}

class Writer {
  constructor(
    private readonly d: Docx,
    private readonly fonts: FontSet,
  ) {}

  private run(text: string, role: FontRole, sizePt: number, extra: Partial<IRunOptions> = {}): InstanceType<Docx['TextRun']> {
    const spacing = sizePt === SIZE_PT.size3 ? { characterSpacing: BODY_CHARACTER_SPACING } : {};
    return new this.d.TextRun({ text, size: halfPoints(sizePt), font: font(this.fonts, role, role === 'body' || role === 'table'), ...spacing, ...extra });
  }

  private leadRole(level: HeadingLevel): FontRole {
    return level === 1 ? 'heading' : level === 2 ? 'subheading' : 'body';
  }

  private runs(runs: readonly LaidRun[]): ParagraphChild[] {
    return runs.map((r) => {
      const role: FontRole = r.lead ? this.leadRole(r.lead) : 'body';
      const bold = r.strong === true || r.lead === 3;
      const run = this.run(r.text, role, SIZE_PT.size3, bold ? { bold: true } : {});
      return r.href ? new this.d.ExternalHyperlink({ link: r.href, children: [run] }) : run;
    });
  }

  block(block: LayoutBlock): Block[] {
    const { Paragraph, AlignmentType } = this.d;
    switch (block.kind) {
      case 'title':
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [this.run(block.text, 'title', SIZE_PT.size2)] }),
          // 标题下空一行.
          new Paragraph({ children: [] }),
        ];
      case 'heading':
        return [
          new Paragraph({
            keepNext: true,
            indent: { firstLine: INDENT_TWO },
            children: [this.run(block.text, this.leadRole(block.level), SIZE_PT.size3, block.level === 3 ? { bold: true } : {})],
          }),
        ];
      case 'paragraph':
        return [
          block.align === 'right'
            ? new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_FOUR }, children: this.runs(block.runs) })
            : new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT_TWO }, children: this.runs(block.runs) }),
        ];
      case 'table':
        return [this.table(block.table)];
      case 'note':
        return [new Paragraph({ style: TABLE_STYLE, children: [this.run(block.text, 'table', SIZE_PT.size5)] })];
    }
  }

  private cell(cell: LaidCell, widths: number[], column: number, keepNext: boolean, sizePt: number): InstanceType<Docx['TableCell']> {
    const { TableCell, Paragraph, AlignmentType, VerticalAlignTable, WidthType, ShadingType } = this.d;
    const width = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 57, right: 57, top: 28, bottom: 28 },
      ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.asRead ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF2BF' } } : {}),
      children: [
        new Paragraph({
          style: TABLE_STYLE,
          keepNext,
          alignment: cell.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: cell.text === '' ? [] : [this.run(cell.text, 'table', sizePt)],
        }),
      ],
    });
  }

  private table(table: LaidTable): InstanceType<Docx['Table']> {
    const { Table, TableRow, WidthType, TableLayoutType, BorderStyle } = this.d;
    const widths = tableTwips(table);
    const sizePt = SIZE_PT[table.textSize];
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    // Which grid columns each row's cells start in: a cell merged down from above takes its columns.
    const taken: number[][] = table.rows.map(() => []);
    const rows = table.rows.map((cells, r) => {
      let column = 0;
      const out = cells.map((cell) => {
        while (taken[r]!.includes(column)) column++;
        for (let dr = 1; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]?.push(column + dc);
        const made = this.cell(cell, widths, column, r < table.rows.length - 1, sizePt);
        column += cell.colSpan;
        return made;
      });
      // Rows are never split, and each keeps with the next: Word moves the table to the next page whole
      // where it fits on one. Header rows are not repeated: a table that must break (or a LibreOffice that
      // breaks it) would print each merged header twice, and a reader of the PDF would count it twice.
      return new TableRow({ cantSplit: true, children: out });
    });
    return new Table({
      width: { size: TYPE_AREA_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    });
  }

  footer(): InstanceType<Docx['Footer']> {
    const { Footer, Paragraph, AlignmentType, TextRun, PageNumber } = this.d;
    const size = halfPoints(SIZE_PT.size4);
    const f = font(this.fonts, 'pageNumber', false);
    return new Footer({
      children: [
        new Paragraph({
          style: TABLE_STYLE,
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: '— ', size, font: f }), new TextRun({ children: [PageNumber.CURRENT], size, font: f }), new TextRun({ text: ' —', size, font: f })],
        }),
      ],
    });
  }
}

const ESCAPE_XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (text: string): string => text.replace(/[&<>"]/gu, (c) => ESCAPE_XML[c]!);

/**
 * The font table with every font the document names and its first fallback as `altName`, marked GB2312
 * (charset 86) so that Word picks a Chinese face of the same kind where neither is installed.
 */
function fontTable(fonts: FontSet): string {
  const seen = new Map<string, string | undefined>();
  for (const list of Object.values(fonts)) if (!seen.has(list[0]!)) seen.set(list[0]!, list[1]);
  for (const latin of LATIN_FONTS.slice(0, 1)) seen.set(latin, LATIN_FONTS[1]);
  const entries = [...seen].map(([name, alt]) => {
    const cjk = !/^[\x20-\x7e]+$/u.test(name);
    return `<w:font w:name="${xml(name)}">${alt ? `<w:altName w:val="${xml(alt)}"/>` : ''}<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/><w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

/**
 * No punctuation hangs past the right margin (`docx` writes `w:overflowPunct` only when on): the type area
 * is the edge of every line, as the standard draws it.
 */
function noHangingPunctuation(styles: string): string {
  return styles.replace(/(<w:pPrDefault><w:pPr>)/u, '$1<w:overflowPunct w:val="0"/>');
}

/** The table-text style off the line grid: `docx` has no paragraph `snapToGrid`, so it is written in (before `w:spacing`, as the schema orders it). */
function offGrid(styles: string): string {
  return styles.replace(new RegExp(`(<w:style [^>]*w:styleId="${TABLE_STYLE}"[^>]*>[\\s\\S]*?<w:pPr>[\\s\\S]*?)(<w:spacing)`, 'u'), '$1<w:snapToGrid w:val="0"/>$2');
}

/** `docx` names each hyperlink's relationship at random: numbered in order, the same report gives the same package. */
function pinLinkIds(files: Record<string, Uint8Array>): void {
  const rels = files['word/_rels/document.xml.rels'];
  const body = files['word/document.xml'];
  if (!rels || !body) return;
  let relsXml = strFromU8(rels);
  let bodyXml = strFromU8(body);
  const random = [...new Set([...relsXml.matchAll(/Id="(rId(?!\d+")[^"]+)"/gu)].map((m) => m[1]!))];
  random.forEach((id, k) => {
    relsXml = relsXml.split(`"${id}"`).join(`"rIdLink${k + 1}"`);
    bodyXml = bodyXml.split(`"${id}"`).join(`"rIdLink${k + 1}"`);
  });
  files['word/_rels/document.xml.rels'] = strToU8(relsXml);
  files['word/document.xml'] = strToU8(bodyXml);
}

/** Rewrites the package: the font table, the off-grid style, link ids, fixed dates. */
function finish(bytes: Uint8Array, fonts: FontSet, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['word/styles.xml'];
  if (styles) files['word/styles.xml'] = strToU8(noHangingPunctuation(offGrid(strFromU8(styles))));
  files['word/fontTable.xml'] = strToU8(fontTable(fonts));
  pinLinkIds(files);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/gu, `${date.toISOString().slice(0, 19)}Z`));
  const sorted = Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]!] as const));
  // [Content_Types].xml sorts first, where Word and LibreOffice look for it.
  // A zip entry's date is between 1980 and 2099 (DOS time).
  const mtime = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 31)));
  return zipSync(sorted, { mtime, level: 1 });
}

/** The Word document of a laid-out report. */
export async function layoutDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const d = await import('docx');
  const fonts = fontSet(options.fonts);
  const writer = new Writer(d, fonts);
  const date = options.date ?? new Date();
  const document = new d.Document({
    creator: 'nianbao',
    // A report without a title gets none here either: a reader would take this one for the report's.
    ...(layout.hasTitle ? { title: layout.title } : {}),
    styles: {
      default: {
        document: { run: { size: halfPoints(SIZE_PT.size3), font: font(fonts, 'body', true) }, paragraph: { spacing: { before: 0, after: 0 } } },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'nianbao Table Text',
          basedOn: 'Normal',
          quickFormat: false,
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: d.LineRuleType.AUTO } },
          run: { size: halfPoints(SIZE_PT.size5), font: font(fonts, 'table', true) },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { ...MARGIN_TWIPS, header: twips(15), footer: twips(PAGE.marginMm.bottom - 7 - 6) },
          },
          grid: { type: d.DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: writer.footer() },
        children: layout.blocks.flatMap((b) => writer.block(b)),
      },
    ],
  });
  const bytes = new Uint8Array(await d.Packer.toBuffer(document));
  return finish(bytes, fonts, date);
}
