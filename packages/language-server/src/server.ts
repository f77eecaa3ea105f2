import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSource } from '@nianbao/parse';
import { INTERNAL_ERROR, ruleDocsUrl } from '@nianbao/lint';
import { CONFIG_FILE_NAME } from '@nianbao/lint/node';
import { serverDiagnostic } from './diagnostics.js';
import { t } from './messages.js';
import { Analyzer, MAX_TEXT_LENGTH, type Analysis, type TextSnapshot } from './analysis.js';
import { FIX_ALL_KIND, SELECT_COMMAND, codeActions, isSelectArguments } from './code-actions.js';
import { completions } from './completion.js';
import { guardNotification, guardRequest } from './guard.js';
import { hoverAt } from './hover.js';
import { ProjectState } from './project.js';
import { LintScheduler } from './scheduler.js';
import { filePathOf, isCandidate } from './selection.js';
import { SettingsCache } from './settings.js';
import { documentSymbols } from './symbols.js';
import { reportFiles } from './workspace.js';

/** A short wait after a change: long enough to merge a burst of keystrokes, short enough to feel instant. */
export const DEBOUNCE_MS = 15;

/** A failed diagnostic pull is not retried at once: the same input would fail the same way. */
const NO_RETRIGGER: DiagnosticServerCancellationData = { retriggerRequest: false };

/** What the client said it can do, read once at initialize. */
interface ClientAbilities {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  snippetEdits: boolean;
  showDocument: boolean;
}

function abilitiesOf(params: InitializeParams): ClientAbilities {
  const c = params.capabilities ?? {};
  return {
    configuration: c.workspace?.configuration === true,
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    snippetEdits: c.workspace?.workspaceEdit?.snippetEditSupport === true,
    showDocument: c.window?.showDocument?.support === true,
  };
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePathOf).filter((p): p is string => p !== undefined);
}

function snapshotOf(document: TextDocument): TextSnapshot {
  return { uri: document.uri, version: document.version, text: document.getText(), positionAt: (offset) => document.positionAt(offset) };
}

/**
 * Wires the language server onto a connection: document sync, diagnostics (pushed, pulled, and for
 * the workspace), code actions, hover, outline and completion. Every handler is guarded, so a bad
 * request or a failing feature answers with an error and the server goes on.
 */
export function startServer(connection: Connection): void {
  const log = (message: string): void => connection.console.error(message);
  const documents = new TextDocuments(TextDocument);
  let abilities: ClientAbilities = abilitiesOf({ capabilities: {}, processId: null, rootUri: null });
  let folders: string[] = [];
  /** Bumped when settings or configuration change, so that pulled results are known to be stale. */
  let epoch = 0;
  const notified = new Set<string>();
  /** Documents whose last published list was not empty: a non-report must have them cleared once. */
  const published = new Set<string>();

  const settings = new SettingsCache((uri) => (abilities.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }) : Promise.resolve(undefined)));
  const project = new ProjectState();
  const analyzer = new Analyzer({
    settings,
    project,
    folders: () => folders,
    notify: (message) => {
      if (notified.has(message)) return;
      notified.add(message);
      // A notification, not window/showMessageRequest: nothing waits for the user to dismiss it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
    },
  });

  const analyzerSelected = (uri: string): boolean => {
    const document = documents.get(uri);
    return document ? analyzer.cached(uri, document.version)?.selected === true : false;
  };
  const publish = (uri: string, version: number | null, diagnostics: LspDiagnostic[]): void => {
    if (diagnostics.length === 0 && !published.has(uri) && !analyzerSelected(uri)) return;
    if (diagnostics.length > 0) published.add(uri);
    else published.delete(uri);
    void connection.sendDiagnostics({ uri, ...(version !== null ? { version } : {}), diagnostics });
  };

  /** One error diagnostic for a run that failed outside lint's own isolation of rules. */
  const crashed = (uri: string, error: unknown): LspDiagnostic[] => {
    log(`nianbao: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const reason = error instanceof Error ? error.message : String(error);
    return [serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Error, t('zh', 'crashed', { reason }))];
  };

  const lintAndPublish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document || !isCandidate(uri, document.languageId)) return;
    const version = document.version;
    const stale = (): boolean => documents.get(uri)?.version !== version;
    let diagnostics: LspDiagnostic[];
    try {
      const analysis = await analyzer.analyze(snapshotOf(document), stale);
      if (!analysis || stale()) return;
      diagnostics = analysis.diagnostics;
    } catch (error) {
      if (stale()) return;
      diagnostics = crashed(uri, error);
    }
    // A client that pulls asks for diagnostics itself; pushing as well would show each one twice.
    if (!abilities.pullDiagnostics) publish(uri, version, diagnostics);
  };
  const scheduler = new LintScheduler(lintAndPublish, DEBOUNCE_MS);

  const relintAll = (): void => {
    epoch++;
    analyzer.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    if (abilities.pullDiagnostics && abilities.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  };

  /** The current analysis of an open document, or undefined for a URI the client never opened. */
  const analysisOf = async (uri: string): Promise<{ analysis: Analysis; snapshot: TextSnapshot; document: TextDocument } | undefined> => {
    const document = documents.get(uri);
    if (!document || !isCandidate(uri, document.languageId)) return undefined;
    const snapshot = snapshotOf(document);
    const analysis = await analyzer.analyze(snapshot);
    return analysis ? { analysis, snapshot, document } : undefined;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // Not guardRequest: a client whose initialize params are malformed still gets a working server.
    try {
      abilities = abilitiesOf(params);
      folders = foldersOf(params);
    } catch (error) {
      log(`nianbao: unreadable initialize parameters, using defaults: ${error instanceof Error ? error.message : String(error)}`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'nianbao' },
        completionProvider: { triggerCharacters: ['|', '#'] },
        executeCommandProvider: { commands: [SELECT_COMMAND] },
        // Carryover reads last year's file: a change there changes this file's diagnostics.
        diagnosticProvider: { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nianbao-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    guardNotification('initialized', log, async () => {
      if (abilities.watchedFilesRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{md,markdown,txt,html,htm,docx,pdf}' }],
        });
      }
      if (abilities.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
      if (folders.length > 0 || abilities.configuration) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification('workspace folders', log, (event) => {
            const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
            folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined)];
            relintAll();
          }),
        );
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification('configuration', log, () => {
      settings.clear();
      notified.clear();
      relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification('watched files', log, (params) => {
      const configChanged = params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`));
      if (configChanged) {
        project.clearConfigs();
        notified.clear();
      } else {
        project.clearPrevious();
      }
      relintAll();
    }),
  );

  /** Opened just now: TextDocuments fires a content change right after the open, which must not lint twice. */
  const opening = new Set<string>();
  documents.onDidOpen(
    guardNotification('open', log, (event) => {
      opening.add(event.document.uri);
      scheduler.schedule(event.document.uri, 0);
    }),
  );
  documents.onDidChangeContent(
    guardNotification('change', log, async (event) => {
      const { uri } = event.document;
      if (opening.delete(uri)) return;
      const s = await settings.get(uri);
      if (s.run === 'onType') scheduler.schedule(uri);
    }),
  );
  documents.onDidSave(
    guardNotification('save', log, async (event) => {
      const s = await settings.get(event.document.uri);
      if (s.run === 'onSave') scheduler.schedule(event.document.uri, 0);
    }),
  );
  documents.onDidClose(
    guardNotification('close', log, (event) => {
      const { uri } = event.document;
      scheduler.cancel(uri);
      analyzer.forget(uri);
      settings.forget(uri);
      if (published.has(uri)) {
        published.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }),
  );

  connection.languages.diagnostics.on(
    guardRequest('textDocument/diagnostic', log, async (params): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) {
        // Not open: read it from disk if it is a file, as the workspace pull does.
        const report = await closedFileReport(uri, undefined);
        return report ? { kind: DocumentDiagnosticReportKind.Full, items: report.items } : { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      const resultId = `${document.version}:${epoch}`;
      if (params.previousResultId === resultId && analyzer.cached(uri, document.version)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      if (!isCandidate(uri, document.languageId)) return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [] };
      let items: LspDiagnostic[];
      try {
        items = (await analyzer.analyze(snapshotOf(document)))?.diagnostics ?? [];
      } catch (error) {
        items = crashed(uri, error);
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    }, NO_RETRIGGER),
  );

  /** Diagnostics of a file that is not open, read as the CLI reads it (bytes, any encoding). */
  const closedFileReport = async (uri: string, stamp: string | undefined): Promise<{ items: LspDiagnostic[]; resultId: string } | undefined> => {
    const path = filePathOf(uri);
    if (!path || !isCandidate(uri, undefined)) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    const view = await readSource(bytes, path);
    if (view.problems.some((p) => p.fatal) || view.encoding === 'binary' && view.format !== 'docx' && view.format !== 'pdf') return undefined;
    const shown = view.origin?.sourceText ?? view.text;
    if (shown.length > MAX_TEXT_LENGTH) return undefined;
    const text = TextDocument.create(uri, 'plaintext', 0, shown);
    const analysis = await analyzer.analyze({ uri, version: null, text: shown, positionAt: (o) => text.positionAt(o), view });
    if (!analysis?.selected) return undefined;
    return { items: analysis.diagnostics, resultId: stamp ?? `disk:${epoch}` };
  };

  connection.languages.diagnostics.onWorkspace(
    guardRequest('workspace/diagnostic', log, async (params) => {
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      for (const document of documents.all()) {
        if (!isCandidate(document.uri, document.languageId)) continue;
        seen.add(document.uri);
        const analysis = await analyzer.analyze(snapshotOf(document));
        if (!analysis?.selected) continue;
        const resultId = `${document.version}:${epoch}`;
        items.push(
          previous.get(document.uri) === resultId
            ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: document.uri, version: document.version, resultId }
            : { kind: DocumentDiagnosticReportKind.Full, uri: document.uri, version: document.version, resultId, items: analysis.diagnostics },
        );
      }
      for (const folder of folders) {
        for (const file of await reportFiles(folder)) {
          const uri = pathToFileURL(file.path).href;
          if (seen.has(uri)) continue;
          seen.add(uri);
          const resultId = `disk:${file.mtimeMs}:${file.size}:${epoch}`;
          if (previous.get(uri) === resultId) {
            items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
            continue;
          }
          const report = await closedFileReport(uri, resultId);
          if (report) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: report.items });
        }
      }
      return { items };
    }, NO_RETRIGGER),
  );

  connection.onCodeAction(
    guardRequest('textDocument/codeAction', log, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return [];
      return codeActions({ analysis: found.analysis, snapshot: found.snapshot, snippetEdits: abilities.snippetEdits }, params);
    }),
  );

  connection.onExecuteCommand(
    guardRequest('workspace/executeCommand', log, async (params) => {
      if (params.command !== SELECT_COMMAND || !isSelectArguments(params.arguments)) return null;
      if (abilities.showDocument) {
        const [uri, selection] = params.arguments;
        await connection.window.showDocument({ uri, selection, takeFocus: true });
      }
      return null;
    }),
  );

  connection.onHover(
    guardRequest('textDocument/hover', log, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found?.analysis.selected || !found.analysis.document) return null;
      const offset = found.document.offsetAt(params.position);
      return hoverAt(found.analysis.document, found.analysis.lintOptions.previous?.document, offset, found.analysis.locale);
    }),
  );

  connection.onDocumentSymbol(
    guardRequest('textDocument/documentSymbol', log, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found?.analysis.selected || !found.analysis.document) return [];
      return documentSymbols(found.analysis.document, found.analysis.locale);
    }),
  );

  connection.onCompletion(
    guardRequest('textDocument/completion', log, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found?.analysis.selected || !found.analysis.document) return [];
      const offset = found.document.offsetAt(params.position);
      const lineStart = found.document.offsetAt({ line: params.position.line, character: 0 });
      const linePrefix = found.snapshot.text.slice(lineStart, offset);
      return completions(found.analysis.document, { offset, position: params.position, linePrefix }, found.analysis.locale);
    }),
  );

  documents.listen(connection);
  connection.listen();
}
