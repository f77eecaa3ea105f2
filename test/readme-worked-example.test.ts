/**
 * The README's worked example, from last year's report to the Word file and the web page, run as
 * written: each `$ nianbao …` line of its console block is run (in process) in a fresh folder holding
 * the bundled example as `2023年报.txt`, and what it prints must be exactly what the README shows under
 * it. The two steps a person does by hand stand as `# 填写` (fill in the data) and `# 写正文` (write
 * the prose); the test does them the simplest honest way.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';

const temp = useTempDirs();

type Step = { kind: 'command'; args: string[]; expected: string } | { kind: 'fill' } | { kind: 'prose' };

/** The console block under the worked example's heading, as steps. */
function worked(): Step[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### 从数据到发布的网页'));
  const block = /```console\n([^]*?)```/u.exec(section)?.[1];
  if (!block) throw new Error('README: no console block under the worked example');
  const steps: Step[] = [];
  let current: Extract<Step, { kind: 'command' }> | undefined;
  const lines: string[] = [];
  const close = (): void => {
    if (current) current.expected = lines.join('\n');
    lines.length = 0;
    current = undefined;
  };
  for (const line of block.replace(/\n$/u, '').split('\n')) {
    if (line.startsWith('$ nianbao ')) {
      close();
      current = { kind: 'command', args: line.slice('$ nianbao '.length).split(' '), expected: '' };
      steps.push(current);
    } else if (line.startsWith('# 填写')) {
      close();
      steps.push({ kind: 'fill' });
    } else if (line.startsWith('# 写正文')) {
      close();
      steps.push({ kind: 'prose' });
    } else if (current) lines.push(line);
    else throw new Error(`README: a line outside any step: ${line}`);
  }
  close();
  return steps;
}

/** What the author fills in: every blank count 0, the documents in force as last year, a publication date. */
function fill(file: string): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    publicationDate: string | null;
    previousYear: { inForce: { regulations: number; normativeDocuments: number } };
    tables: { activeDisclosure: Record<string, Record<string, number | null>> } & Record<string, unknown>;
  };
  const zero = (o: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(o)) {
      if (v === null) o[k] = 0;
      else if (typeof v === 'object') zero(v as Record<string, unknown>);
    }
  };
  zero(data.tables);
  data.tables.activeDisclosure['regulations']!['inForce'] = data.previousYear.inForce.regulations;
  data.tables.activeDisclosure['normativeDocuments']!['inForce'] = data.previousYear.inForce.normativeDocuments;
  data.publicationDate = '2025-01-20';
  writeFileSync(file, JSON.stringify(data, null, 2));
}

/** What the author writes: a sentence where the skeleton says 待填写. */
function prose(file: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('待填写');
  writeFileSync(file, text.replace(/<!-- 待填写：[^]*?-->/gu, '本年度按照《条例》要求认真做好该项工作。'));
}

describe('the README’s worked example', () => {
  it('runs as written, each command printing exactly what the README shows', async () => {
    const dir = temp();
    copyFileSync(join(ROOT, 'examples/2023-平房区-年度报告.txt'), join(dir, '2023年报.txt'));
    const steps = worked();
    expect(steps.filter((s) => s.kind === 'command').map((s) => (s as { args: string[] }).args.slice(0, 1)[0])).toEqual(['init', 'generate', 'lint', 'generate', 'generate', 'render', 'render']);
    for (const step of steps) {
      if (step.kind === 'fill') fill(join(dir, '2024.json'));
      else if (step.kind === 'prose') prose(join(dir, '2024年报.md'));
      else {
        const r = await cli(step.args, dir);
        const printed = `${r.stdout}${r.stderr}`.replace(/\n$/u, '');
        expect(printed, `nianbao ${step.args.join(' ')}`).toBe(step.expected);
        expect(r.code, `nianbao ${step.args.join(' ')}`).toBe(0);
      }
    }
    for (const file of ['2024年报.docx', '2024年报.html', '2024年报-数据.html']) expect(existsSync(join(dir, file)), file).toBe(true);
    // The Word file is the report: extract reads its data back.
    const extracted = await cli(['extract', '2024年报.docx'], dir);
    expect(extracted.code).toBe(0);
    expect(JSON.parse(extracted.stdout).reportYear).toBe(2024);
  });
});
