/**
 * A report written in Markdown inside a blockquote (`> ` before every line, as some editors and web
 * copies write it): its tables and headings are the report's all the same. Generated from the same data
 * as the Markdown layout, quoted, and read back: the same tables, the same findings.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport, toReportData } from '../src/index.js';
import { compose } from '../../../test/helpers/layouts/compose.js';
import { randomReport } from '../../../test/helpers/layouts/data.js';
import { FAULT_KINDS, injectFault } from '../../../test/helpers/layouts/faults.js';
import { LAYOUTS } from '../../../test/helpers/layouts/layouts.js';

const quote = (text: string, marker: string): string => text.split('\n').map((line) => `${marker}${line}`).join('\n');
const findings = (text: string): string[] => lint(parseReport(text, { fileName: 'r.md' })).filter((d) => d.severity !== 'info').map((d) => `${d.ruleId} ${d.severity} ${d.line}`);

describe('a Markdown report quoted line by line', () => {
  it.each(['> ', '>', ' > '])('quoted with %j: the same data, and the same findings on the same lines, clean and with a fault', async (marker) => {
    for (let seed = 1; seed <= 12; seed++) {
      const data = randomReport(seed);
      const plain = (await LAYOUTS.markdown.write(compose(data, { seed }), { seed })) as string;
      const quoted = quote(plain, marker);
      const back = toReportData(parseReport(quoted, { fileName: 'r.md' }), { reportYear: data.reportYear });
      const expected = toReportData(parseReport(plain, { fileName: 'r.md' }), { reportYear: data.reportYear });
      expect(back.ok && expected.ok && back.data.tables, `seed ${seed}`).toEqual(expected.ok && expected.data.tables);
      expect(findings(quoted), `seed ${seed}`).toEqual(findings(plain));
      const fault = injectFault(data, FAULT_KINDS[seed % FAULT_KINDS.length]!, seed, { composeSeed: seed });
      const faulty = (await LAYOUTS.markdown.write(fault.doc, { seed })) as string;
      expect(findings(quote(faulty, marker)), `seed ${seed}: ${fault.detail}`).toEqual(findings(faulty));
    }
  });

  // A table's lines indented (2 or 4 spaces, or under a list item) or quoted twice: each is still the table.
  const indentTables = (text: string, pad: string): string => text.split('\n').map((line) => (line.startsWith('|') ? pad + line : line)).join('\n');
  const underListItems = (text: string): string => {
    const out: string[] = [];
    let inTable = false;
    for (const line of text.split('\n')) {
      const row = line.startsWith('|');
      if (row && !inTable) out.push('- 见下表：', '');
      out.push(row ? `  ${line}` : line);
      inTable = row;
    }
    return out.join('\n');
  };
  const CONTAINERS: Array<[string, (text: string) => string, boolean]> = [
    ['quoted twice', (text) => quote(text, '> > '), true],
    ['tables indented 2 spaces', (text) => indentTables(text, '  '), true],
    ['tables indented 4 spaces', (text) => indentTables(text, '    '), true],
    ['tables under a list item', underListItems, false],
  ];
  it.each(CONTAINERS)('%s: the same data and the same findings, clean and with a fault', async (_name, wrap, sameLines) => {
    const shown = (text: string): string[] => findings(text).map((f) => (sameLines ? f : f.replace(/ \d+$/, '')));
    for (let seed = 1; seed <= 8; seed++) {
      const data = randomReport(seed);
      const plain = (await LAYOUTS.markdown.write(compose(data, { seed }), { seed })) as string;
      const wrapped = wrap(plain);
      const back = toReportData(parseReport(wrapped, { fileName: 'r.md' }), { reportYear: data.reportYear });
      const expected = toReportData(parseReport(plain, { fileName: 'r.md' }), { reportYear: data.reportYear });
      expect(back.ok && expected.ok && back.data.tables, `seed ${seed}`).toEqual(expected.ok && expected.data.tables);
      expect(shown(wrapped), `seed ${seed}`).toEqual(shown(plain));
      const fault = injectFault(data, FAULT_KINDS[seed % FAULT_KINDS.length]!, seed, { composeSeed: seed });
      const faulty = (await LAYOUTS.markdown.write(fault.doc, { seed })) as string;
      expect(shown(wrap(faulty)), `seed ${seed}: ${fault.detail}`).toEqual(shown(faulty));
    }
  });

  it('keeps the quoted cells at their places in the file', () => {
    const text = quote('# 某某市某某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n| 项目 | 数量 |\n| --- | --- |\n| 一、本年新收政府信息公开申请数量 | 95 |\n', '> ');
    const doc = parseReport(text, { fileName: 'r.md' });
    expect(doc.sections.map((s) => s.id)).toEqual(['overview']);
    expect(text.slice(doc.sections[0]!.heading!.span.start.offset, doc.sections[0]!.heading!.span.end.offset)).toContain('一、总体情况');
    const table = doc.tables.find((t) => t.id === 'applications');
    const cell = table?.rows.flatMap((r) => r.cells).find((c) => c.value === 95);
    expect(cell && text.slice(cell.span.start.offset, cell.span.end.offset)).toBe('95');
  });

  it('leaves a `>` inside a line, and a report without quotes, as they are', () => {
    const text = '# 某某市某某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n办结率>95%，答复 > 0 件。\n';
    const doc = parseReport(text, { fileName: 'r.md' });
    expect(doc.paragraphs.flatMap((p) => p.sentences).map((s) => s.text).join('')).toContain('办结率>95%');
  });
});
