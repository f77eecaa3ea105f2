import { canonicalHeading, type FormatSpec, type SectionSpec } from '@nianbao/format';
import type { ReportDocument } from '@nianbao/parse';
import { headingsDocument } from '../examples.js';
import { sectionSkeleton } from '../skeleton.js';
import { mainSections, spanOf } from '../structure.js';
import type { Fix, Rule } from '../types.js';

const TITLE = '# 某某街道办事处2023年政府信息公开工作年度报告';
const ALL = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const;

const rule: Rule = {
  meta: {
    id: 'section-missing',
    description: {
      zh: '报告应包含国家格式规定的全部六个部分',
      en: 'The report has all six sections of the national format',
    },
    severity: 'error',
    fixable: false,
    hasSuggestions: true,
    details: {
      zh: '《条例》第五十条和国家格式规定年度报告由六个部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。缺少的部分在它应在的位置报告：下一个已有部分的标题处，或报告末尾。标题序号或措辞有误但能认出是哪一部分的（如 `3、 收到和处理…`），不算缺少，由 section-heading 报告。只检查看得出是年度报告的文档（有标题、表格或至少两个章节），不检查片段。',
      en: 'Article 50 of the regulation and the national format make the report six sections: overview; proactive disclosure; requests received and handled; reviews and lawsuits; problems and improvements; other matters. A missing one is reported where it belongs: at the heading of the next section present, or at the end. A heading with a wrong numeral or wording that still names its section (`3、 收到和处理…`) is not missing; section-heading reports it. Only documents that read as a report (a title, a table or two sections) are checked, not fragments.',
    },
    messages: {
      missing: {
        zh: '缺少第{numeral}部分“{expected}”：国家格式规定的六个部分都应写出，它应位于“{next}”之前。',
        en: 'Section {numeral} “{expected}” is missing: the national format has six sections; it belongs before “{next}”.',
      },
      missingAtEnd: {
        zh: '缺少第{numeral}部分“{expected}”：国家格式规定的六个部分都应写出，它应位于报告末尾。',
        en: 'Section {numeral} “{expected}” is missing: the national format has six sections; it belongs at the end of the report.',
      },
      none: {
        zh: '没有找到任何章节标题：年度报告应由“{first}”至“{last}”六个部分组成。',
        en: 'No section heading found: the report is made of six sections, “{first}” to “{last}”.',
      },
      insert: { zh: '插入缺少的部分“{heading}”', en: 'Insert the missing section “{heading}”' },
    },
    examples: [
      {
        title: { zh: '缺少第四部分', en: 'Section 四 missing' },
        input:
          headingsDocument(['overview', 'activeDisclosure', 'applications', 'problems', 'otherMatters'], { title: TITLE }),
        findings: [{ line: 9, column: 1, endLine: 9, endColumn: 15, message: '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”：国家格式规定的六个部分都应写出，它应位于“五、存在的主要问题及改进情况”之前。' }],
      },
      {
        title: { zh: '缺少最后一部分', en: 'The last section missing' },
        input:
          headingsDocument(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems'], { title: TITLE, closing: '本年度工作取得一定成效。' }),
        findings: [{ line: 13, column: 13, endLine: 13, endColumn: 13, message: '缺少第六部分“六、其他需要报告的事项”：国家格式规定的六个部分都应写出，它应位于报告末尾。' }],
      },
      {
        title: { zh: '六个部分齐全', en: 'All six sections' },
        input:
          headingsDocument(ALL, { title: TITLE }),
        findings: [],
      },
    ],
  },
  check(context) {
    const { document, format } = context;
    // A fragment (one section pasted into an editor) is not a report missing five sections.
    if (!document.isReport) return;
    const specs = format.sections;
    const sections = mainSections(document);
    if (sections.length === 0) {
      const first = /\S/u.exec(document.text);
      const at = first ? first.index : 0;
      const lineEnd = document.text.indexOf('\n', at);
      context.report({
        messageId: 'none',
        data: { first: canonicalHeading(specs[0]!), last: canonicalHeading(specs[specs.length - 1]!) },
        span: spanOf(document, at, (lineEnd < 0 ? document.text.length : lineEnd) - (document.text[lineEnd - 1] === '\r' ? 1 : 0)),
      });
      return;
    }
    const rank = new Map(specs.map((s, i) => [s.id, i]));
    const present = new Set(sections.map((s) => s.id));
    specs.forEach((spec, i) => {
      if (present.has(spec.id)) return;
      const data = { numeral: spec.numeral, expected: canonicalHeading(spec) };
      // Where it belongs: before the first section (in the document) of those that come after it.
      const next = sections.find((s) => (rank.get(s.id) ?? -1) > i);
      const suggestions = [{ messageId: 'insert', data: { heading: canonicalHeading(spec) }, fix: insertion(document, format, spec, next?.heading.span.start.offset) }];
      if (next) {
        context.report({ messageId: 'missing', data: { ...data, next: next.heading.text }, span: next.heading.span, subject: spec.id, suggestions });
        return;
      }
      const end = document.text.trimEnd().length;
      context.report({ messageId: 'missingAtEnd', data, span: spanOf(document, end, end), subject: spec.id, suggestions });
    });
  },
};

/**
 * The missing section written out (its canonical heading, in the document's Markdown depth, and its blank
 * table): on its own lines before the heading of the section that follows it, or after the last line.
 */
function insertion(document: ReportDocument, format: FormatSpec, spec: SectionSpec, before: number | undefined): Fix {
  const depth = document.sections.find((s) => s.heading.markdownDepth !== undefined)?.heading.markdownDepth;
  const skeleton = sectionSkeleton(spec, spec.table ? format.tables[spec.table] : undefined, depth, document.layout);
  const text = document.text;
  if (before === undefined) return { start: text.length, end: text.length, text: `${text.endsWith('\n') ? '\n' : '\n\n'}${skeleton}\n` };
  const lineStart = text.lastIndexOf('\n', before - 1) + 1;
  return { start: lineStart, end: lineStart, text: `${skeleton}\n\n` };
}

export default rule;
