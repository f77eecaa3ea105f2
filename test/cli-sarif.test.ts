/**
 * SARIF that code scanning can use: the log of `nianbao lint --format sarif` is valid against the SARIF
 * 2.1.0 schema (the copy that ships in @microsoft/jest-sarif, checked with ajv), names the tool's version,
 * links a rule's help only where a page is published (`docsBaseUrl`) and otherwise carries the rule's
 * description as its help — never a file:// path of the machine that ran it — and locates files relative
 * to %SRCROOT% with percent-encoded URIs.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES } from '@nianbao/lint';
import { sarif } from '../packages/cli/src/formatters/sarif.js';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();
const require = createRequire(import.meta.url);

interface SarifRule {
  id: string;
  helpUri?: string;
  help?: { text: string };
  shortDescription: { text: string };
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } };
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: Array<{ ruleId: string; ruleIndex?: number; level: string; locations: SarifLocation[]; relatedLocations?: SarifLocation[] }>;
  }>;
}

/**
 * The SARIF 2.1.0 schema, a draft-04 schema, for ajv (draft-07): `id` becomes `$id`; its three formats
 * are checked here rather than ignored, so a malformed URI fails the test.
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  // Its language pattern is no valid unicode-mode regular expression: plain mode, as the schema was written for.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const isUri = (s: string): boolean => /^[a-z][a-z0-9+.-]*:/iu.test(s) && URL.canParse(s);
  // A URI reference: absolute, or a relative reference with no character a URI may not hold unencoded.
  const isUriReference = (s: string): boolean => isUri(s) || /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/u.test(s);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...rest, $id: String(id) });
}

const validate = sarifValidator();
const version = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

/** A folder with a report under a Chinese name with a space and a `#`, another beside it. */
function folder(): string {
  const dir = temp();
  mkdirSync(join(dir, '报告 2023'));
  copyFileSync(join(CORPUS_DIR, '001_ae5e98d31dd755d7.txt'), join(dir, '报告 2023', '全安街道#1.txt'));
  copyFileSync(join(CORPUS_DIR, '002_8df8c676ffab5338.txt'), join(dir, '南岗区.txt'));
  return dir;
}

describe('nianbao lint --format sarif', () => {
  it('is valid SARIF 2.1.0, names the tool and its version, and links no page that is not published', async () => {
    const dir = folder();
    const r = await cli(['lint', '.', '--format', 'sarif'], dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('nianbao');
    expect(run.tool.driver.version).toBe(version);
    // No repository in package.json: no invented home page either.
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(r.stdout).not.toContain('file://');
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBeUndefined();
      const meta = RULES.find((x) => x.meta.id === rule.id)!.meta;
      expect(rule.help?.text.startsWith(meta.description.zh)).toBe(true);
      expect(rule.shortDescription.text).toBe(meta.description.zh);
    }
    // The schema does reject what is not SARIF: a level it does not know, a region starting at line 0.
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string; locations: SarifLocation[] }> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    broken.runs[0]!.results[0]!.level = 'error';
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!.startLine = 0;
    expect(validate(broken)).toBe(false);
    // Each result's ruleIndex names its rule.
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('locates files relative to %SRCROOT%, percent-encoded', async () => {
    const dir = folder();
    const log = JSON.parse((await cli(['lint', '.', '--format', 'sarif'], dir)).stdout) as SarifLog;
    const run = log.runs[0]!;
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
    const uris = new Set(run.results.flatMap((x) => x.locations.map((l) => l.physicalLocation.artifactLocation)).map((a) => `${a.uriBaseId} ${a.uri}`));
    expect([...uris].sort()).toEqual(['%SRCROOT% %E5%8D%97%E5%B2%97%E5%8C%BA.txt', '%SRCROOT% %E6%8A%A5%E5%91%8A%202023/%E5%85%A8%E5%AE%89%E8%A1%97%E9%81%93%231.txt']);
    expect(decodeURIComponent('%E6%8A%A5%E5%91%8A%202023')).toBe('报告 2023');
  });

  it('links each rule to its page under docsBaseUrl when the configuration sets one', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ root: true, docsBaseUrl: 'https://nianbao.example.org/rules/' }));
    const log = JSON.parse((await cli(['lint', '.', '--format', 'sarif'], dir)).stdout) as SarifLog;
    expectValid(log);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(2);
    for (const rule of rules) expect(rule.helpUri).toBe(`https://nianbao.example.org/rules/${rule.id}.md`);
  });

  it('a file outside the run’s folder is an absolute file URL; a file inside it, relative (the formatter given the folder)', () => {
    const findings = (file: string) => ({
      file,
      text: 'x\n',
      diagnostics: [
        {
          ruleId: 'placeholder',
          severity: 'warning' as const,
          message: 'm',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          startOffset: 0,
          endOffset: 1,
          url: 'file:///somewhere/docs/rules/placeholder.md',
          related: [{ file: '/elsewhere/上年 报告.txt', line: 2, column: 1, endLine: 2, endColumn: 3, message: 'r' }],
        },
      ],
    });
    const log = JSON.parse(sarif([findings('/work/run/报告.txt')], { locale: 'en', color: false, rules: RULES, cwd: '/work/run' })) as SarifLog;
    expectValid(log);
    const result = log.runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: '%E6%8A%A5%E5%91%8A.txt', uriBaseId: '%SRCROOT%' });
    expect(result.relatedLocations![0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/%E4%B8%8A%E5%B9%B4%20%E6%8A%A5%E5%91%8A.txt' });
    // The engine's file:// link to the installed docs is not a page anyone else can open.
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBeUndefined();
    expect(log.runs[0]!.tool.driver.rules[0]!.help?.text).toContain(RULES.find((r) => r.meta.id === 'placeholder')!.meta.description.en);
  });
});
