/**
 * Output and environment (issue 12, item 6), each case through the real CLI: failed writes,
 * closed pipes, invalid CCHC_* variables, init that fails half-way, `new` out of range,
 * export over an existing file, and how git is run. Hang guard: every spawn is killed
 * after 20 s.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, PLAN_2022, fixturePlan, git, runCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
const temp = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

const cleanEnv = (extra: Record<string, string> = {}) => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('CCHC_') && k !== 'FORCE_COLOR') env[k] = v;
  if (process.env.CCHC_CACHE_DIR) env.CCHC_CACHE_DIR = process.env.CCHC_CACHE_DIR;
  return { ...env, NO_COLOR: '1', ...extra };
};

/** Run a shell pipeline with the CLI as `$CCHC`; prints the CLI's exit status last. */
function pipeline(script: string, cwd: string) {
  const r = spawnSync('bash', ['-c', `${script}; echo "status=\${PIPESTATUS[0]}"`], {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv(), CCHC: `${process.execPath} ${BIN}` },
    timeout: 20_000,
  });
  return { out: r.stdout, status: Number(/status=(\d+)/.exec(r.stdout)?.[1]) };
}

describe('output', () => {
  it('a failed write to stdout (/dev/full) is exit 2 with a message', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', '-f', 'json', PLAN_2022], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: cleanEnv(),
        timeout: 20_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('ENOSPC');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(full);
    }
  });

  it('a closed pipe keeps the exit code the findings give', () => {
    const cwd = temp();
    // The issue's own command: a plan with only warnings, stderr into the pipe, head -1.
    expect(pipeline(`$CCHC validate ${PLAN_2022} 2>&1 | head -1 >/dev/null`, cwd).status).toBe(0);
    // A reader that is gone before cchc writes anything: every write fails with EPIPE.
    expect(pipeline(`$CCHC validate ${PLAN_2022} 2>&1 | (exec 0<&-)`, cwd).status).toBe(0);
    expect(pipeline(`$CCHC validate ${fixturePlan('budget-float')} 2>&1 | (exec 0<&-)`, cwd).status).toBe(1);
    expect(pipeline(`$CCHC validate -f json ${fixturePlan('budget-float')} | (exec 0<&-)`, cwd).status).toBe(1);
    const both = pipeline(`$CCHC validate ${fixturePlan('budget-float')} 2>&1 | head -1`, cwd);
    expect(both.status).toBe(1);
    expect(both.out).toMatch(/^tests\/fixtures|budget\.yaml:\d+:\d+:/m);
  });
});

describe('environment variables', () => {
  const cases: Array<[string, string, string[]]> = [
    ['CCHC_TODAY', 'garbage', ['YYYY-MM-DD']],
    ['CCHC_TODAY', '2022-02-30', ['YYYY-MM-DD']],
    ['CCHC_TODAY', '30/09/2022', ['YYYY-MM-DD']],
    ['CCHC_LANG', 'fr', ['vi', 'en']],
  ];
  it.each(cases)('%s=%s is a usage error naming the variable and its valid values', async (name, value, valid) => {
    for (const cmd of [
      ['status', PLAN_2022],
      ['validate', PLAN_2022],
    ]) {
      const r = await runCli(cmd, { env: cleanEnv({ [name]: value }) });
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${name}="${value}"`);
      for (const v of valid) expect(r.stderr).toContain(v);
    }
  });

  it('valid values are accepted', async () => {
    const r = await runCli(['status', '--json', PLAN_2022], { env: cleanEnv({ CCHC_TODAY: '2022-09-30', CCHC_LANG: 'EN' }) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe('2022-09-30');
  });
});

describe('init that fails half-way removes what it created', () => {
  it('a file where .github/ must go: exit 2, the folder is as it was', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, '.github'), 'một tệp\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'giữ nguyên\n');
    const r = await runCli(['init', '.', '--year', '2024', '--package', 'https://mirror.invalid/cchc.tgz'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENOTDIR');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(['.github', 'notes.txt']);
    expect(readFileSync(path.join(dir, '.github'), 'utf8')).toBe('một tệp\n');
  });

  it('init into a file: exit 2, the file untouched, nothing created beside it', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'plan.txt'), 'x\n');
    const r = await runCli(['init', 'plan.txt', '--year', '2024'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan.txt');
    expect(readdirSync(dir)).toEqual(['plan.txt']);
    expect(readFileSync(path.join(dir, 'plan.txt'), 'utf8')).toBe('x\n');
  });
});

describe('init --package', () => {
  it.each(['http://mirror.example/cchc.tgz', '../cchc.tgz', '/opt/cchc.tgz', 'file:cchc.tgz', 'a\nb.tgz'])('refuses %j and writes nothing', async (pkg) => {
    const dir = temp();
    const r = await runCli(['init', '.', '--year', '2024', '--package', pkg], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--package');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a tarball already in the repository is pinned by its hash; a URL is written quoted', async () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'vendor'));
    writeFileSync(path.join(dir, 'vendor', 'cchc.tgz'), 'not really a tarball');
    expect((await runCli(['init', '.', '--year', '2024', '--package', 'vendor/cchc.tgz'], { cwd: dir })).code).toBe(0);
    const wf = readFileSync(path.join(dir, '.github', 'workflows', 'cchc.yml'), 'utf8');
    expect(wf).toContain('CCHC_PACKAGE: "vendor/cchc.tgz"');
    expect(wf).toContain(`CCHC_SHA256: "${createHash('sha256').update('not really a tarball').digest('hex')}"`);
    const other = temp();
    expect(
      (await runCli(['init', '.', '--year', '2024', '--package', 'https://mirror.example/cchc-0.1.0.tgz#x', '--sha256', 'AB'.repeat(32)], { cwd: other })).code,
    ).toBe(0);
    const wf2 = readFileSync(path.join(other, '.github', 'workflows', 'cchc.yml'), 'utf8');
    expect(wf2).toContain('CCHC_PACKAGE: "https://mirror.example/cchc-0.1.0.tgz#x"');
    expect(wf2).toContain(`CCHC_SHA256: "${'ab'.repeat(32)}"`);
    expect(existsSync(path.join(other, '.cchc'))).toBe(false);
  });
});

describe('new', () => {
  it.each(['1999', '2101', '9999', '0000'])('a year out of range (%s) is a usage error and writes nothing', async (year) => {
    const dir = temp();
    cpSync(fixturePlan('mini'), path.join(dir, 'plans', '2023'), { recursive: true });
    const r = await runCli(['new', year], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2000.*2100/);
    expect(readdirSync(path.join(dir, 'plans'))).toEqual(['2023']);
  });
});

describe('export over an existing file', () => {
  it.each([0o640, 0o600, 0o664])('keeps the file mode %s', async (mode) => {
    const dir = temp();
    const out = path.join(dir, 'bao-cao.xlsx');
    writeFileSync(out, 'cũ');
    chmodSync(out, mode);
    const r = await runCli(['export', fixturePlan('mini'), '-o', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(out).mode & 0o7777).toBe(mode);
  });
});

describe('git', () => {
  let repo: string;
  let log: string;
  let binDir: string;
  beforeAll(() => {
    repo = temp();
    cpSync(fixturePlan('mini'), path.join(repo, 'plans', '2023'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'start');
    git(repo, 'tag', 'v1');
    // A git on PATH that records how it is called, then runs the real one.
    binDir = temp();
    log = path.join(binDir, 'calls.log');
    const real = spawnSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(binDir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
    chmodSync(path.join(binDir, 'git'), 0o755);
  });

  const viaLoggedGit = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: repo, encoding: 'utf8', env: cleanEnv({ PATH: `${binDir}:${process.env.PATH}` }), timeout: 20_000 });

  it('runs every git command with core.fsmonitor off', () => {
    writeFileSync(log, '');
    const r = viaLoggedGit(['diff', 'v1']);
    expect(r.status, r.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expect(c).toMatch(/^-c core\.fsmonitor=false /);
  });

  it.each([':plans/2023/tasks.yaml', ':/start', ':0:plans/2023/plan.yaml'])('refuses the revision %s', (rev) => {
    writeFileSync(log, '');
    const r = viaLoggedGit(['diff', rev]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`"${rev}"`);
    expect(r.stderr).toContain(':');
    expect(readFileSync(log, 'utf8')).not.toContain(rev);
    expect(existsSync(path.join(repo, 'plans', '2023'))).toBe(true);
  });
});
