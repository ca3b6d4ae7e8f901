/**
 * Finding plan folders and reading their files as text: the file-system side of loading a
 * plan. Nothing here parses YAML or runs a rule, so a plan whose result is cached (see
 * index.ts) costs only reading its files.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileDiagnostic, ioDiagnostic, newPathMemo, readText, repositoryRoot, type PathMemo } from './read.js';
import { recalled, remembered } from './run-inputs.js';

export const REQUIRED_FILES = ['plan', 'units', 'tasks', 'indicators', 'budget'] as const;
export const OPTIONAL_FILES = ['references'] as const;
export const PROGRESS_DIR = 'progress';

export type Target = { type: 'folder'; dir: string } | { type: 'file'; file: string };

/** Show paths relative to the working folder, as a clerk typed them. */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

function isPlanFolder(dir: string): boolean {
  try {
    return statSync(path.join(dir, 'plan.yaml')).isFile();
  } catch {
    return false;
  }
}

/** Plan folders below `dir` (itself included), skipping hidden folders and node_modules. */
function findPlanFolders(dir: string, depth: number, out: string[]): void {
  if (isPlanFolder(dir)) {
    out.push(dir);
    return;
  }
  if (depth <= 0) return;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || !e.isDirectory()) continue;
    findPlanFolders(path.join(dir, e.name), depth - 1, out);
  }
}

/** Resolve the PATH arguments of `cchc validate` to plan folders and lone files. */
export function resolveTargets(args: readonly string[], cwd: string): { targets: Target[]; diagnostics: Diagnostic[] } {
  return remembered(['targets', cwd, ...args], () => findTargets(args, cwd));
}

function findTargets(args: readonly string[], cwd: string): { targets: Target[]; diagnostics: Diagnostic[] } {
  const targets: Target[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    const key = t.type === 'folder' ? t.dir : t.file;
    if (!seen.has(key)) {
      seen.add(key);
      targets.push(t);
    }
  };
  for (const arg of args.length > 0 ? args : ['plans']) {
    const abs = path.resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      diagnostics.push(ioDiagnostic(arg, err));
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      findPlanFolders(abs, 4, found);
      if (found.length === 0) diagnostics.push(fileDiagnostic(arg, 'io/no-plan', {}));
      for (const dir of found) add({ type: 'folder', dir });
    } else {
      // A file inside a plan folder is checked with its whole plan: cross-file rules need it.
      const dir = path.dirname(abs);
      const planDir = isPlanFolder(dir) ? dir : path.basename(dir) === PROGRESS_DIR && isPlanFolder(path.dirname(dir)) ? path.dirname(dir) : undefined;
      add(planDir ? { type: 'folder', dir: planDir } : { type: 'file', file: abs });
    }
  }
  return { targets, diagnostics };
}

/** One file of a plan folder, read as text (not parsed). */
export interface PlanText {
  kind: (typeof REQUIRED_FILES)[number] | (typeof OPTIONAL_FILES)[number] | 'progress';
  /** As shown to the user. */
  path: string;
  text: string;
}

/** At most this many progress files in a plan folder (docs/engine.md, caps). */
export const MAX_PROGRESS_FILES = 2_000;
/** At most this many bytes in all the files of a plan folder together. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/**
 * Read every file of a plan folder as text: the only I/O of loading a plan. Each file must
 * be a regular file inside the plan repository (read.ts); the folder is capped in files
 * and bytes, so that no input keeps a command busy. `memo`: the folders already resolved
 * by this run (read.ts), shared by the plan folders of one `validate`.
 */
export function readPlanTexts(dir: string, cwd: string, memo: PathMemo = newPathMemo()): { texts: PlanText[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const texts: PlanText[] = [];
  const root = repositoryRoot(dir, memo);
  let bytes = 0;
  let full = false;
  // A file's path as shown is its folder's and its name (displayPath of the joined path).
  const shownDir = displayPath(dir, cwd);
  const read = (kind: PlanText['kind'], name: string, required: boolean) => {
    const file = path.join(dir, name);
    const shown = path.join(shownDir, name);
    if (full) return;
    const r = readText(file, shown, root, memo);
    if (r.diagnostics[0]?.code === 'io/not-found') {
      if (required) diagnostics.push(fileDiagnostic(shownDir, 'file/missing', { name: path.basename(file) }));
      return;
    }
    diagnostics.push(...r.diagnostics);
    if (r.text === undefined) return;
    bytes += r.size ?? 0;
    if (bytes > MAX_PLAN_BYTES) {
      full = true;
      diagnostics.push(fileDiagnostic(shown, 'limit/plan-size', { max: MAX_PLAN_BYTES }));
      return;
    }
    texts.push({ kind, path: shown, text: r.text });
  };
  for (const kind of REQUIRED_FILES) read(kind, `${kind}.yaml`, true);
  for (const kind of OPTIONAL_FILES) read(kind, `${kind}.yaml`, false);
  const progressDir = path.join(dir, PROGRESS_DIR);
  let names: string[] = [];
  try {
    names = readdirSync(progressDir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') diagnostics.push(ioDiagnostic(displayPath(progressDir, cwd), err));
  }
  if (names.length > MAX_PROGRESS_FILES) {
    diagnostics.push(fileDiagnostic(displayPath(progressDir, cwd), 'limit/plan-files', { count: names.length, max: MAX_PROGRESS_FILES }));
    names = [];
  }
  for (const n of names) read('progress', path.join(PROGRESS_DIR, n), false);
  return { texts, diagnostics };
}

/** A plan folder read as text: what checking needs, and all that the cache key covers. */
export interface FolderRead {
  texts: PlanText[];
  /** io/* and file/* findings of reading. */
  diagnostics: Diagnostic[];
  /** The folder as shown to the user. */
  displayDir: string;
  /** The folder's own name (2022), compared with the plan year. */
  folderName: string;
}

export function readPlanFolder(dir: string, cwd: string, memo?: PathMemo): FolderRead {
  return remembered(['folder', dir, cwd], () => {
    const { texts, diagnostics } = readPlanTexts(dir, cwd, memo);
    return { texts, diagnostics, displayDir: displayPath(dir, cwd), folderName: path.basename(dir) };
  });
}

/**
 * One file of a plan folder as this run read it with its folder (run-inputs.ts), else read
 * now: a command that reads a plan file again (for positions) sees the text that was checked.
 */
export function planFileText(dir: string, cwd: string, name: string): string | undefined {
  const shown = path.join(displayPath(dir, cwd), name);
  const read = recalled<FolderRead>(['folder', dir, cwd]);
  return read ? read.texts.find((t) => t.path === shown)?.text : readText(path.join(dir, name), shown).text;
}

/**
 * Every input of checking a folder read, as key parts (load/cache.ts cacheKey): the folder
 * as shown and named, and each file's kind, path and text. The result cache (load/index.ts)
 * and the output cache (cli/output-cache.ts) both key on it.
 */
export function readParts(read: FolderRead): string[] {
  return [read.displayDir, read.folderName, String(read.texts.length), ...read.texts.flatMap((t) => [t.kind, t.path, t.text])];
}
