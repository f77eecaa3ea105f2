/**
 * Report data → the layout-neutral document: title, preamble with the 统计期限 sentence, the six sections
 * under their canonical headings (from the format data) with prose and tables, and the signature.
 */
import { FORMATS, SECTIONS, canonicalHeading, type ReportData, type SectionId } from '@nianbao/format';
import { chineseDate } from '@nianbao/generate';
import type { DocBlock, DocSection, LayoutDocument } from './document.js';
import { tableGrid } from './grid.js';
import { Rng } from './prng.js';
import { applicationsSummary, otherMatters, overview, preamble, problems, reviewSentences } from './prose.js';

export interface ComposeOptions {
  /** Varies the prose; the same data and seed always give the same document. */
  seed?: number;
}

const paragraph = (text: string): DocBlock => ({ kind: 'paragraph', text });

export function compose(data: ReportData, options: ComposeOptions = {}): LayoutDocument {
  const rng = new Rng(options.seed ?? data.reportYear);
  const format = FORMATS[data.formatYear];
  const table = (id: SectionId): DocBlock[] => {
    const spec = SECTIONS.find((s) => s.id === id)?.table;
    return spec ? [{ kind: 'table', grid: tableGrid(format.tables[spec], data.tables[spec]) }] : [];
  };
  const body: Record<SectionId, () => DocBlock[]> = {
    overview: () => overview(data, rng).map(paragraph),
    activeDisclosure: () => table('activeDisclosure'),
    applications: () => [paragraph(applicationsSummary(data)), ...table('applications')],
    reviewLitigation: () => [...table('reviewLitigation'), ...reviewSentences(data).map(paragraph)],
    problems: () => problems(data, rng).map(paragraph),
    otherMatters: () => otherMatters(data, rng).map(paragraph),
  };
  const sections: DocSection[] = SECTIONS.map((s) => ({ id: s.id, heading: canonicalHeading(s), blocks: body[s.id]() }));
  const agency = data.agency.name ?? '';
  return {
    title: data.title ?? '',
    agency,
    reportYear: data.reportYear,
    publicationDate: data.publicationDate,
    preamble: preamble(data, rng),
    sections,
    signature: data.publicationDate ? [agency, chineseDate(data.publicationDate)] : [],
  };
}
