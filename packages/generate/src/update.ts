/**
 * `generate --update`: put freshly generated tables and computed sentences into a report the author has
 * written in, keeping every other byte. The regions are those the templates mark:
 * `<!-- nianbao:table ID -->…<!-- /nianbao:table -->` and `<!-- nianbao:computed ID -->…<!-- /nianbao:computed -->`.
 */

const REGION = /<!-- nianbao:(table|computed) ([\w-]+) -->[\s\S]*?<!-- \/nianbao:\1 -->/gu;

export interface UpdateResult {
  text: string;
  /** Regions replaced, as `table:applications`. */
  replaced: string[];
  /** Regions of the new report the old one lacks (the author removed the markers). */
  missing: string[];
}

function regions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(REGION)) found.set(`${m[1]}:${m[2]}`, m[0]);
  return found;
}

export function updateReport(existing: string, generated: string): UpdateResult {
  const fresh = regions(generated);
  const replaced: string[] = [];
  const text = existing.replace(REGION, (whole, kind: string, id: string) => {
    const key = `${kind}:${id}`;
    const next = fresh.get(key);
    if (next === undefined) return whole;
    replaced.push(key);
    // CRLF files stay CRLF.
    return existing.includes('\r\n') ? next.replace(/\r?\n/gu, '\r\n') : next;
  });
  const missing = [...fresh.keys()].filter((k) => !replaced.includes(k));
  return { text, replaced, missing };
}
