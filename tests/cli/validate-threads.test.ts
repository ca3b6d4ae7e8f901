/**
 * `cchc validate` over many plan folders on worker threads (src/cli/commands/validate-workers.ts,
 * docs/engine.md): the built CLI, spawned with CCHC_THREADS, on a generated corpus where
 * every folder has an error of its own. The output must be the same byte for byte with one
 * thread and with several, and every folder's error must be there: a chunk handed to no
 * worker, or put back at the wrong place, fails these tests.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { spawnCli, fixturePlan, tempDir, type CliResult } from '../helpers.js';
import { CHUNK, MAX_THREADS, PARALLEL_FROM, isValidateWorker, threadCount } from '../../src/cli/commands/validate-workers.js';

/** Folders in the corpus: not a multiple of the chunk, so the last chunk is a short one. */
const N = 3 * CHUNK + 5;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

let root = '';
let preload = '';
beforeAll(() => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  root = path.join(t.dir, 'plans');
  for (let i = 0; i < N; i++) {
    const dir = path.join(root, `plan-${String(i).padStart(3, '0')}`);
    cpSync(fixturePlan('mini'), dir, { recursive: true });
    const tasks = path.join(dir, 'tasks.yaml');
    // Each folder names a unit of its own that does not exist: one distinct error per folder.
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('    lead: [tu-phap]', `    lead: [tu-phap-${i}]`));
  }
  // Loaded into every thread of the spawned CLI: each worker thread writes one line.
  preload = path.join(t.dir, 'count-workers.cjs');
  writeFileSync(
    preload,
    "const wt = require('node:worker_threads'); if (!wt.isMainThread) require('node:fs').appendFileSync(process.env.CCHC_TEST_TRACE, 'worker\\n');\n",
  );
});

const runs = new Map<string, CliResult & { workers: number }>();

/** validate of the whole corpus as JSON, with `threads` (each count run once); and how many worker threads ran. */
function validate(threads: string): CliResult & { workers: number } {
  const known = runs.get(threads);
  if (known) return known;
  const trace = path.join(path.dirname(root), `trace-${threads}`);
  rmSync(trace, { force: true });
  const r = spawnCli(['validate', root, '--format', 'json'], {
    env: { CCHC_THREADS: threads, CCHC_NO_CACHE: '1', CCHC_TEST_TRACE: trace, NODE_OPTIONS: `--require ${preload}` },
  });
  const workers = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean).length : 0;
  runs.set(threads, { ...r, workers });
  return { ...r, workers };
}

/** Each folder's own unknown unit, once, in its own folder's file: nothing dropped, nothing misplaced. */
function expectEveryFolder(stdout: string): void {
  const { summary, diagnostics } = JSON.parse(stdout) as { summary: { plans: number }; diagnostics: { code: string; file: string; params: { id?: string } }[] };
  expect(summary.plans).toBe(N);
  const unknown = diagnostics.filter((d) => d.code === 'task/unknown-unit');
  expect(unknown).toHaveLength(N);
  for (let i = 0; i < N; i++) {
    const name = `plan-${String(i).padStart(3, '0')}`;
    expect(unknown.filter((d) => d.params.id === `tu-phap-${i}` && d.file.endsWith(path.join(name, 'tasks.yaml')))).toHaveLength(1);
  }
}

describe('validate on worker threads', () => {
  it('CCHC_THREADS=1 starts no worker, 2 start two; both report the distinct error of every folder', () => {
    for (const threads of ['1', '2']) {
      const r = validate(threads);
      expect(r.workers).toBe(threads === '1' ? 0 : 2);
      expect(r.code).toBe(1);
      expectEveryFolder(r.stdout);
    }
  });

  it('the output is the same byte for byte with 2 and 3 threads as with 1, and the workers did run', () => {
    const one = validate('1');
    for (const threads of ['2', '3']) {
      const many = validate(threads);
      expect(many.workers).toBe(Number(threads));
      expect(many.code).toBe(one.code);
      expect(many.stderr).toBe(one.stderr);
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it('the text output and its summary are the same too', () => {
    const args = (threads: string) => spawnCli(['validate', root], { env: { CCHC_THREADS: threads, CCHC_NO_CACHE: '1' } });
    const one = args('1');
    const two = args('2');
    expect(two).toEqual(one);
    expect(one.stderr).toContain(`${N} kế hoạch`);
  });
});

describe('threadCount', () => {
  it('one thread below PARALLEL_FROM folders, the cores (at most MAX_THREADS) from it', () => {
    expect(threadCount(PARALLEL_FROM - 1, {}, 4)).toBe(1);
    expect(threadCount(PARALLEL_FROM, {}, 4)).toBe(4);
    expect(threadCount(PARALLEL_FROM, {}, 64)).toBe(MAX_THREADS);
    expect(threadCount(PARALLEL_FROM, { CCHC_THREADS: '' }, 2)).toBe(2);
  });

  it('CCHC_THREADS wins at any count, but never more threads than chunks', () => {
    expect(threadCount(100, { CCHC_THREADS: '2' }, 8)).toBe(2);
    expect(threadCount(PARALLEL_FROM * 2, { CCHC_THREADS: '1' }, 8)).toBe(1);
    expect(threadCount(CHUNK, { CCHC_THREADS: '4' }, 8)).toBe(1);
    expect(threadCount(CHUNK + 1, { CCHC_THREADS: '4' }, 8)).toBe(2);
    expect(threadCount(10 * CHUNK, { CCHC_THREADS: '256' }, 8)).toBe(10);
  });

  it('a CCHC_THREADS that is not a whole number from 1 to 256 counts as unset', () => {
    for (const bad of ['0', '257', '-1', '2.5', 'two', ' 2']) {
      expect(threadCount(100, { CCHC_THREADS: bad }, 8)).toBe(1);
      expect(threadCount(PARALLEL_FROM, { CCHC_THREADS: bad }, 2)).toBe(2);
    }
  });
});

describe('isValidateWorker', () => {
  it("the main thread is no worker, even with the workers' variable set", () => {
    expect(isValidateWorker({})).toBe(false);
    expect(isValidateWorker({ CCHC_VALIDATE_WORKER: '1' })).toBe(false);
  });
});
