/**
 * Where are the plans? Every command run from inside a plan repository — its root, `plans/`,
 * a plan folder, a plan's `progress/` — finds them, as git finds its repository: walk up
 * from the working folder to the first folder that holds a `plan.yaml` (a plan folder) or a
 * `plans/` folder (a plan repository). The walk stops at the top of a git repository, so a
 * plan folder elsewhere on the disk is never picked up by accident.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

type Discovered =
  /** The working folder is inside one plan folder. */
  | { kind: 'plan'; dir: string }
  /** The working folder is inside a plan repository: `plansDir` holds plans/<year>/. */
  | { kind: 'repo'; plansDir: string };

function exists(p: string, dir: boolean): boolean {
  try {
    const st = statSync(p);
    return dir ? st.isDirectory() : st.isFile();
  } catch {
    return false;
  }
}

/** The plan folder or plans/ folder that `cwd` belongs to, or undefined. */
export function discoverPlans(cwd: string): Discovered | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (exists(path.join(dir, 'plan.yaml'), false)) return { kind: 'plan', dir };
    if (exists(path.join(dir, 'plans'), true)) return { kind: 'repo', plansDir: path.join(dir, 'plans') };
    // The top of a git repository (a .git folder, or a .git file for a worktree) ends the walk.
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The plans/ folder where new plans go: the discovered one, else ./plans. */
export function plansFolder(cwd: string): string {
  const found = discoverPlans(cwd);
  if (found?.kind === 'repo') return found.plansDir;
  // Inside plans/<year>/: its parent, when that is named plans.
  if (found?.kind === 'plan' && path.basename(path.dirname(found.dir)) === 'plans') return path.dirname(found.dir);
  return path.join(path.resolve(cwd), 'plans');
}
