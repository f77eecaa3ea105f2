/**
 * Last year's report: `previous: auto` pairs the same agency's report of the year before in the same
 * folder. The pairing itself is pure; finding the candidates reads the folder.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseReport, type ReportDocument } from '@nianbao/parse';
import { readRegularFile } from './read.js';
import { TEXT_REPORT_EXTENSIONS } from './walk.js';

/** An agency name in comparable form: no spaces, no brackets, full/half width folded. */
export function normalizeAgencyName(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(/[\s《》“”"()（）]/gu, '')
      // A title may open `关于…` and name the agency `…的`; a street office is named with or without 办事处.
      .replace(/^关于/u, '')
      .replace(/的$/u, '')
      .replace(/街道办事处$|街道办$/u, '街道')
      .replace(/人民政府/gu, '政府')
      .trim()
  );
}

export interface ReportIdentity {
  file: string;
  agency: string | undefined;
  year: number | undefined;
}

export function identityOf(file: string, document: ReportDocument): ReportIdentity {
  return { file, agency: document.title?.agency ?? undefined, year: document.reportYear };
}

/**
 * The report of the same agency for the year before, among candidates: exact normalised agency name
 * and year − 1. With more than one match none is chosen (a wrong pairing is worse than none).
 */
export function pairPreviousReport(current: ReportIdentity, candidates: readonly ReportIdentity[]): ReportIdentity | undefined {
  if (current.agency === undefined || current.year === undefined) return undefined;
  const agency = normalizeAgencyName(current.agency);
  const matches = candidates.filter(
    (c) => c.file !== current.file && c.year === current.year! - 1 && c.agency !== undefined && normalizeAgencyName(c.agency) === agency,
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export type Candidate = ReportIdentity & { document: ReportDocument };

/**
 * The reports in a folder that could be last year's: its text reports (a PDF or .docx beside every report
 * would be read for each one, and last year's report saved both as .docx and as PDF would make the
 * pairing ambiguous). Files that cannot be read, or are no regular files of this folder, are simply no
 * candidates.
 */
export async function pairingCandidates(dir: string): Promise<Candidate[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const candidates: Candidate[] = [];
  for (const name of names) {
    if (!TEXT_REPORT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
    const path = join(dir, name);
    // Only a regular file of this folder, and only up to the cap: a FIFO, a device or a link out of the
    // folder named like a report is no candidate, and is never opened (nor is a folder, a locked file).
    const read = await readRegularFile(path, { within: dir });
    if (!read.ok) continue;
    try {
      const document = parseReport(read.bytes, { fileName: name });
      if (document.isReport) candidates.push({ ...identityOf(path, document), document });
    } catch {
      // a neighbour no reader makes sense of is no candidate either
    }
  }
  return candidates;
}

/** `previous: auto`: last year's report among the reports beside `file` (an absolute path). */
export function pairAmong(file: string, document: ReportDocument, candidates: readonly Candidate[]): { file: string; document: ReportDocument } | undefined {
  const others = candidates.filter((c) => basename(c.file) !== basename(file));
  const paired = pairPreviousReport(identityOf(resolve(file), document), others);
  if (!paired) return undefined;
  const found = others.find((c) => c.file === paired.file)!;
  return { file: found.file, document: found.document };
}

/** `previous: auto` in one call: reads the folder of `file` and pairs. */
export async function findPreviousReportAuto(file: string, document: ReportDocument): Promise<{ file: string; document: ReportDocument } | undefined> {
  return pairAmong(file, document, await pairingCandidates(dirname(resolve(file))));
}

/** Why a report named as last year's cannot be: the file itself, another agency's, or not the year before. */
export type PairingMismatch =
  | { kind: 'same-file' }
  | { kind: 'other-agency'; agency: string; previousAgency: string }
  | { kind: 'wrong-year'; year: number; previousYear: number };

/**
 * Checks a report named as last year's (`--previous FILE`, `previousReport`) against this one: a
 * carry-over compared with the wrong report gives errors that are all false. Only what both reports
 * say is compared: a report without a title agency or a year passes on that count.
 */
export function pairingMismatch(current: ReportIdentity, previous: ReportIdentity): PairingMismatch | undefined {
  if (resolve(current.file) === resolve(previous.file)) return { kind: 'same-file' };
  if (current.agency !== undefined && previous.agency !== undefined && normalizeAgencyName(current.agency) !== normalizeAgencyName(previous.agency)) {
    return { kind: 'other-agency', agency: current.agency, previousAgency: previous.agency };
  }
  if (current.year !== undefined && previous.year !== undefined && previous.year !== current.year - 1) {
    return { kind: 'wrong-year', year: current.year, previousYear: previous.year };
  }
  return undefined;
}
