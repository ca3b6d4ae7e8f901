import { defineConfig } from 'vitest/config';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

// Tests never write to the user's cache; spawned CLIs inherit this too.
process.env.CCHC_CACHE_DIR ??= mkdtempSync(path.join(tmpdir(), 'cchc-cache-'));

/**
 * Tests that drive other programs for half a minute or more: LibreOffice (tests/real/) and
 * npm installing the packed tarball (tests/package/). They run in their own project,
 * vitest.slow.config.ts (`npm run test:slow`); `npm test` and .ci/run run both.
 */
export const SLOW = ['tests/real/**/*.test.ts', 'tests/package/**/*.test.ts'];

/** What both projects share: the build check first, and the plain summary line last. */
export const COMMON = {
  globalSetup: ['./tests/global-setup.ts'],
  pool: 'forks' as const,
  // One module graph per worker, not per file: the source, vitest and the test libraries are
  // loaded once (unit and integration tests: 60 s of CPU down to 25 s). The command line
  // restores what it changes (runCli: environment, working folder, streams, exit code).
  isolate: false,
  reporters: ['default', './tests/summary-reporter.ts'],
};

export default defineConfig({
  test: {
    ...COMMON,
    include: ['tests/**/*.test.ts'],
    exclude: SLOW,
    testTimeout: 30_000,
    // One worker per core: vitest's default leaves one core free, which on the 2-core CI
    // machine runs the files one at a time (63 s against 47 s with two, docs/development.md).
    maxWorkers: availableParallelism(),
  },
});
