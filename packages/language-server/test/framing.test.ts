/**
 * The framing guard in process: well-framed bytes pass unchanged however they are chunked, and each
 * way a stream can stop being LSP is reported once, after which nothing more passes.
 */
import { describe, expect, it } from 'vitest';
import { FramingGuard, type FramingProblem } from '../src/framing.js';

const frame = (body: string): Buffer => {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
};

/** Feeds `chunks` through a guard and collects what it passed and what it reported. */
async function through(chunks: Buffer[], options: ConstructorParameters<typeof FramingGuard>[1] = {}): Promise<{ passed: Buffer; problems: FramingProblem[] }> {
  const problems: FramingProblem[] = [];
  const guard = new FramingGuard((p) => problems.push(p), { stallMs: 0, ...options });
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  for (const c of chunks) guard.write(c);
  guard.end();
  await new Promise((r) => guard.on('finish', r));
  return { passed: Buffer.concat(out), problems };
}

const split = (bytes: Buffer, size: number): Buffer[] => {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return parts;
};

describe('FramingGuard', () => {
  const stream = Buffer.concat([frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'), frame('{"jsonrpc":"2.0","method":"x","params":{"t":"年报"}}'), frame('')]);

  it.each([1, 2, 7, 64, stream.length])('passes well-framed messages unchanged in chunks of %i bytes', async (size) => {
    const { passed, problems } = await through(split(stream, size));
    expect(problems).toEqual([]);
    expect(passed.equals(stream)).toBe(true);
  });

  it('passes a Content-Type header and any case of Content-Length', async () => {
    const body = '{"jsonrpc":"2.0","method":"x"}';
    const bytes = Buffer.from(`content-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`);
    const { passed, problems } = await through([bytes]);
    expect(problems).toEqual([]);
    expect(passed.equals(bytes)).toBe(true);
  });

  const broken: [string, string, FramingProblem['kind']][] = [
    ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{}', 'bad-length'],
    ['Content-Length: -5', 'Content-Length: -5\r\n\r\n{}', 'bad-length'],
    ['no Content-Length', 'Content-Type: x\r\n\r\n{}', 'no-length'],
    ['a header line without a colon', 'hello\r\n\r\n{}', 'bad-header'],
    ['a length over the limit', 'Content-Length: 99999999999\r\n\r\n{}', 'too-long'],
  ];
  it.each(broken)('%s: reported once, and the message is not passed on', async (_name, text, kind) => {
    const { passed, problems } = await through([Buffer.from(text), frame('{}')]);
    expect(problems.map((p) => p.kind)).toEqual([kind]);
    expect(passed.length).toBe(0);
  });

  it('bytes without a header end past the header limit: reported, nothing more passes', async () => {
    const { passed, problems } = await through([frame('{}'), Buffer.alloc(20_000, 0x61), frame('{}')], { maxHeaderBytes: 1024 });
    expect(problems.map((p) => p.kind)).toEqual(['no-header']);
    expect(passed.equals(frame('{}'))).toBe(true);
  });

  it('a message left half-received is reported as stalled', async () => {
    const problems: FramingProblem[] = [];
    const guard = new FramingGuard((p) => problems.push(p), { stallMs: 30 });
    guard.resume();
    guard.write(Buffer.from('Content-Length: 100\r\n\r\n{"jsonrpc"'));
    await new Promise((r) => setTimeout(r, 120));
    expect(problems.map((p) => p.kind)).toEqual(['stalled']);
    guard.destroy();
  });

  it('a complete stream is never reported as stalled', async () => {
    const problems: FramingProblem[] = [];
    const guard = new FramingGuard((p) => problems.push(p), { stallMs: 30 });
    guard.resume();
    guard.write(frame('{}'));
    await new Promise((r) => setTimeout(r, 100));
    expect(problems).toEqual([]);
    guard.destroy();
  });
});
