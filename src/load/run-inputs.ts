/**
 * What this run has read, when its output is to be stored (cli/output-cache.ts): the output
 * cache reads a run's inputs first, to key it, and every later read of the same input in
 * the run gets the same answer. So the output stored is the output of exactly the inputs
 * keyed, even when a file changes, and changes back, while the run is on. Each reader of
 * an input of `validate` or `status` goes through `remembered` (the plan folders and the
 * targets of load/plan-texts.ts, the plan folder and the scoring frame of cli/plan-dir.ts).
 * Off, and empty, unless a run is being keyed; cleared when the run ends.
 */
import type { SourceFile } from '../yaml/source.js';

let memo: Map<string, unknown> | undefined;

/** The answer this run already got for `what` (kind and id), else `read()`'s, remembered. */
export function remembered<T>(what: readonly string[], read: () => T): T {
  if (!memo) return read();
  const id = JSON.stringify(what);
  if (memo.has(id)) return memo.get(id) as T;
  const v = read();
  memo.set(id, v);
  return v;
}

/** The answer this run already got for `what`, if it got one; nothing is read or remembered. */
export function recalled<T>(what: readonly string[]): T | undefined {
  return memo?.get(JSON.stringify(what)) as T | undefined;
}

/** Start remembering, with what an earlier part of the run read (the front, src/cli/front.ts). */
export function rememberInputs(entries: ReadonlyArray<readonly [string, unknown]> = []): void {
  memo = new Map(entries);
}

/** What has been read so far, to hand to the bundle. */
export function rememberedInputs(): Array<[string, unknown]> {
  return memo ? [...memo] : [];
}

export function forgetInputs(): void {
  memo = undefined;
}

/**
 * A file this run parsed, kept so that a later part of the run that locates something in
 * it (cli/deadline-warnings.ts) finds its positions without reading it again.
 */
export function rememberSource(src: SourceFile): void {
  memo?.set(JSON.stringify(['source', src.path]), src);
}

/** The file this run parsed at `path`, if its text is `text` (normalised: yaml/source.ts). */
export function recalledSource(path: string, text: string): SourceFile | undefined {
  const src = memo?.get(JSON.stringify(['source', path])) as SourceFile | undefined;
  return src?.text === text ? src : undefined;
}
