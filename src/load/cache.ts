/**
 * A cache of check results, as Ruff keeps one (docs/engine.md, "The cache"). Checking is
 * a pure function of the plan's files, the build and the parser, so the key covers exactly
 * those: the build's hash (every source and schema file, and the js-yaml bundled into it),
 * the version of the `yaml` package actually loadable, and each file's kind, shown path and
 * text. The entry stores its whole key, compared part by part before use (so no two
 * different inputs can share a result), and is shape-checked; an entry that does not match
 * is recomputed, never trusted. Its file is named by a cheap hash of the key (cache-dir.ts
 * entryName): no node:crypto to load. Any failure to read or write the cache only costs
 * speed.
 *
 * Where: $CCHC_CACHE_DIR, else $XDG_CACHE_HOME/cchc, else ~/.cache/cchc. Off: CCHC_NO_CACHE=1.
 * Size: at most $CCHC_CACHE_MAX_MB megabytes (default 200), least recently used entries
 * pruned first; an entry larger than a quarter of that is not stored.
 */
import { createRequire } from 'node:module';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, entryName, readCacheFile, touchCacheFile } from './cache-dir.js';
import { tempName } from './temp-name.js';

declare const require: NodeJS.Require | undefined;

declare const __CCHC_BUILD__: string | undefined;

/** Format of an entry; bump when its shape changes. */
const ENTRY_VERSION = 3;
export const DEFAULT_MAX_MB = 200;

let buildId: string | undefined;

/**
 * The build's identity: stamped by scripts/build.mjs into the bundle; run from source
 * (tests), the hash of the source tree, so an edited rule never reads an old result.
 */
export function currentBuild(): string {
  if (buildId === undefined) buildId = typeof __CCHC_BUILD__ === 'string' ? __CCHC_BUILD__ : sourceHash();
  return buildId;
}

/** Run from source only (tests): node:crypto is loaded here and nowhere else on a run's way. */
function sourceHash(): string {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { createHash } = (
    typeof require === 'function' ? require('node:crypto') : createRequire(import.meta.url)('node:crypto')
  ) as typeof import('node:crypto');
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(lengthPrefixed(path.relative(src, p))).update(lengthPrefixed(readFileSync(p)));
    }
  };
  walk(src);
  walk(path.join(src, '..', 'schemas'));
  h.update(lengthPrefixed(`yaml@${yamlVersion(src)}`));
  return `src-${h.digest('hex').slice(0, 16)}`;
}

/** The version of the `yaml` package that source runs load (the build bundles its own). */
function yamlVersion(from: string): string {
  let dir = from;
  for (;;) {
    try {
      return String((JSON.parse(readFileSync(path.join(dir, 'node_modules', 'yaml', 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  }
}

function maxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.CCHC_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
}

function lengthPrefixed(part: string | Uint8Array): Buffer {
  const b = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
  const len = Buffer.alloc(8);
  len.writeBigUInt64BE(BigInt(b.length));
  return Buffer.concat([len, b]);
}

/** The key of a result: every part of what it depends on, and the name of its entry. */
export interface CacheKey {
  parts: string[];
  name: string;
}

/** Characters of each end of a long part (a plan file's text) that name an entry. */
const NAME_SAMPLE = 64;

/**
 * The key of a result: the build, the parser and every part. `build` is a parameter so
 * that a test can show a new build misses.
 */
export function cacheKey(parts: readonly string[], build = currentBuild()): CacheKey {
  const all = [`cchc-cache-${ENTRY_VERSION}`, build, ...parts];
  return { parts: all, name: entryName(all, NAME_SAMPLE) };
}

function fileFor(dir: string, key: CacheKey): string {
  return path.join(dir, key.name.slice(0, 2), `${key.name}.json`);
}

function sameParts(stored: unknown, parts: readonly string[]): boolean {
  return Array.isArray(stored) && stored.length === parts.length && stored.every((p, i) => p === parts[i]);
}

/**
 * The value stored under `key`, if its entry names the same key and `valid` accepts it.
 * A hit marks the entry as recently used (its modification time) for pruning.
 */
export function cacheGet<T>(key: CacheKey, valid: (v: unknown) => v is T): T | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const file = fileFor(dir, key);
  const e = readCacheFile(file);
  if (!e || e.version !== ENTRY_VERSION || !sameParts(e.key, key.parts) || !valid(e.value)) return undefined;
  touchCacheFile(file);
  return e.value;
}

/** Values that survive a JSON round trip unchanged (no NaN, Infinity, -0, bigint, class). */
export function jsonSafe(v: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (v === undefined) return depth > 0;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every((x) => x !== undefined && jsonSafe(x, depth + 1));
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as object).every((x) => jsonSafe(x, depth + 1));
  }
  return false;
}

/** Store a value: a random temp name, created exclusively with mode 0600, then renamed. */
export function cachePut(key: CacheKey, value: unknown): void {
  const dir = cacheDir();
  if (!dir || !jsonSafe(value)) return;
  writeCacheFile(dir, fileFor(dir, key), JSON.stringify({ version: ENTRY_VERSION, key: key.parts, value }));
}

/**
 * Write one file of the cache folder `dir` atomically (a temp name of its own,
 * load/temp-name.ts, created exclusively with mode 0600, then renamed), unless it is over a quarter of the size bound;
 * then prune now and then. Any failure only costs speed.
 */
export function writeCacheFile(dir: string, file: string, text: string): void {
  const bound = maxBytes();
  if (text.length > bound / 4) return;
  const tmp = tempName(file);
  let fd: number | undefined;
  let created = false;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fd = openSync(tmp, 'wx', 0o600);
    created = true;
    writeSync(fd, text);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch {
    if (fd !== undefined) closeSync(fd);
    // Only a file this call created: a name taken (EEXIST) is another writer's.
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already renamed or gone */
      }
    }
    return;
  }
  // Pruning scans the whole cache: once per process, then after every tenth of the bound written.
  writtenSincePrune += text.length;
  if (!prunedOnce || writtenSincePrune > bound / 10) {
    prunedOnce = true;
    writtenSincePrune = 0;
    pruneCache(dir, bound);
  }
}

let prunedOnce = false;
let writtenSincePrune = 0;

/**
 * Delete least recently used entries until the cache holds at most `bound` bytes; stray
 * temp files older than a minute (a process killed mid-write) go too.
 */
export function pruneCache(dir: string, bound: number): void {
  const entries: { file: string; size: number; used: number }[] = [];
  let total = 0;
  const now = Date.now();
  try {
    for (const sub of readdirSync(dir)) {
      // Result entries by the first two hex digits of their key; v8/ holds the code cache of the
      // bundle (bin/cchc.cjs), out/ the output cache (cli/output-cache.ts).
      if (!/^(?:[0-9a-f]{2}|v8|out)$/.test(sub)) continue;
      for (const name of readdirSync(path.join(dir, sub))) {
        const file = path.join(dir, sub, name);
        const st = statSync(file);
        if (name.endsWith('.tmp')) {
          if (now - st.mtimeMs > 60_000) unlinkSync(file);
          continue;
        }
        entries.push({ file, size: st.size, used: st.mtimeMs });
        total += st.size;
      }
    }
  } catch {
    return;
  }
  if (total <= bound) return;
  entries.sort((a, b) => a.used - b.used);
  for (const e of entries) {
    if (total <= bound) break;
    try {
      unlinkSync(e.file);
      total -= e.size;
    } catch {
      /* another process pruned it */
    }
  }
}
