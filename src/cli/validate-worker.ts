/**
 * `cchc validate` over many plan folders on all cores. The built CLI is one file
 * (dist/cli.cjs); started as a worker thread it runs checkFoldersInWorker instead of the
 * command line (src/cli/entry.ts). The main thread hands out chunks of folders as workers
 * finish, so a run of slow (failing) folders does not all land on one worker, and puts the
 * results back in the order of the folders.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadPlan } from '../load/index.js';

/** Below this many folders, starting threads costs more than it saves (BENCHMARKS.md). */
export const PARALLEL_FROM = 24;
/** Folders handed to a worker at a time. */
export const CHUNK = 16;

/** The file a worker runs: the built CLI, set by src/cli/entry.ts; undefined from source. */
export const runtime: { entryFile?: string } = {};

/** The argument that starts the built CLI as a worker (checked before worker_threads loads). */
export const WORKER_FLAG = '--cchc-validate-worker';

/** worker_threads, required on first use: most runs start no thread (BENCHMARKS.md, start-up). */
function threads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}

interface Job {
  start: number;
  dirs: string[];
  cwd: string;
}

/** Inside a worker: check each chunk sent, answer with its findings. */
export function serveWorker(): void {
  const { parentPort } = threads();
  parentPort!.on('message', (job: Job | null) => {
    if (job === null) {
      parentPort!.close();
      return;
    }
    const results = job.dirs.map((dir) => loadPlan(dir, { cwd: job.cwd }).diagnostics);
    parentPort!.postMessage({ start: job.start, results });
  });
}

/** How many threads: CCHC_THREADS when set (1 = none), else the machine's cores, at most 8. */
export function threadCount(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CCHC_THREADS);
  return Math.min(Number.isInteger(n) && n > 0 ? n : availableParallelism(), 8);
}

/**
 * Check many plan folders on worker threads. Undefined when threads would not pay (few
 * folders, one core) or cannot run (from source: no built file to start).
 */
export async function checkFoldersInParallel(dirs: readonly string[], cwd: string): Promise<Diagnostic[][] | undefined> {
  const n = Math.min(threadCount(), Math.ceil(dirs.length / CHUNK));
  if (!runtime.entryFile || dirs.length < PARALLEL_FROM || n < 2) return undefined;
  const out: Diagnostic[][] = new Array(dirs.length);
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const fail = (err: unknown) => {
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const busy = new Set<Worker>();
    const feed = (w: Worker) => {
      busy.delete(w);
      if (next >= dirs.length) {
        w.postMessage(null);
        return;
      }
      busy.add(w);
      const start = next;
      next = Math.min(dirs.length, next + CHUNK);
      w.postMessage({ start, dirs: dirs.slice(start, next), cwd } satisfies Job);
    };
    for (let k = 0; k < n; k++) {
      const w = new (threads().Worker)(runtime.entryFile!, { argv: [WORKER_FLAG] });
      workers.push(w);
      w.on('message', (m: { start: number; results: Diagnostic[][] }) => {
        m.results.forEach((ds, j) => (out[m.start + j] = ds));
        done += m.results.length;
        feed(w);
        if (done === dirs.length) resolve();
      });
      w.once('error', fail);
      w.once('exit', (code) => {
        if (busy.has(w)) fail(new Error(`a validate worker stopped (exit ${code}) before its folders were checked`));
      });
      feed(w);
    }
  });
  // Every folder has its findings, or the run is a bug, never a silent pass.
  for (let i = 0; i < dirs.length; i++) if (!out[i]) throw new Error(`no result for ${dirs[i]}`);
  return out;
}
