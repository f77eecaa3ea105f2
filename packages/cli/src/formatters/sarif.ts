import { isAbsolute, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Rule } from '@nianbao/lint';
import { localize } from '@nianbao/format';
import { toolInfo, type ToolInfo } from './tool.js';
import type { FormatContext, Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** The base every location is relative to: the folder nianbao ran in, as code scanning expects. */
export const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: typeof SRCROOT;
}

/** A relative path as a URI reference: each segment percent-encoded (Chinese names, spaces, `#`, `%`). */
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * Where a file is, as SARIF names it: relative to `%SRCROOT%` (the run's folder) when it is inside it, so
 * the log reads the same on every machine and code scanning finds the file in the repository; a file
 * outside it (last year's report elsewhere) as an absolute file URL, since no base covers it.
 */
export function artifactLocation(path: string, cwd: string | undefined): ArtifactLocation {
  const slashed = path.split('\\').join('/');
  const absolute = isAbsolute(slashed) ? slashed : cwd !== undefined ? resolve(cwd, slashed) : undefined;
  const inside = absolute !== undefined && cwd !== undefined ? relative(cwd, absolute).split('\\').join('/') : posix.normalize(slashed);
  if (absolute !== undefined && (cwd === undefined || inside === '' || inside.startsWith('../') || inside === '..' || isAbsolute(inside))) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: encodePath(inside.replace(/^\.\//u, '')), uriBaseId: SRCROOT };
}

/**
 * A rule's page on the web, only where one is known to exist: under `docsBaseUrl` when the configuration
 * sets it (the engine's link is then an http(s) address), else in the package's repository. Never the
 * file:// path of the machine that ran nianbao, which is of no use to whoever reads the log elsewhere.
 */
function helpUri(ruleId: string, findings: readonly Diagnostic[], tool: ToolInfo): string | undefined {
  const configured = findings.find((d) => d.ruleId === ruleId && /^https?:\/\//u.test(d.url))?.url;
  if (configured !== undefined) return configured;
  return tool.docsBase !== undefined ? `${tool.docsBase}${encodeURIComponent(ruleId)}.md` : undefined;
}

function driverRule(rule: Rule, findings: readonly Diagnostic[], context: FormatContext, tool: ToolInfo): Record<string, unknown> {
  const description = localize(context.locale, rule.meta.description);
  const details = rule.meta.details ? localize(context.locale, rule.meta.details) : undefined;
  const uri = helpUri(rule.meta.id, findings, tool);
  return {
    id: rule.meta.id,
    shortDescription: { text: description },
    ...(details !== undefined ? { fullDescription: { text: details } } : {}),
    // Without a page to link to, the description is the help a reader gets.
    help: { text: details !== undefined ? `${description}\n\n${details}` : description },
    ...(uri !== undefined ? { helpUri: uri } : {}),
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
  };
}

function region(p: { line: number; column: number; endLine: number; endColumn: number }): Record<string, number> {
  // SARIF's end column is the one after the last character, as the engine's is.
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.line === p.endLine ? p.column : 1) };
}

/** SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, SARIF viewers). */
export const sarif: Formatter = (results, context) => {
  const tool = toolInfo();
  const findings = results.flatMap((r) => r.diagnostics);
  const used = new Set(findings.map((d) => d.ruleId));
  const rules = context.rules.filter((r) => used.has(r.meta.id));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.home !== undefined ? { informationUri: tool.home } : {}),
            rules: rules.map((r) => driverRule(r, findings, context, tool)),
          },
        },
        // No absolute path of this machine: a consumer resolves %SRCROOT% to its own checkout.
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: localize(context.locale, { zh: '运行 nianbao 的文件夹：文件的相对路径都相对于它', en: 'The folder nianbao ran in: file paths are relative to it' }) } },
        },
        // The engine counts columns in UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        language: localize(context.locale, { zh: 'zh-CN', en: 'en-US' }),
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                // A .docx or PDF has no text region: the place a person finds it is the location's message.
                physicalLocation: {
                  artifactLocation: artifactLocation(r.file, context.cwd),
                  ...(d.place === undefined ? { region: region(d) } : {}),
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
                      artifactLocation: artifactLocation(p.file ?? r.file, context.cwd),
                      ...(p.place === undefined ? { region: region(p) } : {}),
                    },
                  })),
                }
              : {}),
            // A comment in the report suppresses in source; `.nianbaorc.json`'s suppressions are external.
            ...(d.suppressed ? { suppressions: [{ kind: d.suppressed.config !== undefined ? 'external' : 'inSource', justification: d.suppressed.reason }] } : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
