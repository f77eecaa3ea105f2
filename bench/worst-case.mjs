// Pathological inputs (issue 14): each read and linted at growing sizes, each run in a child process of
// its own so that its time and peak memory are its own. The figures: the largest time per MB over all
// cases and sizes (`worstCaseMsPerMB`), the largest ratio of ms/MB at the largest size to ms/MB at the
// smallest (`worstCaseGrowth`, 1 is linear), and the largest peak-memory growth over the input's size
// at each case's largest size (`worstCaseRssRatio`: at 32 KB the process's own few megabytes of
// garbage would be all the figure says). A run that passes the time limit is stopped and counted at the limit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MB = 1024 * 1024;
const KB = 1024;
const LIMIT_MS = 60_000;

const SENTENCE = '本年度共收到政府信息公开申请95件，其中予以公开34件，部分公开5件，2024年主动公开政府信息120条。';
const RUN_ON = '收到申请95件予以公开34件2024年主动公开信息120条行政复议3件行政诉讼2件';
const HEAD = '某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n';

/** Text repeated until it is `size` bytes long (UTF-8), cut at a character. */
function fill(unit, size) {
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.max(1, Math.floor(size / unitBytes)));
}

/** Each case: a name, the file name it is read as, its sizes, and the text at a size. */
export const CASES = [
  { name: 'one-paragraph', file: 'r.txt', sizes: [MB, 2 * MB, 4 * MB], make: (n) => HEAD + fill(SENTENCE, n) },
  { name: 'one-line', file: 'r.txt', sizes: [MB, 2 * MB, 4 * MB], make: (n) => HEAD + fill(RUN_ON, n) },
  { name: 'wide-rows', file: 'r.txt', sizes: [MB, 2 * MB, 4 * MB], make: (n) => HEAD + fill(`${'1\t'.repeat(10_000)}\n`, n) },
  { name: 'nested-quotes', file: 'r.md', sizes: [32 * KB, 64 * KB, 128 * KB], make: (n) => `${'>'.repeat(n)} a\n` },
  { name: 'emphasis', file: 'r.md', sizes: [32 * KB, 64 * KB, 128 * KB], make: (n) => fill('*a_', n) },
  {
    name: 'nested-lists',
    file: 'r.md',
    sizes: [32 * KB, 64 * KB, 128 * KB],
    make: (n) => {
      const lines = [];
      let size = 0;
      for (let i = 0; size < n; i++) {
        const line = `${'  '.repeat(i % 2000)}- a\n`;
        lines.push(line);
        size += line.length;
      }
      return lines.join('');
    },
  },
  { name: 'brackets', file: 'r.md', sizes: [32 * KB, 64 * KB, 128 * KB], make: (n) => '['.repeat(n) },
];

const child = fileURLToPath(new URL('./worst-case-run.mjs', import.meta.url));

function runOne(name, size) {
  const out = spawnSync(process.execPath, [child, name, String(size)], { encoding: 'utf8', timeout: LIMIT_MS + 5000, maxBuffer: 1024 * 1024 });
  if (out.status !== 0 || !out.stdout.trim()) return { ms: LIMIT_MS, rssGrowth: Number.NaN, timedOut: true };
  return JSON.parse(out.stdout);
}

export function worstCaseBench() {
  let worstMsPerMB = 0;
  let worstGrowth = 0;
  let worstRss = 0;
  const detail = {};
  for (const c of CASES) {
    const perMB = c.sizes.map((size) => {
      const r = runOne(c.name, size);
      return { size, msPerMB: r.ms / (size / MB), rss: r.rssGrowth / size, timedOut: r.timedOut === true };
    });
    const largest = perMB.at(-1);
    worstRss = Math.max(worstRss, Number.isNaN(largest.rss) ? Infinity : largest.rss);
    const growth = perMB.at(-1).msPerMB / Math.max(perMB[0].msPerMB, 1);
    worstMsPerMB = Math.max(worstMsPerMB, ...perMB.map((p) => p.msPerMB));
    worstGrowth = Math.max(worstGrowth, growth);
    detail[c.name] = `${perMB.map((p) => `${Math.round(p.size / KB)}KB:${Math.round(p.msPerMB)}${p.timedOut ? '(limit)' : ''}`).join(' ')} ms/MB, RSS ${largest.rss.toFixed(0)}×`;
  }
  return {
    worstCaseMsPerMB: Math.round(worstMsPerMB),
    worstCaseGrowth: Number(worstGrowth.toFixed(2)),
    worstCaseRssRatio: Number(worstRss.toFixed(1)),
    worstCaseDetail: detail,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(worstCaseBench(), null, 2));
