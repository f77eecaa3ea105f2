import { CJK_NUMERAL_CHARS } from '@nianbao/format';
import { sentenceItems, type ListItem } from '../prose-lists.js';
import { flatSpan } from '../text-scan.js';
import type { Rule } from '../types.js';

/**
 * A count whose number fell out: `全年公开核准企业资质条、施工许可证76条、安全生产许可证121条` — the first
 * item has its measure word and no number, where its neighbours have both. Only in such a list: a lone
 * `条` is as likely a word (`条例`, `第十条`) as a lost count, and a neighbour counted in the same
 * measure is what says a number belongs here.
 */

/** Words that end in a measure character but are no count (`文件`, `条例`, `首次`, `国家`…). */
const WORDS =
  /(?:文|案|事|邮|附|条|信|证|软|稿|要|物|部|配|原|函|组|元|构|硬|插|零|挂|急|快|工|铸|来|收|发|寄|送|密|公|复印|文)件$|(?:事|款|专|各|多|选|单|逐|立|强|弱|重|分|子|细|大|小|全|本|此|该|同|前|后|某|每|两|几|数|一)项$|(?:整|各|这|那|某|单|一|哪|几|每|两|半|真|逐|别)个$|(?:股|年|省|身|月|备|部|全|一|每|两|几|多|一式|同)份$|(?:全|长|短|中|名|诗|开|上|下|前|后|首|末|篇)篇$|卷宗$|(?:发|提|一|兴|引|崛|缘|说|看|想|升|挑|掀|对不|了不|起)起$|(?:条|案|比|惯|体|示|先|特|范|实|病|战|事|判|常|凡|援|照|破|循|违|定|一)例$|(?:批|层|频|人|档|名|依|首|多|每|一|两|几|其|再|本|此|历|届|班|车|席|场|主|初|二|三|屡|渐|鳞|数|年|季|月|周)次$|(?:周|定|按|到|逾|同|近|时|长|短|初|中|后|前|本|上|下|学|工|任|汛|假|星|日|预|限|延|分|刊|每|当|若干|一|两|几|第)期$|(?:国|专|大|全|商|自|厂|农|独|企|作|画|行|东|老|娘|婆|公|皇|儒|道|法|兵|名|赢|输|庄|人)家$|(?:现|市|广|会|考|立|农|机|赛|战|剧|球|登|到|在|出|开|收|散|捧|救|冷|圆|商|官|退|入)场$|(?:审|报|分|首|一|获|送|横|上|下|大|成|审)批$|(?:信|萧|便|链|线|条|苗|面|金|油|布|皮|发|纸|字|头|教|藤|柳|枝|一|两|几)条$/u;
/** A number written in words right before the measure: not missing (`两条`, `多项`, `若干件`, `数十个`). */
const NUMBER_WORD = new RegExp(`[〇零${CJK_NUMERAL_CHARS}百千万亿两几多数余双半若干全每各某首单逐整]$`, 'u');

function bareCount(item: ListItem): boolean {
  if (item.count || !item.measure || item.text.length < 3) return false;
  const before = item.text.slice(0, -item.measure.length);
  if (/\d$/u.test(before) || NUMBER_WORD.test(before) || /第/u.test(item.text)) return false;
  return !WORDS.test(item.text);
}

/** Whether the item's neighbour in its list (same bracket, next to it) is counted in the same measure. */
function countedNeighbour(items: readonly ListItem[], i: number): boolean {
  const item = items[i]!;
  const near = [items[i - 1], items[i + 1]].filter((n): n is ListItem => n !== undefined && n.bracket === item.bracket);
  // The neighbour must be in the same list: parted from this item by a list separator, not a sentence or bracket.
  const joined = (a: ListItem, b: ListItem): boolean => (a.end < b.start ? a : b).endedBy !== '' && '、，,；;'.includes((a.end < b.start ? a : b).endedBy);
  return near.some((n) => n.count !== undefined && n.measure === item.measure && joined(n, item));
}

const rule: Rule = {
  meta: {
    id: 'count-missing',
    description: {
      zh: '正文的计数漏了数字（如“公开核准企业资质条、施工许可证76条”）',
      en: 'A count in the text has lost its number (公开核准企业资质条、施工许可证76条)',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '在一串并列的计数里（以“、”“，”“；”分隔，同在一个括号内或都在括号外），某一项有量词（条、件、个、项、份、篇、宗、起、例、次、期、家、场、批）却没有数字，而紧挨着它的一项用同一个量词写了数字：这一项的数字多半在编辑时丢了，级别为警告。不报告：量词前是汉字数词（“两条”“多项”“若干件”）；“第十条”这类条文；以量词字结尾的词（文件、案件、条例、事项、首次、国家、现场、审批……）；没有同量词邻项的孤立说法。',
      en: 'In a run of counts (parted by 、，；, all in one bracket or all outside), an item ends in a measure word (条, 件, 个, 项, 份, 篇, 宗, 起, 例, 次, 期, 家, 场, 批) with no number while the item next to it has a number in the same measure: its number was most likely lost in editing. A warning. Not reported: a number in words before the measure (两条, 多项, 若干件); an article of a law (第十条); words that end in a measure character (文件, 案件, 条例, 事项, 首次, 国家, 现场, 审批…); a lone item with no counted neighbour.',
    },
    messages: {
      missing: {
        zh: '“{item}”缺少数字：旁边的“{neighbour}”有数字，这一项的数字可能在编辑时丢了，请补上。',
        en: '“{item}” has no number, while “{neighbour}” beside it has one: the number was probably lost in editing; please add it.',
      },
    },
    examples: [
      {
        title: { zh: '一串计数中漏了一个数字', en: 'A number lost in a run of counts' },
        input: '一、总体情况\n\n全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。\n',
        findings: [
          {
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 12,
            message: '“全年公开核准企业资质条”缺少数字：旁边的“施工许可证76条”有数字，这一项的数字可能在编辑时丢了，请补上。',
          },
        ],
      },
      {
        title: { zh: '数词、条文和以量词字结尾的词都不算', en: 'Number words, articles and words ending in a measure character are fine' },
        input: '一、总体情况\n\n制定规范性文件、行政许可56件、行政处罚两件；依据《条例》第十条、第二十条公开信息120条、政策解读多条。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    for (const paragraph of context.document.paragraphs) {
      for (const sentence of paragraph.sentences) {
        if (!/\d/u.test(sentence.text)) continue;
        const { flat, items } = sentenceItems(sentence);
        for (const [i, item] of items.entries()) {
          if (!bareCount(item) || !countedNeighbour(items, i)) continue;
          const neighbour = [items[i + 1], items[i - 1]].find((n) => n?.count && n.measure === item.measure)!;
          context.report({ messageId: 'missing', data: { item: item.text, neighbour: neighbour.text }, span: flatSpan(context.document, flat, item.start, item.end) });
        }
      }
    }
  },
};

export default rule;
