/**
 * The nianbao extension: a thin client that starts the bundled language server and forwards what
 * the editor knows (documents, settings, config files). All checking happens in the server, which is
 * the same engine as `nianbao lint`.
 */
import { commands, window, workspace, ProgressLocation, type ExtensionContext, type TextDocument } from 'vscode';
import { DiagnosticPullMode, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { generateReportCommand } from './generate.js';
import { reportStatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

/**
 * Reports in files that are not open are checked only after the user asks (the command below): the
 * client would otherwise walk the whole folder every two seconds, in every workspace, for nothing.
 */
let workspaceWanted = false;
/** Who waits for the first workspace pull after the command turned it on. */
let workspaceWaiters: Array<() => void> = [];

function runMode(document: TextDocument): string {
  return workspace.getConfiguration('nianbao', document.uri).get<string>('run', 'onType');
}

function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // --inspect lets "Run nianbao extension" attach to the server (autoAttachChildProcesses).
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      // A published page is linted as it is edited; .docx and PDF files appear in the workspace diagnostics.
      { scheme: 'file', language: 'html' },
    ],
    synchronize: {
      configurationSection: 'nianbao',
      fileEvents: workspace.createFileSystemWatcher('**/.nianbaorc.json'),
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // The server pulls are what the client asks for, so `nianbao.run: onSave` is honoured here:
      // a change is skipped (true = filtered out) and the save pulls.
      filter: (document, mode) => mode === DiagnosticPullMode.onType && runMode(document) === 'onSave',
    },
    middleware: {
      provideWorkspaceDiagnostics: async (resultIds, token, reporter, next) => {
        if (!workspaceWanted) return { items: [] };
        const report = await next(resultIds, token, reporter);
        const waiters = workspaceWaiters;
        workspaceWaiters = [];
        for (const done of waiters) done();
        return report;
      },
    },
  };
  return new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
}

/** Turns the workspace pull on and shows the Problems panel once the first full pull is in. */
async function checkWorkspace(): Promise<void> {
  if (!client) return;
  workspaceWanted = true;
  await window.withProgress({ location: ProgressLocation.Notification, title: 'nianbao：正在检查工作区中的全部报告…' }, async () => {
    // The client pulls every two seconds; the next pull answers with every report in the folders.
    await new Promise<void>((resolve) => {
      workspaceWaiters.push(resolve);
      setTimeout(resolve, 60_000);
    });
  });
  await commands.executeCommand('workbench.actions.view.problems');
}

export async function activate(context: ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(
    commands.registerCommand('nianbao.checkWorkspace', checkWorkspace),
    commands.registerCommand('nianbao.generateReport', generateReportCommand),
    commands.registerCommand('nianbao.restartServer', async () => {
      await client?.restart();
    }),
    reportStatusBar(client),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
