import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { INTERNAL_ERROR, ruleDocsUrl } from '@nianbao/lint';
import type { Analyzer } from '../analysis.js';
import { serverDiagnostic } from '../diagnostics.js';
import type { Log } from '../guard.js';
import { t } from '../messages.js';
import { isCandidate } from '../selection.js';
import { snapshotOf, type OpenDocuments } from './open-documents.js';
import type { Session } from './session.js';

/** One error diagnostic for a run that failed outside lint's own isolation of rules; the cause goes to the log. */
export function crashedDiagnostics(uri: string, error: unknown, log: Log): LspDiagnostic[] {
  log(`nianbao: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const reason = error instanceof Error ? error.message : String(error);
  return [serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Error, t('zh', 'crashed', { reason }))];
}

/**
 * Sends diagnostics and remembers which documents show some, so that an empty list is sent only when
 * it clears something (or the document is a report): other Markdown never gets a notification.
 */
export class Publisher {
  private readonly showing = new Set<string>();

  constructor(
    private readonly send: (params: PublishDiagnosticsParams) => void,
    /** Whether the document's current analysis selected it (an annual report, or named in the settings). */
    private readonly selected: (uri: string) => boolean,
  ) {}

  publish(uri: string, version: number | null, diagnostics: LspDiagnostic[]): void {
    if (diagnostics.length === 0 && !this.showing.has(uri) && !this.selected(uri)) return;
    if (diagnostics.length > 0) this.showing.add(uri);
    else this.showing.delete(uri);
    this.send({ uri, ...(version !== null ? { version } : {}), diagnostics });
  }

  /** A closed document's list is cleared, if it showed anything. */
  clear(uri: string): void {
    if (!this.showing.delete(uri)) return;
    this.send({ uri, diagnostics: [] });
  }
}

export interface PushDeps {
  documents: OpenDocuments;
  analyzer: Pick<Analyzer, 'analyze'>;
  session: Session;
  publisher: Publisher;
  log: Log;
}

/** Lints an open document and publishes the result, unless a newer version arrived meanwhile or the client pulls. */
export function pushLinter({ documents, analyzer, session, publisher, log }: PushDeps): (uri: string) => Promise<void> {
  return async (uri) => {
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
      diagnostics = crashedDiagnostics(uri, error, log);
    }
    // A client that pulls asks for diagnostics itself; pushing as well would show each one twice.
    if (!session.abilities.pullDiagnostics) publisher.publish(uri, version, diagnostics);
  };
}
