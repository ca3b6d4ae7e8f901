/**
 * The one loader every command shares: find the plan folder, read it, run the whole rule
 * set. A plan with errors stops the command with the same located messages `validate`
 * prints; no command computes figures from a broken plan.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanDocs } from '../check/context.js';
import { loadPlan } from '../load/index.js';
import type { Plan } from '../model/plan.js';
import { diagnosticAsText, summaryAsText } from '../render/diagnostics.js';
import { EXIT } from '../errors.js';
import { resolvePlanDir } from './plan-dir.js';
import { writeErr, type Env } from './io.js';
import { diagnosticsFields, writeJson } from './json-out.js';

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
