import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import type { Plan, Task, ProgressRecord, Indicator, BudgetLine } from '../../src/model/plan.js';
import { computeStatus, defaultAsOf, resolveAsOf, findUnit, isAchieved, rollupTasks, type StatusOptions } from '../../src/report/status.js';
import { parsePeriod } from '../../src/model/period.js';

type TaskIn = Partial<Task> & Pick<Task, 'no' | 'area' | 'deadline'>;

/** A plan in memory: only what status reads. */
function makePlan(p: {
  year?: number;
  areas?: number[];
  units?: string[];
  tasks: TaskIn[];
  progress?: Array<Omit<ProgressRecord, 'apiVersion' | 'kind' | 'file'> & { file?: string }>;
  indicators?: Indicator[];
  lines?: Array<Pick<BudgetLine, 'no' | 'amount'> & Partial<BudgetLine>>;
}): Plan {
  const year = p.year ?? 2030;
  const areas = (p.areas ?? [1, 2]).map((id) => ({ id, title: `Nội dung số ${id}` }));
  const lines = (p.lines ?? [{ no: 1, amount: 1000 }]).map((l) => ({ content: `Dòng ${l.no}`, ...l }));
  return {
    dir: 'mem',
    meta: {
      apiVersion: 'cchc/v1',
      kind: 'Plan',
      year,
      agency: { name: 'Cơ quan thử' },
      status: 'draft',
      title: `Kế hoạch ${year}`,
      areas: areas as Plan['meta']['areas'],
    },
    units: (p.units ?? ['a', 'b', 'c']).map((id) => ({ id, name: `Phòng ${id.toUpperCase()}` })),
    tasks: p.tasks.map((t) => ({ title: `Nhiệm vụ ${t.no}`, lead: ['a'], ...t })),
    indicators: p.indicators ?? [],
    budget: {
      apiVersion: 'cchc/v1',
      kind: 'Budget',
      lines: lines as Plan['budget']['lines'],
      total: lines.reduce((s, l) => s + l.amount, 0),
      totalInWords: '-',
    },
    progress: (p.progress ?? []).map((r, i) => ({ apiVersion: 'cchc/v1', kind: 'Progress', file: r.file ?? `progress/${i}.yaml`, ...r })),
  };
}

const opts = (asOf: string, extra: Partial<StatusOptions> = {}): StatusOptions => ({ asOf, today: '2000-01-01', ...extra });

describe('the as-of date', () => {
  it.each([
    ['2022-06-30', '2022-06-30'],
    ['2021-12-31', '2022-01-01'],
    ['2019-05-05', '2022-01-01'],
    ['2023-01-01', '2022-12-31'],
    ['2022-01-01', '2022-01-01'],
    ['2022-12-31', '2022-12-31'],
  ])('today %s, plan 2022 → %s', (today, asOf) => {
    expect(defaultAsOf(2022, today)).toBe(asOf);
    expect(resolveAsOf(2022, { today })).toBe(asOf);
  });

  it('is the given date, or the period cut-off, which wins', () => {
    expect(resolveAsOf(2022, { today: '2022-05-05', asOf: '2023-02-01' })).toBe('2023-02-01');
    expect(resolveAsOf(2022, { today: '2022-05-05', period: parsePeriod('2022-9M')! })).toBe('2022-09-14');
    expect(resolveAsOf(2022, { today: '2022-05-05', asOf: '2022-01-01', period: parsePeriod('2022-Q1')! })).toBe('2022-03-14');
  });

  it('reports the period it used', () => {
    const r = computeStatus(makePlan({ year: 2022, tasks: [] }), { today: '2022-05-05', period: parsePeriod('2022-Q1')! });
    expect(r.asOf).toBe('2022-03-14');
    expect(r.period).toEqual({ id: '2022-Q1', kind: 'quarter', year: 2022, quarter: 1, start: '2021-12-15', end: '2022-03-14' });
    expect(computeStatus(makePlan({ year: 2022, tasks: [] }), { today: '2022-05-05' }).period).toBeUndefined();
  });
});

describe('task state as of a date', () => {
  const plan = makePlan({
    tasks: [
      { no: 1, area: 1, deadline: 'Quý I/2030' },
      { no: 2, area: 1, deadline: 'Thường xuyên' },
      { no: 3, area: 2, deadline: '15/05/2030' },
      { no: 4, area: 2, deadline: 'Khi có yêu cầu', due: '2030-02-01' },
    ],
    progress: [
      // Files are taken by date, not by their order in the folder.
      {
        asOf: '2030-06-14',
        tasks: [
          { task: 1, status: 'done', percent: 90, completed: '2030-04-02' },
          { task: 2, status: 'in-progress' },
          { task: 3, status: 'done', completed: '2030-05-15' },
        ],
      },
      {
        asOf: '2030-03-14',
        tasks: [
          { task: 1, status: 'in-progress', percent: 40, note: 'đang làm' },
          { task: 2, status: 'not-started', percent: 30 },
        ],
      },
      { asOf: '2030-12-14', tasks: [{ task: 4, status: 'done', completed: '2030-12-01', evidence: { document: 'QĐ 1' } }] },
    ],
  });

  it('without a record: not started, 0%', () => {
    const r = computeStatus(plan, opts('2030-01-10'));
    expect(r.tasks.map((t) => [t.status, t.percent, t.recordAsOf])).toEqual([
      ['not-started', 0, undefined],
      ['not-started', 0, undefined],
      ['not-started', 0, undefined],
      ['not-started', 0, undefined],
    ]);
    expect(r.sources).toEqual([]);
  });

  it('takes the latest record on or before the date', () => {
    const r = computeStatus(plan, opts('2030-03-14'));
    expect(r.tasks[0]).toMatchObject({ status: 'in-progress', percent: 40, note: 'đang làm', recordAsOf: '2030-03-14' });
    // A not-started record counts 0% whatever percent it gives.
    expect(r.tasks[1]).toMatchObject({ status: 'not-started', percent: 0 });
    expect(computeStatus(plan, opts('2030-03-13')).tasks[0]!.status).toBe('not-started');
  });

  it('counts a done task 100% and an in-progress task without percent 0%', () => {
    const r = computeStatus(plan, opts('2030-06-14'));
    expect(r.tasks[0]).toMatchObject({ status: 'done', percent: 100, completed: '2030-04-02' });
    expect(r.tasks[0]!.note).toBeUndefined(); // the later record has no note
    expect(r.tasks[1]).toMatchObject({ status: 'in-progress', percent: 0 });
    expect(r.overall.averagePercent).toBe((100 + 0 + 100 + 0) / 4);
    expect(r.sources.map((s) => s.asOf)).toEqual(['2030-03-14', '2030-06-14']);
  });

  it('resolves deadlines and marks open-ended ones', () => {
    const r = computeStatus(plan, opts('2030-06-14'));
    expect(r.tasks.map((t) => [t.deadline, t.due, t.openEnded])).toEqual([
      ['Quý I/2030', '2030-03-31', false],
      ['Thường xuyên', '2030-12-31', true],
      ['15/05/2030', '2030-05-15', false],
      // Free text with an explicit due date is dated, not open-ended.
      ['Khi có yêu cầu', '2030-02-01', false],
    ]);
  });

  it('is overdue after its due date unless done; done after it is finished late', () => {
    const at = (d: string) => computeStatus(plan, opts(d)).tasks.map((t) => `${t.no}:${t.overdue ? 'overdue' : ''}${t.finishedLate ? 'late' : ''}`);
    expect(at('2030-02-01')).toEqual(['1:', '2:', '3:', '4:']); // due today is not yet overdue
    expect(at('2030-02-02')).toEqual(['1:', '2:', '3:', '4:overdue']);
    expect(at('2030-04-01')).toEqual(['1:overdue', '2:', '3:', '4:overdue']);
    expect(at('2030-05-16')).toEqual(['1:overdue', '2:', '3:overdue', '4:overdue']);
    // completed 2030-04-02 after 31/03 is late; completed on the due date 15/05 is not.
    expect(at('2030-06-14')).toEqual(['1:late', '2:', '3:', '4:overdue']);
    expect(at('2030-12-31')).toEqual(['1:late', '2:', '3:', '4:late']);
    expect(at('2031-01-01')).toEqual(['1:late', '2:overdue', '3:', '4:late']);
    const r = computeStatus(plan, opts('2030-12-31'));
    expect(r.overall).toMatchObject({ finished: 3, overdue: 0, finishedLate: 2 });
    expect(r.tasks[3]!.evidence).toEqual({ document: 'QĐ 1' });
  });
});

describe('rollups', () => {
  const plan = makePlan({
    areas: [1, 2, 3],
    units: ['a', 'b', 'c', 'd'],
    tasks: [
      { no: 1, area: 1, deadline: 'Quý I/2030', lead: ['a'] },
      { no: 2, area: 1, deadline: 'Quý II/2030', lead: ['a', 'b'] },
      { no: 3, area: 1, deadline: 'Cả năm', lead: [], leadText: 'UBND các xã' },
      { no: 4, area: 3, deadline: 'Quý I/2030', lead: ['c', 'c'] },
    ],
    progress: [
      {
        asOf: '2030-06-30',
        tasks: [
          { task: 1, status: 'done', completed: '2030-03-01' },
          { task: 2, status: 'in-progress', percent: 25 },
          { task: 4, status: 'in-progress', percent: 50 },
        ],
      },
    ],
  });
  const r = computeStatus(plan, opts('2030-07-01'));

  it('overall: finished ÷ planned, not rounded; mean percent; overdue count', () => {
    expect(r.overall).toEqual({ planned: 4, finished: 1, percent: 25, averagePercent: (100 + 25 + 0 + 50) / 4, overdue: 2, finishedLate: 0 });
  });

  it('per area, in plan order, an area without tasks included', () => {
    expect(r.areas).toEqual([
      { id: 1, title: 'Nội dung số 1', planned: 3, finished: 1, percent: 33.33, averagePercent: 41.67, overdue: 1 },
      { id: 2, title: 'Nội dung số 2', planned: 0, finished: 0, percent: 0, averagePercent: 0, overdue: 0 },
      { id: 3, title: 'Nội dung số 3', planned: 1, finished: 0, percent: 0, averagePercent: 50, overdue: 1 },
    ]);
  });

  it('per lead unit: a shared task counts for each lead, a unit listed twice once, units that lead nothing left out', () => {
    expect(r.units).toEqual([
      { id: 'a', name: 'Phòng A', planned: 2, finished: 1, percent: 50, overdue: 1 },
      { id: 'b', name: 'Phòng B', planned: 1, finished: 0, percent: 0, overdue: 1 },
      { id: 'c', name: 'Phòng C', planned: 1, finished: 0, percent: 0, overdue: 1 },
    ]);
    expect(r.tasks[2]).toMatchObject({ lead: 'UBND các xã', leadIds: [] });
    expect(r.tasks[1]).toMatchObject({ lead: 'Phòng A, Phòng B', leadIds: ['a', 'b'] });
  });

  it('an empty task list rolls up to zeros', () => {
    expect(rollupTasks([])).toEqual({ planned: 0, finished: 0, percent: 0, averagePercent: 0, overdue: 0, finishedLate: 0 });
  });
});

describe('filters narrow the tasks and their rollups; budget and score stay whole-plan', () => {
  const plan = makePlan({
    areas: [1, 2],
    units: ['a', 'b'],
    tasks: [
      { no: 1, area: 1, deadline: 'Quý I/2030', lead: ['a'] },
      { no: 2, area: 1, deadline: 'Quý I/2030', lead: ['b'] },
      { no: 3, area: 2, deadline: 'Quý I/2030', lead: ['a', 'b'] },
      { no: 4, area: 2, deadline: 'Cả năm', lead: ['a'] },
    ],
    indicators: [
      { id: '1.1', area: 1, text: 'x', targets: [{ comparator: '>=', value: 50, unit: '%' }] },
      { id: '2.1', area: 2, text: 'y', targets: [{ comparator: '<=', value: 5, unit: 'ngày' }] },
    ],
    progress: [
      {
        asOf: '2030-05-01',
        tasks: [
          { task: 1, status: 'done', completed: '2030-03-01' },
          { task: 2, status: 'done', completed: '2030-03-02' },
          { task: 3, status: 'done', completed: '2030-04-01' },
        ],
        budget: [{ line: 1, spent: 400 }],
      },
    ],
  });
  const whole = computeStatus(plan, opts('2030-06-01'));

  it('no filter: no filter field', () => {
    expect(whole.filter).toBeUndefined();
    expect(whole.overall).toMatchObject({ planned: 4, finished: 3 });
    expect(whole.score).toEqual({ points: 1, max: 2, percent: 50, frame: 'default' });
  });

  it('--area', () => {
    const r = computeStatus(plan, opts('2030-06-01', { filter: { area: 2 } }));
    expect(r.filter).toEqual({ area: 2 });
    expect(r.tasks.map((t) => t.no)).toEqual([3, 4]);
    expect(r.areas.map((a) => a.id)).toEqual([2]);
    expect(r.units.map((u) => [u.id, u.planned])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(r.overall).toMatchObject({ planned: 2, finished: 1, percent: 50 });
    expect(r.indicators.map((i) => i.id)).toEqual(['2.1']);
    expect(r.score).toEqual(whole.score);
    expect(r.budget).toEqual(whole.budget);
  });

  it('--unit', () => {
    const r = computeStatus(plan, opts('2030-06-01', { filter: { unit: 'b' } }));
    expect(r.filter).toEqual({ unit: { id: 'b', name: 'Phòng B' } });
    expect(r.tasks.map((t) => t.no)).toEqual([2, 3]);
    expect(r.units.map((u) => u.id)).toEqual(['b']);
    expect(r.areas.map((a) => [a.id, a.planned])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(r.indicators).toHaveLength(2); // indicators have no unit
  });

  it('--overdue, and filters combined', () => {
    const r = computeStatus(plan, opts('2031-01-02', { filter: { overdue: true } }));
    expect(r.tasks.map((t) => t.no)).toEqual([4]);
    expect(r.overall).toMatchObject({ planned: 1, finished: 0, overdue: 1 });
    expect(r.areas.map((a) => a.id)).toEqual([2]);
    const none = computeStatus(plan, opts('2031-01-02', { filter: { overdue: true, unit: 'b' } }));
    expect(none.tasks).toEqual([]);
    expect(none.areas).toEqual([]);
    expect(none.units.map((u) => [u.id, u.planned])).toEqual([['b', 0]]);
    expect(none.overall.percent).toBe(0);
    expect(none.filter).toEqual({ unit: { id: 'b', name: 'Phòng B' }, overdue: true });
  });

  it('an explicit area with no matching task is still shown, empty', () => {
    const r = computeStatus(plan, opts('2030-06-01', { filter: { area: 1, overdue: true } }));
    expect(r.areas).toEqual([{ id: 1, title: 'Nội dung số 1', planned: 0, finished: 0, percent: 0, averagePercent: 0, overdue: 0 }]);
  });
});

describe('indicators', () => {
  it.each([
    ['>=', 50, 50, true],
    ['>=', 49.99, 50, false],
    ['>', 50, 50, false],
    ['>', 50.01, 50, true],
    ['<=', 30, 30, true],
    ['<=', 30.5, 30, false],
    ['<', 30, 30, false],
    ['<', 29, 30, true],
    ['=', 100, 100, true],
    ['=', 99.9, 100, false],
    ['=', 120, 100, true], // "=" (đạt) means reaching the level
  ] as const)('%s: actual %d against %d → %s', (cmp, actual, value, ok) => {
    expect(isAchieved(cmp, actual, value)).toBe(ok);
  });

  it('one line per measurable target, no data as null, the latest value and its source', () => {
    const plan = makePlan({
      tasks: [],
      indicators: [
        { id: '1', area: 1, text: 'Một mục tiêu', targets: [{ comparator: '=', value: 100, unit: '%', of: 'hồ sơ' }] },
        {
          id: '2',
          area: 2,
          text: 'Hai mục tiêu',
          targets: [
            { id: '2a', comparator: '>', value: 30, unit: '%' },
            { id: '2b', comparator: '<=', value: 20, unit: 'phút' },
          ],
        },
        { id: '3', area: 2, text: 'Định tính' },
      ],
      progress: [
        {
          asOf: '2030-03-01',
          indicators: [
            { indicator: '1', value: 90, source: 'BC quý I' },
            { indicator: '2b', value: 25 },
          ],
        },
        { asOf: '2030-06-01', indicators: [{ indicator: '1', value: 100 }] },
      ],
    });
    const r = computeStatus(plan, opts('2030-06-30'));
    expect(r.indicators).toEqual([
      { id: '1', indicator: '1', area: 1, text: 'Một mục tiêu', target: { comparator: '=', value: 100, unit: '%', of: 'hồ sơ' }, actual: 100, achieved: true },
      { id: '2a', indicator: '2', area: 2, text: 'Hai mục tiêu', target: { comparator: '>', value: 30, unit: '%' }, actual: null, achieved: null },
      { id: '2b', indicator: '2', area: 2, text: 'Hai mục tiêu', target: { comparator: '<=', value: 20, unit: 'phút' }, actual: 25, achieved: false },
    ]);
    expect(computeStatus(plan, opts('2030-03-01')).indicators[0]).toMatchObject({ actual: 90, achieved: false, source: 'BC quý I' });
  });
});

describe('budget', () => {
  it('spent per line from its latest record, in exact đồng', () => {
    const big = 9_000_000_000_000_000; // near the schema cap, beyond float-exact sums
    const plan = makePlan({
      tasks: [],
      lines: [
        { no: 1, amount: big },
        { no: 2, amount: 2_000_000 },
        { no: 3, amount: 1_000_000 },
      ],
      progress: [
        {
          asOf: '2030-03-01',
          budget: [
            { line: 1, spent: 1 },
            { line: 2, spent: 500_000 },
          ],
        },
        { asOf: '2030-06-01', budget: [{ line: 2, spent: 2_500_000 }] },
      ],
    });
    const r = computeStatus(plan, opts('2030-06-30'));
    expect(r.budget.planned).toBe(9_000_000_000_000_000n + 3_000_000n);
    expect(r.budget.spent).toBe(2_500_001n);
    expect(r.budget.remaining).toBe(r.budget.planned - 2_500_001n);
    expect(r.budget.lines.map((l) => [l.no, l.spent, l.remaining, l.overspent])).toEqual([
      [1, 1n, 8_999_999_999_999_999n, false],
      [2, 2_500_000n, -500_000n, true],
      [3, 0n, 1_000_000n, false],
    ]);
    expect(r.budget.lines[1]!.percentUsed).toBe(125);
  });
});

describe('the example flag and the plan header', () => {
  it('is set only when a record that contributed is illustrative', () => {
    const plan = makePlan({
      tasks: [{ no: 1, area: 1, deadline: 'Cả năm' }],
      progress: [{ asOf: '2030-03-01', example: true, tasks: [{ task: 1, status: 'in-progress', percent: 10 }] }],
    });
    expect(computeStatus(plan, opts('2030-02-01')).example).toBe(false);
    expect(computeStatus(plan, opts('2030-03-01')).example).toBe(true);
    expect(computeStatus(plan, opts('2030-03-01')).plan).toEqual({
      agency: 'Cơ quan thử',
      title: 'Kế hoạch 2030',
      year: 2030,
      number: null,
      symbol: null,
      date: null,
      status: 'draft',
      dir: 'mem',
    });
  });
});

describe('findUnit', () => {
  const units = [
    { id: 'van-phong', name: 'Văn phòng Sở' },
    { id: 'thanh-tra', name: 'Thanh tra Sở' },
  ];
  it.each([
    ['van-phong', 'van-phong'],
    ['VAN-PHONG', 'van-phong'],
    ['Văn phòng Sở', 'van-phong'],
    ['  văn   PHÒNG sở ', 'van-phong'],
    ['Văn phòng Sở'.normalize('NFD'), 'van-phong'],
    ['THANH TRA SỞ', 'thanh-tra'],
    ['Văn phòng', undefined],
    ['', undefined],
  ])('%j → %s', (q, id) => {
    expect(findUnit(units, q)?.id).toBe(id);
  });
});

describe('invariants on any plan', () => {
  const arbPlan = fc
    .record({
      areas: fc.integer({ min: 1, max: 6 }),
      units: fc.integer({ min: 1, max: 5 }),
      tasks: fc.array(
        fc.record({ area: fc.nat(), leads: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 3 }), q: fc.integer({ min: 1, max: 4 }), open: fc.boolean() }),
        { maxLength: 40 },
      ),
      records: fc.array(
        fc.record({
          month: fc.integer({ min: 1, max: 12 }),
          task: fc.nat(),
          state: fc.constantFrom('not-started', 'in-progress', 'done'),
          percent: fc.integer({ min: 0, max: 99 }),
          day: fc.integer({ min: 1, max: 28 }),
        }),
        { maxLength: 60 },
      ),
      asOfMonth: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ areas, units, tasks, records, asOfMonth }) => {
      const unitIds = Array.from({ length: units }, (_, i) => `u${i}`);
      const ts: TaskIn[] = tasks.map((t, i) => ({
        no: i + 1,
        area: (t.area % areas) + 1,
        lead: t.leads.filter((l) => l < units).map((l) => `u${l}`),
        leadText: 'x',
        deadline: t.open ? 'Thường xuyên' : `Quý ${['', 'I', 'II', 'III', 'IV'][t.q]}/2030`,
      }));
      const byMonth = new Map<number, ProgressRecord['tasks']>();
      for (const r of records) {
        if (ts.length === 0) break;
        const list = byMonth.get(r.month) ?? [];
        const no = (r.task % ts.length) + 1;
        if (list.some((x) => x.task === no)) continue;
        const mm = String(r.month).padStart(2, '0');
        list.push(
          r.state === 'done'
            ? { task: no, status: 'done', completed: `2030-${mm}-${String(r.day).padStart(2, '0')}` }
            : { task: no, status: r.state as 'in-progress', percent: r.state === 'in-progress' ? r.percent : 0 },
        );
        byMonth.set(r.month, list);
      }
      const progress = [...byMonth].map(([m, tasks]) => ({ asOf: `2030-${String(m).padStart(2, '0')}-28`, tasks }));
      return {
        plan: makePlan({ areas: Array.from({ length: areas }, (_, i) => i + 1), units: unitIds, tasks: ts, progress }),
        asOf: `2030-${String(asOfMonth).padStart(2, '0')}-15`,
      };
    });

  it('rollups add up, percentages stay in range, overdue and late exclude each other', () => {
    fc.assert(
      fc.property(arbPlan, ({ plan, asOf }) => {
        const r = computeStatus(plan, opts(asOf));
        expect(r.overall.planned).toBe(plan.tasks.length);
        expect(r.areas.reduce((s, a) => s + a.planned, 0)).toBe(r.overall.planned);
        expect(r.areas.reduce((s, a) => s + a.finished, 0)).toBe(r.overall.finished);
        expect(r.areas.reduce((s, a) => s + a.overdue, 0)).toBe(r.overall.overdue);
        expect(r.overall.percent).toBeGreaterThanOrEqual(0);
        expect(r.overall.percent).toBeLessThanOrEqual(100);
        expect(r.overall.averagePercent).toBeGreaterThanOrEqual(r.overall.percent - 1e-9);
        for (const t of r.tasks) {
          expect(t.overdue && t.finishedLate).toBe(false);
          if (t.status === 'done') expect(t.percent).toBe(100);
          if (t.overdue) expect(t.due < r.asOf).toBe(true);
        }
        for (const u of r.units) expect(u.planned).toBe(r.tasks.filter((t) => t.leadIds.includes(u.id)).length);
        const pts = r.score.points;
        expect(pts).toBe(r.overall.percent > 90 ? 2 : r.overall.percent >= 70 ? 1 : 0);
        // Filtering by each area partitions the tasks.
        const parts = plan.meta.areas.map((a) => computeStatus(plan, opts(asOf, { filter: { area: a.id } })).tasks.length);
        expect(parts.reduce((s, n) => s + n, 0)).toBe(r.tasks.length);
      }),
      { numRuns: 200 },
    );
  });
});
