/**
 * The output cache: run again on unchanged files, `cchc validate` and `cchc status` print
 * what they printed last time without starting the engine (docs/engine.md, "The output
 * cache"). A run of either is a function of exactly these, and the key covers all of them:
 *
 * - the build (its sources, schemas and lockfile), Node and its ICU, and the arguments;
 * - the working folder, today's date, and the environment variables cchc reads
 *   (OUTPUT_ENV; tests/unit/output-cache.test.ts checks that every variable the source
 *   reads is listed here or in NOT_OUTPUT_ENV);
 * - whether stdout and stderr are terminals, and the terminal's width;
 * - every file the command reads, read by the same code the command uses: each plan
 *   folder's files (load/plan-texts.ts readPlanFolder) and, for status, the scoring frame
 *   beside the plan folders (cli/plan-dir.ts).
 *
 * Only clean runs are kept (exit 0 or 1, every file read without a problem). A run whose
 * arguments this module does not fully understand (an option it does not know, a lone
 * file, --help) is simply not cached. The front (cli/front.ts) looks the key up before
 * the bundle is loaded; the full run (cli/main.ts) records its output under the same key,
 * reading its inputs through what the key read (load/run-inputs.ts), so the output stored
 * is that of the inputs keyed even when a file changes during the run.
 */
import path from 'node:path';
import { cacheDir, entryName, readCacheFile, touchCacheFile } from '../load/cache-dir.js';
import { readPlanFolder, readParts, resolveTargets } from '../load/plan-texts.js';
import { forgetInputs, rememberedInputs, rememberInputs } from '../load/run-inputs.js';
import { COMMANDS, optionsOf, type CommandName } from './spec.js';
import { isTerminal, terminalWidth, writeTo } from './stdio.js';
import { todayIso } from '../model/dates.js';
import { defaultCheckPaths, readScoringText, resolvePlanDir, scoringFile } from './plan-dir.js';

/** The environment variables that change what validate or status print. */
export const OUTPUT_ENV = ['CCHC_LANG', 'CCHC_TODAY', 'CCHC_DEBUG', 'COLUMNS', 'NO_COLOR', 'FORCE_COLOR', 'TERM', 'TZ'] as const;

/** The variables cchc reads that do not change what validate or status print, and why. */
export const NOT_OUTPUT_ENV: Readonly<Record<string, string>> = {
  CCHC_CACHE_DIR: 'where the caches are, not what a run prints',
  CCHC_CACHE_MAX_MB: 'how large the cache may grow',
  CCHC_NO_CACHE: 'turns the caches off altogether',
  CCHC_NO_CODE_CACHE: "turns off the bundle's code cache (bin/cchc.cjs)",
  CCHC_V8CACHE_OUT: "where the build writes the bundle's code cache (scripts/build.mjs)",
  XDG_CACHE_HOME: 'where the caches are',
  CI: 'whether the progress line is drawn on a terminal (cli/progress.ts), which is not kept',
  CCHC_THREADS: 'a run with it set is not cached at all: its worker threads read the files themselves',
};

declare const __CCHC_BUILD__: string | undefined;

/** The build (scripts/build.mjs stamps it); run from source, the front is not used. */
const BUILD = typeof __CCHC_BUILD__ === 'string' ? __CCHC_BUILD__ : 'source';

/** Format of an entry; bump when its shape changes. */
const OUTPUT_VERSION = 1;

/** Every part of what a run's output depends on: the run (`head`) and the files it reads. */
export interface OutputKey {
  head: string[];
  files: string[];
}

function sameKey(a: OutputKey, b: OutputKey): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((p, i) => y[i] === p);
  return same(a.head, b.head) && same(a.files, b.files);
}

/**
 * The entry holds the files' texts (compared, not hashed: no node:crypto to load), so the
 * cache is for plans of ordinary size: a run over more folders or more text is run in full
 * (the result cache still spares it the checking).
 */
const MAX_FOLDERS = 32;
const MAX_KEY_CHARS = 4 * 1024 * 1024;

const CACHED: ReadonlySet<CommandName> = new Set(['validate', 'status']);

/** What a run depends on besides its files. */
export interface RunFacts {
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The local date, YYYY-MM-DD. */
  today: string;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  columns: number;
}

export interface CachedOutput {
  stdout: string;
  stderr: string;
  exit: 0 | 1;
}

/** The facts of this process. */
export function processFacts(args: readonly string[]): RunFacts {
  return {
    args,
    cwd: process.cwd(),
    env: process.env,
    today: todayIso(new Date()),
    stdoutTTY: isTerminal(1),
    stderrTTY: isTerminal(2),
    columns: terminalWidth(1),
  };
}

/**
 * The key of a run: every part of what its output depends on, or undefined when it is not a
 * run the cache keeps. Never throws. What it reads is what the run then reads, when this
 * run remembers its inputs (load/run-inputs.ts).
 */
export function outputKey(facts: RunFacts): OutputKey | undefined {
  try {
    if (cacheDir(facts.env) === undefined || facts.env.CCHC_THREADS) return undefined;
    const parsed = parseArgs(facts.args);
    if (!parsed) return undefined;
    const inputs = parsed.command === 'validate' ? validateInputs : statusInputs;
    const files = inputs(parsed.positionals, facts.cwd);
    if (!files) return undefined;
    const env = OUTPUT_ENV.flatMap((name) => [name, facts.env[name] ?? '\u0000']);
    // Node and its ICU too: text widths and sorting come from them.
    const run = [process.version, process.versions.icu ?? '', facts.cwd, facts.today, String(facts.stdoutTTY), String(facts.stderrTTY), String(facts.columns)];
    return { head: [`cchc-output-${OUTPUT_VERSION}`, BUILD, String(facts.args.length), ...facts.args, ...env, ...run], files };
  } catch {
    // A usage error (no plan, a path that is not there) is the full run's to report.
    return undefined;
  }
}

/**
 * The command and its positional arguments, when every word is understood: the command
 * first, then its own options (src/cli/spec.ts) in any of commander's long forms.
 */
export function parseArgs(args: readonly string[]): { command: CommandName; positionals: string[] } | undefined {
  const spec = COMMANDS.find((c) => c.name === args[0]);
  if (!spec || !CACHED.has(spec.name)) return undefined;
  const takesValue = new Map<string, boolean>();
  for (const o of optionsOf(spec)) {
    const value = /[<[]/.test(o.flags);
    for (const f of o.flags.split(/,\s*/)) takesValue.set(f.split(' ')[0]!, value);
  }
  const positionals: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = takesValue.get(flag);
    if (value === undefined || (eq > 0 && !value)) return undefined;
    if (value && eq < 0 && ++i >= args.length) return undefined;
  }
  if (spec.name === 'status' && positionals.length > 1) return undefined;
  return { command: spec.name, positionals };
}

/** validate: the text of every plan folder it will check; undefined for a lone file or a problem. */
function validateInputs(positionals: string[], cwd: string): string[] | undefined {
  const { targets, diagnostics } = resolveTargets(positionals.length > 0 ? positionals : defaultCheckPaths(cwd), cwd);
  if (diagnostics.length > 0 || targets.length > MAX_FOLDERS) return undefined;
  const budget = { chars: MAX_KEY_CHARS };
  const parts: string[] = [String(targets.length)];
  for (const t of targets) {
    if (t.type !== 'folder') return undefined;
    const folder = folderParts(t.dir, cwd, budget);
    if (!folder) return undefined;
    parts.push(String(folder.length), ...folder);
  }
  return parts;
}

/** status: its plan folder's texts and the scoring frame beside it. */
function statusInputs(positionals: string[], cwd: string): string[] | undefined {
  const dir = resolvePlanDir(positionals[0], { cwd });
  const folder = folderParts(dir, cwd, { chars: MAX_KEY_CHARS });
  if (!folder) return undefined;
  const scoring = readScoringText(scoringFile(dir, cwd));
  return [...folder, scoring === undefined ? 'no-scoring' : 'scoring', scoring ?? ''];
}

/** A folder's key parts, or undefined when it could not be read cleanly or the run's files are over the budget. */
function folderParts(dir: string, cwd: string, budget: { chars: number }): string[] | undefined {
  const abs = path.resolve(cwd, dir);
  const read = readPlanFolder(abs, cwd);
  if (read.diagnostics.length > 0) return undefined;
  for (const t of read.texts) budget.chars -= t.text.length;
  if (budget.chars < 0) return undefined;
  return readParts(read);
}

/**
 * Where the output of a run is kept: out/<hash>.json in the cache folder, named by the run
 * (its arguments, folder, environment, date, terminal) and not by its files, so a run on
 * edited files replaces its entry instead of adding one. The hash (load/cache-dir.ts
 * entryName) only names the file: the entry holds the whole key, and is used only when
 * every part, every file's text included, is equal.
 */
function entryFile(dir: string, key: OutputKey): string {
  return path.join(dir, 'out', `${entryName(key.head)}.json`);
}

function readEntry(file: string, key: OutputKey): CachedOutput | undefined {
  const e = readCacheFile(file);
  const stored = e?.key as OutputKey | undefined;
  if (!e || !stored || !Array.isArray(stored.head) || !Array.isArray(stored.files) || !sameKey(stored, key)) return undefined;
  if (typeof e.stdout !== 'string' || typeof e.stderr !== 'string' || (e.exit !== 0 && e.exit !== 1)) return undefined;
  return { stdout: e.stdout, stderr: e.stderr, exit: e.exit };
}

/** Print what the run printed last time and set its exit code; false when there is nothing stored. */
export function replayOutput(key: OutputKey, beforeWriting: () => void, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const dir = cacheDir(env);
  if (dir === undefined) return false;
  const file = entryFile(dir, key);
  const hit = readEntry(file, key);
  if (!hit) return false;
  touchCacheFile(file);
  beforeWriting();
  writeTo(1, hit.stdout);
  writeTo(2, hit.stderr);
  process.exitCode = hit.exit;
  return true;
}

/**
 * Store a clean run's output. The run read its inputs through what the key read
 * (load/run-inputs.ts), so the output is that of the inputs keyed, whatever changed on
 * disk meanwhile. `write` is load/cache.ts writeCacheFile, passed in so that the front
 * does not load node:crypto.
 */
export function storeOutput(
  key: OutputKey,
  env: Readonly<Record<string, string | undefined>>,
  output: { stdout: string; stderr: string; exit: number },
  write: (dir: string, file: string, text: string) => void,
): void {
  const dir = cacheDir(env);
  if (dir === undefined || (output.exit !== 0 && output.exit !== 1)) return;
  write(dir, entryFile(dir, key), JSON.stringify({ key, stdout: output.stdout, stderr: output.stderr, exit: output.exit }));
}

/** How the front hands a missed run to the bundle in the same process: its key and the inputs it read. */
const PENDING = Symbol.for('cchc.outputKey');
/** Set by bin/cchc.cjs when it did not start the front (no stored output yet): the run makes its key itself. */
const AT_START = Symbol.for('cchc.keyAtStart');

interface Pending {
  key: OutputKey;
  inputs: Array<[string, unknown]>;
}

/** The front: key a run, remembering what it reads (load/run-inputs.ts). */
export function keyRun(facts: RunFacts): OutputKey | undefined {
  rememberInputs();
  const key = outputKey(facts);
  if (!key) forgetInputs();
  return key;
}

export function setPendingKey(key: OutputKey): void {
  (globalThis as Record<symbol, unknown>)[PENDING] = { key, inputs: rememberedInputs() } satisfies Pending;
}

/**
 * The key this run stores its output under, if any: the front's, with the inputs it read,
 * or made now when bin/cchc.cjs skipped the front. From then on the run reads its inputs
 * as the key did (load/run-inputs.ts); main() forgets them when the run ends.
 */
export function takePendingKey(args: readonly string[]): OutputKey | undefined {
  const g = globalThis as Record<symbol, unknown>;
  const pending = g[PENDING] as Pending | undefined;
  const atStart = g[AT_START] === true;
  delete g[PENDING];
  delete g[AT_START];
  if (atStart) return keyRun(processFacts(args));
  if (!pending || !Array.isArray(pending.key?.head) || !Array.isArray(pending.key?.files) || !Array.isArray(pending.inputs)) return undefined;
  rememberInputs(pending.inputs);
  return pending.key;
}
