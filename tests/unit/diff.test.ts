import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import type { Plan, Task } from '../../src/model/plan.js';
import {
  diffPlans,
  diffCounts,
  hasDifferences,
  isYearShift,
  listChange,
  matchTasks,
  normalizeText,
  renumberRanges,
  shiftIsoDate,
  tokenJaccard,
  wordHunks,
  SIMILARITY_THRESHOLD,
} from '../../src/report/diff.js';
import { checkFolder, PLAN_2022, fixturePlan } from '../helpers.js';

function loadPlan(dir: string): Plan {
  const { plan, diagnostics } = checkFolder(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan!;
}

const P2022 = loadPlan(PLAN_2022);
const MINI = loadPlan(fixturePlan('mini'));

/** A deep copy to edit. */
function copy(p: Plan): Plan {
  return structuredClone(p);
}

function task(no: number, title: string, extra: Partial<Task> = {}): Task {
  return { no, area: 1, title, lead: ['a'], deadline: 'Thường xuyên', ...extra };
}

describe('text similarity', () => {
  it('normalises case, spaces, NFC and end punctuation', () => {
    expect(normalizeText('  Báo cáo   kết quả.  ')).toBe('báo cáo kết quả');
    expect(normalizeText('Ba\u0301o ca\u0301o')).toBe('báo cáo');
  });

  it('is the Jaccard index of the word sets', () => {
    expect(tokenJaccard('a b c d', 'a b c d')).toBe(1);
    expect(tokenJaccard('a b c d', 'a b c e')).toBeCloseTo(3 / 5);
    expect(tokenJaccard('a b', 'c d')).toBe(0);
    expect(tokenJaccard('', '')).toBe(1);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = tokenJaccard(a, b);
        expect(x).toBe(tokenJaccard(b, a));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('word hunks', () => {
  it('finds one changed word with context', () => {
    const h = wordHunks('Truyền truyền, quán triệt nâng cao nhận thức', 'Tuyên truyền, quán triệt nâng cao nhận thức');
    expect(h).toEqual([{ before: 'Truyền', after: 'Tuyên', contextBefore: '', contextAfter: 'truyền, quán triệt …' }]);
  });

  it('marks context cut on both sides with an ellipsis', () => {
    const h = wordHunks('một hai ba bốn năm sáu bảy tám chín mười', 'một hai ba bốn NĂM sáu bảy tám chín mười');
    expect(h).toEqual([{ before: 'năm', after: 'NĂM', contextBefore: '… hai ba bốn', contextAfter: 'sáu bảy tám …' }]);
  });

  it('reports insertions and deletions', () => {
    expect(wordHunks('a b c d e f g h', 'a b c X d e f g h')).toEqual([{ before: '', after: 'X', contextBefore: 'a b c', contextAfter: 'd e f …' }]);
    expect(wordHunks('a b c X d e f g h', 'a b c d e f g h')).toEqual([{ before: 'X', after: '', contextBefore: 'a b c', contextAfter: 'd e f …' }]);
  });

  it('gives up when most of the text changed, and is empty for equal texts', () => {
    expect(wordHunks('a b c d', 'w x y z')).toBeUndefined();
    expect(wordHunks('a b c', 'a b c')).toEqual([]);
  });

  it('rebuilds the new text from the old one', () => {
    // Every hunk's before text occurs in the old text and its after text in the new one.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 12 }),
        (xs, ys) => {
          const before = xs.join(' ');
          const after = ys.join(' ');
          const hs = wordHunks(before, after);
          if (!hs) return;
          for (const h of hs) {
            if (h.before) expect(` ${before} `).toContain(` ${h.before} `);
            if (h.after) expect(` ${after} `).toContain(` ${h.after} `);
          }
          if (before === after) expect(hs).toEqual([]);
          else expect(hs.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('task identity', () => {
  it('matches by explicit id through renumbering', () => {
    const a = [task(1, 'Một', { id: 'x' }), task(2, 'Hai', { id: 'y' })];
    const b = [task(1, 'Mới', { id: 'z' }), task(2, 'Một', { id: 'x' }), task(3, 'Hai', { id: 'y' })];
    const m = matchTasks(a, b);
    expect(m.pairs.map((p) => [p.a.no, p.b.no, p.how])).toEqual([
      [1, 2, 'id'],
      [2, 3, 'id'],
    ]);
    expect(m.added.map((t) => t.id)).toEqual(['z']);
    expect(m.removed).toEqual([]);
  });

  it('never pairs two different explicit ids, even with the same title', () => {
    const m = matchTasks([task(1, 'Báo cáo', { id: 'x' })], [task(1, 'Báo cáo', { id: 'y' })]);
    expect(m.pairs).toEqual([]);
    expect(m.removed).toHaveLength(1);
    expect(m.added).toHaveLength(1);
  });

  it('matches by title, then by similar title, when there are no ids', () => {
    const a = [task(1, 'Báo cáo kết quả cải cách hành chính'), task(2, 'Rà soát thủ tục hành chính của Sở năm 2022')];
    const b = [task(1, 'Rà soát thủ tục hành chính của Sở năm 2023'), task(2, 'Báo cáo kết quả cải cách hành chính.')];
    const m = matchTasks(a, b);
    expect(m.pairs.map((p) => [p.a.no, p.b.no, p.how])).toEqual([
      [2, 1, 'similar'],
      [1, 2, 'title'],
    ]);
  });

  it('pairs duplicate titles in order', () => {
    const m = matchTasks([task(1, 'Báo cáo'), task(2, 'Báo cáo')], [task(1, 'Báo cáo'), task(2, 'Báo cáo')]);
    expect(m.pairs.map((p) => [p.a.no, p.b.no])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('prefers the same area among similar candidates', () => {
    const a = [task(1, 'Xây dựng kế hoạch kiểm tra công tác năm 2022', { area: 2 })];
    const b = [task(1, 'Xây dựng kế hoạch kiểm tra công tác năm 2023', { area: 1 }), task(2, 'Xây dựng kế hoạch kiểm tra công tác năm 2024', { area: 2 })];
    expect(matchTasks(a, b).pairs.map((p) => p.b.no)).toEqual([2]);
  });

  it('does not match titles below the threshold', () => {
    const a = [task(1, 'Số hóa hồ sơ một cửa')];
    const b = [task(1, 'Triển khai chữ ký số cho lãnh đạo')];
    expect(tokenJaccard(a[0]!.title, b[0]!.title)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(matchTasks(a, b).pairs).toEqual([]);
  });

  it('every task is paired, added or removed exactly once', () => {
    const title = fc.constantFrom('Báo cáo kết quả', 'Rà soát thủ tục', 'Báo cáo kết quả năm', 'Kiểm tra', 'Tuyên truyền');
    const tasks = fc.array(fc.record({ title, id: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }) }), { maxLength: 8 });
    fc.assert(
      fc.property(tasks, tasks, (xs, ys) => {
        const dedupe = (l: { title: string; id?: string }[]) => {
          const seen = new Set<string>();
          return l.filter((t) => (t.id === undefined || !seen.has(t.id)) && (t.id === undefined || seen.add(t.id)));
        };
        const a = dedupe(xs).map((t, i) => task(i + 1, t.title, t.id ? { id: t.id } : {}));
        const b = dedupe(ys).map((t, i) => task(i + 1, t.title, t.id ? { id: t.id } : {}));
        const m = matchTasks(a, b);
        expect(m.pairs.length + m.removed.length).toBe(a.length);
        expect(m.pairs.length + m.added.length).toBe(b.length);
        for (const p of m.pairs) if (p.a.id && p.b.id) expect(p.a.id).toBe(p.b.id);
      }),
    );
  });
});

describe('renumbering ranges', () => {
  it('collapses consecutive shifts', () => {
    const rs = [1, 2, 3, 5, 6].map((n) => ({ before: n, after: n + 1, title: '' }));
    expect(renumberRanges(rs)).toEqual([
      { before: [1, 3], after: [2, 4], shift: 1, count: 3 },
      { before: [5, 6], after: [6, 7], shift: 1, count: 2 },
    ]);
  });

  it('splits on a change of shift', () => {
    const rs = [
      { before: 1, after: 2, title: '' },
      { before: 2, after: 1, title: '' },
    ];
    expect(renumberRanges(rs).map((r) => r.shift)).toEqual([1, -1]);
  });
});

describe('deadlines across years', () => {
  it.each([
    ['Quý I/2022', 'Quý I/2023', 1, true],
    ['Quý I/2022', 'Quý II/2023', 1, false],
    ['Tháng 6/2022', 'Tháng 6/2024', 2, true],
    ['31/03/2022', '31/03/2023', 1, true],
    ['29/02/2024', '28/02/2025', 1, true],
    ['Năm 2022', 'Năm 2023', 1, true],
    ['Thường xuyên', 'Cả năm', 1, false],
    ['Quý I/2022', 'Quý I/2022', 0, false],
  ])('%s → %s by %i year(s): %s', (a, b, years, expected) => {
    expect(isYearShift(a, b, years)).toBe(expected);
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(shiftIsoDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftIsoDate('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftIsoDate('2022-12-31', 1)).toBe('2023-12-31');
  });
});

describe('lists of texts', () => {
  it('reports items added and removed, ignoring case and end punctuation', () => {
    expect(listChange('purposes', ['Một.', 'Hai'], ['một', 'Ba'])).toEqual({ field: 'purposes', added: ['Ba'], removed: ['Hai'] });
    expect(listChange('purposes', ['A', 'A'], ['A'])).toEqual({ field: 'purposes', added: [], removed: ['A'] });
    expect(listChange('purposes', undefined, [])).toBeUndefined();
  });
});

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    const d = diffPlans(P2022, copy(P2022));
    expect(hasDifferences(d)).toBe(false);
    expect(diffCounts(d).total).toBe(0);
  });

  it('reports a moved deadline and a new lead unit by name', () => {
    const b = copy(P2022);
    const t7 = b.tasks.find((t) => t.no === 7)!;
    t7.deadline = 'Quý II/2022';
    t7.lead = ['thanh-tra'];
    const d = diffPlans(P2022, b);
    expect(d.tasks.changed).toHaveLength(1);
    expect(d.tasks.changed[0]).toMatchObject({ before: { no: 7, id: 't07' }, after: { no: 7, id: 't07' }, match: 'id' });
    expect(d.tasks.changed[0]!.changes).toEqual([
      { field: 'lead', before: 'Văn phòng Sở', after: 'Thanh tra Sở', ids: { before: ['van-phong'], after: ['thanh-tra'] } },
      { field: 'deadline', before: 'Quý I/2022', after: 'Quý II/2022' },
    ]);
  });

  it('reports a task inserted at the top as one addition and a renumbering, not 27 changes', () => {
    const b = copy(P2022);
    b.tasks = [task(1, 'Nhiệm vụ mới', { lead: ['van-phong'] }), ...b.tasks.map((t) => ({ ...t, no: t.no + 1 }))];
    const d = diffPlans(P2022, b);
    expect(d.tasks.added.map((t) => t.no)).toEqual([1]);
    expect(d.tasks.removed).toEqual([]);
    expect(d.tasks.changed).toEqual([]);
    expect(d.tasks.renumbered).toHaveLength(27);
    expect(d.tasks.renumberedRanges).toEqual([{ before: [1, 27], after: [2, 28], shift: 1, count: 27 }]);
  });

  it('keeps identity without ids: renumbered and renamed tasks match by content', () => {
    const strip = (p: Plan) => {
      const c = copy(p);
      c.tasks = c.tasks.map(({ id: _id, ...t }) => t);
      return c;
    };
    const a = strip(P2022);
    const b = strip(P2022);
    b.tasks = [task(1, 'Nhiệm vụ mới', { lead: ['van-phong'] }), ...b.tasks.map((t) => ({ ...t, no: t.no + 1 }))];
    b.tasks[1]!.title = b.tasks[1]!.title.replace('Truyền truyền', 'Tuyên truyền');
    const d = diffPlans(a, b);
    expect(d.tasks.added.map((t) => t.title)).toEqual(['Nhiệm vụ mới']);
    expect(d.tasks.renumbered).toHaveLength(27);
    expect(d.tasks.changed).toHaveLength(1);
    expect(d.tasks.changed[0]).toMatchObject({ before: { no: 1 }, after: { no: 2 }, match: 'similar' });
    expect(d.tasks.changed[0]!.changes[0]).toMatchObject({ field: 'title', words: [{ before: 'Truyền', after: 'Tuyên' }] });
  });

  it('reports removed tasks with their details', () => {
    const b = copy(P2022);
    b.tasks = b.tasks.filter((t) => t.no !== 27);
    const d = diffPlans(P2022, b);
    expect(d.tasks.removed).toMatchObject([{ no: 27, id: 't27', area: 7 }]);
  });

  it('reports budget amounts with the change in the total, exactly', () => {
    const b = copy(P2022);
    b.budget.lines[1]!.rate = 2_900_000;
    b.budget.lines[1]!.amount = 2_900_000;
    b.budget.lines[6]!.amount = 2_100_000;
    b.budget.total = 21_000_000;
    b.budget.totalInWords = 'Hai mươi mốt triệu đồng';
    const d = diffPlans(P2022, b);
    expect(d.budget.changed.map((l) => l.after.no)).toEqual([2, 7]);
    expect(d.budget.changed[0]!.changes).toEqual([
      { field: 'rate', before: 2_000_000n, after: 2_900_000n },
      { field: 'amount', before: 2_000_000n, after: 2_900_000n, delta: 900_000n },
    ]);
    expect(d.budget.total).toEqual({ before: 20_000_000n, after: 21_000_000n, delta: 1_000_000n });
    expect(d.budget.totalInWords).toEqual({ before: 'Hai mươi triệu đồng', after: 'Hai mươi mốt triệu đồng' });
  });

  it('reports budget lines added and removed', () => {
    const b = copy(MINI);
    b.budget.lines = [b.budget.lines[0]!, { no: 2, content: 'Mua sắm thiết bị', amount: 500_000 }, { ...b.budget.lines[2]!, no: 3 }] as Plan['budget']['lines'];
    const d = diffPlans(MINI, b);
    expect(d.budget.added).toEqual([{ no: 2, content: 'Mua sắm thiết bị', amount: 500_000n }]);
    expect(d.budget.removed).toEqual([{ no: 2, content: 'Khen thưởng', amount: 1_500_000n }]);
    expect(d.budget.total.delta).toBe(-1_000_000n);
  });

  it('reports metadata: number and date filled in, status, signer', () => {
    const b = copy(P2022);
    b.meta.number = '45';
    b.meta.date = '2022-01-15';
    b.meta.status = 'issued';
    b.meta.signer = { title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn B' };
    const d = diffPlans(P2022, b);
    expect(d.metadata.changes).toEqual([
      { field: 'status', before: 'draft', after: 'issued' },
      { field: 'number', before: null, after: '45' },
      { field: 'date', before: null, after: '2022-01-15' },
      { field: 'signer', before: 'GIÁM ĐỐC Nguyễn Mỹ Quang', after: 'PHÓ GIÁM ĐỐC Nguyễn Văn B' },
    ]);
  });

  it('reports a legal basis added as a list change', () => {
    const b = copy(P2022);
    b.meta.legalBases = [...(b.meta.legalBases ?? []), 'Quyết định số 1/QĐ-UBND'];
    expect(diffPlans(P2022, b).metadata.lists).toEqual([{ field: 'legalBases', added: ['Quyết định số 1/QĐ-UBND'], removed: [] }]);
  });

  it('reports indicator targets whose value or comparator changed', () => {
    const b = copy(MINI);
    b.indicators[1]!.targets![0]!.value = 60;
    b.indicators[1]!.targets![1]!.comparator = '<';
    const d = diffPlans(MINI, b);
    expect(d.indicators.changed).toEqual([
      {
        before: '2.1',
        after: '2.1',
        text: b.indicators[1]!.text,
        changes: [
          { field: 'target 2.1a', before: '≥ 50% (hồ sơ)', after: '≥ 60% (hồ sơ)' },
          { field: 'target 2.1b', before: '≤ 20 phút', after: '< 20 phút' },
        ],
      },
    ]);
  });

  it('follows an indicator renumbered by an insertion', () => {
    const b = copy(MINI);
    const inserted = { id: '1.1', area: 1, text: 'Chỉ tiêu mới hoàn toàn khác về số hóa' };
    b.indicators = [inserted, { ...b.indicators[0]!, id: '1.2' }, ...b.indicators.slice(1)];
    const d = diffPlans(MINI, b);
    expect(d.indicators.added.map((x) => x.text)).toEqual([inserted.text]);
    expect(d.indicators.changed).toEqual([
      { before: '1.1', after: '1.2', text: MINI.indicators[0]!.text, changes: [{ field: 'id', before: '1.1', after: '1.2' }] },
    ]);
  });

  it('reports units renamed, added and removed, and areas', () => {
    const b = copy(MINI);
    b.units[0]!.name = 'Phòng Nội vụ huyện';
    b.units.push({ id: 'moi', name: 'Phòng Mới' });
    b.meta.areas[2]!.title = 'Cải cách tài chính công';
    b.meta.areas.push({ id: 4, title: 'Chính quyền số' });
    const d = diffPlans(MINI, b);
    expect(d.units).toEqual({
      added: [{ id: 'moi', name: 'Phòng Mới' }],
      removed: [],
      changed: [{ id: 'noi-vu', changes: [{ field: 'name', before: 'Phòng Nội vụ', after: 'Phòng Nội vụ huyện' }] }],
    });
    expect(d.areas.added).toEqual([{ id: 4, title: 'Chính quyền số' }]);
    expect(d.areas.changed).toEqual([
      { id: 3, title: 'Cải cách tài chính công', changes: [{ field: 'title', before: 'Tài chính công', after: 'Cải cách tài chính công' }], lists: [] },
    ]);
  });

  it('counts deadlines moved only by the difference of the plan years, without listing them', () => {
    const b = copy(P2022);
    b.meta.year = 2023;
    for (const t of b.tasks) t.deadline = t.deadline.replace('Quý I/2022', 'Quý I/2023');
    b.tasks[6]!.deadline = 'Quý II/2023';
    const d = diffPlans(P2022, b);
    expect(d.tasks.deadlinesShifted).toBe(4);
    expect(d.tasks.changed.map((x) => [x.after.no, x.changes])).toEqual([[7, [{ field: 'deadline', before: 'Quý I/2022', after: 'Quý II/2023' }]]]);
  });
});
