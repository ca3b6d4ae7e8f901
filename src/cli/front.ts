/**
 * The front of the CLI (dist/front.cjs, started by bin/cchc.cjs before the bundle): what a
 * run can answer without loading the engine. `cchc --version`, and a `validate` or
 * `status` whose output is in the output cache (src/cli/output-cache.ts). It holds only
 * the command data, the plan-folder reading and the cache, so it starts in a fraction of
 * the bundle's time (BENCHMARKS.md, start-up). Anything else, or any doubt, goes on to the
 * bundle, which does the run and records its output for next time.
 */
import { guardOutput, runLang } from './environment.js';
import { keyRun, processFacts, replayOutput, setPendingKey } from './output-cache.js';
import { VERSION } from './version.js';
import { writeTo } from './stdio.js';

/** True when the run has been answered here. Never throws: any doubt goes on to the bundle. */
export function front(argv: readonly string[]): boolean {
  const args = argv.slice(2);
  try {
    if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
      answer(args);
      writeTo(1, `${VERSION}\n`);
      return true;
    }
    const key = keyRun(processFacts(args));
    if (key === undefined) return false;
    if (replayOutput(key, () => answer(args))) return true;
    setPendingKey(key);
  } catch {
    /* the bundle does the run */
  }
  return false;
}

/** This process answers here, and the bundle will not start: a closed pipe (cchc status | head -1) ends output quietly, as in the full run. */
function answer(args: readonly string[]): void {
  guardOutput(runLang(args));
}
