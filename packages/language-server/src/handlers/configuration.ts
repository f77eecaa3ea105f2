import type { DidChangeWatchedFilesParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '@nianbao/project';
import { filePathOf } from '../selection.js';
import type { SettingsCache } from '../settings.js';
import type { OnceNotifier } from './notify.js';
import type { Session } from './session.js';

export interface ConfigurationDeps {
  settings: Pick<SettingsCache, 'clear'>;
  /** The project caches (configurations, last years' reports) of the lint workers. */
  project: { clearConfigs(): void; clearPrevious(): void };
  notifier: Pick<OnceNotifier, 'reset'>;
  session: Session;
  /** Everything is stale: re-lint every open document. */
  relint(): void;
}

/** `workspace/didChangeConfiguration`: the editor settings are fetched again, and a broken config may be told again. */
export function configurationChanged({ settings, notifier, relint }: Pick<ConfigurationDeps, 'settings' | 'notifier' | 'relint'>): () => void {
  return () => {
    settings.clear();
    notifier.reset();
    relint();
  };
}

/** `workspace/didChangeWatchedFiles`: a `.nianbaorc.json` changed (read configs again) or a report did (last year's may be it). */
export function watchedFilesChanged({ project, notifier, relint }: Pick<ConfigurationDeps, 'project' | 'notifier' | 'relint'>): (params: DidChangeWatchedFilesParams) => void {
  return (params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
      project.clearConfigs();
      notifier.reset();
    } else {
      project.clearPrevious();
    }
    relint();
  };
}

/** `workspace/didChangeWorkspaceFolders`: `nianbao.files` and relative paths are resolved against the new folders. */
export function foldersChanged({ session, relint }: Pick<ConfigurationDeps, 'session' | 'relint'>): (event: WorkspaceFoldersChangeEvent) => void {
  return (event) => {
    const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
    const added = event.added.map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined);
    session.folders = [...session.folders.filter((f) => !removed.has(f)), ...added];
    relint();
  };
}
