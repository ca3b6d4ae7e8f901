/**
 * A worker thread of `cchc validate` over many plan folders: it checks the folders it is
 * given and sends back their findings. The main thread splits the folders and merges.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPlanFolderAsync } from '../load/plan-texts.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

async function work(): Promise<void> {
  const { dirs, cwd } = workerData as { dirs: string[]; cwd: string };
  const results: Diagnostic[][] = [];
  for (const dir of dirs) results.push((await checkPlanFolderAsync(dir, cwd)).diagnostics);
  parentPort!.postMessage(results);
}

void work();
