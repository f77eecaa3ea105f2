import { Command, CommanderError, Help } from 'commander';
import { readFileSync } from 'node:fs';
import { extractCommand, type CommandIO } from './commands/extract.js';
import { CliError, localeFromArgs, t, type Locale } from './messages.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const HELP_TITLES_ZH: Array<[RegExp, string]> = [
  [/^Usage:/mu, '用法：'],
  [/^Arguments:/mu, '参数：'],
  [/^Options:/mu, '选项：'],
  [/^Commands:/mu, '命令：'],
];

const text = (locale: Locale, zh: string, en: string): string => (locale === 'zh' ? zh : en);

function buildProgram(locale: Locale, io: CommandIO, exit: { code: number }): Command {
  const program = new Command();
  const localize = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: () => undefined })
      .configureHelp({
        formatHelp: (c, helper) => {
          const out = Help.prototype.formatHelp.call(helper, c, helper);
          return locale === 'zh' ? HELP_TITLES_ZH.reduce((s, [re, zh]) => s.replace(re, zh), out) : out;
        },
      })
      .helpOption('-h, --help', text(locale, '显示帮助', 'show help'));
  localize(program)
    .name('nianbao')
    .description(
      text(
        locale,
        'nianbao（年报）：政府信息公开工作年度报告的提取、检查与生成。',
        'nianbao: extract, check and generate annual government information disclosure reports (政府信息公开工作年度报告).',
      ),
    )
    .version(version(), '-V, --version', text(locale, '显示版本号', 'show the version'))
    .option('--locale <locale>', text(locale, '提示语言：zh（默认）或 en', 'message language: zh (default) or en'))
    .helpCommand(false);

  localize(program.command('extract'))
    .description(text(locale, '读取一份报告，输出其数据（JSON，符合 schemas/report-data.schema.json）', "read a report and print its data as JSON (schemas/report-data.schema.json)"))
    .argument('<file>', text(locale, '报告文件（.md、.markdown、.txt）', 'the report file (.md, .markdown, .txt)'))
    .option('-o, --output <file>', text(locale, '写入文件而不是标准输出（原子写入；- 表示标准输出）', 'write to a file instead of stdout (atomic; - for stdout)'))
    .option('-f, --force', text(locale, '允许覆盖已存在的输出文件', 'allow overwriting an existing output file'))
    .option('--locale <locale>', text(locale, '提示语言：zh（默认）或 en', 'message language: zh (default) or en'))
    .action(async (file: string, opts: { output?: string; force?: boolean }) => {
      exit.code = await extractCommand(file, { output: opts.output, force: opts.force === true, locale }, io);
    });
  return program;
}

function commanderMessage(error: CommanderError, locale: Locale, argv: readonly string[]): string {
  const quoted = /'([^']+)'/u.exec(error.message)?.[1] ?? argv.join(' ');
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return t(locale, 'unknownOption', { value: quoted });
    case 'commander.unknownCommand':
      return t(locale, 'unknownCommand', { value: quoted });
    case 'commander.missingArgument':
      return t(locale, 'missingArgument', { value: quoted, command });
    case 'commander.excessArguments':
      return t(locale, 'excessArguments', { command });
    default:
      return t(locale, 'badArguments', { value: error.message.replace(/^error:\s*/u, '') });
  }
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code: 0 done, 1 findings
 * (lint), 2 could not run. Never throws: every failure becomes a message on stderr.
 */
export async function main(argv: readonly string[], io: CommandIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const locale = localeFromArgs(argv);
  const requested = argv.find((a, i) => argv[i - 1] === '--locale') ?? argv.find((a) => a.startsWith('--locale='))?.split('=')[1];
  if (requested !== undefined && requested !== 'zh' && requested !== 'en') {
    io.stderr(`${t('zh', 'badLocale', { value: requested })}\n`);
    return 2;
  }
  const exit = { code: 0 };
  const program = buildProgram(locale, io, exit);
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
