/** Issue 11, item 4: qualitative indicators and free-text deadlines in status, text, JSON and the export's progress sheet. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import { checkFolder, copyPlan, fixturePlan, runCli, where } from '../helpers.js';
import { computeStatus, type StatusReport } from '../../src/report/status.js';
import { statusAsText } from '../../src/render/status-text.js';
import { statusAsJson } from '../../src/render/status-json.js';

const copies: Array<() => void> = [];
afterAll(() => copies.forEach((c) => c()));

function mini(edit: (dir: string) => void): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'));
  copies.push(cleanup);
  edit(dir);
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const t = readFileSync(file, 'utf8');
  expect(t).toContain(from);
  writeFileSync(file, t.replace(from, to));
}

describe('qualitative indicators', () => {
  const dir = mini((d) =>
    replaceIn(
      path.join(d, 'progress', '2023-q4.yaml'),
      'indicators:\n',
      'indicators:\n  - indicator: "3.1"\n    assessment: khong-dat\n    source: Biên bản kiểm tra\n',
    ),
  );

  it('validates an assessment on a qualitative indicator', () => {
    expect(where(checkFolder(dir).diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  it('shows đạt / không đạt / chưa đánh giá by date, in the report, text and JSON', () => {
    const { plan } = checkFolder(dir);
    const before = computeStatus(plan!, { asOf: '2023-07-01', today: '2023-07-01' });
    const after = computeStatus(plan!, { asOf: '2023-12-31', today: '2023-12-31' });
    expect(before.qualitative).toEqual([{ id: '3.1', area: 3, text: expect.any(String), assessment: null }]);
    expect(after.qualitative).toEqual([{ id: '3.1', area: 3, text: expect.any(String), assessment: 'khong-dat', source: 'Biên bản kiểm tra' }]);
    const text = statusAsText(after, { lang: 'vi', chalk: new Chalk({ level: 0 }), width: 100 });
    expect(text).toMatch(/Chỉ tiêu định tính: 0 đạt · 1 không đạt · 0 chưa đánh giá\n.*3\.1\s+không đạt/);
    expect(statusAsText(before, { lang: 'vi', chalk: new Chalk({ level: 0 }), width: 100 })).toMatch(/3\.1\s+chưa đánh giá/);
    expect((statusAsJson(after) as Pick<StatusReport, 'qualitative'>).qualitative[0]?.assessment).toBe('khong-dat');
  });
});

describe('free-text deadlines', () => {
  it('resolve when they name a date, and status uses it', () => {
    const dir = mini((d) => replaceIn(path.join(d, 'tasks.yaml'), 'deadline: Cả năm', 'deadline: Trước ngày 15/10/2023'));
    const { plan } = checkFolder(dir);
    const r = computeStatus(plan!, { asOf: '2023-11-01', today: '2023-11-01' });
    const t = r.tasks.find((x) => x.deadline.startsWith('Trước'))!;
    expect(t.due).toBe('2023-10-15');
    expect(t.openEnded).toBe(false);
    expect(r.unresolvedDeadlines).toEqual([]);
  });

  it('that name no date get a located warning naming the task and suggesting due:', async () => {
    const dir = mini((d) => replaceIn(path.join(d, 'tasks.yaml'), 'deadline: Cả năm', 'deadline: Khi có hướng dẫn của tỉnh'));
    const r = await runCli(['status', dir, '--as-of', '2023-06-30']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/tasks\.yaml:42:15: cảnh báo task\/deadline-unresolved: Nhiệm vụ 5: thời hạn "Khi có hướng dẫn của tỉnh"/);
    expect(r.stderr).toContain('due:');
    // With due: the warning goes.
    replaceIn(path.join(dir, 'tasks.yaml'), 'deadline: Khi có hướng dẫn của tỉnh', 'deadline: Khi có hướng dẫn của tỉnh\n    due: 2023-09-30');
    expect((await runCli(['status', dir, '--as-of', '2023-06-30'])).stderr).not.toContain('deadline-unresolved');
  });

  it('keep their place when the result is cached, and move with the line when tasks.yaml changes', async () => {
    const dir = mini((d) => replaceIn(path.join(d, 'tasks.yaml'), 'deadline: Cả năm', 'deadline: Khi có hướng dẫn của tỉnh'));
    const cache = mkdtempSync(path.join(tmpdir(), 'cchc-deadline-cache-'));
    const run = async () => (await runCli(['status', dir, '--as-of', '2023-06-30'], { env: { CCHC_CACHE_DIR: cache } })).stderr;
    const cold = await run();
    expect(cold).toMatch(/tasks\.yaml:42:15: cảnh báo task\/deadline-unresolved/);
    expect(await run()).toBe(cold);
    // Two comment lines above the tasks: the warning moves down by two, cache or no cache.
    const tasks = path.join(dir, 'tasks.yaml');
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('\ntasks:', '\n# một\n# hai\ntasks:'));
    expect(await run()).toMatch(/tasks\.yaml:44:15: cảnh báo task\/deadline-unresolved/);
    rmSync(cache, { recursive: true, force: true });
  });
});
