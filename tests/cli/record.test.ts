/** cchc record, spawned: writes in place, refuses what would break the plan, leaves files byte-identical. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { copyPlan, fixturePlan, PLAN_2022, runCli } from '../helpers.js';

const copies: Array<() => void> = [];
afterAll(() => copies.forEach((c) => c()));
function copy(src: string): string {
  const { dir, cleanup } = copyPlan(src);
  copies.push(cleanup);
  return dir;
}
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['tasks.yaml', ...readdirSync(path.join(dir, 'progress')).map((n) => `progress/${n}`)]) out[f] = readFileSync(path.join(dir, f), 'utf8');
  return out;
}

describe('cchc record', () => {
  it('marks a task done by its Vietnamese label, splits the evidence, prints before → after', async () => {
    const dir = copy(fixturePlan('status-ten'));
    const r = await runCli([
      'record',
      dir,
      '--task',
      '3',
      '--status',
      'HOAN THANH',
      '--completed',
      '10/06/2024',
      '--evidence',
      'Quyết định số 600/QĐ-UBND ngày 25/03/2024',
      '--as-of',
      '14/06/2024',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nhiệm vụ 3 · trạng thái:');
    expect(r.stdout).toContain('→ hoàn thành');
    expect(r.stdout).toContain('ngày hoàn thành: – → 10/06/2024');
    const t = readFileSync(path.join(dir, 'progress', '2024-6m.yaml'), 'utf8');
    expect(t).toMatch(
      / {2}- task: 3\n {4}status: done\n {4}percent: 100\n {4}completed: "2024-06-10"\n {4}evidence:\n {6}document: "Quyết định số 600\/QĐ-UBND"\n {6}date: "2024-03-25"\n/,
    );
    expect((await runCli(['validate', dir])).code).toBe(0);
  });

  it('starts the file of a new date with the same header as the others, and reads amounts the Vietnamese way', async () => {
    const dir = copy(PLAN_2022);
    const r = await runCli(['record', dir, '--line', '2', '--spent', '1.500.000', '--as-of', '2022-05-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(tệp mới)');
    expect(r.stdout).toContain('đã chi: 0 đồng → 1.500.000 đồng');
    const t = readFileSync(path.join(dir, 'progress', '2022-05-31.yaml'), 'utf8');
    const sibling = readFileSync(path.join(dir, 'progress', '2022-q1.yaml'), 'utf8');
    expect(t.split('\n')[0]).toBe(sibling.split('\n')[0]);
    expect(t).toBe(`${sibling.split('\n')[0]}\napiVersion: cchc/v1\nkind: Progress\nasOf: "2022-05-31"\nbudget:\n  - line: 2\n    spent: 1500000\n`);
    // a task by its id, carried from its latest earlier record (the Q1 report: in progress, 25%)
    expect((await runCli(['record', dir, '--task', 't12', '--note', 'Đã tiếp 40 lượt', '--as-of', '2022-05-31'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'progress', '2022-05-31.yaml'), 'utf8')).toContain(
      'tasks:\n  - task: 12\n    status: in-progress\n    percent: 25\n    note: "Đã tiếp 40 lượt"\nbudget:',
    );
  });

  it('refuses a change that would make the plan invalid: exit 1, the located finding, files byte-identical', async () => {
    const dir = copy(fixturePlan('status-ten'));
    const before = snapshot(dir);
    const r = await runCli(['record', dir, '--task', '4', '--status', 'done', '--completed', '2024-07-01', '--as-of', '2024-06-14']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/progress\/2024-6m\.yaml:\d+:\d+: lỗi progress\/completed-after-as-of/);
    expect(snapshot(dir)).toEqual(before);
    // a new file that would be invalid is not created either
    const r2 = await runCli(['record', dir, '--task', '4', '--status', 'done', '--as-of', '2024-07-15']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('progress/done-without-date');
    expect(existsSync(path.join(dir, 'progress', '2024-07-15.yaml'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an ambiguous amount with a hint (exit 2) and writes nothing', async () => {
    const dir = copy(fixturePlan('status-ten'));
    const before = snapshot(dir);
    const r = await runCli(['record', dir, '--line', '1', '--spent', '1.5', '--as-of', '2024-06-14', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ambiguous');
    expect(r.stderr).toContain('500.000');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--dry-run prints the change and writes nothing; recording the same value again changes nothing', async () => {
    const dir = copy(fixturePlan('status-ten'));
    const before = snapshot(dir);
    const r = await runCli(['record', dir, '--indicator', '2.1a', '--value', '75,5', '--as-of', '2024-06-14', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Chỉ tiêu 2\.1a · giá trị: .* → 75,5/);
    expect(snapshot(dir)).toEqual(before);
    expect((await runCli(['record', dir, '--indicator', '2.1a', '--value', '75,5', '--as-of', '2024-06-14'])).code).toBe(0);
    const once = snapshot(dir);
    const again = await runCli(['record', dir, '--indicator', '2.1a', '--value', '75.5', '--as-of', '2024-06-14']);
    // "75.5" is ambiguous the Vietnamese way; 75,5 is the same value and changes nothing
    expect(again.code).toBe(2);
    expect((await runCli(['record', dir, '--indicator', '2.1a', '--value', '75,5', '--as-of', '2024-06-14'])).stdout).toContain('không có gì thay đổi');
    expect(snapshot(dir)).toEqual(once);
  });

  it('records the assessment of a qualitative indicator and status shows it', async () => {
    const dir = copy(PLAN_2022);
    expect((await runCli(['record', dir, '--indicator', '4.1', '--value', '3', '--as-of', '2022-06-14'])).code).toBe(2);
    const r = await runCli(['record', dir, '--indicator', '4.1', '--assessment', 'không đạt', '--source', 'Báo cáo rà soát', '--as-of', '2022-06-14']);
    expect(r.code).toBe(0);
    const s = await runCli(['status', dir, '--period', '2022-6M']);
    expect(s.stdout).toMatch(/4\.1\s+không đạt/);
    expect(s.stdout).toMatch(/1\.1\s+chưa đánh giá/);
  });

  it('records as of today by default (CCHC_TODAY), in a file named after the date', async () => {
    const dir = copy(fixturePlan('status-ten'));
    const r = await runCli(['record', dir, '--task', '7', '--percent', '80'], { env: { CCHC_TODAY: '2024-05-20' } });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'progress', '2024-05-20.yaml'), 'utf8')).toContain(
      'asOf: "2024-05-20"\ntasks:\n  - task: 7\n    status: in-progress\n    percent: 80\n',
    );
  });

  it('needs exactly one of --task, --indicator, --line (exit 2)', async () => {
    expect((await runCli(['record', fixturePlan('status-ten'), '--status', 'done'])).code).toBe(2);
    expect((await runCli(['record', fixturePlan('status-ten'), '--task', '1', '--spent', '5'])).code).toBe(2);
  });
});
