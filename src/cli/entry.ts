/**
 * The entry of the built CLI (dist/cli.cjs, scripts/build.mjs). The same file serves the
 * worker threads of `cchc validate` over many folders (src/cli/validate-worker.ts).
 */
import { isMainThread } from 'node:worker_threads';
import { runtime, serveWorker } from './validate-worker.js';
import { main } from './main.js';

runtime.entryFile = __filename;
if (isMainThread) void main(process.argv);
else serveWorker();
