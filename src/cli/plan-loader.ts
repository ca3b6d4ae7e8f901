/**
 * The one loader every command shares: find the plan folder, read it, run the whole rule
 * set. A plan with errors stops the command with the same located messages `validate`
 * prints; no command computes figures from a broken plan.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeInfo } from '../diagnostics/codes.js';
import { checkPlanFolderAsync } from '../load/plan-texts.js';
import { discoverPlans, noPlanMessage } from '../load/discover.js';
import type { Plan } from '../model/plan.js';
import { diagnosticAsText, summaryAsText } from '../render/diagnostics.js';
import { UsageError, EXIT } from './errors.js';
import { writeErr, type Env } from './io.js';

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
  if (years.length === 0) {
    const { message, hint } = noPlanMessage(cwd);
    throw new UsageError(message, hint);
  }
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
    throw new UsageError(`không tìm thấy đường dẫn: ${arg} / path does not exist`);
  }
  const dir = st.isDirectory() ? abs : path.dirname(abs);
  try {
    statSync(path.join(dir, 'plan.yaml'));
  } catch {
    throw new UsageError(`${arg}: không phải thư mục kế hoạch (thiếu plan.yaml) / not a plan folder (no plan.yaml)`);
  }
  return dir;
}

export function printDiagnostics(ds: readonly Diagnostic[], env: Env): void {
  for (const d of ds) writeErr(diagnosticAsText(d, env.lang, env.chalk, env.width) + '\n');
}

export type Loaded = { plan: Plan; diagnostics: Diagnostic[] } | { exit: number };

/**
 * Load and check; on errors print them to stderr and return the exit code. Warnings are
 * returned to the caller (some commands show them; none stops for them).
 */
export async function loadCheckedPlan(arg: string | undefined, env: Env): Promise<Loaded> {
  const dir = resolvePlanDir(arg, env);
  const { diagnostics: all, plan } = await checkPlanFolderAsync(dir, env.cwd);
  const errors = all.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !plan) {
    printDiagnostics(all, env);
    writeErr(summaryAsText(all, 1, env.lang, env.chalk));
    return { exit: all.some((d) => codeInfo(d.code)?.io) ? EXIT.usage : EXIT.findings };
  }
  return { plan, diagnostics: all };
}
