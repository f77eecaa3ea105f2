import { spanOf } from '../structure.js';
import type { Rule } from '../types.js';

/** What a template leaves in the text to be filled in. */
const PATTERNS: ReadonlyArray<{ kind: 'crosses' | 'letters' | 'bracket'; re: RegExp }> = [
  // `××街道`, `×××件`: crosses stand for a name or a number. One × alone is a multiplication sign.
  { kind: 'crosses', re: /[×✕╳]{2,}/gu },
  // `20XX年`, `xx月`, `XX件`: Latin letters where a number goes. Not inside a word (`XXL`, a URL).
  { kind: 'letters', re: /(?<![A-Za-z\uff21-\uff3a\uff41-\uff5a])[XxＸｘ]{2,4}(?![A-Za-z\uff21-\uff3a\uff41-\uff5a])(?=[ \t]*[年月日号件条个项次人家万元])/gu },
  // `【请填写】`, `[请填写机关名称]`, `（此处填写…）`, `（请填写…）`.
  {
    kind: 'bracket',
    re: /[【\[［〔]\s*(?:此处|请在此处?)?(?:请|待)填写[^】\]］〕\n]{0,60}[】\]］〕]|[（(]\s*(?:此处|请在此处?)(?:请)?填写[^）)\n]{0,60}[）)]|[（(]\s*(?:请|待)填写[^）)\n]{0,60}[）)]/gu,
  },
];

const IDEOGRAPH = /[\u3400-\u9fff]/u;
/** What follows a person in a case: `王××诉某某区人民政府`, `李××申请公开…`, `张××等`. */
const AFTER_PERSON = /^(?:诉|申请|等|先生|女士|同志|不服|提起|向)/u;

/**
 * Whether crosses mask a person's name (`王××诉…`), as reports do when describing a case: a surname
 * right before them and a verb of a case right after. That is anonymisation, not a template left unfilled.
 */
function maskedName(text: string, start: number, end: number): boolean {
  return start > 0 && IDEOGRAPH.test(text[start - 1]!) && AFTER_PERSON.test(text.slice(end, end + 3));
}

/** A comment left by a template for the author: `<!-- 待填写：… -->`. */
const TODO_COMMENT = /^(?:待填写|请填写|待补充|此处填写|TODO\b)/iu;

const rule: Rule = {
  meta: {
    id: 'placeholder',
    description: {
      zh: '模板中待填写的内容没有填上',
      en: 'Template text left to be filled in',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '用模板编写报告时，未替换的占位内容会原样发布出去。检查：`<!-- 待填写 … -->` 注释；`××`（两个以上的叉号）；`20XX年`、`xx月`、`XX件` 这类以字母代替数字的写法；`【请填写】`、`[请填写]`、`（此处填写…）`、`（请填写…）`。单个 `×` 是乘号，单词或网址中的字母不算；说明案件时隐去姓名的写法（`王××诉…`、`李××申请…`）也不算。nianbao 的行内指令注释（`<!-- nianbao-disable … -->`）不算占位。',
      en: 'Text left from a template is published as it stands. Found: `<!-- 待填写 … -->` comments; `××` (two or more crosses); letters for a number (`20XX年`, `xx月`, `XX件`); `【请填写】`, `[请填写]`, `（此处填写…）`, `（请填写…）`. A single `×` is a multiplication sign, letters inside a word or a web address do not count, and neither does a name masked in a case (`王××诉…`, `李××申请…`). nianbao’s own directive comments (`<!-- nianbao-disable … -->`) are not placeholders.',
    },
    messages: {
      comment: {
        zh: '待填写的注释“{text}”还在：请填写相应内容并删除注释。',
        en: 'A to-fill comment “{text}” is still there: fill in the content and delete the comment.',
      },
      crosses: {
        zh: '占位符“{text}”没有替换：请填写实际的名称或数字。',
        en: 'Placeholder “{text}” was not replaced: write the actual name or number.',
      },
      letters: {
        zh: '占位符“{text}”没有替换：请填写实际的数字。',
        en: 'Placeholder “{text}” was not replaced: write the actual number.',
      },
      bracket: {
        zh: '待填写的提示“{text}”还在：请填写相应内容并删除提示。',
        en: 'A to-fill prompt “{text}” is still there: fill in the content and delete the prompt.',
      },
    },
    examples: [
      {
        title: { zh: '模板留下的占位', en: 'Template leftovers' },
        input: '一、总体情况\n\n20XX年，××街道共主动公开信息【请填写】条。\n\n<!-- 待填写：平台建设情况 -->\n',
        findings: [
          { line: 3, column: 3, endLine: 3, endColumn: 5, message: '占位符“XX”没有替换：请填写实际的数字。' },
          { line: 3, column: 7, endLine: 3, endColumn: 9, message: '占位符“××”没有替换：请填写实际的名称或数字。' },
          { line: 3, column: 18, endLine: 3, endColumn: 23, message: '待填写的提示“【请填写】”还在：请填写相应内容并删除提示。' },
          { line: 5, column: 1, endLine: 5, endColumn: 20, message: '待填写的注释“待填写：平台建设情况”还在：请填写相应内容并删除注释。' },
        ],
      },
      {
        title: { zh: '乘号和网址不算', en: 'A multiplication sign and a web address are fine' },
        input: '一、总体情况\n\n展板规格为2×3米，详见 http://xxgk.example.gov.cn/xx年报。\n\n<!-- nianbao-disable-next-line year-mismatch -- 引用上年文件 -->\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const commentSpans: Array<[number, number]> = [];
    for (const c of document.comments) {
      commentSpans.push([c.span.start.offset, c.span.end.offset]);
      if (!TODO_COMMENT.test(c.text)) continue;
      context.report({ messageId: 'comment', data: { text: c.text }, span: c.span });
    }
    const inComment = (offset: number): boolean => commentSpans.some(([a, b]) => offset >= a && offset < b);
    // Web addresses hold letters and brackets of their own.
    const urls = [...document.text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"'，。；）)]+/giu)].map((m): [number, number] => [m.index, m.index + m[0].length]);
    const inUrl = (offset: number): boolean => urls.some(([a, b]) => offset >= a && offset < b);
    for (const { kind, re } of PATTERNS) {
      for (const m of document.text.matchAll(re)) {
        if (inComment(m.index) || inUrl(m.index)) continue;
        if (kind === 'crosses' && maskedName(document.text, m.index, m.index + m[0].length)) continue;
        context.report({ messageId: kind, data: { text: m[0] }, span: spanOf(document, m.index, m.index + m[0].length) });
      }
    }
  },
};

export default rule;
