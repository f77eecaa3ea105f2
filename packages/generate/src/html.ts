import rehypeStringify from 'rehype-stringify';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/iu;

/** Links and images whose address could run script (`javascript:`, `data:`) become their text. */
function dropUnsafeLinks() {
  const walk = (node: MdNode): void => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) => {
      if ((child.type === 'link' || child.type === 'image' || child.type === 'definition') && child.url !== undefined && !SAFE_URL.test(child.url.trim())) {
        return child.type === 'link' ? (child.children ?? []) : [];
      }
      walk(child);
      return [child];
    });
  };
  return (tree: MdNode): void => walk(tree);
}

/**
 * GFM tables and nothing else of GFM: its literal autolinks (`www.…`, bare e-mail addresses) would run
 * on through the Chinese text after an address, which has no space to stop them.
 */
function tablesOnly(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(tablesOnly).use(dropUnsafeLinks).use(remarkRehype).use(rehypeStringify).freeze();

const STYLE = `
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.8; color: #111; }
h1 { text-align: center; font-size: 1.6em; }
h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #444; padding: 0.3em 0.5em; text-align: center; vertical-align: middle; }
td:first-child, td:nth-child(2), td:nth-child(3) { text-align: left; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/**
 * A standalone HTML page of a generated report, fit to publish: real tables, the title as the page
 * title. remark-rehype leaves raw HTML out, so nothing can inject markup.
 */
export function renderHtml(markdown: string, title: string): string {
  // The guidance and the update markers are for authors; a comment opening a line would also make
  // Markdown treat the sentence after it as raw HTML. Data holds no comment of its own (`<` arrives
  // escaped), only the empty `<!-- -->` escaping puts after a `www.` address to end GFM's link.
  const body = String(processor.processSync(markdown.replace(/<!--[\s\S]*?-->/gu, '')));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
