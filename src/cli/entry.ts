/** The entry of the built CLI (dist/cli.cjs, scripts/build.mjs; started by bin/cchc.cjs). */
import { main } from './main.js';

void main(process.argv).then(() => {
  // The run is over once main returns: end the process now rather than let Node tear down
  // the heap and every handle one by one (a few milliseconds of a cold run, BENCHMARKS.md).
  // Only when both streams have written everything: on a pipe that is asynchronous (macOS),
  // the process ends by itself once the rest is out.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
});
