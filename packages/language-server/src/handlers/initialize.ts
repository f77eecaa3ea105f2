import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type RemoteClient,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '@nianbao/project';
import { FIX_ALL_KIND, SELECT_COMMAND } from '../code-actions.js';
import type { Log } from '../guard.js';
import { abilitiesOf, foldersOf, type Session } from './session.js';

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  hoverProvider: true,
  // Inlay hints, not CodeLens: a hint sits right after the total it checks, and the clients we test
  // (VS Code 1.82+, Neovim 0.10+) show them; a CodeLens would add a line above every table row.
  inlayHintProvider: true,
  documentSymbolProvider: { label: 'nianbao' },
  completionProvider: { triggerCharacters: ['|', '#'] },
  executeCommandProvider: { commands: [SELECT_COMMAND] },
  // Beyond LSP: `nianbao/status` (protocol.ts) answers a status bar; clients that do not know it never ask.
  // Carryover reads last year's file: a change there changes this file's diagnostics.
  diagnosticProvider: { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: true },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** `initialize`: reads what the client can do and its folders into the session, and says what the server does. */
export function initializeHandler(session: Session, log: Log): (params: InitializeParams) => InitializeResult {
  return (params) => {
    // Not guarded as a request: a client whose initialize params are malformed still gets a working server.
    try {
      session.abilities = abilitiesOf(params);
      session.folders = foldersOf(params);
    } catch (error) {
      log(`nianbao: unreadable initialize parameters, using defaults: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { capabilities: CAPABILITIES, serverInfo: { name: 'nianbao-language-server', version: '0.1.0' } };
  };
}

export interface InitializedDeps {
  session: Session;
  client: Pick<RemoteClient, 'register'>;
  /** Starts listening to workspace folder changes (only possible once initialized). */
  watchFolders(): void;
}

/** `initialized`: registers for the changes the client lets the server ask for. */
export function initializedHandler({ session, client, watchFolders }: InitializedDeps): () => Promise<void> {
  return async () => {
    if (session.abilities.watchedFilesRegistration) {
      await client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{md,markdown,txt,html,htm,docx,pdf}' }],
      });
    }
    if (session.abilities.configurationRegistration) await client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    if (session.folders.length > 0 || session.abilities.configuration) watchFolders();
  };
}
