import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseFontSetting, reportDocx, reportHtml, type FontRole } from '@nianbao/generate';
import { lint, type Locale } from '@nianbao/lint';
import { Project, placedConfigProblems } from '@nianbao/project';
import type { CommandIO } from '../context.js';
import { onDisk, readError, readReportFile, writeError } from '../io.js';
import { CliError, t } from '../messages.js';
import { replaceFile, WriteRefused } from '../write.js';
import { tr } from './render-messages.js';

export type RenderTarget = 'html' | 'docx';

export interface RenderCommandOptions {
  /** Absent: from the output's extension, else html. */
  to?: string;
  output?: string;
  force: boolean;
  /** `--font role=name,fallback,…`, as given. */
  fonts: readonly string[];
  /** The locale asked for on the command line; a config's locale applies when absent. */
  locale?: Locale;
}

/** What `--to`, or else the output's extension, asks for. */
function targetOf(options: RenderCommandOptions): RenderTarget | { bad: string } {
  const given = options.to?.trim().toLowerCase();
  if (given === undefined) return options.output !== undefined && /\.docx$/iu.test(options.output) ? 'docx' : 'html';
  return given === 'html' || given === 'docx' ? given : { bad: options.to ?? '' };
}

/** Where the output goes: `-o` as given, else beside the report with the target's extension. */
function outputOf(file: string, options: RenderCommandOptions, to: RenderTarget): string {
  if (options.output !== undefined) return options.output;
  return join(dirname(file), `${basename(file, extname(file))}.${to}`);
}

/**
 * `nianbao render REPORT --to html|docx`: the author's report, prose included, as a page or a .docx in 公文
 * style. Written even with lint errors (exit 1, with their count); a table the reader could not place is
 * shown as read and marked (exit 1); 2 when it could not run.
 */
export async function renderCommand(file: string, options: RenderCommandOptions, io: CommandIO): Promise<number> {
  const cliLocale: Locale = options.locale ?? 'zh';
  const to = targetOf(options);
  if (typeof to !== 'string') {
    io.stderr(`${tr(cliLocale, 'badTo', { value: to.bad })}\n`);
    return 2;
  }
  const fonts: Partial<Record<FontRole, string[]>> = {};
  for (const setting of options.fonts) {
    const parsed = parseFontSetting(setting, cliLocale);
    if (!parsed.ok) {
      io.stderr(`${tr(cliLocale, 'badFont', { message: parsed.message })}\n`);
      return 2;
    }
    fonts[parsed.role] = parsed.fonts;
  }
  const output = outputOf(file, options, to);
  const toStdout = output === '-';
  if (toStdout && to === 'docx') {
    io.stderr(`${tr(cliLocale, 'docxToStdout')}\n`);
    return 2;
  }
  if (!toStdout && resolve(onDisk(io, output)) === resolve(onDisk(io, file))) {
    io.stderr(`${tr(cliLocale, 'sameFile', { output })}\n`);
    return 2;
  }

  const { bytes } = await readReportFile(io, file);
  const project = new Project({ cwd: io.cwd });
  const prepared = await project.prepareLint(file, bytes, options.locale ? { locale: options.locale } : {});
  const locale = prepared.locale;
  const config = prepared.problems.find((p) => p.kind === 'config');
  if (config) {
    for (const p of placedConfigProblems(config.error)) io.stderr(`${t(locale, 'configProblem', { where: p.where, path: p.path, message: p.message })}\n`);
    return 2;
  }
  const unreadable = prepared.problems.find((p) => p.kind === 'read');
  if (unreadable) throw readError(file, unreadable.failure);
  if (!prepared.selected) throw new CliError('notAReport', { file });
  // Last year's report, when the configuration names one, adds the cross-year checks; one that cannot be
  // used leaves them out (lint itself says why).
  const errors = lint(prepared.document, prepared.options).filter((d) => d.severity === 'error' && !d.suppressed).length;

  const documentOptions = { locale, fonts };
  const rendered = to === 'html' ? reportHtml(prepared.document, documentOptions) : await reportDocx(prepared.document, documentOptions);
  if (toStdout) io.stdout(rendered.output as string);
  else {
    const content = typeof rendered.output === 'string' ? Buffer.from(rendered.output, 'utf8') : rendered.output;
    try {
      await replaceFile(onDisk(io, output), content, { mode: options.force ? 'overwrite' : 'create', ...(io.beforeReplace ? { beforeReplace: io.beforeReplace } : {}) });
    } catch (error) {
      if (error instanceof WriteRefused) throw writeError(output, error.refusal);
      throw error;
    }
    io.stderr(`${t(locale, 'wrote', { file: output })}\n`);
  }
  for (const table of rendered.layout.asRead) io.stderr(`${tr(locale, 'asRead', { file, table: table.name, rows: table.rows })}\n`);
  if (errors > 0) io.stderr(`${tr(locale, 'lintErrors', { file, count: errors, output: toStdout ? '-' : output })}\n`);
  return errors > 0 || rendered.layout.asRead.length > 0 ? 1 : 0;
}
