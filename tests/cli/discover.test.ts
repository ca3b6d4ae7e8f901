/**
 * Discovery (issue 13, item 3): every command run from inside a plan repository — the root,
 * plans/, a plan folder, progress/ — finds its plans; with nothing to find, the message
 * suggests `cchc init`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, tempDir } from '../helpers.js';
import { discoverPlans, plansFolder } from '../../src/load/discover.js';

let tmp: { dir: string; cleanup: () => void };
let repo: string;
beforeAll(async () => {
  tmp = tempDir();
  repo = path.join(tmp.dir, 'kho');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  expect((await runCli(['init', '.', '--year', '2023', '--package', 'https://mirror.invalid/cchc.tgz'], { cwd: repo })).code).toBe(0);
  expect((await runCli(['init', '.', '--year', '2024', '--package', 'https://mirror.invalid/cchc.tgz'], { cwd: repo })).code).toBe(0);
  mkdirSync(path.join(repo, 'plans', '2024', 'progress'));
});
afterAll(() => tmp.cleanup());

const places = ['.', 'plans', 'plans/2024', 'plans/2024/progress'];

describe('discovery', () => {
  it('finds the plan folder or the plans/ folder from any folder inside the repository', () => {
    expect(discoverPlans(repo)).toEqual({ kind: 'repo', plansDir: path.join(repo, 'plans') });
    expect(discoverPlans(path.join(repo, 'plans'))).toEqual({ kind: 'repo', plansDir: path.join(repo, 'plans') });
    expect(discoverPlans(path.join(repo, 'plans', '2023'))).toEqual({ kind: 'plan', dir: path.join(repo, 'plans', '2023') });
    expect(discoverPlans(path.join(repo, 'plans', '2024', 'progress'))).toEqual({ kind: 'plan', dir: path.join(repo, 'plans', '2024') });
    expect(plansFolder(path.join(repo, 'plans', '2023'))).toBe(path.join(repo, 'plans'));
    // The top of the git repository ends the walk.
    expect(discoverPlans(path.join(repo, 'schemas'))).toEqual({ kind: 'repo', plansDir: path.join(repo, 'plans') });
    const outside = path.join(repo, 'nested');
    mkdirSync(path.join(outside, '.git'), { recursive: true });
    expect(discoverPlans(outside)).toBeUndefined();
  });

  it.each(places)('every command finds the plans from %s', async (where) => {
    const cwd = path.join(repo, where);
    const v = await runCli(['validate'], { cwd });
    expect(v.code, v.stderr).toBe(0);
    // Two plans from the root and plans/, one from inside a plan.
    expect(v.stderr).toMatch(where.startsWith('plans/') ? /1 kế hoạch/ : /2 kế hoạch/);
    for (const cmd of [['status'], ['budget'], ['refs'], ['status', '--json']]) {
      const r = await runCli(cmd, { cwd, env: { CCHC_TODAY: '2024-06-30' } });
      expect(r.code, `${cmd.join(' ')} in ${where}: ${r.stderr}`).toBe(0);
    }
    expect(JSON.parse((await runCli(['status', '--json'], { cwd, env: { CCHC_TODAY: '2024-06-30' } })).stdout).plan.year).toBe(2024);
    const out = path.join(tmp.dir, `${where.replace(/\//g, '_')}.xlsx`);
    expect((await runCli(['export', '-o', out], { cwd })).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('cchc new run inside a plan folder puts the new year beside it, in plans/', async () => {
    const r = await runCli(['new', '2025'], { cwd: path.join(repo, 'plans', '2024', 'progress') });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'plans', '2025', 'plan.yaml'))).toBe(true);
    expect(existsSync(path.join(repo, 'plans', '2024', 'progress', 'plans'))).toBe(false);
  });

  it('with no plan anywhere, every command is exit 2 and suggests cchc init', async () => {
    const empty = path.join(tmp.dir, 'trong');
    mkdirSync(path.join(empty, '.git'), { recursive: true });
    for (const cmd of [['validate'], ['status'], ['budget'], ['export']]) {
      const r = await runCli(cmd, { cwd: empty });
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stderr, cmd[0]).toContain('cchc init');
    }
  });
});
