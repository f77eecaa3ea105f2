import { MessageType, ShowMessageNotification, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from './analysis.js';
import { guardNotification, guardRequest, type Log } from './guard.js';
import { LintPool, type JobRunner } from './lint-pool.js';
import { LintScheduler } from './scheduler.js';
import { SettingsCache } from './settings.js';
import { closedFileReader } from './handlers/closed-files.js';
import { codeActionHandler } from './handlers/code-actions.js';
import { executeCommandHandler } from './handlers/commands.js';
import { completionHandler } from './handlers/completion.js';
import { configurationChanged, foldersChanged, watchedFilesChanged } from './handlers/configuration.js';
import { hoverHandler } from './handlers/hover.js';
import { initializeHandler, initializedHandler } from './handlers/initialize.js';
import { inlayHintHandler } from './handlers/inlay-hints.js';
import { OnceNotifier } from './handlers/notify.js';
import { analysisOfOpen } from './handlers/open-documents.js';
import { NO_RETRIGGER, documentDiagnostics, workspaceDiagnostics } from './handlers/pull-diagnostics.js';
import { Publisher, pushLinter } from './handlers/push-diagnostics.js';
import { relinter } from './handlers/relint.js';
import { statusHandler } from './handlers/status.js';
import { newSession } from './handlers/session.js';
import { symbolsHandler } from './handlers/symbols.js';
import { syncHandlers } from './handlers/sync.js';
import { STATUS_REQUEST } from './protocol.js';

/** A short wait after a change: long enough to merge a burst of keystrokes, short enough to feel instant. */
export const DEBOUNCE_MS = 15;

/**
 * Wires the language server onto a connection: document sync, diagnostics (pushed, pulled, and for
 * the workspace), code actions, hover, inlay hints, outline, completion and the status request. Each feature is a handler module taking
 * what it needs; this only builds the shared parts and connects them. Every handler is guarded, so a
 * bad request or a failing feature answers with an error (or is logged) and the server goes on.
 * Parsing and linting run in worker threads (`runner`, a LintPool by default): this thread only
 * answers from what they made, so a document whose lint takes seconds never holds up another.
 */
export function startServer(connection: Connection, runner: JobRunner = new LintPool()): void {
  const log: Log = (message) => connection.console.error(message);
  const documents = new TextDocuments(TextDocument);
  const session = newSession();
  // A notification, not window/showMessageRequest: nothing waits for the user to dismiss it.
  const notifier = new OnceNotifier((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }));
  const settings = new SettingsCache((uri) =>
    session.abilities.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }) : Promise.resolve(undefined),
  );
  const analyzer = new Analyzer({ settings, runner, folders: () => session.folders, notify: (message) => notifier.notify(message), log });
  const analysisOf = analysisOfOpen(documents, analyzer);
  const closedFile = closedFileReader(analyzer, session);

  const selected = (uri: string): boolean => {
    const document = documents.get(uri);
    return document ? analyzer.cached(uri, document.version)?.selected === true : false;
  };
  const publisher = new Publisher((params) => void connection.sendDiagnostics(params), selected);
  const scheduler = new LintScheduler(pushLinter({ documents, analyzer, session, publisher, log }), DEBOUNCE_MS);
  const relint = relinter({
    session,
    analyzer,
    documents,
    scheduler,
    refresh: () => connection.languages.diagnostics.refresh(),
    refreshInlayHints: () => connection.languages.inlayHint.refresh(),
  });

  connection.onInitialize(initializeHandler(session, log));
  connection.onInitialized(
    guardNotification(
      'initialized',
      log,
      initializedHandler({
        session,
        client: connection.client,
        watchFolders: () => connection.workspace.onDidChangeWorkspaceFolders(guardNotification('workspace folders', log, foldersChanged({ session, relint }))),
      }),
    ),
  );
  connection.onDidChangeConfiguration(guardNotification('configuration', log, configurationChanged({ settings, notifier, relint })));
  connection.onDidChangeWatchedFiles(guardNotification('watched files', log, watchedFilesChanged({ project: analyzer, notifier, relint })));

  connection.onShutdown(() => runner.close());

  const sync = syncHandlers({ scheduler, settings, analyzer, publisher });
  documents.onDidOpen(guardNotification('open', log, sync.open));
  documents.onDidChangeContent(guardNotification('change', log, sync.change));
  documents.onDidSave(guardNotification('save', log, sync.save));
  documents.onDidClose(guardNotification('close', log, sync.close));

  const pull = { documents, analyzer, session, closedFile, log };
  connection.languages.diagnostics.on(guardRequest('textDocument/diagnostic', log, documentDiagnostics(pull), NO_RETRIGGER));
  connection.languages.diagnostics.onWorkspace(guardRequest('workspace/diagnostic', log, workspaceDiagnostics(pull), NO_RETRIGGER));
  connection.onCodeAction(guardRequest('textDocument/codeAction', log, codeActionHandler(analysisOf, session, analyzer)));
  connection.onExecuteCommand(guardRequest('workspace/executeCommand', log, executeCommandHandler(session, (params) => connection.window.showDocument(params))));
  connection.onHover(guardRequest('textDocument/hover', log, hoverHandler(analysisOf)));
  connection.onDocumentSymbol(guardRequest('textDocument/documentSymbol', log, symbolsHandler(analysisOf)));
  connection.onCompletion(guardRequest('textDocument/completion', log, completionHandler(analysisOf)));
  connection.languages.inlayHint.on(guardRequest('textDocument/inlayHint', log, inlayHintHandler(analysisOf)));
  connection.onRequest(STATUS_REQUEST, guardRequest(STATUS_REQUEST, log, statusHandler(analysisOf)));

  documents.listen(connection);
  connection.listen();
}
