/**
 * Misspelt labels, generated from every row label of the format's Table 三 (both formats): a dropped,
 * doubled, swapped or look-alike character. Each is read as its row (its numbers placed) and reported by
 * table-label with the canonical label as the fix — by the general matcher, not a list of typos.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS, normalizeLabel, splitNumbering } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';

/** Characters often confused in typing and OCR. */
const LOOK_ALIKE: Record<string, string> = { 再: '在', 在: '再', 已: '己', 己: '已', 申: '由', 处: '外', 理: '里', 公: '么', 开: '并', 复: '夏', 议: '义', 诉: '拆', 政: '正', 府: '付', 信: '言', 息: '思' };

/** Typos of a label's text (after its numbering), each a plausible slip. */
function typos(core: string): Array<{ kind: string; text: string }> {
  const out: Array<{ kind: string; text: string }> = [];
  const chars = [...core];
  const at = Math.floor(chars.length / 2);
  out.push({ kind: 'dropped', text: [...chars.slice(0, at), ...chars.slice(at + 1)].join('') });
  out.push({ kind: 'doubled', text: [...chars.slice(0, at + 1), chars[at]!, ...chars.slice(at + 1)].join('') });
  if (chars[at] !== chars[at + 1] && at + 1 < chars.length) out.push({ kind: 'swapped', text: [...chars.slice(0, at), chars[at + 1]!, chars[at]!, ...chars.slice(at + 2)].join('') });
  const k = chars.findIndex((c) => LOOK_ALIKE[c] !== undefined);
  if (k >= 0) out.push({ kind: 'look-alike', text: [...chars.slice(0, k), LOOK_ALIKE[chars[k]!]!, ...chars.slice(k + 1)].join('') });
  return out.filter((t) => t.text !== core);
}

for (const year of [2019, 2021] as const) {
  const spec = FORMATS[year].tables.applications;
  const header = `| 项目 | ${spec.columns.map((c) => c.label).join(' | ')} |\n|${' --- |'.repeat(spec.columns.length + 1)}`;
  // Labels long enough for one slip to leave them recognisable (a two-character 其他 is not).
  const rows = spec.rows.filter((r) => splitNumbering(normalizeLabel(r.label)).core.length >= 6);
  describe(`Table 三 (${year} format): every row label with a slip in it`, () => {
    it.each(rows.flatMap((r) => typos(splitNumbering(normalizeLabel(r.label)).core).map((t) => ({ row: r, ...t }))))('$row.id, $kind', ({ row, text }) => {
      const numbering = splitNumbering(normalizeLabel(row.label)).numbering;
      const label = `${numbering}${text}`;
      const reportYear = year === 2021 ? 2023 : 2020;
      const doc = parseReport(`某某局${reportYear}年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n${header}\n| ${label} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n`);
      const table = doc.tables.find((t) => t.id === 'applications')!;
      const placed = table.rows.find((r) => r.id === row.id);
      expect(placed?.cells.map((c) => c.value), `${label} read as ${row.id}`).toEqual([1, 0, 0, 0, 0, 0, 1]);
      const findings = lint(doc).filter((d) => d.ruleId === 'table-label');
      expect(findings.map((d) => d.message).join('\n'), label).toContain(`应为“${row.label}”`);
    });
  });
}
