import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, readSource, type ReportDocument } from '@nianbao/parse';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

export interface CorpusReport {
  /** The 3-digit prefix: 000 … 004. */
  id: string;
  file: string;
  path: string;
  bytes: Buffer;
}

/** The five seed reports (Word and PDF text exports), the ones with hand-written cell-by-cell expectations. */
const SEEDS = new Set(['000', '001', '002', '003', '004']);

/** The real reports copied from shared/corpus, in order: the seeds, or with `all` every file. */
export function corpusReports(options: { all?: boolean } = {}): CorpusReport[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /^\d{3}_.*\.(txt|md|html?|pdf|docx)$/u.test(f) && (options.all === true || SEEDS.has(f.slice(0, 3))))
    .sort()
    .map((file) => ({ id: file.slice(0, 3), file, path: CORPUS_DIR + file, bytes: readFileSync(CORPUS_DIR + file) }));
}

export function expectedData(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${CORPUS_DIR}expected/${id}.json`, 'utf8')) as Record<string, unknown>;
}

/** A corpus file read as the CLI reads it: by its bytes and name, whatever its format. */
export async function readCorpusReport(report: CorpusReport): Promise<ReportDocument> {
  return parseReport(await readSource(report.bytes, report.file));
}
