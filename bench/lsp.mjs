// Language-server latency and memory: the built server over stdio, driven as an editor drives it.
// Latency = from sending didChange to receiving the publishDiagnostics of that version (debounce included).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const SERVER = fileURLToPath(new URL('../packages/language-server/bin/nianbao-language-server.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));
const EDITS = 200;
const WARMUP = 20;

/**
 * A realistic report of about `bytes`: a real corpus report with more prose paragraphs in its
 * section 一 (where long reports are long), so that the tables and all six sections stay as they were.
 */
export function reportOfSize(bytes, seedFile = '004_6f7b59792f9ed408.txt') {
  const seed = readFileSync(CORPUS + seedFile, 'utf8');
  const lines = seed.split('\n');
  const prose = lines.filter((l) => l.length > 60 && !l.includes('\t') && !l.includes('|'));
  const at = lines.findIndex((l) => /^\s*(#+\s*)?二、/u.test(l));
  const extra = [];
  let size = Buffer.byteLength(seed);
  for (let i = 0; size < bytes; i++) {
    const p = prose[i % prose.length];
    extra.push(p, '');
    size += Buffer.byteLength(p) + 2;
  }
  return [...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n');
}

function startServer() {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(p);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (uri, version) => new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));
  return { child, connection, published };
}

async function initialize(server) {
  await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await server.connection.sendNotification('initialized', {});
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Latencies of `EDITS` one-character edits to a prose line, each waiting for its own diagnostics. */
async function editLatencies(server, text, name) {
  const uri = pathToFileURL(`/tmp/nianbao-bench/${name}.txt`).href;
  let version = 1;
  const opened = server.published(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  await opened;
  // Type into the first prose line of section 一: insert a character, then delete it, alternately.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.length > 60 && !l.includes('\t'));
  const times = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: '年' }
      : { range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: '' };
    const done = server.published(uri, version);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * With a document open whose lint takes seconds (a real report repeated to just under the editor's size
 * cap), how long a second document waits for its diagnostics after an edit, and for a hover: the worst of
 * `rounds`, each started while the slow document is being linted again.
 */
async function secondDocumentLatency(server, rounds = 5) {
  const seed = readFileSync(CORPUS + '004_6f7b59792f9ed408.txt', 'utf8');
  const slowUri = pathToFileURL('/tmp/nianbao-bench/slow.txt').href;
  const uri = pathToFileURL('/tmp/nianbao-bench/second.txt').href;
  const slowText = seed.repeat(Math.floor(499_000 / seed.length));
  const lines = seed.split('\n');
  const line = lines.findIndex((l) => l.includes('新收政府信息公开申请数量'));
  const position = { line, character: Math.max(0, lines[line].length - 1) };
  let slowVersion = 1;
  let version = 1;
  const first = server.published(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text: seed } });
  await first;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: slowUri, languageId: 'plaintext', version: slowVersion, text: slowText } });
  let worst = 0;
  for (let i = 0; i < rounds; i++) {
    if (i > 0) {
      slowVersion++;
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: slowUri, version: slowVersion }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 ? '\n' : '' }] });
    }
    // A round trip: the server has read the slow document's text and its lint is under way.
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///tmp/nianbao-bench/none.txt' }, position: { line: 0, character: 0 } });
    version++;
    const done = server.published(uri, version);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: i % 2 ? '' : ' ' }] });
    await done;
    const diagnosed = performance.now() - start;
    const asked = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    worst = Math.max(worst, diagnosed, performance.now() - asked);
    if (process.env.NIANBAO_BENCH_DEBUG) console.error({ round: i, diagnosed, hover: performance.now() - asked });
  }
  await server.published(slowUri, slowVersion);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: slowUri } });
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return worst;
}

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const round = (n) => Number(n.toFixed(1));

/** The language-server figures for `npm run bench`: latency at 20 KB and 100 KB, memory with 50 open reports. */
export async function lspBench() {
  const server = startServer();
  try {
    await initialize(server);
    const small = await editLatencies(server, reportOfSize(20 * 1024), 'report-20k');
    const large = await editLatencies(server, reportOfSize(100 * 1024), 'report-100k');
    const seeds = [
      '000_05203f94ff7e5eba.txt',
      '001_ae5e98d31dd755d7.txt',
      '002_8df8c676ffab5338.txt',
      '003_4a22ad7470b2e664.txt',
      '004_6f7b59792f9ed408.txt',
    ];
    const opened = [];
    for (let i = 0; i < 50; i++) {
      const uri = pathToFileURL(`/tmp/nianbao-bench/open-${i}.txt`).href;
      const text = reportOfSize(20 * 1024, seeds[i % seeds.length]);
      opened.push(server.published(uri, 1));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    }
    await Promise.all(opened);
    const memory = rssMB(server.child.pid);
    const second = await secondDocumentLatency(server);
    return {
      lspP50Ms: round(small.p50),
      lspP95Ms: round(small.p95),
      lspP50Ms100k: round(large.p50),
      lspP95Ms100k: round(large.p95),
      lspMemoryMB: round(memory),
      lspSecondDocMs: round(second),
    };
  } finally {
    await server.connection.sendRequest('shutdown').catch(() => undefined);
    await server.connection.sendNotification('exit').catch(() => undefined);
    server.connection.dispose();
    server.child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await lspBench();
  const target = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`LSP edit → diagnostics, 20 KB:  p50 ${figures.lspP50Ms} ms, p95 ${figures.lspP95Ms} ms (target p95 ≤ 50: ${target(figures.lspP95Ms <= 50)})`);
  console.log(`LSP edit → diagnostics, 100 KB: p50 ${figures.lspP50Ms100k} ms, p95 ${figures.lspP95Ms100k} ms (target p95 ≤ 150: ${target(figures.lspP95Ms100k <= 150)})`);
  console.log(`LSP memory, 50 open reports: ${figures.lspMemoryMB} MB (target ≤ 200: ${target(figures.lspMemoryMB <= 200)})`);
  console.log(`LSP second document beside a slow one: ${figures.lspSecondDocMs} ms (target ≤ 200: ${target(figures.lspSecondDocMs <= 200)})`);
}
