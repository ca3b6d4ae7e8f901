/**
 * Shell completion (docs/completion.md). `cchc completion bash|zsh|fish` prints a script;
 * the script asks `cchc __complete WORD... CURRENT` on every Tab, which prints the
 * candidates one per line. It must answer at once, so it checks no plan: it reads the
 * commands as data (src/cli/spec.ts), lists plans/<year> folders, and for unit ids reads
 * the `- id:` lines of one units.yaml. A last line `:file` or `:dir` asks the shell to
 * complete file or folder names itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { discoverPlans } from '../load/discover.js';
import { usage, EXIT } from '../errors.js';
import { write } from './io.js';
import { writeTo } from './stdio.js';
import { COMMANDS, SHELLS, optionsOf, type CommandSpec, type OptionSpec, type ValueKind } from './spec.js';
import { BASH_SCRIPT, FISH_SCRIPT, ZSH_SCRIPT } from './completion-scripts.js';

const SCRIPTS: Record<(typeof SHELLS)[number], string> = { bash: BASH_SCRIPT, zsh: ZSH_SCRIPT, fish: FISH_SCRIPT };

/** cchc completion SHELL: the script, on stdout. */
export function run(shell: string): number {
  const s = shell.toLowerCase() as (typeof SHELLS)[number];
  if (!SHELLS.includes(s)) throw usage('badShell', { value: shell });
  write(SCRIPTS[s]);
  return EXIT.ok;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The plan folders near `cwd`, as the user would type them (plans/2022). */
function planFolders(cwd: string): string[] {
  const found = discoverPlans(cwd);
  if (!found) return [];
  if (found.kind === 'plan') return [path.relative(cwd, found.dir) || '.'];
  let names: string[];
  try {
    names = readdirSync(found.plansDir).filter((n) => /^\d{4}$/.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((n) => path.join(found.plansDir, n))
    .filter((d) => isDir(d))
    .map((d) => path.relative(cwd, d));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The unit ids of a plan, read from the `- id:` lines of its units.yaml. */
function unitIds(planDir: string): string[] {
  const ids = [...readText(path.join(planDir, 'units.yaml')).matchAll(/^\s*-\s+id:\s*["']?([^"'\s#]+)/gm)].map((m) => m[1]!);
  return [...new Set(ids)];
}

/** The reporting periods of a plan's year. */
function periodsOf(planDir: string): string[] {
  const year = /^\d{4}$/.test(path.basename(planDir)) ? path.basename(planDir) : /^year:\s*(\d{4})/m.exec(readText(path.join(planDir, 'plan.yaml')))?.[1];
  return year ? [`${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`, `${year}-6M`, `${year}-9M`, year] : [];
}

function gitRefs(cwd: string): string[] {
  try {
    const out = execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
    });
    return ['HEAD', ...out.split('\n').filter(Boolean)];
  } catch {
    return [];
  }
}

/** Does this option take a value (`--out <file>`)? */
function takesValue(o: OptionSpec): boolean {
  return /[<[]/.test(o.flags);
}

function findOption(spec: CommandSpec, word: string): OptionSpec | undefined {
  const name = word.split('=')[0]!;
  return optionsOf(spec).find((o) => o.flags.split(/[ ,]+/).includes(name));
}

interface Position {
  /** The option whose value is being typed, if any. */
  option?: OptionSpec;
  /** The positionals typed before the current word. */
  positionals: string[];
}

/** Where the current word stands among the words after the command name. */
function positionOf(spec: CommandSpec, before: readonly string[]): Position {
  const positionals: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (w.startsWith('-') && w !== '-') {
      const o = findOption(spec, w);
      if (o && takesValue(o) && !w.includes('=')) {
        if (i === before.length - 1) return { option: o, positionals };
        i++;
      }
    } else positionals.push(w);
  }
  return { positionals };
}

/** The plan the words name, else the one the working folder is in (or the newest). */
function planOf(spec: CommandSpec, positionals: readonly string[], cwd: string): string | undefined {
  const i = spec.args.findIndex((a) => a.value === 'plan');
  const named = i >= 0 ? positionals[i] : undefined;
  if (named && isDir(path.resolve(cwd, named))) return path.resolve(cwd, named);
  const all = planFolders(cwd);
  return all.length > 0 ? path.resolve(cwd, all.at(-1)!) : undefined;
}

function valuesOf(kind: ValueKind, o: OptionSpec | undefined, plan: () => string | undefined, cwd: string): string[] {
  switch (kind) {
    case 'choice':
      return [...(o?.choices ?? o?.suggest ?? [])];
    case 'plan':
      return planFolders(cwd);
    case 'unit': {
      const p = plan();
      return p ? unitIds(p) : [];
    }
    case 'period': {
      const p = plan();
      return p ? periodsOf(p) : [];
    }
    case 'rev':
      return [...planFolders(cwd), ...gitRefs(cwd)];
    case 'shell':
      return [...SHELLS];
    case 'year': {
      const years = planFolders(cwd)
        .map((p) => Number(path.basename(p)))
        .filter((y) => y > 0);
      return years.length > 0 ? [String(Math.max(...years) + 1)] : [];
    }
    default:
      return [];
  }
}

/** The file-name completion a value falls back to, for the shell to do. */
const DIRECTIVE: Partial<Record<ValueKind, string>> = { file: ':file', path: ':file', dir: ':dir', plan: ':dir', rev: ':dir' };

function optionWords(spec: CommandSpec): string[] {
  const words = optionsOf(spec).flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('-')));
  return [...words, '--help'];
}

/** The candidates for the last word of `words` (the words after `cchc`). */
function candidates(words: readonly string[], cwd: string): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  // --lang takes a value, before the command or after it.
  if (before.at(-1) === '--lang') return ['vi', 'en'].filter((w) => w.startsWith(current));
  const name = before.find((w, i) => !w.startsWith('-') && before[i - 1] !== '--lang');
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    if (name === 'help' && before.at(-1) === 'help') return COMMANDS.map((c) => c.name).filter((w) => w.startsWith(current));
    if (name !== undefined) return [];
    const top = current.startsWith('-') ? ['--help', '--version', '--lang'] : [...COMMANDS.map((c) => c.name), 'help'];
    return top.filter((w) => w.startsWith(current));
  }
  const pos = positionOf(spec, before.slice(before.indexOf(name!) + 1));
  if (!pos.option && current.startsWith('-')) return optionWords(spec).filter((w) => w.startsWith(current));
  const variadic = spec.args.at(-1)?.syntax.includes('...') ? spec.args.at(-1) : undefined;
  const kind: ValueKind = pos.option ? (pos.option.value ?? 'none') : ((spec.args[pos.positionals.length] ?? variadic)?.value ?? 'none');
  const values = valuesOf(kind, pos.option, () => planOf(spec, pos.positionals, cwd), cwd).filter((v) => v.startsWith(current));
  const directive = DIRECTIVE[kind];
  return values.length === 0 && directive ? [directive] : values;
}

/** cchc __complete WORD...: the candidates, one per line; always exit 0. */
export function completeWords(words: readonly string[], cwd: string): number {
  const list = candidates(words[0] === '--' ? words.slice(1) : words, cwd);
  if (list.length > 0) writeTo(1, list.join('\n') + '\n');
  return EXIT.ok;
}
