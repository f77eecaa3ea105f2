// Drives code-server (real VS Code) from Debian chromium: opens corpus report 002, reads the Problems
// panel, applies a quick fix through Ctrl+. and checks the finding is gone, then runs
// 「nianbao：检查工作区全部报告」 and checks an unopened report is listed. run.sh starts and stops
// code-server around this script. Exits 0 on success, 1 on any failed step.
//
// Environment: CS_URL (workbench URL with ?folder=), REPORT (file name of 002 in the workspace),
// OTHER (an unopened report), ARTIFACTS (folder for the screenshots: vscode-002-problems.png with
// the findings, vscode-002-quickfix.png with the Ctrl+. menu open, vscode-002-final.png at the end).
import { chromium } from 'playwright-core';

const { CS_URL, REPORT, OTHER, ARTIFACTS } = process.env;
if (!CS_URL || !REPORT || !OTHER || !ARTIFACTS) {
  console.error('drive.mjs: CS_URL, REPORT, OTHER and ARTIFACTS must be set (run.sh sets them)');
  process.exit(2);
}
const SHOT = `${ARTIFACTS}/vscode-002-final.png`;
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const CODES = /\b(year-mismatch|table-shape|table-label|table-missing|section-heading)\b/u;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// A new empty profile each run: playwright's launch uses a fresh temporary --user-data-dir.
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const failures = [];
let passed = 0;
const check = (ok, what) => {
  log(ok ? 'ok  ' : 'FAIL', what);
  if (ok) passed++;
  else failures.push(what);
};

/** The marker rows of the Problems panel (file rows have no rule code), as text. */
async function problemRows() {
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  return rows.map((r) => r.replace(/\s+/gu, ' ').trim());
}

/** The error and warning counts of the status bar: every problem VS Code holds, not only the rows shown. */
async function statusCounts() {
  const text = await page.locator('[id="status.problems"]').first().innerText();
  const [errors = NaN, warnings = NaN] = (text.match(/\d+/gu) ?? []).map(Number);
  return { errors, warnings };
}

async function waitFor(predicate, what, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() > end) {
      check(false, `${what} (timed out after ${timeoutMs / 1000} s)`);
      return false;
    }
    await page.waitForTimeout(250);
  }
}

/** Runs a command by its palette title, as a user would. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

try {
  await page.goto(CS_URL);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench loaded');

  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().dblclick();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  log('report 002 open');
  await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info', { timeout: 60_000 });
  check(true, 'squiggles in the editor');

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
  // The panel fills as the diagnostics arrive; wait until it lists each kind this report has.
  await waitFor(async () => {
    const text = (await problemRows()).join('\n');
    return ['year-mismatch', 'table-shape', 'section-heading'].every((c) => text.includes(c));
  }, 'Problems panel lists year-mismatch, table-shape and section-heading');
  const before = (await problemRows()).filter((r) => CODES.test(r));
  log(`Problems panel, ${before.length} rows with nianbao rule codes:\n  ${before.join('\n  ')}`);
  check(before.length >= 5, `at least 5 Problems rows with nianbao rule codes (got ${before.length})`);
  check(before.some((r) => r.includes('六、其他报告的事项') && r.includes('section-heading')), 'the section-heading finding on 「六、其他报告的事项」 is listed');
  check(before.every((r) => !CODES.test(r) || r.includes('nianbao')), 'every such row names its source, nianbao');
  const counts = await statusCounts();
  log(`status bar: ${counts.errors} errors, ${counts.warnings} warnings`);
  // Exactly report 002's: the unopened 003 is not checked until the workspace command asks for it.
  check(counts.errors === 8 && counts.warnings === 4, 'the status bar counts the 8 errors and 4 warnings of `nianbao lint` on report 002, none of 003');
  await page.screenshot({ path: `${ARTIFACTS}/vscode-002-problems.png` });

  // The quick fix, through the editor: go to the heading, Ctrl+. and pick the section-heading fix.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const go = page.locator('.quick-input-widget input');
  await go.waitFor({ timeout: 10_000 });
  await go.fill(':87:5');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: '其他需要报告的事项' });
  await fix.first().waitFor({ timeout: 15_000 });
  const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
  log(`quick fixes offered: ${JSON.stringify(offered)}`);
  await page.screenshot({ path: `${ARTIFACTS}/vscode-002-quickfix.png` });
  await fix.first().click();
  await waitFor(async () => !(await problemRows()).some((r) => r.includes('六、其他报告的事项')), 'the fixed finding leaves the Problems panel');
  check((await problemRows()).some((r) => r.includes('四、政务信息公开') && r.includes('section-heading')), 'the other section-heading finding stays');
  const fixed = await statusCounts();
  check(fixed.errors === counts.errors - 1 && fixed.warnings === counts.warnings, `one error fewer after the fix (${counts.errors} → ${fixed.errors})`);
  const lines = await page.locator('.monaco-editor .view-lines').first().innerText();
  check(lines.includes('六、其他需要报告的事项'), 'the editor shows the fixed heading 「六、其他需要报告的事项」');

  // The workspace command lists a report nobody opened.
  await runCommand('nianbao：检查工作区全部报告');
  // 003 has 5 errors and 1 warning under `nianbao lint`.
  await waitFor(async () => {
    const all = await statusCounts();
    return all.errors === fixed.errors + 5 && all.warnings === fixed.warnings + 1;
  }, `「检查工作区全部报告」 adds the 5 errors and 1 warning of the unopened ${OTHER}`, 60_000);
  const found = await page.locator('.markers-panel .monaco-list-row', { hasText: OTHER }).count();
  log(`after the workspace check: status bar ${JSON.stringify(await statusCounts())}, ${OTHER} rows rendered: ${found}`);

  // 「由数据生成报告」 on the data file in the active editor: the report opens beside it.
  const data = page.locator('.explorer-folders-view .monaco-list-row', { hasText: '2023.report-data.json' });
  await data.first().dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: '2023.report-data.json' }).waitFor({ timeout: 15_000 });
  await runCommand('nianbao：由数据生成报告');
  await page.locator('.tabs-container .tab.active', { hasText: '2023.md' }).waitFor({ timeout: 30_000 });
  const generated = await page.locator('.monaco-editor .view-lines').first().innerText();
  check(generated.includes('2023年政府信息公开工作年度报告'), '「由数据生成报告」 writes 2023.md beside the data and opens it');
  await waitFor(async () => (await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '2023.md' }).count()) === 1, '2023.md shows in the Explorer', 15_000);
} catch (error) {
  check(false, `unexpected: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await page.screenshot({ path: SHOT }).catch(() => undefined);
  await browser.close();
  log(failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`, `screenshot: ${SHOT}`);
  console.log(`vscode-e2e: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}
