import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server.js';

process.title = 'nianbao-language-server';

// The connection picks its transport from the arguments (--stdio, --node-ipc, --socket=, --pipe=);
// started by hand with none, it talks over stdio rather than refusing to start.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/u.test(a)) && process.send === undefined) process.argv.push('--stdio');

// It never dies of a stray error: log it (stderr is the client's log, never the protocol stream) and go on.
process.on('uncaughtException', (error) => process.stderr.write(`nianbao-language-server: ${error.stack ?? error.message}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`nianbao-language-server: unhandled rejection: ${String(reason)}\n`));

startServer(createConnection(ProposedFeatures.all));
