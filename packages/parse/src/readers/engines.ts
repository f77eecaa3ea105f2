/**
 * The third-party parsers behind the readers — micromark (remark's own tokenizer) for Markdown, hast-util-from-html for
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
import type { Event } from 'micromark-util-types';
import type { SourceFormat } from './types.js';

/** What the Markdown reader parses with: micromark's CommonMark events (GFM tables are the reader's own, gfm-tables.ts). */
export type MarkdownEngine = (text: string) => Event[];

export type HtmlEngine = (text: string) => HastRoot;

type FflateModule = typeof import('fflate');

/** fflate's `unzipSync`, as the .docx reader and the format sniffer call it. */
export type ZipEngine = FflateModule['unzipSync'];

type MicromarkModule = typeof import('micromark');
type FromHtmlModule = typeof import('hast-util-from-html');

let markdown: MarkdownEngine | undefined;
let html: HtmlEngine | undefined;
let zip: ZipEngine | undefined;

/**
 * Inline syntax (emphasis, links, code spans, escapes, entities) is not tokenized: the reader takes every
 * block's text from the source, so only where blocks begin and end matters, and inline tokenizing was
 * a third of the parse (and, for runs of unmatched delimiters, super-linear).
 */
const INLINE_OFF = {
  disable: {
    null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'],
  },
};

function markdownFrom(m: MicromarkModule): MarkdownEngine {
  return (text) => m.postprocess(m.parse({ extensions: [INLINE_OFF] }).document().write(m.preprocess()(text, undefined, true)));
}

// `require('…')` with a literal name is what a bundler follows, so inside a bundle these calls name the
// bundled modules; `typeof require` is 'undefined' in an ES module run by Node, which takes Node's.
// The casts type what require() cannot: the module the name resolves to.
function requireMarkdown(): MarkdownEngine {
  if (typeof require === 'function') return markdownFrom(require('micromark') as MicromarkModule);
  return markdownFrom(createRequire(import.meta.url)('micromark') as MicromarkModule);
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
      const m = await import('micromark');
      markdown ??= markdownFrom(m);
    } else if (format === 'html' && !html) {
      html ??= (await import('hast-util-from-html')).fromHtml;
    } else if ((format === 'docx' || format === 'zip') && !zip) {
      zip ??= (await import('fflate')).unzipSync;
    }
  }
}
