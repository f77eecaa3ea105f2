import type { SectionNode } from '@nianbao/parse';
import { headingOf, mainSections } from '../structure.js';
import { headingsDocument } from '../examples.js';
import type { Rule } from '../types.js';

/**
 * The sections that are in order: the longest run of them whose canonical ranks increase in document
 * order. The rest are the ones out of place; moving them is the smallest change that orders the report.
 */
function inOrder(sections: readonly SectionNode[], rank: (s: SectionNode) => number): Set<SectionNode> {
  const n = sections.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (rank(sections[j]!) < rank(sections[i]!) && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (length[i]! > length[best]!) best = i;
  const kept = new Set<SectionNode>();
  for (let i = n > 0 ? best : -1; i >= 0; i = previous[i]!) kept.add(sections[i]!);
  return kept;
}

const rule: Rule = {
  meta: {
    id: 'section-order',
    description: {
      zh: '六个部分应按一至六的顺序排列，每部分只出现一次',
      en: 'The six sections come in order, one to six, each once',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '国家格式规定了六个部分的顺序，读者和汇总统计都按这个顺序查找内容。顺序按标题认出的部分判断（标题序号写错的，如 `3、 收到和处理…`，仍按它的措辞算作第三部分）。报告的是使其余部分保持顺序所需移动的最少章节；同一部分出现第二次时，在第二次出现处报告。缺少的部分由 section-missing 报告。',
      en: 'The national format fixes the order of the six sections; readers and those who compile the reports look for content in that order. Sections are recognised by their heading’s words (a wrong numeral such as `3、 收到和处理…` is still section 三). The fewest sections that must move for the rest to be in order are reported; a section that appears a second time is reported where it does. Missing sections are section-missing’s.',
    },
    messages: {
      before: {
        zh: '第{numeral}部分“{found}”位置不对：应位于“{other}”之前，六个部分应按一至六的顺序排列。',
        en: 'Section {numeral} “{found}” is out of place: it belongs before “{other}”; the six sections come in order, one to six.',
      },
      after: {
        zh: '第{numeral}部分“{found}”位置不对：应位于“{other}”之后，六个部分应按一至六的顺序排列。',
        en: 'Section {numeral} “{found}” is out of place: it belongs after “{other}”; the six sections come in order, one to six.',
      },
      duplicate: {
        zh: '第{numeral}部分“{found}”重复出现：第 {line} 行已有“{first}”，每个部分只应出现一次。',
        en: 'Section {numeral} “{found}” appears again: line {line} already has “{first}”; each section appears once.',
      },
      firstHere: { zh: '第一次出现在这里', en: 'First here' },
    },
    examples: [
      {
        title: { zh: '第二、三部分顺序颠倒', en: 'Sections 二 and 三 swapped' },
        input:
          headingsDocument(['overview', 'applications', 'activeDisclosure', 'reviewLitigation', 'problems', 'otherMatters']),
        findings: [{ line: 5, column: 1, endLine: 5, endColumn: 13, message: '第二部分“二、主动公开政府信息情况”位置不对：应位于“三、收到和处理政府信息公开申请情况”之前，六个部分应按一至六的顺序排列。' }],
      },
      {
        title: { zh: '同一部分出现两次', en: 'A section twice' },
        input:
          headingsDocument(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'problems', 'otherMatters']),
        findings: [{ line: 11, column: 1, endLine: 11, endColumn: 15, message: '第五部分“五、存在的主要问题及改进情况”重复出现：第 9 行已有“五、存在的主要问题及改进情况”，每个部分只应出现一次。' }],
      },
      {
        title: { zh: '顺序正确', en: 'In order' },
        input:
          headingsDocument(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters']),
        findings: [],
      },
    ],
  },
  check(context) {
    const { document, format } = context;
    const rank = new Map(format.sections.map((s, i) => [s.id, i]));
    const rankOf = (s: SectionNode): number => rank.get(s.id) ?? -1;
    const numeralOf = (s: SectionNode): string => format.sections[rankOf(s)]?.numeral ?? '';

    const firsts: SectionNode[] = [];
    const seen = new Map<string, SectionNode>();
    for (const s of mainSections(document)) {
      const first = seen.get(s.id);
      if (first) {
        context.report({
          messageId: 'duplicate',
          data: { numeral: numeralOf(s), found: s.heading.text, first: first.heading.text, line: first.heading.span.start.line },
          span: s.heading.span,
          related: [{ span: first.heading.span, messageId: 'firstHere' }],
        });
        continue;
      }
      seen.set(s.id, s);
      firsts.push(s);
    }

    const kept = inOrder(firsts, rankOf);
    const keptList = firsts.filter((s) => kept.has(s));
    for (const [index, s] of firsts.entries()) {
      if (kept.has(s)) continue;
      const data = { numeral: numeralOf(s), found: s.heading.text };
      // Too late: a section that should follow it comes before it. Too early: one that should precede it follows.
      const laterBefore = keptList.find((k) => firsts.indexOf(k) < index && rankOf(k) > rankOf(s));
      if (laterBefore) {
        context.report({ messageId: 'before', data: { ...data, other: headingOf(laterBefore.id) }, span: s.heading.span });
        continue;
      }
      // One of the two exists: otherwise the section would fit into the ordered run, which is the longest.
      const earlierAfter = [...keptList].reverse().find((k) => firsts.indexOf(k) > index && rankOf(k) < rankOf(s));
      if (earlierAfter) context.report({ messageId: 'after', data: { ...data, other: headingOf(earlierAfter.id) }, span: s.heading.span });
    }
  },
};

export default rule;
