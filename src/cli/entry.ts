/**
 * The entry of the built CLI (dist/cli.cjs, scripts/build.mjs). The same file serves the
 * worker threads of `cchc validate` over many folders (src/cli/validate-worker.ts), which
 * are started with WORKER_FLAG.
 */
import { runtime, serveWorker, WORKER_FLAG } from './validate-worker.js';
import { main } from './main.js';

runtime.entryFile = __filename;
if (process.argv.includes(WORKER_FLAG)) serveWorker();
else void main(process.argv);
