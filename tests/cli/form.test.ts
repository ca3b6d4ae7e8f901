/** cchc form, spawned: which units get a form, and the usage errors. The workbooks themselves are read back in tests/real/forms.test.ts. */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fixturePlan, PLAN_2022, runCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));
function out(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'forms');
}

describe('cchc form', () => {
  it('takes --unit several times, by id or by name, before or after the plan', async () => {
    const dir = out();
    const r = await runCli([
      'form',
      '--unit',
      'kt',
      fixturePlan('status-ten'),
      '--unit',
      'Phòng Lao động - Thương binh và Xã hội',
      '--as-of',
      '2024-06-30',
      '--out',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['kt.xlsx', 'ld.xlsx']);
    expect(r.stdout).toContain('30/06/2024');
  });

  it('writes a form for every lead unit and the Văn phòng of the 2022 plan', async () => {
    const dir = out();
    expect((await runCli(['form', PLAN_2022, '--period', '2022-Q1', '--out', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'cac-phong-don-vi-truc-thuoc.xlsx',
      'cac-phong-don-vi.xlsx',
      'ke-hoach-tai-chinh.xlsx',
      'phong-nghiep-vu.xlsx',
      'thanh-tra.xlsx',
      'van-phong.xlsx',
    ]);
  });

  it('refuses an unknown unit, a period of another year, and a missing --out (exit 2)', async () => {
    const r = await runCli(['form', fixturePlan('status-ten'), '--unit', 'kx', '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('có phải "kt"?');
    expect((await runCli(['form', fixturePlan('status-ten'), '--period', '2022-Q1', '--out', out()])).code).toBe(2);
    expect((await runCli(['form', fixturePlan('status-ten')])).code).toBe(2);
  });
});
