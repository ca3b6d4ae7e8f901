/** Defined by scripts/build.mjs (true) and vitest.config.ts (false); see src/cli/bundles.ts. */
declare const __CCHC_BUNDLED__: boolean;
