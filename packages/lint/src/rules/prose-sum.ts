import { sentenceItems, type ListItem } from '../prose-lists.js';
import { flatSpan } from '../text-scan.js';
import type { Rule } from '../types.js';

/**
 * A stated total against its own breakdown: `共公布政府信息2599条（其中机构职能类信息25条，…，其他应主动
 * 公开政府信息856条）` whose parts make 2533. A breakdown is read as complete only where it says so —
 * it closes with 其他 / 其余, the rest; a `其中` that names a few parts only (`其中予以公开34件，部分公开5件`)
 * or parts that may overlap (`其中网站发布800条、新媒体发布620条`) is no breakdown to add up.
 */

/** A total as prose states one: `共…2599条`, `总计…`, `合计…`. */
const TOTAL = /(?:共|总计|合计)[^\d]*\d/u;
/** The last part of a complete breakdown: the rest. */
const REST = /^(?:其中)?(?:其他|其它|其余|剩余)/u;

/**
 * The breakdown after a total: the items that follow it, opening with 其中, counted in the same measure.
 * In a bracket the bracket holds it; outside one, the parts are parted by `、` (a `，` may begin the
 * next statement of the sentence).
 */
function breakdown(items: readonly ListItem[], t: number): ListItem[] {
  const total = items[t]!;
  const first = items[t + 1];
  if (!first || !/^其中/u.test(first.text)) return [];
  const parts: ListItem[] = [];
  for (let i = t + 1; i < items.length; i++) {
    const item = items[i]!;
    // A part's name may hold a list of its own (`政策、规范性文件类信息68条`): its first words are no part.
    if (item.bracket === first.bracket && item.count === undefined && item.measure === undefined && item.endedBy === '、') continue;
    if (item.bracket !== first.bracket || item.count === undefined || item.measure !== total.measure) break;
    parts.push(item);
    if (first.bracket === 0 && item.endedBy !== '、') break;
  }
  return parts;
}

/** A share stated after a part: `占42%`, `占比7.5%`, `占总数的35.0%`. */
const SHARE = /^(?:占|约占)(?:比|总数的?|总量的?|全部的?)?(?:为|达)?(\d+(?:\.\d+)?)[%％]$/u;

/**
 * Whether a written percentage is the part's share of the total as the text writes it: rounded or cut
 * to the decimals it shows (7.58 % may be written 7.6 % or 7.5 %; neither is a fault).
 */
function shareHolds(part: number, total: number, written: string): boolean {
  const decimals = written.includes('.') ? written.split('.')[1]!.length : 0;
  const exact = (part / total) * 100;
  const step = 10 ** -decimals;
  return Math.abs(exact - Number(written)) < step + 1e-9;
}

const rule: Rule = {
  meta: {
    id: 'prose-sum',
    description: {
      zh: '正文写的总数与它自己列出的分项之和或比例不符',
      en: 'A total stated in the text differs from the sum of the parts it lists, or a share from its parts',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '正文写“共……N条（件、项……），其中A x条，B y条，……”时，分项之和应等于总数。只在分项明显完整时相加：最后一项是“其他”“其余”（没有“其他”的分项可能重叠，如网站和新媒体各发布若干条，或只是举例）；分项要用与总数相同的量词，在同一个括号内，或在括号外以“、”相连。只列举几项的“其中”（“其中予以公开34件，部分公开5件”）不报告。级别为警告，消息给出分项之和。分项后写的比例（“其中予以公开34件，占42%”）与“分项 ÷ 总数”核对，按正文写出的小数位四舍五入或截断都算对（7.58% 写作 7.6% 或 7.5% 都不报告）；总数与分项之间另写了一个数的（“共收到申请95件，办结93件，其中予以公开30件，占32.3%”），比例也可以是占这个数的，符合其一即不报告。',
      en: 'When the text says “共 … N条, 其中 A x条, B y条, …”, the parts should add up to the total. They are added only where the list is plainly complete — its last part is “其他”/“其余” (the rest; without it parts may overlap, as a website and an app, or be examples) — in the same measure word as the total, inside one bracket or, outside one, joined by 、. A 其中 that names a few parts only (其中予以公开34件，部分公开5件) is not reported. A warning; the message gives the sum. A share written after a part (其中予以公开34件，占42%) is checked against part ÷ total, rounded or cut to the decimals written (7.58 % as 7.6 % or 7.5 % is fine); where another count stands between the total and the part (共收到申请95件，办结93件，其中予以公开30件，占32.3%), the share may be of that count instead, and fitting either is fine.',
    },
    messages: {
      sum: {
        zh: '正文写共 {total}{measure}，但列出的 {count} 项之和为 {sum}{measure}（{parts}），相差 {diff}：请核对总数或分项。',
        en: 'The text states {total} in all, but the {count} parts it lists add up to {sum} ({parts}); they differ by {diff}. Check the total or the parts.',
      },
      share: {
        zh: '正文写 {part}{measure}占 {written}%，但 {part} ÷ {total} = {exact}%：请核对比例或数字。',
        en: 'The text gives {part} as {written}% of {total}, but {part} ÷ {total} = {exact}%: check the share or the numbers.',
      },
    },
    examples: [
      {
        title: { zh: '总数与分项之和不符', en: 'The total and its parts disagree' },
        input: '一、总体情况\n\n全年共公布政府信息120条（其中机构职能类信息25条，规划计划类信息28条，其他信息56条）。\n',
        findings: [
          {
            line: 3,
            column: 10,
            endLine: 3,
            endColumn: 13,
            message: '正文写共 120条，但列出的 3 项之和为 109条（25 + 28 + 56），相差 11：请核对总数或分项。',
          },
        ],
      },
      {
        title: { zh: '比例与分项不符', en: 'A share that its parts do not give' },
        input: '三、收到和处理政府信息公开申请情况\n\n共受理申请81件，其中予以公开34件，占45%。\n',
        findings: [{ line: 3, column: 20, endLine: 3, endColumn: 24, message: '正文写 34件占 45%，但 34 ÷ 81 = 41.98%：请核对比例或数字。' }],
      },
      {
        title: { zh: '分项相符，或只是举例', en: 'Parts that add up, or only some named' },
        input: '一、总体情况\n\n全年共公布政府信息109条（其中机构职能类信息25条，规划计划类信息28条，其他信息56条）。共受理申请81件，其中予以公开34件，占42%，部分公开5件，占6.1%。共受理申请66件，其中予以公开5件，占7.5%。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    for (const paragraph of context.document.paragraphs) {
      for (const sentence of paragraph.sentences) {
        if (/[%％]/u.test(sentence.text)) checkShares(context, sentence);
        if (!/其中/u.test(sentence.text)) continue;
        const { flat, items } = sentenceItems(sentence);
        for (const [t, total] of items.entries()) {
          if (!total.count || !TOTAL.test(total.text)) continue;
          const parts = breakdown(items, t);
          if (parts.length < 2) continue;
          const sum = Math.round(parts.reduce((n, p) => n + p.count!.value, 0) * 100) / 100;
          // Without a closing 其他 the parts may overlap (a site and an app) or be examples: no sum to check.
          if (!REST.test(parts[parts.length - 1]!.text) || sum === total.count.value) continue;
          context.report({
            messageId: 'sum',
            data: {
              total: total.count.value,
              measure: total.measure!,
              count: parts.length,
              sum,
              parts: parts.map((p) => p.count!.value).join(' + '),
              diff: Math.round(Math.abs(total.count.value - sum) * 100) / 100,
            },
            span: flatSpan(context.document, flat, total.count.start, total.count.end),
          });
        }
      }
    }
  },
};

/**
 * Shares after the parts of a stated total (`共受理申请81件，其中予以公开34件，占42%`): each against part ÷
 * total. A count stated between the total and the part may be the share's base instead (`共收到申请95件，
 * 办结93件，其中予以公开30件，占32.3%` — of the 93): a share that fits it is not reported.
 */
function checkShares(context: Parameters<Rule['check']>[0], sentence: Parameters<typeof sentenceItems>[0]): void {
  const { flat, items } = sentenceItems(sentence);
  const t = items.findIndex((i) => i.count !== undefined && TOTAL.test(i.text));
  if (t < 0) return;
  const total = items[t]!;
  if (total.count!.value === 0) return;
  const isShare = (item: ListItem | undefined): boolean => item !== undefined && SHARE.test(item.text);
  for (let i = t + 1; i + 1 < items.length; i++) {
    const part = items[i]!;
    const share = SHARE.exec(items[i + 1]!.text);
    if (!share || part.count === undefined || part.measure !== total.measure || part.count.value > total.count!.value) continue;
    // The total, and the counts after it that are not themselves parts with a share of their own.
    const bases = items.slice(t, i).filter((b, k) => b.count !== undefined && b.measure === total.measure && b.count.value >= part.count!.value && (k === 0 || !isShare(items[t + k + 1])));
    if (bases.some((b) => b.count!.value > 0 && shareHolds(part.count!.value, b.count!.value, share[1]!))) continue;
    const exact = Math.round((part.count.value / total.count!.value) * 10000) / 100;
    const shareItem = items[i + 1]!;
    context.report({
      messageId: 'share',
      data: { part: part.count.value, measure: part.measure!, written: share[1]!, total: total.count!.value, exact },
      span: flatSpan(context.document, flat, shareItem.start, shareItem.end),
    });
  }
}

export default rule;
