import { FORMATS, sectionSpec, type SectionId } from '@nianbao/format';
import { renderEnumerator, sectionEnumerators, shiMarkers, SIBLING_STYLE, spanOf, STYLE_RANK, type EnumeratorItem, type EnumeratorStyle } from '../structure.js';
import { cjkNumeral } from '@nianbao/format';
import type { ReportDescriptor, Rule, RuleContext } from '../types.js';

type Report = (d: ReportDescriptor) => void;

/**
 * A run of enumerators of one bracket family whose numbers follow on from each other across the two
 * styles (`（1）（二）（三）`): one list written in two styles.
 */
interface MixedRun {
  items: EnumeratorItem[];
}

/** Reports the items of the run written in the less used style; on a tie, the lower level's style (（1）, 1.). */
function reportMixed(run: MixedRun, context: RuleContext): void {
  const counts = new Map<EnumeratorStyle, number>();
  for (const i of run.items) counts.set(i.style, (counts.get(i.style) ?? 0) + 1);
  const styles = [...counts.keys()];
  if (styles.length < 2) return;
  const [a, b] = styles as [EnumeratorStyle, EnumeratorStyle];
  const ca = counts.get(a)!;
  const cb = counts.get(b)!;
  const minority = ca < cb ? a : cb < ca ? b : STYLE_RANK[a] > STYLE_RANK[b] ? a : b;
  const majority = minority === a ? b : a;
  const example = run.items.find((i) => i.style === majority)!;
  for (const item of run.items) {
    if (item.style !== minority) continue;
    const expected = renderEnumerator(item, majority, item.value);
    const lead = item.text.length - item.text.trimStart().length;
    const start = item.start + lead;
    const end = item.start + item.text.trimEnd().length;
    context.report({
      messageId: 'styleMix',
      data: { found: item.text.trim(), other: example.text.trim(), expected, section: sectionSpec(item.section).numeral },
      span: spanOf(context.document, item.start, end),
      // The number the list means is known (it follows on); only its style changes: `（1）` → `（一）`.
      fix: { start, end, text: expected },
      related: [{ span: spanOf(context.document, example.start, example.start + example.text.trimEnd().length), messageId: 'sameList', data: { found: example.text.trim() } }],
    });
  }
}

/**
 * Checks the paragraph-leading enumerators of one section. Each style is a level (一、 （一） 1. （1））
 * and a higher level's item restarts the lower levels. A list may restart at 1, and a lower level may
 * go on counting across its parents (（1）（2）（二）（3）): neither is reported, as both are seen in
 * good reports. What is reported: a number that does not follow the one before it at its level, and a
 * list that only follows on when read across the two styles of one bracket family — `（1）（二）（三）`.
 */
function checkEnumerators(items: readonly EnumeratorItem[], context: RuleContext): void {
  const counter = new Map<EnumeratorStyle, number>();
  /** The last number of each style whatever the resets, for lists counting on across parents. */
  const lastOfStyle = new Map<EnumeratorStyle, EnumeratorItem>();
  /** Per bracket family, the items whose numbers follow on from each other, any style. */
  const chains = new Map<EnumeratorStyle, EnumeratorItem[]>();
  const mixed = new Map<EnumeratorStyle, MixedRun>();
  const family = (s: EnumeratorStyle): EnumeratorStyle => (STYLE_RANK[s] < STYLE_RANK[SIBLING_STYLE[s]] ? s : SIBLING_STYLE[s]);

  const closeRun = (f: EnumeratorStyle): void => {
    const run = mixed.get(f);
    if (run) reportMixed(run, context);
    mixed.delete(f);
  };

  for (const item of items) {
    const f = family(item.style);
    const chain = chains.get(f) ?? [];
    const previousInFamily = chain[chain.length - 1];
    const continuesChain = previousInFamily !== undefined && item.value === previousInFamily.value + 1;
    const nextChain = continuesChain ? [...chain, item] : [item];
    chains.set(f, nextChain);

    const run = mixed.get(f);
    if (run && continuesChain) run.items.push(item);
    else if (run) closeRun(f);

    const expected = (counter.get(item.style) ?? 0) + 1;
    const last = lastOfStyle.get(item.style);
    const fits = item.value === expected || item.value === 1 || (last !== undefined && item.value === last.value + 1);
    if (!fits) {
      const crossStyle = continuesChain && previousInFamily.style !== item.style;
      if (crossStyle) {
        if (!mixed.has(f)) mixed.set(f, { items: nextChain });
      } else if (item.value > expected) {
        const before = last && (counter.get(item.style) ?? 0) > 0 ? last.text.trim() : '';
        context.report({
          messageId: before ? 'skipped' : 'skippedFirst',
          data: { found: item.text.trim(), previous: before, expected: renderEnumerator(item, item.style, expected) },
          span: spanOf(context.document, item.start, item.start + item.text.trimEnd().length),
        });
      } else if (item.value === expected - 1 && last) {
        context.report({
          messageId: 'repeated',
          data: { found: item.text.trim(), expected: renderEnumerator(item, item.style, expected) },
          span: spanOf(context.document, item.start, item.start + item.text.trimEnd().length),
          related: [{ span: spanOf(context.document, last.start, last.start + last.text.trimEnd().length), messageId: 'earlier', data: { found: last.text.trim() } }],
        });
      }
      // A number further back (（三） after （五）) may be a second list whose first item lost its
      // enumerator: it cannot be told from a fault, so it only restarts the count.
    }
    counter.set(item.style, item.value);
    lastOfStyle.set(item.style, item);
    for (const [style] of counter) if (STYLE_RANK[style] > STYLE_RANK[item.style]) counter.set(style, 0);
  }
  for (const f of [...mixed.keys()]) closeRun(f);
}

/**
 * Checks the `一是…二是…三是` runs of one section, counted across paragraph breaks (PDF export splits
 * paragraphs). `一是` starts a run; a number that skips ahead or repeats the one before is a fault. A
 * number further back, or a run that does not start at `一是`, cannot be told from a second list phrased
 * differently: left alone.
 */
function checkShi(context: RuleContext, report: Report, markers: ReturnType<typeof shiMarkers>): void {
  let last: (typeof markers)[number] | undefined;
  for (const m of markers) {
    if (!m.strong) {
      // A marker glued to a word only counts as the next number of an open run.
      if (last && m.value === last.value + 1) last = m;
      continue;
    }
    if (m.value === 1) {
      last = m;
      continue;
    }
    if (!last) continue;
    const span = spanOf(context.document, m.start, m.end);
    if (m.value > last.value + 1) {
      report({
        messageId: 'shiSkipped',
        data: { found: m.text, previous: last.text, expected: `${cjkNumeral(last.value + 1)}是` },
        span,
        related: [{ span: spanOf(context.document, last.start, last.end), messageId: 'earlier', data: { found: last.text } }],
      });
      last = m;
    } else if (m.value === last.value) {
      report({
        messageId: 'shiRepeated',
        data: { found: m.text, expected: `${cjkNumeral(last.value + 1)}是` },
        span,
        related: [{ span: spanOf(context.document, last.start, last.end), messageId: 'earlier', data: { found: last.text } }],
      });
    } else if (m.value === last.value + 1) {
      last = m;
    } else {
      last = undefined;
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'subsection-numbering',
    description: {
      zh: '章节内的小标题序号和“一是、二是”列举应连续、样式统一',
      en: 'Sub-heading numbers and 一是/二是 enumerations within a section run on in one style',
    },
    severity: 'warning',
    fixable: true,
    details: {
      zh: '在每个章节内检查：段首序号（（一）（二）…、1. 2. …、（1）（2）…）是否跳号、重号；同一组序号是否混用了两种样式，如 `（1）` 后接 `（二）（三）`；“一是、二是、三是”列举是否跳号或重号。“一是…”的列举跨段落连续计数（PDF 导出常把一段拆成几段），遇到新的“一是”重新开始。混用样式的序号可以用 `--fix` 改为同组多数的样式（`（1）` → `（一）`），其余问题不自动修复。全角半角括号（`(一)` 与 `（二）`）和空格的差异是转换噪声，不报告。各级序号按公文惯例一、（一）1.（1）分层，上级序号出现时下级重新计数；从 1 重新开始的列表、跨上级连续编号的下级序号都是常见写法，不报告。序号往回跳（`（五）` 后出现 `（三）`）或列举不从“一是”开始时，无法区分是错误还是另起一组，也不报告。引用条款的 `第（一）项` 不算段首序号。',
      en: 'Within each section: paragraph-leading numbers ((一)(二)…, 1. 2. …, (1)(2)…) that skip or repeat; one list written in two styles, such as `（1）` followed by `（二）（三）`; and `一是、二是、三是` enumerations that skip or repeat. The 一是 runs are counted across paragraph breaks (PDF export splits paragraphs) and restart at each 一是. `--fix` rewrites a number of the other style in the style of the rest of its list (`（1）` → `（一）`); nothing else is fixed. Full- versus half-width brackets and spaces are conversion noise, not reported. Levels follow the customary 一、 （一） 1. （1） hierarchy: a higher level restarts the lower ones; a list restarting at 1, or a lower level counting on across its parents, is common and not reported. A number going back (（三） after （五）) or a run not starting at 一是 cannot be told from a new list, and is left alone. A cited item (`第（一）项`) is not an enumerator.',
    },
    messages: {
      styleMix: {
        zh: '第{section}部分的序号“{found}”与同一组的“{other}”样式不一致：同一层级的序号应统一，此处应为“{expected}”。',
        en: 'In section {section}, “{found}” is numbered in another style than “{other}” of the same list; one level uses one style: expected “{expected}”.',
      },
      skipped: {
        zh: '序号“{found}”跳号：前一个是“{previous}”，应为“{expected}”。',
        en: 'Number “{found}” skips: the one before is “{previous}”; expected “{expected}”.',
      },
      skippedFirst: {
        zh: '序号“{found}”跳号：本层级前面没有更小的序号，应从“{expected}”开始。',
        en: 'Number “{found}” skips: nothing before it at this level; expected “{expected}” first.',
      },
      repeated: {
        zh: '序号“{found}”重复：前面已有“{found}”，应为“{expected}”。',
        en: 'Number “{found}” is repeated: it was used just before; expected “{expected}”.',
      },
      shiSkipped: {
        zh: '列举“{found}”跳号：前一项是“{previous}”，应为“{expected}”。',
        en: 'Enumeration “{found}” skips: the item before is “{previous}”; expected “{expected}”.',
      },
      shiRepeated: {
        zh: '列举“{found}”重复：前一项也是“{found}”，应为“{expected}”。',
        en: 'Enumeration “{found}” is repeated: the item before is also “{found}”; expected “{expected}”.',
      },
      sameList: { zh: '同一组序号中的“{found}”', en: '“{found}” in the same list' },
      earlier: { zh: '前一项“{found}”', en: 'the item before, “{found}”' },
    },
    examples: [
      {
        title: { zh: '（1）后接（二）', en: '（1） followed by （二）' },
        input: '一、总体情况\n\n（1）主动公开。全年主动公开信息29条。\n\n（二）依申请公开。全年未收到申请。\n\n（三）政府信息管理。制度健全。\n',
        findings: [{ line: 3, column: 1, endLine: 3, endColumn: 4, message: '第一部分的序号“（1）”与同一组的“（二）”样式不一致：同一层级的序号应统一，此处应为“（一）”。' }],
        fixed: '一、总体情况\n\n（一）主动公开。全年主动公开信息29条。\n\n（二）依申请公开。全年未收到申请。\n\n（三）政府信息管理。制度健全。\n',
      },
      {
        title: { zh: '跨段落的“一是…三是”跳号', en: '一是 … 三是 across a paragraph break' },
        input: '五、存在的主要问题及改进情况\n\n存在的问题：一是公开不够及时；\n\n三是解读不够深入。\n',
        findings: [{ line: 5, column: 1, endLine: 5, endColumn: 3, message: '列举“三是”跳号：前一项是“一是”，应为“二是”。' }],
      },
      {
        title: { zh: '小标题重号', en: 'A repeated sub-heading number' },
        input: '一、总体情况\n\n（一）主动公开\n\n（二）依申请公开\n\n（二）政府信息管理\n',
        findings: [{ line: 7, column: 1, endLine: 7, endColumn: 4, message: '序号“（二）”重复：前面已有“（二）”，应为“（三）”。' }],
      },
      {
        title: { zh: '序号连续，括号全半角不同', en: 'Consecutive, brackets of both widths' },
        input:
          '五、存在的主要问题及改进情况\n\n(一) 存在问题。一是信息公开不够及时；\n\n二是解读不够深入。\n\n（二）改进措施。一是加强培训；二是完善制度。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const report: Report = (d) => context.report(d);
    const bySection = new Map<SectionId, EnumeratorItem[]>();
    // Sections are checked apart; a section written twice is section-order's finding, and its two
    // copies are counted as one section here.
    for (const item of sectionEnumerators(document, [FORMATS[2019], FORMATS[2021]])) {
      const list = bySection.get(item.section) ?? [];
      list.push(item);
      bySection.set(item.section, list);
    }
    for (const items of bySection.values()) checkEnumerators(items, context);

    const markers = shiMarkers(document);
    const sectionsOrder = [...new Set(markers.map((m) => m.section))];
    for (const id of sectionsOrder) checkShi(context, report, markers.filter((m) => m.section === id));
  },
};

export default rule;
