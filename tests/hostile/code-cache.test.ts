/**
 * The V8 code cache of bin/cchc.cjs (docs/engine.md, "The build"): the build ships one for
 * the Node that built it, which V8 accepts, so nothing is written on a first run; when V8
 * rejects it (here: another V8 flag), the run compiles the bundle, gives the same answer and
 * writes its own cache into the cache folder's v8/, which the next run uses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, PLAN_2022, ROOT, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function run(flags: string[], cache: string, extra: Record<string, string> = {}) {
  // Without the stored output of the run before (src/cli/output-cache.ts), so the bundle starts every time.
  rmSync(path.join(cache, 'out'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [...flags, BIN, 'validate', PLAN_2022, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CCHC_CACHE_DIR: cache, CCHC_NO_CACHE: '', CCHC_NO_CODE_CACHE: '', ...extra },
    timeout: 20_000,
  });
  expect(r.signal, 'killed by the hang guard').toBeNull();
  return r;
}

const v8Files = (cache: string) => (existsSync(path.join(cache, 'v8')) ? readdirSync(path.join(cache, 'v8')) : []);

describe('the V8 code cache', () => {
  it('ships with the build and is accepted: a first run writes none', () => {
    expect(readdirSync(path.join(ROOT, 'dist')).some((f) => f.endsWith(`${process.version}-${process.arch}.v8cache`))).toBe(true);
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = run([], t.dir);
    expect(r.status).toBe(0);
    expect(v8Files(t.dir)).toEqual([]);
  });

  it('when V8 rejects it, the run answers the same and writes one that the next run uses', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const plain = run([], t.dir, { CCHC_NO_CODE_CACHE: '1' });
    const first = run(['--no-opt'], t.dir);
    expect(first.stdout).toBe(plain.stdout);
    const written = v8Files(t.dir);
    expect(written).toHaveLength(1);
    const file = path.join(t.dir, 'v8', written[0]!);
    const mtime = statSync(file).mtimeMs;
    const second = run(['--no-opt'], t.dir);
    expect(second.stdout).toBe(plain.stdout);
    // Accepted: not written again.
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(v8Files(t.dir)).toEqual(written);
  });

  it('CCHC_NO_CODE_CACHE=1 neither reads nor writes one', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    run(['--no-opt'], t.dir, { CCHC_NO_CODE_CACHE: '1' });
    expect(v8Files(t.dir)).toEqual([]);
  });
});
