import type { TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../analysis.js';
import type { LintScheduler } from '../scheduler.js';
import type { SettingsCache } from '../settings.js';
import type { Publisher } from './push-diagnostics.js';

type Event = TextDocumentChangeEvent<TextDocument>;

export interface SyncDeps {
  scheduler: Pick<LintScheduler, 'schedule' | 'cancel'>;
  settings: Pick<SettingsCache, 'get' | 'forget'>;
  analyzer: Pick<Analyzer, 'forget' | 'changed'>;
  publisher: Pick<Publisher, 'clear'>;
}

export interface SyncHandlers {
  open(event: Event): void;
  change(event: Event): Promise<void>;
  save(event: Event): Promise<void>;
  close(event: Event): void;
}

/**
 * Document sync: lint at once on open, after a short wait while typing (or on save, as the settings
 * say), and forget everything about a document when it closes. A change makes the run for the version
 * before stale at once: it is cancelled, whether or not this change is linted.
 */
export function syncHandlers({ scheduler, settings, analyzer, publisher }: SyncDeps): SyncHandlers {
  /** Opened just now: TextDocuments fires a content change right after the open, which must not lint twice. */
  const opening = new Set<string>();
  return {
    open(event) {
      opening.add(event.document.uri);
      scheduler.schedule(event.document.uri, 0);
    },
    async change(event) {
      const { uri, version } = event.document;
      if (opening.delete(uri)) return;
      analyzer.changed(uri, version);
      if ((await settings.get(uri)).run === 'onType') scheduler.schedule(uri);
    },
    async save(event) {
      if ((await settings.get(event.document.uri)).run === 'onSave') scheduler.schedule(event.document.uri, 0);
    },
    close(event) {
      const { uri } = event.document;
      scheduler.cancel(uri);
      analyzer.forget(uri);
      settings.forget(uri);
      publisher.clear(uri);
    },
  };
}
