/** The lifecycle gate in process: which messages reach the connection in each phase, and what is answered instead. */
import { describe, expect, it } from 'vitest';
import { Emitter, ErrorCodes, type DataCallback, type Message, type MessageReader, type ResponseMessage } from 'vscode-languageserver/node';
import { LifecycleGate } from '../src/lifecycle.js';

class FakeReader implements MessageReader {
  private callback: DataCallback | undefined;
  readonly onError = new Emitter<Error>().event;
  readonly onClose = new Emitter<void>().event;
  readonly onPartialMessage = new Emitter<never>().event;
  listen(callback: DataCallback): { dispose(): void } {
    this.callback = callback;
    return { dispose: () => undefined };
  }
  send(message: Message): void {
    this.callback?.(message);
  }
  dispose(): void {}
}

function gate(): { reader: FakeReader; passed: Message[]; replies: ResponseMessage[]; gate: LifecycleGate } {
  const reader = new FakeReader();
  const replies: ResponseMessage[] = [];
  const g = new LifecycleGate(reader, (r) => replies.push(r), 'en');
  const passed: Message[] = [];
  g.listen((m) => passed.push(m));
  return { reader, passed, replies, gate: g };
}

const request = (id: number, method: string): Message => ({ jsonrpc: '2.0', id, method, params: {} }) as Message;
const notification = (method: string): Message => ({ jsonrpc: '2.0', method, params: {} }) as Message;

describe('LifecycleGate', () => {
  it('before initialize: a request gets ServerNotInitialized, a notification is dropped, exit passes', () => {
    const { reader, passed, replies, gate: g } = gate();
    reader.send(request(1, 'textDocument/hover'));
    reader.send(notification('textDocument/didOpen'));
    reader.send(notification('exit'));
    expect(replies).toMatchObject([{ id: 1, error: { code: ErrorCodes.ServerNotInitialized } }]);
    expect(passed.map((m) => (m as unknown as { method: string }).method)).toEqual(['exit']);
    expect(g.phase).toBe('uninitialized');
  });

  it('initialize, then everything passes; a second initialize is an invalid request', () => {
    const { reader, passed, replies, gate: g } = gate();
    reader.send(request(1, 'initialize'));
    reader.send(notification('initialized'));
    reader.send(request(2, 'textDocument/hover'));
    reader.send(request(3, 'initialize'));
    expect(g.phase).toBe('running');
    expect(passed.map((m) => (m as unknown as { method: string }).method)).toEqual(['initialize', 'initialized', 'textDocument/hover']);
    expect(replies).toMatchObject([{ id: 3, error: { code: ErrorCodes.InvalidRequest } }]);
  });

  it('after shutdown: requests get InvalidRequest and are not served; only exit passes', () => {
    const { reader, passed, replies, gate: g } = gate();
    reader.send(request(1, 'initialize'));
    reader.send(request(2, 'shutdown'));
    reader.send(request(3, 'textDocument/hover'));
    reader.send(notification('textDocument/didChange'));
    reader.send(notification('exit'));
    expect(g.phase).toBe('shutdown');
    expect(passed.map((m) => (m as unknown as { method: string }).method)).toEqual(['initialize', 'shutdown', 'exit']);
    expect(replies).toMatchObject([{ id: 3, error: { code: ErrorCodes.InvalidRequest } }]);
  });

  it('responses to the server’s own requests always pass', () => {
    const { reader, passed } = gate();
    reader.send({ jsonrpc: '2.0', id: 9, result: null } as Message);
    expect(passed).toHaveLength(1);
  });
});
