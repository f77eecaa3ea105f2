import { Console } from 'node:console';
import { createConnection as connectSocket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import {
  IPCMessageReader,
  IPCMessageWriter,
  MessageType,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import type { Locale } from '@nianbao/lint';
import { FramingGuard, type FramingOptions, type FramingProblem } from './framing.js';
import { LifecycleGate } from './lifecycle.js';
import { t } from './messages.js';

/** The exit code after a framing error: not 0 (nothing asked the server to stop), not 1 (exit without shutdown). */
export const EXIT_FRAMING = 2;

/** How the client talks to the server, from the command line (as vscode-languageserver reads it). */
export type TransportKind = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

export function transportOf(argv: readonly string[]): TransportKind {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--stdio') return { kind: 'stdio' };
    if (arg === '--node-ipc') return { kind: 'node-ipc' };
    const [name, inline] = arg.split(/=(.*)/su);
    const value = inline ?? argv[i + 1];
    if (name === '--socket' && value !== undefined && Number.isInteger(Number(value))) return { kind: 'socket', port: Number(value) };
    if (name === '--pipe' && value !== undefined) return { kind: 'pipe', name: value };
  }
  // Started by hand with no transport: stdio, rather than refusing to start.
  return { kind: 'stdio' };
}

/** What the transport needs of the process it runs in (the real one in bin.ts; a stand-in in tests). */
export interface Host {
  stdin: Readable;
  stdout: Writable;
  /** Where the server's own lines go: the client's log, never the protocol stream. */
  log(line: string): void;
  exit(code: number): void;
  /** For node IPC: the process itself. */
  process?: NodeJS.Process;
  framing?: FramingOptions;
  locale?: Locale;
}

export interface ServerTransport {
  reader: LifecycleGate;
  writer: MessageWriter;
}

/** The words for a framing problem, in the message catalog's language. */
export function framingMessage(problem: FramingProblem, locale: Locale): string {
  const reason = ((): string => {
    switch (problem.kind) {
      case 'no-length':
        return t(locale, 'framingNoLength');
      case 'bad-length':
        return t(locale, 'framingBadLength', { value: problem.value });
      case 'too-long':
        return t(locale, 'framingTooLong', { length: problem.length, limit: problem.limit });
      case 'no-header':
        return t(locale, 'framingNoHeader', { bytes: problem.bytes, limit: problem.limit });
      case 'bad-header':
        return t(locale, 'framingBadHeader', { line: problem.line });
      case 'stalled':
        return t(locale, 'framingStalled', { seconds: Math.round(problem.ms / 1000) });
    }
  })();
  return t(locale, 'framingExit', { reason, code: EXIT_FRAMING });
}

/**
 * The reader and writer of the connection: for a byte stream (stdio, socket, pipe) the framing is
 * checked before the JSON-RPC reader sees it, and the lifecycle gate stands in front of the connection.
 * The process exits when the transport closes (0 after a shutdown, else 1), and with EXIT_FRAMING when
 * the stream can no longer be read as messages, so that the client starts a fresh server instead of
 * talking to a deaf one.
 */
export function openTransport(transport: TransportKind, host: Host): ServerTransport {
  const locale = host.locale ?? 'zh';
  let reader: MessageReader;
  let writer: MessageWriter;
  let exiting = false;
  const exit = (code: number): void => {
    if (exiting) return;
    exiting = true;
    host.exit(code);
  };
  let gate: LifecycleGate | undefined;
  const closed = (): void => exit(gate?.phase === 'shutdown' ? 0 : 1);

  if (transport.kind === 'node-ipc') {
    const proc = host.process ?? process;
    reader = new IPCMessageReader(proc);
    writer = new IPCMessageWriter(proc);
    // IPCMessageReader waits for a 'close' the process never emits: the parent going away is 'disconnect'.
    proc.once('disconnect', closed);
  } else {
    const { input, output } = streamsOf(transport, host);
    const guard = new FramingGuard((problem) => {
      const zh = framingMessage(problem, locale);
      host.log(`nianbao-language-server: ${zh}`);
      host.log(`nianbao-language-server: ${framingMessage(problem, 'en')}`);
      input.unpipe(guard);
      // Tell the user why the server restarts; exit once it is written (or soon, if the client does not read).
      const timer = setTimeout(() => exit(EXIT_FRAMING), 500);
      void writer
        .write({ jsonrpc: '2.0', method: ShowMessageNotification.method, params: { type: MessageType.Error, message: zh } } as never)
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timer);
          exit(EXIT_FRAMING);
        });
    }, host.framing);
    input.on('error', (error: Error) => {
      host.log(`nianbao-language-server: input error: ${error.message}`);
      closed();
    });
    input.pipe(guard);
    reader = new StreamMessageReader(guard);
    writer = new StreamMessageWriter(output);
  }
  reader.onError((error) => {
    // Framing is checked before the reader: what it reports is a body that is no JSON, and the next
    // message starts where the length said, so reading goes on.
    host.log(`nianbao-language-server: unreadable message: ${error.message}`);
  });
  reader.onClose(closed);
  gate = new LifecycleGate(reader, (response) => void writer.write(response).catch(() => undefined), locale);
  return { reader: gate, writer };
}

function streamsOf(transport: Exclude<TransportKind, { kind: 'node-ipc' }>, host: Host): { input: Readable; output: Writable } {
  if (transport.kind === 'stdio') return { input: host.stdin, output: host.stdout };
  const socket = transport.kind === 'socket' ? connectSocket(transport.port, '127.0.0.1') : connectSocket(transport.name);
  return { input: socket, output: socket };
}

/**
 * Over stdio, stdout is the protocol stream: anything a library logs with console.log (pdf.js warns
 * that way) would corrupt it. The console writes to stderr instead, which clients show as the log.
 */
export function keepStdoutForProtocol(): void {
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const method of ['log', 'info', 'debug', 'warn', 'dir', 'dirxml', 'table', 'trace', 'count', 'countReset', 'group', 'groupEnd', 'time', 'timeEnd', 'timeLog'] as const) {
    (console as unknown as Record<string, unknown>)[method] = (toStderr[method] as (...args: unknown[]) => void).bind(toStderr);
  }
}
