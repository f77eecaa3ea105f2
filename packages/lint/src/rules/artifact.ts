import type { Rule } from '../types.js';

const rule: Rule = {
  meta: {
    id: 'artifact',
    description: {
      zh: '从 Word、PDF、网页转换留下的残留（书签标记、控制字符、乱码字符、浏览器菜单文字）',
      en: 'Leftovers of conversion from Word, PDF or a web page (bookmark markers, control characters, replacement characters, browser menu words)',
    },
    severity: 'info',
    fixable: true,
    details: {
      zh: '`[bookmark: _GoBack]` 是 Word 的“返回上次编辑位置”书签，导出纯文本时会留在正文里；控制字符和 `�` 会在网页上显示为乱码。从网页复制时，浏览器的划词菜单（“翻译”“搜索”“复制”等）会各占一行留在页尾：只认正文结束之后单独成行的这些词，正文中的“复制”不算。书签、控制字符和菜单文字的修复是删除；`�` 需要人工核对原文，不自动修复。',
      en: '`[bookmark: _GoBack]` is Word’s last-edit bookmark, left in the text by export; control characters and `�` show as garbage on a web page. A browser’s selection menu copied with a page leaves its words (翻译, 搜索, 复制…) each on a line at the end: only those lines after the report’s last text count, never 复制 inside the text. Bookmarks, control characters and menu words are fixed by deletion; `�` needs a look at the original and is not fixed.',
    },
    messages: {
      bookmark: { zh: '转换残留“{text}”（Word 书签），请删除。', en: 'Conversion leftover “{text}” (a Word bookmark): delete it.' },
      control: { zh: '控制字符 {code}，发布后会显示为乱码，请删除。', en: 'Control character {code}: it shows as garbage once published; delete it.' },
      replacement: { zh: '乱码字符“{text}”：转换时有字符丢失，请对照原文改正。', en: 'Replacement character “{text}”: a character was lost in conversion; check the original.' },
      zeroWidth: { zh: '不可见字符 {code}，会妨碍检索和复制，请删除。', en: 'Invisible character {code}: it breaks search and copying; delete it.' },
      menu: { zh: '页尾的“{text}”是浏览器菜单的文字，复制网页时带进来的，请删除。', en: '“{text}” at the end is a browser menu’s word, copied in with the page: delete it.' },
    },
    examples: [
      {
        title: { zh: 'Word 书签', en: 'A Word bookmark' },
        input: '六、其他需要报告的事项\n[bookmark: _GoBack]本年度未收取信息处理费。\n',
        findings: [{ line: 2, column: 1, endLine: 2, endColumn: 20, severity: 'info', message: '转换残留“[bookmark: _GoBack]”（Word 书签），请删除。' }],
        fixed: '六、其他需要报告的事项\n本年度未收取信息处理费。\n',
      },
      {
        title: { zh: '复制网页带进来的浏览器菜单', en: 'A browser menu copied in with the page' },
        input: '六、其他需要报告的事项\n本年度未收取信息处理费。\n\n翻译\n复制\n',
        findings: [
          { line: 4, column: 1, endLine: 4, endColumn: 3, severity: 'info', message: '页尾的“翻译”是浏览器菜单的文字，复制网页时带进来的，请删除。' },
          { line: 5, column: 1, endLine: 5, endColumn: 3, severity: 'info', message: '页尾的“复制”是浏览器菜单的文字，复制网页时带进来的，请删除。' },
        ],
        fixed: '六、其他需要报告的事项\n本年度未收取信息处理费。\n\n\n\n',
      },
      { title: { zh: '干净的文本，正文里的“复制”不算', en: 'Clean text; 复制 inside the text is fine' }, input: '六、其他需要报告的事项\n本年度未收取信息处理费，公众可复制下载。\n\n复制\n本报告电子版可在门户网站下载。\n', findings: [] },
    ],
  },
  check(context) {
    for (const a of context.document.artifacts) {
      const code = `U+${a.text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const MESSAGE = { bookmark: 'bookmark', 'control-character': 'control', 'zero-width': 'zeroWidth', 'replacement-character': 'replacement', 'browser-menu': 'menu' } as const;
      const messageId = MESSAGE[a.kind];
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
