/**
 * Data never changes a report's structure (issue 14). Each case puts one hostile string into every
 * string field of the data at once and renders the built-in report followed by a partial that sets every
 * field in every line context a template can give it (alone on a line, under a line of text, inside a
 * line, as a heading, in a list item and a quotation). The report must then be, to each reader, the
 * baseline's report with other words in it:
 *
 * - nianbao linting it back: the same sections (and heading lines), tables and findings;
 * - full GFM (remark-parse + remark-gfm + remark-rehype + rehype-stringify, which links bare addresses):
 *   the same block elements in the same order, no element the data made, a link only ever exactly an address;
 * - our own HTML page (html.ts): the same.
 *
 * Each case parses its Markdown once for nianbao (the document is linted as it is) and once for each HTML
 * renderer.
 */
import { readFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { SECTIONS, type ReportData } from '@nianbao/format';
import { builtInTemplatesDir, escapeMarkdown, generateReport, renderHtml } from '@nianbao/generate';
import { lint } from '@nianbao/lint';
import { parseReport, type ReportDocument } from '@nianbao/parse';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE_TEXT = readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8');

function example(): ReportData {
  return JSON.parse(EXAMPLE_TEXT) as ReportData;
}

const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();

/** Every string field of the data, as a dotted path. */
const FIELDS = ['title', 'agency.name', 'contact.unit', 'contact.address', 'contact.phone', 'contact.email', 'contact.website', 'period.text', 'citedNotice'] as const;

/**
 * The line contexts a template can give a string: each of these is a paragraph or block of its own, and
 * `{{v}}` stands where the string goes.
 */
const CONTEXTS = ['{{v}}', '上一行的文字\n{{v}}', '文字{{v}}文字', '### {{v}}', '- {{v}}', '> {{v}}'];

const folder = mkdtempSync(join(tmpdir(), 'nianbao-injection-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'partials'));
writeFileSync(join(folder, 'report.md.hbs'), `${readFileSync(`${builtInTemplatesDir()}shared/report.md.hbs`, 'utf8')}\n{{> contexts}}\n`);
writeFileSync(
  join(folder, 'partials', 'contexts.hbs'),
  [`{{#*inline "each"}}\n${CONTEXTS.map((c) => `\n${c}\n`).join('')}{{/inline}}`, ...FIELDS.map((f) => `{{> each v=data.${f}}}`)].join('\n'),
);

function generate(raw: ReportData): string {
  const result = generateReport(raw, { templatesDir: folder });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.markdown;
}

/** The text content of an HTML fragment: tags dropped, character references decoded (in one pass, as a browser shows `&#x26;lt;`). */
function htmlText(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
  return html.replace(/<[^>]*>/gu, '').replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|amp));/giu, (_, hex?: string, dec?: string, name?: string) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : named[name!]!,
  );
}

const BLOCK = /<(h[1-6]|p|hr|pre|blockquote|ul|ol|li|table|thead|tbody|tr|th|td)[\s>]/gu;

/** The block elements of an HTML page in order: what the data must never add to or take from. */
function blocks(html: string): string[] {
  return [...html.matchAll(BLOCK)].map((m) => m[1]!);
}

/** Every element name used. */
function elements(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-z][a-z0-9]*)[\s>/]/gu)].map((m) => m[1]!));
}

function anchors(html: string): Array<{ href: string; text: string }> {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gu)].map((m) => ({ href: htmlText(m[1]!), text: htmlText(m[2]!) }));
}

/** What nianbao reads of a document's structure: sections with their heading lines, and the tables. */
function structure(doc: ReportDocument): unknown {
  return {
    sections: doc.sections.map((s) => [s.id, s.heading.span.start.line, s.heading.numeral.status, s.heading.title.wording]),
    tables: doc.tables.map((t) => [t.id, t.section, t.rows.length, t.unrecognized.length, t.missingRows.length]),
    format: doc.tableFormatYear,
  };
}

/** The findings, by rule: the data is no title, so `report-title` may say so; nothing else may change. */
function findings(doc: ReportDocument): string[] {
  return lint(doc)
    .map((d) => d.ruleId)
    .filter((id) => id !== 'report-title')
    .sort();
}

interface Rendered {
  markdown: string;
  doc: ReportDocument;
  gfm: string;
  page: string;
}

function render(raw: ReportData): Rendered {
  const markdown = generate(raw);
  return { markdown, doc: parseReport(markdown, { fileName: 'injected.md' }), gfm: String(gfm.processSync(markdown)), page: renderHtml(markdown, 't') };
}

const BASELINE = render(example());
const BASELINE_LINES = BASELINE.markdown.split('\n').length;
const BASELINE_FINDINGS = findings(BASELINE.doc);

/** Asserts a report is the baseline's in structure, to nianbao and to both HTML renderers. */
function expectSameStructure(r: Rendered): void {
  // No line the data made or removed.
  expect(r.markdown.split('\n')).toHaveLength(BASELINE_LINES);
  expect(structure(r.doc)).toEqual(structure(BASELINE.doc));
  expect(findings(r.doc)).toEqual(BASELINE_FINDINGS);
  for (const [html, base] of [
    [r.gfm, BASELINE.gfm],
    [r.page, BASELINE.page],
  ] as const) {
    expect(blocks(html)).toEqual(blocks(base));
    for (const name of elements(html)) if (name !== 'a') expect(elements(base), `<${name}>`).toContain(name);
    expect(html).not.toMatch(/<[^>]*\son\w+=|href="\s*(?:javascript|data|vbscript):/iu);
  }
}

const NUMBERED_HEADINGS = SECTIONS.map((s) => `${s.numeral}、${s.title}`);

/**
 * Strings that are Markdown, HTML or template syntax, or a report's structure, in groups: a case gives
 * the fields its strings in turn (field k the k-th, round again), so that one report holds several of
 * them side by side, each in every context.
 */
const CASES: Array<[string, string[]]> = [
  ['HTML and references', ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- 注释 --> -->', '<!--', '&lt;script&gt;', '&#x23; 字符引用']],
  ['template syntax', ['{{title}}', '{{#each}}', '{{> preamble}}', '{{{title}}}']],
  ['inline markup', ['**x**', '`code` ~~del~~ _em_ *em*', '![img](x.png)', '[link](javascript:alert(1))', '\\', '结尾的反斜杠\\', '# heading']],
  ['table rows', ['| a | b |', '|---|---|', '| --- |']],
  ['list items', ['1. 列表', '1) 列表', '- 列表', '+ 列表', '- [ ] 任务', '* 列表']],
  ['fences and quotations', ['```', '~~~', '> 引用', '```js']],
  // Thematic breaks and setext underlines, alone and below a line of text.
  ['thematic breaks and underlines', ['---', '***', '___', '- - -', '===', '--']],
  ['code blocks and column gaps', ['    四个空格开头', '\t制表符开头', '机关  名称  有  空格', '示例\u3000\u3000局', '行尾两个空格  ']],
  // A section heading, whole, without its separator, or without its numeral.
  ['section headings', NUMBERED_HEADINGS],
  ['section headings without a separator', SECTIONS.map((s) => `${s.numeral}${s.title}`)],
  ['section titles', SECTIONS.map((s) => s.title)],
  ['section headings behind space, an invisible character or a Markdown heading', [`　${NUMBERED_HEADINGS[5]}`, `\u200b${NUMBERED_HEADINGS[4]}`, `## ${NUMBERED_HEADINGS[0]}`, ` ${NUMBERED_HEADINGS[1]} `]],
  // Every kind of line break before a heading (U+2028/U+2029, form feed, vertical tab, NEL, a control character).
  ['a line break before a section heading', ['\n', '\r\n', '\r', '\u2028', '\u2029', '\f', '\v', '\u0085', '\u0000'].map((br, i) => `正文${br}${NUMBERED_HEADINGS[i % 6]}`)],
  ['section headings inside a long value', [`正文 ${NUMBERED_HEADINGS[4]} 中间 ${NUMBERED_HEADINGS[5]} 结尾`, `${'很长的正文'.repeat(70)} ${NUMBERED_HEADINGS[2]} 中间 ${NUMBERED_HEADINGS[3]}`]],
  ['numbered sub-heads and enumerations', ['（一）主动公开', '(二)依申请公开', '1、政府信息管理', '一是加强平台建设', '（三）', '2.监督保障']],
];

function withValues(values: readonly string[]): ReportData {
  const raw = example();
  const record = raw as unknown as Record<string, Record<string, unknown>>;
  FIELDS.forEach((field, k) => {
    const value = values[k % values.length]!;
    const [top, sub] = field.split('.') as [string, string | undefined];
    if (sub === undefined) record[top] = value as unknown as Record<string, unknown>;
    else record[top]![sub] = value;
  });
  return raw;
}

/** 2019-format data: a corpus report's (its Table 四, blank in the report, as zeros). */
function data2019(): ReportData {
  const raw = JSON.parse(readFileSync(`${ROOT}test/fixtures/corpus/expected/003.json`, 'utf8')) as ReportData;
  for (const column of Object.keys(raw.tables.reviewLitigation['review']!)) raw.tables.reviewLitigation['review']![column] = 0;
  return raw;
}

describe('the generated report linted back', () => {
  it.each([
    ['2021', example],
    ['2019', data2019],
  ] as const)('%s format: exactly the sections the template made, and no finding but the 待填写 guidance', (_, data) => {
    const result = generateReport(data());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const doc = parseReport(result.markdown, { fileName: 'generated.md' });
    // The headings the template wrote, line by line, are the sections read back: the six, in order, canonical.
    const lines = result.markdown.split('\n');
    const written = lines.flatMap((l, i) => (l.startsWith('## ') ? [[i + 1, l.slice(3)]] : []));
    expect(doc.sections.map((s) => [s.heading.span.start.line, s.heading.text])).toEqual(written);
    expect(doc.sections.map((s) => s.id)).toEqual(SECTIONS.map((s) => s.id));
    expect(doc.sections.map((s) => [s.heading.numeral.status, s.heading.title.wording])).toEqual(SECTIONS.map(() => ['canonical', 'canonical']));
    expect(new Set(lint(doc).map((d) => d.ruleId))).toEqual(new Set(['placeholder']));
  });
});

describe('injection through the data strings', () => {
  it('the baseline of the contexts template lints as the plain report does', () => {
    expect(BASELINE.doc.sections.map((s) => s.id)).toEqual(SECTIONS.map((s) => s.id));
    expect(new Set(BASELINE_FINDINGS)).toEqual(new Set(['placeholder']));
  });

  it.each(CASES)('%s: literal text in every field and context', (_, values) => {
    const r = render(withValues(values));
    expectSameStructure(r);
    expect(r.markdown).not.toMatch(/<script|<img/iu);
    // Nothing was evaluated: `{{> preamble}}` is not expanded, `{{title}}` is not the title.
    expect(r.markdown.split('本报告根据《中华人民共和国政府信息公开条例》')).toHaveLength(2);
    expect(r.markdown).not.toContain('示例市示例区市场监督管理局2023年');
    // No link at all: none of these is an address.
    expect(anchors(r.gfm)).toEqual([]);
    // Each value reads back as written wherever it is shown (line breaks and runs of spaces as one space).
    for (const [k, value] of values.entries()) {
      const shown = value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/ {2,}/gu, ' ').trim();
      const fields = FIELDS.filter((_f, i) => i % values.length === k).length;
      for (const html of [r.gfm, r.page]) expect(htmlText(html).split(shown).length - 1, shown).toBeGreaterThanOrEqual(fields * CONTEXTS.length);
    }
  });
});

// GFM links a bare address up to the next space, and Chinese has none: the sentence after an address would
// become part of its link. Each address is written as an autolink that ends where the address does.
describe('addresses in the data', () => {
  const ADDRESSES: Array<[string, string[]]> = [
    ['https://www.example.gov.cn', ['https://www.example.gov.cn']],
    ['详见https://www.example.gov.cn/xxgk/index.html，或来电咨询', ['https://www.example.gov.cn/xxgk/index.html']],
    ['网址：www.example.gov.cn。电话', ['www.example.gov.cn']],
    ['http://example.gov.cn/a?b=1&c=2；其他', ['http://example.gov.cn/a?b=1&c=2']],
    ['（见https://example.gov.cn/a_(b)）', ['https://example.gov.cn/a_(b)']],
    ['HTTPS://EXAMPLE.GOV.CN，文字', ['HTTPS://EXAMPLE.GOV.CN']],
    ['ftp://www.example.gov.cn，文字', ['ftp://www.example.gov.cn']],
    ['https://x.example/"><script>alert(1)</script>', ['https://x.example/']],
    ['javascript:alert(1)//www.example.gov.cn，文字', ['www.example.gov.cn']],
    ['xxgk_bgs@example.com，电话', ['xxgk_bgs@example.com']],
    ['[ref]: https://evil.example', ['https://evil.example']],
    // `_` beside an autolink is beside `<` or `>` in the Markdown: escaped, it cannot make emphasis.
    ['https://x.example.cn_中_https://y.example.cn', ['https://x.example.cn', 'https://y.example.cn']],
    ['见：www.a_b.example.cn，文字', ['www.a_b.example.cn']],
    // Only the start of an address: nothing to link, and nothing any reader may link.
    ['www.例子.中国，文字', []],
    ['https://例子，文字', []],
    ['见http://，文字', []],
  ];

  it.each(ADDRESSES)('%j is linked as exactly %j', (value, links) => {
    const r = render(withValues([value]));
    expectSameStructure(r);
    for (const [html, renderer] of [
      [r.gfm, 'gfm'],
      [r.page, 'page'],
    ] as const) {
      const found = anchors(html);
      for (const a of found) {
        // A link's text is the address and nothing after it; its target is the address (an e-mail's, mailto:).
        expect(links, `${renderer}: ${a.text}`).toContain(a.text);
        expect([a.text, `mailto:${a.text}`, `http://${a.text}`]).toContain(a.href);
      }
      // Our page links the autolinks `<http(s)://…>` (not e-mail, ftp or `www.`); GFM links every one.
      const expected = renderer === 'gfm' ? links : links.filter((l) => /^https?:/iu.test(l));
      expect(new Set(found.map((a) => a.text))).toEqual(new Set(expected));
    }
    // The text reads as written.
    for (const html of [r.gfm, r.page]) expect(htmlText(html)).toContain(value);
  });

  it('a website that is a plain https URL becomes a link at the end of the preamble', () => {
    const raw = example();
    raw.contact!.website = 'https://gov.example.cn/a?b=1&c=2';
    const result = generateReport(raw);
    if (!result.ok) throw new Error('not generated');
    expect(result.markdown).toContain('网址：<https://gov.example.cn/a?b=1&c=2>\n');
    expect(renderHtml(result.markdown, 't')).toContain('网址：<a href="https://gov.example.cn/a?b=1&#x26;c=2">https://gov.example.cn/a?b=1&#x26;c=2</a></p>');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['示例市示例区市场监督管理局', '示例市示例区市场监督管理局'],
    ['三明市人民政府', '三明市人民政府'],
    ['十堰市教育局', '十堰市教育局'],
    ['010-00000000', '010-00000000'],
    ['示例大街1号', '示例大街1号'],
    ['xxgk_bgs@example.com', 'xxgk_bgs@example.com'],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号'],
    ['---', '\\---'],
    ['=== x', '\\=== x'],
    ['1.5公里', '1\\.5公里'],
    ['    code', 'code'],
    ['a  b\t\tc', 'a b c'],
    ['a\u2028b\fc\u0085d', 'a b c d'],
    ['_em_', '\\_em\\_'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['（一）主动公开', '&#xFF08;一）主动公开'],
    ['1、政府信息管理', '&#x31;、政府信息管理'],
    [NUMBERED_HEADINGS[5]!, `${[...NUMBERED_HEADINGS[5]!.slice(0, 3)].map((c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`).join('')}${NUMBERED_HEADINGS[5]!.slice(3)}`],
    ['详见https://a.example.cn/x，电话', '详见<https://a.example.cn/x>，电话'],
    ['www.a.example.cn', 'www.a.example.cn<!-- -->'],
    ['见www.a.example.cn，电话', '见www.a.example.cn<!-- -->，电话'],
    ['www.例子', 'www<!-- -->.例子'],
  ])('%j → %j', (value, escaped) => {
    expect(escapeMarkdown(value)).toBe(escaped);
  });
});
