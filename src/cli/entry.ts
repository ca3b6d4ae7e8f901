/** The entry of the built CLI (dist/cli.cjs, scripts/build.mjs; started by bin/cchc.cjs). */
import { main } from './main.js';
import { outputDrained } from './stdio.js';

void main(process.argv).then(() => {
  // The run is over once main returns: end the process then rather than let Node tear down
  // the heap and every handle one by one (a few milliseconds of a cold run, BENCHMARKS.md).
  // After the events already due (setImmediate): a failed write reports its error on a
  // later tick, and the exit code must say so (src/cli/environment.ts guardOutput). Only
  // when both streams have written everything: on a pipe that is asynchronous (macOS), the
  // process ends by itself once the rest is out.
  setImmediate(() => {
    if (outputDrained()) process.exit();
  });
});
