import { agencyArea, CJK_NUMERAL_CHARS, WIDER_AREAS, type AgencyArea } from '@nianbao/format';
import { flatSpan, flatSentence } from '../text-scan.js';
import type { Rule } from '../types.js';

/**
 * Text pasted from the level above: a city's report that says it will `做好全省政府信息依申请公开工作`
 * speaks of the province's field as its own. The agency's level comes from its name; the wider area
 * must be the object of the agency's own work (a verb of doing right before it), so that taking part
 * in the wider area's work (`参加全省…会议`, `按照全省统一部署`), ranking in it (`在全省率先`, `居全省前列`)
 * and quoting its documents (《…全省…》) are left alone.
 */

/** Verbs of an agency's own work, as they take a field for their object (`做好全省…`, `强化对全省…`). */
const OWN_WORK = '(?:做好|做实|抓好|抓实|提升|提高|强化|加强|推进|推动|规范|集约|指导|统筹|督促|组织开展|部署|完善|健全|优化|深化|引领|带动)';
/** What follows a wider area in a comparison or a ranking: its own work is not meant. */
const RANKING = new RegExp(`^.{0,4}?(?:率先|第一|首个|首家|首批|前列|排名|领先|唯一|最[高低多少好快先]|前[${CJK_NUMERAL_CHARS}\\d])`, 'u');

const LEVEL: Record<AgencyArea, { zh: string; en: string }> = {
  province: { zh: '省级', en: 'province-level' },
  city: { zh: '市级', en: 'city-level' },
  county: { zh: '县（区）级', en: 'county-level' },
  township: { zh: '乡镇（街道）', en: 'township' },
};

/** Whether an offset of the text is inside a quoted name: 《…》, “…”, 「…」. */
function quoted(text: string, at: number): boolean {
  for (const [open, close] of [['《', '》'], ['“', '”'], ['「', '」'], ['〈', '〉']] as const) {
    const o = text.lastIndexOf(open, at);
    if (o !== -1 && text.lastIndexOf(close, at) < o && text.indexOf(close, at) !== -1) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'scope-mismatch',
    description: {
      zh: '正文把上级的范围当作本机关的工作范围（如市级报告写“做好全省……工作”）',
      en: 'The text treats a wider area as the agency’s own field (a city’s report saying it will do “the whole province’s” work)',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '报告常从上级的报告里照搬文字，连带照搬了上级的范围。本规则从报告标题中的机关名称判断层级（市、县区、乡镇街道），在正文中找本机关工作动词（做好、提升、强化对、推进、集约、指导、统筹……）紧接着更大范围（市级报告的“全省”，县区报告的“全省”“全市”，乡镇街道报告的“全省”“全市”“全区”“全县”）的说法，每句至多报告一次，级别为警告，请作者核对。不报告：机关名称看不出层级的（综合实验区、开发区、新区、省直部门）；参加或按照上级的工作（“参加全省政务公开工作会议”“按照全省统一部署”）；比较和排名（“在全省率先”“全省第一”“居全省前列”）；书名号、引号中的文件名；“省委省政府”。',
      en: 'Reports often copy text from the report of the level above, and its area with it. The agency’s level (city, county or district, township or street) is taken from its name in the title; the rule looks for a verb of the agency’s own work (做好, 提升, 强化对, 推进, 集约, 指导, 统筹…) right before a wider area (全省 for a city; 全省, 全市 for a county or district; 全省, 全市, 全区, 全县 for a township), at most once per sentence, as a warning asking the author to check. Not reported: agencies whose name does not tell their level (综合实验区, 开发区, 新区, provincial departments); taking part in or following the wider area’s work (参加全省…会议, 按照全省统一部署); comparisons and rankings (在全省率先, 全省第一, 居全省前列); document names in 《》 or quotes; 省委省政府.',
    },
    messages: {
      wider: {
        zh: '正文写“{phrase}”：这是{level}机关的报告，“{area}”超出了本机关的工作范围，可能是照搬上级报告的文字，请核对。',
        en: 'The text says “{phrase}”: this is a {level} agency’s report, and “{area}” is wider than its own field — perhaps text copied from the level above; please check.',
      },
    },
    examples: [
      {
        title: { zh: '市级报告照搬了省级报告的范围', en: 'A city report with the province’s field copied in' },
        input: '某某市人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n（二）依申请公开。做好全省政府信息依申请公开工作，切实提升全省政府信息公开申请办理工作规范化水平。\n',
        findings: [
          {
            line: 5,
            column: 10,
            endLine: 5,
            endColumn: 14,
            message: '正文写“做好全省政府信息依申请公开工作”：这是市级机关的报告，“全省”超出了本机关的工作范围，可能是照搬上级报告的文字，请核对。',
          },
        ],
      },
      {
        title: { zh: '参加、按照、比较和文件名都不算', en: 'Taking part, following, comparing and document names are fine' },
        input:
          '某某市人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n按照全省统一部署，参加全省政务公开工作会议，在全省率先实现医保网上缴费，政务公开评估居全省前列。认真贯彻《关于做好全省政务公开工作的通知》。做好全市政府信息公开工作。\n',
        findings: [],
      },
      {
        title: { zh: '名称看不出层级的机关不检查', en: 'No check where the name does not tell the level' },
        input: '某某综合实验区管委会2024年政府信息公开工作年度报告\n\n一、总体情况\n\n做好全省政府信息依申请公开工作。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const area = agencyArea(document.title?.agency ?? '');
    if (!area) return;
    const wider = WIDER_AREAS[area];
    if (wider.length === 0) return;
    const pattern = new RegExp(`${OWN_WORK}(?:对)?(?:${wider.join('|')})`, 'gdu');
    for (const paragraph of document.paragraphs) {
      for (const sentence of paragraph.sentences) {
        if (!wider.some((w) => sentence.text.includes(w[0]!) && sentence.text.includes(w[1]!))) continue;
        const flat = flatSentence(sentence);
        for (const m of flat.text.matchAll(pattern)) {
          const end = m.index + m[0].length;
          if (quoted(flat.text, m.index) || RANKING.test(flat.text.slice(end))) continue;
          const areaWord = wider.find((w) => m[0].endsWith(w))!;
          // The phrase as the reader sees it: the verb, the area and the words after it, up to a pause.
          const rest = /^[^，,。；;：:！？]{0,16}/u.exec(flat.text.slice(end))?.[0] ?? '';
          context.report({
            messageId: 'wider',
            data: { phrase: `${m[0]}${rest}`, level: LEVEL[area][context.locale], area: areaWord },
            span: flatSpan(document, flat, m.index, end),
          });
          // One finding a sentence: the author checks the sentence as a whole.
          break;
        }
      }
    }
  },
};

export default rule;
