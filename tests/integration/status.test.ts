/** computeStatus and its renderers in-process over the fixture plans, with answers worked out by hand. */
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { checkFolder, fixturePlan, PLAN_2022, type Json } from '../helpers.js';
import { computeStatus, type StatusOptions } from '../../src/report/status.js';
import { parsePeriod } from '../../src/model/period.js';
import { statusAsText, statusTextPieces } from '../../src/render/status-text.js';
import { moneyAsJson, statusAsJson } from '../../src/render/status-json.js';
import type { Plan } from '../../src/model/plan.js';
import type { StatusReport } from '../../src/report/status.js';

function load(dir: string): Plan {
  const { plan, diagnostics } = checkFolder(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan!;
}

const MINI = load(fixturePlan('mini'));
const TEN = load(fixturePlan('status-ten'));
const Y2022 = load(PLAN_2022);
const at = (asOf: string, extra: Partial<StatusOptions> = {}): StatusOptions => ({ asOf, today: '2000-01-01', ...extra });
const plain = new Chalk({ level: 0 });
const byNo = (r: ReturnType<typeof computeStatus>) => Object.fromEntries(r.tasks.map((t) => [t.no, t]));

describe('mini (2023: 3 areas, 5 tasks, 3 budget lines)', () => {
  it('before any record: nothing started, no example banner', () => {
    const r = computeStatus(MINI, at('2023-03-01'));
    expect(r.overall).toEqual({ planned: 5, finished: 0, percent: 0, averagePercent: 0, overdue: 0, finishedLate: 0 });
    expect(r.example).toBe(false);
    expect(r.sources).toEqual([]);
    expect(r.budget.spent).toBe(0n);
    expect(r.indicators.every((i) => i.achieved === null)).toBe(true);
  });

  it('on 30/06/2023: the 6-month record; task 4 finished late; task 1 due today, not overdue', () => {
    const r = computeStatus(MINI, at('2023-06-30'));
    expect(r.overall).toEqual({ planned: 5, finished: 1, percent: 20, averagePercent: 42, overdue: 0, finishedLate: 1 });
    const t = byNo(r);
    expect(t[1]).toMatchObject({ status: 'in-progress', percent: 60, due: '2023-06-30', overdue: false, recordAsOf: '2023-06-14' });
    expect(t[4]).toMatchObject({ status: 'done', percent: 100, completed: '2023-04-20', due: '2023-03-31', finishedLate: true, overdue: false });
    expect(t[4]!.evidence).toEqual({ document: 'Quyết định số 12/QĐ-UBND', date: '2023-04-20' });
    expect(r.example).toBe(true);
  });

  it('on 10/07/2023: task 1 is overdue; rollups by area and lead unit', () => {
    const r = computeStatus(MINI, at('2023-07-10'));
    expect(r.overall).toMatchObject({ finished: 1, overdue: 1, finishedLate: 1 });
    expect(r.areas.map((a) => [a.id, a.finished, a.planned, a.percent, a.averagePercent, a.overdue])).toEqual([
      [1, 0, 2, 0, 55, 1],
      [2, 1, 2, 50, 50, 0],
      [3, 0, 1, 0, 0, 0],
    ]);
    expect(r.units.map((u) => [u.id, u.finished, u.planned, u.overdue])).toEqual([
      ['noi-vu', 1, 3, 0],
      ['tu-phap', 0, 1, 1],
      ['tai-chinh', 0, 1, 0],
    ]);
    expect(r.indicators.map((i) => [i.id, i.actual, i.achieved])).toEqual([
      ['1.1', null, null],
      ['2.1a', 35.5, false],
      ['2.1b', 18, true],
    ]);
    expect(r.budget).toMatchObject({ planned: 16_500_000n, spent: 4_500_000n, remaining: 12_000_000n });
    expect(r.budget.percentUsed).toBe(27.27);
    expect(r.score).toEqual({ points: 0, max: 2, percent: 0, frame: 'default' });
  });

  it('at the year cut-off: 3/5 done, two of them late; "=" 100% reached', () => {
    const r = computeStatus(MINI, { today: '2023-12-20', period: parsePeriod('2023')! });
    expect(r.asOf).toBe('2023-12-14');
    expect(r.overall).toEqual({ planned: 5, finished: 3, percent: 60, averagePercent: 78, overdue: 0, finishedLate: 2 });
    expect(r.indicators.map((i) => [i.id, i.actual, i.achieved])).toEqual([
      ['1.1', 100, true],
      ['2.1a', 52, true],
      ['2.1b', 25, false],
    ]);
    expect(r.budget.lines.map((l) => [l.no, l.spent])).toEqual([
      [1, 13_500_000n],
      [2, 1_500_000n],
      [3, 0n],
    ]);
    expect(r.budget.spent).toBe(15_000_000n);
  });

  it('the default as-of is today clipped to the plan year', () => {
    expect(computeStatus(MINI, { today: '2030-05-05' }).asOf).toBe('2023-12-31');
    expect(computeStatus(MINI, { today: '2020-05-05' }).asOf).toBe('2023-01-01');
    expect(computeStatus(MINI, { today: '2023-08-08' }).asOf).toBe('2023-08-08');
  });
});

describe('status-ten (2024: 2 areas, 10 tasks, every deadline form)', () => {
  it('6-month period: known rollups', () => {
    const r = computeStatus(TEN, { today: '2024-07-01', period: parsePeriod('2024-6M')! });
    expect(r.asOf).toBe('2024-06-14');
    expect(r.example).toBe(false);
    expect(r.overall).toEqual({ planned: 10, finished: 2, percent: 20, averagePercent: 42, overdue: 1, finishedLate: 1 });
    expect(r.areas.map((a) => [a.id, a.finished, a.planned, a.averagePercent, a.overdue])).toEqual([
      [1, 2, 5, 62, 1],
      [2, 0, 5, 22, 0],
    ]);
    expect(r.units.map((u) => [u.id, u.finished, u.planned, u.overdue])).toEqual([
      ['vp', 2, 4, 0],
      ['kt', 1, 3, 1],
      ['ld', 0, 2, 0],
      ['xa', 0, 1, 0],
    ]);
    const t = byNo(r);
    expect(t[2]).toMatchObject({ percent: 100, finishedLate: false }); // done without a percent
    expect(t[6]).toMatchObject({ status: 'in-progress', percent: 0, due: '2024-08-31', openEnded: false });
    expect(t[5]).toMatchObject({ lead: 'Hội đồng tự đánh giá thị xã', leadIds: [], due: '2024-12-31', openEnded: true });
    expect(t[3]).toMatchObject({ overdue: true, note: 'Chờ ý kiến các phòng' });
    expect(r.indicators.map((i) => [i.id, i.achieved])).toEqual([
      ['1.1', false], // 50 is not "> 50"
      ['2.1a', true],
      ['2.1b', null],
    ]);
    expect(r.indicators[0]!.source).toBe('Hệ thống quản lý văn bản');
  });

  it('on 01/07/2024 the Quý II task is overdue too', () => {
    const r = computeStatus(TEN, at('2024-07-01'));
    expect(r.tasks.filter((t) => t.overdue).map((t) => t.no)).toEqual([3, 7]);
  });

  it('crosses the scoring bounds: 9/10 (90%) → 1 point, 10/10 → 2 points', () => {
    const dec14 = computeStatus(TEN, at('2024-12-14'));
    expect(dec14.overall).toMatchObject({ finished: 9, percent: 90, finishedLate: 2 });
    expect(dec14.score.points).toBe(1);
    expect(dec14.indicators.map((i) => i.achieved)).toEqual([true, false, true]); // 5 is not "< 5"
    expect(byNo(dec14)[9]).toMatchObject({ completed: '2024-09-30', due: '2024-09-30', finishedLate: false });
    const dec31 = computeStatus(TEN, at('2024-12-31'));
    expect(dec31.overall).toMatchObject({ finished: 10, percent: 100 });
    expect(dec31.score).toEqual({ points: 2, max: 2, percent: 100, frame: 'default' });
  });

  it('spending beyond a line is a warning, shown, not refused', () => {
    const { diagnostics } = checkFolder(fixturePlan('status-ten'));
    expect(diagnostics.map((d) => d.code)).toEqual(['progress/overspent']);
    const r = computeStatus(TEN, at('2024-12-31'));
    expect(r.budget).toMatchObject({ planned: 10_000_000n, spent: 10_500_000n, remaining: -500_000n, percentUsed: 105 });
    expect(r.budget.lines[1]).toMatchObject({ overspent: true, remaining: -500_000n });
    const text = statusAsText(r, { lang: 'vi', chalk: plain });
    expect(text).toContain('Kinh phí: đã chi 10.500.000 / 10.000.000 đồng (105,00%)');
    expect(text).toContain('  Dòng 2 (Văn phòng phẩm) chi vượt dự toán: 2.500.000 / 2.000.000 đồng');
  });
});

describe('the bundled 2022 plan', () => {
  it('has its shape, not hard-coded: 7 areas, 27 tasks, 20.000.000 đồng, illustrative data', () => {
    const r = computeStatus(Y2022, { today: '2022-07-01', period: parsePeriod('2022-Q1')! });
    expect(r.asOf).toBe('2022-03-14');
    expect(r.period).toMatchObject({ start: '2021-12-15', end: '2022-03-14' });
    expect(r.overall.planned).toBe(27);
    expect(r.areas.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.areas.reduce((s, a) => s + a.planned, 0)).toBe(27);
    expect(r.budget.planned).toBe(20_000_000n);
    expect(r.example).toBe(true);
    expect(r.sources.every((s) => s.asOf <= '2022-03-14')).toBe(true);
    expect(r.tasks.every((t) => t.recordAsOf === undefined || t.recordAsOf <= '2022-03-14')).toBe(true);
  });

  it('gets further with each reporting period', () => {
    const done = ['2022-Q1', '2022-6M', '2022-9M', '2022'].map((p) => computeStatus(Y2022, { today: '2022-01-01', period: parsePeriod(p)! }).overall.finished);
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1]!);
  });
});

describe('the terminal text', () => {
  const reports = [
    computeStatus(MINI, at('2023-07-10')),
    computeStatus(MINI, { today: '2023-12-20', period: parsePeriod('2023-Q4')! }),
    computeStatus(TEN, at('2024-07-01', { filter: { unit: 'ld', overdue: false } })),
    computeStatus(TEN, at('2024-12-31')),
    computeStatus(Y2022, { today: '2022-07-01' }),
    computeStatus(Y2022, { today: '2022-07-01', period: parsePeriod('2022-6M')!, filter: { overdue: true } }),
    computeStatus(Y2022, at('2022-04-01', { filter: { area: 3 } })),
  ];

  it.each([40, 60, 80, 100, 120])('fits %i columns in both languages', (width) => {
    for (const r of reports) {
      for (const lang of ['vi', 'en'] as const) {
        for (const line of statusAsText(r, { lang, chalk: plain, width }).split('\n')) {
          expect([...line].length, line).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('wraps task titles at word boundaries, never mid-word', () => {
    // With the percent column taken off the first line, a title reads on, word for word, across its lines.
    for (const [r, width] of [
      [computeStatus(Y2022, at('2022-06-30')), 80],
      [computeStatus(Y2022, at('2022-06-30')), 40],
      [computeStatus(TEN, at('2024-07-01')), 60],
    ] as const) {
      const text = statusAsText(r, { lang: 'vi', chalk: plain, width });
      const tokens = text
        .split('\n')
        .map((l) => l.replace(/\s+\d+(,\d+)?%$/, ''))
        .join(' ')
        .split(/\s+/);
      const flow = ` ${tokens.join(' ')} `;
      for (const t of r.tasks) expect(flow).toContain(` ${t.no}. ${t.title.split(/\s+/).join(' ')} `);
    }
  });

  it('has no escape codes without colour, and some with it', () => {
    for (const r of reports) expect(statusAsText(r, { lang: 'vi', chalk: plain })).not.toMatch(/\u001b/);
    const coloured = statusAsText(reports[0]!, { lang: 'vi', chalk: new Chalk({ level: 1 }) });
    expect(coloured).toMatch(/\u001b\[31m/); // overdue in red
    expect(coloured).toMatch(/\u001b\[32m/); // done in green
    // Colour changes nothing but the escapes.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(statusAsText(reports[0]!, { lang: 'vi', chalk: plain }));
  });

  it('states the key figures as official reports do', () => {
    const vi = statusAsText(reports[0]!, { lang: 'vi', chalk: plain });
    expect(vi).toContain('SỐ LIỆU MINH HỌA — không phải kết quả chính thức');
    expect(vi).toContain('Tiến độ đến ngày 10/07/2023');
    expect(vi).toContain('Hoàn thành 1/5 nhiệm vụ, đạt 20,00% kế hoạch');
    expect(vi).toContain('██████░░░░░░░░░░░░░░░░░░░░░░░░ 20,00%');
    expect(vi).toContain('Điểm tiêu chí mức độ thực hiện kế hoạch CCHC: 0/2');
    expect(vi).toContain('Kinh phí: đã chi 4.500.000 / 16.500.000 đồng (27,27%)');
    expect(vi).toContain('  ✗  2.1a  35,5% / ≥ 50%');
    expect(vi).toContain('  ✓  2.1b  18 phút / ≤ 20 phút');
    expect(vi).toContain('  –  1.1   – / = 100%');
    const en = statusAsText(reports[0]!, { lang: 'en', chalk: plain });
    expect(en).toContain('ILLUSTRATIVE DATA — not official results');
    expect(en).toContain('Finished 1/5 tasks, 20.00% of the plan');
    expect(en).toContain('Budget: spent 4,500,000 / 16,500,000 VND (27.27%)');
    expect(en).toContain('  ✗  2.1a  35.5% / ≥ 50%');
  });

  it('labels a period with its cut-offs and says when a filter is on', () => {
    const q4 = statusAsText(reports[1]!, { lang: 'vi', chalk: plain });
    expect(q4).toContain('Kỳ báo cáo: Quý IV/2023 (15/09/2023 – 14/12/2023)');
    expect(statusAsText(reports[1]!, { lang: 'en', chalk: plain })).toContain('Reporting period: Q4 2023 (15/09/2023 – 14/12/2023)');
    const filtered = statusAsText(reports[2]!, { lang: 'vi', chalk: plain });
    expect(filtered).toContain('Bộ lọc: đơn vị chủ trì "Phòng Lao động - Thương binh và Xã hội"');
    expect(filtered).toContain('Kinh phí (toàn kế hoạch):');
    expect(filtered).toContain('Chỉ tiêu (toàn kế hoạch):');
    // Official figures (no example record) carry no banner.
    expect(reports[3]!.example).toBe(false);
    expect(statusAsText(reports[3]!, { lang: 'vi', chalk: plain })).not.toContain('MINH HỌA');
  });

  it('lists overdue tasks by due date with their lead unit', () => {
    const r = computeStatus(TEN, at('2024-07-01'));
    const text = statusAsText(r, { lang: 'vi', chalk: plain });
    const section = text.slice(text.indexOf('Nhiệm vụ quá hạn (2)'));
    expect(section.indexOf('15/05/2024  3. Rà soát')).toBeGreaterThan(0);
    expect(section.indexOf('30/06/2024  7. Triển khai')).toBeGreaterThan(section.indexOf('15/05/2024'));
    expect(section).toMatch(/15\/05\/2024 {2}3\. Rà soát quy trình nội bộ giải quyết thủ +Phòng Kinh tế/);
    expect(statusAsText(computeStatus(TEN, at('2024-02-01')), { lang: 'vi', chalk: plain })).toContain('\nKhông có nhiệm vụ quá hạn.\n');
  });

  it('says so when a filter leaves no task', () => {
    const r = computeStatus(TEN, at('2024-02-01', { filter: { overdue: true } }));
    expect(statusAsText(r, { lang: 'vi', chalk: plain })).toContain('Không có nhiệm vụ nào khớp bộ lọc.');
    expect(statusAsText(r, { lang: 'en', chalk: plain })).toContain('No task matches the filter.');
  });
});

describe('the JSON shape', () => {
  it('is the report with money as whole-đồng numbers', () => {
    const r = computeStatus(MINI, at('2023-07-10'));
    const j = statusAsJson(r) as Json<StatusReport>;
    // The same as writing the report with money as moneyAsJson and reading it back.
    expect(JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? moneyAsJson(v) : v)))).toEqual(j);
    expect(Object.keys(j)).toEqual([
      'asOf',
      'example',
      'plan',
      'overall',
      'areas',
      'units',
      'tasks',
      'indicators',
      'qualitative',
      'unresolvedDeadlines',
      'budget',
      'score',
      'sources',
    ]);
    expect(j.budget).toMatchObject({ planned: 16500000, spent: 4500000, remaining: 12000000 });
    expect(j.budget.lines[0]).toEqual({
      no: 1,
      content: 'Tập huấn nghiệp vụ',
      planned: 13500000,
      spent: 4500000,
      remaining: 9000000,
      percentUsed: 33.33,
      overspent: false,
    });
    expect(j.tasks[0]).toEqual({
      no: 1,
      id: 'a1',
      area: 1,
      title: 'Rà soát, đơn giản hóa thủ tục hành chính',
      lead: 'Phòng Tư pháp',
      leadIds: ['tu-phap'],
      status: 'in-progress',
      percent: 60,
      deadline: 'Quý II/2023',
      due: '2023-06-30',
      openEnded: false,
      overdue: true,
      finishedLate: false,
      recordAsOf: '2023-06-14',
    });
    expect(j.indicators[1]).toEqual({
      id: '2.1a',
      indicator: '2.1',
      area: 2,
      text: 'Tối thiểu 50% hồ sơ được xử lý trực tuyến; thời gian chờ tối đa 20 phút.',
      target: { comparator: '>=', value: 50, unit: '%', of: 'hồ sơ' },
      actual: 35.5,
      achieved: false,
    });
    expect(j.score).toEqual({ points: 0, max: 2, percent: 0, frame: 'default' });
  });

  it('writes a sum beyond 2^53 as a decimal string rather than rounding it', async () => {
    const { moneyAsJson } = await import('../../src/render/status-json.js');
    expect(moneyAsJson(9_007_199_254_740_991n)).toBe(9007199254740991);
    expect(moneyAsJson(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(moneyAsJson(-500_000n)).toBe(-500000);
  });

  it('carries the period and the filter when they are used', () => {
    const j = statusAsJson(computeStatus(TEN, { today: '2024-07-01', period: parsePeriod('2024-Q2')!, filter: { area: 1, unit: 'kt' } })) as Json<StatusReport>;
    expect(j.period).toEqual({ id: '2024-Q2', kind: 'quarter', year: 2024, quarter: 2, start: '2024-03-15', end: '2024-06-14' });
    expect(j.filter).toEqual({ unit: { id: 'kt', name: 'Phòng Kinh tế' }, area: 1 });
    expect(j.tasks.map((t) => t.no)).toEqual([2, 3]);
  });
});

describe('the text report written in pieces', () => {
  it('comes in pieces of whole lines that together are the report, the first not the whole', () => {
    const opts = { lang: 'vi' as const, chalk: plain, width: 80 };
    const r = computeStatus(Y2022, at('2022-12-31'));
    const pieces = [...statusTextPieces(r, opts)];
    const text = statusAsText(r, opts);
    expect(pieces.join('')).toBe(text);
    // The 2022 plan's report is longer than a piece: it comes in several.
    expect(text.length).toBeGreaterThan(8_192);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    // Each piece but the last holds at least a piece's worth of characters, in whole lines.
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(8_192);
  });
});
