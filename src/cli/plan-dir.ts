/**
 * Which plan folder a command works on: the one named, else the plan folder the working
 * folder is in, else the newest plans/<year> (src/load/discover.ts). Only the file system,
 * no plan read: the output cache's front (src/cli/front.ts) asks it too.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverPlans } from '../load/discover.js';
import { usage } from '../errors.js';
import { remembered } from '../load/run-inputs.js';

/** Where a command is started from, for resolving a plan argument. */
interface Where {
  cwd: string;
}

/** The plan folder the working folder is in, or the newest plans/<year> (src/load/discover.ts). */
export function defaultPlanDir(cwd: string): string {
  return remembered(['default-plan', cwd], () => newestPlanDir(cwd));
}

function newestPlanDir(cwd: string): string {
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

export function resolvePlanDir(arg: string | undefined, env: Where): string {
  if (!arg) return defaultPlanDir(env.cwd);
  return remembered(['plan-dir', env.cwd, arg], () => planDirOf(arg, env.cwd));
}

function planDirOf(arg: string, cwd: string): string {
  const abs = path.resolve(cwd, arg);
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

/** No PATH for validate: the plans of the repository (or the plan folder) the working folder is in. */
export function defaultCheckPaths(cwd: string): string[] {
  return remembered(['check-paths', cwd], () => checkPathsOf(cwd));
}

function checkPathsOf(cwd: string): string[] {
  const found = discoverPlans(cwd);
  if (!found) throw usage('noPlan', { cwd });
  return [path.relative(cwd, found.kind === 'plan' ? found.dir : found.plansDir) || '.'];
}

/** Where a repository keeps its scoring frame: beside the plan folders (plans/2022 → plans/scoring.yaml; src/report/scoring-file.ts). */
export function scoringFile(planDir: string, cwd: string): string {
  return path.join(path.dirname(path.resolve(cwd, planDir)), 'scoring.yaml');
}

/** The scoring frame's text: a regular file only (a FIFO or a link out of the repository is not read); undefined when there is none. */
export function readScoringText(file: string): string | undefined {
  return remembered(['scoring', file], () => scoringTextOf(file));
}

function scoringTextOf(file: string): string | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
