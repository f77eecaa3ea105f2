import type { InitializeParams } from 'vscode-languageserver/node';
import { filePathOf } from '../selection.js';

/** What the client said it can do, read once at initialize. */
export interface ClientAbilities {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  inlayHintRefresh: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  snippetEdits: boolean;
  showDocument: boolean;
}

/**
 * What the handlers share and may change: the client's abilities (set at initialize), the workspace
 * folders (which the client may change) and the epoch (bumped when every result goes stale).
 */
export interface Session {
  abilities: ClientAbilities;
  folders: string[];
  /** Bumped when settings or configuration change, so that pulled results are known to be stale. */
  epoch: number;
}

export function abilitiesOf(params: InitializeParams): ClientAbilities {
  const c = params.capabilities ?? {};
  return {
    configuration: c.workspace?.configuration === true,
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    snippetEdits: c.workspace?.workspaceEdit?.snippetEditSupport === true,
    showDocument: c.window?.showDocument?.support === true,
  };
}

export function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePathOf).filter((p): p is string => p !== undefined);
}

/** A session before initialize: a client that can do nothing optional, and no folders. */
export function newSession(): Session {
  return { abilities: abilitiesOf({ capabilities: {}, processId: null, rootUri: null }), folders: [], epoch: 0 };
}
