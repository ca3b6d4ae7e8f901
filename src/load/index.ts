/**
 * The one way to load a plan. Every command calls loadPlan (directly or through
 * cli/plan-loader.ts, which prints the findings of a broken plan): read the files, parse,
 * check with the whole rule set, and remember the result by content (cache.ts), so an
 * unchanged plan is neither parsed nor checked again. docs/engine.md describes the flow.
 *
 *   loadPlan(dir, { cwd, revision, docs }) → { dir, plan, diagnostics, docs, errors, io }
 *
 * - `dir`: the plan folder (the one holding plan.yaml), absolute or relative to `cwd`.
 * - `cwd`: paths in findings are shown relative to it (default: process.cwd()).
 * - `revision`: read the plan as it was at this git revision (a tag, `HEAD~1`, a commit)
 *   instead of the working tree; paths are then shown as `REV:plans/2022/tasks.yaml`. An
 *   unknown revision, or a folder that did not exist at it, throws UsageError (exit 2).
 * - `docs`: also return the parsed files (for commands that read the YAML itself:
 *   refs, new, and those that edit a file in place). Parses even when the result is cached.
 *
 * Never throws for bad input: unreadable, hostile or invalid files are findings.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanDocs } from '../check/context.js';
import type { PlanCheck } from '../check/index.js';
import type { Plan } from '../model/plan.js';
import { codeInfo, isCode } from '../diagnostics/codes.js';
import { usage } from '../errors.js';
import { cacheGet, cacheKey, cachePut, type CacheKey } from './cache.js';
import { cacheDir } from './cache-dir.js';
import { checkFolderTexts } from './plan-folder.js';
import { sizeHeapFor } from './heap.js';
import { readPlanFolder, readParts, type FolderRead } from './plan-texts.js';
import { rememberSource } from './run-inputs.js';
import type { PathMemo } from './read.js';
import { locateInRepository, readPlanAtRevision, resolveCommit } from './git.js';

export interface LoadOptions {
  /** Paths in findings are shown relative to this folder. Default: process.cwd(). */
  cwd?: string;
  /** A git revision to read the plan at, instead of the working tree. */
  revision?: string;
  /** Also return the parsed files (LoadedPlan.docs). */
  docs?: boolean;
  /** Folders already resolved by this run (read.ts PathMemo): `validate` shares one across its plan folders. */
  paths?: PathMemo;
}

export interface LoadedPlan {
  /** The plan folder as shown to the user (`plans/2022`, `v1:plans/2022`). */
  dir: string;
  /** The plan, when every file is present and passed its schema (rules may still have found errors). */
  plan?: Plan;
  /** Every finding of reading, YAML, schemas and rules, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The parsed files, only with `options.docs`. */
  docs?: PlanDocs;
  /** Some finding is an error: no command computes figures from this plan. */
  errors: boolean;
  /** Some finding is an I/O problem (exit 2 rather than 1). */
  io: boolean;
}

export function loadPlan(dir: string, options: LoadOptions = {}): LoadedPlan {
  const cwd = options.cwd ?? process.cwd();
  const abs = path.resolve(cwd, dir);
  const read = options.revision === undefined ? readPlanFolder(abs, cwd, options.paths) : readAtRevision(abs, options.revision, cwd);
  sizeHeapFor(read.texts.reduce((n, t) => n + t.text.length, 0));
  const { diagnostics, plan, docs } = checkRead(read, options.docs === true);
  return {
    dir: read.displayDir,
    plan,
    diagnostics,
    ...(docs ? { docs } : {}),
    errors: diagnostics.some((d) => d.severity === 'error'),
    io: diagnostics.some((d) => codeInfo(d.code)?.io === true),
  };
}

function readAtRevision(planDir: string, rev: string, cwd: string): FolderRead {
  const loc = locateInRepository(planDir, path.relative(cwd, planDir) || '.');
  const commit = resolveCommit(rev, loc.top);
  if (!commit) throw usage('unknownRevision', { rev });
  return readPlanAtRevision({ rev, commit, loc, planDir, cwd });
}

/**
 * Check texts already read, from the cache when nothing changed. Results with reading
 * problems are not cached: they are cheap, and the files may be back next time.
 */
function checkRead(read: FolderRead, wantDocs: boolean): PlanCheck & { docs?: PlanDocs } {
  const key = read.diagnostics.length === 0 && cacheDir() !== undefined ? keyOf(read) : undefined;
  if (key && !wantDocs) {
    const hit = cacheGet(key, isPlanCheck);
    if (hit) return hit;
  }
  const result = checkFolderTexts(read);
  if (key) cachePut(key, { diagnostics: result.diagnostics, plan: result.plan });
  // tasks.yaml as parsed, for the deadline warnings of `status` to locate in (cli/deadline-warnings.ts).
  if (result.docs.tasks) rememberSource(result.docs.tasks.source);
  return result;
}

/** Every input of checking (plan-texts.ts readParts). */
export function keyOf(read: FolderRead): CacheKey {
  return cacheKey(readParts(read));
}

/** The shape of a cached result, checked before it is trusted. */
export function isPlanCheck(v: unknown): v is PlanCheck {
  if (!v || typeof v !== 'object') return false;
  const r = v as { diagnostics?: unknown; plan?: unknown };
  if (!Array.isArray(r.diagnostics) || !r.diagnostics.every(isDiagnostic)) return false;
  if (r.plan === undefined) return true;
  if (!r.plan || typeof r.plan !== 'object') return false;
  const p = r.plan as Record<string, unknown>;
  return (
    typeof p.dir === 'string' &&
    isObject(p.meta) &&
    Array.isArray(p.units) &&
    Array.isArray(p.tasks) &&
    Array.isArray(p.indicators) &&
    isObject(p.budget) &&
    Array.isArray(p.progress) &&
    (p.references === undefined || Array.isArray(p.references))
  );
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A cached list of findings, checked before it is trusted. */
export function isDiagnosticList(v: unknown): v is Diagnostic[] {
  return Array.isArray(v) && v.every(isDiagnostic);
}

function isDiagnostic(v: unknown): boolean {
  if (!isObject(v)) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.code === 'string' &&
    isCode(d.code) &&
    (d.severity === 'error' || d.severity === 'warning') &&
    typeof d.file === 'string' &&
    Number.isInteger(d.line) &&
    Number.isInteger(d.column) &&
    isObject(d.params) &&
    (d.excerpt === undefined || typeof d.excerpt === 'string')
  );
}
