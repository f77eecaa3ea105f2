import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { LintPool } from './lint-pool.js';
import { keepStdoutForProtocol, openTransport, transportOf } from './transport.js';

process.title = 'nianbao-language-server';

// It never dies of a stray error: log it (stderr is the client's log, never the protocol stream) and go on.
process.on('uncaughtException', (error) => process.stderr.write(`nianbao-language-server: ${error.stack ?? error.message}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`nianbao-language-server: unhandled rejection: ${String(reason)}\n`));

// The lint workers load the parser and the rules while this thread loads the rest of the server.
const pool = new LintPool();

// The transport from the arguments (--stdio, --node-ipc, --socket=, --pipe=; stdio when started by hand
// with none, node IPC when forked with a channel and none). The connection gets an explicit reader and
// writer, so that framing errors end the process (the client restarts it) and the LSP lifecycle is kept
// for every method.
const given = transportOf(process.argv.slice(2));
const transport = given.kind === 'stdio' && process.send !== undefined && !process.argv.includes('--stdio') ? { kind: 'node-ipc' as const } : given;
if (transport.kind === 'stdio') keepStdoutForProtocol();
const { reader, writer } = openTransport(transport, {
  stdin: process.stdin,
  stdout: process.stdout,
  process,
  log: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
});
void import('./server.js').then(({ startServer }) => startServer(createConnection(ProposedFeatures.all, reader, writer), pool));
