import { Command, CommanderError, Help, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { isLocale, localize, type AgencyKind } from '@nianbao/format';
import { parseConcurrency, parseKindOption, parseYearOption } from './commands/options.js';
import type { CommandIO } from './context.js';
import type { LintCommandOptions } from './commands/lint.js';
import { CliError, REPORT_FILES, localeFromArgs, t, type Locale } from './messages.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Commander's headings, replaced in the help of each locale (English keeps commander's own). */
const HELP_TITLES: { zh: Array<[RegExp, string]>; en: Array<[RegExp, string]> } = {
  zh: [
    [/^Usage:/mu, '用法：'],
    [/^Arguments:/mu, '参数：'],
    [/^Options:/mu, '选项：'],
    [/^Commands:/mu, '命令：'],
  ],
  en: [],
};

/**
 * What `nianbao lint` reads from its command line: the command's options as commander gives them (all
 * optional), but `--max-warnings` as typed and `--no-ignore` under commander's own name.
 */
type LintFlags = Partial<Omit<LintCommandOptions, 'maxWarnings' | 'locale' | 'ignoreFiles' | 'stderrColor'>> & {
  maxWarnings?: string;
  ignore?: boolean;
};

/**
 * Whether to colour: NO_COLOR (any non-empty value) says no, FORCE_COLOR says yes (`0` or `false`: no)
 * even where the stream is no terminal, and otherwise a terminal gets colours.
 */
export function colourWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

function buildProgram(locale: Locale, explicitLocale: boolean, io: CommandIO, exit: { code: number }): Command {
  const program = new Command();
  // Options several commands share, worded once.
  const output = (): Option => new Option('-o, --output <file>', localize(locale, { zh: '写入文件而不是标准输出（原子写入；- 表示标准输出）', en: 'write to a file instead of stdout (atomic; - for stdout)' }));
  const force = (): Option => new Option('-f, --force', localize(locale, { zh: '允许覆盖已存在的输出文件', en: 'allow overwriting an existing output file' }));
  const localeOption = (): Option => new Option('--locale <locale>', localize(locale, { zh: '提示语言：zh（默认）或 en', en: 'message language: zh (default) or en' }));
  const prepare = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: () => undefined })
      .configureHelp({
        formatHelp: (c, helper) => {
          const out = Help.prototype.formatHelp.call(helper, c, helper);
          return localize(locale, HELP_TITLES).reduce((s, [re, title]) => s.replace(re, title), out);
        },
      })
      .helpOption('-h, --help', localize(locale, { zh: '显示帮助', en: 'show help' }));
  prepare(program)
    .name('nianbao')
    .description(
      localize(locale, {
        zh: 'nianbao（年报）：政府信息公开工作年度报告的提取、检查与生成。',
        en: 'nianbao: extract, check and generate annual government information disclosure reports (政府信息公开工作年度报告).',
      }),
    )
    .version(version(), '-V, --version', localize(locale, { zh: '显示版本号', en: 'show the version' }))
    .addOption(localeOption())
    .helpCommand(false);

  prepare(program.command('extract'))
    .description(localize(locale, { zh: '读取一份报告，输出其数据（JSON，符合 schemas/report-data.schema.json）；或把文件夹中全部报告的数字汇总成表格（csv、xlsx）', en: "read a report and print its data as JSON (schemas/report-data.schema.json), or a folder's reports' figures as a spreadsheet (csv, xlsx)" }))
    .argument('<file...>', localize(locale, { zh: `报告文件（${REPORT_FILES.zh}）；csv、xlsx 也可以是文件夹或通配符`, en: `the report file (${REPORT_FILES.en}); for csv and xlsx also folders or globs` }))
    .option('--format <format>', localize(locale, { zh: '输出格式：json（默认，一份报告）、csv（每种格式一个文件，UTF-8 带 BOM）、xlsx（每种格式一张工作表）；不写时按 -o 的扩展名', en: 'output: json (default, one report), csv (a file per format year, UTF-8 with BOM), xlsx (a sheet per format year); by default from -o’s extension' }))
    .addOption(output())
    .addOption(force())
    .addOption(localeOption())
    .action(async (files: string[], opts: { output?: string; force?: boolean; format?: string }) => {
      exit.code = await (await import('./commands/extract.js')).extractCommand(files, { output: opts.output, force: opts.force === true, locale, ...(opts.format !== undefined ? { format: opts.format } : {}) }, io);
    });
  prepare(program.command('generate'))
    .description(localize(locale, { zh: '由报告数据（JSON）生成合规的报告框架：校验数据、计算合计、按格式渲染', en: 'generate a compliant report from its data (JSON): validate, compute totals, render' }))
    .argument('<data>', localize(locale, { zh: '报告数据文件（符合 schemas/report-data.schema.json）', en: 'the report data file (schemas/report-data.schema.json)' }))
    .addOption(output())
    .addOption(force())
    .option('--to <format>', localize(locale, { zh: '输出：markdown（默认）或 html（可直接发布的网页）', en: 'output: markdown (default) or html (a page to publish)' }))
    .option('--update <report>', localize(locale, { zh: '只重新生成已有报告中的表格和计算语句，保留作者写的正文（原地、原子写入）', en: "regenerate only the tables and computed sentences of an existing report, keeping the author's prose (in place, atomic)" }))
    .option('--templates <dir>', localize(locale, { zh: '自定义模板目录（覆盖同名的内置模板）', en: 'a folder of templates overriding the built-in ones' }))
    .option('--allow-blank', localize(locale, { zh: '允许空白单元格（照样渲染为空白）', en: 'render blank cells instead of refusing them' }))
    .option('--fix-totals', localize(locale, { zh: '重新计算填错的合计', en: 'recompute totals that are given wrong' }))
    .option('--verbose', localize(locale, { zh: '逐格列出每个空白单元格（默认每张表空白较多时只说个数）', en: 'list every blank cell (by default a table with many blanks gets one count)' }))
    .addOption(localeOption())
    .action(async (data: string, opts: { output?: string; force?: boolean; to?: string; update?: string; templates?: string; allowBlank?: boolean; fixTotals?: boolean; verbose?: boolean }) => {
      const to = opts.to ?? 'markdown';
      if (to !== 'markdown' && to !== 'html') throw new CliError('badTo', { value: to });
      exit.code = await (await import('./commands/generate.js')).generateCommand(
        data,
        {
          ...(opts.output !== undefined ? { output: opts.output } : {}),
          force: opts.force === true,
          to,
          ...(opts.update !== undefined ? { update: opts.update } : {}),
          ...(opts.templates !== undefined ? { templates: opts.templates } : {}),
          allowBlank: opts.allowBlank === true,
          fixTotals: opts.fixTotals === true,
          verbose: opts.verbose === true,
          locale,
        },
        io,
      );
    });
  prepare(program.command('init'))
    .description(localize(locale, { zh: '生成下一年度的报告数据（JSON）：由上年报告结转，或从空白开始', en: "make next year's report data (JSON): carried over from last year's report, or empty" }))
    .option('--from <file>', localize(locale, { zh: `上一年度的报告（${REPORT_FILES.zh}）或数据文件（.json）`, en: `last year's report (${REPORT_FILES.en}) or data (.json)` }))
    .requiredOption('--year <year>', localize(locale, { zh: '报告年度，如 2024', en: 'the report year, e.g. 2024' }), parseYearOption)
    .option('--agency <name>', localize(locale, { zh: '机关全称（无 --from 时必填；有 --from 时替换原名称）', en: 'agency name (required without --from; renames with it)' }))
    .option('--kind <kind>', localize(locale, { zh: '机关类别：部门、人民政府、乡镇街道', en: 'agency kind: 部门, 人民政府, 乡镇街道' }), parseKindOption)
    .addOption(output())
    .addOption(force())
    .addOption(localeOption())
    .action(async (opts: { from?: string; year: number; agency?: string; kind?: AgencyKind; output?: string; force?: boolean }) => {
      exit.code = await (await import('./commands/init.js')).initCommand({ ...opts, force: opts.force === true, locale }, io);
    });
  prepare(program.command('lint'))
    .description(localize(locale, { zh: '发布前检查报告：文件、文件夹（递归）或通配符', en: 'check reports before publication: files, folders (recursive) or globs' }))
    .argument('[paths...]', localize(locale, { zh: '报告文件、文件夹或通配符（默认当前文件夹）；以 ! 开头的表示排除，如 \'!**/草稿/**\'；- 表示从标准输入读取', en: "report files, folders or globs (default: the current folder); a leading ! leaves files out, e.g. '!**/草稿/**'; - reads stdin" }))
    .option('--format <format>', localize(locale, { zh: '输出格式：stylish（默认）、json、json-files、sarif、github、html', en: 'output format: stylish (default), json, json-files, sarif, github, html' }))
    .option('-o, --output-file <file>', localize(locale, { zh: '把结果写入文件而不是标准输出（任何格式；不覆盖已有文件，除非加 --force）', en: 'write the output to a file instead of stdout (any format; an existing file only with --force)' }))
    .addOption(force())
    .option('-c, --config <file>', localize(locale, { zh: '使用这个配置文件，而不是查找最近的 .nianbaorc.json', en: 'use this configuration file instead of the nearest .nianbaorc.json' }))
    .option('--stdin-filename <name>', localize(locale, { zh: '从标准输入（-）读取时报告的文件名：决定配置、格式和显示的名称', en: "the file name of the report read from stdin (-): its configuration, format and shown name" }))
    .option('--fix', localize(locale, { zh: '自动修复可安全修复的问题（标题、标签、序号样式、确定的年份、转换残留；从不改动计数），原子写回', en: 'apply safe fixes (headings, labels, numbering style, a certain year, leftovers; never counts), written atomically' }))
    .option('--previous <file>', localize(locale, { zh: '上一年度报告，用于跨年核对；auto 表示在同一文件夹中自动配对', en: "last year's report for the cross-year checks; auto pairs it in the same folder" }))
    .option('--quiet', localize(locale, { zh: '只报告错误', en: 'report errors only' }))
    .option('--max-warnings <n>', localize(locale, { zh: '提示超过 n 个时以退出码 1 结束', en: 'exit with 1 when there are more than n warnings' }))
    .option('--cache', localize(locale, { zh: '跳过内容、配置、版本和上年报告都未改动的文件（结果取自缓存）', en: 'skip files whose content, configuration, version and last year\'s report are unchanged (findings from the cache)' }))
    .option('--cache-location <dir>', localize(locale, { zh: '缓存文件夹（默认 node_modules/.cache/nianbao）', en: 'the cache folder (default node_modules/.cache/nianbao)' }))
    .option('--concurrency <n>', localize(locale, { zh: '检查线程数：auto（默认，按 CPU 核数和文件数）、off（单线程）或数字', en: 'lint threads: auto (default, by cores and files), off (one thread) or a number' }), parseConcurrency)
    .option('--no-ignore', localize(locale, { zh: '不按 .gitignore 和 .nianbaoignore 排除文件', en: 'do not leave out what .gitignore and .nianbaoignore name' }))
    .option('--no-progress', localize(locale, { zh: '不显示进度', en: 'no progress line' }))
    .option('--print-pairs', localize(locale, { zh: '只列出每份报告配对的上年报告，不检查', en: "list each report's paired report of the year before, and lint nothing" }))
    .option('--report-suppressed', localize(locale, { zh: '同时列出被注释忽略的问题及其理由', en: 'also list findings suppressed by comments, with their reasons' }))
    .option('--no-color', localize(locale, { zh: '不使用颜色', en: 'no colours' }))
    .addOption(localeOption())
    .action(async (paths: string[], opts: LintFlags) => {
      let maxWarnings: number | undefined;
      if (opts.maxWarnings !== undefined) {
        if (!/^\d+$/u.test(opts.maxWarnings)) throw new CliError('badNumber', { option: '--max-warnings', value: opts.maxWarnings });
        maxWarnings = Number(opts.maxWarnings);
      }
      exit.code = await (await import('./commands/lint.js')).lintCommand(
        paths,
        {
          format: opts.format ?? 'stylish',
          fix: opts.fix === true,
          ...(opts.previous !== undefined ? { previous: opts.previous } : {}),
          quiet: opts.quiet === true,
          ...(maxWarnings !== undefined ? { maxWarnings } : {}),
          ...(explicitLocale ? { locale } : {}),
          reportSuppressed: opts.reportSuppressed === true,
          printPairs: opts.printPairs === true,
          color: opts.color !== false && colourWanted(io.isTTY === true, io.env),
          stderrColor: colourWanted(true, io.env),
          ...(opts.outputFile !== undefined ? { outputFile: opts.outputFile } : {}),
          force: opts.force === true,
          ...(opts.config !== undefined ? { config: opts.config } : {}),
          ...(opts.stdinFilename !== undefined ? { stdinFilename: opts.stdinFilename } : {}),
          cache: opts.cache === true,
          ...(opts.cacheLocation !== undefined ? { cacheLocation: opts.cacheLocation } : {}),
          concurrency: opts.concurrency ?? 'auto',
          ignoreFiles: opts.ignore !== false,
          progress: opts.progress !== false,
        },
        io,
      );
    });
  prepare(program.command('render'))
    .description(localize(locale, { zh: '把作者写好的报告（含正文）转成可发布的网页或公文格式的 Word 文档', en: "turn the author's report, prose included, into a page to publish or a Word document in 公文 style" }))
    .argument('<report>', localize(locale, { zh: `报告文件（${REPORT_FILES.zh}）`, en: `the report file (${REPORT_FILES.en})` }))
    .option('--to <format>', localize(locale, { zh: '输出：html（网页，默认）或 docx（Word 文档）；不写时按 -o 的扩展名', en: 'output: html (a web page, the default) or docx (a Word document); by default from the -o extension' }))
    .addOption(new Option('-o, --output <file>', localize(locale, { zh: '输出文件（默认在报告旁，同名换扩展名；- 表示标准输出，仅 html）', en: 'the output file (default: beside the report, its extension changed; - for stdout, html only)' })))
    .addOption(force())
    .option('--font <role=fonts>', localize(locale, { zh: '字体及其备选，可多次使用，如 --font body=仿宋,FangSong（角色：title、heading、subheading、body、table、pageNumber）', en: 'a role\'s fonts and fallbacks, repeatable, e.g. --font body=仿宋,FangSong (roles: title, heading, subheading, body, table, pageNumber)' }), (value: string, previous: string[] = []) => [...previous, value])
    .addOption(localeOption())
    .action(async (report: string, opts: { to?: string; output?: string; force?: boolean; font?: string[] }) => {
      exit.code = await (await import('./commands/render.js')).renderCommand(
        report,
        {
          ...(opts.to !== undefined ? { to: opts.to } : {}),
          ...(opts.output !== undefined ? { output: opts.output } : {}),
          force: opts.force === true,
          fonts: opts.font ?? [],
          ...(explicitLocale ? { locale } : {}),
        },
        io,
      );
    });
  return program;
}

function commanderMessage(error: CommanderError, locale: Locale, argv: readonly string[]): string {
  const quoted = /'([^']+)'/u.exec(error.message)?.[1] ?? argv.join(' ');
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  // Commander's own "(Did you mean …?)" or "(Did you mean one of a, b?)", in the user's language.
  const suggestion = /\(Did you mean (?:one of )?(.+?)\?\)/u.exec(error.message)?.[1];
  const hint = suggestion !== undefined ? t(locale, 'didYouMean', { value: suggestion.split(', ').join(',') }) : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return t(locale, 'unknownOption', { value: quoted, hint });
    case 'commander.unknownCommand':
      return t(locale, 'unknownCommand', { value: quoted, hint });
    case 'commander.optionMissingArgument':
      return t(locale, 'optionMissingArgument', { value: quoted, command });
    case 'commander.missingMandatoryOptionValue':
      return t(locale, 'missingMandatoryOption', { value: quoted, command });
    case 'commander.conflictingOption':
      return t(locale, 'conflictingOption', { value: quoted });
    case 'commander.missingArgument':
      return t(locale, 'missingArgument', { value: quoted, command });
    case 'commander.excessArguments':
      return t(locale, 'excessArguments', { command });
    default:
      return t(locale, 'badArguments', { value: error.message.replace(/^error:\s*/u, '') });
  }
}

/**
 * Runs the CLI on `argv` (without node and script) in `io`'s folder, writing to its streams, and returns
 * the exit code: 0 done, 1 findings (lint), 2 could not run. Never throws and never exits: every failure
 * becomes a message on stderr, so tests run it in process as `bin` runs it for a user.
 */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const locale = localeFromArgs(argv);
  const requested = argv.find((a, i) => argv[i - 1] === '--locale') ?? argv.find((a) => a.startsWith('--locale='))?.split('=')[1];
  if (requested !== undefined && !isLocale(requested)) {
    io.stderr(`${t('zh', 'badLocale', { value: requested })}\n`);
    return 2;
  }
  const exit = { code: 0 };
  const program = buildProgram(locale, requested !== undefined, io, exit);
  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${t(locale, error.id, error.args)}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      io.stderr(`${commanderMessage(error, locale, argv)}\n`);
      return 2;
    }
    io.stderr(`${t(locale, 'internal', { reason: error instanceof Error ? error.message : String(error) })}\n`);
    return 2;
  }
}
