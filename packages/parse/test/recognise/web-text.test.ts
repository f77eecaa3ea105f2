import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, TextRun } from '../../src/blocks.js';
import { matchSectionHeading } from '../../src/headings.js';
import { readText } from '../../src/read-text.js';
import { readCrawlHeader } from '../../src/recognise/crawl-header.js';
import { recogniseBlocks } from '../../src/recognise/index.js';
import { splitInlineHeadings } from '../../src/recognise/inline-headings.js';
import { stripPageChrome } from '../../src/recognise/page-chrome.js';
import { soleRun } from '../../src/recognise/runs.js';
import { joinSplitLines } from '../../src/recognise/split-lines.js';
import { LineIndex } from '../../src/source.js';

const CORPUS = '/work/shared/corpus/';
const SIX = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];
const TABLE_LABELS = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理'];

function corpus(name: string): string {
  return readFileSync(CORPUS + name, 'utf8');
}

function blocksOf(text: string): Block[] {
  return readText(text, new LineIndex(text).starts);
}

function recognise(text: string) {
  return recogniseBlocks(text, blocksOf(text));
}

function texts(blocks: readonly Block[]): string[] {
  return blocks.map((b) => soleRun(b)?.text ?? `<${b.kind}>`);
}

/** The section headings `matchSectionHeading` finds on the blocks, as parse.ts looks for them. */
function headings(text: string, blocks: readonly Block[]): Array<{ section: string; text: string }> {
  const lines = new LineIndex(text);
  const found: Array<{ section: string; text: string }> = [];
  for (const b of blocks) {
    const run = soleRun(b);
    if (!run) continue;
    const h = matchSectionHeading(run, lines, false);
    if (h) found.push({ section: h.section, text: run.text });
  }
  return found;
}

/** A run's text is its slice of the view, line breaks and the spaces around them aside (joined runs). */
function expectRunsInText(text: string, blocks: readonly Block[]): void {
  const squeeze = (s: string): string => s.replace(/\s+/gu, '');
  for (const b of blocks) {
    if (b.kind !== 'line') continue;
    for (const c of b.cells) expect(squeeze(c.text)).toBe(squeeze(text.slice(c.start, c.end)));
  }
}

function field(result: { metadata: { fields: Array<{ key: string; value: string }> } }, key: string): string | undefined {
  return result.metadata.fields.find((f) => f.key === key)?.value;
}

describe('crawl headers (corpus)', () => {
  it('reads the full-width header of a crawl with CRLF and ends it at 正文：', () => {
    const text = corpus('005_sanming_gov_2019.txt');
    const r = recognise(text);
    expect(r.metadata.fields.map((f) => f.key)).toEqual(['标题', '发布时间', '文号', '发布机构', '索引号', '来源', '栏目', '原始链接', '本地目录']);
    expect(r.metadata.title?.value).toBe('三明市2019年政府信息公开工作年度报告');
    expect(r.metadata.published?.value).toBe('2019-01-01');
    expect(text.slice(r.metadata.published!.start, r.metadata.published!.end)).toBe('2019-01-01');
    expect(r.metadata.bodyStart).toBe(text.indexOf('根据新修订'));
    expect(r.blocks[0]!.start).toBe(r.metadata.bodyStart);
    expect(texts(r.blocks).some((t) => /^(?:标题|正文|原始链接)[：:]/u.test(t))).toBe(false);
    expectRunsInText(text, r.blocks);
  });

  it('keeps a truncated and an empty 发布时间 as they are', () => {
    const r6 = recognise(corpus('006_sanming_gov_2020.txt'));
    expect(r6.metadata.published?.value).toBe('2020-10-');
    const text7 = corpus('007_sanming_gov_2021.txt');
    const r7 = recognise(text7);
    expect(r7.metadata.published).toMatchObject({ key: '发布时间', value: '' });
    expect(r7.metadata.bodyStart).toBe(text7.indexOf('根据新修订'));
  });

  it('reads a half-width header with a space after the colon (正文: ends it)', () => {
    for (const [name, published, first] of [
      ['008_putian_govoffice_2019.txt', '2020-01-21 09:56', '根据《中华人民共和国政府信息公开条例》'],
      ['009_putian_shenji_2019.txt', '2020-01-02 09:08', '根据新颁发的'],
    ] as const) {
      const text = corpus(name);
      const r = recognise(text);
      expect(r.metadata.fields.map((f) => f.key)).toEqual(['标题', '发布时间', '文号', '发布机构', '栏目', '原始链接']);
      expect(r.metadata.published?.value).toBe(published);
      expect(r.metadata.title?.value).toMatch(/政府信息公开工作年度报告$/u);
      expect(r.metadata.bodyStart).toBe(text.indexOf(first));
      expectRunsInText(text, r.blocks);
    }
  });

  it('takes a bare title line standing over the fields as the page title (013, 014)', () => {
    for (const name of ['013_pingtan_2019_flat.txt', '014_pingtan_2021_flat.txt']) {
      const text = corpus(name);
      const r = recognise(text);
      expect(r.metadata.title).toMatchObject({ key: 'title', start: 0 });
      expect(r.metadata.title?.value).toMatch(/^平潭综合实验区20\d\d年度政府信息公开工作年度报告$/u);
      expect(r.metadata.published?.key).toBe('发布时间');
    }
  });
});

describe('headings after the passes (corpus)', () => {
  for (const name of ['005_sanming_gov_2019.txt', '006_sanming_gov_2020.txt', '007_sanming_gov_2021.txt', '014_pingtan_2021_flat.txt']) {
    it(`finds exactly the six headings in order in ${name}`, () => {
      const text = corpus(name);
      const r = recognise(text);
      expect(headings(text, r.blocks).map((h) => h.section)).toEqual(SIX);
      const all = texts(r.blocks);
      for (const label of TABLE_LABELS) expect(headings(text, r.blocks).some((h) => h.text === label)).toBe(false);
      // The table's row labels are still there, as lines of their own or inside the table text.
      expect(all.some((t) => t.includes('三、本年度办理结果'))).toBe(true);
      expectRunsInText(text, r.blocks);
    });
  }

  it('finds the six numbered headings in 013; its 六 says 无其他需要报告的事项 (see the note)', () => {
    const text = corpus('013_pingtan_2019_flat.txt');
    const r = recognise(text);
    const found = headings(text, r.blocks);
    expect(found.filter((h) => /^[一二三四五六]、/u.test(h.text)).map((h) => h.section)).toEqual(SIX);
    // `matchSectionHeading` also takes section 六's one sentence for a heading without numeral (headings.ts
    // accepts a 0.9 fuzzy match: 无 + the heading's words). That is for headings.ts to refuse; the passes
    // keep the sentence apart from the heading, as the text has it.
    expect(found.filter((h) => !/^[一二三四五六]、/u.test(h.text)).every((h) => h.text === '无其他需要报告的事项')).toBe(true);
    expectRunsInText(text, r.blocks);
  });

  it('joins `一、` / `总体情况` and `（` / `一` / `）` / `编制标准目录`, leaves `三` / `是`', () => {
    const text5 = corpus('005_sanming_gov_2019.txt');
    const t5 = texts(recognise(text5).blocks);
    expect(t5).toContain('一、总体情况');
    const i = t5.indexOf('三');
    expect(i).toBeGreaterThan(0);
    expect(t5[i + 1]).toMatch(/^是/u);
    const t6 = texts(recognise(corpus('006_sanming_gov_2020.txt')).blocks);
    expect(t6).toContain('（一）编制标准目录');
    const t7 = texts(recognise(corpus('007_sanming_gov_2021.txt')).blocks);
    expect(t7).toContain('（四）平台建设方面。');
    // The preamble's list of parts, one item a line: its items are no longer lines of their own.
    expect(t5).not.toContain('主动公开政府信息情况');
  });

  it('splits the title off the body line (013) and out of the page furniture (014)', () => {
    const text13 = corpus('013_pingtan_2019_flat.txt');
    const r13 = recognise(text13);
    const first13 = soleRun(r13.blocks[0])!;
    expect(first13.text).toBe('平潭综合实验区2019年政府信息公开工作年度报告');
    expect(text13.slice(first13.start, first13.end)).toBe(first13.text);
    expect(r13.metadata.bodyStart).toBe(first13.start);
    expect(texts(r13.blocks)[1]).toMatch(/^根据《中华人民共和国政府信息公开条例》/u);
    expect(texts(r13.blocks)).toContain('一、总体情况');

    const text14 = corpus('014_pingtan_2021_flat.txt');
    const r14 = recognise(text14);
    const t14 = texts(r14.blocks).filter((t) => t !== '<blank>');
    expect(t14[0]).toBe('平潭综合实验区2021年度政府信息公开工作年度报告');
    expect(t14[1]).toMatch(/^根据《中华人民共和国政府信息公开条例》/u);
    expect(t14[t14.length - 1]).toBe('2021年，无收取信息处理费情况。');
    expect(field(r14, '来源')).toBe('平潭县人民政府');
    expect(field(r14, '时间')).toBe('2022-02-08 16:34');
    expect(field(r14, '当前位置')).toBe('首页政务公开政府信息公开政府信息公开年报');
    // The header's 发布时间 outranks the furniture's 时间.
    expect(r14.metadata.published?.key).toBe('发布时间');
    // The furniture is gone from the article's first and last lines (微信 may stay in its prose).
    expect(t14.join('\n')).not.toMatch(/QQ空间|全真版|-->|附件下载|当前位置/u);
  });

  it('leaves the other layouts alone (Word, PDF, Markdown, copied page, pipes)', () => {
    for (const name of [
      '000_05203f94ff7e5eba.txt',
      '001_ae5e98d31dd755d7.txt',
      '002_8df8c676ffab5338.txt',
      '003_4a22ad7470b2e664.txt',
      '004_6f7b59792f9ed408.txt',
      '010_hongze_gov_2024_pdftotext.txt',
      '012_pingtan_2024_copied.txt',
      '015_hanyang_govoffice_2022_excerpt.txt',
    ]) {
      const text = corpus(name);
      const blocks = blocksOf(text);
      const r = recogniseBlocks(text, blocks);
      expect(r.blocks, name).toEqual(blocks);
      expect(r.metadata, name).toEqual({ fields: [] });
    }
  });
});

describe('crawl headers (synthetic)', () => {
  const body = '某某县2021年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》规定，现公布本报告。\n一、总体情况\n';

  it('recognises other field names by their shape, and ranks dates', () => {
    const text = '生成日期：2022-03-01\n发布日期：2022-01-15\n作者：张三\n浏览次数：12\n信息来源：某某县政府办\n主题分类：政务公开\nURL：http://example.org/a.htm\n' + body;
    const r = recognise(text);
    expect(r.metadata.fields.map((f) => f.key)).toEqual(['生成日期', '发布日期', '作者', '浏览次数', '信息来源', '主题分类', 'URL']);
    expect(r.metadata.published?.value).toBe('2022-01-15');
    expect(field(r, 'URL')).toBe('http://example.org/a.htm');
    expect(r.metadata.bodyStart).toBe(text.indexOf('某某县2021'));
    expect(r.metadata.title).toBeUndefined();
    expect(texts(r.blocks)[0]).toBe('某某县2021年政府信息公开工作年度报告');
  });

  it('reads another crawler’s English header and its Content: line', () => {
    const text = 'Title: 某某局2020年政府信息公开工作年度报告\nURL: https://example.org/x\nPublished Time: 2021-01-20\n\nContent:\n' + body;
    const r = recognise(text);
    expect(r.metadata.title?.value).toBe('某某局2020年政府信息公开工作年度报告');
    expect(r.metadata.published).toMatchObject({ key: 'Published Time', value: '2021-01-20' });
    expect(r.metadata.bodyStart).toBe(text.indexOf('某某县'));
  });

  it('keeps text on the 正文： line as the first body block', () => {
    const text = '标题：某某局报告\n发布时间：2021-01-\n正文：根据《条例》规定，现公布本报告。\n一、总体情况\n';
    const r = readCrawlHeader(text, blocksOf(text));
    const first = soleRun(r.blocks[0])!;
    expect(first.text).toBe('根据《条例》规定，现公布本报告。');
    expect(text.slice(first.start, first.end)).toBe(first.text);
    expect(r.metadata.bodyStart).toBe(first.start);
    expect(r.metadata.published?.value).toBe('2021-01-');
  });

  it('finds no header in a report, nor in a salutation or a lone link', () => {
    for (const text of [body, '市直各单位：\n根据《条例》规定，现公布本报告。\n', 'https://example.org/a\n' + body, '总体情况：2021年，我局认真贯彻《条例》，全年主动公开政府信息1200条，其中规范性文件20件，政策解读35篇，回应关切12次，依申请公开办理5件，全部按期答复，未发生因政府信息公开引发的行政复议和行政诉讼案件，各项工作平稳有序推进。\n' + body]) {
      const blocks = blocksOf(text);
      const r = recogniseBlocks(text, blocks);
      expect(r.blocks).toEqual(blocks);
      expect(r.metadata).toEqual({ fields: [] });
    }
  });
});

describe('edge cases', () => {
  it('reads an empty text and a header without a body', () => {
    expect(recogniseBlocks('', [])).toEqual({ blocks: [], metadata: { fields: [] } });
    const text = '标题：某某局报告\r\n发布时间：2021-01-02\r\n正文：\r\n';
    const r = recognise(text);
    expect(r.blocks.filter((b) => b.kind !== 'blank')).toEqual([]);
    expect(r.metadata.bodyStart).toBe(text.length);
  });
});

describe('page furniture (synthetic)', () => {
  it('drops breadcrumb, source-and-time and button lines at the top and the end, keeping the title', () => {
    const text = [
      '当前位置：首页 > 政务公开 > 政府信息公开年报',
      '某某区2022年政府信息公开工作年度报告',
      '来源：某某区政府办公室 时间：2023-01-18 10:02 浏览次数：256',
      '【字体：大 中 小】 打印 关闭',
      '根据《中华人民共和国政府信息公开条例》规定，现公布本报告。',
      '一、总体情况',
      '2022年，我区建设',
      '微信',
      '群，及时发布信息。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '【打印本页】 【关闭窗口】',
      '',
    ].join('\n');
    const r = recognise(text);
    const t = texts(r.blocks);
    expect(t[0]).toBe('某某区2022年政府信息公开工作年度报告');
    expect(t[1]).toMatch(/^根据/u);
    expect(t).toContain('微信');
    expect(t[t.length - 1]).toBe('本年度未收取信息处理费。');
    expect(field(r, '来源')).toBe('某某区政府办公室');
    expect(field(r, '时间')).toBe('2023-01-18 10:02');
    expect(field(r, '浏览次数')).toBe('256');
    expect(field(r, '当前位置')).toBe('首页 > 政务公开 > 政府信息公开年报');
    expect(r.metadata.published?.value).toBe('2023-01-18 10:02');
    expect(r.metadata.bodyStart).toBe(text.indexOf('某某区2022'));
  });

  it('cuts the furniture run into the article’s first line, without spaces at the arrow', () => {
    const text = '您现在的位置：首页>信息公开>年报 来源： 时间：2021-3-2 分享到： 微信 微博 根据《条例》规定，现公布本报告。一、总体情况……\n';
    const r = stripPageChrome(blocksOf(text));
    const t = texts(r.blocks);
    expect(t[0]).toBe('根据《条例》规定，现公布本报告。一、总体情况……');
    expect(r.fields.map((f) => [f.key, f.value])).toEqual([
      ['您现在的位置', '首页>信息公开>年报'],
      ['来源', ''],
      ['时间', '2021-3-2'],
    ]);
  });

  it('leaves a report that has no furniture as it is', () => {
    const text = '某某镇2023年政府信息公开工作年度报告\n根据《条例》，现公布本报告。\n打印机等设备采购情况已公开。\n';
    const blocks = blocksOf(text);
    expect(stripPageChrome(blocks).blocks).toEqual(blocks);
  });
});

/** A flattened report: preamble, the six headings inline, table text run together. */
function flatReport(preamble: string, table3: string): string {
  const filler = '我区认真贯彻落实《条例》要求，持续深化政务公开，做好政府信息主动公开和依申请公开工作。'.repeat(3);
  return (
    `某某区2019年度政府信息公开工作年度报告 ${preamble}` +
    `一、总体情况2019年，${filler}（一）主动公开方面。${filler}` +
    '二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件121212第二十条第（五）项信息内容上一年项目数量' +
    `三、收到和处理政府信息公开申请情况${table3}` +
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持000000000000000 ' +
    `五、存在的主要问题及改进情况${filler}六、其他需要报告的事项本年度未收取信息处理费。`
  );
}

const TABLE3 = '申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开3000003三、本年度办理结果（二）部分公开2000002（七）总计5000005四、结转下年度继续办理0000000';

function headingPieces(line: string): string[] {
  const pieces = splitInlineHeadings({ text: line, start: 0, end: line.length })!;
  const lines = new LineIndex(line);
  return pieces.filter((p) => matchSectionHeading(p, lines, false)).map((p) => p.text);
}

describe('inline headings (synthetic)', () => {
  const CANONICAL = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

  it('cuts at the six headings, ends each at its words, and splits the title off', () => {
    const line = flatReport('本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成。', TABLE3);
    const pieces = splitInlineHeadings({ text: line, start: 100, end: 100 + line.length })!;
    expect(pieces[0]!.text).toBe('某某区2019年度政府信息公开工作年度报告');
    expect(pieces[1]!.text).toMatch(/^本报告由/u);
    expect(pieces[2]!.text).toBe('一、总体情况');
    expect(pieces[3]!.text).toMatch(/^2019年，/u);
    for (const p of pieces) expect(line.slice(p.start - 100, p.end - 100)).toBe(p.text);
    expect(headingPieces(line)).toEqual(CANONICAL);
    // Table 三's own labels stay inside the table text.
    const table = pieces.find((p) => p.text.startsWith('申请人情况'))!;
    expect(table.text).toContain('三、本年度办理结果（一）予以公开');
    expect(table.text).toContain('四、结转下年度继续办理0000000');
  });

  it('does not cut at the preamble’s list of parts, numbered or not', () => {
    for (const preamble of [
      '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。',
      '本报告分为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
      '本报告分为 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项 六个部分。',
    ]) {
      const line = flatReport(preamble, TABLE3);
      const pieces = splitInlineHeadings({ text: line, start: 0, end: line.length })!;
      expect(headingPieces(line)).toEqual(CANONICAL);
      expect(pieces[1]!.text).toBe(preamble);
    }
  });

  it('does not take a table label that says a heading’s numeral for the heading', () => {
    // 四、结转下年度继续办理 comes before the real 四; 三、本年度办理结果 stands twice.
    const line = flatReport('本报告公布我区2019年度政府信息公开工作情况。', TABLE3 + TABLE3);
    expect(headingPieces(line)).toEqual(CANONICAL);
    expect(headingPieces(line).some((h) => TABLE_LABELS.includes(h))).toBe(false);
  });

  it('takes variant wordings, and leaves short lines and lines with one heading alone', () => {
    const variant = flatReport('本报告公布我区工作情况。', TABLE3).replace('五、存在的主要问题及改进情况', '五、存在的主要问题及改进措施');
    expect(headingPieces(variant)[4]).toBe('五、存在的主要问题及改进措施');
    expect(splitInlineHeadings({ text: '一、总体情况2019年，我区做好公开工作。二、主动公开政府信息情况见下表。', start: 0, end: 38 })).toBeUndefined();
    const one = '一、总体情况' + '我区认真贯彻落实《条例》要求，持续深化政务公开。'.repeat(20);
    expect(splitInlineHeadings({ text: one, start: 0, end: one.length })).toBeUndefined();
  });

  it('runs inside recogniseBlocks on a page-text archive of one long line', () => {
    const line = flatReport('本报告公布我区工作情况。', TABLE3);
    const text = `某某区2019年度政府信息公开工作年度报告\n发布时间：2020-01-20 15:22\n${line}\n`;
    const r = recognise(text);
    expect(headings(text, r.blocks).map((h) => h.section)).toEqual(SIX);
    expect(texts(r.blocks)[0]).toBe('某某区2019年度政府信息公开工作年度报告');
    expect(r.blocks[0]!.start).toBe(text.indexOf(line));
  });
});

function joinedRuns(text: string): TextRun[] {
  return joinSplitLines(blocksOf(text)).flatMap((b) => (b.kind === 'line' ? b.cells : []));
}

describe('split lines (synthetic)', () => {
  it('joins a numeral line with its words, over one or two lines', () => {
    const text = '一、\n总体情况\n二、\n主动公开政府信息\n情况\n1.\n落实公开责任主体\n';
    const runs = joinedRuns(text);
    expect(runs.map((r) => r.text)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '1.落实公开责任主体']);
    expect(runs[0]).toMatchObject({ start: 0, end: text.indexOf('\n二') });
  });

  it('joins a bracketed numeral over three lines, with or without its words on the last', () => {
    const runs = joinedRuns('（\n一\n）\n编制标准目录\n（\n四\n）平台建设方面。\n（二\n）\n主动公开\n');
    expect(runs.map((r) => r.text)).toEqual(['（一）编制标准目录', '（四）平台建设方面。', '（二）主动公开']);
  });

  it('leaves prose enumerations, years in brackets and brackets of prose alone', () => {
    const text = '三\n是加强培训。\n（\n2019\n年起）\n（\n对本报告有疑问，请联系我们。）\n一、\n\n总体情况\n';
    expect(joinSplitLines(blocksOf(text))).toEqual(blocksOf(text));
  });

  it('joins across blanks when blanks stand between all lines', () => {
    const lines = ['根据《条例》，现公布本报告。', '一、', '总体情况', '（', '一', '）', '主动公开', '2021年，我局做好公开工作。', '二、', '主动公开政府信息情况', '表格说明', '结尾'];
    const text = lines.join('\n\n') + '\n';
    const t = texts(joinSplitLines(blocksOf(text))).filter((x) => x !== '<blank>');
    expect(t).toEqual(['根据《条例》，现公布本报告。', '一、总体情况', '（一）主动公开', '2021年，我局做好公开工作。', '二、主动公开政府信息情况', '表格说明', '结尾']);
  });

  it('joins the items of a list around a lone 、', () => {
    const text = '本报告由总体情况\n、\n主动公开政府信息情况\n、\n收到和处理政府信息公开申请情况\n和\n其他需要报告的事项六部分组成。\n';
    const runs = joinedRuns(text);
    expect(runs[0]).toMatchObject({ text: '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况', start: 0 });
    expect(runs.map((r) => r.text).slice(1)).toEqual(['和', '其他需要报告的事项六部分组成。']);
    expect(headings(text, joinSplitLines(blocksOf(text)))).toEqual([]);
  });
});
