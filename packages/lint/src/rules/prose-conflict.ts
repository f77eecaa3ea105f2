import type { Span } from '@nianbao/parse';
import { OTHER_SCOPE, SPREAD } from '../prose-quantities.js';
import { COMPARISON, flatSpan, yearsIn, flatSentence } from '../text-scan.js';
import type { Rule } from '../types.js';

/**
 * The same figure stated twice with different numbers: `全年主动公开政府信息20条` in 一, `主动公开政府信息
 * 32条` in 六 — one of them is out of date. Only figures the tables do not hold (those are
 * `text-mismatch`'s) and only their plainest wording, so that two counts of different things are
 * never taken for one.
 */

interface Figure {
  id: string;
  name: { zh: string; en: string };
  /** The wording, up to and including the count (group 1), matched against whitespace-free text. */
  pattern: RegExp;
}

const FIGURES: readonly Figure[] = [
  {
    id: 'activeDisclosed',
    name: { zh: '主动公开的政府信息', en: 'information proactively disclosed' },
    pattern: /(?<![在未应])主动公开(?:政府)?信息(?:共计|总计|合计|共)?(?:为|达)?(\d+)条/dgu,
  },
  {
    id: 'policyReadings',
    name: { zh: '政策解读', en: 'policy readings' },
    pattern: /(?:发布|开展|制作)(?:各类)?政策解读(?:材料|稿件|信息)?(?:共计|共)?(\d+)(?:篇|条|期|件)/dgu,
  },
];

interface Stated {
  figure: Figure;
  value: number;
  span: Span;
}

const rule: Rule = {
  meta: {
    id: 'prose-conflict',
    description: {
      zh: '正文两次说到同一个数量却写了不同的数字',
      en: 'The text states the same figure twice with different numbers',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '报告常在“总体情况”和后面的部分重复同一个数字，改了一处忘了另一处。本规则只看表格中没有的数量，并且只认它们最直白的写法：主动公开政府信息X条；发布（开展、制作）政策解读X篇。同一数量在两处写了不同的数字时，在后一处报告警告并链接前一处。含同比、累计、各部门等其他范围、“分别”“平均”和其他年份的句子不算；表格里有的数量（收到、办结、予以公开、行政复议……）由 text-mismatch 核对。',
      en: 'Reports often repeat a figure in the overview and again later, and correct one place only. Only figures the tables do not hold, in their plainest wording: 主动公开政府信息X条 (information proactively disclosed); 发布（开展、制作）政策解读X篇 (policy readings). Where the same figure is stated with two numbers, the later place gets a warning linked to the earlier one. Sentences with comparisons, cumulative figures, another scope (各部门), 分别/平均 or another year do not count; the figures the tables hold are text-mismatch’s.',
    },
    messages: {
      conflict: {
        zh: '正文写{what} {stated}，与第 {line} 行所写的 {earlier} 不一致：请核对哪一个是对的。',
        en: 'The text gives {what} as {stated}, but line {line} gives {earlier}: check which is right.',
      },
      earlier: { zh: '此处写为 {earlier}', en: 'Stated here as {earlier}' },
    },
    examples: [
      {
        title: { zh: '前后两处数字不一致', en: 'Two places, two numbers' },
        input: '一、总体情况\n\n全年主动公开政府信息20条。\n\n六、其他需要报告的事项\n\n本年度主动公开政府信息32条。\n',
        findings: [{ line: 7, column: 12, endLine: 7, endColumn: 14, message: '正文写主动公开的政府信息 32，与第 3 行所写的 20 不一致：请核对哪一个是对的。' }],
      },
      {
        title: { zh: '一致，或说的是别的范围', en: 'Agreeing, or of another scope' },
        input: '一、总体情况\n\n全年主动公开政府信息20条。\n\n六、其他需要报告的事项\n\n本年度主动公开政府信息20条，各部门主动公开信息共500条，累计主动公开信息3000条。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const first = new Map<string, Stated>();
    for (const paragraph of document.paragraphs) {
      for (const sentence of paragraph.sentences) {
        if (!/\d/u.test(sentence.text)) continue;
        const flat = flatSentence(sentence);
        const text = flat.text;
        if (COMPARISON.test(text) || OTHER_SCOPE.test(text) || SPREAD.test(text)) continue;
        if (yearsIn(text).some((y) => !y.inTitle && y.year !== document.reportYear)) continue;
        for (const figure of FIGURES) {
          const found = [...text.matchAll(figure.pattern)];
          // Two counts of it in one sentence (a total and a part): neither is the figure beyond doubt.
          if (found.length !== 1) continue;
          const m = found[0]!;
          const [from, to] = m.indices![1]!;
          const stated: Stated = { figure, value: Number(m[1]), span: flatSpan(document, flat, from, to) };
          const earlier = first.get(figure.id);
          if (!earlier) {
            first.set(figure.id, stated);
            continue;
          }
          if (earlier.value === stated.value) continue;
          context.report({
            messageId: 'conflict',
            data: { what: figure.name[context.locale], stated: stated.value, earlier: earlier.value, line: earlier.span.start.line },
            span: stated.span,
            related: [{ span: earlier.span, messageId: 'earlier', data: { earlier: earlier.value } }],
          });
        }
      }
    }
  },
};

export default rule;
