/**
 * What the output cache keys on (src/cli/output-cache.ts): every environment variable the
 * source reads is either part of the key or listed, with its reason, as not changing the
 * output; and the arguments it accepts are exactly those it understands.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NOT_OUTPUT_ENV, OUTPUT_ENV, parseArgs } from '../../src/cli/output-cache.js';
import { ROOT } from '../helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
    return /\.(ts|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** The names of the environment variables read anywhere in src/ and bin/. */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'bin'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:process\.)?env\.([A-Z][A-Z0-9_]+)\b|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)) names.add((m[1] ?? m[2])!);
  }
  return names;
}

describe('the output cache key', () => {
  it('covers every environment variable the source reads, or says why one does not change the output', () => {
    const read = variablesRead();
    const accounted = new Set<string>([...OUTPUT_ENV, ...Object.keys(NOT_OUTPUT_ENV)]);
    expect([...read].filter((n) => !accounted.has(n))).toEqual([]);
    // Nothing listed that the source no longer reads (OUTPUT_ENV may name TZ, read by Date).
    expect(Object.keys(NOT_OUTPUT_ENV).filter((n) => !read.has(n))).toEqual([]);
    expect(read.size).toBeGreaterThan(10);
  });

  it('takes only validate and status, with the options they have, in any of their spellings', () => {
    expect(parseArgs(['status'])).toEqual({ command: 'status', positionals: [] });
    expect(parseArgs(['status', 'plans/2022', '--as-of', '30/06/2022', '--json'])).toEqual({ command: 'status', positionals: ['plans/2022'] });
    expect(parseArgs(['status', '--as-of=30/06/2022', '-f', 'json', 'plans/2022'])).toEqual({ command: 'status', positionals: ['plans/2022'] });
    expect(parseArgs(['validate', 'a', 'b', '--strict', '--lang', 'en', '--no-color'])).toEqual({ command: 'validate', positionals: ['a', 'b'] });
    expect(parseArgs(['validate', '--', '--strict'])).toEqual({ command: 'validate', positionals: ['--strict'] });
  });

  it('refuses what it does not fully understand', () => {
    for (const args of [
      [],
      ['budget', 'plans/2022'],
      ['--lang', 'en', 'status'],
      ['status', '--help'],
      ['status', '-h'],
      ['status', 'a', 'b'],
      ['status', '--as-of'],
      ['status', '-fjson'],
      ['validate', '--strict=yes'],
      ['validate', '--rev', 'HEAD'],
    ])
      expect(parseArgs(args), args.join(' ')).toBeUndefined();
  });
});
