import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

interface JsonFinding {
  ruleId: string;
  line: number;
  place?: string;
  unappliedFix?: { text: string };
}

const temp = useTempDirs();

describe('nianbao lint on a PDF and a web page (the CLI)', () => {
  it('a PDF finding says where it is: page and line, in JSON and in the text output', async () => {
    const pdf = join(CORPUS_DIR, '010_hongze_gov_2024.pdf');
    const json = await cli(['lint', pdf, '--format', 'json']);
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.stdout) as JsonFinding[];
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['text-mismatch', 'table-label', 'table-shape']));
    for (const f of findings) expect(f.place, f.ruleId).toMatch(/^第\d+页 第\d+行$/u);
    const label = findings.find((f) => f.ruleId === 'table-label')!;
    expect(label.place).toMatch(/^第3页 /u);
    const text = await cli(['lint', pdf]);
    expect(text.stdout).toContain(label.place!);
  });

  it('--fix in a web page changes the text of the one element, and every other byte stays', async () => {
    const canonical = readFileSync(join(CORPUS_DIR, '011_pingtan_2024.html'), 'utf8');
    // A heading in its accepted variant wording: section-heading offers the canonical words as a fix.
    const variant = canonical.replace('>二、主动公开政府信息情况</span>', '>二、主动公开政府信息的情况</span>');
    expect(variant).not.toBe(canonical);
    const file = join(temp(), 'page.html');
    writeFileSync(file, variant);
    const before = JSON.parse((await cli(['lint', file, '--format', 'json'])).stdout) as JsonFinding[];
    const heading = before.find((f) => f.ruleId === 'section-heading')!;
    // The finding points into the HTML source, at the heading's own line.
    expect(variant.split('\n')[heading.line - 1]).toContain('二、主动公开政府信息的情况');
    await cli(['lint', file, '--fix']);
    expect(readFileSync(file, 'utf8')).toBe(canonical);
  });
});
