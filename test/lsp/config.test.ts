import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import type { CodeAction } from 'vscode-languageserver/node';
import { tempDir } from '../helpers/cli.js';
import { corpusReports } from '../helpers/corpus.js';
import { LspClient } from '../helpers/lsp-client.js';

const report = (prefix: string) => corpusReports().find((r) => r.id === prefix)!;

/** A report copied into a fresh folder, as a user's project, with the client to talk to the server. */
async function project(settings: Record<string, unknown> = {}, capabilities?: Record<string, unknown>) {
  const { dir, cleanup } = tempDir();
  const r = report('002');
  const path = join(dir, r.file);
  writeFileSync(path, r.bytes);
  const client = new LspClient({ settings: () => settings, rootUri: pathToFileURL(dir).href, ...(capabilities ? { capabilities } : {}) });
  await client.initialize();
  return { dir, path, uri: pathToFileURL(path).href, text: r.bytes.toString('utf8'), client, done: async () => (await client.stop(), cleanup()) };
}

describe('settings and .nianbaorc.json', () => {
  it('.nianbaorc.json is found as the CLI finds it, re-read when it changes, and a broken one is one diagnostic', async () => {
    const p = await project();
    try {
      writeFileSync(join(p.dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table-label': 'off' } }));
      await p.client.open(p.uri, p.text);
      const first = await p.client.diagnostics(p.uri, 1);
      expect(first.diagnostics.map((d) => d.code)).not.toContain('table-label');
      expect(first.diagnostics.map((d) => d.code)).toEqual(lint(parseReport(p.text, { fileName: p.path }), { rules: { 'table-label': 'off' } }).map((f) => f.ruleId));

      // Broken: not JSON. One diagnostic names the file and line; linting goes on with the defaults.
      writeFileSync(join(p.dir, '.nianbaorc.json'), '{\n  "rules": {\n    "table-label": "of"\n  }\n');
      const before = p.client.published.length;
      await p.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(p.dir, '.nianbaorc.json')).href, type: 2 }] });
      await expect.poll(() => p.client.published.length > before, { timeout: 5000 }).toBe(true);
      const broken = p.client.published.at(-1)!;
      const config = broken.diagnostics.filter((d) => d.code === 'config');
      expect(config).toHaveLength(1);
      expect(config[0]!.message).toContain(`${join(p.dir, '.nianbaorc.json')}:`);
      expect(config[0]!.relatedInformation?.[0]?.location.uri).toBe(pathToFileURL(join(p.dir, '.nianbaorc.json')).href);
      expect(broken.diagnostics.filter((d) => d.code !== 'config').map((d) => d.code)).toEqual(lint(parseReport(p.text, { fileName: p.path })).map((f) => f.ruleId));

      // Mended: re-read, and the rule is off again.
      writeFileSync(join(p.dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table-label': 'off' } }));
      const count = p.client.published.length;
      await p.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(p.dir, '.nianbaorc.json')).href, type: 2 }] });
      await expect.poll(() => p.client.published.length > count, { timeout: 5000 }).toBe(true);
      expect(p.client.published.at(-1)!.diagnostics.map((d) => d.code)).toEqual(first.diagnostics.map((d) => d.code));
      const stderr = p.client.stderr.join('');
      expect(stderr).not.toMatch(/uncaught|unhandled/iu);
    } finally {
      await p.done();
    }
  });

  it('nianbao.locale: en gives the English messages', async () => {
    const p = await project({ locale: 'en' });
    try {
      await p.client.open(p.uri, p.text);
      const published = await p.client.diagnostics(p.uri, 1);
      expect(published.diagnostics.map((d) => d.message)).toEqual(lint(parseReport(p.text, { fileName: p.path }), { locale: 'en' }).map((f) => f.message));
    } finally {
      await p.done();
    }
  });

  it('nianbao.files selects a document that does not read as a report', async () => {
    const p = await project({ files: ['drafts/**/*.md'] });
    try {
      const draft = pathToFileURL(join(p.dir, 'drafts', 'part.md')).href;
      await p.client.open(draft, '# 草稿\n\n一、总体情况\n\n本年度……\n', 'markdown');
      const published = await p.client.diagnostics(draft, 1);
      expect(published.uri).toBe(draft);
    } finally {
      await p.done();
    }
  });

  it('nianbao.run: onSave lints on open and save, not while typing', async () => {
    const p = await project({ run: 'onSave' });
    try {
      await p.client.open(p.uri, p.text);
      await p.client.diagnostics(p.uri, 1);
      await p.client.change(p.uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await new Promise((r) => setTimeout(r, 300));
      expect(p.client.published.some((x) => x.version === 2)).toBe(false);
      await p.client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: p.uri } });
      expect((await p.client.diagnostics(p.uri, 2)).version).toBe(2);
    } finally {
      await p.done();
    }
  });

  it('nianbao.previousReport: a path that cannot be read is one warning, and the rest is checked', async () => {
    const p = await project({ previousReport: 'missing-2022.txt' });
    try {
      await p.client.open(p.uri, p.text);
      const published = await p.client.diagnostics(p.uri, 1);
      const warning = published.diagnostics.filter((d) => d.code === 'previous-report');
      expect(warning).toHaveLength(1);
      expect(warning[0]!.message).toContain(join(p.dir, 'missing-2022.txt'));
      expect(published.diagnostics.filter((d) => d.code !== 'previous-report').map((d) => d.code)).toEqual(lint(parseReport(p.text, { fileName: p.path })).map((f) => f.ruleId));
    } finally {
      await p.done();
    }
  });

  it('nianbao.previousReport: auto pairs last year as `--previous auto` does (carryover points at that file)', async () => {
    const p = await project({ previousReport: 'auto' });
    try {
      // Last year's report: this report with its year moved back and one carried-forward number changed.
      const document = parseReport(p.text, { fileName: p.path });
      const year = document.reportYear!;
      const lastYear = p.text.replaceAll(String(year), String(year - 1));
      const lastPath = join(p.dir, 'last-year.txt');
      writeFileSync(lastPath, lastYear);
      const cliFindings = lint(document, { previous: { document: parseReport(readFileSync(lastPath), { fileName: lastPath }), file: lastPath } });
      await p.client.open(p.uri, p.text);
      const published = await p.client.diagnostics(p.uri, 1);
      expect(published.diagnostics.map((d) => `${String(d.code)} ${d.message}`)).toEqual(cliFindings.map((f) => `${f.ruleId} ${f.message}`));
      for (const d of published.diagnostics.filter((x) => x.code === 'carryover')) {
        expect(d.relatedInformation?.some((r) => r.location.uri === pathToFileURL(lastPath).href)).toBe(true);
      }
      // Paired: the hover on 二、上年结转 shows the cross-year identity with last year's value.
      const cell = document.tables.find((t) => t.id === 'applications')!.rows.find((x) => x.id === 'carriedOver')!.cells.find((c) => c.column === 'total')!;
      const hover = await p.client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: p.uri }, position: { line: cell.span.start.line - 1, character: cell.span.start.column - 1 } });
      expect(hover.contents.value).toContain('本年“二、上年结转”每一列 = 上年报告“四、结转下年度继续办理”的同一列');
      // The addends as a table (issue 12): last year's cell is one of its rows.
      expect(hover.contents.value).toMatch(/^\| 上年四、结转下年度继续办理 \| \d+ \|$/mu);
    } finally {
      await p.done();
    }
  });

  it('with snippet edits, the suppression leaves its reason as a placeholder to type over', async () => {
    const p = await project({}, { workspace: { configuration: true, workspaceEdit: { snippetEditSupport: true, documentChanges: true } } });
    try {
      await p.client.open(p.uri, p.text);
      const { diagnostics } = await p.client.diagnostics(p.uri, 1);
      const d = diagnostics.find((x) => x.code === 'year-mismatch')!;
      const actions = await p.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: p.uri }, range: d.range, context: { diagnostics: [d] } });
      const suppress = actions.find((a) => a.title === '在本行忽略 year-mismatch（需写明理由）')!;
      expect(suppress.edit).toEqual({
        documentChanges: [
          {
            textDocument: { uri: p.uri, version: 1 },
            edits: [
              {
                range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } },
                snippet: { kind: 'snippet', value: '<!-- nianbao-disable-next-line year-mismatch -- 理由：${1:…} -->\n' },
              },
            ],
          },
        ],
      });
    } finally {
      await p.done();
    }
  });
});

describe('transports', () => {
  it('node IPC: the same diagnostics as over stdio', async () => {
    const { fork } = await import('node:child_process');
    const { IPCMessageReader, IPCMessageWriter, createMessageConnection } = await import('vscode-jsonrpc/node');
    const { SERVER_BIN } = await import('../helpers/lsp-client.js');
    const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const got = new Promise<{ uri: string; diagnostics: unknown[] }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
      await connection.sendNotification('initialized', {});
      const r = report('000');
      const uri = pathToFileURL(r.path).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: r.bytes.toString('utf8') } });
      const published = await got;
      expect(published.diagnostics).toHaveLength(lint(parseReport(r.bytes, { fileName: r.path })).length);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
