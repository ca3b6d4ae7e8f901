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

/**
 * A name for a cache entry: FNV-1a, 2 × 32 bits, over each part's length and its text (of
 * a part longer than 2 × `sample` characters, its first and last `sample`). No node:crypto
 * to load, and no pass over megabytes of plan text: the name only spreads the entries, each
 * of which holds its whole key and is used only when every part is equal. Two keys that
 * share a name take turns in one file.
 */
export function entryName(parts: readonly string[], sample = Infinity): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const mix = (s: string, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
  };
  for (const part of parts) {
    a = Math.imul(a ^ part.length, 0x01000193);
    b = Math.imul(b ^ (part.length >>> 16) ^ 0xffff, 0x5bd1e995);
    if (part.length <= 2 * sample) mix(part, 0, part.length);
    else {
      mix(part, 0, sample);
      mix(part, part.length - sample, part.length);
    }
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
