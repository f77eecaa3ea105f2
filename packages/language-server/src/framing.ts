import { Transform, type TransformCallback } from 'node:stream';

/**
 * The largest header section of one message. A real one is a Content-Length line and perhaps a
 * Content-Type line (under 100 bytes); more than this without the blank line that ends it is not LSP.
 */
export const MAX_HEADER_BYTES = 8 * 1024;

/**
 * The largest message body. Editors send a document's whole text when it opens; VS Code syncs texts up
 * to 50 MB (three bytes a character in UTF-8, more with JSON escapes), so a length above this is not a
 * document but a broken or hostile frame.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * How long a message may stay half-received. A client writes each message at once; a body that stops
 * short for this long was framed with a length larger than what was sent, and no later byte can be
 * trusted to start a message.
 */
export const STALL_MS = 15_000;

/** Why the byte stream can no longer be read as messages. */
export type FramingProblem =
  | { kind: 'no-length' }
  | { kind: 'bad-length'; value: string }
  | { kind: 'too-long'; length: number; limit: number }
  | { kind: 'no-header'; bytes: number; limit: number }
  | { kind: 'bad-header'; line: string }
  | { kind: 'stalled'; ms: number };

export interface FramingOptions {
  maxHeaderBytes?: number;
  maxMessageBytes?: number;
  stallMs?: number;
}

const CRLF2 = Buffer.from('\r\n\r\n', 'ascii');
const EMPTY = Buffer.alloc(0);

/**
 * Checks the LSP base protocol's framing (`Content-Length: N` header, blank line, N bytes) on the bytes
 * as they come in, before the JSON-RPC reader sees them, and passes exactly the well-framed bytes on.
 * The reader (vscode-jsonrpc) reports a bad header as an error and then waits for ever, and waits for
 * ever for a body that never comes, rescanning a header that never ends: past any of these the stream
 * cannot be resynchronised, so the guard reports the problem once (`onProblem`) and passes nothing more.
 */
export class FramingGuard extends Transform {
  private readonly maxHeader: number;
  private readonly maxBody: number;
  private readonly stallMs: number;
  /** Header bytes received for the message being read (the header is checked once complete). */
  private header: Buffer = EMPTY;
  /** Body bytes still to come for the current message; -1 while in its header. */
  private remaining = -1;
  private failed = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private lastData = 0;

  constructor(
    private readonly onProblem: (problem: FramingProblem) => void,
    options: FramingOptions = {},
  ) {
    super();
    this.maxHeader = options.maxHeaderBytes ?? MAX_HEADER_BYTES;
    this.maxBody = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.stallMs = options.stallMs ?? STALL_MS;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    this.lastData = Date.now();
    let at = 0;
    while (at < chunk.length && !this.failed) {
      if (this.remaining >= 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.push(chunk.subarray(at, at + take));
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.remaining = -1;
        continue;
      }
      at = this.readHeader(chunk, at);
    }
    this.armStallTimer();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.clearStallTimer();
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.clearStallTimer();
    done(error);
  }

  /** Takes header bytes from `chunk` at `at`; once the header is complete, checks it and passes it on. Returns where it stopped. */
  private readHeader(chunk: Buffer, at: number): number {
    // Only the first maxHeader (+ the blank line) bytes can hold the end of a header: search no further.
    const room = this.maxHeader + CRLF2.length - this.header.length;
    const window = Buffer.concat([this.header, chunk.subarray(at, at + room)]);
    const end = window.indexOf(CRLF2);
    if (end < 0) {
      if (window.length > this.maxHeader) {
        this.fail({ kind: 'no-header', bytes: window.length, limit: this.maxHeader });
        return chunk.length;
      }
      this.header = window;
      return chunk.length;
    }
    const header = window.subarray(0, end + CRLF2.length);
    const stop = at + header.length - this.header.length;
    this.header = EMPTY;
    const length = this.contentLength(header.subarray(0, end).toString('latin1'));
    if (length === undefined) return chunk.length;
    this.push(header);
    this.remaining = length === 0 ? -1 : length;
    return stop;
  }

  /** The Content-Length of a complete header, or undefined after reporting what is wrong with it. */
  private contentLength(text: string): number | undefined {
    let value: string | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        this.fail({ kind: 'bad-header', line: line.slice(0, 80) });
        return undefined;
      }
      if (line.slice(0, colon).trim().toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
    }
    if (value === undefined) {
      this.fail({ kind: 'no-length' });
      return undefined;
    }
    if (!/^\d{1,16}$/u.test(value)) {
      this.fail({ kind: 'bad-length', value: value.slice(0, 40) });
      return undefined;
    }
    const length = Number(value);
    if (length > this.maxBody) {
      this.fail({ kind: 'too-long', length, limit: this.maxBody });
      return undefined;
    }
    return length;
  }

  private fail(problem: FramingProblem): void {
    if (this.failed) return;
    this.failed = true;
    this.header = EMPTY;
    this.clearStallTimer();
    this.onProblem(problem);
  }

  /** While a message is half-received, a timer checks that bytes keep coming. */
  private armStallTimer(): void {
    const partial = this.remaining > 0 || this.header.length > 0;
    if (!partial || this.failed || this.stallMs <= 0) return this.clearStallTimer();
    if (this.stallTimer) return;
    const check = (): void => {
      this.stallTimer = undefined;
      const partialNow = this.remaining > 0 || this.header.length > 0;
      if (!partialNow || this.failed) return;
      const idle = Date.now() - this.lastData;
      if (idle < this.stallMs) {
        this.stallTimer = setTimeout(check, this.stallMs - idle);
        return;
      }
      // Bytes that arrived while the event loop was busy are read in the poll phase, after timers:
      // look once more after it before calling the message stalled.
      setImmediate(() => {
        if ((this.remaining > 0 || this.header.length > 0) && !this.failed && Date.now() - this.lastData >= this.stallMs) {
          this.fail({ kind: 'stalled', ms: this.stallMs });
        } else this.armStallTimer();
      });
    };
    this.stallTimer = setTimeout(check, this.stallMs);
    // A half-received message is no reason to keep the process alive.
    this.stallTimer.unref();
  }

  private clearStallTimer(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }
}
