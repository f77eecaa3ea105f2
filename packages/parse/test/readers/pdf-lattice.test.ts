import { describe, expect, it } from 'vitest';
import type { GridBlock } from '../../src/blocks.js';
import { parseReport } from '../../src/parse.js';
import { latticeTables } from '../../src/readers/pdf-lattice.js';
import type { TextPiece } from '../../src/readers/pdf-lines.js';
import { pageRules, type Rule, type RuleOpCodes } from '../../src/readers/pdf-rules.js';
import type { SourceView } from '../../src/readers/types.js';

/** A horizontal piece of text, 10 pt, each CJK glyph one em wide. */
const piece = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, length: text.length * size * 0.9, size });
const h = (at: number, from: number, to: number): Rule => ({ axis: 'h', at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ axis: 'v', at, from, to });

/** The borders of a grid: rows between `ys` (top first), columns between `xs`, with the segments in `missing` left out. */
function borders(xs: number[], ys: number[], missing: (rule: Rule) => boolean = () => false): Rule[] {
  const rules: Rule[] = [];
  for (const [r, y] of ys.entries()) for (let c = 0; c + 1 < xs.length; c++) rules.push(h(y, xs[c]!, xs[c + 1]!));
  for (const x of xs) for (let r = 0; r + 1 < ys.length; r++) rules.push(v(x, ys[r + 1]!, ys[r]!));
  return rules.filter((r) => !missing(r));
}

const texts = (rows: ReadonlyArray<ReadonlyArray<{ text: string; covered: boolean }>>): string[][] => rows.map((r) => r.map((s) => (s.covered ? '^' : s.text)));

describe('latticeTables: tables read from their borders', () => {
  it('puts a wrapped label and the numbers centred beside it in one row, whatever their baselines', () => {
    const xs = [50, 200, 240, 280];
    const ys = [700, 680, 640];
    const pieces = [
      piece('信息内容', 60, 686), piece('甲', 210, 686), piece('乙', 250, 686),
      // A label wrapped in its cell over two lines, its numbers centred between them.
      piece('5.要求行政机关确认或重新', 52, 665), piece('出具已获取信息', 52, 650),
      piece('3', 218, 657), piece('14', 256, 657),
    ];
    const [table] = latticeTables(borders(xs, ys), pieces);
    expect(texts(table!.rows)).toEqual([
      ['信息内容', '甲', '乙'],
      ['5.要求行政机关确认或重新出具已获取信息', '3', '14'],
    ]);
    expect(table!.pieces.size).toBe(pieces.length);
  });

  it('joins a number wrapped inside a narrow cell', () => {
    const xs = [50, 200, 255];
    const ys = [700, 680, 650];
    const pieces = [piece('名称', 60, 686), piece('金额', 205, 686), piece('政府集中采购', 52, 660), piece('1816638', 201, 670, 8), piece('37.28', 205, 660, 8)];
    const [table] = latticeTables(borders(xs, ys), pieces);
    expect(texts(table!.rows)[1]).toEqual(['政府集中采购', '181663837.28']);
  });

  it('reads a stretch of missing border as a merged cell: rowspan and colspan', () => {
    const xs = [50, 120, 200, 240];
    const ys = [700, 680, 660, 640];
    // No border between rows 2 and 3 in the first column (a group label over two rows), none between
    // columns 2 and 3 in the first row (a heading over two columns).
    const rules = borders(xs, ys, (r) => (r.axis === 'h' && r.at === 660 && r.from === 50) || (r.axis === 'v' && r.at === 200 && r.from === 680));
    const pieces = [piece('表头', 60, 686), piece('申请人', 150, 686), piece('（三）不予公开', 52, 662), piece('1.国家秘密', 122, 666), piece('0', 215, 666), piece('2.其他', 122, 646), piece('4', 215, 646)];
    const [table] = latticeTables(rules, pieces);
    expect(texts(table!.rows)).toEqual([
      ['表头', '申请人', '^'],
      ['（三）不予公开', '1.国家秘密', '0'],
      ['^', '2.其他', '4'],
    ]);
  });

  it('keeps a blank cell blank', () => {
    const [table] = latticeTables(borders([50, 200, 240, 280], [700, 680, 660]), [piece('规章', 60, 666), piece('0', 255, 666), piece('a', 60, 686)]);
    expect(texts(table!.rows)[1]).toEqual(['规章', '', '0']);
  });

  it('leaves to the line reading borders that are no grid: text across a border, a merge that is not a rectangle, a lone box', () => {
    const xs = [50, 120, 200];
    const ys = [700, 680, 660];
    expect(latticeTables(borders(xs, ys), [piece('这一段文字从第一格一直写到了第二格里面', 52, 686)])).toEqual([]);
    // An L-shaped hole: the border missing right of (0,0) and below (0,1) but not below (0,0).
    const lShape = borders(xs, ys, (r) => (r.axis === 'v' && r.at === 120 && r.from === 680) || (r.axis === 'h' && r.at === 680 && r.from === 120));
    expect(latticeTables(lShape, [piece('甲', 60, 686)])).toEqual([]);
    expect(latticeTables(borders([50, 300], [700, 650]), [piece('方框里的一段话', 60, 670)])).toEqual([]);
    // Borders with no text in them.
    expect(latticeTables(borders(xs, ys), [])).toEqual([]);
  });

  it('reads two tables on one page apart, top first', () => {
    const upper = borders([50, 150, 200], [700, 680, 660]);
    const lower = borders([50, 100, 180, 260], [500, 480, 460]);
    const pieces = [piece('下', 60, 486), piece('上', 60, 686)];
    const tables = latticeTables([...lower, ...upper], pieces);
    expect(tables.map((t) => t.rows[0]![0]!.text)).toEqual(['上', '下']);
    expect(tables.map((t) => t.columns.length)).toEqual([3, 4]);
  });
});

describe('pageRules: the borders in an operator list', () => {
  const ops: RuleOpCodes = {
    save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, constructPath: 91,
    stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
  };
  const IDENTITY: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
  // pdf.js path data: 0 moveTo, 1 lineTo, 2 curveTo, 4 closePath.
  const path = (paint: number, ...data: number[]): unknown => [paint, [Float32Array.from(data)], null];

  it('reads stroked lines and rectangles, hairline fills, and no shading, curve or slanted line', () => {
    const fn = [91, 91, 91, 91, 91];
    const args = [
      path(20, 0, 10, 100, 1, 300, 100), // a stroked horizontal line
      path(21, 0, 10, 10, 1, 60, 10, 1, 60, 40, 1, 10, 40, 4), // a stroked rectangle: four borders
      path(22, 0, 10, 200, 1, 300, 200, 1, 300, 200.5, 1, 10, 200.5, 4), // a hairline drawn as a filled rectangle
      path(22, 0, 10, 300, 1, 300, 300, 1, 300, 330, 1, 10, 330, 4), // a shaded cell
      path(20, 0, 0, 0, 2, 5, 5, 10, 5, 20, 0, 1, 50, 50), // a curve, then a slanted line
    ];
    const rules = pageRules(fn, args, ops, IDENTITY);
    expect(rules).toEqual([
      h(100, 10, 300),
      h(10, 10, 60), v(60, 10, 40), h(40, 10, 60), v(10, 10, 40),
      h(200.25, 10, 300),
    ]);
  });

  it('follows the CTM through save, transform and restore, then maps to the page', () => {
    const fn = [10, 12, 91, 11, 91];
    const args = [null, [2, 0, 0, 2, 5, 0], path(20, 0, 0, 0, 1, 10, 0), null, path(20, 0, 0, 0, 1, 10, 0)];
    // The page map flips y (PDF space to the page as shown, 800 high).
    const rules = pageRules(fn, args, ops, [1, 0, 0, -1, 0, 800]);
    expect(rules).toEqual([h(800, 5, 25), h(800, 0, 10)]);
  });

  it('never throws on odd operator arguments', () => {
    expect(pageRules([91, 91, 91, 12, 91], [null, [20], [20, [null]], ['x'], [20, [[0, 1, 2]]]], ops, IDENTITY)).toEqual([]);
  });
});

describe('a ruled table broken by a page', () => {
  /** A view of grid blocks, each row one line with tabs, as the PDF reader writes it. */
  function gridView(before: string[], grids: Array<{ rows: string[][]; continued?: boolean }>, after: string[]): SourceView {
    let text = '';
    const blocks: SourceView['blocks'] = [];
    const line = (t: string): void => {
      const start = text.length;
      text += `${t}\n`;
      blocks.push({ kind: 'line', cells: [{ text: t, start, end: start + t.length }], indented: false, start, end: start + t.length });
    };
    before.forEach(line);
    for (const g of grids) {
      const start = text.length;
      const rows = g.rows.map((row) => {
        const cells = row.map((cell, i) => {
          if (i > 0) text += '\t';
          const s = text.length;
          text += cell;
          return { text: cell, start: s, end: s + cell.length };
        });
        text += '\n';
        return cells;
      });
      const block: GridBlock = { kind: 'grid', rows, start, end: text.length - 1, ...(g.continued ? { continued: true } : {}) };
      blocks.push(block);
    }
    after.forEach(line);
    return { format: 'pdf', text, encoding: 'binary', blocks, metadata: { fields: [] }, problems: [] };
  }
  const header = [
    ['', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  ];
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  const rowsOf = (doc: ReturnType<typeof parseReport>) => doc.tables.find((t) => t.id === 'applications')!.rows;

  it('joins the halves of a row where only the joined label is the format’s', () => {
    const view = gridView(
      ['三、收到和处理政府信息公开申请情况'],
      [
        { rows: [...header, ['一、本年新收政府信息公开申请数量', '', ...zeros], ['（三）不予公开', '3.危及“三安全', '1', '0', '0', '0', '0', '0', '1']] },
        { rows: [['', '一稳定”', '', '', '', '', '', '', ''], ['', '4.保护第三方合法权益', ...zeros]], continued: true },
      ],
      ['四、政府信息公开行政复议、行政诉讼情况'],
    );
    const rows = rowsOf(parseReport(view));
    const danger = rows.find((r) => r.id === 'withheldSecurityStability');
    expect(danger?.cells.map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rows.find((r) => r.id === 'withheldThirdParty')?.cells.map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps a row of its own at the top of the next page, blank cells and all', () => {
    const view = gridView(
      ['三、收到和处理政府信息公开申请情况'],
      [
        { rows: [...header, ['（三）不予公开', '3.危及“三安全一稳定”', '1', '0', '0', '0', '0', '0', '1']] },
        { rows: [['', '4.保护第三方合法权益', '', '', '', '', '', '', '']], continued: true },
      ],
      [],
    );
    const rows = rowsOf(parseReport(view));
    expect(rows.find((r) => r.id === 'withheldSecurityStability')?.cells.map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rows.find((r) => r.id === 'withheldThirdParty')?.cells.map((c) => c.value)).toEqual([null, null, null, null, null, null, null]);
  });
});
