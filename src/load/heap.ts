/**
 * One setting of V8's heap for large plans. Parsing a plan's files keeps most of what it
 * allocates (the data is the plan), so V8 doubles its young generation again and again, to
 * 32 MB for a plan of 10,000 tasks and 100,000 progress records. Every page of it is new
 * memory, and a machine pays for each page a process touches for the first time: about
 * 10 µs on the virtual machines CI runs on (BENCHMARKS.md, status at scale). The young
 * generation is kept from growing further once the plan's files are read (8 MB there, where
 * it would reach 32); the parsed data moves on to the old generation as it would anyway. Measured on that plan: 40–55 ms less for `cchc status`,
 * about 5 %. Small plans are left alone: loading node:v8 costs more than they gain.
 *
 * V8's flags are the process's: the setting is undone when the run ends (restoreHeap, from
 * cli/main.ts), so that a code cache bin/cchc.cjs writes at exit was made under V8's
 * default flags, as every run reads it.
 */
import { createRequire } from 'node:module';

declare const require: NodeJS.Require | undefined;

/** Characters of plan text from which the young generation is held at its size. */
export const LARGE_PLAN_CHARS = 1_000_000;

let held = false;

function v8(): typeof import('node:v8') {
  return (typeof require === 'function' ? require('node:v8') : createRequire(import.meta.url)('node:v8')) as typeof import('node:v8');
}

/**
 * For a plan of `chars` characters of text about to be parsed: hold the young generation if
 * it is large. On the main thread only: V8's flags are the process's, and a validate worker
 * (cli/commands/validate-workers.ts) that set or reset them would do so for every thread,
 * and could end without its reset.
 */
export function sizeHeapFor(chars: number): void {
  if (held || chars < LARGE_PLAN_CHARS || !mainThread()) return;
  held = true;
  v8().setFlagsFromString('--semi-space-growth-factor=1');
}

function mainThread(): boolean {
  const threads = (
    typeof require === 'function' ? require('node:worker_threads') : createRequire(import.meta.url)('node:worker_threads')
  ) as typeof import('node:worker_threads');
  return threads.isMainThread;
}

/** V8's default again (its growth factor is 2). */
export function restoreHeap(): void {
  if (!held) return;
  held = false;
  v8().setFlagsFromString('--semi-space-growth-factor=2');
}

/** Whether the young generation is being held (for tests). */
export function heapHeld(): boolean {
  return held;
}
