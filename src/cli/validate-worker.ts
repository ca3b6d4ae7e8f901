/**
 * A worker thread of `cchc validate` over many plan folders: it checks the folders it is
 * given and sends back their findings. The main thread splits the folders and merges.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPlanFolder } from '../load/plan-folder.js';

const { dirs, cwd } = workerData as { dirs: string[]; cwd: string };
const results = dirs.map((dir) => checkPlanFolder(dir, cwd).diagnostics);
parentPort!.postMessage(results);
