import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import type { BudgetFile, BudgetLine } from '../../src/model/plan.js';
import { analyzeBudget } from '../../src/model/budget.js';
import { moneyToWords } from '../../src/model/money-words.js';
import { checkPlan } from '../../src/check/index.js';
import { loadPlanFolder, docsFromTexts } from '../../src/load/plan-folder.js';
import type { PlanText } from '../../src/load/plan-texts.js';
import { parseSource } from '../../src/yaml/source.js';
import {
  deriveNewPlan,
  newPlanSources,
  excerptAround,
  moveDeadline,
  moveIsoDate,
  recomputeBudget,
  shiftYmd,
  yearPattern,
} from '../../src/scaffold/new-plan.js';
import { PLAN_2022, fixturePlan } from '../helpers.js';

describe('moving deadlines', () => {
  it.each([
    ['Quý I/2022', 1, 'Quý I/2023'],
    ['Quý IV/2022', 2, 'Quý IV/2024'],
    ['Quý 1/2022', 1, 'Quý 1/2023'],
    ['Quý II năm 2022', 1, 'Quý II năm 2023'],
    ['Tháng 6/2022', 1, 'Tháng 6/2023'],
    ['Năm 2022', 1, 'Năm 2023'],
    ['31/3/2022', 1, '31/3/2023'],
    ['31/03/2022', 1, '31/03/2023'],
    ['ngày 15/06/2022', 1, 'ngày 15/06/2023'],
    ['2022-06-15', 1, '2023-06-15'],
  ])('%s by %i year(s) → %s', (from, years, to) => {
    expect(moveDeadline(from, years)).toEqual({ text: to, clamped: false });
  });

  it('moves 29 February to 28 February in a common year, and says so', () => {
    expect(moveDeadline('29/02/2024', 1)).toEqual({ text: '28/02/2025', clamped: true });
    expect(moveDeadline('2024-02-29', 1)).toEqual({ text: '2025-02-28', clamped: true });
    expect(moveDeadline('29/02/2024', 4)).toEqual({ text: '29/02/2028', clamped: false });
    expect(moveIsoDate('2024-02-29', 1)).toEqual({ date: '2025-02-28', clamped: true });
    expect(shiftYmd(2023, 3, 31, 1)).toEqual({ y: 2024, m: 3, d: 31, clamped: false });
  });

  it.each(['Thường xuyên', 'Cả năm', 'Theo quy định', 'Theo đăng ký năm 2022 và khi có yêu cầu'])('keeps %s', (d) => {
    expect(moveDeadline(d, 1)).toBeUndefined();
  });

  it('finds the year as a word of its own', () => {
    expect('năm 2022, ngày 20/12/2022'.match(yearPattern(2022))).toHaveLength(2);
    expect('12022 và 20221'.match(yearPattern(2022))).toBeNull();
  });
});

describe('recomputing the budget', () => {
  const line = (no: number, amount: number, extra: Partial<BudgetLine> = {}): BudgetLine => ({ no, content: `Dòng ${no}`, amount, ...extra });

  it('solves a percentage of the total it is part of (the 2022 plan: 10% of 20.000.000)', () => {
    const r = recomputeBudget([line(1, 18_000_000), line(2, 0, { percentOf: { percent: 10, base: 'total' } })]);
    expect(r).toEqual({ amounts: [18_000_000n, 2_000_000n], total: 20_000_000n, settled: true });
  });

  it('solves a percentage of the other lines', () => {
    const r = recomputeBudget([line(1, 15_000_000), line(2, 1, { percentOf: { percent: 10, base: 'others' } })]);
    expect(r).toEqual({ amounts: [15_000_000n, 1_500_000n], total: 16_500_000n, settled: true });
  });

  it('recomputes quantity × rate', () => {
    const r = recomputeBudget([line(1, 1, { quantity: 12, rate: 500_000 })]);
    expect(r.amounts).toEqual([6_000_000n]);
  });

  it('says when percentages of 100% or more cannot be solved, and keeps the amounts', () => {
    const r = recomputeBudget([
      line(1, 1000),
      line(2, 7, { percentOf: { percent: 60, base: 'total' } }),
      line(3, 9, { percentOf: { percent: 40, base: 'total' } }),
    ]);
    expect(r).toEqual({ amounts: [1000n, 7n, 9n], total: 1016n, settled: false });
  });

  it('solves two percentage lines together', () => {
    const r = recomputeBudget([
      line(1, 9_000_000),
      line(2, 0, { percentOf: { percent: 5, base: 'total' } }),
      line(3, 0, { percentOf: { percent: 5, base: 'total' } }),
    ]);
    expect(r).toEqual({ amounts: [9_000_000n, 500_000n, 500_000n], total: 10_000_000n, settled: true });
  });

  it('always lands on amounts the budget check accepts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9_000 }),
        fc.constantFrom<'total' | 'others'>('total', 'others'),
        (amounts, hundredths, base) => {
          const lines = [...amounts.map((a, i) => line(i + 1, a)), line(amounts.length + 1, 0, { percentOf: { percent: hundredths / 100, base } })];
          const r = recomputeBudget(lines);
          expect(r.settled).toBe(true);
          const recomputed = lines.map((l, i) => ({ ...l, amount: Number(r.amounts[i]) }));
          const a = analyzeBudget({
            apiVersion: 'cchc/v1',
            kind: 'Budget',
            lines: recomputed as BudgetFile['lines'],
            total: Number(r.total),
            totalInWords: moneyToWords(r.total),
          });
          expect(a.lines.every((l) => l.percent?.ok !== false)).toBe(true);
          expect(a.totalOk && a.words.ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('excerpts', () => {
  it('cuts long text around the match at word boundaries', () => {
    const t =
      'Thực hiện Kế hoạch số 122/KH-UBND ngày 20/12/2021 của UBND tỉnh về ban hành Kế hoạch cải cách hành chính tỉnh Bình Định năm 2022, Sở Lao động - Thương binh và Xã hội xây dựng';
    const e = excerptAround(t, t.indexOf('2022'), 4);
    expect(e).toContain('năm 2022');
    expect(e.startsWith('…')).toBe(true);
    expect(e.endsWith('…')).toBe(true);
    expect([...e].length).toBeLessThanOrEqual(58);
  });

  it('keeps short text whole', () => {
    expect(excerptAround('Báo cáo năm 2022', 12, 4)).toBe('Báo cáo năm 2022');
  });
});

function sourcesOf(dir: string) {
  const { docs } = loadPlanFolder(dir, dir);
  const { plan } = checkPlan(docs);
  const sources = newPlanSources(docs);
  return { plan: plan!, sources };
}

function checkResult(files: { kind: string; name: string; text: string }[], year: number) {
  const parsed = docsFromTexts(
    `plans/${year}`,
    String(year),
    files.map((f) => ({ kind: f.kind as PlanText['kind'], path: `plans/${year}/${f.name}`, text: f.text })),
  );
  const r = checkPlan(parsed.docs);
  return { ...r, diagnostics: [...parsed.diagnostics, ...r.diagnostics] };
}

describe('deriveNewPlan from the 2022 plan', () => {
  const { plan, sources } = sourcesOf(PLAN_2022);
  const r = deriveNewPlan(plan, sources, { year: 2023, toPath: 'plans/2023', fromPath: 'plans/2022' });
  const file = (kind: string) => r.files.find((f) => f.kind === kind)!.text;
  const checked = checkResult(r.files, 2023);

  it('writes the five files and references.yaml, schema line and apiVersion/kind first', () => {
    expect(r.files.map((f) => f.name)).toEqual(
      ['plan.yaml', 'units.yaml', 'tasks.yaml', 'indicators.yaml', 'budget.yaml', 'references.yaml'].filter(
        (n) => n !== 'references.yaml' || sources.references,
      ),
    );
    for (const f of r.files) {
      const lines = f.text.split('\n');
      expect(lines[0]).toBe(`# yaml-language-server: $schema=../../schemas/${f.kind}.schema.json`);
      const keys = lines.filter((l) => /^[A-Za-z]/.test(l));
      expect(keys.slice(0, 2)).toEqual(['apiVersion: cchc/v1', expect.stringMatching(/^kind: /)]);
    }
  });

  it('validates clean', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.plan).toBeDefined();
  });

  it('carries the metadata over with the year changed, number and date blank, draft', () => {
    const m = checked.plan!.meta;
    expect(m.year).toBe(2023);
    expect(m.title).toBe('Kế hoạch cải cách hành chính năm 2023');
    expect(m.number).toBeNull();
    expect(m.date).toBeNull();
    expect(m.status).toBe('draft');
    expect(m.legalBases).toEqual(plan.meta.legalBases);
    expect(m.signer).toEqual(plan.meta.signer);
    expect(m.annexNote).toBe(plan.meta.annexNote);
    expect(m.areas).toEqual(plan.meta.areas);
  });

  it('moves quarter deadlines to the same quarter of 2023 and keeps the others', () => {
    const before = plan.tasks.map((t) => t.deadline);
    const after = checked.plan!.tasks.map((t) => t.deadline);
    expect(after.filter((d) => d.startsWith('Quý'))).toEqual(['Quý I/2023', 'Quý I/2023', 'Quý I/2023', 'Quý I/2023', 'Quý I/2023']);
    after.forEach((d, i) => {
      if (!before[i]!.startsWith('Quý')) expect(d).toBe(before[i]);
    });
    expect(checked.plan!.tasks.map(({ deadline: _d, ...t }) => t)).toEqual(plan.tasks.map(({ deadline: _d, ...t }) => t));
  });

  it('keeps the budget lines, total and words', () => {
    expect(checked.plan!.budget).toEqual(plan.budget);
  });

  it('keeps comments', () => {
    expect(file('tasks')).toContain('# Nội dung 1: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH');
    expect(file('plan')).toContain('# nguyên văn (sic)');
    expect(file('plan').split('\n')[1]).toContain('cchc new 2023');
  });

  it('notes every moved deadline at its line in the new file', () => {
    const moved = r.notes.filter((n) => n.kind === 'deadline-moved');
    expect(moved.map((n) => (n.kind === 'deadline-moved' ? n.task : 0))).toEqual([2, 7, 9, 17, 25]);
    const lines = file('tasks').split('\n');
    for (const n of moved) {
      expect(n.file).toBe('plans/2023/tasks.yaml');
      expect(lines[n.line - 1]).toBe('    deadline: Quý I/2023');
    }
  });

  it('notes the free-text deadline, the legal bases, the funding and the budget', () => {
    const kinds = (k: string) => r.notes.filter((n) => n.kind === k);
    expect(kinds('deadline-free')).toMatchObject([{ task: 8, deadline: 'Theo đăng ký năm 2022 và khi có yêu cầu', file: 'plans/2023/tasks.yaml' }]);
    expect(kinds('legal-basis')).toHaveLength(3);
    const planLines = file('plan').split('\n');
    for (const n of kinds('legal-basis')) expect(planLines[n.line - 1]).toMatch(/^ {2}- /);
    expect(kinds('funding')).toHaveLength(1);
    expect(planLines[kinds('funding')[0]!.line - 1]).toMatch(/^ {2}source: Nguồn ngân sách tỉnh/);
    expect(kinds('budget')).toMatchObject([{ file: 'plans/2023/budget.yaml', lines: 7, total: 20_000_000n }]);
  });

  it('notes each mention of 2022 in the text, at the line of the new file', () => {
    const mentions = r.notes.filter((n) => n.kind === 'year-mention');
    const byFile = (f: string) => mentions.filter((n) => n.file === `plans/2023/${f}`).map((n) => n.line);
    const tasksText = file('tasks').split('\n');
    expect(byFile('tasks.yaml').map((l) => tasksText[l - 1]!.trim().slice(0, 6))).toEqual(['title:', 'title:', 'title:', 'title:']);
    for (const n of mentions) {
      const text = r.files.find((f) => n.file.endsWith(f.name))!.text.split('\n')[n.line - 1]!;
      expect(text, `${n.file}:${n.line}`).toContain('2022');
    }
    expect(mentions.some((n) => n.kind === 'year-mention' && n.subject.kind === 'indicator' && n.subject.id === '3.7')).toBe(true);
    // The title was changed, the legal bases and deadlines have their own notes.
    expect(mentions.some((n) => n.kind === 'year-mention' && n.subject.field === 'title' && n.subject.kind === 'plan')).toBe(false);
  });

  it('chains: a plan made by cchc new gives the next one, with one provenance line', () => {
    const parsed = docsFromTexts(
      'plans/2023',
      '2023',
      r.files.map((f) => ({ kind: f.kind, path: `plans/2023/${f.name}`, text: f.text })),
    );
    const next = checkPlan(parsed.docs);
    const d = parsed.docs;
    const r2 = deriveNewPlan(
      next.plan!,
      { plan: d.plan!.source, units: d.units!.source, tasks: d.tasks!.source, indicators: d.indicators!.source, budget: d.budget!.source },
      { year: 2024, toPath: 'plans/2024', fromPath: 'plans/2023' },
    );
    const text = r2.files[0]!.text;
    expect(text.split('\n').filter((l) => l.includes('cchc new'))).toEqual([
      '# Lập từ plans/2023 (năm 2023) bằng "cchc new 2024"; rà soát trước khi trình ký.',
    ]);
    expect(checkResult(r2.files, 2024).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r2.notes.filter((n) => n.kind === 'deadline-moved').map((n) => (n.kind === 'deadline-moved' ? n.after : ''))).toEqual(Array(5).fill('Quý I/2024'));
  });

  it('lists the tasks not finished at the last progress record', () => {
    const u = r.notes.find((n) => n.kind === 'unfinished');
    expect(u).toMatchObject({ kind: 'unfinished', asOf: '2022-12-14', example: true });
    expect(u && u.kind === 'unfinished' ? u.tasks.length : 0).toBeGreaterThan(0);
  });
});

describe('deriveNewPlan from another shape (mini, 2023, issued)', () => {
  const { plan, sources } = sourcesOf(fixturePlan('mini'));
  const r = deriveNewPlan(plan, sources, { year: 2025, toPath: 'plans/2025', fromPath: 'mini' });
  const checked = checkResult(r.files, 2025);

  it('validates clean with every dated deadline two years on', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.plan!.tasks.map((t) => t.deadline)).toEqual(['Quý II/2025', 'Thường xuyên', '30/09/2025', 'Quý I/2025', 'Cả năm']);
  });

  it('blanks the number and date of an issued plan and makes it a draft', () => {
    expect(checked.plan!.meta).toMatchObject({ year: 2025, number: null, date: null, status: 'draft', title: 'Kế hoạch cải cách hành chính năm 2025' });
    const planText = r.files[0]!.text;
    expect(planText).toMatch(/^number: null$/m);
    expect(planText).toMatch(/^date: null$/m);
  });

  it('recomputes a percentage line against the other lines', () => {
    expect(checked.plan!.budget.total).toBe(16_500_000);
    expect(checked.plan!.budget.lines.map((l) => l.amount)).toEqual([13_500_000, 1_500_000, 1_500_000]);
  });
});

describe('deriveNewPlan repairs what it recomputes', () => {
  it('rewrites a budget whose percentage line and words no longer match', () => {
    const { plan, sources } = sourcesOf(fixturePlan('mini'));
    // Edit the source as a clerk would: a new rate, the rest left stale.
    const text = sources.budget.text.replace('rate: 4500000\n    amount: 13500000', 'rate: 5000000\n    amount: 13500000');
    const budget = parseSource(sources.budget.path, text);
    const stale = structuredClone(plan);
    stale.budget.lines[0]!.rate = 5_000_000;
    const r = deriveNewPlan(stale, { ...sources, budget }, { year: 2024, toPath: 'plans/2024', fromPath: 'mini' });
    const checked = checkResult(r.files, 2024);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.plan!.budget).toMatchObject({ total: 18_150_000, totalInWords: 'Mười tám triệu một trăm năm mươi nghìn đồng' });
    expect(checked.plan!.budget.lines.map((l) => l.amount)).toEqual([15_000_000, 1_500_000, 1_650_000]);
  });

  it('puts apiVersion and kind first when the source had them later', () => {
    const { plan, sources } = sourcesOf(fixturePlan('mini'));
    const units = parseSource(sources.units.path, sources.units.text.replace('apiVersion: cchc/v1\nkind: Units\n', '') + 'kind: Units\napiVersion: cchc/v1\n');
    const r = deriveNewPlan(plan, { ...sources, units }, { year: 2024, toPath: 'plans/2024', fromPath: 'mini' });
    const lines = r.files.find((f) => f.kind === 'units')!.text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# yaml-language-server: $schema=../../schemas/units.schema.json', 'apiVersion: cchc/v1', 'kind: Units']);
  });
});

describe('cchc new moves the dates of free text (issue 16.5)', () => {
  it('moves "Trước ngày 15/12/2023" and dates in a product; an impossible date is a review item; validate warns on what is left', async () => {
    const { copyPlan } = await import('../helpers.js');
    const { writeFileSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const c = copyPlan(fixturePlan('mini'));
    try {
      const file = path.join(c.dir, 'tasks.yaml');
      let t = readFileSync(file, 'utf8');
      t = t.replace('deadline: Thường xuyên', 'deadline: Trước ngày 15/12/2023');
      t = t.replace('product: Báo cáo rà soát', 'product: Báo cáo rà soát nộp trước ngày 31/02/2023 và Quý I/2023, căn cứ Quyết định ngày 27/12/2018');
      writeFileSync(file, t);
      const { plan, sources } = sourcesOf(c.dir);
      const r = deriveNewPlan(plan, sources, { year: 2024, toPath: 'plans/2024', fromPath: 'mini' });
      const tasks = r.files.find((f) => f.kind === 'tasks')!.text;
      expect(tasks).toContain('deadline: Trước ngày 15/12/2024');
      // Quý I moves; the citation of 2018 stays; the impossible date stays and is listed.
      expect(tasks).toContain('Quý I/2024');
      expect(tasks).toContain('ngày 27/12/2018');
      expect(tasks).toContain('31/02/2023');
      expect(r.notes).toContainEqual(expect.objectContaining({ kind: 'date-unmoved', date: '31/02/2023' }));
      expect(r.notes).toContainEqual(expect.objectContaining({ kind: 'deadline-moved', before: 'Trước ngày 15/12/2023', after: 'Trước ngày 15/12/2024' }));
      // validate on the new plan: the date left behind is a located warning.
      const checked = checkResult(r.files, 2024);
      const w = checked.diagnostics.filter((d) => d.code === 'task/date-outside-year');
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ severity: 'warning', file: 'plans/2024/tasks.yaml', params: { actual: '31/02/2023', year: 2024 } });
    } finally {
      c.cleanup();
    }
  });
});
