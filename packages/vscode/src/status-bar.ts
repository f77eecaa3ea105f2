/**
 * The report's standing in the status bar: its count of errors and the format year it is checked
 * against, for the report in the active editor; a click opens the Problems panel. The server words it
 * (`nianbao/status`, in the report's locale) from the analysis it already has; this only asks when the
 * active editor or its diagnostics change, and shows the answer.
 */
import { Disposable, StatusBarAlignment, languages, window, type StatusBarItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_REQUEST, type ReportStatus, type StatusParams } from '@nianbao/language-server/protocol';

/** VS Code's own command for the Problems panel. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';
/** Diagnostics come in bursts while typing: one question per burst. */
const SETTLE_MS = 150;

function show(item: StatusBarItem, status: ReportStatus | null): void {
  if (!status) {
    item.hide();
    return;
  }
  item.text = `$(${status.errors > 0 ? 'error' : 'check'}) ${status.text}`;
  item.tooltip = status.tooltip;
  item.show();
}

export function reportStatusBar(client: LanguageClient): Disposable {
  const item = window.createStatusBarItem('nianbao.status', StatusBarAlignment.Left, 0);
  item.name = 'nianbao';
  item.command = SHOW_PROBLEMS;
  // Only the latest question's answer is shown: an older one may arrive after it.
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async (): Promise<void> => {
    const ticket = ++asked;
    const document = window.activeTextEditor?.document;
    if (!document || !client.isRunning()) {
      item.hide();
      return;
    }
    const params: StatusParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
    try {
      const status = await client.sendRequest<ReportStatus | null>(STATUS_REQUEST, params);
      if (ticket === asked) show(item, status);
    } catch {
      // The server restarting or gone: no status rather than a stale one.
      if (ticket === asked) item.hide();
    }
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), SETTLE_MS);
  };

  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(later),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) later();
    }),
    client.onDidChangeState(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
