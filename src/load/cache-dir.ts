/**
 * Where cchc keeps its caches (load/cache.ts, cli/output-cache.ts, the code cache of
 * bin/cchc.cjs): $CCHC_CACHE_DIR, else $XDG_CACHE_HOME/cchc, else ~/.cache/cchc; none with
 * CCHC_NO_CACHE=1. Its own module, without node:crypto, so the front (cli/front.ts) starts
 * quickly.
 */
import { readFileSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export function cacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.CCHC_NO_CACHE) return undefined;
  if (env.CCHC_CACHE_DIR) return env.CCHC_CACHE_DIR;
  const home = homedir();
  const base = env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : '');
  return base ? path.join(base, 'cchc') : undefined;
}

/** A cache file's JSON object; undefined when it is missing, unreadable, not JSON or not an object. */
export function readCacheFile(file: string): Record<string, unknown> | undefined {
  try {
    const entry: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Mark a cache file as used now (its modification time), for pruning the least recently used (load/cache.ts). */
export function touchCacheFile(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* a read-only cache: still a hit */
  }
}
