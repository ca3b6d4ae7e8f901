import { defineConfig } from 'vitest/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Tests never write to the user's cache; spawned CLIs inherit this too.
process.env.CCHC_CACHE_DIR ??= mkdtempSync(path.join(tmpdir(), 'cchc-cache-'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
