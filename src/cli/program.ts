/**
 * commander's program, built from the commands as data (src/cli/spec.ts) and the help text
 * in the language of the run (src/i18n/help.ts): descriptions, examples, and commander's
 * own words ("Usage:", "(default: ...)", its error messages).
 */
import { Argument, Command, Option, type Help } from 'commander';
import type { Lang } from '../diagnostics/codes.js';
import { HELP, HELP_EXTRA, PLACEHOLDERS_VI, commanderMessage, type CommandHelp } from '../i18n/help.js';
import { COMMAND_MODULES } from './commands/index.js';
import { isTerminal, writeTo } from './stdio.js';
import { colorEnabled } from '../render/style.js';
import { COMMANDS, longName, optionsOf, type CommandName, type CommandSpec, type OptionSpec } from './spec.js';
import { terminalColumns } from './io.js';
import { VERSION } from './version.js';
import { CLI } from '../i18n/cli.js';

/** The default shown in help for an option commander does not default (--format). */
const SHOWN_DEFAULT = new WeakMap<Option, string>();

/** Lines of the examples section, each within 80 columns. */
function examplesText(help: CommandHelp, lang: Lang): string {
  const lines = [HELP[lang].examples];
  for (const [what, command] of help.examples) lines.push(`  # ${what}`, `  ${command}`);
  return `\n${lines.join('\n')}\n`;
}

function extraInfo(choices: readonly string[] | undefined, dflt: string | undefined, lang: Lang, mandatory = false): string {
  const X = HELP_EXTRA[lang];
  const parts: string[] = mandatory ? [X.required] : [];
  if (choices) parts.push(`${X.choices}: ${choices.join(', ')}`);
  if (dflt !== undefined) parts.push(`${X.default}: ${dflt}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** commander's help, with its words in the language of the run. */
function helpConfiguration(lang: Lang): Partial<Help> {
  const X = HELP_EXTRA[lang];
  return {
    styleTitle: (title: string) => HELP[lang].titles[title] ?? title,
    optionDescription: (o: Option) => {
      const dflt = SHOWN_DEFAULT.get(o) ?? (o.required || o.optional ? stringDefault(o.defaultValue) : undefined);
      return `${o.description}${extraInfo(o.argChoices, dflt, lang, o.mandatory)}`;
    },
    // An argument's default is said in its description ("mặc định: thư mục hiện tại").
    argumentDescription: (a: Argument) => `${a.description}${extraInfo(a.argChoices, undefined, lang)}`,
    subcommandTerm: (cmd: Command) => {
      const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
      return [cmd.name(), ...(cmd.options.length > 0 ? [X.usageOptions] : []), ...args].join(' ');
    },
    commandUsage: (cmd: Command) => {
      const names: string[] = [];
      for (let c: Command | null = cmd.parent; c; c = c.parent) names.unshift(c.name());
      const usage = cmd.usage().replace('[options]', X.usageOptions).replace('[command]', X.usageCommand);
      return [...names, cmd.name(), usage].join(' ');
    },
  };
}

function stringDefault(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** `--as-of <date>` as the help of the run's language writes it: `--as-of <ngày>` in Vietnamese. */
function placeholders(syntax: string, lang: Lang): string {
  if (lang !== 'vi') return syntax;
  return syntax.replace(
    /([<[])([a-z]+)((?:\.\.\.)?[>\]])/g,
    (_m, open: string, word: string, close: string) => `${open}${PLACEHOLDERS_VI[word] ?? word}${close}`,
  );
}

function optionOf(spec: OptionSpec, help: CommandHelp, lang: Lang): Option {
  const name = longName(spec.flags);
  const o = new Option(placeholders(spec.flags, lang), help.options?.[name] ?? HELP[lang].options[name] ?? '');
  if (spec.choices) o.choices(spec.choices);
  if (spec.repeatable) o.argParser((v: string, prev: string[] = []) => [...prev, v]);
  if (spec.required) o.makeOptionMandatory();
  if (spec.shownDefault !== undefined) SHOWN_DEFAULT.set(o, spec.shownDefault);
  return o;
}

function addCommand(program: Command, spec: CommandSpec, lang: Lang): void {
  const help = HELP[lang].commands[spec.name]!;
  const cmd = program.command(spec.name).description(help.description);
  for (const a of spec.args) {
    const name = a.syntax.replace(/[<>[\].]/g, '');
    const arg = new Argument(placeholders(a.syntax, lang), help.args?.[name] ?? '');
    if (a.default !== undefined) arg.default(a.default);
    cmd.addArgument(arg);
  }
  for (const o of optionsOf(spec)) cmd.addOption(optionOf(o, help, lang));
  cmd.helpOption('-h, --help', HELP[lang].options.help);
  cmd.addHelpText('after', examplesText(help, lang));
  cmd.action(async (...args: unknown[]) => {
    const mod = await COMMAND_MODULES[spec.name]();
    // commander passes (...positionals, options, command)
    process.exitCode = await (mod.run as (...a: unknown[]) => Promise<number> | number)(...args.slice(0, -1));
  });
}

/**
 * The program in the language of the run. With `only`, the command the arguments name, that
 * command alone: its options, help and errors are the same, and the other fourteen are not
 * built for a run that does not use them (a cold run's start, BENCHMARKS.md). Without, every
 * command: the program's own help lists them, and a mistyped name is matched against them.
 */
export function buildProgram(lang: Lang, only?: CommandName): Command {
  const program = new Command('cchc')
    .description(HELP[lang].program)
    .version(VERSION, '-V, --version', HELP[lang].options.version)
    .helpOption('-h, --help', HELP[lang].options.help)
    .helpCommand(CLI.program[lang].helpCommand, HELP[lang].options.help)
    .addOption(new Option(placeholders('--lang <lang>', lang), HELP[lang].options.lang).choices(['vi', 'en']))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpConfiguration(lang))
    .configureOutput({
      writeOut: (s) => writeTo(1, s),
      writeErr: (s) => writeTo(2, s),
      // Asked through src/cli/stdio.ts, which makes process.stdout only for a terminal, and guarded.
      getOutHasColors: () => colorEnabled({ env: process.env, isTTY: isTerminal(1) }),
      getErrHasColors: () => colorEnabled({ env: process.env, isTTY: isTerminal(2) }),
      // Help is laid out for the same width as the reports (COLUMNS, the terminal, else 80).
      getOutHelpWidth: () => terminalColumns(1),
      getErrHelpWidth: () => terminalColumns(2),
      outputError: (s, write) => write(commanderMessage(s.replace(/\n$/, ''), lang) + '\n'),
    });
  for (const spec of COMMANDS) if (only === undefined || spec.name === only) addCommand(program, spec, lang);
  // `cchc --lang en status`: the language given before the command holds for the command.
  program.hook('preSubcommand', (root, sub) => {
    const given = root.opts<{ lang?: string }>().lang;
    if (given !== undefined && sub.getOptionValue('lang') === undefined) sub.setOptionValueWithSource('lang', given, 'cli');
  });
  return program;
}
