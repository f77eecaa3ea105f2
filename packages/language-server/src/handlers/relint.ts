import type { Analyzer } from '../analysis.js';
import type { LintScheduler } from '../scheduler.js';
import type { OpenDocuments } from './open-documents.js';
import type { Session } from './session.js';

export interface RelintDeps {
  session: Session;
  analyzer: Pick<Analyzer, 'clear'>;
  documents: Pick<OpenDocuments, 'all'>;
  scheduler: Pick<LintScheduler, 'schedule'>;
  /** Asks a pulling client to pull again (`workspace/diagnostic/refresh`). */
  refresh(): Promise<void>;
  /** Asks the client to ask for inlay hints again (`workspace/inlayHint/refresh`): the sums or the locale may have changed. */
  refreshInlayHints(): Promise<void>;
}

/**
 * When every result is stale (settings, configuration, folders or a watched file changed): a new epoch
 * so pulled result ids no longer match, no cached analysis, every open document linted again.
 */
export function relinter({ session, analyzer, documents, scheduler, refresh, refreshInlayHints }: RelintDeps): () => void {
  return () => {
    session.epoch++;
    analyzer.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    if (session.abilities.pullDiagnostics && session.abilities.diagnosticRefresh) refresh().catch(() => undefined);
    if (session.abilities.inlayHintRefresh) refreshInlayHints().catch(() => undefined);
  };
}
