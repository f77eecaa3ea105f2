import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type Diagnostic as CoreDiagnostic } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../helpers/cli.js';
import { corpusReports } from '../helpers/corpus.js';
import { LspClient, type Diagnostic } from '../helpers/lsp-client.js';

/**
 * What the server must publish for a report: the CLI's findings, converted independently here
 * (1-based → 0-based) so that a mistake in the server's one conversion function shows.
 */
function expectedDiagnostics(findings: readonly CoreDiagnostic[], uri: string, text: string): Diagnostic[] {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const range = (p: { line: number; column: number; endLine: number; endColumn: number }) => ({
    start: { line: p.line - 1, character: p.column - 1 },
    end: { line: p.endLine - 1, character: p.endColumn - 1 },
  });
  return findings.map((f) => ({
    range: range(f),
    severity: f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3,
    code: f.ruleId,
    codeDescription: { href: f.url },
    source: 'nianbao',
    message: f.message,
    ...(f.related.length > 0
      ? { relatedInformation: f.related.map((r) => ({ location: { uri: r.file ? pathToFileURL(r.file).href : uri, range: range(r) }, message: r.message })) }
      : {}),
    ...(f.fix ? { data: { fix: { range: { start: doc.positionAt(f.fix.start), end: doc.positionAt(f.fix.end) }, newText: f.fix.text } } } : {}),
  }));
}

describe('diagnostics over stdio equal the CLI findings', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(async () => {
    await client.stop();
  });

  for (const report of corpusReports()) {
    it(`${report.file}: the whole publishDiagnostics payload`, async () => {
      const uri = pathToFileURL(report.path).href;
      const text = report.bytes.toString('utf8');
      await client.open(uri, text);
      const published = await client.diagnostics(uri, 1);
      const findings = lint(parseReport(report.bytes, { fileName: report.path }));
      expect(findings.length).toBeGreaterThan(0);
      expect(published).toEqual({ uri, version: 1, diagnostics: expectedDiagnostics(findings, uri, text) });
    });
  }
});

describe('the same findings as the CLI binary', () => {
  it('every corpus report: rule, severity, message and range of `nianbao lint --format json`', async () => {
    const reports = corpusReports();
    const cli = runCli(['lint', '--format', 'json', ...reports.map((r) => r.path)]);
    expect(cli.code === 0 || cli.code === 1).toBe(true);
    const rows = JSON.parse(cli.stdout) as Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; severity: string; message: string }>;
    const client = new LspClient();
    try {
      await client.initialize();
      for (const report of reports) {
        const uri = pathToFileURL(report.path).href;
        await client.open(uri, report.bytes.toString('utf8'));
        const published = await client.diagnostics(uri, 1);
        const severity = ['', 'error', 'warning', 'info'];
        const got = published.diagnostics.map((d) => ({
          ruleId: d.code,
          severity: severity[d.severity ?? 0],
          message: d.message,
          place: [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
        }));
        const want = rows
          .filter((r) => r.file === report.path)
          .map((r) => ({ ruleId: r.ruleId, severity: r.severity, message: r.message, place: [r.line, r.column, r.endLine, r.endColumn] }));
        expect(got).toEqual(want);
      }
    } finally {
      await client.stop();
    }
  });
});
