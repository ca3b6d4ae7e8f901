/**
 * The output cache (src/cli/output-cache.ts), through the built CLI as a user runs it: the
 * front (dist/front.cjs) answers a repeated `validate` or `status` with the stored output,
 * and any change to what the output depends on (a plan file, a new progress file, the
 * scoring frame, the date, an environment variable) makes the full run happen again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, copyPlan, fixturePlan, spawnCli, tempDir, type CliResult } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A plan repository of its own (plans/2023, the mini fixture) and an empty cache folder. */
function setup(): { repo: string; plan: string; cache: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const plan = path.join(t.dir, 'repo', 'plans', '2023');
  cpSync(fixturePlan('mini'), plan, { recursive: true });
  return { repo: path.join(t.dir, 'repo'), plan, cache: path.join(t.dir, 'cache') };
}

function entries(cache: string): string[] {
  try {
    return readdirSync(path.join(cache, 'out')).map((n) => path.join(cache, 'out', n));
  } catch {
    return [];
  }
}

function run(args: string[], repo: string, cache: string, env: Record<string, string> = {}): CliResult {
  return spawnCli(args, { cwd: repo, env: { CCHC_CACHE_DIR: cache, CCHC_TODAY: '2023-06-30', ...env } });
}

/** Make the stored output of every entry recognisable, so a test can tell a replay from a run. */
function markEntries(cache: string): void {
  for (const file of entries(cache)) {
    const e = JSON.parse(readFileSync(file, 'utf8')) as { stdout: string };
    writeFileSync(file, JSON.stringify({ ...e, stdout: `REPLAYED\n${e.stdout}` }));
  }
}

describe('the output cache', () => {
  it('a repeated status prints the stored output, byte for byte, with the same exit code', () => {
    const { repo, cache } = setup();
    const first = run(['status', 'plans/2023'], repo, cache);
    expect(first.code).toBe(0);
    expect(entries(cache)).toHaveLength(1);
    const second = run(['status', 'plans/2023'], repo, cache);
    expect(second).toEqual(first);
    markEntries(cache);
    expect(run(['status', 'plans/2023'], repo, cache).stdout).toBe(`REPLAYED\n${first.stdout}`);
  });

  it('validate with findings replays exit 1 and its findings', () => {
    const { repo, plan, cache } = setup();
    const tasks = path.join(plan, 'tasks.yaml');
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('    lead: [tu-phap]', '    lead: [tu-phapp]'));
    const first = run(['validate', '--format', 'json'], repo, cache);
    expect(first.code).toBe(1);
    markEntries(cache);
    const second = run(['validate', '--format', 'json'], repo, cache);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(`REPLAYED\n${first.stdout}`);
    expect(second.stderr).toBe(first.stderr);
  });

  it('an edited plan file, a new progress file or a new scoring frame is run again, never replayed', () => {
    const { repo, plan, cache } = setup();
    run(['status', 'plans/2023', '--json'], repo, cache);
    markEntries(cache);
    const tasks = path.join(plan, 'tasks.yaml');
    const text = readFileSync(tasks, 'utf8');
    const title = /title: (.+)/.exec(text.slice(text.indexOf('tasks:')))![1]!;
    writeFileSync(tasks, text.replace(title, `${title} (sửa)`));
    const edited = run(['status', 'plans/2023', '--json'], repo, cache);
    expect(edited.stdout).not.toMatch(/^REPLAYED/);
    expect(edited.stdout).toContain('(sửa)');

    markEntries(cache);
    const progress = readdirSync(path.join(plan, 'progress')).find((n) => n.endsWith('.yaml'))!;
    cpSync(path.join(plan, 'progress', progress), path.join(plan, 'progress', `zz-${progress}`));
    const added = run(['status', 'plans/2023', '--json'], repo, cache);
    expect(added.stdout).not.toMatch(/^REPLAYED/);

    markEntries(cache);
    writeFileSync(path.join(repo, 'plans', 'scoring.yaml'), 'not: [a scoring frame\n');
    const scoring = run(['status', 'plans/2023', '--json'], repo, cache);
    expect(scoring.stdout).not.toMatch(/^REPLAYED/);
    expect(scoring.code).toBe(1);
    expect(scoring.stderr).toContain('scoring.yaml');
  });

  it('another date, language, width or colour setting is another run', () => {
    const { repo, cache } = setup();
    const base = run(['status', 'plans/2023'], repo, cache);
    markEntries(cache);
    const variations: Record<string, string>[] = [{ CCHC_TODAY: '2023-12-31' }, { CCHC_LANG: 'en' }, { COLUMNS: '100' }, { FORCE_COLOR: '1', NO_COLOR: '' }];
    for (const env of variations) {
      const r = run(['status', 'plans/2023'], repo, cache, env);
      expect(r.stdout, JSON.stringify(env)).not.toMatch(/^REPLAYED/);
    }
    expect(run(['status', 'plans/2023', '--lang', 'en'], repo, cache).stdout).not.toBe(base.stdout);
  });

  it('keeps nothing for runs it cannot vouch for: usage errors, --help, options it does not know, threads, CCHC_NO_CACHE', () => {
    const { repo, cache } = setup();
    expect(run(['status', 'plans/2099'], repo, cache).code).toBe(2);
    expect(run(['status', '--help'], repo, cache).code).toBe(0);
    expect(run(['validate', '--strictt'], repo, cache).code).toBe(2);
    expect(run(['status', 'plans/2023'], repo, cache, { CCHC_NO_CACHE: '1' }).code).toBe(0);
    // Worker threads read the files themselves, not through what the key read.
    expect(run(['validate', 'plans/2023'], repo, cache, { CCHC_THREADS: '2' }).code).toBe(0);
    expect(entries(cache)).toEqual([]);
  });

  it('a plan of more than 4 MiB of text is run in full every time, not stored', () => {
    const { repo, plan, cache } = setup();
    const units = path.join(plan, 'units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8') + `# ${'chú thích '.repeat(64)}\n`.repeat(7000));
    expect(run(['validate', 'plans/2023'], repo, cache).code).toBe(0);
    expect(entries(cache)).toEqual([]);
  });

  it('a lone file given to validate is not cached, a plan folder is', () => {
    const { repo, plan, cache } = setup();
    cpSync(path.join(plan, 'tasks.yaml'), path.join(repo, 'tasks.yaml'));
    run(['validate', 'tasks.yaml'], repo, cache);
    expect(entries(cache)).toEqual([]);
    run(['validate', 'plans/2023'], repo, cache);
    expect(entries(cache)).toHaveLength(1);
  });

  it('an entry whose stored key does not match the files is not used', () => {
    const { repo, cache } = setup();
    const first = run(['status', 'plans/2023'], repo, cache);
    for (const file of entries(cache)) {
      const e = JSON.parse(readFileSync(file, 'utf8')) as { key: { files: string[] }; stdout: string };
      e.key.files = e.key.files.map((f) => f.replace('tu-phap', 'tu-phapx'));
      writeFileSync(file, JSON.stringify({ ...e, stdout: 'FORGED\n' }));
    }
    expect(run(['status', 'plans/2023'], repo, cache).stdout).toBe(first.stdout);
  });
});

describe('the front answers --version without the bundle', () => {
  it('prints the version of package.json', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    cleanups.push(cleanup);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnCli(['--version'], { cwd: dir })).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(spawnCli(['-V'], { cwd: dir }).stdout).toBe(`${pkg.version}\n`);
  });
});
