/**
 * Finding and reading plan folders: the only place that walks the file system. It returns
 * sources and io/* or file/* diagnostics; it never throws for bad input.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanDocs, Doc } from '../check/context.js';
import { fileDiagnostic, ioDiagnostic, readSource } from './read.js';

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
      if (found.length === 0) diagnostics.push(fileDiagnostic(arg, 'io/no-plan'));
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

function readDoc<T>(file: string, cwd: string, diagnostics: Diagnostic[]): Doc<T> | undefined {
  const r = readSource(file, displayPath(file, cwd));
  diagnostics.push(...r.diagnostics);
  return r.source ? { source: r.source } : undefined;
}

export function loadPlanFolder(dir: string, cwd: string): { docs: PlanDocs; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const docs: PlanDocs = { dir: displayPath(dir, cwd), folderName: path.basename(dir), progress: [] };
  for (const kind of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
    const file = path.join(dir, `${kind}.yaml`);
    let exists = true;
    try {
      statSync(file);
    } catch (err) {
      exists = false;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') diagnostics.push(ioDiagnostic(displayPath(file, cwd), err));
      else if ((REQUIRED_FILES as readonly string[]).includes(kind)) {
        diagnostics.push(fileDiagnostic(displayPath(dir, cwd), 'file/missing', { name: `${kind}.yaml` }));
      }
    }
    if (exists) (docs as any)[kind] = readDoc(file, cwd, diagnostics);
  }
  const progressDir = path.join(dir, PROGRESS_DIR);
  let names: string[] = [];
  try {
    names = readdirSync(progressDir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') diagnostics.push(ioDiagnostic(displayPath(progressDir, cwd), err));
  }
  for (const n of names) {
    const d = readDoc<never>(path.join(progressDir, n), cwd, diagnostics);
    if (d) docs.progress.push(d);
  }
  return { docs, diagnostics };
}

/** A lone YAML file, not inside a plan folder: checked against the schema its `kind` names. */
export function loadLoneFile(file: string, cwd: string): { source?: import('../yaml/source.js').SourceFile; diagnostics: Diagnostic[] } {
  const r = readSource(file, displayPath(file, cwd));
  return { source: r.source, diagnostics: r.diagnostics };
}
