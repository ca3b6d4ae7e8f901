/**
 * The one loader every command shares: find the plan folder, read it, run the whole rule
 * set. A plan with errors stops the command with the same located messages `validate`
 * prints; no command computes figures from a broken plan.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanDocs } from '../check/context.js';
import { loadPlan } from '../load/index.js';
import { discoverPlans } from '../load/discover.js';
import type { Plan } from '../model/plan.js';
import { diagnosticAsText, summaryAsText } from '../render/diagnostics.js';
import { usage, EXIT } from '../errors.js';
import { writeErr, type Env } from './io.js';
import { diagnosticsFields, writeJson } from './json-out.js';

/** The plan folder the working folder is in, or the newest plans/<year> (src/load/discover.ts). */
export function defaultPlanDir(cwd: string): string {
  const found = discoverPlans(cwd);
  if (found?.kind === 'plan') return found.dir;
  const root = found?.plansDir ?? path.join(cwd, 'plans');
  let years: string[] = [];
  try {
    years = readdirSync(root).filter((n) => /^\d{4}$/.test(n) && isDir(path.join(root, n)));
  } catch {
    /* handled below */
  }
  if (years.length === 0) throw usage('noPlan', { cwd });
  return path.join(root, years.sort().at(-1)!);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function resolvePlanDir(arg: string | undefined, env: Env): string {
  if (!arg) return defaultPlanDir(env.cwd);
  const abs = path.resolve(env.cwd, arg);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw usage('pathNotFound', { path: arg });
  }
  const dir = st.isDirectory() ? abs : path.dirname(abs);
  try {
    statSync(path.join(dir, 'plan.yaml'));
  } catch {
    throw usage('notPlanFolder', { path: arg });
  }
  return dir;
}

export function printDiagnostics(ds: readonly Diagnostic[], env: Env): void {
  for (const d of ds) writeErr(diagnosticAsText(d, env.lang, env.chalk, env.width) + '\n');
}

/**
 * A plan a command cannot use: its findings on stderr, located, and with JSON asked for the
 * envelope with `ok: false` and the diagnostics on stdout. Returns the exit code.
 */
export function reportUnusablePlan(ds: readonly Diagnostic[], io: boolean, env: Env): number {
  if (env.json) writeJson(env.json.command, false, diagnosticsFields(ds, env.lang));
  printDiagnostics(ds, env);
  writeErr(summaryAsText(ds, 1, env.lang, env.chalk));
  return io ? EXIT.usage : EXIT.findings;
}

export type Loaded = { plan: Plan; diagnostics: Diagnostic[]; dir: string; docs?: PlanDocs } | { exit: number };

/**
 * Find the plan folder (the newest under ./plans when `arg` is empty), load and check it
 * (load/index.ts); on errors print them to stderr and return the exit code. Warnings are
 * returned to the caller (some commands show them; none stops for them).
 */
export function loadCheckedPlan(arg: string | undefined, env: Env, options: { docs?: boolean } = {}): Loaded {
  const dir = resolvePlanDir(arg, env);
  const loaded = loadPlan(dir, { cwd: env.cwd, docs: options.docs });
  if (loaded.errors || !loaded.plan) return { exit: reportUnusablePlan(loaded.diagnostics, loaded.io, env) };
  return { plan: loaded.plan, diagnostics: loaded.diagnostics, dir: loaded.dir, docs: loaded.docs };
}
