/**
 * The third-party parsers behind the readers — remark (with GFM) for Markdown, hast-util-from-html for
 * web pages, fflate for the zip inside a .docx — loaded the first time a reader needs one, so that a run
 * that reads only plain text loads none of them (remark and the HTML parser were most of a one-file
 * lint's start-up). pdf.js, asynchronous anyway, is loaded by the PDF reader itself.
 *
 * The readers are synchronous, so each engine can be loaded synchronously on first use: inside a bundle
 * (the CLI's tarball, the VS Code extension) by the bundle's own `require`, which runs the bundled
 * module's code only then; outside one by Node's, which loads an ES module synchronously from Node
 * 20.19. `loadEngines` loads them the asynchronous way, for any Node: `readSource` calls it, so reading
 * a file never depends on the synchronous path.
 */
import { createRequire } from 'node:module';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { SourceFormat } from './types.js';

/** What the Markdown reader parses with: CommonMark alone, or with GFM (tables) when the text has one. */
export interface MarkdownEngine {
  commonmark: (text: string) => MdastRoot;
  gfm: (text: string) => MdastRoot;
}

export type HtmlEngine = (text: string) => HastRoot;

type FflateModule = typeof import('fflate');

/** fflate's `unzipSync`, as the .docx reader and the format sniffer call it. */
export type ZipEngine = FflateModule['unzipSync'];

type UnifiedModule = typeof import('unified');
type RemarkParseModule = typeof import('remark-parse');
type RemarkGfmModule = typeof import('remark-gfm');
type FromHtmlModule = typeof import('hast-util-from-html');

let markdown: MarkdownEngine | undefined;
let html: HtmlEngine | undefined;
let zip: ZipEngine | undefined;

function markdownFrom(u: UnifiedModule, parse: RemarkParseModule, gfm: RemarkGfmModule): MarkdownEngine {
  const commonmark = u.unified().use(parse.default).freeze();
  const withGfm = u.unified().use(parse.default).use(gfm.default).freeze();
  return { commonmark: (text) => commonmark.parse(text), gfm: (text) => withGfm.parse(text) };
}

// `require('…')` with a literal name is what a bundler follows, so inside a bundle these calls name the
// bundled modules; `typeof require` is 'undefined' in an ES module run by Node, which takes Node's.
// The casts type what require() cannot: the module the name resolves to.
function requireMarkdown(): MarkdownEngine {
  if (typeof require === 'function') return markdownFrom(require('unified') as UnifiedModule, require('remark-parse') as RemarkParseModule, require('remark-gfm') as RemarkGfmModule);
  const nodeRequire = createRequire(import.meta.url);
  return markdownFrom(nodeRequire('unified') as UnifiedModule, nodeRequire('remark-parse') as RemarkParseModule, nodeRequire('remark-gfm') as RemarkGfmModule);
}

function requireHtml(): HtmlEngine {
  if (typeof require === 'function') return (require('hast-util-from-html') as FromHtmlModule).fromHtml;
  return (createRequire(import.meta.url)('hast-util-from-html') as FromHtmlModule).fromHtml;
}

function requireZip(): ZipEngine {
  if (typeof require === 'function') return (require('fflate') as FflateModule).unzipSync;
  return (createRequire(import.meta.url)('fflate') as FflateModule).unzipSync;
}

/** The Markdown parser, loaded on first use. */
export function markdownEngine(): MarkdownEngine {
  markdown ??= requireMarkdown();
  return markdown;
}

/** The HTML parser, loaded on first use. */
export function htmlEngine(): HtmlEngine {
  html ??= requireHtml();
  return html;
}

/** The zip reader, loaded on first use. */
export function zipEngine(): ZipEngine {
  zip ??= requireZip();
  return zip;
}

/**
 * Loads, with `import()`, what reading `formats` needs. Optional on Node 20.19 and later and inside a
 * bundle (the engines load themselves there); on an older Node, an ES module cannot be loaded
 * synchronously, so a program that parses Markdown or HTML it did not read through `readSource` calls
 * this first.
 */
export async function loadEngines(formats: Iterable<SourceFormat | 'zip'>): Promise<void> {
  for (const format of new Set(formats)) {
    if (format === 'markdown' && !markdown) {
      const [u, parse, gfm] = await Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')]);
      markdown ??= markdownFrom(u, parse, gfm);
    } else if (format === 'html' && !html) {
      html ??= (await import('hast-util-from-html')).fromHtml;
    } else if ((format === 'docx' || format === 'zip') && !zip) {
      zip ??= (await import('fflate')).unzipSync;
    }
  }
}
