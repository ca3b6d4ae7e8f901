/**
 * The result cache cannot lie (issue 12 item 3, docs/engine.md): every input is in the key,
 * a bad or foreign entry is recomputed, temp files are private and cleaned up, the size is
 * bounded. Spawned through the built CLI, each with a hang guard. (The worker threads of
 * `validate`, whose dropped share once survived every test, are gone: they did not pay,
 * BENCHMARKS.md.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, rmSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, copyPlan, fixturePlan, tempDir, type CliResult } from '../helpers.js';
import { cacheKey, pruneCache } from '../../src/load/cache.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** The built CLI with its own cache folder; killed after 20 s. */
function cchc(args: string[], cwd: string, cache: string, extra: Record<string, string> = {}, bin = BIN): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CCHC_CACHE_DIR: cache, CCHC_NO_CACHE: '', ...extra },
    timeout: 20_000,
  });
  expect(r.signal, 'killed by the hang guard').toBeNull();
  expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error/);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every entry file of a cache folder. */
function entries(cache: string): string[] {
  let out: string[] = [];
  try {
    for (const sub of readdirSync(cache).filter((n) => /^[0-9a-f]{2}$/.test(n)))
      out = out.concat(readdirSync(path.join(cache, sub)).map((n) => path.join(cache, sub, n)));
  } catch {
    /* no cache yet */
  }
  return out;
}

function miniWithBadProgress(): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'), '2023');
  cleanups.push(cleanup);
  const f = path.join(dir, 'progress', '2023-q2.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace('    percent: 60', '    percent: 160'));
  return dir;
}

describe('the cache key', () => {
  it('holds every part whole, and names the entry by all of them: moving text between two parts is another key', () => {
    const a = cacheKey(['ab', 'c'], 'b');
    const b = cacheKey(['a', 'bc'], 'b');
    expect(b.parts).not.toEqual(a.parts);
    expect(b.name).not.toBe(a.name);
    expect(cacheKey(['a\0b'], 'b').name).not.toBe(cacheKey(['a', 'b'], 'b').name);
    expect(cacheKey(['x'], 'build-1').name).not.toBe(cacheKey(['x'], 'build-2').name);
    // A long text is named by its length and its two ends; the entry compares it whole.
    const long = 'x'.repeat(1000);
    const edited = `${long.slice(0, 500)}y${long.slice(501)}`;
    expect(cacheKey([edited], 'b').name).toBe(cacheKey([long], 'b').name);
    expect(cacheKey([edited], 'b').parts).not.toEqual(cacheKey([long], 'b').parts);
  });

  it("a text changed where the entry's name does not look is another key all the same", () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'), '2023');
    cleanups.push(cleanup);
    const cache = temp();
    expect(cchc(['validate', '.', '--format', 'json'], dir, cache).code).toBe(0);
    expect(entries(cache)).toHaveLength(1);
    // A unit renamed in the middle of tasks.yaml, the length kept: the entry's name is the
    // same (length and both ends), its key is not; the run checks again and finds the slip.
    const f = path.join(dir, 'tasks.yaml');
    const text = readFileSync(f, 'utf8');
    const at = text.indexOf('lead: [noi-vu]', 300);
    expect(at).toBeGreaterThan(256);
    expect(at + 14).toBeLessThan(text.length - 256);
    writeFileSync(f, text.slice(0, at) + 'lead: [noi-vx]' + text.slice(at + 14));
    const r = cchc(['validate', '.', '--format', 'json'], dir, cache);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('task/unknown-unit');
    expect(entries(cache)).toHaveLength(1);
  });

  it('renaming a file invalidates the entry (the finding names the new file)', () => {
    const dir = miniWithBadProgress();
    const cache = temp();
    const first = cchc(['validate', '.'], dir, cache);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^progress\/2023-q2\.yaml:\d+:\d+: lỗi/m);
    renameSync(path.join(dir, 'progress', '2023-q2.yaml'), path.join(dir, 'progress', '2023-q3.yaml'));
    const second = cchc(['validate', '.'], dir, cache);
    expect(second.stdout).toMatch(/^progress\/2023-q3\.yaml:\d+:\d+: lỗi/m);
    expect(second.stdout).not.toContain('2023-q2.yaml');
  });

  it('adding a file invalidates the entry', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'), '2023');
    cleanups.push(cleanup);
    const cache = temp();
    expect(cchc(['validate', '.'], dir, cache).code).toBe(0);
    const bad = miniWithBadProgress();
    cpSync(path.join(bad, 'progress', '2023-q2.yaml'), path.join(dir, 'progress', '2023-q3.yaml'));
    const r = cchc(['validate', '.'], dir, cache);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^progress\/2023-q3\.yaml:/m);
  });

  it('a new build does not read the entries of another', () => {
    const dir = miniWithBadProgress();
    const cache = temp();
    cchc(['validate', '.'], dir, cache);
    expect(entries(cache)).toHaveLength(1);
    // The same bundle with another build hash stamped in.
    const build = readFileSync(path.join(ROOT, 'dist', 'BUILD'), 'utf8').trim();
    // Beside the repository's node_modules, where the bundle finds yaml (.dist-* is ignored by git).
    const other = path.join(ROOT, `.dist-test-${process.pid}`);
    mkdirSync(other, { recursive: true });
    cleanups.push(() => rmSync(other, { recursive: true, force: true }));
    const text = readFileSync(path.join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    expect(text).toContain(build);
    writeFileSync(path.join(other, 'cli.cjs'), text.split(build).join('0'.repeat(build.length)));
    const r = cchc(['validate', '.'], dir, cache, {}, path.join(other, 'cli.cjs'));
    expect(r.code).toBe(1);
    expect(entries(cache)).toHaveLength(2);
  });
});

describe('a cache entry is checked before use', () => {
  it('an entry replaced by {} is recomputed, with the same output', () => {
    const dir = miniWithBadProgress();
    const cache = temp();
    const first = cchc(['validate', '.'], dir, cache);
    const [entry] = entries(cache);
    writeFileSync(entry!, '{}');
    for (const cmd of [
      ['validate', '.'],
      ['status', '.'],
    ]) {
      const r = cchc(cmd, dir, cache);
      expect(r.code).toBe(1);
      if (cmd[0] === 'validate') expect(r).toEqual(first);
    }
  });

  it("another plan's clean result under this plan's key is not trusted", () => {
    const clean = copyPlan(fixturePlan('mini'), '2023');
    cleanups.push(clean.cleanup);
    const bad = miniWithBadProgress();
    const cache = temp();
    cchc(['validate', '.'], clean.dir, cache);
    const [cleanEntry] = entries(cache);
    cchc(['validate', '.'], bad, cache);
    const badEntry = entries(cache).find((e) => e !== cleanEntry)!;
    // Swap in the clean result (its stored key is the clean plan's).
    writeFileSync(badEntry, readFileSync(cleanEntry!));
    const r = cchc(['validate', '.'], bad, cache);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/progress\/2023-q2\.yaml/);
  });

  it('entries are private (0600), and no temp file is left', () => {
    const cache = temp();
    cchc(['validate', '.'], miniWithBadProgress(), cache);
    const files = entries(cache);
    expect(files.length).toBe(1);
    for (const f of files) {
      expect(path.basename(f)).toMatch(/^[0-9a-f]{16}\.json$/);
      expect(statSync(f).mode & 0o777).toBe(0o600);
    }
  });
});

describe('the cache size is bounded', () => {
  it('prunes the least recently used entries down to the bound', () => {
    const cache = temp();
    mkdirSync(path.join(cache, 'ab'));
    const t0 = Date.now() / 1000 - 1000;
    for (let i = 0; i < 5; i++) {
      const f = path.join(cache, 'ab', `${String(i).repeat(64)}.json`);
      writeFileSync(f, 'x'.repeat(1000));
      utimesSync(f, t0 + i, t0 + i);
    }
    pruneCache(cache, 2500);
    expect(readdirSync(path.join(cache, 'ab')).sort()).toEqual([`${'3'.repeat(64)}.json`, `${'4'.repeat(64)}.json`]);
  });

  it('through the CLI: a tiny bound keeps the cache under it', () => {
    const cache = temp();
    for (let i = 0; i < 3; i++) {
      const { dir, cleanup } = copyPlan(fixturePlan('mini'), `20${20 + i}`);
      cleanups.push(cleanup);
      cchc(['validate', '.'], dir, cache, { CCHC_CACHE_MAX_MB: '0.2' });
    }
    const total = entries(cache).reduce((n, f) => n + statSync(f).size, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(0.2 * 1024 * 1024);
  });
});
