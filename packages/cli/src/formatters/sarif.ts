import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** An absolute path becomes a file URL; a relative one stays relative (SARIF resolves it against the run). */
const toUri = (path: string): string => (path.startsWith('/') ? pathToFileURL(path).href : path.split('\\').join('/'));

/** SARIF 2.1.0, for code-scanning dashboards. */
export const sarif: Formatter = (results, { rules, locale }) => {
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
  const driverRules = rules
    .filter((r) => used.has(r.meta.id))
    .map((r) => ({
      id: r.meta.id,
      shortDescription: { text: r.meta.description[locale] },
      defaultConfiguration: { level: LEVEL[r.meta.severity] },
      helpUri: results.flatMap((x) => x.diagnostics).find((d) => d.ruleId === r.meta.id)?.url,
    }));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'nianbao', informationUri: 'https://www.npmjs.com/package/nianbao', rules: driverRules } },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                // A .docx or PDF has no text region: the place a person finds it is the location's message.
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file) },
                  ...(d.place === undefined ? { region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn } } : {}),
                },
                ...(d.place !== undefined ? { message: { text: d.place } } : {}),
              },
            ],
            ...(d.related.length > 0
              ? {
                  relatedLocations: d.related.map((p, i) => ({
                    id: i,
                    message: { text: p.place !== undefined ? `${p.place}：${p.message}` : p.message },
                    physicalLocation: {
                      artifactLocation: { uri: toUri(p.file ?? r.file) },
                      ...(p.place === undefined ? { region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn } } : {}),
                    },
                  })),
                }
              : {}),
            ...(d.suppressed ? { suppressions: [{ kind: 'inSource', justification: d.suppressed.reason }] } : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
