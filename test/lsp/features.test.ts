import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '@nianbao/format';
import { lint, tableSkeleton } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { runCli, tempDir } from '../helpers/cli.js';
import { CORPUS_DIR, corpusReports, readCorpusReport } from '../helpers/corpus.js';
import { LspClient } from '../helpers/lsp-client.js';

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** The text after a workspace edit's changes to `uri` (plain edits only: this client takes no snippets). */
function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}

const report = (prefix: string) => corpusReports().find((r) => r.id === prefix)!;

describe('language features over stdio', () => {
  let client: LspClient;
  let version = 1;
  beforeAll(async () => {
    client = new LspClient({ rootUri: pathToFileURL(CORPUS_DIR).href });
    await client.initialize();
  });
  afterAll(async () => {
    await client.stop();
  });

  /** Opens (or replaces) a document and waits for the diagnostics of that version. */
  async function show(uri: string, text: string) {
    version++;
    await client.open(uri, text, 'plaintext', version);
    return client.diagnostics(uri, version);
  }

  it('each quick fix, applied and re-linted, makes its finding disappear', async () => {
    let checked = 0;
    for (const r of corpusReports()) {
      const uri = pathToFileURL(r.path).href;
      const text = r.bytes.toString('utf8');
      const { diagnostics } = await show(uri, text);
      for (const d of diagnostics.filter((x) => x.data !== undefined)) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
        const fix = actions.find((a) => a.isPreferred && a.diagnostics?.some((x) => x.code === d.code && x.message === d.message));
        expect(fix, `${r.file} ${String(d.code)} ${d.message}`).toBeDefined();
        const fixed = applyEdit(text, uri, fix!.edit);
        const after = lint(parseReport(fixed, { fileName: r.path }));
        expect(after.some((f) => f.ruleId === d.code && f.message === d.message)).toBe(false);
        checked++;
      }
      await client.close(uri);
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('fix-all (source.fixAll.nianbao) gives the text `nianbao lint --fix` writes', async () => {
    const r = report('002');
    const uri = pathToFileURL(r.path).href;
    const text = r.bytes.toString('utf8');
    await show(uri, text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.nianbao']);
    const fixed = applyEdit(text, uri, actions[0]!.edit);
    const { dir, cleanup } = tempDir();
    try {
      const copy = join(dir, r.file);
      copyFileSync(r.path, copy);
      runCli(['lint', '--fix', copy]);
      expect(fixed).toBe(readFileSync(copy, 'utf8'));
    } finally {
      cleanup();
    }
    expect(lint(parseReport(fixed, { fileName: r.path })).filter((f) => f.fix)).toEqual([]);
    await client.close(uri);
  });

  it('pull diagnostics (textDocument/diagnostic) equal the pushed ones, then report unchanged', async () => {
    const r = report('001');
    const uri = pathToFileURL(r.path).href;
    const pushed = await show(uri, r.bytes.toString('utf8'));
    const pulled = await client.request<{ kind: string; resultId: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(pulled.kind).toBe('full');
    expect(pulled.items).toEqual(pushed.diagnostics);
    const again = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: pulled.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: pulled.resultId });
    await client.close(uri);
  });

  it('workspace diagnostics cover every report of the folder, and only reports', async () => {
    const result = await client.request<{ items: Array<{ uri: string; kind: string; version: number | null; items: Array<{ code: string }> }> }>('workspace/diagnostic', { previousResultIds: [] });
    const uris = result.items.map((i) => i.uri).sort();
    // Every report file: text, Markdown, the web page and the PDF too, read as the CLI reads them.
    const all = corpusReports({ all: true });
    expect(uris).toEqual(all.map((r) => pathToFileURL(r.path).href).sort());
    for (const item of result.items) {
      const r = all.find((x) => pathToFileURL(x.path).href === item.uri)!;
      expect(item.items.map((d) => d.code), r.file).toEqual(lint(await readCorpusReport(r)).map((f) => f.ruleId));
    }
    // Every corpus file read and linted in the workers (the PDF and .docx among them): on a loaded 2-core CI machine that can pass 30 s.
  }, 90_000);

  it('hover on a total shows the formula, the sum and the difference, then the addends in a table', async () => {
    const r = report('004');
    const uri = pathToFileURL(r.path).href;
    const text = r.bytes.toString('utf8');
    await show(uri, text);
    const document = parseReport(text, { fileName: r.path });
    const table = document.tables.find((t) => t.id === 'applications')!;
    const row = table.rows.find((x) => x.id === 'newReceived')!;
    const total = row.cells.find((c) => c.column === 'total')!;
    const values = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other'].map((id) => row.cells.find((c) => c.column === id)!.value!);
    const sum = values.reduce((a, b) => a + b, 0);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: total.span.start.line - 1, character: total.span.start.column - 1 } });
    const value = (hover.contents as { value: string }).value;
    expect(hover.range).toEqual({ start: { line: total.span.start.line - 1, character: total.span.start.column - 1 }, end: { line: total.span.end.line - 1, character: total.span.end.column - 1 } });
    expect(value).toContain('**一、本年新收政府信息公开申请数量** × **总计** — 各类申请人之和');
    expect(value).toContain('**勾稽关系**: 表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他');
    const result = `计算结果 **${sum}** · 表中所填 **${total.value}** · 差额 **${total.value! - sum}** — ✓ 相符`;
    // A row's addends lie across the row in the report, and across in the hover's table, after the result.
    const addends = ['| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |', '| ---: | ---: | ---: | ---: | ---: | ---: |', `| ${values.join(' | ')} |`].join('\n');
    expect(value).toContain(`${result}\n\n${addends}`);
    // Row labels give the canonical label and what the row counts.
    const label = table.rows.find((x) => x.id === 'handledTotal')!.label!;
    const onLabel = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: label.span.start.line - 1, character: label.span.start.column } });
    expect((onLabel.contents as { value: string }).value).toBe('**（七）总计**\n\n本年度办理结果合计');
    // Section headings say what the section must contain.
    const heading = document.sections[0]!.heading.span.start;
    const onHeading = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: heading.line - 1, character: 1 } });
    expect((onHeading.contents as { value: string }).value).toMatch(/^\*\*一、总体情况\*\*\n\n本部分应写明: 本年度政府信息公开工作的总体情况/u);
    await client.close(uri);
  });

  it('the outline: title, six sections with their sub-headings, and the tables with their blocks', async () => {
    const r = report('003');
    const uri = pathToFileURL(r.path).href;
    await show(uri, r.bytes.toString('utf8'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = (list: DocumentSymbol[], depth = 0): string[] => list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children ?? [], depth + 1)]);
    const document = parseReport(r.bytes, { fileName: r.path });
    expect(symbols.map((s) => s.name)).toEqual([document.title!.text, ...document.sections.map((s) => s.heading.text)]);
    expect(symbols).toHaveLength(7);
    const lines = outline(symbols);
    const sectionOf = (name: string): string[] => outline(symbols.find((s) => s.name === name)!.children ?? []);
    expect(sectionOf(document.sections[0]!.heading.text)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理情况', '（四）加强政务公开平台建设', '（五）监督保障']);
    expect(sectionOf(document.sections[1]!.heading.text)).toEqual([
      '表二 主动公开政府信息情况',
      '  第二十条第（一）项',
      '  第二十条第（五）项',
      '  第二十条第（六）项',
      '  第二十条第（八）项',
      '  第二十条第（九）项',
    ]);
    expect(sectionOf(document.sections[2]!.heading.text)).toEqual([
      '表三 收到和处理政府信息公开申请情况',
      '  三、本年度办理结果',
      '  （三）不予公开',
      '  （四）无法提供',
      '  （五）不予处理',
    ]);
    expect(sectionOf(document.sections[3]!.heading.text)).toEqual(['表四 政府信息公开行政复议、行政诉讼情况', '  行政诉讼']);
    expect(lines).toContain('  (一) 存在问题');
    // Every child lies inside its parent, as clients require.
    const inside = (inner: Range, outer: Range): boolean =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (list: DocumentSymbol[]): void => {
      for (const s of list) {
        expect(inside(s.selectionRange, s.range)).toBe(true);
        for (const c of s.children ?? []) expect(inside(c.range, s.range)).toBe(true);
        check(s.children ?? []);
      }
    };
    check(symbols);
    await client.close(uri);
  });

  it('completion: canonical headings at the start of a line, canonical labels in a table', async () => {
    const r = report('004');
    const uri = pathToFileURL(r.path).href;
    const text = `${r.bytes.toString('utf8')}\n三`;
    await show(uri, text);
    const lastLine = text.split('\n').length - 1;
    const atStart = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 1 } });
    expect(atStart.map((i) => i.label)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(atStart[2]!.textEdit).toEqual({ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 1 } }, newText: '三、收到和处理政府信息公开申请情况' });
    const document = parseReport(text, { fileName: r.path });
    const label = document.tables.find((t) => t.id === 'applications')!.rows.find((x) => x.id === 'handledTotal')!.label!;
    const inTable = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: label.span.start.line - 1, character: label.span.start.column - 1 },
    });
    const labels = inTable.map((i) => i.label);
    expect(labels).toContain('（七）总计');
    expect(labels).toContain('四、结转下年度继续办理');
    expect(labels).toContain('法律服务机构');
    expect(labels).not.toContain('一、总体情况');
    await client.close(uri);
  });

  it('suppress with a reason: the comment goes on the line above, the reason is selected, the finding is gone', async () => {
    const r = report('000');
    const uri = pathToFileURL(r.path).href;
    const text = r.bytes.toString('utf8');
    const { diagnostics } = await show(uri, text);
    const d = diagnostics[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const suppress = actions.find((a) => a.title.startsWith('在本行忽略'))!;
    expect(suppress.title).toBe(`在本行忽略 ${String(d.code)}（需写明理由）`);
    const inserted = applyEdit(text, uri, suppress.edit);
    const line = inserted.split('\n')[d.range.start.line]!;
    expect(line).toBe(`<!-- nianbao-disable-next-line ${String(d.code)} -- 理由：… -->`);
    // The command selects the `…` so the user types the reason over it.
    expect(suppress.command?.command).toBe('nianbao.selectRange');
    const selected = suppress.command!.arguments![1] as Range;
    expect(line.slice(selected.start.character, selected.end.character)).toBe('…');
    const withReason = inserted.replace('理由：…', '理由：本单位沿用上级文件的写法');
    const after = lint(parseReport(withReason, { fileName: r.path }));
    const before = lint(parseReport(text, { fileName: r.path }));
    expect(after.map((f) => f.message)).toEqual(before.filter((f) => f.message !== d.message).map((f) => f.message));
    await client.close(uri);
  });

  it('insert the missing section and the missing table, from the format data', async () => {
    const r = report('000');
    const base = r.bytes.toString('utf8');
    const lines = base.split('\n');
    const parsed = parseReport(base, { fileName: r.path });
    const four = parsed.sections.find((s) => s.id === 'reviewLitigation')!.heading.span.start.line - 1;
    const five = parsed.sections.find((s) => s.id === 'problems')!.heading.span.start.line - 1;
    const { dir, cleanup } = tempDir();
    try {
      // Section 四 and its table gone.
      const noSection = [...lines.slice(0, four), ...lines.slice(five)].join('\n');
      const path = join(dir, 'no-section.txt');
      writeFileSync(path, noSection);
      const uri = pathToFileURL(path).href;
      const { diagnostics } = await show(uri, noSection);
      const missing = diagnostics.find((d) => d.code === 'section-missing')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
      const insert = actions.find((a) => a.title === '插入缺少的部分“四、政府信息公开行政复议、行政诉讼情况”')!;
      const fixed = applyEdit(noSection, uri, insert.edit);
      expect(fixed).toContain(tableSkeleton(FORMATS[2021].tables.reviewLitigation, 'text'));
      expect(fixed).not.toContain('| --- |');
      const document = parseReport(fixed, { fileName: path });
      expect(document.sections.map((s) => s.id)).toContain('reviewLitigation');
      expect(document.tables.map((t) => t.id)).toContain('reviewLitigation');
      expect(lint(document).filter((f) => f.ruleId === 'section-missing' || f.ruleId === 'section-order')).toEqual([]);

      // Table 四 gone, its heading kept.
      const tableEnd = five;
      const noTable = [...lines.slice(0, four + 1), '', ...lines.slice(tableEnd)].join('\n');
      const path2 = join(dir, 'no-table.txt');
      writeFileSync(path2, noTable);
      const uri2 = pathToFileURL(path2).href;
      const shown = await show(uri2, noTable);
      const tableMissing = shown.diagnostics.find((d) => d.code === 'table-missing')!;
      expect(tableMissing.message).toContain('缺少表四');
      const actions2 = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri2 }, range: tableMissing.range, context: { diagnostics: [tableMissing] } });
      const insertTable = actions2.find((a) => a.title === '插入缺少的表四（空白表格）')!;
      const tableInserted = applyEdit(noTable, uri2, insertTable.edit);
      // A plain-text report gets the table as its own tables are written: tab-separated rows, the group labels in place.
      expect(tableInserted).toContain(tableSkeleton(FORMATS[2021].tables.reviewLitigation, 'text'));
      expect(tableInserted).toContain('行政复议\t\t\t\t\t行政诉讼');
      const withTable = parseReport(tableInserted, { fileName: path2 });
      expect(withTable.tables.map((t) => t.id)).toContain('reviewLitigation');
      expect(lint(withTable).filter((f) => f.ruleId === 'table-missing').map((f) => f.message)).toEqual([
        '表四“政府信息公开行政复议、行政诉讼情况”的数据格全是空白：应填写全部 15 个数据格，没有发生的事项填 0。',
      ]);
    } finally {
      cleanup();
    }
  });

  it('other Markdown gets no diagnostics, and a report that stops being one has its list cleared', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const readme = pathToFileURL(join(dir, 'README.md')).href;
      await client.open(readme, '# 说明\n\n这里存放各年度报告。\n', 'markdown', 1);
      const r = report('000');
      const uri = pathToFileURL(join(dir, 'report.md')).href;
      await client.open(uri, r.bytes.toString('utf8'), 'markdown', 1);
      const first = await client.diagnostics(uri, 1);
      expect(first.diagnostics.length).toBeGreaterThan(0);
      await client.change(uri, 2, [{ text: '# 说明\n\n不是报告。\n' }]);
      expect(await client.diagnostics(uri, 2)).toEqual({ uri, version: 2, diagnostics: [] });
      expect(client.published.filter((p) => p.uri === readme)).toEqual([]);
      await client.close(readme);
      await client.close(uri);
    } finally {
      cleanup();
    }
  });

  it('incremental changes: the diagnostics follow the edited text', async () => {
    const r = report('000');
    const uri = pathToFileURL(r.path).href;
    const text = r.bytes.toString('utf8');
    const { diagnostics } = await show(uri, text);
    const d = diagnostics[0]!;
    const fix = (d.data as { fix: TextEdit }).fix;
    version++;
    await client.change(uri, version, [{ range: fix.range, text: fix.newText }]);
    const after = await client.diagnostics(uri, version);
    expect(after.diagnostics).toEqual(diagnostics.slice(1).map((x) => ({ ...x, ...shiftedBy(x, fix, text) })));
    await client.close(uri);
  });

  it('a malformed request gets an error response and the next request is served', async () => {
    const r = report('000');
    const uri = pathToFileURL(r.path).href;
    await show(uri, r.bytes.toString('utf8'));
    await expect(client.request('textDocument/hover', {})).rejects.toMatchObject({ code: -32603 });
    await expect(client.request('textDocument/codeAction', { textDocument: { uri } })).rejects.toMatchObject({ code: -32603 });
    await expect(client.request('nianbao/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    expect(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/unknown.md' }, position: { line: 0, character: 0 } })).toBeNull();
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBe(7);
    await client.close(uri);
  });

  it('a 5 MB document gets one diagnostic instead of freezing the server', async () => {
    const r = report('000');
    const uri = 'file:///tmp/nianbao-huge-report.txt';
    const big = `${r.bytes.toString('utf8')}\n${'本年度工作取得一定成效。\n'.repeat(5 * 1024 * 1024 / 36)}`;
    const { diagnostics } = await show(uri, big);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'internal-error', source: 'nianbao', severity: 2 });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toEqual([]);
    await client.close(uri);
  });
});

/** A diagnostic's range after a one-line edit earlier on the same line (or none when on another line). */
function shiftedBy(d: { range: Range }, edit: TextEdit, _text: string): { range: Range } {
  if (d.range.start.line !== edit.range.start.line) return { range: d.range };
  const delta = edit.newText.length - (edit.range.end.character - edit.range.start.character);
  return { range: { start: { ...d.range.start, character: d.range.start.character + delta }, end: { ...d.range.end, character: d.range.end.character + delta } } };
}
