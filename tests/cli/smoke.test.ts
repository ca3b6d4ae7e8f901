/**
 * Smoke tests of the built CLI (dist/cli.cjs through bin/cchc.cjs), spawned as a user runs
 * it with NO_COLOR=1. tests/global-setup.ts rebuilds dist/ when the source changed, so
 * these run the current code. The other CLI tests run the same main() in-process; these
 * check what only a real process shows: the bundle itself, exit codes, pipes, and that
 * both give the same output.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, PLAN_2022, ROOT, commitAll, copyPlan, fixturePlan, git, runCli, spawnCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function brokenMini(): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'));
  cleanups.push(cleanup);
  const file = path.join(dir, 'tasks.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    lead: [tu-phap]', '    lead: [tu-phapp]'));
  return dir;
}

describe('the built CLI, spawned', () => {
  it('validate with no argument: the bundled plans, exit 0 with one warning', () => {
    const r = spawnCli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plans\/2022\/tasks\.yaml:\d+:\d+: cảnh báo ref\/likely-typo/);
    expect(r.stderr).toBe('! Đã kiểm tra 1 kế hoạch: 1 cảnh báo.\n');
  });

  it('validate a broken plan: exit 1, located, the same output as in-process', async () => {
    const dir = brokenMini();
    const r = spawnCli(['validate', '.'], { cwd: dir, env: { CCHC_NO_CACHE: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('tasks.yaml:10:12: lỗi task/unknown-unit: Đơn vị "tu-phapp" không có trong units.yaml (có phải "tu-phap"?)');
    expect(await runCli(['validate', '.'], { cwd: dir, env: { CCHC_NO_CACHE: '1' } })).toEqual(r);
  });

  it('a path that does not exist: exit 2', () => {
    const r = spawnCli(['validate', 'no/such/plan']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('no/such/plan');
  });

  it('--format sarif is JSON', () => {
    const r = spawnCli(['validate', brokenMini(), '--format', 'sarif']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
  });

  it('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(spawnCli(['--version']).stdout.trim()).toBe(pkg.version);
    const h = spawnCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('validate');
  });

  it('output to a closed pipe ends quietly', () => {
    const many = brokenMini();
    const file = path.join(many, 'tasks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/lead: \[([a-z-]+)\]/g, 'lead: [$1-x]'));
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} validate . | head -1`], {
      cwd: many,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^tasks\.yaml:\d+:\d+: lỗi task\/unknown-unit/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('status: the same output as in-process, exit 0', async () => {
    const args = ['status', fixturePlan('mini'), '--as-of', '2023-07-10'];
    const r = spawnCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hoàn thành 1/5 nhiệm vụ');
    expect(await runCli(args)).toEqual(r);
  });

  it('status with FORCE_COLOR=1 is coloured', () => {
    const r = spawnCli(['status', fixturePlan('mini'), '--as-of', '2023-07-10'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[/);
  });

  it('budget and refs of the 2022 plan', () => {
    const b = spawnCli(['budget', PLAN_2022], { env: { CCHC_TODAY: '2023-02-01' } });
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('20.000.000');
    const r = spawnCli(['refs', PLAN_2022]);
    expect(r.code).toBe(0);
  });

  it('export writes a workbook', () => {
    const dir = temp();
    const r = spawnCli(['export', fixturePlan('mini'), '--out', 'KH.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'KH.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('init, then new, then diff against git', () => {
    const dir = temp();
    expect(spawnCli(['init', '.', '--year', '2024'], { cwd: dir }).code).toBe(0);
    git(dir, 'init', '-q');
    commitAll(dir, 'init', 'v1');
    const n = spawnCli(['new', '2025', '--from', 'plans/2024'], { cwd: dir });
    expect(n.code).toBe(0);
    expect(existsSync(path.join(dir, 'plans', '2025', 'plan.yaml'))).toBe(true);
    const d = spawnCli(['diff', 'v1', 'plans/2024'], { cwd: dir });
    expect(d.code).toBe(0);
  });

  it('a plan folder copied under another name keeps its own findings (cache per path)', () => {
    const root = temp();
    mkdirSync(path.join(root, 'a'));
    cpSync(brokenMini(), path.join(root, 'a', '2023'), { recursive: true });
    const first = spawnCli(['validate', 'a/2023'], { cwd: root });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^a\/2023\/tasks\.yaml:10:12:/);
    cpSync(path.join(root, 'a'), path.join(root, 'b'), { recursive: true });
    const second = spawnCli(['validate', 'b/2023'], { cwd: root });
    expect(second.stdout).toMatch(/^b\/2023\/tasks\.yaml:10:12:/);
  });
});
