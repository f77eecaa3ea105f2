import type { Rule } from '../types.js';

const rule: Rule = {
  meta: {
    id: 'artifact',
    description: {
      zh: '从 Word、PDF 转换留下的残留（书签标记、控制字符、乱码字符）',
      en: 'Leftovers of conversion from Word or PDF (bookmark markers, control characters, replacement characters)',
    },
    severity: 'info',
    fixable: true,
    details: {
      zh: '`[bookmark: _GoBack]` 是 Word 的“返回上次编辑位置”书签，导出纯文本时会留在正文里；控制字符和 `�` 会在网页上显示为乱码。书签和控制字符的修复是删除；`�` 需要人工核对原文，不自动修复。',
      en: '`[bookmark: _GoBack]` is Word’s last-edit bookmark, left in the text by export; control characters and `�` show as garbage on a web page. Bookmarks and control characters are fixed by deletion; `�` needs a look at the original and is not fixed.',
    },
    messages: {
      bookmark: { zh: '转换残留“{text}”（Word 书签），请删除。', en: 'Conversion leftover “{text}” (a Word bookmark): delete it.' },
      control: { zh: '控制字符 {code}，发布后会显示为乱码，请删除。', en: 'Control character {code}: it shows as garbage once published; delete it.' },
      replacement: { zh: '乱码字符“{text}”：转换时有字符丢失，请对照原文改正。', en: 'Replacement character “{text}”: a character was lost in conversion; check the original.' },
      zeroWidth: { zh: '不可见字符 {code}，会妨碍检索和复制，请删除。', en: 'Invisible character {code}: it breaks search and copying; delete it.' },
    },
    examples: [
      {
        title: { zh: 'Word 书签', en: 'A Word bookmark' },
        input: '六、其他需要报告的事项\n[bookmark: _GoBack]本年度未收取信息处理费。\n',
        findings: [{ line: 2, column: 1, endLine: 2, endColumn: 20, severity: 'info', message: '转换残留“[bookmark: _GoBack]”（Word 书签），请删除。' }],
        fixed: '六、其他需要报告的事项\n本年度未收取信息处理费。\n',
      },
      { title: { zh: '干净的文本', en: 'Clean text' }, input: '六、其他需要报告的事项\n本年度未收取信息处理费。\n', findings: [] },
    ],
  },
  check(context) {
    for (const a of context.document.artifacts) {
      const code = `U+${a.text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const messageId = a.kind === 'bookmark' ? 'bookmark' : a.kind === 'control-character' ? 'control' : a.kind === 'zero-width' ? 'zeroWidth' : 'replacement';
      const fixable = a.kind !== 'replacement-character';
      context.report({
        messageId,
        data: { text: a.text, code },
        span: a.span,
        ...(fixable ? { fix: { start: a.span.start.offset, end: a.span.end.offset, text: '' } } : {}),
      });
    }
  },
};

export default rule;
