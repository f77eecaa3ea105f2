/**
 * A whole published page (corpus 011): site header, menu, breadcrumb, the article (title, 来源/时间
 * line, body) and a footer of links, with scripts. Headings are styled paragraphs with a trailing
 * `&nbsp;`; tables carry rowspan/colspan; label cells are split into several `<p>`, some numbers over
 * `<span>`s, and cells padded with `&nbsp;`. With `mso`, the body is Word-pasted HTML: `MsoNormal`
 * paragraphs, `<o:p></o:p>`, `mso-` styles and conditional comments.
 */
import type { Grid, GridCell, LayoutDocument } from '../document.js';
import type { Rng } from '../prng.js';
import { cut, cutLabel, pieces, rngOf, type WriterOptions } from './common.js';

export interface HtmlOptions extends WriterOptions {
  /** Word/MSO flavour; drawn from the seed when absent. */
  mso?: boolean;
}

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function paragraph(inner: string, mso: boolean, style = ''): string {
  if (mso) return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly${style ? `;${style}` : ''}'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${inner}<o:p></o:p></span></p>`;
  return `<p style="text-indent: 2em;${style ? ` ${style};` : ''}">${inner}</p>`;
}

/** A cell's content: labels in one or more `<p>`, numbers plain or split over spans, with padding. */
function cellContent(cell: GridCell, rng: Rng, mso: boolean): string {
  const pad = rng.chance(0.3) ? '&nbsp;'.repeat(rng.int(1, 3)) : '';
  if (cell.text === '') return mso ? `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>&nbsp;<o:p></o:p></span></p>` : '<p>&nbsp;</p>';
  if (cell.role === 'value') {
    const digits = cell.text.length > 1 && rng.chance(0.2) ? cut(cell.text, rng, 2) : [cell.text];
    const inner = digits.map((d) => (digits.length > 1 || mso ? `<span lang=EN-US>${escape(d)}</span>` : escape(d))).join('');
    return mso ? `<p class=MsoNormal align=center style='text-align:center'>${inner}${pad}<o:p></o:p></p>` : `<p>${inner}${pad}</p>`;
  }
  const parts = [...cell.text].length >= 4 && rng.chance(0.35) ? cutLabel(cell.text, rng, rng.int(2, 3)) : [cell.text];
  return parts
    .map((t, i) => {
      const padded = `${i === 0 ? pad : ''}${escape(t)}`;
      return mso ? `<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>${padded}<o:p></o:p></span></p>` : `<p style="text-align: center;"><span>${padded}</span></p>`;
    })
    .join('');
}

function table(grid: Grid, rng: Rng, mso: boolean): string {
  const attrs = (cell: GridCell): string => `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const style = mso ? ` style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'` : '';
  const rows = grid.rows.map((cells) => `<tr>${cells.map((c) => `<td${attrs(c)}${style}>${cellContent(c, rng, mso)}</td>`).join('')}</tr>`);
  const open = mso ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-yfti-tbllook:1184'>` : '<table border="1" cellspacing="0" cellpadding="0" style="width: 100%; border-collapse: collapse;">';
  return `${mso ? '<div align=center>' : ''}${open}<tbody>\n${rows.join('\n')}\n</tbody></table>${mso ? '</div>' : ''}`;
}

function article(doc: LayoutDocument, rng: Rng, mso: boolean): string {
  const body: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'title') continue;
    if (p.kind === 'heading') {
      body.push(
        mso
          ? `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><!--[if !supportLists]--><span style='font-size:16.0pt;font-family:黑体;mso-bidi-font-family:黑体'>${escape(p.text)}<o:p></o:p></span><!--[endif]--></p>`
          : `<p style="text-indent: 2em;"><span style="font-family: 黑体, SimHei;">${escape(p.text)}&nbsp;</span></p>`,
      );
    } else if (p.kind === 'table') body.push(table(p.grid, rng, mso));
    else if (p.kind === 'signature') body.push(paragraph(escape(p.text), mso, mso ? 'text-align:right' : 'text-align: right'));
    else body.push(paragraph(escape(p.text), mso));
  }
  const time = doc.publicationDate ? `${doc.publicationDate} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(10, 59))}` : '';
  return [
    '<div class="article_component">',
    `<div class="article_title">${escape(doc.title)}</div>`,
    `<div class="article_attr"><span>来源：${escape(doc.agency)}</span><span>时间：${time}</span></div>`,
    '<div class="article_tabs"><a href="#">全真版</a><a href="#">文字版</a><a href="#">文件下载</a></div>',
    `<div class="TRS_Editor">${mso ? '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->' : ''}`,
    ...body,
    '</div>',
    '</div>',
  ].join('\n');
}

const MENU = ['首页', '政务公开', '政务服务', '互动交流', '走进本地'];
const LINKS = ['中国政府网', '国务院部门网站', '省政府网站', '市政府网站', '县区网站'];

export function writeHtml(doc: LayoutDocument, options: HtmlOptions = {}): string {
  const rng = rngOf(options, 8);
  const mso = options.mso ?? rng.chance(0.4);
  const site = `${doc.agency.replace(/(办公室|局|委员会|街道办事处|人民政府)$/u, '')}门户网站`;
  return `<!DOCTYPE html>
<html lang="zh-CN"${mso ? ' xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"' : ''}>
<head>
<meta charset="utf-8">
<title>${escape(doc.title)}_政府信息公开年报_${escape(site)}</title>
<link rel="stylesheet" href="/css/main.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function () { var hm = document.createElement("script"); hm.src = "https://hm.example.com/hm.js"; document.head.appendChild(hm); })();</script>
</head>
<body>
<div class="header"><div class="logo"><a href="/">${escape(site)}</a></div><form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="nav"><ul>${MENU.map((m) => `<li><a href="/${rng.int(100, 999)}/">${m}</a></li>`).join('')}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main">
${article(doc, rng, mso)}
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
</div>
<div class="footer"><div class="links">${LINKS.map((l) => `<a href="https://www.example.gov.cn/${rng.int(1, 99)}">${l}</a>`).join(' | ')}</div><p>主办：${escape(doc.agency)}　网站标识码：${rng.int(1000000000, 9999999999)}</p><p>ICP备${rng.int(10000000, 99999999)}号</p></div>
<script>document.querySelectorAll('.article_tabs a').forEach(function (a) { a.addEventListener('click', function (e) { e.preventDefault(); }); });</script>
</body>
</html>
`;
}
