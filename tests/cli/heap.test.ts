/**
 * The heap setting for large plans (src/load/heap.ts), in a real process: the young
 * generation is held at its first size while a large plan is parsed, and V8's flags are its
 * defaults again when the run ends, so that the code cache bin/cchc.cjs writes at exit is one
 * the next run accepts (V8 rejects a cache made under other flags).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module from 'node:module';
import { copyPlan, fixturePlan, tempDir } from '../helpers.js';
import { LARGE_PLAN_CHARS } from '../../src/load/heap.js';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');

let plan: { dir: string; cleanup: () => void };
let work: { dir: string; cleanup: () => void };

/** The mini plan with thousands of tasks: over LARGE_PLAN_CHARS of text, all of it data. */
beforeAll(() => {
  plan = copyPlan(fixturePlan('mini'), 'large');
  work = tempDir();
  const file = path.join(plan.dir, 'tasks.yaml');
  const head = readFileSync(file, 'utf8');
  const extra: string[] = [];
  for (let no = 6, chars = 0; chars < LARGE_PLAN_CHARS * 1.2; no++) {
    const task = `  - no: ${no}\n    area: 3\n    title: Rà soát, cập nhật quy trình nội bộ giải quyết công việc số ${no} theo hướng đơn giản hóa\n    lead: [noi-vu]\n    deadline: Quý IV/2023\n`;
    extra.push(task);
    chars += task.length;
  }
  writeFileSync(file, head + extra.join(''));
});
afterAll(() => {
  plan.cleanup();
  work.cleanup();
});

/** Runs the built CLI with a preload that reports, at exit, the young generation's size and one V8 flag's value. */
function run(dir: string, env: Record<string, string>): { code: number | null; newSpaceMB: number; stderr: string } {
  const probe = path.join(work.dir, 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const s = require('node:v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space'); process.stderr.write('@@new-space ' + s.space_size + '\\n'); });\n",
  );
  const r = spawnSync(process.execPath, ['-r', probe, BIN, 'validate', dir], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const m = /@@new-space (\d+)/.exec(r.stderr);
  return { code: r.status, newSpaceMB: Number(m?.[1] ?? NaN) / 1024 / 1024, stderr: r.stderr };
}

describe('a large plan', () => {
  it('is parsed with the young generation held at its first size', () => {
    const large = run(plan.dir, { CCHC_NO_CACHE: '1' });
    expect(large.code, large.stderr).toBeLessThan(2);
    // V8 grows it to 16 MB or more for this plan when let (two semi-spaces of 8 MB and up).
    expect(large.newSpaceMB).toBeLessThanOrEqual(4);
  });

  it('leaves V8 with its default flags: the code cache written at exit is accepted by the next run', () => {
    const cache = path.join(work.dir, 'cli.v8cache');
    const r = run(plan.dir, { CCHC_NO_CACHE: '', CCHC_CACHE_DIR: path.join(work.dir, 'cache'), CCHC_V8CACHE_OUT: cache });
    expect(r.code, r.stderr).toBeLessThan(2);
    const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'latin1')), { filename: BUNDLE, cachedData: readFileSync(cache) });
    expect(script.cachedDataRejected).toBe(false);
  });
});
