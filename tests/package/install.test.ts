/**
 * The package as a user gets it (issue 13, items 1 and 4): `npm pack` holds exactly what runs,
 * production dependencies are exactly what the build leaves external, and a plan repository
 * made by `cchc init` installs the pinned cchc the way its own workflow does — from the
 * tarball alone, production dependencies only — then runs init, validate, status and export.
 * npm reads the local cache first (npm_config_prefer_offline), so the test needs the registry
 * only for packages the machine has never installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, BIN, tempDir } from '../helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const npmEnv = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** `npm pack` of this repository without running its scripts: dist/ is the one `npm test` built. */
function packRepo(dest: string): string {
  const out = execFileSync('npm', ['pack', ROOT, '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: dest, encoding: 'utf8', env: npmEnv });
  return path.join(dest, JSON.parse(out)[0].filename);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm pack contents', () => {
  it('ships the bin, every bundle, the schemas, LICENSE and README, and nothing else', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', env: npmEnv });
    const files: string[] = JSON.parse(out)[0]
      .files.map((f: { path: string }) => f.path)
      .sort();
    const bundles = readdirSync(path.join(ROOT, 'dist'));
    const schemas = readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'));
    expect(bundles).toContain('cli.cjs');
    expect(files).toEqual(
      ['LICENSE', 'README.md', 'package.json', 'bin/cchc.cjs', ...bundles.map((f) => `dist/${f}`), ...schemas.map((f) => `schemas/${f}`)].sort(),
    );
    // bin/cchc.cjs requires ../dist/cli.cjs, which is shipped.
    expect(readFileSync(path.join(ROOT, 'bin', 'cchc.cjs'), 'utf8')).toContain("path.join(__dirname, '..', 'dist', 'cli.cjs')");
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });

  it('production dependencies are exactly the libraries the build leaves external', () => {
    const build = readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    const external = [...build.match(/external:\s*\[([^\]]*)\]/)![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
    expect(Object.keys(pkg.dependencies).sort()).toEqual(external);
    // Each external library is loaded by name from some bundle (otherwise it is dead weight).
    const dist = readdirSync(path.join(ROOT, 'dist'))
      .map((f) => readFileSync(path.join(ROOT, 'dist', f), 'utf8'))
      .join('\n');
    for (const name of external) expect(dist, name).toMatch(new RegExp(`(require|import)\\)?\\("${name}"\\)|\\)\\("${name}"\\)`));
    // Bundled libraries and the unused table library are not installed for users.
    for (const name of ['commander', 'chalk', 'js-yaml', 'ajv', 'cli-table3']) expect(pkg.dependencies[name], name).toBeUndefined();
  });

  it('a silent prepare: `npm pack` prints only the tarball name on stdout (pre-commit reads it)', () => {
    expect(readFileSync(path.join(ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
    expect(pkg.scripts.prepare).toMatch(/>&2$/);
  });
});

describe('a plan repository installs its pinned cchc from the tarball alone', () => {
  let tmp: { dir: string; cleanup: () => void };
  let repo: string;
  let prefix: string;
  let released: string;
  beforeAll(() => {
    tmp = tempDir();
    released = packRepo(tmp.dir);
    repo = path.join(tmp.dir, 'ke-hoach');
    prefix = path.join(tmp.dir, 'prefix');
    mkdirSync(repo);
  });
  afterAll(() => tmp.cleanup());

  it('init vendors exactly the packed tarball; the workflow step installs it; the installed cchc runs every command', { timeout: 240_000 }, () => {
    const init = spawnSync(process.execPath, [BIN, 'init', '.', '--year', '2024', '--agency', 'Sở Tư pháp'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...npmEnv, NO_COLOR: '1' },
    });
    expect(init.status, init.stderr).toBe(0);
    const workflow = parse(readFileSync(path.join(repo, '.github', 'workflows', 'cchc.yml'), 'utf8'));
    expect(workflow.env.CCHC_PACKAGE).toBe(`.cchc/cchc-${pkg.version}.tgz`);
    expect(workflow.env.CCHC_SHA256).toBe(sha256(released));
    expect(sha256(path.join(repo, workflow.env.CCHC_PACKAGE))).toBe(sha256(released));

    // Run the workflow's own install step, into a clean prefix.
    const steps = workflow.jobs.validate.steps as Array<{ name?: string; run?: string }>;
    const install = steps.find((s) => s.name === 'Install cchc')!.run!;
    expect(install).toContain('npm install --global --omit=dev');
    const r = spawnSync('bash', ['-c', install], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...npmEnv, RUNNER_TEMP: tmp.dir, npm_config_prefix: prefix, CCHC_PACKAGE: workflow.env.CCHC_PACKAGE, CCHC_SHA256: workflow.env.CCHC_SHA256 },
      timeout: 200_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const installed = path.join(prefix, 'lib', 'node_modules', 'cchc');
    const deps = readdirSync(path.join(installed, 'node_modules'));
    for (const name of Object.keys(pkg.dependencies)) expect(deps, name).toContain(name);
    // What the build bundles, and the build and test tools, are not installed.
    for (const name of ['commander', 'chalk', 'js-yaml', 'ajv', 'cli-table3', 'esbuild', 'vitest', 'typescript']) {
      expect(existsSync(path.join(installed, 'node_modules', name)), name).toBe(false);
    }

    const cchc = (args: string[], cwd = repo) =>
      spawnSync(path.join(prefix, 'bin', 'cchc'), args, {
        cwd,
        encoding: 'utf8',
        env: { ...npmEnv, NO_COLOR: '1', CCHC_TODAY: '2024-07-01', PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}` },
      });
    // The workflow's check step, as written.
    const check = steps.find((s) => s.run?.startsWith('cchc validate'))!.run!;
    expect(check).toBe('cchc validate --format github plans');
    const v = cchc(check.split(' ').slice(1));
    expect(v.status, v.stderr).toBe(0);
    const s = cchc(['status']);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toContain('Tiến độ đến ngày 01/07/2024');
    const e = cchc(['export', '-o', path.join(tmp.dir, 'out.xlsx')]);
    expect(e.status, e.stderr).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'out.xlsx')).subarray(0, 2).toString()).toBe('PK');

    // The installed cchc makes the next repository, pinned to the same bytes.
    const second = path.join(tmp.dir, 'second');
    mkdirSync(second);
    const again = cchc(['init', '.', '--year', '2025'], second);
    expect(again.status, again.stderr).toBe(0);
    expect(sha256(path.join(second, '.cchc', `cchc-${pkg.version}.tgz`))).toBe(sha256(released));
    const v2 = cchc(['validate'], second);
    expect(v2.status, v2.stderr).toBe(0);
  });
});
