/**
 * The built CLI is a few CommonJS bundles (scripts/build.mjs): `cli.cjs` holds the entry,
 * `validate`, `status` and `init` with everything they need on a cached run; the parser
 * and the rules (`check.cjs`) and the other commands load on demand. CommonJS because Node
 * 20 loads one CommonJS file markedly faster than the same code as ES modules.
 *
 * Call sites read `__CCHC_BUNDLED__ ? requireBundle('check') : await import('…')`: the build
 * defines the flag true, so the bundler drops the import and the bundle stays small; run
 * from source (tests), it is false and the module is imported as usual.
 */
import path from 'node:path';
import { createRequire } from 'node:module';

export type BundleName = 'check' | 'budget' | 'refs' | 'export' | 'diff' | 'new' | 'doc' | 'report';

/** The folder of the built bundles (dist/). Only meaningful in the build. */
export function bundleDir(): string {
  return typeof __dirname === 'string' ? __dirname : '';
}

export function requireBundle<T>(name: BundleName): T {
  return createRequire(path.join(bundleDir(), 'cli.cjs'))(`./${name}.cjs`) as T;
}
