/**
 * `cchc validate` over many plan folders on worker threads (docs/engine.md, "Threads").
 *
 * The built CLI is one file (dist/cli.cjs). A worker runs that same file as
 * `cchc validate` with WORKER_DATA in its workerData; validate.ts then serves chunks of
 * folders (serveValidateWorker) instead of printing anything. The main thread hands out
 * chunks of CHUNK folders as workers finish, not a fixed share each, so a run of slow
 * folders does not all land on one worker; it puts each folder's findings back at the
 * folder's index, and a folder left without findings is an internal error, never a silent
 * pass. Threads are used from PARALLEL_FROM folders, or whenever CCHC_THREADS asks for them.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadPlan } from '../../load/index.js';
import { newPathMemo } from '../../load/read.js';

/** Below this many folders one thread is as fast (BENCHMARKS.md, section 2; bench/corpus-vs-ajv.mjs). */
export const PARALLEL_FROM = 2_000;
/** Folders handed to a worker at a time. */
export const CHUNK = 16;
/** At most this many threads, whatever the machine. */
export const MAX_THREADS = 8;

/** What marks a worker of validate (its workerData). */
const WORKER_DATA = { cchcValidateWorker: 1 } as const;

interface Job {
  start: number;
  dirs: string[];
  cwd: string;
}

interface Answer {
  start: number;
  results: Diagnostic[][];
}

/** worker_threads, required on first use: most runs start no thread (BENCHMARKS.md, start-up). */
function threads(): typeof import('node:worker_threads') {
  const req = typeof require === 'function' ? require : createRequire(import.meta.url);
  return req('node:worker_threads') as typeof import('node:worker_threads');
}

/**
 * Set in a worker's environment: checked first, so that a run that is no worker (every run
 * but these) does not load worker_threads (milliseconds of start-up, BENCHMARKS.md).
 */
const WORKER_ENV = 'CCHC_VALIDATE_WORKER';

/** True inside a worker started by checkFoldersOnThreads. */
export function isValidateWorker(env: Record<string, string | undefined> = process.env): boolean {
  if (env[WORKER_ENV] !== '1') return false;
  const t = threads();
  if (t.isMainThread) return false;
  const data = t.workerData as Partial<typeof WORKER_DATA> | undefined;
  return data?.cchcValidateWorker === WORKER_DATA.cchcValidateWorker;
}

/** Inside a worker: check each chunk sent, answer with its findings; done at `null`. */
export function serveValidateWorker(): Promise<number> {
  const port = threads().parentPort!;
  const memo = newPathMemo();
  return new Promise((resolve) => {
    port.on('message', (job: Job | null) => {
      if (job === null) {
        port.close();
        resolve(0);
        return;
      }
      const results = job.dirs.map((dir) => loadPlan(dir, { cwd: job.cwd, paths: memo }).diagnostics);
      port.postMessage({ start: job.start, results } satisfies Answer);
    });
  });
}

/**
 * How many threads for `folders` plan folders: CCHC_THREADS when it is a whole number from
 * 1 to 256 (1: none; any number of folders), else the cores (at most MAX_THREADS) from
 * PARALLEL_FROM folders and 1 below; never more than there are chunks. docs/environment.md.
 */
export function threadCount(folders: number, env: Record<string, string | undefined>, cores = availableParallelism()): number {
  const asked = env.CCHC_THREADS ?? '';
  const n = /^\d{1,3}$/.test(asked) && Number(asked) >= 1 && Number(asked) <= 256 ? Number(asked) : folders >= PARALLEL_FROM ? Math.min(cores, MAX_THREADS) : 1;
  return Math.max(1, Math.min(n, Math.ceil(folders / CHUNK)));
}

/** The built CLI, which a worker runs; undefined when running from source (tests in-process). */
function builtFile(): string | undefined {
  const file = fileURLToPath(import.meta.url);
  return file.endsWith('.cjs') ? file : undefined;
}

/**
 * The findings of each folder, in the order of `dirs`, checked on `n` worker threads.
 * `onDone(count)` after each chunk (the progress line). Undefined when threads cannot run
 * (from source, no built file to start), so the caller checks the folders itself.
 */
export async function checkFoldersOnThreads(
  dirs: readonly string[],
  cwd: string,
  n: number,
  onDone: (count: number) => void,
): Promise<Diagnostic[][] | undefined> {
  const file = builtFile();
  if (file === undefined || n < 2) return undefined;
  const out: (Diagnostic[] | undefined)[] = new Array<Diagnostic[] | undefined>(dirs.length);
  await handOut(file, dirs, cwd, n, (m) => {
    m.results.forEach((ds, j) => (out[m.start + j] = ds));
    onDone(m.results.length);
  });
  // Every index, holes included (map would skip a hole): a folder without findings is a bug.
  const missing = out.findIndex((ds) => ds === undefined);
  if (missing >= 0) throw new Error(`no findings came back for ${dirs[missing]}`);
  return out as Diagnostic[][];
}

/** Start `n` workers and feed them chunks until every folder has been handed out and answered. */
function handOut(file: string, dirs: readonly string[], cwd: string, n: number, take: (m: Answer) => void): Promise<void> {
  const { Worker } = threads();
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const busy = new Set<Worker>();
    let next = 0;
    let exited = 0;
    const fail = (err: unknown) => {
      for (const w of workers) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
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
      const w = new Worker(file, { argv: ['validate'], env: { ...process.env, [WORKER_ENV]: '1' }, workerData: WORKER_DATA, stdout: true, stderr: false });
      workers.push(w);
      w.on('message', (m: Answer) => {
        take(m);
        feed(w);
      });
      w.once('error', fail);
      // Done when every worker has been told so and stopped; the caller then checks that
      // every folder has its findings.
      w.once('exit', (code) => {
        if (busy.has(w)) fail(new Error(`a validate worker stopped (exit ${code}) before its folders were checked`));
        else if (++exited === n) resolve();
      });
      feed(w);
    }
  });
}
