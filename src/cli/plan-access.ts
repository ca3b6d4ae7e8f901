/** How record, form and import load a plan: the shared checked loader, with the folder's absolute path. */
import type { Env } from './io.js';
import { loadCheckedPlan, type Loaded } from './plan-loader.js';
import { resolvePlanDir } from './plan-dir.js';

export async function loadPlanForPeriod(arg: string | undefined, env: Env): Promise<Loaded & { absDir?: string }> {
  const absDir = resolvePlanDir(arg, env);
  const loaded = await loadCheckedPlan(absDir, env);
  return 'exit' in loaded ? loaded : { ...loaded, absDir };
}
