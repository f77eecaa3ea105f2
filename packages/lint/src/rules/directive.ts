import { localize } from '@nianbao/format';
import type { Rule } from '../types.js';

/**
 * Suppressions that keep their promise (ESLint's unused-directive report, and more): a disable comment
 * must say why, name rules that exist, silence something, and end where it should. A disable without a
 * reason silences nothing. This rule runs after every other rule, when the engine knows which comments
 * silenced a finding; its own findings are never suppressed.
 */
const rule: Rule = {
  meta: {
    id: 'directive',
    description: {
      zh: '忽略注释要写明理由、规则名要写对、要确实忽略了问题、要有结束',
      en: 'Suppression comments give a reason, name real rules, suppress something, and end',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '`<!-- nianbao-disable-next-line 规则 -- 理由 -->` 是对审阅者的说明：为什么这里的问题不是问题。本规则报告：没有理由（空的、只有省略号、“理由”“待填写”之类占位）的忽略注释——它不忽略任何问题；写错的规则名（不存在的规则、不像规则名的文字）；什么也没有忽略的注释（该行没有那条规则的问题，在所有规则都运行时才判断）；没有对应 `nianbao-enable` 的 `nianbao-disable`——它会忽略到全文结束；不关闭任何忽略的 `nianbao-enable`。命令行和编辑器都报告。',
      en: '`<!-- nianbao-disable-next-line rule -- reason -->` tells a reviewer why a finding is not a fault here. Reported: a suppression without a reason (empty, dots, a placeholder such as 理由 or 待填写) — it suppresses nothing; a misspelt rule id (a rule that does not exist, words that are no rule id); a comment that suppresses nothing (no finding of its rules on its lines; judged only when every rule runs); a `nianbao-disable` that no `nianbao-enable` closes — it silences the rest of the file; a `nianbao-enable` that closes nothing. In the CLI and the editor alike.',
    },
    messages: {
      noReason: {
        zh: '忽略注释没有写明理由，因此没有忽略任何问题：请在“--”后写明为什么这里不是问题。',
        en: 'The suppression gives no reason, so it suppresses nothing: say after “--” why this is not a fault here.',
      },
      unknownRule: {
        zh: '忽略注释中的“{id}”不是 nianbao 的规则：请检查拼写（规则列表见 docs/rules）。',
        en: '“{id}” in the suppression is not a nianbao rule: check its spelling (see docs/rules).',
      },
      unused: {
        zh: '这条忽略注释没有忽略任何问题：{rules}在它所管的行上没有发现问题，请删除它。',
        en: 'This suppression suppresses nothing: {rules} found nothing on the lines it covers; delete it.',
      },
      unclosed: {
        zh: '“nianbao-disable”之后没有对应的“nianbao-enable”：从这里到全文结束{rules}都被忽略。请在需要的地方加上“<!-- nianbao-enable -->”。',
        en: '“nianbao-disable” has no matching “nianbao-enable”: {rules} are silenced from here to the end of the file. Add “<!-- nianbao-enable -->” where it should end.',
      },
      enableNothing: {
        zh: '这条“nianbao-enable”前面没有对应的“nianbao-disable”，请删除它。',
        en: 'This “nianbao-enable” closes no “nianbao-disable”: delete it.',
      },
    },
    examples: [
      {
        title: { zh: '没有理由、写错规则名', en: 'No reason, a misspelt rule' },
        input:
          '一、总体情况\n\n<!-- nianbao-disable-next-line placeholder -- … -->\n本年度主动公开信息××条。\n\n<!-- nianbao-disable-next-line year-mismach -- 引用上年文件 -->\n本年度工作有序开展。\n',
        findings: [
          { line: 3, column: 1, endLine: 3, endColumn: 52, message: '忽略注释没有写明理由，因此没有忽略任何问题：请在“--”后写明为什么这里不是问题。' },
          { line: 6, column: 1, endLine: 6, endColumn: 58, message: '忽略注释中的“year-mismach”不是 nianbao 的规则：请检查拼写（规则列表见 docs/rules）。' },
        ],
      },
      {
        title: { zh: '有理由、确实忽略了问题、有结束', en: 'A reason, a finding suppressed, an end' },
        input: '一、总体情况\n\n<!-- nianbao-disable placeholder -- 示意文字，发布前替换 -->\n本年度主动公开信息××条。\n<!-- nianbao-enable placeholder -->\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { suppressions, used, complete, isRule, isOn } = context.directives;
    for (const s of suppressions) {
      const span = s.span;
      const unknown = [...s.malformed, ...s.rules.filter((r) => !isRule(r))];
      for (const id of unknown) context.report({ messageId: 'unknownRule', data: { id }, span });
      if (s.kind === 'enable') {
        const closes = suppressions.some((o) => o.kind === 'disable' && o.toLine === s.line);
        if (!closes && unknown.length === 0) context.report({ messageId: 'enableNothing', span });
        continue;
      }
      if (!s.hasReason) {
        context.report({ messageId: 'noReason', span });
        continue;
      }
      const named = s.rules.filter((r) => isRule(r));
      const rules = named.length > 0 ? named.join('、') : localize(context.locale, { zh: '所有规则', en: 'all rules' });
      if (s.unclosed) context.report({ messageId: 'unclosed', data: { rules }, span });
      // Unused: every rule ran, the comment names only rules that exist and are on, and silenced nothing.
      const judged = complete && unknown.length === 0 && named.every((r) => isOn(r));
      if (judged && !used.has(s)) context.report({ messageId: 'unused', data: { rules }, span });
    }
  },
};

export default rule;
