/**
 * The yaml package, loaded on first use. A plan whose files are all in the cache
 * (load/cache.ts) is checked without parsing YAML at all, so `cchc validate` and
 * `cchc status` start close to bare Node; the parser is required only for a file that
 * changed or a finding that needs a position. The bundle keeps yaml external for this.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}
