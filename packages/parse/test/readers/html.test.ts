import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Block, GridBlock, GridCell } from '../../src/blocks.js';
import { readHtml } from '../../src/readers/html.js';
import { exactSourceRange, sourceRangeOf } from '../../src/readers/origin.js';
import type { SourceView } from '../../src/readers/types.js';

const CORPUS = '/work/shared/corpus/011_pingtan_2024.html';
const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/html/${name}`, import.meta.url)), 'utf8');

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

function lines(view: SourceView): string[] {
  return view.text.split('\n');
}

function grids(view: SourceView): GridBlock[] {
  return (view.blocks ?? []).filter((b): b is GridBlock => b.kind === 'grid');
}

/** The texts of a grid row, covered slots as `·`. */
function rowTexts(row: readonly GridCell[]): string[] {
  return row.map((c) => (c.covered ? '·' : c.text));
}

/** The grid row whose first real cell says `label`. */
function rowOf(grid: GridBlock, label: string): GridCell[] {
  const row = grid.rows.find((r) => r.some((c) => !c.covered && c.text === label));
  expect(row, label).toBeDefined();
  return row!;
}

/** The line (or heading) block whose text is `text`. */
function blockOf(view: SourceView, text: string): Block {
  const block = (view.blocks ?? []).find((b) => (b.kind === 'line' ? b.cells[0]!.text === text : b.kind === 'heading' && b.text.text === text));
  expect(block, text).toBeDefined();
  return block!;
}

/**
 * The origin's contract: one offset a view character and one more, never decreasing, and each
 * character the reader did not insert standing at its source character (an entity's `&`, whitespace
 * for a collapsed space).
 */
function expectOrigin(view: SourceView): void {
  const origin = view.origin!;
  expect(origin).toBeDefined();
  const { offsets, sourceText } = origin;
  expect(offsets.length).toBe(view.text.length + 1);
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) expect.fail(`offset ${i} decreases`);
  for (let i = 0; i < view.text.length; i++) {
    const c = view.text[i]!;
    if (c === '\n' || c === '\t') continue;
    const s = sourceText[offsets[i]!]!;
    if (c === ' ') {
      // A collapsed space stands at whitespace or `&nbsp;`; an inserted one at the next element's `<`.
      if (!/[\s&<]/u.test(s)) expect.fail(`space ${i} maps to ${JSON.stringify(s)}`);
    } else if (s !== c && s !== '&') expect.fail(`view ${i} ${JSON.stringify(c)} maps to ${JSON.stringify(s)}`);
  }
}

/** The source text a view range maps onto, with the markup between its characters. */
function sourceOf(view: SourceView, start: number, end: number): string {
  const [s, e] = sourceRangeOf(view.origin!, start, end);
  return view.origin!.sourceText.slice(s, e);
}

describe('readHtml: the published page (corpus 011)', () => {
  const bytes = new Uint8Array(readFileSync(CORPUS));
  const view = readHtml(bytes);

  it('reads the article and nothing around it', () => {
    expect(view.format).toBe('html');
    expect(view.encoding).toBe('utf-8');
    expect(view.problems).toEqual([]);
    expect(lines(view)[0]).toBe('平潭综合实验区2024年度政府信息公开工作年度报告');
    for (const h of HEADINGS) expect(lines(view)).toContain(h);
    const page = new TextDecoder().decode(bytes);
    for (const chrome of ['省政府', '省人大', '福建省人民政府', '相关链接', '附件下载', '扫一扫', '关闭', '微信', 'QQ空间', '来源：', '时间：', '文字解读', '首页']) {
      expect(page).toContain(chrome);
      expect(view.text, chrome).not.toContain(chrome);
    }
    // The report itself speaks of `全真版` (`同步做好全真版上传`): the page's tab is what must go.
    for (const tab of ['全真版', '文字版', '文件下载']) expect(lines(view), tab).not.toContain(tab);
    expect(view.text.trimEnd().endsWith('2024年，无收取信息处理费情况。')).toBe(true);
  });

  it('keeps the page fields as metadata', () => {
    expect(view.metadata.published?.value).toBe('2025-03-10 15:35');
    expect(view.metadata.fields).toContainEqual({ key: '来源', value: '平潭综合实验区管委会办公室' });
    expect(view.metadata.fields).toContainEqual({ key: 'title', value: '平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会' });
    // The article has its title: the page's <title> does not stand in for it.
    expect(view.metadata.title).toMatchObject({ value: '平潭综合实验区2024年度政府信息公开工作年度报告', start: 0 });
  });

  it('gives the three tables as grids with merged cells expanded', () => {
    const tables = grids(view);
    expect(tables).toHaveLength(3);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.rows[0]!.length);
    const [, three, four] = tables as [GridBlock, GridBlock, GridBlock];
    // The page's `三、本年度办理结果` spans 22 rows, down to （七）总计, so a browser (and the HTML table model)
    // puts （七）总计 in the second column: the grid says what the page says.
    expect(rowTexts(rowOf(three, '（七）总计'))).toEqual(['·', '（七）总计', '·', '217', '1', '0', '0', '0', '0', '218']);
    const granted = rowOf(three, '三、本年度办理结果');
    expect(rowTexts(granted).slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '·']);
    // The label's rowspan covers the first slot of the rows below, pointing at the label.
    const next = three.rows[three.rows.indexOf(granted) + 1]!;
    expect(next[0]).toMatchObject({ covered: true, text: '', start: granted[0]!.start, end: granted[0]!.start });
    expect(rowTexts(rowOf(three, '一、本年新收政府信息公开申请数量')).slice(-1)).toEqual(['218']);
    expect(rowOf(three, '社会公益组织')).toBeDefined();
    expect(four.rows[0]!.length).toBe(15);
    expect(rowTexts(four.rows[0]!)).toEqual(['行政复议', '·', '·', '·', '·', '行政诉讼', '·', '·', '·', '·', '·', '·', '·', '·', '·']);
    expect(rowTexts(four.rows[four.rows.length - 1]!)).toEqual(['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']);
  });

  it('writes each table row as a line of its real cells', () => {
    expect(lines(view)).toContain(['（七）总计', '217', '1', '0', '0', '0', '0', '218'].join('\t'));
    for (const t of grids(view)) {
      for (const row of t.rows) {
        for (const c of row) if (!c.covered) expect(view.text.slice(c.start, c.end)).toBe(c.text);
      }
    }
  });

  it('maps the view back onto the page', () => {
    expectOrigin(view);
    for (const h of HEADINGS) {
      const b = blockOf(view, h);
      const run = b.kind === 'line' ? b.cells[0]! : (b as Extract<Block, { kind: 'heading' }>).text;
      expect(exactSourceRange(view, run.start, run.end)).toBeDefined();
    }
    const label = rowOf(grids(view)[1]!, '三、本年度办理结果')[0]!;
    const source = sourceOf(view, label.start, label.end);
    expect(source.startsWith('三、本')).toBe(true);
    expect(source.endsWith('理结果')).toBe(true);
    expect(source).toContain('度办');
  });
});

describe('readHtml: a page saved from Word', () => {
  const page = fixture('word-report.html');
  const view = readHtml(page);

  it('reads paragraphs, headings and the signature as lines', () => {
    expect(view.encoding).toBe('string');
    expect(view.problems).toEqual([]);
    const l = lines(view);
    expect(l[0]).toBe('某某县人民政府办公室2023年政府信息公开工作年度报告');
    for (const h of HEADINGS) expect(l).toContain(h);
    expect(l).toContain('本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据统计期限为2023年1月1日至2023年12月31日。');
    expect(l).toContain('1. 全年主动公开政府信息162条。');
    // `<br>` breaks the paragraph; Word's empty `<o:p>&nbsp;</o:p>` paragraph is no line.
    expect(l).toContain('一是公开内容还不够全面；');
    expect(l).toContain('二是政策解读形式还较单一。');
    expect(l.slice(-3)).toEqual(['某某县人民政府办公室', '2024年1月20日', '']);
    expect(view.text).not.toContain('张三');
    expect(view.text).not.toContain('mso');
    expect(view.text).not.toContain('supportLists');
  });

  it('reads the table: merged cells, split digits, blank and padded cells', () => {
    const [table] = grids(view);
    expect(table).toBeDefined();
    for (const row of table!.rows) expect(row).toHaveLength(10);
    expect(rowTexts(table!.rows[0]!)).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '·', '·', '申请人情况', '·', '·', '·', '·', '·', '·']);
    expect(rowTexts(table!.rows[1]!)).toEqual(['·', '·', '·', '自然人', '法人或其他组织', '·', '·', '·', '·', '总计']);
    expect(rowTexts(table!.rows[2]!)).toEqual(['·', '·', '·', '·', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '·']);
    expect(rowTexts(rowOf(table!, '一、本年新收政府信息公开申请数量'))).toEqual(['一、本年新收政府信息公开申请数量', '·', '·', '21', '0', '', '0', '0', '0', '21']);
    expect(rowTexts(rowOf(table!, '三、本年度办理结果'))).toEqual(['三、本年度办理结果', '（一）予以公开', '·', '15', '0', '0', '0', '0', '0', '15']);
    expect(rowTexts(rowOf(table!, '（二）部分公开'))).toEqual(['·', '（二）部分公开', '·', '6', '0', '0', '0', '0', '0', '6']);
    expect(lines(view)).toContain('一、本年新收政府信息公开申请数量\t21\t0\t\t0\t0\t0\t21');
  });

  it('maps split digits and cells back to their characters', () => {
    expectOrigin(view);
    const row = rowOf(grids(view)[0]!, '一、本年新收政府信息公开申请数量');
    const cell = row[3]!;
    expect(sourceOf(view, cell.start, cell.end)).toBe('2</span><span lang=EN-US>1');
    const padded = row[4]!;
    expect(padded.end - padded.start).toBe(1);
    expect(view.origin!.sourceText[view.origin!.offsets[padded.start]!]).toBe('0');
    // The blank cell has no text and a place of its own.
    expect(row[5]).toMatchObject({ text: '' });
    expect(row[5]!.covered).toBeUndefined();
  });

  it('reads the same with Windows line endings', () => {
    const crlf = readHtml(page.replace(/\n/gu, '\r\n'));
    expect(crlf.text).toBe(view.text);
    expectOrigin(crlf);
    const b = blockOf(crlf, '六、其他需要报告的事项');
    expect(b.kind === 'line' && exactSourceRange(crlf, b.cells[0]!.start, b.cells[0]!.end)).toBeTruthy();
  });
});

describe('readHtml: a site page with its own furniture', () => {
  const view = readHtml(fixture('site-report.html'));
  const l = lines(view);

  it('finds the article by its words, not by the sidebar’s titles', () => {
    expect(view.problems).toEqual([]);
    expect(l[0]).toBe('某某区2023年度政府信息公开工作年度报告');
    expect(view.blocks![0]).toMatchObject({ kind: 'heading', depth: 1 });
    for (const h of HEADINGS) expect(l.filter((x) => x === h)).toHaveLength(1);
    for (const outside of ['首页', '搜索', '当前位置', '相关阅读', '2022年度', '主办', '网站地图', '请启用脚本', 'console', 'float', '统计代码']) expect(view.text, outside).not.toContain(outside);
  });

  it('takes the page fields and buttons off the top and the end', () => {
    for (const chrome of ['索引号', '发布日期', '浏览次数', '字体', '打印', '关闭', '分享到', '微信', '上一篇', '下一篇']) expect(view.text, chrome).not.toContain(chrome);
    expect(l[1]).toBe('根据《中华人民共和国政府信息公开条例》规定，编制本报告。');
    expect(l).toContain('本年度未收取信息处理费。');
    expect(view.metadata.published?.value).toBe('2024-01-20 09:30');
    expect(view.metadata.fields).toContainEqual({ key: '索引号', value: '11350100MB0000000X/2024-00012' });
    expect(view.metadata.fields).toContainEqual({ key: '发布机构', value: '某某区人民政府办公室' });
    expect(view.metadata.fields).toContainEqual({ key: '浏览次数', value: '356' });
    expect(view.metadata.title?.value).toBe('某某区2023年度政府信息公开工作年度报告');
  });

  it('reads inline runs, entities, lists and header cells', () => {
    expect(l).toContain('2023年，我区扎实推进政务公开&政务服务工作，全年主动公开信息123条。');
    expect(l).toContain('公开质量有待提高；');
    const [two, four] = grids(view) as [GridBlock, GridBlock];
    expect(rowTexts(two.rows[0]!)).toEqual(['第二十条第（一）项', '·', '·', '·']);
    expect(rowTexts(rowOf(two, '行政规范性文件'))).toEqual(['行政规范性文件', '5', '', '40']);
    expect(rowTexts(four.rows[1]!).slice(0, 7)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '·']);
    expect(rowTexts(four.rows[2]!).slice(0, 6)).toEqual(['·', '·', '·', '·', '·', '结果维持']);
    expectOrigin(view);
    const at = view.text.indexOf('&');
    expect(view.origin!.sourceText.slice(view.origin!.offsets[at]!, view.origin!.offsets[at]! + 5)).toBe('&amp;');
  });
});

describe('readHtml: encodings', () => {
  const page = fixture('layout-table-gb2312.html');

  it('decodes a GB2312 page by its meta and reads a page laid out in tables', () => {
    const view = readHtml(new Uint8Array(iconv.encode(page, 'gb2312')));
    expect(view.encoding).toBe('gb18030');
    expect(view.problems).toEqual([]);
    const l = lines(view);
    expect(l[0]).toBe('某某镇人民政府2023年政府信息公开工作年度报告');
    for (const h of HEADINGS) expect(l).toContain(h);
    expect(l).toContain('　　2023年，我镇认真贯彻落实《条例》。');
    expect(view.metadata.published?.value).toBe('2024-01-25');
    for (const outside of ['网站首页', '机构概况', '版权所有']) expect(view.text).not.toContain(outside);
    const [grid] = grids(view);
    expect(grid!.rows.map(rowTexts)).toEqual([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '12'],
    ]);
    expect(view.origin!.sourceText).toContain('charset=gb2312');
    expectOrigin(view);
  });

  it('decodes undeclared GBK, declared GBK that is really UTF-8, and a BOM', () => {
    const undeclared = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '');
    expect(readHtml(new Uint8Array(iconv.encode(undeclared, 'gbk'))).encoding).toBe('gb18030');
    expect(lines(readHtml(new Uint8Array(iconv.encode(undeclared, 'gbk'))))[0]).toBe('某某镇人民政府2023年政府信息公开工作年度报告');
    const stale = readHtml(new TextEncoder().encode(page));
    expect(stale.encoding).toBe('utf-8');
    expect(lines(stale)[0]).toBe('某某镇人民政府2023年政府信息公开工作年度报告');
    const bom = readHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(undeclared)]));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(lines(bom)[0]).toBe('某某镇人民政府2023年政府信息公开工作年度报告');
    const charsetMeta = readHtml(new Uint8Array(iconv.encode(`<meta charset="GBK"><p>${'中文内容'}</p>`, 'gbk')));
    expect(charsetMeta.encoding).toBe('gb18030');
    expect(charsetMeta.text).toBe('中文内容\n');
  });
});

describe('readHtml: a page without a report', () => {
  it('gives the visible body text and says the article was not found', () => {
    const view = readHtml(
      '<html><head><title>新闻</title><script>var x = "一、总体情况";</script></head><body><div class="nav"><a>首页</a><a>新闻</a></div>' +
        '<h2>某某区召开会议</h2><p>会议&nbsp;强调，<b>要</b>做好工作。</p><p>二、下一步工作</p></body></html>',
    );
    expect(view.problems.map((p) => [p.code, p.fatal])).toEqual([['no-article', false]]);
    expect(view.problems[0]!.message.zh).toMatch(/没有找到/u);
    expect(view.text).toBe('首页新闻\n某某区召开会议\n会议 强调，要做好工作。\n二、下一步工作\n');
    expect(view.metadata.title?.value).toBe('新闻');
    expect(view.blocks![1]).toMatchObject({ kind: 'heading', depth: 2 });
    expectOrigin(view);
  });
});

describe('readHtml: text as a browser shows it', () => {
  it('collapses whitespace, joins inline runs and trims &nbsp; at line ends', () => {
    const view = readHtml('<p>  a\n  b&nbsp;&nbsp;c <span>2</span><span>1</span>&nbsp;</p><div>x<p>y</p>z</div><pre>  p  q\n r</pre>');
    expect(view.text).toBe('a b c 21\nx\ny\nz\np  q\nr\n');
    expectOrigin(view);
  });

  it('maps entities, including legacy ones without a semicolon, to their start', () => {
    const src = '<p>A&amp;B&#x4e00;&#20108;&notit; &lt;x&gt; &#128512;end</p>';
    const view = readHtml(src);
    expect(view.text).toBe('A&B一二¬it; <x> 😀end\n');
    expectOrigin(view);
    const o = view.origin!.offsets;
    expect(src.slice(o[view.text.indexOf('一')]!).startsWith('&#x4e00;')).toBe(true);
    expect(src.slice(o[view.text.indexOf('i')]!).startsWith('it;')).toBe(true);
    expect(src.slice(o[view.text.indexOf('e')]!).startsWith('end')).toBe(true);
  });

  it('reads headings with their level and skips what is never shown', () => {
    const view = readHtml('<h3>标题<br>第二行</h3><p hidden>隐藏</p><p style="display: none">也隐藏</p><!-- 注释 --><template>模板</template><p>正文</p>');
    expect(view.text).toBe('标题\n第二行\n正文\n');
    expect(view.blocks!.slice(0, 2)).toMatchObject([
      { kind: 'heading', depth: 3, text: { text: '标题' } },
      { kind: 'heading', depth: 3, text: { text: '第二行' } },
    ]);
  });

  it('reads a nested table into its cell and keeps row lines whole', () => {
    const view = readHtml('<table><tr><td>标签</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr><tr><td colspan=2>合计</td></tr></table>');
    const [grid] = grids(view);
    expect(grid!.rows.map(rowTexts)).toEqual([
      ['标签', '1 2'],
      ['合计', '·'],
    ]);
    expect(view.text).toBe('标签\t1 2\n合计\n');
    expectOrigin(view);
  });

  it('lays out rowspans past the end, short rows and rowspan=0 as the HTML table model does', () => {
    const view = readHtml('<table><tr><td rowspan=5>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr><tr><td rowspan=0>e</td></tr></table>');
    const [grid] = grids(view);
    expect(grid!.rows.map(rowTexts)).toEqual([
      ['a', 'b', '·'],
      ['·', 'c', 'd'],
      ['·', 'e', '·'],
    ]);
    for (const row of grid!.rows) for (const c of row) if (c.covered) expect(c.text).toBe('');
  });
});

describe('readHtml: robustness', () => {
  it('reads empty input as empty', () => {
    for (const input of [new Uint8Array(), '', '  \n ']) {
      const view = readHtml(input);
      expect(view.text).toBe('');
      expect(view.problems.map((p) => p.code)).toEqual(['empty']);
    }
  });

  it('says binary junk is not a page', () => {
    let seed = 7;
    const junk = new Uint8Array(20_000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    const view = readHtml(junk);
    expect(view.problems.map((p) => [p.code, p.fatal])).toEqual([['binary', true]]);
  });

  it('survives deep nesting and unclosed tables', () => {
    const deep = readHtml(`<body>${'<div>'.repeat(10_000)}<p>深处</p>${'</div>'.repeat(10_000)}`);
    expect(deep.text).toBe('深处\n');
    expectOrigin(deep);
    const unclosed = readHtml(`<body>${'<div><span>'.repeat(10_000)}<table><tr><td>a<td>b`);
    expect(unclosed.text).toContain('a\tb');
    const table = readHtml('<table><tr><td rowspan=3>a<td colspan=2>b<tr><td>c');
    expect(grids(table)[0]!.rows.map(rowTexts)).toEqual([
      ['a', 'b', '·'],
      ['·', 'c', '·'],
    ]);
  });

  it('keeps offsets in order when the parser moves text out of a table', () => {
    const view = readHtml('<p>前</p><table><tr><td>格</td></tr>移出<tr><td>后</td></tr></table>');
    expect(view.text).toBe('前\n移出\n格\n后\n');
    const o = view.origin!.offsets;
    for (let i = 1; i < o.length; i++) expect(o[i]!).toBeGreaterThanOrEqual(o[i - 1]!);
  });

  it('reads a 5 MB page', () => {
    const para = '<p style="text-indent:2em"><span>2024年，本机关</span><span>坚持</span>推进政务公开&nbsp;工作。</p>\n';
    const page = `<html><body><div><h1>某某2024年度政府信息公开工作年度报告</h1>${HEADINGS.map((h) => `<p>${h}</p>`).join('')}${para.repeat(Math.ceil(5_000_000 / para.length))}</div></body></html>`;
    const view = readHtml(page);
    expect(view.problems).toEqual([]);
    expect(view.text.startsWith('某某2024年度政府信息公开工作年度报告\n一、总体情况\n')).toBe(true);
    expect(view.origin!.offsets.length).toBe(view.text.length + 1);
  }, 60_000);

  it('never throws on odd markup', () => {
    for (const page of ['<', '<<<>>>', '<table><td>', '</td></tr></table>', '<p>&', '&#xFFFFFFFF;', '<!--', '<svg><title>t</title></svg>x', '\u0000<p>a</p>', '<table><caption>表</caption><tr><td>1</td></tr></table>']) {
      expect(() => readHtml(page)).not.toThrow();
    }
    expect(readHtml('<table><caption>表</caption><tr><td>1</td></tr></table>').text).toBe('表\n1\n');
  });
});
