/**
 * The totals at a glance, over stdio: inlay hints on the totals of Tables 三 and 四 and the status a
 * status bar shows, answered by the real server from the analysis its lint workers made.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type CellNode, type ReportDocument } from '@nianbao/parse';
import type { InitializeResult, InlayHint } from 'vscode-languageserver/node';
import { CORPUS_DIR, corpusReports } from '../helpers/corpus.js';
import { LspClient } from '../helpers/lsp-client.js';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

interface Status {
  errors: number;
  warnings: number;
  reportYear?: number;
  formatYear: number;
  text: string;
  tooltip: string;
}

function cellOf(document: ReportDocument, table: string, row: string, column: string): CellNode {
  return document.tables.find((t) => t.id === table)!.rows.find((r) => r.id === row)!.cells.find((c) => c.column === column)!;
}

describe('inlay hints and the status request', () => {
  let client: LspClient;
  let init: InitializeResult;
  const r = corpusReports().find((x) => x.id === '004')!;
  const uri = pathToFileURL(r.path).href;
  const text = r.bytes.toString('utf8');
  const hintsOf = (at: string): Promise<InlayHint[]> => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: at }, range: WHOLE });

  beforeAll(async () => {
    client = new LspClient({ rootUri: pathToFileURL(CORPUS_DIR).href });
    init = await client.initialize();
  });
  afterAll(async () => {
    await client.stop();
  });

  it('says it serves inlay hints', () => {
    expect(init.capabilities.inlayHintProvider).toBe(true);
  });

  it('every total of Tables 三 and 四 has its sum and ✓; an edit that breaks one gets ✗ at once, with the sum it should be', async () => {
    await client.open(uri, text, 'plaintext', 1);
    const hints = await hintsOf(uri);
    expect(hints).toHaveLength(25 + 7 - 1 + 3);
    expect(hints.filter((h) => String(h.label).includes('✗'))).toEqual([]);
    const document = parseReport(text, { fileName: r.path });
    const total = cellOf(document, 'reviewLitigation', 'review', 'total');
    const atTotal = (list: InlayHint[]): InlayHint | undefined => list.find((h) => h.position.line === total.span.end.line - 1 && h.position.character === total.span.end.column - 1);
    expect(atTotal(hints)?.label).toBe(`Σ ${total.value} ✓`);

    // One more upheld review: the written total is now one short. Asked before any diagnostics arrive,
    // the hint is of the new version: the server waits for that version's analysis, it never answers from the last.
    const upheld = cellOf(document, 'reviewLitigation', 'review', 'upheld');
    const start = { line: upheld.span.start.line - 1, character: upheld.span.start.column - 1 };
    const end = { line: upheld.span.end.line - 1, character: upheld.span.end.column - 1 };
    await client.change(uri, 2, [{ range: { start, end }, text: String(upheld.value! + 1) }]);
    const after = await hintsOf(uri);
    const width = String(upheld.value! + 1).length - upheld.text.length;
    const moved = (h: InlayHint): boolean => h.position.line === total.span.end.line - 1 && h.position.character === total.span.end.column - 1 + (upheld.span.start.line === total.span.end.line ? width : 0);
    expect(after.find(moved)?.label).toBe(`Σ ${total.value! + 1} ✗`);
    const { diagnostics } = await client.diagnostics(uri, 2);
    expect(diagnostics.some((d) => d.code === 'review-total')).toBe(true);
  });

  it('nianbao/status: the errors the Problems panel lists and the format year', async () => {
    const { diagnostics } = await client.diagnostics(uri, 2);
    const status = await client.request<Status | null>('nianbao/status', { textDocument: { uri } });
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    expect(errors).toBeGreaterThan(0);
    expect(status).toMatchObject({ errors, warnings: diagnostics.filter((d) => d.severity === 2).length, formatYear: 2021, text: `${errors} 个错误 · 2021 版格式` });
    expect(status!.tooltip).toContain('国办公开办函〔2021〕30号');
    await client.close(uri);
  });

  it('nothing for a document that is not a report, nor for one never opened', async () => {
    const readme = pathToFileURL(`${CORPUS_DIR}README.md`).href;
    await client.open(readme, '# 说明\n\n这里存放各年度报告。\n', 'markdown', 1);
    expect(await hintsOf(readme)).toEqual([]);
    expect(await client.request('nianbao/status', { textDocument: { uri: readme } })).toBeNull();
    expect(await client.request('nianbao/status', { textDocument: { uri: 'file:///nowhere/unknown.md' } })).toBeNull();
    await client.close(readme);
  });
});
