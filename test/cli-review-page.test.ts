/**
 * The review page (`nianbao lint DIR --format html -o review.html`, written by the command) in a real browser: headless Chromium
 * (Debian's `chromium`, driven by playwright-core) opens the page from disk with every network request
 * refused, and the test reads what a reviewer sees — the summary's counts, a filter narrowing the files,
 * and the cell of a seeded arithmetic error highlighted with its identity and difference on hover. The
 * screenshot goes to test/artifacts/ (and to docs/images/ with NIANBAO_UPDATE_IMAGES=1). Without Chromium
 * the test says so and skips; under CI=true it fails instead.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ci = process.env['CI'] === 'true';
if (!available && !ci) console.warn(`Chromium (${CHROMIUM}) not found: the review page browser test is skipped (apt-get install chromium).`);

const corpus = (id: string): string => join(ROOT, 'test/fixtures/corpus', `${id}.txt`);
const FILES = { seeded: '002_8df8c676ffab5338', clean: '004_6f7b59792f9ed408', headings: '001_ae5e98d31dd755d7' } as const;

/** Report 002 with one number changed: 一、本年新收 of 自然人 is 14, its row's 总计 still 15. */
function seeded(): string {
  const text = readFileSync(corpus(FILES.seeded), 'utf8');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收') && l.includes('\t\t15\t0\t'));
  expect(i).toBeGreaterThan(0);
  lines[i] = lines[i]!.replace('\t\t15\t0\t', '\t\t14\t0\t');
  return lines.join('\n');
}

describe('the review page in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  // The page beside the reports' folder, not in it: it would be linted as a page of a report on the second run.
  const reports = join(dir, 'reports');
  const pagePath = join(dir, 'review.html');
  let context: BrowserContext | undefined;
  let page: Page;
  const requests: string[] = [];
  let expected: { files: number; errors: number; warnings: number };

  beforeAll(async () => {
    if (!available) return;
    mkdirSync(reports);
    writeFileSync(join(reports, '南岗区-2022.txt'), seeded());
    copyFileSync(corpus(FILES.clean), join(reports, '平房区-2023.txt'));
    copyFileSync(corpus(FILES.headings), join(reports, 'other-2023.txt'));
    const written = await cli(['lint', '.', '--format', 'html', '-o', '../review.html'], reports);
    expect(written.code, written.stderr).toBe(1);
    // What the page must count: the same run's findings as JSON.
    const findings = JSON.parse((await cli(['lint', '.', '--format', 'json'], reports)).stdout) as Array<{ file: string; severity: string }>;
    expected = { files: 3, errors: findings.filter((d) => d.severity === 'error').length, warnings: findings.filter((d) => d.severity === 'warning').length };
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    // The page is opened offline: anything it asks of the network is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(pagePath).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = it.runIf(available || ci);

  run('shows the summary counts of the run and loads nothing from the network', async () => {
    expect(available, `Chromium is needed here: apt-get install chromium`).toBe(true);
    expect(expected.errors).toBeGreaterThan(0);
    expect(await page.textContent('#count-files')).toBe(String(expected.files));
    expect(await page.textContent('#count-errors')).toBe(String(expected.errors));
    expect(await page.textContent('#count-warnings')).toBe(String(expected.warnings));
    // Worst first: the files table's first row has the most errors.
    const errors = (await page.locator('#files tbody tr td:nth-child(5)').allTextContents()).map(Number);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(requests).toEqual([]);
  });

  run('filters the files by text and by rule, and sorts a column', async () => {
    await page.fill('#filter-text', '平房区');
    const visible = async (): Promise<string[]> => page.locator('#files tbody tr:not(.hidden) td:nth-child(1)').allTextContents();
    expect(await visible()).toEqual(['平房区-2023.txt']);
    expect(await page.textContent('#filter-shown')).toBe('显示 1 / 3 个文件');
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-rule', 'row-total');
    expect(await visible()).toEqual(['南岗区-2022.txt']);
    // The files' own sections follow the same filter.
    expect(await page.$$eval('section.file:not(.hidden) h2', (hs) => hs.map((h) => h.textContent))).toEqual(['南岗区-2022.txt']);
    await page.selectOption('#filter-rule', '');
    expect(await visible()).toHaveLength(3);
    await page.click('#files th:nth-child(1)');
    expect(await visible()).toEqual(['other-2023.txt', '南岗区-2022.txt', '平房区-2023.txt'].sort((a, b) => a.localeCompare(b, 'zh')));
  });

  run('highlights the seeded arithmetic error’s cell, with the identity and the difference on hover', async () => {
    const section = 'section.file:has(h2:text-is("南岗区-2022.txt"))';
    const total = page.locator(`${section} table[data-table="applications"] td[data-row="newReceived"][data-column="total"]`);
    expect(await total.getAttribute('class')).toContain('fail-error');
    // Its neighbour, the changed 自然人 cell, holds the number as read and is no total: not marked.
    const person = page.locator(`${section} table[data-table="applications"] td[data-row="newReceived"][data-column="naturalPerson"]`);
    expect((await person.textContent())?.trim()).toBe('14');
    expect(await person.getAttribute('class')).not.toContain('fail');
    const tip = total.locator('.tip');
    expect(await tip.isVisible()).toBe(false);
    await total.hover();
    expect(await tip.isVisible()).toBe(true);
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('相差 1');
    expect(text).toMatch(/总计 15/u);
    expect(text).toMatch(/自然人 14/u);
    // The other files' tables have no row-total finding: none of their cells is marked by it.
    expect(await page.locator('section.file:has(h2:text-is("平房区-2023.txt")) td.fail-error').count()).toBe(0);
    // For the picture: the tip held open by focus, the page from its top, the files narrowed to the seeded one.
    await total.focus();
    await page.mouse.move(0, 0);
    await page.selectOption('#filter-rule', 'row-total');
    await total.focus();
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await tip.isVisible()).toBe(true);
    const shot = await page.screenshot({ fullPage: true });
    mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test/artifacts/review-page.png'), shot);
    if (process.env['NIANBAO_UPDATE_IMAGES'] === '1' || !existsSync(join(ROOT, 'docs/images/review-page.png'))) writeFileSync(join(ROOT, 'docs/images/review-page.png'), shot);
    await page.selectOption('#filter-rule', '');
  });
});

describe('nianbao lint --format html', () => {
  const temp = useTempDirs();

  it('writes one self-contained page: no external resource, every report text escaped', async () => {
    const dir = temp();
    // A report's own markup must not become the page's: here on the line of a finding, in its excerpt.
    const withMarkup = readFileSync(corpus(FILES.headings), 'utf8').replace('[bookmark: _GoBack]', '[bookmark: _GoBack]<script>alert(1)</script><img src="https://example.com/x.png">');
    writeFileSync(join(dir, 'a.txt'), withMarkup);
    copyFileSync(corpus(FILES.clean), join(dir, 'b.txt'));
    const r = await cli(['lint', dir, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).not.toMatch(/<(?:link|img|iframe)\b|\ssrc="|\shref="(?!#)|url\(/u);
    expect(r.stdout.match(/<script>/gu)).toHaveLength(1);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&quot;');
    expect(r.stdout).toContain('<b id="count-files">2</b>');
  });
});
