/**
 * A content-addressed cache of check results, as ESLint and Ruff keep one: the key is a
 * hash of the build and of every file of a plan (names and text), the value the findings
 * (already located, with their excerpts) and the plan's data, as JSON. Checking is a pure
 * function of those inputs, so a hit is exactly what checking again would give; an
 * unchanged plan is neither parsed nor checked again, which is what lets `cchc validate`
 * and `cchc status` start close to bare Node. Any failure to read or write the cache is
 * ignored: it only costs speed.
 *
 * Active only in the built CLI (the build stamps its own hash into the key, so a new
 * build never reads an old result). Where: $CCHC_CACHE_DIR, else $XDG_CACHE_HOME/cchc,
 * else ~/.cache/cchc. Off: CCHC_NO_CACHE=1.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

declare const __CCHC_BUILD__: string | undefined;
/** The build's hash, stamped by scripts/build.mjs; undefined when running from source. */
const BUILD = typeof __CCHC_BUILD__ === 'string' ? __CCHC_BUILD__ : undefined;

function cacheDir(): string | undefined {
  if (!BUILD || process.env.CCHC_NO_CACHE) return undefined;
  if (process.env.CCHC_CACHE_DIR) return process.env.CCHC_CACHE_DIR;
  const home = homedir();
  const base = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : '');
  return base ? path.join(base, 'cchc') : undefined;
}

/** Whether results are cached at all (so callers can skip hashing). */
export function cacheEnabled(): boolean {
  return cacheDir() !== undefined;
}

export function cacheKey(parts: readonly string[]): string {
  const h = createHash('sha256').update(BUILD ?? '');
  for (const p of parts) h.update('\0').update(p);
  return h.digest('hex');
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

export function cacheGet<T>(key: string): T | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(fileFor(dir, key), 'utf8')) as T;
  } catch {
    return undefined;
  }
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

export function cachePut(key: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir || !jsonSafe(value)) return;
  const file = fileFor(dir, key);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    /* a read-only or full disk only costs speed */
  }
}
