/**
 * The national format's words are data, defined once in packages/format: no row or column label,
 * group label, section heading, table name or numbering pattern is typed in another package's sources
 * or in the templates. They ask the format (its tables and sections, `tableName`, the numbering
 * patterns) instead. Comments may quote a label to say why; tests, fixtures, schemas and docs are exempt,
 * and so are the properties that document a rule (`description`, `details`, `examples`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { FORMATS, SECTIONS, normalizeLabel } from '@nianbao/format';

const ROOT = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist' && name !== 'test') out.push(...filesUnder(path, ext));
    } else if (ext.test(name)) out.push(path);
  }
  return out;
}

/** Properties that document a rule (its description, details and worked examples): docs, exempt. */
const DOC_PROPERTIES = new Set(['description', 'details', 'examples', 'title']);

/**
 * What the code types: the string and template literals of a TypeScript source outside comments and
 * outside the properties that document a rule; all of a Handlebars template except its comments.
 */
function code(file: string, text: string): string {
  if (file.endsWith('.hbs')) return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/gu, '');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && DOC_PROPERTIES.has(node.name.getText(source))) return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node)) {
      out.push(`${node.getStart(source)}:${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Each literal on a line of its own, with the line it starts on, for the failure message.
  return out
    .map((entry) => {
      const at = Number(entry.slice(0, entry.indexOf(':')));
      return `${source.getLineAndCharacterOfPosition(at).line + 1}\t${entry.slice(entry.indexOf(':') + 1).replace(/\n/gu, ' ')}`;
    })
    .join('\n');
}

const SOURCES = [
  ...readdirSync(join(ROOT, 'packages'))
    .filter((p) => p !== 'format')
    .flatMap((p) => {
      const src = join(ROOT, 'packages', p, 'src');
      try {
        return filesUnder(src, /\.ts$/u);
      } catch {
        return [];
      }
    }),
  ...filesUnder(join(ROOT, 'templates'), /\.hbs$/u),
].map((file) => ({ file: relative(ROOT, file), text: code(file, readFileSync(file, 'utf8')) }));

/** Words of the format that only it may type: labels long enough to be unmistakable, headings, table names. */
function formatWords(): string[] {
  const words = new Set<string>();
  for (const format of Object.values(FORMATS)) {
    for (const table of Object.values(format.tables)) {
      for (const x of [...table.rows, ...table.columns, ...table.groups, ...table.blocks]) words.add(x.label);
      words.add(`表${table.numeral}`);
    }
  }
  for (const s of SECTIONS) {
    words.add(s.title);
    for (const v of s.variants) words.add(v);
  }
  // Short labels (其他, 总计, 自然人) are ordinary words too: only labels of five characters or more.
  return [...words].filter((w) => normalizeLabel(w).length >= 5 || /^表[二三四]$/u.test(w));
}

/** Numbering written out: the CJK numeral class, or a table number in English. */
const NUMBERING = [/一二三四五六七八九/u, /零一二三/u, /\bTable [234二三四]\b/u];

describe('the format’s words are typed only in packages/format', () => {
  it('no label, heading or table name in another package’s sources or the templates', () => {
    const words = formatWords();
    const hits: string[] = [];
    for (const { file, text } of SOURCES) {
      for (const line of text.split('\n')) for (const w of words) if (line.includes(w)) hits.push(`${file}:${line.slice(0, line.indexOf('\t'))}: ${w}`);
    }
    expect(hits).toEqual([]);
  });

  it('no numbering pattern either', () => {
    const hits: string[] = [];
    for (const { file, text } of SOURCES) {
      for (const p of NUMBERING) {
        for (const line of text.split('\n')) if (p.test(line)) hits.push(`${file}:${line.slice(0, 90)}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
