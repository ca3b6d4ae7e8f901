/** `cchc new`, run in-process in a temporary working folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, checkFolder, fixturePlan, runCli, tempDir } from '../helpers.js';

describe('cchc new 2023 --from plans/2022', () => {
  let cwd: { dir: string; cleanup: () => void };
  let first: Awaited<ReturnType<typeof runCli>>;
  let target: string;

  beforeAll(async () => {
    cwd = tempDir();
    cpSync(PLAN_2022, path.join(cwd.dir, 'plans', '2022'), { recursive: true });
    first = await runCli(['new', '2023', '--from', 'plans/2022'], { cwd: cwd.dir });
    target = path.join(cwd.dir, 'plans', '2023');
  });

  afterAll(() => cwd.cleanup());

  it('creates plans/2023 with the plan files, without progress, and exits 0', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(target).sort()).toEqual(
      ['budget.yaml', 'indicators.yaml', 'plan.yaml', 'references.yaml', 'tasks.yaml', 'units.yaml'].filter(
        (f) => f !== 'references.yaml' || existsSync(path.join(PLAN_2022, f)),
      ),
    );
    // Nothing left behind by the atomic write.
    expect(readdirSync(path.join(cwd.dir, 'plans')).sort()).toEqual(['2022', '2023']);
  });

  it('validates clean (the whole rule set, in-process)', async () => {
    const { diagnostics, plan } = checkFolder(target);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.meta).toMatchObject({ year: 2023, status: 'draft', number: null, date: null, title: 'Kế hoạch cải cách hành chính năm 2023' });
    expect((await runCli(['validate', 'plans/2023'], { cwd: cwd.dir })).code).toBe(0);
  });

  it('puts the quarter deadlines in 2023 and keeps the budget total and words', async () => {
    const { plan } = checkFolder(target);
    const quarters = plan!.tasks.map((t) => t.deadline).filter((d) => d.startsWith('Quý'));
    expect(quarters.length).toBe(5);
    for (const q of quarters) expect(q).toMatch(/^Quý [IV]+\/2023$/);
    expect(plan!.budget.total).toBe(20_000_000);
    expect(plan!.budget.totalInWords).toBe('Hai mươi triệu đồng');
    expect(readFileSync(path.join(target, 'tasks.yaml'), 'utf8')).not.toContain('Quý I/2022');
  });

  it('prints what to review, each at its file:line in the new files, within 80 columns', async () => {
    expect(first.stdout).toMatch(/^Đã tạo plans\/2023 từ plans\/2022:/);
    expect(first.stdout).toMatch(/^ {2}plans\/2023\/tasks\.yaml:\d+ {2}Nhiệm vụ 2: Quý I\/2022 → Quý I\/2023$/m);
    expect(first.stdout).toMatch(/^ {2}plans\/2023\/tasks\.yaml:\d+ {2}Nhiệm vụ 8: Theo đăng ký năm 2022 và khi có yêu cầu$/m);
    expect(first.stdout).toContain('Căn cứ pháp lý cần cập nhật (3):');
    expect(first.stdout).toContain('Dự toán kinh phí cần lập lại cho năm 2023 (1):');
    expect(first.stdout).toMatch(/Văn bản còn nhắc đến năm 2022 \(\d+\):/);
    const tasks = readFileSync(path.join(target, 'tasks.yaml'), 'utf8').split('\n');
    const m = /plans\/2023\/tasks\.yaml:(\d+) {2}Nhiệm vụ 10, tên/.exec(first.stdout);
    expect(m).not.toBeNull();
    expect(tasks[Number(m![1]) - 1]).toContain('năm 2022');
    for (const line of first.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('refuses a second run and leaves the folder as it was (exit 2)', async () => {
    const before = readFileSync(path.join(target, 'plan.yaml'), 'utf8');
    const mtime = statSync(path.join(target, 'plan.yaml')).mtimeMs;
    const again = await runCli(['new', '2023', '--from', 'plans/2022'], { cwd: cwd.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/plans\/2023 đã có; cchc new không ghi đè/);
    expect(readFileSync(path.join(target, 'plan.yaml'), 'utf8')).toBe(before);
    expect(statSync(path.join(target, 'plan.yaml')).mtimeMs).toBe(mtime);
  });

  it('starts from the newest plan by default', async () => {
    const r = await runCli(['new', '2024', '--lang', 'en'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created plans\/2024 from plans\/2023:/);
    expect(r.stdout).toMatch(/Task 2: Quý I\/2023 → Quý I\/2024/);
    expect(checkFolder(path.join(cwd.dir, 'plans', '2024')).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('cchc new: refusals', () => {
  it('a year not after the source year (exit 2)', async () => {
    const t = tempDir();
    try {
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      for (const y of ['2022', '2021']) {
        const r = await runCli(['new', y], { cwd: t.dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`năm ${y} không sau năm của kế hoạch gốc plans/2022 \\(2022\\)`));
      }
      const bad = await runCli(['new', '23'], { cwd: t.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/năm phải là số có 4 chữ số, có "23"/);
      expect(readdirSync(path.join(t.dir, 'plans'))).toEqual(['2022']);
    } finally {
      t.cleanup();
    }
  });

  it('a source plan with errors (exit 1, nothing written)', async () => {
    const t = tempDir();
    try {
      const src = path.join(t.dir, 'plans', '2023');
      cpSync(fixturePlan('mini'), src, { recursive: true });
      const budget = path.join(src, 'budget.yaml');
      writeFileSync(budget, readFileSync(budget, 'utf8').replace('total: 16500000', 'total: 16500001'));
      const r = await runCli(['new', '2024'], { cwd: t.dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/plans\/2023\/budget\.yaml:\d+:\d+: lỗi budget\/total-mismatch/);
      expect(existsSync(path.join(t.dir, 'plans', '2024'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('works from another plan shape: a date deadline and a percentage of the other lines', async () => {
    const t = tempDir();
    try {
      const r = await runCli(['new', '2024', '--from', fixturePlan('mini')], { cwd: t.dir });
      expect(r.code).toBe(0);
      const { plan, diagnostics } = checkFolder(path.join(t.dir, 'plans', '2024'));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(plan!.tasks.map((x) => x.deadline)).toEqual(['Quý II/2024', 'Thường xuyên', '30/09/2024', 'Quý I/2024', 'Cả năm']);
      expect(plan!.meta).toMatchObject({ number: null, date: null, status: 'draft' });
      expect(readFileSync(path.join(t.dir, 'plans', '2024', 'budget.yaml'), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../schemas/budget.schema.json',
      );
    } finally {
      t.cleanup();
    }
  });
});
