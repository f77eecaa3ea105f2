import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { MAX_FIX_PASSES, Project, expandInputs, pairingMismatch, fixUntilStable, isReportFile, placedConfigProblems, walkReportFiles, type SkippedFile } from '@nianbao/project';

const CORPUS = fileURLToPath(new URL('../../../test/fixtures/corpus/', import.meta.url));
const R000 = readFileSync(join(CORPUS, '000_05203f94ff7e5eba.txt'));
const R001 = readFileSync(join(CORPUS, '001_ae5e98d31dd755d7.txt'));

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-project-'));
  folders.push(dir);
  return dir;
}

/** Corpus 000 (2023) moved back a year, with 2 requests carried forward: the same agency's report of 2022. */
function lastYearOf000(): string {
  return R000.toString('utf8')
    .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', '南岗区通达街道办事处 2022 年政府信息公开工作年度报告')
    .replace(/2023年1月1日至2023年12月31日/gu, '2022年1月1日至2022年12月31日')
    .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/u, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
}

describe('configuration discovery', () => {
  it('finds the nearest .nianbaorc.json above the file, and reads each folder once', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ locale: 'en' }));
    writeFileSync(join(dir, 'a', '.nianbaorc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    const project = new Project();
    const found = await project.configFor(join(dir, 'a', 'b', 'r.txt'));
    expect(found).toEqual({ ok: true, config: { rules: { placeholder: 'off' } }, file: join(dir, 'a', '.nianbaorc.json') });
    expect(await project.configFor(join(dir, 'r.txt'))).toMatchObject({ ok: true, config: { locale: 'en' } });
    // Cached: a change on disk is seen only once the project is told.
    writeFileSync(join(dir, 'a', '.nianbaorc.json'), '{}');
    expect(await project.configFor(join(dir, 'a', 'b', 'other.txt'))).toEqual(found);
    project.clearConfigs();
    expect(await project.configFor(join(dir, 'a', 'b', 'other.txt'))).toMatchObject({ ok: true, config: {} });
  });

  it('with none above the file, an empty configuration', async () => {
    const dir = temp();
    const config = await new Project().configFor(join(dir, 'r.txt'));
    // (a .nianbaorc.json in a folder above the temporary one would be found: there is none on a clean machine)
    expect(config.ok).toBe(true);
  });

  it('a broken configuration is an error with file, line and column, in the asked language', async () => {
    const dir = temp();
    const file = join(dir, '.nianbaorc.json');
    writeFileSync(file, '{\n  "rules": {\n    "section-heading": "loud"\n  }\n}\n');
    const bad = await new Project().configFor(join(dir, 'r.txt'));
    if (bad.ok) throw new Error('expected a broken config');
    expect(placedConfigProblems(bad.error)[0]).toMatchObject({ where: `${file}:3:5`, path: '/rules/section-heading', line: 3, column: 5 });

    writeFileSync(file, '{\n  "rules": {\n    "table-label": "of",\n  }\n}\n');
    const syntax = await new Project().configFor(join(dir, 'r.txt'), 'en');
    if (syntax.ok) throw new Error('expected a broken config');
    const [problem] = placedConfigProblems(syntax.error);
    expect(problem).toMatchObject({ where: `${file}:4:3`, path: '/' });
    expect(problem!.message).toMatch(/^is not valid JSON \(a key in double quotes is expected here/u);
  });

  it('relative paths are relative to the project folder', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', '.nianbaorc.json'), JSON.stringify({ agencyKind: '乡镇街道' }));
    expect(await new Project({ cwd: dir }).configFor('reports/r.txt')).toMatchObject({ ok: true, config: { agencyKind: '乡镇街道' } });
  });
});

describe('the report-file walk', () => {
  it('one list of extensions', () => {
    for (const name of ['a.md', 'a.MARKDOWN', 'a.txt', 'a.html', 'a.HTM', 'a.docx', 'a.pdf']) expect(isReportFile(name), name).toBe(true);
    for (const name of ['a.text', 'a.doc', 'a.json', 'a.md.bak', 'md']) expect(isReportFile(name), name).toBe(false);
  });

  it('skips hidden, dependency and build folders; lists the other files it passed over, with why', async () => {
    const dir = temp();
    for (const sub of ['reports/2023', 'node_modules/x', '.git', 'dist', 'build', '.hidden']) mkdirSync(join(dir, sub), { recursive: true });
    for (const path of ['reports/2023/b.txt', 'reports/a.md', 'reports/page.html', 'node_modules/x/readme.md', '.git/notes.txt', 'dist/out.md', 'build/r.pdf', '.hidden/r.md']) writeFileSync(join(dir, path), 'x');
    for (const path of ['reports/old.doc', 'reports/w.wps', 'reports/o.ofd', 'reports/data.json', 'reports/.draft.md']) writeFileSync(join(dir, path), 'x');
    const skipped: SkippedFile[] = [];
    const found = await walkReportFiles(dir, { skipped });
    expect(found.map((f) => relative(dir, f))).toEqual(['reports/2023/b.txt', 'reports/a.md', 'reports/page.html']);
    expect(skipped.map((s) => [relative(dir, s.path), s.reason])).toEqual([
      ['reports/data.json', 'other'],
      ['reports/o.ofd', 'ofd'],
      ['reports/old.doc', 'legacy-word'],
      ['reports/w.wps', 'wps'],
    ]);
    expect(await walkReportFiles(dir, { maxFiles: 1 })).toHaveLength(1);
    expect((await walkReportFiles(dir, { maxDepth: 1 })).map((f) => relative(dir, f))).toEqual(['reports/a.md', 'reports/page.html']);
  });

  it('command-line inputs: files as given (explicit), folders walked, globs, each once; a missing path is an InputError', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'a.txt'), 'x');
    writeFileSync(join(dir, 'r', 'b.md'), 'x');
    const inputs = await expandInputs(['r/a.txt', 'r', 'r/*.md'], { cwd: dir });
    expect(inputs).toEqual([
      { path: 'r/a.txt', explicit: true },
      { path: join('r', 'b.md'), explicit: false, root: 'r' },
    ]);
    await expect(expandInputs(['nope.txt'], { cwd: dir })).rejects.toMatchObject({ path: 'nope.txt', failure: { kind: 'missing' } });
  });
});

describe('prepareLint', () => {
  it('without a previous report: the document, the config’s options, no problems', async () => {
    const dir = temp();
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ locale: 'en', rules: { 'section-heading': 'off' }, agencyKind: '乡镇街道' }));
    const prepared = await new Project().prepareLint(join(dir, '000.txt'), R000);
    expect(prepared.selected).toBe(true);
    expect(prepared.problems).toEqual([]);
    expect(prepared.options).toEqual({ locale: 'en', rules: { 'section-heading': 'off' }, agencyKind: '乡镇街道' });
    expect(prepared.document.isReport).toBe(true);
    // The overrides win over the config.
    const zh = await new Project().prepareLint(join(dir, '000.txt'), R000.toString('utf8'), { locale: 'zh', reportSuppressed: true });
    expect(zh.options).toMatchObject({ locale: 'zh', reportSuppressed: true });
  });

  it('--previous FILE (as given, relative to the project folder) and the config’s previousReport (relative to the config)', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'last.txt'), lastYearOf000());
    const asked = await new Project({ cwd: dir }).prepareLint('this.txt', R000, { spec: 'last.txt' });
    expect(asked.options.previous?.file).toBe('last.txt');
    expect(lint(asked.document, asked.options).filter((d) => d.ruleId === 'carryover')).toHaveLength(2);

    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.nianbaorc.json'), JSON.stringify({ previousReport: '../last.txt' }));
    const configured = await new Project().prepareLint(join(dir, 'sub', 'this.txt'), R000);
    expect(configured.options.previous?.file).toBe(join(dir, 'last.txt'));
  });

  it('previous: auto pairs the same agency’s report of the year before beside it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'b.txt'), lastYearOf000());
    writeFileSync(join(dir, 'c.txt'), R001);
    const prepared = await new Project().prepareLint(join(dir, 'a.txt'), R000, { spec: 'auto' });
    expect(prepared.options.previous?.file).toBe(join(dir, 'b.txt'));
    // Another agency's report has no pair.
    expect((await new Project().prepareLint(join(dir, 'c.txt'), R001, { spec: 'auto' })).options.previous).toBeUndefined();
  });

  it('problems are named, not thrown: a previous report that is missing or no report, a broken config', async () => {
    const dir = temp();
    const missing = await new Project().prepareLint(join(dir, 'a.txt'), R000, { spec: 'none.txt', base: dir });
    expect(missing.problems).toEqual([{ kind: 'previous', file: join(dir, 'none.txt'), failure: { kind: 'missing' } }]);
    expect(missing.options.previous).toBeUndefined();
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天讨论了午饭。\n');
    const notReport = await new Project().prepareLint(join(dir, 'a.txt'), R000, { spec: join(dir, 'notes.txt') });
    expect(notReport.problems).toEqual([{ kind: 'previous', file: join(dir, 'notes.txt'), failure: { kind: 'not-a-report' } }]);

    writeFileSync(join(dir, '.nianbaorc.json'), '{');
    const broken = await new Project().prepareLint(join(dir, 'a.txt'), R000);
    expect(broken.problems.map((p) => p.kind)).toEqual(['config']);
    expect(broken.options).toEqual({ locale: 'zh' });
  });

  it('a document not selected gets no previous report looked for; bytes that are no text are a read problem', async () => {
    const dir = temp();
    const notes = await new Project().prepareLint(join(dir, 'notes.md'), '# 会议纪要\n', { spec: 'none.txt', base: dir });
    expect(notes).toMatchObject({ selected: false, problems: [] });
    const chosen = await new Project().prepareLint(join(dir, 'notes.md'), '# 会议纪要\n', { select: () => true });
    expect(chosen.selected).toBe(true);
    const binary = await new Project().prepareLint(join(dir, 'x.txt'), new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]));
    expect(binary.problems).toEqual([{ kind: 'read', failure: { kind: 'not-text' } }]);
  });
});

describe('fixUntilStable', () => {
  it('applies fixes pass by pass until none is left, and gives the findings of the fixed text', () => {
    const text = R001.toString('utf8');
    const document = parseReport(text, { fileName: '001.txt' });
    const findings = lint(document);
    expect(findings.some((d) => d.fix)).toBe(true);
    const fixed = fixUntilStable(text, document, findings, {}, '001.txt');
    expect(fixed.passes).toBeGreaterThan(0);
    expect(fixed.passes).toBeLessThanOrEqual(MAX_FIX_PASSES);
    expect(fixed.text).toContain('\n三、收到和处理政府信息公开申请情况\n');
    expect(fixed.findings.filter((d) => d.fix)).toEqual([]);
    expect(fixed.findings).toEqual(lint(parseReport(fixed.text, { fileName: '001.txt' })));
  });

  it('stops at once when nothing is fixable, and as soon as a pass leaves no fix', () => {
    const text = R000.toString('utf8');
    const document = parseReport(text);
    expect(fixUntilStable(text, document, [], {})).toMatchObject({ text, passes: 0 });
    // One insertion; the re-lint (no rule runs) finds nothing more to fix.
    const finding = { ...lint(document)[0]!, fix: { start: 0, end: 0, text: '<!-- x -->\n' } };
    const once = fixUntilStable(text, document, [finding], { only: [] });
    expect(once).toMatchObject({ passes: 1, findings: [] });
    expect(once.text).toBe(`<!-- x -->\n${text}`);
    expect(MAX_FIX_PASSES).toBe(10);
  });
});

describe('pairingMismatch: a report named as last year’s must be one', () => {
  const id = (file: string, agency: string | undefined, year: number | undefined) => ({ file, agency, year });
  it('says which: the file itself, another agency, another year', () => {
    expect(pairingMismatch(id('/a/2023.txt', '某某局', 2023), id('/a/2023.txt', '某某局', 2023))).toEqual({ kind: 'same-file' });
    expect(pairingMismatch(id('/a/2023.txt', '某某局', 2023), id('/a/x.txt', '另一局', 2022))).toEqual({ kind: 'other-agency', agency: '某某局', previousAgency: '另一局' });
    expect(pairingMismatch(id('/a/2023.txt', '某某局', 2023), id('/a/x.txt', '某某局', 2021))).toEqual({ kind: 'wrong-year', year: 2023, previousYear: 2021 });
  });
  it('passes the year before of the same agency, names that differ only in spacing or width, and what a report does not say', () => {
    expect(pairingMismatch(id('/a/2023.txt', '某某 局', 2023), id('/a/x.txt', '某某局', 2022))).toBeUndefined();
    expect(pairingMismatch(id('/a/2023.txt', undefined, 2023), id('/a/x.txt', '某某局', 2022))).toBeUndefined();
    expect(pairingMismatch(id('/a/2023.txt', '某某局', undefined), id('/a/x.txt', '某某局', 2019))).toBeUndefined();
  });
});
