import { defineConfig } from 'vitest/config';
import { COMMON, SLOW } from './vitest.config.js';

/** The slow project: the tests that start LibreOffice or npm (SLOW in vitest.config.ts). */
export default defineConfig({
  test: { ...COMMON, include: SLOW, testTimeout: 240_000 },
});
