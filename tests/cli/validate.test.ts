/** cchc validate, run in-process on the current source (NO_COLOR=1): stdout, stderr and the exit code. */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, copyPlan, fixturePlan, ROOT } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function brokenMini(): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'));
  cleanups.push(cleanup);
  const file = path.join(dir, 'tasks.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    lead: [tu-phap]', '    lead: [tu-phapp]'));
  return dir;
}

describe('cchc validate', () => {
  it('validates the bundled plans with no argument: exit 0; the 1847/1487 slip of the source is a warning', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plans\/2022\/tasks\.yaml:\d+:\d+: cảnh báo ref\/likely-typo: .*1487\/QĐ-TTg.*1847\/QĐ-TTg/);
    expect(r.stderr).toBe('! Đã kiểm tra 1 kế hoạch: 1 cảnh báo.\n');
  });

  it('a clean plan prints nothing on stdout and a summary on stderr', async () => {
    const r = await runCli(['validate', fixturePlan('mini')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('✓ Đã kiểm tra 1 kế hoạch: không có lỗi.\n');
  });

  it('the same run twice gives the same output, the second from the result cache', async () => {
    const dir = brokenMini();
    const cache = path.join(path.dirname(dir), 'cache');
    const env = { CCHC_CACHE_DIR: cache };
    const first = await runCli(['validate', '.'], { cwd: dir, env });
    expect(readdirSync(cache).length).toBe(1);
    const again = await runCli(['validate', '.'], { cwd: dir, env });
    expect(again).toEqual(first);
    expect(first.code).toBe(1);
    // A changed file is a different key: the finding goes away with the fix.
    const file = path.join(dir, 'tasks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[tu-phapp]', '[tu-phap]'));
    expect((await runCli(['validate', '.'], { cwd: dir, env })).code).toBe(0);
    expect((await runCli(['validate', '.'], { cwd: dir, env: { ...env, CCHC_NO_CACHE: '1' } })).code).toBe(0);
  });

  it('reports a broken plan with file:line:col, an excerpt and a caret, in Vietnamese; exit 1', async () => {
    const dir = brokenMini();
    const r = await runCli(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'tasks.yaml:10:12: lỗi task/unknown-unit: Đơn vị "tu-phapp" không có trong units.yaml (có phải "tu-phap"?)',
        '10 |     lead: [tu-phapp]',
        '   |            ^^^^^^^^',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('✗ Đã kiểm tra 1 kế hoạch: 1 lỗi.\n');
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['validate', '.', '--lang', 'en'], { cwd: brokenMini() });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('tasks.yaml:10:12: error task/unknown-unit: Unit "tu-phapp" is not in units.yaml (did you mean "tu-phap"?)');
    expect(r.stderr).toBe('✗ Checked 1 plan: 1 error.\n');
  });

  it('a path that does not exist is exit 2 with the path named', async () => {
    const r = await runCli(['validate', 'khong-co/2022']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('khong-co/2022: lỗi io/not-found');
  });

  it('a folder without plans is exit 2', async () => {
    const r = await runCli(['validate', 'schemas']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('schemas: lỗi io/no-plan');
  });

  it('--format json prints the documented envelope', async () => {
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: brokenMini() });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: 1, command: 'validate', ok: false, summary: { errors: 1, warnings: 0, plans: 1, files: 0 } });
    expect(out.diagnostics).toEqual([
      {
        code: 'task/unknown-unit',
        severity: 'error',
        file: 'tasks.yaml',
        line: 10,
        column: 12,
        endLine: 10,
        endColumn: 20,
        message: 'Đơn vị "tu-phapp" không có trong units.yaml (có phải "tu-phap"?)',
        hint: null,
        params: { id: 'tu-phapp', suggestion: 'tu-phap' },
      },
    ]);
  });

  it('--format json on a clean plan: ok, no diagnostics', async () => {
    const r = await runCli(['validate', fixturePlan('mini'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      format: 1,
      command: 'validate',
      ok: true,
      summary: { errors: 0, warnings: 0, plans: 1, files: 0 },
      diagnostics: [],
    });
  });

  it('--format github prints escaped workflow commands', async () => {
    const r = await runCli(['validate', '.', '--format', 'github'], { cwd: brokenMini() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '::error file=tasks.yaml,line=10,col=12,endColumn=20,title=task/unknown-unit::Đơn vị "tu-phapp" không có trong units.yaml (có phải "tu-phap"?)\n',
    );
  });

  it('--format sarif prints SARIF 2.1.0 with a rule per code', async () => {
    const r = await runCli(['validate', '.', '--format', 'sarif'], { cwd: brokenMini() });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('cchc');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain('task/unknown-unit');
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'task/unknown-unit',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'tasks.yaml' }, region: { startLine: 10, startColumn: 12 } } }],
    });
    expect(ruleIds[run.results[0].ruleIndex]).toBe('task/unknown-unit');
  });

  it('warnings pass unless --strict', async () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    cleanups.push(cleanup);
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('danh mục 5 nhiệm vụ', 'danh mục 6 nhiệm vụ'));
    const lax = await runCli(['validate', '.'], { cwd: dir });
    expect(lax.code).toBe(0);
    expect(lax.stdout).toContain('plan.yaml:29:12: cảnh báo plan/annex-count');
    expect((await runCli(['validate', '.', '--strict'], { cwd: dir })).code).toBe(1);
  });

  it('a file inside a plan folder validates its whole plan', async () => {
    const dir = brokenMini();
    const r = await runCli(['validate', path.join(dir, 'units.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('task/unknown-unit');
  });

  it('an unknown option or format is a usage error, exit 2', async () => {
    expect((await runCli(['validate', '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['validate', '--bogus'])).code).toBe(2);
    expect((await runCli(['bogus'])).code).toBe(2);
  });

  it('colour: none with NO_COLOR, some with FORCE_COLOR', async () => {
    const dir = brokenMini();
    const forced = await runCli(['validate', '.'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = await runCli(['validate', '.', '--no-color'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints its version and help', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('validate');
  });
});

describe('an unreadable file is told in the language of the run', () => {
  it('a plan file that is a folder', async () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    try {
      unlinkSync(path.join(dir, 'units.yaml'));
      mkdirSync(path.join(dir, 'units.yaml'));
      const vi = await runCli(['validate', dir]);
      expect(vi.code).toBe(2);
      expect(vi.stdout + vi.stderr).toContain('io/unreadable: Không đọc được tệp: đây là thư mục');
      const en = await runCli(['validate', dir, '--lang', 'en']);
      expect(en.stdout + en.stderr).toContain('io/unreadable: Cannot read the file: is a folder');
    } finally {
      cleanup();
    }
  });
});
