/**
 * A Word document (.docx) written with the `docx` package: the title, headings as Heading paragraphs,
 * body paragraphs, and the three tables with merged cells (`columnSpan`, `rowSpan`). docx stamps the
 * time into the core properties and the zip into every entry, so the package is zipped here with a date
 * taken from the report: the same document and seed give the same bytes.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
// fflate, which the readers already use for .docx, zips the package's parts.
import { zipSync } from 'fflate';
import type { Grid, LayoutDocument } from '../document.js';
import type { Rng } from '../prng.js';
import { cutLabel, pieces, rngOf, type WriterOptions } from './common.js';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };

function table(grid: Grid, rng: Rng, runStyle: { size?: number; font?: typeof FONT }): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // The borders are the table's own (every inside line too): per cell they were most of the package's XML.
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: grid.rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((cell) => {
            // Label cells sometimes hold their text as several runs, as typed or pasted in Word.
            const parts = cell.role === 'label' && [...cell.text].length >= 4 && rng.chance(0.3) ? cutLabel(cell.text, rng, 2) : [cell.text];
            return new TableCell({
              ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              children: [
                new Paragraph({
                  alignment: cell.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: parts.map((t) => new TextRun({ text: t, ...runStyle })),
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/**
 * docx's own compiler (what `Packer` zips): the package's parts by path. The property suites write
 * hundreds of packages, and `Packer.toBuffer` deflates every part only for the dates to be pinned by
 * unzipping and zipping it again; the parts are zipped once here instead. Not in docx's typings:
 * `Packer.compiler` is the static field `Packer.pack` itself calls.
 */
interface Compiler {
  compile(file: Document): Map<string, string | ArrayBuffer | ArrayBufferView>;
}
const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

/** The package's parts zipped with fixed entry dates and core-property timestamps, in path order. */
function zipParts(parts: Map<string, string | ArrayBuffer | ArrayBufferView>, date: Date): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const name of [...parts.keys()].sort()) {
    const data = parts.get(name)!;
    let bytes = typeof data === 'string' ? encoder.encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (name === 'docProps/core.xml') bytes = encoder.encode(new TextDecoder().decode(bytes).replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/gu, `${date.toISOString().slice(0, 19)}Z`));
    files[name] = bytes;
  }
  // Level 1: Word reads any level alike.
  return zipSync(files, { mtime: date, level: 1 });
}

export async function writeDocx(doc: LayoutDocument, options: WriterOptions = {}): Promise<Uint8Array> {
  const rng = rngOf(options, 9);
  const children: Array<Paragraph | Table> = [];
  const styledHeadings = rng.chance(0.6);
  // Table text formatted run by run, as pasted or typed cell by cell, or by the document's default style.
  const runByRun = rng.chance(0.3);
  const cellRuns = runByRun ? { size: 21, font: FONT } : {};
  for (const p of pieces(doc)) {
    if (p.kind === 'title') children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: p.text, size: 36, font: { eastAsia: '方正小标宋简体' } })] }));
    else if (p.kind === 'heading')
      children.push(
        styledHeadings
          ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: p.text, font: { eastAsia: '黑体' } })] })
          : new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: p.text, bold: true, size: 32, font: { eastAsia: '黑体' } })] }),
      );
    else if (p.kind === 'table') children.push(table(p.grid, rng, cellRuns), new Paragraph({ children: [] }));
    else if (p.kind === 'signature') children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: p.text, size: 32, font: FONT })] }));
    else children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: p.text, size: 32, font: FONT })] }));
  }
  const styles = runByRun ? {} : { styles: { default: { document: { run: { size: 21, font: FONT } } } } };
  const document = new Document({ creator: doc.agency, title: doc.title, ...styles, sections: [{ children }] });
  return zipParts(compiler.compile(document), new Date(Date.UTC(doc.reportYear + 1, 0, 15)));
}
