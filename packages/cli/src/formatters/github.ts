import type { Formatter, StreamingFormatter } from './types.js';

const escapeData = (s: string): string => s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
export const github: Formatter = (results) =>
  results
    .flatMap((r) =>
      r.diagnostics
        .filter((d) => !d.suppressed)
        .map((d) => {
          const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
          const props = [
            `file=${escapeProperty(r.file)}`,
            // A .docx or PDF has no lines GitHub can show: the place goes in the title instead.
            ...(d.place === undefined ? [`line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : []),
            `title=${escapeProperty(`nianbao ${d.ruleId}${d.place !== undefined ? ` (${d.place})` : ''}`)}`,
          ];
          return `::${level} ${props.join(',')}::${escapeData(d.message)}\n`;
        }),
    )
    .join('');

/** The same annotations, written file by file as a folder run goes. */
export const githubStream: StreamingFormatter = {
  start: () => '',
  file: (result, context) => github([result], context),
  end: () => '',
};
