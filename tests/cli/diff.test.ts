/** `cchc diff`, run in-process: output, formats, exit codes and the errors of bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, git, runCli, tempDir } from '../helpers.js';

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const s = readFileSync(file, 'utf8');
  const t = s.replace(from, to);
  if (s === t) throw new Error(`nothing replaced in ${file}`);
  writeFileSync(file, t);
}

let repo: { dir: string; cleanup: () => void };
let plan: string;

beforeAll(async () => {
  repo = tempDir();
  git(repo.dir, 'init', '-q');
  writeFileSync(path.join(repo.dir, 'README.md'), 'Kế hoạch CCHC\n');
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'start');
  git(repo.dir, 'tag', 'start');
  plan = path.join(repo.dir, 'plans', '2022');
  mkdirSync(path.dirname(plan), { recursive: true });
  cpSync(PLAN_2022, plan, { recursive: true });
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'v1');
  git(repo.dir, 'tag', 'v1');
  // Working tree: a moved deadline, an amount, draft → issued.
  replaceIn(path.join(plan, 'tasks.yaml'), /deadline: Quý I\/2022/, 'deadline: Quý II/2022');
  replaceIn(path.join(plan, 'budget.yaml'), 'rate: 2000000\n    amount: 2000000', 'rate: 2900000\n    amount: 2900000');
  replaceIn(path.join(plan, 'budget.yaml'), /amount: 2000000\n(\s+)percentOf/, 'amount: 2100000\n$1percentOf');
  replaceIn(path.join(plan, 'budget.yaml'), 'total: 20000000', 'total: 21000000');
  replaceIn(path.join(plan, 'budget.yaml'), 'totalInWords: Hai mươi triệu đồng', 'totalInWords: Hai mươi mốt triệu đồng');
  replaceIn(path.join(plan, 'plan.yaml'), 'number: null', 'number: "45"');
  replaceIn(path.join(plan, 'plan.yaml'), 'date: null', 'date: 2022-01-15');
  replaceIn(path.join(plan, 'plan.yaml'), 'status: draft', 'status: issued');
});

afterAll(() => repo.cleanup());

describe('cchc diff REV', () => {
  it('prints the changes grouped, in Vietnamese, within 80 columns, and exits 0', async () => {
    const r = await runCli(['diff', 'v1'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^So sánh kế hoạch plans\/2022\n {2}trước: v1 \([0-9a-f]{7}\)\n {2}sau: cây làm việc \(plans\/2022\)\n/);
    expect(r.stdout).toContain('Trạng thái: dự thảo → đã ban hành');
    expect(r.stdout).toContain('Thời gian hoàn thành: Quý I/2022 → Quý II/2022');
    expect(r.stdout).toContain('Tổng cộng: 20.000.000 → 21.000.000 (+1.000.000)');
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('--exit-code: 1 with differences, 0 without', async () => {
    expect((await runCli(['diff', 'v1', '--exit-code'], { cwd: repo.dir })).code).toBe(1);
    const same = await runCli(['diff', 'v1', 'v1', '--exit-code'], { cwd: repo.dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Không có khác biệt.');
  });

  it('--format markdown: a comment for a pull request', async () => {
    const r = await runCli(['diff', 'v1', '--format', 'markdown'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## So sánh kế hoạch plans\/2022\n/);
    expect(r.stdout).toContain('| STT | Nội dung chi | Trước | Sau | Chênh lệch | Thay đổi |');
    expect(r.stdout).toContain('| Trạng thái | dự thảo | đã ban hành |');
  });

  it('--format json: the documented fields', async () => {
    const r = await runCli(['diff', 'v1', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ format: 1, command: 'diff', changed: true, a: { source: 'git', revision: 'v1', path: 'plans/2022' }, b: { source: 'worktree' } });
    expect(j.budget.total).toEqual({ before: 20_000_000, after: 21_000_000, delta: 1_000_000 });
    expect(j.tasks.changed[0]).toMatchObject({ after: { no: 2, id: 't02' }, changes: [{ field: 'deadline', before: 'Quý I/2022', after: 'Quý II/2022' }] });
  });

  it('--lang en', async () => {
    const r = await runCli(['diff', 'v1', '--lang', 'en'], { cwd: repo.dir });
    expect(r.stdout).toContain('Status: draft → issued');
    expect(r.stdout).toContain('Total: 20,000,000 → 21,000,000 (+1,000,000)');
  });
});

describe('cchc diff: bad input exits 2 with a clear message', () => {
  it('an unknown revision', async () => {
    const r = await runCli(['diff', 'nope'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc: không có phiên bản git "nope"\n {2}xem các phiên bản: git log --oneline\n/);
    const en = await runCli(['diff', 'nope', '--lang', 'en'], { cwd: repo.dir });
    expect(en.stderr).toMatch(/^cchc: unknown git revision "nope"\n {2}list revisions with: git log --oneline\n/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(r.stdout).toBe('');
  });

  it('a revision where the plan did not exist yet', async () => {
    const r = await runCli(['diff', 'start'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ở phiên bản start \([0-9a-f]{7}\) chưa có thư mục plans\/2022\n/);
  });

  it('a folder outside any git repository', async () => {
    const t = tempDir();
    try {
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      const r = await runCli(['diff', 'HEAD'], { cwd: t.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/plans\/2022 không nằm trong kho git nào/);
      // Two folders need no git.
      cpSync(PLAN_2022, path.join(t.dir, 'copy', '2022'), { recursive: true });
      const folders = await runCli(['diff', 'plans/2022', 'copy/2022', '--exit-code'], { cwd: t.dir });
      expect(folders.code).toBe(0);
      expect(folders.stdout).toContain('Không có khác biệt.');
    } finally {
      t.cleanup();
    }
  });

  it('git not installed', async () => {
    const t = tempDir();
    try {
      const r = await runCli(['diff', 'v1'], { cwd: repo.dir, env: { PATH: t.dir, CCHC_LANG: 'en' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/git is not installed/);
    } finally {
      t.cleanup();
    }
  });

  it('issue 16.2: an older revision with errors still shows the diff, then its findings; the clean newer side exits 0', async () => {
    const t = tempDir();
    try {
      git(t.dir, 'init', '-q');
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      replaceIn(path.join(t.dir, 'plans', '2022', 'budget.yaml'), 'total: 20000000', 'total: 20000001');
      git(t.dir, 'add', '-A');
      git(t.dir, 'commit', '-q', '-m', 'broken');
      replaceIn(path.join(t.dir, 'plans', '2022', 'budget.yaml'), 'total: 20000001', 'total: 20000000');
      const r = await runCli(['diff', 'HEAD'], { cwd: t.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/20\.000\.001/);
      expect(r.stderr).toMatch(/^HEAD:plans\/2022\/budget\.yaml:\d+:\d+: lỗi budget\/total-mismatch/m);
    } finally {
      t.cleanup();
    }
  });

  it('issue 16.2: a revision that breaks the budget prints what changed, then the errors, and exits 1', async () => {
    const t = tempDir();
    try {
      git(t.dir, 'init', '-q');
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      git(t.dir, 'add', '-A');
      git(t.dir, 'commit', '-q', '-m', 'clean');
      replaceIn(path.join(t.dir, 'plans', '2022', 'budget.yaml'), 'total: 20000000', 'total: 20000001');
      git(t.dir, 'commit', '-q', '-am', 'broken');
      const r = await runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: t.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/20\.000\.000/);
      expect(r.stdout).toMatch(/20\.000\.001/);
      expect(r.stderr).toMatch(/^HEAD:plans\/2022\/budget\.yaml:\d+:\d+: lỗi budget\/total-mismatch/m);
    } finally {
      t.cleanup();
    }
  });

  it('issue 16.2: only a side that cannot be read stops the diff, and the message names it', async () => {
    const t = tempDir();
    try {
      git(t.dir, 'init', '-q');
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      git(t.dir, 'add', '-A');
      git(t.dir, 'commit', '-q', '-m', 'clean');
      writeFileSync(path.join(t.dir, 'plans', '2022', 'tasks.yaml'), 'apiVersion: cchc/v1\nkind: Tasks\ntasks: [\n');
      const r = await runCli(['diff', 'HEAD'], { cwd: t.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/không đọc được bản mới \(plans\/2022\)/);
    } finally {
      t.cleanup();
    }
  });
});
