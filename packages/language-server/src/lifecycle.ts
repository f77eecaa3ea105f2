import {
  Disposable,
  ErrorCodes,
  Message,
  type DataCallback,
  type MessageReader,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import type { Locale } from '@nianbao/lint';
import { t } from './messages.js';

/** Where the server is in the LSP lifecycle. */
export type Phase = 'uninitialized' | 'running' | 'shutdown';

/**
 * The LSP lifecycle, kept at the door: every message passes here before the connection dispatches it,
 * so the rules hold for every method, registered or not.
 *
 * - Before `initialize`, a request is answered with ServerNotInitialized (-32002) and a notification is
 *   dropped, except `exit`.
 * - After `shutdown`, a request is answered with InvalidRequest (-32600) and not served; notifications
 *   other than `exit` are dropped. A second `initialize` is an invalid request too.
 *
 * `exit` itself is the connection's: it exits with 0 after a shutdown, 1 without one.
 */
export class LifecycleGate implements MessageReader {
  private current: Phase = 'uninitialized';

  constructor(
    private readonly inner: MessageReader,
    /** Sends a response the connection never sees (the request is not passed on). */
    private readonly reply: (response: ResponseMessage) => void,
    private readonly locale: Locale = 'zh',
  ) {}

  get phase(): Phase {
    return this.current;
  }

  get onError(): MessageReader['onError'] {
    return this.inner.onError;
  }

  get onClose(): MessageReader['onClose'] {
    return this.inner.onClose;
  }

  get onPartialMessage(): MessageReader['onPartialMessage'] {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** Whether the connection may see this message; a refused request is answered here. */
  admit(message: Message): boolean {
    if (Message.isRequest(message)) return this.admitRequest(message);
    if (Message.isNotification(message)) return this.admitNotification(message);
    // Responses to the server's own requests, and whatever the connection itself must reject.
    return true;
  }

  private admitRequest(request: RequestMessage): boolean {
    const method = request.method;
    if (this.current === 'uninitialized') {
      if (method === 'initialize') {
        this.current = 'running';
        return true;
      }
      return this.refuse(request, ErrorCodes.ServerNotInitialized, t(this.locale, 'notInitialized', { method }));
    }
    if (this.current === 'shutdown') return this.refuse(request, ErrorCodes.InvalidRequest, t(this.locale, 'afterShutdown', { method }));
    if (method === 'initialize') return this.refuse(request, ErrorCodes.InvalidRequest, t(this.locale, 'initializedTwice'));
    if (method === 'shutdown') this.current = 'shutdown';
    return true;
  }

  private admitNotification(notification: NotificationMessage): boolean {
    if (notification.method === 'exit') return true;
    return this.current === 'running';
  }

  private refuse(request: RequestMessage, code: number, message: string): false {
    this.reply({ jsonrpc: '2.0', id: request.id, error: { code, message } });
    return false;
  }
}
