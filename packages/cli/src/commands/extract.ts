import { toReportData } from '@nianbao/parse';
import type { CommandIO } from '../context.js';
import { readReport, writeOutputFile } from '../io.js';
import { CliError, t, type Locale } from '../messages.js';

export interface ExtractOptions {
  output?: string;
  force: boolean;
  locale: Locale;
}

/** `nianbao extract FILE`: the report's data as JSON valid against schemas/report-data.schema.json. */
export async function extractCommand(file: string, options: ExtractOptions, io: CommandIO): Promise<number> {
  const { document: doc } = await readReport(io, file);
  const result = toReportData(doc);
  if (!result.ok) throw new CliError(result.reason === 'no-year' ? 'noYear' : 'notAReport', { file });
  const json = `${JSON.stringify(result.data, null, 2)}\n`;
  if (options.output !== undefined && options.output !== '-') {
    await writeOutputFile(io, options.output, json, options.force);
    io.stderr(`${t(options.locale, 'wrote', { file: options.output })}\n`);
  } else {
    io.stdout(json);
  }
  const issues = result.data.extractionIssues?.length ?? 0;
  if (issues > 0) io.stderr(`${t(options.locale, 'extractionIssues', { file, count: issues })}\n`);
  return 0;
}
