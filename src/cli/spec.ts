/**
 * The commands as data: their arguments and options, and what each value is (so the shell
 * completion knows what to offer). src/cli/program.ts builds commander's program from this
 * with the help text of src/i18n/help.ts; the hidden `cchc __complete` and the output
 * cache's front (src/cli/front.ts) read it without building anything. Pure data: the
 * modules that run the commands are named in src/cli/commands/index.ts, so reading this
 * file loads none of them.
 */

/** What a value is, for completion: a plan folder, a unit id, a reporting period... */
export type ValueKind = 'plan' | 'path' | 'file' | 'dir' | 'unit' | 'period' | 'date' | 'rev' | 'shell' | 'year' | 'choice' | 'none';

export interface OptionSpec {
  /** commander's flags, e.g. '-o, --out <file>'. */
  flags: string;
  value?: ValueKind;
  /** The only values accepted (commander checks them). */
  choices?: readonly string[];
  /** Values offered by completion; the command reads others too (Vietnamese words, lists). */
  suggest?: readonly string[];
  /** Shown as the default in help; not set by commander (see --format). */
  shownDefault?: string;
  repeatable?: boolean;
  required?: boolean;
}

interface ArgumentSpec {
  /** commander's syntax, e.g. '[plan]', '<files...>'. */
  syntax: string;
  value: ValueKind;
  default?: string;
}

/** The commands, by name; src/cli/commands/index.ts maps each to the module that runs it. */
export type CommandName =
  'validate' | 'status' | 'budget' | 'export' | 'doc' | 'report' | 'refs' | 'diff' | 'new' | 'init' | 'record' | 'form' | 'import' | 'fmt' | 'completion';

export interface CommandSpec {
  name: CommandName;
  args: ArgumentSpec[];
  options: OptionSpec[];
  /** The output formats; a command that reports gets -f/--format and --json. */
  formats?: readonly string[];
}

const AS_OF: OptionSpec = { flags: '--as-of <date>', value: 'date' };
const PERIOD: OptionSpec = { flags: '--period <period>', value: 'period' };
const PLAN: ArgumentSpec = { syntax: '[plan]', value: 'plan' };
const DRY_RUN: OptionSpec = { flags: '--dry-run' };
const STRICT: OptionSpec = { flags: '--strict' };
const TEXT_JSON = ['text', 'json'] as const;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    args: [{ syntax: '[paths...]', value: 'path' }],
    options: [STRICT],
    formats: ['text', 'json', 'github', 'sarif'],
  },
  {
    name: 'status',
    args: [PLAN],
    options: [AS_OF, PERIOD, { flags: '--unit <unit>', value: 'unit' }, { flags: '--area <area>', value: 'none' }, { flags: '--overdue' }],
    formats: TEXT_JSON,
  },
  { name: 'budget', args: [PLAN], options: [AS_OF], formats: TEXT_JSON },
  {
    name: 'export',
    args: [PLAN],
    options: [
      { flags: '-o, --out <file>', value: 'file' },
      { flags: '--sheets <list>', value: 'choice', suggest: ['appendix1', 'appendix2', 'progress'] },
      AS_OF,
      PERIOD,
    ],
    formats: TEXT_JSON,
  },
  { name: 'doc', args: [PLAN], options: [{ flags: '-o, --out <file>', value: 'file' }], formats: TEXT_JSON },
  {
    name: 'report',
    args: [PLAN],
    options: [PERIOD, AS_OF, { flags: '-o, --out <file>', value: 'file' }],
    formats: TEXT_JSON,
  },
  { name: 'refs', args: [PLAN], options: [STRICT], formats: TEXT_JSON },
  {
    name: 'diff',
    args: [{ syntax: '<a>', value: 'rev' }, { syntax: '[b]', value: 'rev' }, PLAN],
    options: [{ flags: '--exit-code' }],
    formats: ['text', 'json', 'markdown'],
  },
  { name: 'new', args: [{ syntax: '<year>', value: 'year' }], options: [{ flags: '--from <plan>', value: 'plan' }] },
  {
    name: 'init',
    args: [{ syntax: '[dir]', value: 'dir', default: '.' }],
    options: [
      { flags: '--year <year>', value: 'year' },
      { flags: '--agency <name>', value: 'none' },
      { flags: '--package <tarball>', value: 'file' },
      { flags: '--sha256 <hex>', value: 'none' },
    ],
  },
  {
    name: 'record',
    args: [PLAN],
    options: [
      { flags: '--task <n>', value: 'none' },
      { flags: '--status <status>', value: 'choice', suggest: ['not-started', 'in-progress', 'done'] },
      { flags: '--percent <p>', value: 'none' },
      { flags: '--completed <date>', value: 'date' },
      { flags: '--evidence <text>', value: 'none' },
      { flags: '--note <text>', value: 'none' },
      { flags: '--indicator <id>', value: 'none' },
      { flags: '--value <v>', value: 'none' },
      { flags: '--source <text>', value: 'none' },
      { flags: '--assessment <a>', value: 'choice', suggest: ['dat', 'khong-dat'] },
      { flags: '--line <n>', value: 'none' },
      { flags: '--spent <amount>', value: 'none' },
      AS_OF,
      DRY_RUN,
    ],
    formats: TEXT_JSON,
  },
  {
    name: 'form',
    args: [PLAN],
    options: [{ flags: '--unit <unit>', value: 'unit', repeatable: true }, AS_OF, PERIOD, { flags: '-o, --out <dir>', value: 'dir', required: true }],
    formats: TEXT_JSON,
  },
  {
    name: 'import',
    args: [{ syntax: '<files...>', value: 'file' }],
    options: [AS_OF, DRY_RUN],
    formats: TEXT_JSON,
  },
  {
    name: 'fmt',
    args: [{ syntax: '[paths...]', value: 'path' }],
    options: [{ flags: '--nfc' }, { flags: '--check' }],
    formats: TEXT_JSON,
  },
  { name: 'completion', args: [{ syntax: '<shell>', value: 'shell' }], options: [] },
];

/** The options every command takes. */
const COMMON_OPTIONS: readonly OptionSpec[] = [{ flags: '--lang <lang>', value: 'choice', choices: ['vi', 'en'] }, { flags: '--no-color' }];

/** -f/--format and its alias --json, for a command that reports. */
function formatOptions(formats: readonly string[]): OptionSpec[] {
  return [{ flags: '-f, --format <format>', value: 'choice', choices: formats, shownDefault: 'text' }, { flags: '--json' }];
}

/** Every option of a command, in the order help shows them. */
export function optionsOf(spec: CommandSpec): OptionSpec[] {
  return [...spec.options, ...(spec.formats ? formatOptions(spec.formats) : []), ...COMMON_OPTIONS];
}

/** The long name of an option without dashes: '-o, --out <file>' → 'out'. */
export function longName(flags: string): string {
  return /--([a-z0-9-]+)/.exec(flags)?.[1] ?? flags;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
