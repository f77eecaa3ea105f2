/**
 * A site crawler's page text (corpus 005–009): header lines (`标题：…`, `发布时间：…`, …), `正文：`, then
 * one text node per line. Paragraphs break wherever the page had an inline element, so a paragraph is
 * several lines cut at random points; table cells stand one per line, empty ones dropped. The body has
 * no title line (the header's 标题 is the title). Two header styles: full-width colons and CRLF (005),
 * half-width colons with a space and LF (008).
 */
import { slots } from '../document.js';
import { cut, cutAfterNumeral, pieces, rngOf, type TextWriter } from './common.js';

export const writeCrawl: TextWriter = (doc, options) => {
  const rng = rngOf(options, 6);
  const fullWidth = rng.chance(0.5);
  const colon = fullWidth ? '：' : ': ';
  const eol = fullWidth ? '\r\n' : '\n';
  const published = doc.publicationDate ? `${doc.publicationDate}${rng.chance(0.5) ? ` ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(10, 59))}` : ''}` : '';
  const slug = rng.int(100000, 999999);
  const header = [
    `标题${colon}${doc.title}`,
    `发布时间${colon}${published}`,
    `文号${colon}`,
    `发布机构${colon}${doc.agency}`,
    ...(fullWidth ? [`索引号${colon}${rng.int(10000000, 99999999)}-${doc.reportYear}-${String(rng.int(1, 99)).padStart(5, '0')}`, `来源${colon}`] : []),
    `栏目${colon}政府信息公开年报`,
    `原始链接${colon}https://www.example.gov.cn/xxgk/ndbg/${doc.reportYear + 1}/t${slug}.htm`,
    ...(fullWidth ? [`本地目录${colon}pages/${slug}`] : []),
  ];
  const body: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'title') continue;
    if (p.kind === 'table') {
      for (const row of slots(p.grid)) for (const s of row) if (s.origin && s.cell.text !== '') body.push(s.cell.text);
    } else if (p.kind === 'paragraph') body.push(...cut(p.text, rng, rng.int(1, Math.min(6, 1 + Math.floor(p.text.length / 25)))));
    else if (p.kind === 'heading') body.push(...(rng.chance(0.3) ? cutAfterNumeral(p.text) : [p.text]));
    else body.push(p.text);
  }
  // 005 has no newline at the end; a crawl's last line is the signature.
  return [...header, '', `正文${fullWidth ? '：' : ':'}`, ...body].join(eol);
};
