/** cchc status, run in-process on the current source: whole outputs, exit codes, colour, flags. */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync, cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runCli, fixturePlan, copyPlan, tempDir, type CliResult, type Json } from '../helpers.js';
import type { StatusReport } from '../../src/report/status.js';

const MINI = fixturePlan('mini');
const TEN = fixturePlan('status-ten');
const ESC = '\u001b';

/** `cchc status --json`: the report, money as JSON numbers. */
type StatusJson = Json<StatusReport>;

/** The whole of a run, as a reviewer reads it. */
function transcript(r: CliResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

describe('whole output on the mini fixture (NO_COLOR=1)', () => {
  it('as of 10/07/2023', async () => {
    const r = await runCli(['status', MINI, '--as-of', '2023-07-10'], { env: { CCHC_TODAY: '2023-07-10' } });
    await expect(transcript(r)).toMatchFileSnapshot('__snapshots__/status-mini-2023-07-10.txt');
  });

  it('by default: today (2024-03-01) clipped to the plan year, 31/12/2023', async () => {
    const r = await runCli(['status', 'tests/fixtures/plans/mini'], { env: { CCHC_TODAY: '2024-03-01' } });
    await expect(transcript(r)).toMatchFileSnapshot('__snapshots__/status-mini-default.txt');
  });

  it('in English, for a reporting period', async () => {
    const r = await runCli(['status', MINI, '--period', '2023-6M', '--lang', 'en']);
    await expect(transcript(r)).toMatchFileSnapshot('__snapshots__/status-mini-6m-en.txt');
  });

  it('the two dates differ where the records do', async () => {
    const a = (await runCli(['status', MINI, '--as-of', '2023-07-10'])).stdout;
    const b = (await runCli(['status', MINI, '--as-of', '2023-12-31'])).stdout;
    expect(a).toContain('Hoàn thành 1/5 nhiệm vụ, đạt 20,00% kế hoạch');
    expect(b).toContain('Hoàn thành 3/5 nhiệm vụ, đạt 60,00% kế hoạch');
  });
});

describe('colour', () => {
  it('none with NO_COLOR, none with --no-color, none when stdout is not a terminal', async () => {
    const noColor = await runCli(['status', MINI, '--as-of', '2023-07-10']);
    expect(noColor.code).toBe(0);
    expect(noColor.stdout + noColor.stderr).not.toContain(ESC);
    const flag = await runCli(['status', MINI, '--as-of', '2023-07-10', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain(ESC);
    const pipe = await runCli(['status', MINI, '--as-of', '2023-07-10'], { env: { NO_COLOR: undefined } });
    expect(pipe.stdout).not.toContain(ESC);
    const empty = await runCli(['status', MINI, '--as-of', '2023-07-10'], { env: { NO_COLOR: '' } });
    expect(empty.stdout).not.toContain(ESC); // still a pipe
  });

  it('FORCE_COLOR=1 forces it, and the text underneath is the same', async () => {
    const forced = await runCli(['status', MINI, '--as-of', '2023-07-10'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}[31m`);
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe((await runCli(['status', MINI, '--as-of', '2023-07-10'])).stdout);
    const both = await runCli(['status', MINI, '--as-of', '2023-07-10'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toContain(ESC);
  });

  it('--json never carries escapes', async () => {
    const r = await runCli(['status', MINI, '--json'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('--json', () => {
  it('prints the whole report with the documented fields', async () => {
    const r = await runCli(['status', MINI, '--period', '2023', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as StatusJson;
    expect(j).toMatchObject({
      asOf: '2023-12-14',
      period: { id: '2023', kind: 'year', year: 2023, start: '2022-12-15', end: '2023-12-14' },
      example: true,
      plan: {
        agency: 'Ủy ban nhân dân huyện Tây Sơn',
        year: 2023,
        number: '45',
        symbol: 'KH-UBND',
        date: '2023-01-10',
        status: 'issued',
        dir: 'tests/fixtures/plans/mini',
      },
      overall: { planned: 5, finished: 3, percent: 60, averagePercent: 78, overdue: 0, finishedLate: 2 },
      budget: { planned: 16500000, spent: 15000000, remaining: 1500000 },
      score: { points: 0, max: 2, percent: 0, frame: 'default' },
    });
    expect(j.areas.map((a) => [a.id, a.title, a.planned, a.finished, a.percent])).toEqual([
      [1, 'Cải cách thủ tục hành chính', 2, 1, 50],
      [2, 'Chuyển đổi số', 2, 2, 100],
      [3, 'Tài chính công', 1, 0, 0],
    ]);
    expect(j.tasks.map((t) => [t.no, t.status, t.percent, t.deadline, t.overdue])).toEqual([
      [1, 'done', 100, 'Quý II/2023', false],
      [2, 'in-progress', 90, 'Thường xuyên', false],
      [3, 'done', 100, '30/09/2023', false],
      [4, 'done', 100, 'Quý I/2023', false],
      [5, 'not-started', 0, 'Cả năm', false],
    ]);
    expect(j.indicators.map((i) => [i.id, i.target.comparator, i.target.value, i.actual, i.achieved])).toEqual([
      ['1.1', '=', 100, 100, true],
      ['2.1a', '>=', 50, 52, true],
      ['2.1b', '<=', 20, 25, false],
    ]);
    expect(j.sources).toEqual([
      { file: 'tests/fixtures/plans/mini/progress/2023-q2.yaml', asOf: '2023-06-14', example: true },
      { file: 'tests/fixtures/plans/mini/progress/2023-q4.yaml', asOf: '2023-12-14', example: true },
    ]);
  });

  it('is the same in both languages', async () => {
    expect((await runCli(['status', MINI, '--json', '--lang', 'en', '--as-of', '2023-07-10'])).stdout).toBe(
      (await runCli(['status', MINI, '--json', '--as-of', '2023-07-10'])).stdout,
    );
  });
});

describe('filters', () => {
  it('--unit by name, any case, NFC or not', async () => {
    const r = await runCli(['status', MINI, '--as-of', '2023-07-10', '--unit', 'PHÒNG NỘI VỤ'.normalize('NFD')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bộ lọc: đơn vị chủ trì "Phòng Nội vụ"');
    expect(r.stdout).toContain('Hoàn thành 1/3 nhiệm vụ, đạt 33,33% kế hoạch');
    expect(r.stdout).not.toContain('Rà soát, đơn giản hóa thủ tục hành chính');
    const j = JSON.parse((await runCli(['status', MINI, '--as-of', '2023-07-10', '--unit', 'noi-vu', '--json'])).stdout) as StatusJson;
    expect(j.tasks.map((t) => t.no)).toEqual([2, 3, 4]);
    expect(j.units.map((u) => u.id)).toEqual(['noi-vu']);
    expect(j.filter).toEqual({ unit: { id: 'noi-vu', name: 'Phòng Nội vụ' } });
  });

  it('--area and --overdue', async () => {
    const area = JSON.parse((await runCli(['status', MINI, '--as-of', '2023-07-10', '--area', '2', '--json'])).stdout) as StatusJson;
    expect(area.tasks.map((t) => t.no)).toEqual([3, 4]);
    expect(area.indicators.map((i) => i.id)).toEqual(['2.1a', '2.1b']);
    expect(area.score.points).toBe(0);
    const overdue = await runCli(['status', MINI, '--as-of', '2023-07-10', '--overdue']);
    expect(overdue.code).toBe(0);
    expect(overdue.stdout).toContain('Bộ lọc: chỉ nhiệm vụ quá hạn');
    expect(overdue.stdout).toContain('✗ 1. Rà soát, đơn giản hóa thủ tục hành chính');
    expect(overdue.stdout).not.toContain('Công khai thủ tục hành chính');
    expect((await runCli(['status', MINI, '--as-of', '2023-07-10', '--overdue', '--lang', 'en'])).stdout).toContain('Filter: overdue tasks only');
  });
});

describe('usage errors exit 2 with a clear message', () => {
  it.each([
    [['--as-of', '2023-07-10', '--period', '2023-Q1'], '--as-of và --period không dùng cùng nhau'],
    [['--as-of', '2023-02-30'], '--as-of "2023-02-30" không phải ngày hợp lệ'],
    [['--as-of', '31/02/2023'], 'viết ngày theo dạng dd/mm/yyyy hoặc YYYY-MM-DD'],
    [['--period', '2023-Q5'], 'dùng 2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4 (quý), 2023-6M (6 tháng), 2023-9M (9 tháng) hoặc 2023 (cả năm)'],
    [['--period', '2022-Q1'], '--period 2022-Q1 không thuộc năm kế hoạch 2023'],
    [['--area', 'hai'], '--area cần số thứ tự của nội dung, có "hai"'],
    [['--area', '9'], 'kế hoạch không có nội dung 9\n  các nội dung: 1 (Cải cách thủ tục hành chính), 2 (Chuyển đổi số), 3 (Tài chính công)'],
    [
      ['--unit', 'noi vu'],
      'kế hoạch không có đơn vị "noi vu"\n  có phải "noi-vu"? các đơn vị (mã hoặc tên): noi-vu (Phòng Nội vụ), tu-phap (Phòng Tư pháp), tai-chinh (Phòng Tài chính - Kế hoạch), cac-phong (Các phòng, ban liên quan)',
    ],
  ])('%j', async (args, message) => {
    const r = await runCli(['status', MINI, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('in English with --lang en', async () => {
    const r = await runCli(['status', MINI, '--area', '7', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cchc: the plan has no area 7\n  areas: 1 (Cải cách thủ tục hành chính), 2 (Chuyển đổi số), 3 (Tài chính công)\n');
  });

  it('a missing plan folder', async () => {
    const r = await runCli(['status', 'no/such/plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không tìm thấy đường dẫn: no/such/plan');
  });
});

describe('the plan is checked first', () => {
  const broken = copyPlan(MINI);
  afterAll(() => broken.cleanup());

  it('errors stop status with exit 1 and the located messages validate prints', async () => {
    const file = path.join(broken.dir, 'tasks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: [tai-chinh]', 'lead: [tai-chinhh]'));
    const status = await runCli(['status', broken.dir, '--as-of', '2023-07-10'], { cwd: path.dirname(broken.dir) });
    const validate = await runCli(['validate', broken.dir], { cwd: path.dirname(broken.dir) });
    expect(status.code).toBe(1);
    expect(status.stdout).toBe('');
    expect(status.stderr).toContain('mini/tasks.yaml:39:12: lỗi task/unknown-unit');
    // The same findings, each with the same excerpt, as validate shows them.
    const findings = validate.stdout
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .filter(Boolean);
    expect(findings.some((f) => f.includes('task/unknown-unit'))).toBe(true);
    for (const f of findings) expect(status.stderr).toContain(f);
    // With JSON asked for, the findings come as JSON on stdout (docs/json.md).
    const json = await runCli(['status', broken.dir, '--json'], { cwd: path.dirname(broken.dir) });
    expect(json.code).toBe(1);
    const j = JSON.parse(json.stdout);
    expect(j).toMatchObject({ format: 1, command: 'status', ok: false, summary: { errors: 1 } });
    expect(j.diagnostics).toContainEqual(expect.objectContaining({ code: 'task/unknown-unit', file: 'mini/tasks.yaml', line: 39, column: 12 }));
  });

  it('warnings do not: the figures print and stderr points at validate', async () => {
    const r = await runCli(['status', TEN, '--as-of', '2024-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hoàn thành 10/10 nhiệm vụ, đạt 100,00% kế hoạch');
    expect(r.stdout).toContain('Điểm tiêu chí mức độ thực hiện kế hoạch CCHC: 2/2');
    expect(r.stderr).toBe('cchc: kiểm tra kế hoạch còn 1 cảnh báo không hiện ở đây; xem bằng "cchc validate tests/fixtures/plans/status-ten"\n');
  });

  it('finds the newest plan under ./plans when none is named', async () => {
    const t = tempDir();
    try {
      mkdirSync(path.join(t.dir, 'plans'));
      cpSync(MINI, path.join(t.dir, 'plans', '2023'), { recursive: true });
      const r = await runCli(['status', '--as-of', '2023-07-10'], { cwd: t.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe((await runCli(['status', MINI, '--as-of', '2023-07-10'])).stdout);
    } finally {
      t.cleanup();
    }
  });
});
