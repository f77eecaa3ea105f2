import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { ROOT } from './cli.js';

export const SERVER_BIN = join(ROOT, 'packages/language-server/bin/nianbao-language-server.js');

export interface ClientOptions {
  /** What `workspace/configuration` answers for section `nianbao` (per document URI). */
  settings?: (uri: string | undefined) => unknown;
  capabilities?: ClientCapabilities;
  rootUri?: string | null;
  /** The server script to run with node: the built server by default, or a bundle (the extension's). */
  server?: string;
}

/**
 * A small LSP client over stdio for the end-to-end tests: spawns the BUILT server (`tsc -b` first),
 * answers its requests to the client, and records every publishDiagnostics.
 */
export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  private waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [options.server ?? SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      params.items.map((item) => (item.section === 'nianbao' ? (this.options.settings?.(item.scopeUri) ?? {}) : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', () => ({ success: true }));
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      workspaceFolders: this.options.rootUri ? [{ uri: this.options.rootUri, name: 'root' }] : null,
      capabilities: this.options.capabilities ?? { workspace: { configuration: true } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next publishDiagnostics for `uri` (at `version`, when given); already received ones count. */
  diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams): boolean => p.uri === uri && (version === undefined || p.version === version);
    const done = [...this.published].reverse().find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version ?? '?'} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export type { Diagnostic };
