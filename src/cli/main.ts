/**
 * cchc's command line: the definition of the interface and the glue. The commands are data
 * (src/cli/spec.ts) built into commander's program in the language of the run
 * (src/cli/program.ts); each command's work is in its own module, imported only when that
 * command runs, so `cchc validate` never loads exceljs. One top-level catch keeps the exit
 * contract: 0 clean, 1 findings, 2 usage or I/O.
 */
import { CommanderError } from 'commander';
import type { Lang } from '../diagnostics/codes.js';
import { isUsageError, EXIT } from '../errors.js';
import { captureOutput, endCapture, writeErr } from './io.js';
import { storeOutput, takePendingKey } from './output-cache.js';
import { forgetInputs } from '../load/run-inputs.js';
import { restoreHeap } from '../load/heap.js';
import { resetEvents } from '../yaml/fast.js';
import { writeCacheFile } from '../load/cache.js';
import { checkEnvironment, guardOutput, runLang } from './environment.js';
import { buildProgram } from './program.js';
import { COMMANDS, type CommandName } from './spec.js';
import { CLI } from '../i18n/cli.js';

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (cchc validate | head -1) ends output quietly, as ripgrep does, and keeps
  // the findings' exit code; another failed write is exit 2 (src/cli/environment.ts).
  const args = argv.slice(2);
  const lang = runLang(args);
  guardOutput(lang);
  try {
    if (args[0] === '__complete') {
      // The shell's completion asks on every Tab: no program, no plan check (completion.ts).
      const { completeWords } = await import('./completion.js');
      process.exitCode = completeWords(args.slice(1), process.cwd());
      return;
    }
    checkEnvironment(
      process.env,
      args.some((a) => a === '--lang' || a.startsWith('--lang=')),
    );
    // No output stored for this run (src/cli/front.ts): keep this one's.
    const key = takePendingKey(args);
    const output = key === undefined ? undefined : captureOutput();
    const request = helpRequests(argv);
    await buildProgram(lang, invokedCommand(request.slice(2))).parseAsync(request);
    if (key !== undefined && output) storeOutput(key, process.env, { ...output, exit: Number(process.exitCode ?? 0) }, writeCacheFile);
  } catch (err) {
    process.exitCode = handleError(err, lang);
  } finally {
    restoreHeap();
    resetEvents();
    forgetInputs();
    endCapture();
  }
}

/**
 * `cchc` alone is `cchc --help` (help on stdout, exit 0), and `cchc help X` is `cchc X --help`;
 * an X that is not a command is then an unknown command (exit 2, with "did you mean").
 */
export function helpRequests(argv: string[]): string[] {
  const [node = '', script = '', ...args] = argv;
  const i = firstWord(args);
  if (i < 0) return args.some((a) => ['-h', '--help', '-V', '--version'].includes(a)) ? argv : [...argv, '--help'];
  const topic = args[i + 1];
  if (args[i] !== 'help' || topic === undefined) return argv;
  const known = COMMANDS.some((c) => c.name === topic);
  return [node, script, ...args.slice(0, i), topic, ...(known ? ['--help'] : []), ...args.slice(i + 2)];
}

/** Where the first word of the arguments is that is not an option or the value of --lang; -1 for none. */
function firstWord(args: readonly string[]): number {
  return args.findIndex((a, k) => !a.startsWith('-') && args[k - 1] !== '--lang');
}

/**
 * The command the arguments run (their first word), when it is one; none when help or the
 * version is asked for before it (`cchc --help status` is the program's help, which lists
 * every command).
 */
export function invokedCommand(args: readonly string[]): CommandName | undefined {
  const i = firstWord(args);
  if (i < 0 || args.slice(0, i).some((a) => ['-h', '--help', '-V', '--version'].includes(a))) return undefined;
  return COMMANDS.find((c) => c.name === args[i])?.name;
}

function handleError(err: unknown, lang: Lang): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    return EXIT.usage; // commander has printed the message
  }
  // By name too: a command bundle may have its own copy of the class.
  if (isUsageError(err)) {
    const t = err.textIn ? err.textIn(lang) : { message: err.message, hint: err.hint };
    writeErr(`cchc: ${t.message}`);
    if (t.hint) writeErr(`  ${t.hint}`);
    return EXIT.usage;
  }
  const e = err as Error;
  const debug = Boolean(process.env.CCHC_DEBUG);
  writeErr(CLI.process[lang].internal(e?.message ?? String(err), debug));
  if (debug) writeErr(String(e?.stack ?? ''));
  return EXIT.usage;
}
