/**
 * The precision test over prose (issue 11): every number-bearing sentence of the corpus prose, and
 * phrasings of our own over generated data, each labelled by hand as agreeing with its tables,
 * contradicting them, or counting something they do not hold. A sentence that agrees or is unrelated
 * gives no finding of any prose rule; a contradiction gives exactly one, of the rule and severity its
 * label names, inside the sentence (prose-conflict links two places: the sentence may hold either).
 *
 * The corpus fixture (fixtures/prose-precision/corpus-sentences.json) is checked for rot as well: a
 * crude scan of the parser's prose sentences for a digit and a counting word must find each of them
 * inside a labelled sentence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type Diagnostic } from '@nianbao/lint';
import { generateReport } from '@nianbao/generate';
import type { ReportData } from '@nianbao/format';
import { documentLocator, LineIndex, parseReport, type ReportDocument } from '@nianbao/parse';
import { PHRASINGS, type Label, type Phrasing } from './fixtures/prose-precision/generated-phrasings.js';
import { corpusReports, readCorpusReport } from './helpers/corpus.js';
import { randomReport } from './helpers/layouts/data.js';
import { fill, holds, perturbed, valuesOf, withOverview, type Values } from './helpers/prose-precision.js';

/** The rules that read prose against the tables or against itself. */
const PROSE_RULES = new Set(['text-mismatch', 'text-check', 'prose-sum', 'prose-conflict', 'count-missing', 'scope-mismatch']);

interface CorpusSentence {
  file: string;
  sentence: string;
  label: Label;
  rule?: string;
  severity?: 'error' | 'warning';
  note: string;
}
const CORPUS = (JSON.parse(readFileSync(new URL('./fixtures/prose-precision/corpus-sentences.json', import.meta.url), 'utf8')) as { sentences: CorpusSentence[] }).sentences;

/** A range of a file: offsets, and lines and columns as findings give them (1-based, end exclusive). */
interface Place {
  start: number;
  end: number;
  from: { line: number; column: number };
  to: { line: number; column: number };
}

function placeOf(lines: LineIndex, start: number, end: number): Place {
  const span = lines.span(start, end);
  return { start, end, from: { line: span.start.line, column: span.start.column }, to: { line: span.end.line, column: span.end.column } };
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Whether a finding is about a place: it starts inside it, or (prose-conflict) its linked place does. */
function touches(d: Diagnostic, place: Place): boolean {
  if (d.startOffset >= place.start && d.startOffset < place.end) return true;
  return d.ruleId === 'prose-conflict' && d.related.some((r) => before(place.from, { line: r.line, column: r.column }) && before({ line: r.line, column: r.column + 1 }, place.to));
}

/** What a labelled sentence got, against what its label says it must get; undefined where they agree. */
function verdict(label: Label, rule: string | undefined, severity: string | undefined, found: Diagnostic[]): string | undefined {
  const got = found.map((d) => `${d.ruleId} ${d.severity}: ${d.message}`);
  if (label !== 'contradicts') return got.length === 0 ? undefined : `${label}, but got ${JSON.stringify(got)}`;
  if (found.length === 1 && found[0]!.ruleId === rule && found[0]!.severity === severity) return undefined;
  return `contradicts (${rule} ${severity}), but got ${got.length === 0 ? 'nothing' : JSON.stringify(got)}`;
}

/**
 * A digit and a word that counts (件, 条, 次, 人次, %, 元 …): a number of something, not a date, a
 * document number (〔2021〕30号) or an article (第十条, 第6版). Crude on purpose — it is the check that
 * the fixture lists every such sentence, not a reading of them.
 */
const COUNTED = /(?<![第\d.])\d+(?:\.\d+)?(?:万|亿)?(?:余|多)?(?:件|条|个|宗|起|份|项|例|次|篇|期|家|场|批|人|名|户|张|位|本|%|％|元|万|亿)/u;

/** The prose sentences of a document (the parser's), as places in the file. */
function proseSentences(document: ReportDocument, lines: LineIndex): Array<{ place: Place; flat: string }> {
  const locate = document.source.origin || document.source.places ? documentLocator(document) : undefined;
  return document.paragraphs.flatMap((p) =>
    p.sentences.map((s) => {
      const r = locate ? locate(s.span.start.offset, s.span.end.offset) : { start: s.span.start, end: s.span.end };
      return { place: placeOf(lines, r.start.offset, r.end.offset), flat: s.text.replace(/[\s\u3000]+/gu, '') };
    }),
  );
}

const overlaps = (a: Place, b: Place): boolean => a.start < b.end && b.start < a.end;

describe('precision over the corpus prose: every number-bearing sentence, labelled by hand', () => {
  const files = [...new Set(CORPUS.map((s) => s.file))];
  const reports = corpusReports({ all: true }).filter((r) => !r.file.endsWith('.pdf'));

  it('covers every corpus report once (the PDF through its pdftotext twin)', () => {
    expect(files.sort()).toEqual(reports.map((r) => r.file).filter((f) => CORPUS.some((s) => s.file === f)));
    expect(reports.map((r) => r.file).filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const report of reports) {
    it(report.file, async () => {
      const text = report.bytes.toString('utf8');
      const lines = new LineIndex(text);
      const document = await readCorpusReport(report);
      const findings = lint(document).filter((d) => PROSE_RULES.has(d.ruleId));
      const labelled = CORPUS.filter((s) => s.file === report.file);
      const problems: string[] = [];

      // Each labelled sentence, found in file order, against what its label says.
      let cursor = 0;
      const places: Place[] = [];
      const sentences: string[] = [];
      for (const s of labelled) {
        const at = text.indexOf(s.sentence, cursor);
        if (at < 0) {
          problems.push(`not found in the file (after offset ${cursor}): ${JSON.stringify(s.sentence)}`);
          continue;
        }
        cursor = at + s.sentence.length;
        const place = placeOf(lines, at, at + s.sentence.length);
        places.push(place);
        sentences.push(s.sentence);
        const problem = verdict(s.label, s.rule, s.severity, findings.filter((d) => touches(d, place)));
        if (problem) problems.push(`line ${place.from.line}: ${JSON.stringify(s.sentence.slice(0, 60))}… is ${problem}`);
      }

      const prose = proseSentences(document, lines);
      // A labelled sentence is prose, not a table row: the parser reads it as (part of) a sentence.
      for (const [i, place] of places.entries()) {
        if (!prose.some((p) => overlaps(p.place, place))) problems.push(`line ${place.from.line}: ${JSON.stringify(sentences[i]!.slice(0, 40))} is not prose the parser reads`);
      }
      // The fixture cannot rot: every prose sentence with a counted number lies in a labelled one (the
      // scan needs no exclusions: dates, document numbers and articles have no counting word after them).
      for (const p of prose) {
        if (COUNTED.test(p.flat) && !places.some((place) => overlaps(place, p.place))) problems.push(`line ${p.place.from.line}: unlabelled number-bearing sentence ${JSON.stringify(p.flat.slice(0, 60))}`);
      }
      // No number rule reports outside the labelled sentences (scope-mismatch’s sentences hold no number).
      for (const d of findings) {
        if (d.ruleId !== 'scope-mismatch' && !places.some((place) => touches(d, place))) problems.push(`${d.ruleId} ${d.line}:${d.column} outside every labelled sentence: ${d.message}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/**
 * Generated reports to fill the phrasings from, in the order they are tried: both formats in turn (2021,
 * 2019, 2021 …), busy and quiet desks, carried-over requests, reviews and lawsuits — chosen by looking at
 * what each seed draws, so that every phrasing's `when` has seeds to fill it.
 */
const SEEDS = [16, 48, 22, 19, 44, 6, 55, 25];
/** How many seeds each phrasing is filled from: enough to vary the numbers, few enough to stay fast. */
const PER_PHRASING = 3;

interface Seeded {
  seed: number;
  data: ReportData;
  values: Values;
  markdown: string;
}
const SEEDED = new Map<number, Seeded>();
/** A seed's data, its named values and its rendered report, made once. */
function seeded(seed: number): Seeded {
  let s = SEEDED.get(seed);
  if (!s) {
    const data = randomReport(seed);
    const generated = generateReport(data);
    if (!generated.ok) throw new Error(`seed ${seed}: the generator refused its own data`);
    s = { seed, data, values: valuesOf(data), markdown: generated.markdown };
    SEEDED.set(seed, s);
  }
  return s;
}

interface Filled {
  phrasing: Phrasing;
  sentence: string;
}

function filled(phrasing: Phrasing, values: Values): Filled | undefined {
  if (!(phrasing.when ?? []).every((c) => holds(c, values))) return undefined;
  const change = phrasing.perturb;
  const stated = change && !('drop' in change) ? perturbed(values, change.key, change) : values;
  return { phrasing, sentence: fill(phrasing.text, stated, change && 'drop' in change ? change.key : undefined) };
}

/**
 * The filled phrasings of one seed as reports, each phrasing a paragraph of section 一. Most share one
 * report: the rules read each sentence on its own. A figure prose-conflict compares across the whole
 * text (a group) is the exception: the group's agreeing phrasings state it alike and share the report,
 * and each of its contradictions gets a report of its own, so that the earlier statement it is linked to
 * is its own (one contradiction of each group per report).
 */
function batches(entries: readonly Filled[]): Filled[][] {
  const out: Filled[][] = [[]];
  const used = new Map<string, number>();
  for (const e of entries) {
    const group = e.phrasing.group;
    let k = 0;
    if (group !== undefined && e.phrasing.label === 'contradicts') {
      k = (used.get(group) ?? 0) + 1;
      used.set(group, k);
    }
    while (out.length <= k) out.push([]);
    out[k]!.push(e);
  }
  return out;
}

describe('precision over phrasings of generated data', () => {
  it('each phrasing is well formed and fills from at least one seed', () => {
    const ids = PHRASINGS.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const p of PHRASINGS) {
      expect(p.label === 'contradicts', p.id).toBe(p.perturb !== undefined && p.rule !== undefined && p.severity !== undefined);
      expect(p.note.length, p.id).toBeGreaterThan(3);
      const seeds = SEEDS.filter((seed) => filled(p, seeded(seed).values) !== undefined);
      expect(seeds.length, `${p.id}: no seed satisfies ${JSON.stringify(p.when)}`).toBeGreaterThan(0);
    }
  });

  it('agreeing and unrelated phrasings give nothing; each contradiction gives its one finding', () => {
    const counts = new Map<string, number>();
    const problems: string[] = [];
    for (const seed of SEEDS) {
      const { data, values, markdown } = seeded(seed);
      const entries = PHRASINGS.flatMap((p) => {
        if ((counts.get(p.id) ?? 0) >= PER_PHRASING) return [];
        const f = filled(p, values);
        if (f) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
        return f ? [f] : [];
      });
      for (const batch of batches(entries)) {
        const { text, starts } = withOverview(markdown, batch.map((e) => e.sentence));
        const lines = new LineIndex(text);
        const document = parseReport(text, { fileName: 'generated.md' });
        const findings = lint(document).filter((d) => PROSE_RULES.has(d.ruleId));
        const places = batch.map((e, i) => placeOf(lines, starts[i]!, starts[i]! + e.sentence.length));
        const prose = proseSentences(document, lines);
        batch.forEach((e, i) => {
          const { label, rule, severity, id } = e.phrasing;
          const problem = prose.some((p) => overlaps(p.place, places[i]!))
            ? verdict(label, rule, severity, findings.filter((d) => touches(d, places[i]!)))
            : 'not read as prose at all';
          if (problem) problems.push(`seed ${seed} (${data.formatYear} format) ${id}: ${JSON.stringify(e.sentence)} is ${problem}`);
        });
        // The generated report's own prose agrees with its tables: nothing outside the phrasings.
        for (const d of findings) {
          if (!places.some((place) => touches(d, place))) problems.push(`seed ${seed}: ${d.ruleId} ${d.line}:${d.column} outside every phrasing: ${d.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the size of the test', () => {
  it('corpus and generated sentences make at least 300, with many contradictions and look-alikes', () => {
    const count = (label: Label): number => CORPUS.filter((s) => s.label === label).length + PHRASINGS.filter((p) => p.label === label).length;
    expect(CORPUS.length + PHRASINGS.length).toBeGreaterThanOrEqual(300);
    expect(count('contradicts')).toBeGreaterThanOrEqual(60);
    expect(PHRASINGS.filter((p) => p.nearMiss).length).toBeGreaterThanOrEqual(50);
  });
});
