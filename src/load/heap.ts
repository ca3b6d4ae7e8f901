/**
 * One setting of V8's heap for large plans. Parsing a plan's files keeps most of what it
 * allocates (the data is the plan), so V8 doubles its young generation again and again, to
 * 32 MB for a plan of 10,000 tasks and 100,000 progress records. Every page of it is new
 * memory, and a machine pays for each page a process touches for the first time: about
 * 10 µs on the virtual machines CI runs on (BENCHMARKS.md, section 7). The young generation
 * is kept from growing further once the plan's files are read (8 MB there, where it would
 * reach 32); the parsed data moves on to the old generation as it would anyway. Measured on
 * that plan: 40-70 ms less for `cchc status`. Small plans are left alone: loading node:v8
 * costs more than they gain.
 *
 * V8's flags are the process's: the setting is made on the main thread only, and undone
 * when the run ends (restoreHeap, from cli/main.ts), so that a code cache bin/cchc.cjs
 * writes at exit was made under V8's default flags, as every run reads it.
 */
import { createRequire } from 'node:module';

declare const require: NodeJS.Require | undefined;

/** Characters of plan text from which the young generation is kept from growing. */
export const LARGE_PLAN_CHARS = 1_000_000;

let held = false;

/** A built-in module, loaded when first needed (the bundle has require; tests run ES modules). */
function builtin<T>(name: 'node:v8' | 'node:worker_threads'): T {
  return (typeof require === 'function' ? require(name) : createRequire(import.meta.url)(name)) as T;
}

/**
 * For a plan of `chars` characters of text about to be parsed: hold the young generation if
 * it is large. On the main thread only: a validate worker (cli/commands/validate-workers.ts)
 * that set or reset the flag would do so for every thread, and could end without its reset.
 */
export function sizeHeapFor(chars: number): void {
  if (held || chars < LARGE_PLAN_CHARS || !builtin<typeof import('node:worker_threads')>('node:worker_threads').isMainThread) return;
  held = true;
  builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}

/** V8's default again (its growth factor is 2). */
export function restoreHeap(): void {
  if (!held) return;
  held = false;
  builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--semi-space-growth-factor=2');
}
