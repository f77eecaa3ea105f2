/**
 * `generate --update`: put freshly generated tables and computed sentences into a report the author has
 * written in, keeping every other byte. The regions are those the templates mark:
 * `<!-- nianbao:table ID -->…<!-- /nianbao:table -->` and `<!-- nianbao:computed ID -->…<!-- /nianbao:computed -->`.
 *
 * The markers are paired first, one by one: a start whose end marker was deleted would otherwise pair
 * with the next region's end and replace the author's prose between them. Any marker without its
 * partner stops the update (`broken`), and nothing is replaced.
 */

const MARKER = /<!-- (\/?)nianbao:(table|computed)(?: ([\w-]+))? -->/gu;

export interface UpdateResult {
  text: string;
  /** Regions replaced, as `table:applications`. */
  replaced: string[];
  /** Regions of the new report the old one lacks (the author removed both markers). */
  missing: string[];
  /** Markers without their partner, where they are: when there is one, `text` is the report unchanged. */
  broken: BrokenMarker[];
}

export interface BrokenMarker {
  /** `start`: a region's start with no end before the next region; `end`: an end with no start. */
  kind: 'start' | 'end';
  /** The region, as `table:applications` (an end marker names only its kind: `table`). */
  region: string;
  /** 1-based line and column of the marker in the report. */
  line: number;
  column: number;
  /** The marker as written. */
  marker: string;
}

interface Region {
  key: string;
  start: number;
  end: number;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The report's regions in order, and the markers that pair with nothing. Regions do not nest. */
function pairMarkers(text: string): { regions: Region[]; broken: BrokenMarker[] } {
  const regions: Region[] = [];
  const broken: BrokenMarker[] = [];
  let open: { kind: string; id: string; offset: number; marker: string } | undefined;
  const unclosed = (o: NonNullable<typeof open>): BrokenMarker => ({ kind: 'start', region: `${o.kind}:${o.id}`, marker: o.marker, ...lineColumn(text, o.offset) });
  for (const m of text.matchAll(MARKER)) {
    const [marker, slash, kind = '', id] = m;
    const offset = m.index;
    if (slash === '') {
      if (id === undefined) continue;
      if (open) broken.push(unclosed(open));
      open = { kind, id, offset, marker };
    } else if (open && open.kind === kind) {
      regions.push({ key: `${kind}:${open.id}`, start: open.offset, end: offset + marker.length });
      open = undefined;
    } else {
      broken.push({ kind: 'end', region: kind, marker, ...lineColumn(text, offset) });
    }
  }
  if (open) broken.push(unclosed(open));
  return { regions, broken: broken.sort((a, b) => a.line - b.line || a.column - b.column) };
}

export function updateReport(existing: string, generated: string): UpdateResult {
  const fresh = new Map(pairMarkers(generated).regions.map((r) => [r.key, generated.slice(r.start, r.end)]));
  const { regions, broken } = pairMarkers(existing);
  if (broken.length > 0) return { text: existing, replaced: [], missing: [], broken };
  const replaced: string[] = [];
  // CRLF files stay CRLF.
  const crlf = existing.includes('\r\n');
  let text = '';
  let from = 0;
  for (const region of regions) {
    const next = fresh.get(region.key);
    if (next === undefined) continue;
    text += existing.slice(from, region.start) + (crlf ? next.replace(/\r?\n/gu, '\r\n') : next);
    from = region.end;
    replaced.push(region.key);
  }
  text += existing.slice(from);
  const missing = [...fresh.keys()].filter((k) => !replaced.includes(k));
  return { text, replaced, missing, broken: [] };
}
