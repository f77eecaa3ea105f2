/**
 * Last year's report: `previous: auto` pairs the same agency's report of the year before in the same
 * folder. The pairing itself is pure; finding the candidates reads the folder.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseReport, reportIdentity, type ReportDocument } from '@nianbao/parse';
import { ownString } from '@nianbao/format';
import { readRegularFile } from './read.js';
import { TEXT_REPORT_EXTENSIONS } from './walk.js';

/** An agency name in comparable form: no spaces, no brackets, full/half width folded. */
export function normalizeAgencyName(name: string): string {
  let normalized = NORMALIZED_NAMES.get(name);
  if (normalized === undefined) {
    normalized = normalizeName(name);
    // Bounded: a long-running server sees the names of every folder it is shown.
    if (NORMALIZED_NAMES.size >= 4096) NORMALIZED_NAMES.clear();
    NORMALIZED_NAMES.set(ownString(name), ownString(normalized));
  }
  return normalized;
}

/** Each name's comparable form, once: every report of a folder is paired against every other. */
const NORMALIZED_NAMES = new Map<string, string>();

function normalizeName(name: string): string {
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

/**
 * A report beside this one that could be last year's: who it is by and for which year. Its document only
 * when it was at hand anyway (a folder run parses its files once): a folder of thousands of reports must
 * not hold thousands of models to pair a few of them; the paired one is read again.
 */
export type Candidate = ReportIdentity & { document?: ReportDocument };

/**
 * What a caller already knows about the files of a folder, so that pairing reads no file twice: a document
 * it has parsed, or a file's identity it remembers for these very bytes (a cache).
 */
export interface CandidateSource {
  document?(path: string): ReportDocument | undefined;
  identity?(path: string, bytes: Uint8Array): Pick<ReportIdentity, 'agency' | 'year'> | undefined;
  /**
   * Who a file of the folder is by, known without reading it (`null`: no report): the candidate then
   * holds no document, and `document` lends it only if it is paired. A folder run keeps each model
   * only as long as a later report may pair with it.
   */
  known?(path: string): Pick<ReportIdentity, 'agency' | 'year'> | null | undefined;
}

/**
 * The reports in a folder that could be last year's: its text reports (a PDF or .docx beside every report
 * would be read for each one, and last year's report saved both as .docx and as PDF would make the
 * pairing ambiguous). Files that cannot be read, or are no regular files of this folder, are simply no
 * candidates.
 */
export async function pairingCandidates(dir: string, source: CandidateSource = {}): Promise<Candidate[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const candidates: Candidate[] = [];
  for (const name of names.sort()) {
    if (!TEXT_REPORT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
    const path = join(dir, name);
    const told = source.known?.(path);
    if (told !== undefined) {
      if (told !== null) candidates.push({ file: path, agency: told.agency, year: told.year });
      continue;
    }
    const known = source.document?.(path);
    if (known) {
      if (known.isReport) candidates.push({ ...identityOf(path, known), document: known });
      continue;
    }
    // Only a regular file of this folder, and only up to the cap: a FIFO, a device or a link out of the
    // folder named like a report is no candidate, and is never opened (nor is a folder, a locked file).
    const read = await readRegularFile(path, { within: dir });
    if (!read.ok) continue;
    const remembered = source.identity?.(path, read.bytes);
    if (remembered) {
      candidates.push({ file: path, agency: remembered.agency, year: remembered.year });
      continue;
    }
    // Who it is by and for which year is all pairing needs: its tables and prose are not read.
    const identity = reportIdentity(read.bytes, { fileName: name });
    if (identity.isReport) candidates.push({ file: path, agency: identity.agency, year: identity.year });
  }
  return candidates;
}

/** `previous: auto`: last year's report among the reports beside `file` (an absolute path); its document when at hand. */
export function pairAmong(file: string, document: ReportDocument, candidates: readonly Candidate[]): Candidate | undefined {
  return pairIdentityAmong(identityOf(resolve(file), document), candidates);
}

/**
 * The same pairing from an identity alone (a cached result knows who its report is by, not its model):
 * `pairPreviousReport` among the candidates of another file name, looked up by agency and year, since
 * every report of a folder is paired against the same list.
 */
export function pairIdentityAmong(identity: ReportIdentity, candidates: readonly Candidate[]): Candidate | undefined {
  if (identity.agency === undefined || identity.year === undefined) return undefined;
  const name = basename(identity.file);
  const matches = (byIdentity(candidates).get(identityKey(identity.agency, identity.year - 1)) ?? []).filter((c) => c.file !== identity.file && basename(c.file) !== name);
  return matches.length === 1 ? matches[0] : undefined;
}

const identityKey = (agency: string, year: number): string => `${normalizeAgencyName(agency)}\0${year}`;
const INDEXES = new WeakMap<readonly Candidate[], Map<string, Candidate[]>>();

/** A folder's candidates by normalised agency and year, made once per list. */
function byIdentity(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  let index = INDEXES.get(candidates);
  if (!index) {
    index = new Map();
    for (const c of candidates) {
      if (c.agency === undefined || c.year === undefined) continue;
      const key = identityKey(c.agency, c.year);
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    }
    INDEXES.set(candidates, index);
  }
  return index;
}

/** `previous: auto` in one call: reads the folder of `file` and pairs. */
export async function findPreviousReportAuto(file: string, document: ReportDocument): Promise<{ file: string; document: ReportDocument } | undefined> {
  const found = pairAmong(file, document, await pairingCandidates(dirname(resolve(file))));
  if (!found) return undefined;
  if (found.document) return { file: found.file, document: found.document };
  const read = await readRegularFile(found.file, { within: dirname(found.file) });
  if (!read.ok) return undefined;
  const again = parseReport(read.bytes, { fileName: basename(found.file) });
  return again.isReport ? { file: found.file, document: again } : undefined;
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
