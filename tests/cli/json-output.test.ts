/**
 * One machine-output flag (issue 13, item 5): every command that reports takes
 * -f/--format json and its alias --json, and prints the envelope docs/json.md documents:
 * { format: 1, command, ok, ... }, with `ok` true exactly when the exit code is 0. A plan
 * with errors answers JSON on stdout too. In-process, on copies of the fixture plans.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyPlan, fixturePlan, PLAN_2022, ROOT, runCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
function copy(src: string): string {
  const { dir, cleanup } = copyPlan(src);
  cleanups.push(cleanup);
  return dir;
}
function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const MINI = fixturePlan('mini');
const TEN = fixturePlan('status-ten');

/** The parsed envelope, checked for its three leading fields and against the exit code. */
async function envelope(args: string[], command: string, cwd?: string): Promise<{ code: number | null; json: Record<string, unknown>; stderr: string }> {
  const r = await runCli(args, cwd ? { cwd } : {});
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(Object.keys(json).slice(0, 3)).toEqual(['format', 'command', 'ok']);
  expect(json).toMatchObject({ format: 1, command });
  expect(json.ok).toBe(r.code === 0);
  return { code: r.code ?? -1, json, stderr: r.stderr };
}

describe('the envelope of each reporting command', () => {
  it('validate: summary and diagnostics', async () => {
    const { code, json } = await envelope(['validate', MINI, '--json'], 'validate');
    expect(code).toBe(0);
    expect(json).toMatchObject({ summary: { errors: 0, warnings: 0, plans: 1, files: 0 }, diagnostics: [] });
  });

  it('status and budget: the report, money as numbers', async () => {
    const s = await envelope(['status', TEN, '--as-of', '2024-12-31', '-f', 'json'], 'status');
    expect(s.json).toMatchObject({ asOf: '2024-12-31', plan: { year: 2024 }, overall: expect.any(Object) });
    // The plan's warnings and its open deadlines are in the object, and nothing on stderr.
    const w = await envelope(['status', PLAN_2022, '--json'], 'status');
    expect(w.json).toMatchObject({ summary: { errors: 0, warnings: 2 } });
    expect((w.json.diagnostics as { code: string }[]).map((d) => d.code).sort()).toEqual(['ref/likely-typo', 'task/deadline-unresolved']);
    expect(w.stderr).toBe('');
    const b = await envelope(['budget', PLAN_2022, '--format', 'json', '--as-of', '2022-06-30'], 'budget');
    expect(b.json).toMatchObject({ total: expect.any(Number), diagnostics: [] });
  });

  it('refs: the registry, with its findings', async () => {
    const { json } = await envelope(['refs', fixturePlan('refs-mini'), '--json'], 'refs');
    expect(json).toMatchObject({ summary: { errors: 0 }, diagnostics: [] });
    expect((json.documents as unknown[]).length).toBeGreaterThan(0);
  });

  it('diff of two folders: the changes, ok false only with --exit-code and differences', async () => {
    const other = copy(MINI);
    const file = path.join(other, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Kế hoạch đã sửa'));
    const plain = await envelope(['diff', MINI, other, '--json'], 'diff');
    expect(plain.code).toBe(0);
    expect(plain.json).toMatchObject({ format: 1, command: 'diff', changed: true, diagnostics: [] });
    const strict = await envelope(['diff', MINI, other, '--json', '--exit-code'], 'diff');
    expect(strict.code).toBe(1);
  });

  it('export, doc and report: what was written', async () => {
    const out = temp();
    const x = await envelope(['export', MINI, '-o', path.join(out, 'a.xlsx'), '--sheets', 'appendix1', '--json'], 'export');
    expect(x.json).toMatchObject({ file: path.join(out, 'a.xlsx'), sheets: ['appendix1'], bytes: expect.any(Number), period: null });
    const d = await envelope(['doc', MINI, '-o', path.join(out, 'a.docx'), '--json'], 'doc');
    expect(d.json).toMatchObject({ file: path.join(out, 'a.docx'), bytes: expect.any(Number) });
    const r = await envelope(['report', MINI, '--period', '2023-6M', '-o', path.join(out, 'b.docx'), '--json'], 'report');
    expect(r.json).toMatchObject({ period: '2023-6M', asOf: expect.stringMatching(/^2023-0[1-6]-\d\d$/), example: expect.any(Boolean) });
    // The plan's warning (2022 has one) is in the object, not on stderr.
    for (const [command, name] of [
      ['export', 'c.xlsx'],
      ['doc', 'c.docx'],
    ]) {
      const w = await envelope([command!, PLAN_2022, '-o', path.join(out, name!), '--json'], command!);
      expect(w.json).toMatchObject({ summary: { errors: 0, warnings: 1 }, diagnostics: [{ code: 'ref/likely-typo' }] });
      expect(w.stderr).toBe('');
    }
  });

  it('record: the field changes, written or not', async () => {
    const dir = copy(TEN);
    const dry = await envelope(['record', dir, '--task', '3', '--percent', '40', '--as-of', '14/06/2024', '--dry-run', '--json'], 'record');
    expect(dry.json).toMatchObject({ dryRun: true, written: false, changes: [{ section: 'tasks', id: 3, field: 'percent', after: 40 }] });
    const real = await envelope(['record', dir, '--task', '3', '--percent', '40', '--as-of', '14/06/2024', '--json'], 'record');
    expect(real.json).toMatchObject({ written: true, isNew: expect.any(Boolean) });
    expect(readFileSync(path.resolve(ROOT, real.json.file as string), 'utf8')).toContain('percent: 40');
  });

  it('form then import: the forms written, then read back with nothing to change', async () => {
    const dir = copy(TEN);
    const forms = path.join(temp(), 'forms');
    const f = await envelope(['form', dir, '--unit', 'kt', '--as-of', '2024-06-30', '-o', forms, '--json'], 'form');
    expect(f.json).toMatchObject({ asOf: '2024-06-30', forms: [{ file: 'kt.xlsx', unit: { id: 'kt' }, tasks: expect.any(Number) }] });
    const i = await envelope(['import', path.join(forms, 'kt.xlsx'), dir, '--json'], 'import');
    expect(i.json).toMatchObject({ asOf: '2024-06-30', forms: [{ unit: 'kt', changes: expect.any(Number) }], changes: [], written: false });
  });

  it('fmt: the files it changed (or would change)', async () => {
    const { json, code } = await envelope(['fmt', '--nfc', '--check', MINI, '--json'], 'fmt');
    expect(code).toBe(0);
    expect(json).toMatchObject({ check: true, changed: [], failed: [], total: expect.any(Number) });
  });
});

describe('a plan with errors, JSON asked for', () => {
  const broken = copy(MINI);
  const tasks = path.join(broken, 'tasks.yaml');
  writeFileSync(tasks, readFileSync(tasks, 'utf8').replace(/lead: \[([a-z-]+)\]/, 'lead: [$1-x]'));

  it.each([['status'], ['budget'], ['refs'], ['export'], ['doc'], ['form', '-o', 'forms']])(
    '%s: ok false, the diagnostics on stdout, exit 1',
    async (cmd, ...rest) => {
      const { code, json, stderr } = await envelope([cmd, broken, ...rest, '--json'], cmd);
      expect(code).toBe(1);
      expect(json.summary).toMatchObject({ errors: 1 });
      expect(json.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'task/unknown-unit', file: expect.stringMatching(/tasks\.yaml$/), line: expect.any(Number) }),
      );
      // The located text stays on stderr for a person watching.
      expect(stderr).toContain('task/unknown-unit');
    },
  );
});

describe('--json is an alias of --format json', () => {
  it('the same output either way', async () => {
    const a = await runCli(['status', TEN, '--as-of', '2024-12-31', '--json']);
    const b = await runCli(['status', TEN, '--as-of', '2024-12-31', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--json with another --format is a usage error, in the language of the run', async () => {
    const vi = await runCli(['validate', MINI, '--json', '--format', 'sarif']);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toBe('');
    expect(vi.stderr).toBe('cchc: --json không dùng cùng --format sarif\n  --json là cách viết ngắn của --format json\n');
    const en = await runCli(['validate', MINI, '--json', '--format', 'text', '--lang', 'en']);
    expect(en.stderr).toBe('cchc: --json does not go with --format text\n  --json is short for --format json\n');
  });
});
