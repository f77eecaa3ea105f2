import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, runCli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();
const corpus = (id: string): string => {
  const names: Record<string, string> = {
    '000': '000_05203f94ff7e5eba.txt',
    '001': '001_ae5e98d31dd755d7.txt',
    '002': '002_8df8c676ffab5338.txt',
    '003': '003_4a22ad7470b2e664.txt',
    '004': '004_6f7b59792f9ed408.txt',
  };
  return join(CORPUS_DIR, names[id]!);
};

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
  suppressed?: { reason: string };
}

const MINIMAL_2023 = [
  '# 示例街道办事处2023年政府信息公开工作年度报告',
  '',
  '本报告中所列数据统计期限为2023年1月1日至2023年12月31日。',
  '',
  '3、总体情况',
  '',
].join('\n');

describe('nianbao lint', () => {
  it('json: stdout holds only one array with positions as the engine gives them; the summary goes to stderr', async () => {
    const r = await cli(['lint', corpus('002'), '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(f.file).toBe(corpus('002'));
      expect(Object.keys(f).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
    }
    const heading = findings.find((f) => f.ruleId === 'section-heading' && f.line === 87)!;
    expect(heading).toMatchObject({ column: 4, endLine: 87, endColumn: 13, severity: 'error' });
    expect(r.stderr).toMatch(/^检查了 1 个文件：错误 \d+ 个/mu);
  });

  it('stylish: grouped by file, the source line under each finding, no colour when not a terminal', async () => {
    const r = await cli(['lint', corpus('001')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(corpus('001'));
    expect(r.stdout).toContain('  57:1  错误  章节标题“3、 收到和处理政府信息公开申请情况”的序号有误');
    expect(r.stdout).toContain('      3、 收到和处理政府信息公开申请情况\n      ^^^^');
    expect(r.stdout).not.toContain('\u001b[');
    const en = await cli(['lint', corpus('001'), '--locale', 'en']);
    expect(en.stdout).toContain('57:1  error  Heading “3、 收到和处理政府信息公开申请情况” has a wrong numeral');
    expect(en.stderr).toMatch(/^Checked 1 files: \d+ errors/mu);
  });

  it('sarif and github', async () => {
    const sarif = JSON.parse((await cli(['lint', corpus('001'), '--format', 'sarif'])).stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { text: string } }> } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.results.some((x) => x.ruleId === 'section-heading' && x.level === 'error')).toBe(true);
    expect(run.results.some((x) => x.ruleId === 'artifact' && x.level === 'note')).toBe(true);
    const rule = run.tool.driver.rules.find((x) => x.id === 'section-heading')!;
    // No docsBaseUrl: no link (a file:// path of this machine helps nobody reading the log), the description instead.
    expect(rule.helpUri).toBeUndefined();
    expect(rule.help.text).toContain('序号');

    const gh = (await cli(['lint', corpus('001'), '--format', 'github'])).stdout.trim().split('\n');
    expect(gh.every((l) => /^::(error|warning|notice) file=/u.test(l))).toBe(true);
    expect(gh.some((l) => l.startsWith(`::error file=${corpus('001')},line=57,col=1,endLine=57,endColumn=`))).toBe(true);
  });

  it('exit codes: 0 when there is no error (info only), 1 on errors, 2 when it could not run', async () => {
    const dir = temp();
    const clean = join(dir, 'clean.txt');
    copyFileSync(corpus('004'), clean);
    // The three exit codes on real processes: what CI and scripts see.
    const r = runCli(['lint', clean, '--format', 'json']);
    expect((JSON.parse(r.stdout) as JsonFinding[]).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.code).toBe(0);
    expect(runCli(['lint', corpus('002')]).code).toBe(1);
    const missing = runCli(['lint', join(dir, 'none.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件/u);
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# 会议纪要\n\n今天开会。\n');
    const notReport = await cli(['lint', notes]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/没有找到政府信息公开工作年度报告/u);
    expect((await cli(['lint', clean, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['lint', clean, '--max-warnings', 'many'])).stderr).toMatch(/--max-warnings 需要一个非负整数/u);
  });

  it('a folder: reports found recursively, other files skipped and counted, the worst files first', async () => {
    const dir = temp();
    mkdirSync(join(dir, '街道'));
    copyFileSync(corpus('000'), join(dir, '000.txt'));
    copyFileSync(corpus('002'), join(dir, '街道', '002.txt'));
    copyFileSync(corpus('004'), join(dir, '004.md'));
    writeFileSync(join(dir, '说明.md'), '# 说明\n\n这个文件夹放年报。\n');
    writeFileSync(join(dir, 'data.json'), '{}');
    const r = await cli(['lint', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    expect([...files].sort()).toEqual([join(dir, '000.txt'), join(dir, '004.md'), join(dir, '街道', '002.txt')].filter((f) => files.has(f)).sort());
    expect(files.has(join(dir, '街道', '002.txt'))).toBe(true);
    // Every file passed over is named, with why: a note that is no report, a file of another format.
    expect(r.stderr).toContain('跳过 2 个文件');
    expect(r.stderr).toContain(`${join(dir, '说明.md')}：读得出，但不是政府信息公开工作年度报告`);
    expect(r.stderr).toContain(`${join(dir, 'data.json')}：不是报告文件的格式`);
    expect(r.stderr).toMatch(/检查了 3 个文件/u);
    const worst = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(worst[0]).toContain('002.txt');
    const glob = await cli(['lint', `${dir}/*.txt`, '--format', 'json']);
    expect(new Set((JSON.parse(glob.stdout) as JsonFinding[]).map((f) => f.file))).toEqual(new Set([join(dir, '000.txt')]));
  });

  it('--fix rewrites headings and numbering atomically, never counts, and leaves an unchanged file untouched', async () => {
    const dir = temp();
    const file = join(dir, '001.txt');
    copyFileSync(corpus('001'), file);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['lint', file, '--fix', '--format', 'json']);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('\n三、收到和处理政府信息公开申请情况\n');
    expect(after).toContain('\n四、政府信息公开行政复议、行政诉讼情况\n');
    expect(after).not.toContain('[bookmark: _GoBack]');
    const digits = (s: string): string => s.replace(/[^0-9]/gu, '');
    // Only the two wrong numerals (3、 4、) and the sub-head numbered in the other style (（1） → （一）)
    // change; every count in the tables and the prose stays.
    expect(after).toContain('（一）');
    expect(digits(after)).toBe(digits(before.replace('3、 收到', '收到').replace('4、 政府', '政府').replace('（1）', '（一）')));
    const remaining = JSON.parse(r.stdout) as JsonFinding[];
    expect(remaining.filter((f) => f.ruleId === 'section-heading' || f.ruleId === 'artifact')).toEqual([]);

    const untouched = join(dir, '003.txt');
    copyFileSync(corpus('004'), untouched);
    const mtime = statSync(untouched).mtimeMs;
    writeFileSync(untouched, readFileSync(untouched, 'utf8').replace('[bookmark: _GoBack]', ''));
    const stamp = statSync(untouched).mtimeMs;
    await cli(['lint', untouched, '--fix']);
    expect(statSync(untouched).mtimeMs).toBe(stamp);
    expect(stamp).toBeGreaterThanOrEqual(mtime);
  });

  it('--fix keeps the file encoding (UTF-16 with BOM stays UTF-16)', async () => {
    const dir = temp();
    const file = join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL_2023, 'utf16le')]));
    await cli(['lint', file, '--fix']);
    const bytes = readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toContain('一、总体情况');
  });

  it('--fix keeps a GBK/GB18030 file (Chinese Windows “ANSI”) in GB18030, CRLF line ends included', async () => {
    const dir = temp();
    const file = join(dir, 'gbk.txt');
    // A Word export saved by Python's GB18030 encoder, with one heading numbered wrong.
    const gbk = readFileSync(join(ROOT, 'packages/parse/test/fixtures/word-report.gb18030.txt'));
    const before = new TextDecoder('gb18030').decode(gbk);
    writeFileSync(file, iconv.encode(before.replace('三、收到和处理政府信息公开申请情况', '3、收到和处理政府信息公开申请情况'), 'gb18030'));
    await cli(['lint', file, '--fix']);
    const after = readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(after)).toThrow();
    const text = new TextDecoder('gb18030').decode(after);
    expect(text).toBe(before);
  });

  it('--quiet shows errors only; --max-warnings fails a run with too many warnings', async () => {
    const quiet = JSON.parse((await cli(['lint', corpus('000'), '--quiet', '--format', 'json'])).stdout) as JsonFinding[];
    expect(quiet.every((f) => f.severity === 'error')).toBe(true);
    const within = await cli(['lint', corpus('000'), '--max-warnings', '10']);
    expect(within.code).toBe(0);
    const over = await cli(['lint', corpus('000'), '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('提示数量超过了 --max-warnings 允许的 1 个');
  });

  it('.nianbaorc.json is found by walking up; a rule can be turned off; a broken config names its file and line', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    const file = join(dir, 'sub', 'deeper', '000.txt');
    copyFileSync(corpus('000'), file);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'section-heading': 'off' } }));
    const off = JSON.parse((await cli(['lint', file, '--format', 'json'])).stdout) as JsonFinding[];
    expect(off.filter((f) => f.ruleId === 'section-heading')).toEqual([]);

    writeFileSync(join(dir, '.nianbaorc.json'), '{\n  "rules": {\n    "section-heading": "loud"\n  }\n}\n');
    const bad = await cli(['lint', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`配置文件有误：${join(dir, '.nianbaorc.json')}:3:5`);
    expect(bad.stdout).toBe('');

    writeFileSync(join(dir, '.nianbaorc.json'), '{ "rules": { ');
    const broken = await cli(['lint', file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/不是有效的 JSON/u);

    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ unknownSetting: 1 }));
    expect((await cli(['lint', file])).stderr).toContain('未知的设置项“unknownSetting”');
  });

  it('inline comments suppress a finding; --report-suppressed lists it with its reason', async () => {
    const dir = temp();
    const file = join(dir, 'report.md');
    writeFileSync(
      file,
      readFileSync(corpus('000'), 'utf8').replace(
        '二、主动公开政府信息的情况',
        '<!-- nianbao-disable-next-line section-heading -- 理由：沿用本地区统一模板的写法 -->\n二、主动公开政府信息的情况',
      ),
    );
    const plain = JSON.parse((await cli(['lint', file, '--format', 'json'])).stdout) as JsonFinding[];
    expect(plain.filter((f) => f.ruleId === 'section-heading')).toHaveLength(2);
    const audit = await cli(['lint', file, '--format', 'json', '--report-suppressed']);
    const withSuppressed = JSON.parse(audit.stdout) as JsonFinding[];
    const suppressed = withSuppressed.filter((f) => f.suppressed);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressed!.reason).toBe('理由：沿用本地区统一模板的写法');
    expect(audit.stderr).toContain('已按注释忽略 1 个');
    const stylish = (await cli(['lint', file, '--report-suppressed'])).stdout;
    expect(stylish).toContain('[已忽略：理由：沿用本地区统一模板的写法]');
  });
});

describe('nianbao lint --previous (cross-year checks)', () => {
  /** Corpus 000 (2023) as last year's report: the same agency, a year earlier, 2 requests carried forward. */
  function lastYearOf000(): string {
    return readFileSync(corpus('000'), 'utf8')
      .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', '南岗区通达街道办事处 2022 年政府信息公开工作年度报告')
      .replace(/2023年1月1日至2023年12月31日/gu, '2022年1月1日至2022年12月31日')
      .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/u, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
  }

  it('--previous FILE: this year’s 上年结转 must equal last year’s 结转下年度, with last year’s file as the related place', async () => {
    const dir = temp();
    const thisYear = join(dir, '通达街道-2023.txt');
    const lastYear = join(dir, '通达街道-2022.txt');
    copyFileSync(corpus('000'), thisYear);
    writeFileSync(lastYear, lastYearOf000());
    const r = await cli(['lint', thisYear, '--previous', lastYear, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const results = (JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!.results;
    const carry = results.filter((x) => x.ruleId === 'carryover');
    expect(carry).toHaveLength(2); // 自然人 and 总计
    expect(carry[0]!.message.text).toContain('上年报告的结转下年度继续办理为 2');
    expect(carry[0]!.relatedLocations?.some((l) => l.physicalLocation.artifactLocation.uri === pathToFileURL(lastYear).href)).toBe(true);
    // Without --previous the cross-year rules do not run.
    expect((JSON.parse((await cli(['lint', thisYear, '--format', 'json'])).stdout) as JsonFinding[]).some((f) => f.ruleId === 'carryover')).toBe(false);
  });

  it('--previous auto pairs the same agency’s report of the year before in the same folder', async () => {
    const dir = temp();
    copyFileSync(corpus('000'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), lastYearOf000());
    copyFileSync(corpus('001'), join(dir, 'c.txt'));
    const findings = JSON.parse((await cli(['lint', dir, '--previous', 'auto', '--format', 'json'])).stdout) as JsonFinding[];
    const carry = findings.filter((f) => f.ruleId === 'carryover');
    expect(carry.map((f) => f.file)).toEqual([join(dir, 'a.txt'), join(dir, 'a.txt')]);
  });

  it('--previous with a file that is not there stops with exit code 2', async () => {
    const r = await cli(['lint', corpus('000'), '--previous', '/nonexistent/2022.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/找不到文件：\/nonexistent\/2022\.txt/u);
  });
});

describe('nianbao lint in a folder of its own (relative paths)', () => {
  it('paths on the command line are relative to the run’s folder, and shown as given', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'reports'));
    copyFileSync(corpus('000'), join(dir, 'reports', 'a.txt'));
    writeFileSync(join(dir, 'reports', 'last.txt'), readFileSync(corpus('000'), 'utf8').replace(/2023/gu, '2022'));
    const r = await cli(['lint', 'reports', '--format', 'json', '--previous', 'reports/last.txt'], dir);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    expect([...files].sort()).toEqual([join('reports', 'a.txt'), join('reports', 'last.txt')]);
    const missing = await cli(['lint', 'reports/a.txt', '--previous', 'nowhere.txt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件：nowhere.txt');
  });
});

describe('nianbao lint --previous refuses a report that cannot be last year’s', () => {
  /** Corpus 000 (南岗区通达街道办事处, 2023) rewritten as another year or another agency. */
  const as = (year: number, agency = '南岗区通达街道办事处'): string =>
    readFileSync(corpus('000'), 'utf8')
      .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', `${agency} ${year} 年政府信息公开工作年度报告`)
      .replace(/2023年1月1日至2023年12月31日/gu, `${year}年1月1日至${year}年12月31日`);

  it('the file itself, another agency’s report, a report not of the year before: exit 2, saying which', async () => {
    const dir = temp();
    const current = join(dir, '2023.txt');
    copyFileSync(corpus('000'), current);
    writeFileSync(join(dir, 'other.txt'), as(2022, '道里区新阳路街道办事处'));
    writeFileSync(join(dir, '2021.txt'), as(2021));

    const itself = await cli(['lint', current, '--previous', current]);
    expect(itself.code).toBe(2);
    expect(itself.stderr).toContain('就是正在检查的报告本身');

    const other = await cli(['lint', current, '--previous', join(dir, 'other.txt')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('是“道里区新阳路街道办事处”的报告，而正在检查的是“南岗区通达街道办事处”的报告');

    const year = await cli(['lint', current, '--previous', join(dir, '2021.txt'), '--locale', 'en']);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('a report for 2021, while the report checked is for 2023: name the 2022 report');
    // No carry-over finding was made from any of them.
    for (const r of [itself, other, year]) expect(r.stdout).not.toContain('carryover');
  });

  it('pairs and checks the year before: no refusal', async () => {
    const dir = temp();
    copyFileSync(corpus('000'), join(dir, '2023.txt'));
    writeFileSync(join(dir, '2022.txt'), as(2022));
    const r = await cli(['lint', join(dir, '2023.txt'), '--previous', join(dir, '2022.txt'), '--format', 'json']);
    expect(r.code, r.stderr).not.toBe(2);
  });
});

describe('a folder of several years pairs each report with the year before, without a flag', () => {
  const as = (year: number, agency = '南岗区通达街道办事处', carriedForward = 0): string =>
    readFileSync(corpus('000'), 'utf8')
      .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', `${agency} ${year} 年政府信息公开工作年度报告`)
      .replace(/2023年1月1日至2023年12月31日/gu, `${year}年1月1日至${year}年12月31日`)
      .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/u, `四、结转下年度继续办理\t\t${carriedForward}\t0\t0\t0\t0\t0\t${carriedForward}`);

  function folder(): string {
    const dir = temp();
    writeFileSync(join(dir, '通达-2021.txt'), as(2021));
    // 2022 carries 2 forward, which the 2023 report (carried over: 0) does not take up.
    writeFileSync(join(dir, '通达-2022.txt'), as(2022, '南岗区通达街道', 2));
    writeFileSync(join(dir, '通达-2023.txt'), as(2023));
    writeFileSync(join(dir, '新阳路-2022.txt'), as(2022, '道里区新阳路街道办事处'));
    return dir;
  }

  it('--print-pairs shows the pairing (办事处 or not), and lints nothing', async () => {
    const dir = folder();
    const r = await cli(['lint', '.', '--print-pairs'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(
      ['新阳路-2022.txt ←（没有配对的上年报告）', '通达-2021.txt ←（没有配对的上年报告）', '通达-2022.txt ← 通达-2021.txt', '通达-2023.txt ← 通达-2022.txt'].sort(),
    );
  });

  it('a folder run gives carryover on the transition that does not hold, and only there', async () => {
    const dir = folder();
    const findings = JSON.parse((await cli(['lint', '.', '--format', 'json'], dir)).stdout) as JsonFinding[];
    const carry = findings.filter((f) => f.ruleId === 'carryover');
    expect(carry.length).toBeGreaterThan(0);
    expect(new Set(carry.map((f) => f.file))).toEqual(new Set(['通达-2023.txt']));
  });
});

describe('.nianbaorc.json suppressions, for files that cannot hold a comment', () => {
  it('suppresses a rule in one file with its reason, listed by --report-suppressed; a reason is required', async () => {
    const dir = temp();
    copyFileSync(corpus('000'), join(dir, 'a.txt'));
    copyFileSync(corpus('000'), join(dir, 'b.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ suppressions: [{ file: 'a.txt', rule: 'section-heading', reason: '沿用本省统一模板的章节标题' }] }));
    const quiet = JSON.parse((await cli(['lint', 'a.txt', 'b.txt', '--format', 'json'], dir)).stdout) as JsonFinding[];
    expect(quiet.filter((f) => f.ruleId === 'section-heading').map((f) => f.file)).toEqual(['b.txt', 'b.txt', 'b.txt']);
    const listed = JSON.parse((await cli(['lint', 'a.txt', '--format', 'json', '--report-suppressed'], dir)).stdout) as Array<JsonFinding & { suppressed?: { reason: string } }>;
    expect(listed.filter((f) => f.ruleId === 'section-heading').map((f) => f.suppressed?.reason)).toEqual(['沿用本省统一模板的章节标题', '沿用本省统一模板的章节标题', '沿用本省统一模板的章节标题']);

    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ suppressions: [{ file: 'a.txt', rule: 'section-heading', reason: '' }] }));
    const refused = await cli(['lint', 'a.txt'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('suppressions');
  });
});
