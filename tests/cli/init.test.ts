/** cchc init: a new plan repository that validates clean, whose editor schema comments resolve. */
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, schemaCommentProblems, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('cchc init', () => {
  it('creates plans/<year> that validates clean, the schemas, a workflow, a pre-commit config and a README', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const r = await runCli(['init', '.', '--year', '2024', '--agency', 'Sở Nội vụ'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ plans/2024/plan.yaml');
    for (const f of ['plans/2024/tasks.yaml', 'schemas/tasks.schema.json', '.github/workflows/cchc.yml', '.pre-commit-config.yaml', 'README.md']) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    }
    expect(parse(readFileSync(path.join(dir, 'plans/2024/plan.yaml'), 'utf8')).agency.name).toBe('Sở Nội vụ');
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/cchc.yml'), 'utf8'));
    expect(workflow.on).toEqual(['push', 'pull_request']);
    expect(JSON.stringify(workflow.jobs.validate.steps)).toContain('cchc validate --format github plans');
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toBe('');
    expect(schemaCommentProblems(path.join(dir, 'plans'))).toEqual([]);
  });

  it('never overwrites: an existing plan year is exit 2, an existing README is kept', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(path.join(dir, 'README.md'), 'của tôi\n');
    // A named package source: this test is about what init keeps, not about packing cchc.
    const pkg = ['--package', 'https://mirror.invalid/cchc.tgz'];
    expect((await runCli(['init', '.', '--year', '2025', ...pkg], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('của tôi\n');
    const again = await runCli(['init', '.', '--year', '2025', ...pkg], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('plans/2025');
  });

  it('refuses a year that is not a year', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    expect((await runCli(['init', '.', '--year', 'hai nghìn'], { cwd: dir })).code).toBe(2);
  });
});
