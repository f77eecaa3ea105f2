/**
 * Reading only regular files (issue 14): FIFOs, devices, sockets and links out of the folder are refused
 * unopened, and nothing larger than the cap is read — by the report reader, the folder walk, `previous:
 * auto` and `previousReport`, which the CLI and the language server share.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { MAX_REPORT_BYTES, Project, expandInputs, pairingCandidates, readRegularFile, readReport, walkReportFiles, type BytesResult, type ReportResult, type SkippedFile } from '@nianbao/project';
import { POSIX, makeFifo } from '../../../test/helpers/hazards.js';

const CORPUS = fileURLToPath(new URL('../../../test/fixtures/corpus/', import.meta.url));
const R000 = readFileSync(join(CORPUS, '000_05203f94ff7e5eba.txt'));

const folders: string[] = [];
const servers: Server[] = [];
afterEach(() => {
  while (servers.length > 0) servers.pop()!.close();
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-'));
  folders.push(dir);
  return dir;
}

/** A Unix socket at `path` (a file type no reader must open). */
async function socketAt(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(path, done));
}

/**
 * A read's outcome, small enough to compare: should the code regress and read what it must refuse, the
 * assertion shows how much it read, not a diff of megabytes.
 */
async function outcome(read: Promise<BytesResult | ReportResult>): Promise<unknown> {
  const r = await read;
  return r.ok ? { ok: true, read: r.bytes.length } : r;
}

/** Corpus 000 moved back a year: the same agency's report of 2022, to pair with. */
const LAST_YEAR_OF_000 = R000.toString('utf8')
  .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', '南岗区通达街道办事处 2022 年政府信息公开工作年度报告')
  .replace(/2023年1月1日至2023年12月31日/gu, '2022年1月1日至2022年12月31日');

describe.skipIf(!POSIX)('readRegularFile: only regular files, only up to the cap', () => {
  it('reads a regular file: its bytes and what it was when read', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), 'hello');
    const read = await readRegularFile(join(dir, 'a.txt'));
    if (!read.ok) throw new Error(read.failure.kind);
    expect(Buffer.from(read.bytes).toString()).toBe('hello');
    expect(read.info).toMatchObject({ real: join(dir, 'a.txt'), size: 5 });
    expect(read.info.mtimeMs).toBeGreaterThan(0);
  });

  it('a FIFO nobody writes to is refused without being opened', { timeout: 2000 }, async () => {
    const dir = temp();
    const fifo = makeFifo(join(dir, 'report.md'));
    expect(await outcome(readRegularFile(fifo))).toEqual({ ok: false, failure: { kind: 'not-regular', fileType: 'fifo' } });
    expect(await outcome(readReport(fifo))).toEqual({ ok: false, failure: { kind: 'not-regular', fileType: 'fifo' } });
  });

  it('/dev/zero (a character device) and a socket are refused; a folder is a folder', { timeout: 2000 }, async () => {
    expect(await outcome(readRegularFile('/dev/zero'))).toEqual({ ok: false, failure: { kind: 'not-regular', fileType: 'character-device' } });
    const dir = temp();
    await socketAt(join(dir, 's.md'));
    expect(await outcome(readRegularFile(join(dir, 's.md')))).toEqual({ ok: false, failure: { kind: 'not-regular', fileType: 'socket' } });
    expect(await outcome(readRegularFile(dir))).toEqual({ ok: false, failure: { kind: 'directory' } });
    expect(await outcome(readRegularFile(join(dir, 'none.md')))).toEqual({ ok: false, failure: { kind: 'missing' } });
  });

  it('a link is followed inside its folder (or `within`), never out of it; a link to nothing says so', { timeout: 2000 }, async () => {
    const dir = temp();
    const outside = temp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'real.txt'), 'inside');
    writeFileSync(join(outside, 'secret.txt'), 'outside');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'same-folder.txt'));
    symlinkSync('../real.txt', join(dir, 'sub', 'up.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'out.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const inside = await readRegularFile(join(dir, 'same-folder.txt'));
    expect(inside.ok && Buffer.from(inside.bytes).toString()).toBe('inside');
    // ../real.txt is out of sub/, but inside the folder being walked.
    expect((await readRegularFile(join(dir, 'sub', 'up.txt'))).ok).toBe(false);
    expect((await readRegularFile(join(dir, 'sub', 'up.txt'), { within: dir })).ok).toBe(true);
    expect(await outcome(readRegularFile(join(dir, 'out.txt')))).toEqual({ ok: false, failure: { kind: 'outside-link', target: join(outside, 'secret.txt'), folder: dir } });
    expect(await outcome(readRegularFile(join(dir, 'zero.txt')))).toEqual({ ok: false, failure: { kind: 'outside-link', target: '/dev/zero', folder: dir } });
    expect(await outcome(readRegularFile(join(dir, 'dangling.txt')))).toEqual({ ok: false, failure: { kind: 'dangling-link', target: join(dir, 'nowhere.txt') } });
  });

  it('a file over the cap is refused by its size before it is read (a sparse 65 MB file: no time, no memory)', async () => {
    const dir = temp();
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, MAX_REPORT_BYTES + 1);
    expect(await outcome(readRegularFile(big))).toEqual({ ok: false, failure: { kind: 'too-large', size: MAX_REPORT_BYTES + 1, limit: MAX_REPORT_BYTES } });
    writeFileSync(join(dir, 'small.txt'), '12345');
    expect(await outcome(readRegularFile(join(dir, 'small.txt'), { maxBytes: 4 }))).toEqual({ ok: false, failure: { kind: 'too-large', size: 5, limit: 4 } });
    expect((await readRegularFile(join(dir, 'small.txt'), { maxBytes: 5 })).ok).toBe(true);
  });

  // A /proc file says it is empty and yet has content, as a file growing after fstat would: what is read
  // is bounded by the cap (cap + 1 bytes), not by what fstat said.
  it.skipIf(!existsSync('/proc/self/status'))('reads at most cap + 1 bytes whatever fstat said (a file that grows)', async () => {
    expect(await outcome(readRegularFile('/proc/self/status', { maxBytes: 100 }))).toEqual({ ok: false, failure: { kind: 'too-large', size: 101, limit: 100 } });
    const whole = await readRegularFile('/proc/self/status', { maxBytes: 1024 * 1024 });
    expect(whole.ok && whole.bytes.length).toBeGreaterThan(100);
  });
});

describe.skipIf(!POSIX)('the folder walk passes over what is not a regular file of the folder, and says why', () => {
  it('FIFO, socket, links out of the folder or to nothing: skipped unopened; links inside followed, each folder once', { timeout: 3000 }, async () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(outside, 'elsewhere.md'), 'x');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.md'), 'x');
    writeFileSync(join(dir, 'sub', 'b.md'), 'x');
    makeFifo(join(dir, 'fifo.md'));
    await socketAt(join(dir, 'sock.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync(join(outside, 'elsewhere.md'), join(dir, 'out.md'));
    symlinkSync(outside, join(dir, 'out-folder'));
    symlinkSync(join(dir, 'none.md'), join(dir, 'dangling.md'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'link-a.md'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub-again'));
    symlinkSync('..', join(dir, 'sub', 'loop'));
    const skipped: SkippedFile[] = [];
    const found = await walkReportFiles(dir, { skipped });
    expect(found.map((f) => relative(dir, f))).toEqual(['a.md', 'link-a.md', 'sub/b.md']);
    expect(skipped.map((s) => ({ ...s, path: relative(dir, s.path) }))).toEqual([
      { path: 'dangling.md', reason: 'dangling-link', target: join(dir, 'none.md') },
      { path: 'fifo.md', reason: 'not-regular', fileType: 'fifo' },
      { path: 'out-folder', reason: 'outside-link', target: outside },
      { path: 'out.md', reason: 'outside-link', target: join(outside, 'elsewhere.md') },
      { path: 'sock.md', reason: 'not-regular', fileType: 'socket' },
      { path: 'sub/loop', reason: 'link-loop' },
      { path: 'sub-again', reason: 'link-loop' },
      { path: 'zero.md', reason: 'outside-link', target: '/dev/zero' },
    ]);
  });

  it('command-line inputs: a file found by a walk or a glob carries the folder its links must stay in', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'r', 's'), { recursive: true });
    writeFileSync(join(dir, 'r', 's', 'a.md'), 'x');
    symlinkSync(join(dir, 'nothing.md'), join(dir, 'r', 'dangling.md'));
    expect(await expandInputs(['r', 'r/**/*.md', 'r/dangling.md'], { cwd: dir })).toEqual([
      { path: join('r', 's', 'a.md'), explicit: false, root: 'r' },
      { path: 'r/dangling.md', explicit: true },
    ]);
  });
});

describe.skipIf(!POSIX)('last year’s report: previous: auto and previousReport read only regular files', () => {
  it('previous: auto passes over a FIFO, /dev/zero and a link out of the folder named like reports, and still pairs', { timeout: 3000 }, async () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(dir, '2023.txt'), R000);
    writeFileSync(join(dir, '2022.txt'), LAST_YEAR_OF_000);
    makeFifo(join(dir, 'fifo.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    writeFileSync(join(outside, 'other.txt'), LAST_YEAR_OF_000);
    symlinkSync(join(outside, 'other.txt'), join(dir, 'outside.txt'));
    const candidates = await pairingCandidates(dir);
    expect(candidates.map((c) => relative(dir, c.file)).sort()).toEqual(['2022.txt', '2023.txt']);
    const prepared = await new Project().prepareLint(join(dir, '2023.txt'), R000, { spec: 'auto' });
    expect(prepared.options.previous?.file).toBe(join(dir, '2022.txt'));
    expect(prepared.problems).toEqual([]);
  });

  it('--previous or previousReport naming a FIFO, /dev/zero or a link out of its folder: a problem, never a hang', { timeout: 3000 }, async () => {
    const dir = temp();
    const outside = temp();
    const fifo = makeFifo(join(dir, 'fifo.txt'));
    writeFileSync(join(outside, 'x.txt'), LAST_YEAR_OF_000);
    symlinkSync(join(outside, 'x.txt'), join(dir, 'link.txt'));
    const document = parseReport(R000, { fileName: '2023.txt' });
    const project = new Project();
    const config = { ok: true as const, config: {} };
    expect(await project.previousFor(join(dir, '2023.txt'), document, { spec: fifo }, config)).toEqual({ failure: { file: fifo, failure: { kind: 'not-regular', fileType: 'fifo' } } });
    expect(await project.previousFor(join(dir, '2023.txt'), document, { spec: '/dev/zero' }, config)).toEqual({ failure: { file: '/dev/zero', failure: { kind: 'not-regular', fileType: 'character-device' } } });
    expect(await project.previousFor(join(dir, '2023.txt'), document, { spec: join(dir, 'link.txt') }, config)).toEqual({
      failure: { file: join(dir, 'link.txt'), failure: { kind: 'outside-link', target: join(outside, 'x.txt'), folder: dir } },
    });
    // The configuration's previousReport goes the same way (relative to the configuration file).
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ previousReport: 'fifo.txt' }));
    const configured = await new Project().prepareLint(join(dir, '2023.txt'), R000);
    expect(configured.problems).toEqual([{ kind: 'previous', file: fifo, failure: { kind: 'not-regular', fileType: 'fifo' } }]);
  });
});
