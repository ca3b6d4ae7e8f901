/**
 * The yaml package, loaded on first use. A plan whose files are all in the cache
 * (load/cache.ts), or whose files are plain and clean (yaml/fast.ts), is checked without
 * it, so `cchc validate` and `cchc status` start close to bare Node; it is required only
 * for a file that is not plain or a finding that needs a position. The build bundles it
 * (esbuild sees the plain `require` and wraps the package to start on that first call);
 * run from source, as ES modules, there is no `require` and Node's own is made.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

declare const require: NodeJS.Require | undefined;

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  lib ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof Yaml;
  return lib;
}
