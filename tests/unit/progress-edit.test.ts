/** Editing progress files in place (src/edit): the clerk's file keeps everything not changed. */
import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { applyProgressChanges, newProgressText, type ProgressBase } from '../../src/edit/progress-doc.js';
import { noChanges, type ProgressChanges } from '../../src/input/changes.js';
import { docsFromTexts, readPlanTexts } from '../../src/load/plan-folder.js';
import { checkPlan } from '../../src/check/index.js';
import { progressAsOf } from '../../src/model/progress.js';
import { baseAsOf } from '../../src/edit/update.js';
import { fixturePlan, PLAN_2022 } from '../helpers.js';

const emptyBase: ProgressBase = { tasks: new Map(), indicators: new Map(), budget: new Map(), indicatorOrder: [] };
const q1 = readFileSync(path.join(PLAN_2022, 'progress', '2022-q1.yaml'), 'utf8');

function changes(c: Partial<ProgressChanges>): ProgressChanges {
  return { ...noChanges(), ...c };
}

/** Lines of b not in a, and of a not in b. */
function lineDiff(a: string, b: string): { added: string[]; removed: string[] } {
  const la = a.split('\n');
  const lb = b.split('\n');
  return { added: lb.filter((l) => !la.includes(l)), removed: la.filter((l) => !lb.includes(l)) };
}

describe('applyProgressChanges', () => {
  it('changes only the touched values: comments, quoting, order and the rest stay byte for byte', () => {
    const { text, changed } = applyProgressChanges(q1, changes({ tasks: [{ task: 4, status: 'done', completed: '2022-03-01', note: 'Đã xong' }] }), emptyBase);
    expect(changed.map((c) => c.field)).toEqual(['status', 'percent', 'completed', 'note']);
    const from = '  - task: 4\n    status: in-progress\n    percent: 10\n    note: "Đang tổng hợp báo cáo quý I/2022"\n';
    expect(q1).toContain(from);
    // completed goes between percent and note, where the schema's order puts it
    expect(text).toBe(q1.replace(from, '  - task: 4\n    status: done\n    percent: 100\n    completed: "2022-03-01"\n    note: "Đã xong"\n'));
  });

  it('is the identity when the value is already there', () => {
    const r = applyProgressChanges(q1, changes({ tasks: [{ task: 2, status: 'done', percent: 100 }], budget: [{ line: 1, spent: 1000000 }] }), emptyBase);
    expect(r.changed).toEqual([]);
    expect(r.text).toBe(q1);
  });

  it('adds a record in number order, seeded from the latest earlier state', () => {
    const text = q1.replace(/ {2}- task: 5\n[\s\S]*?(?= {2}- task: 6)/, '');
    const base: ProgressBase = { ...emptyBase, tasks: new Map([[5, { task: 5, status: 'in-progress', percent: 20, note: 'cũ' }]]) };
    const r = applyProgressChanges(text, changes({ tasks: [{ task: 5, percent: 35 }] }), base);
    expect(r.text).toContain(
      '    note: "Đang tổng hợp báo cáo quý I/2022"\n  - task: 5\n    status: in-progress\n    percent: 35\n    note: "cũ"\n  - task: 6\n',
    );
  });

  it('keeps a flow mapping flow and a plain date plain', () => {
    const mini = readFileSync(path.join(fixturePlan('mini'), 'progress', '2023-q2.yaml'), 'utf8');
    const r = applyProgressChanges(mini, changes({ tasks: [{ task: 4, evidence: { document: 'Quyết định số 12/QĐ-UBND', date: '2023-04-21' } }] }), emptyBase);
    expect(lineDiff(mini, r.text)).toEqual({
      removed: ['    evidence: { document: Quyết định số 12/QĐ-UBND, date: 2023-04-20 }'],
      added: ['    evidence: { document: Quyết định số 12/QĐ-UBND, date: 2023-04-21 }'],
    });
  });

  it('starts a new file with the header of the others and adds sections in order', () => {
    const start = newProgressText('2022-05-31', '# yaml-language-server: $schema=../../../schemas/progress.schema.json');
    const r = applyProgressChanges(
      start,
      changes({
        budget: [{ line: 2, spent: 500000 }],
        indicators: [{ indicator: '1.2', value: 50.5 }],
        tasks: [{ task: 3, status: 'in-progress', percent: 40 }],
      }),
      emptyBase,
    );
    expect(r.text).toBe(
      '# yaml-language-server: $schema=../../../schemas/progress.schema.json\napiVersion: cchc/v1\nkind: Progress\nasOf: "2022-05-31"\n' +
        'tasks:\n  - task: 3\n    status: in-progress\n    percent: 40\nindicators:\n  - indicator: "1.2"\n    value: 50.5\nbudget:\n  - line: 2\n    spent: 500000\n',
    );
    expect(parse(r.text)).toMatchObject({ asOf: '2022-05-31', indicators: [{ indicator: '1.2', value: 50.5 }] });
  });
});

// ---------------------------------------------------------------------------------------
// Property: any sequence of record calls leaves a plan that validates, in the same state as
// writing that state from scratch. The calls go through the same path as `cchc record`
// (edit in memory, check the whole plan, keep only what passes), over the `mini` fixture.

const MINI = fixturePlan('mini');
const { texts: MINI_TEXTS } = readPlanTexts(MINI, MINI);
const DATES = ['2023-03-31', '2023-06-14', '2023-08-31', '2023-12-14'];

const call = fc.record({
  date: fc.constantFrom(...DATES),
  task: fc.integer({ min: 1, max: 5 }),
  status: fc.constantFrom('not-started' as const, 'in-progress' as const, 'done' as const),
  percent: fc.integer({ min: 1, max: 99 }),
  // a completion date up to 40 days before (or 10 after: refused) the as-of date
  completedOffset: fc.integer({ min: -40, max: 10 }),
  note: fc.option(fc.constantFrom('Đang triển khai', 'Chờ ý kiến "Sở Nội vụ"', 'x: y # không phải chú thích'), { nil: undefined }),
});

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

function check(texts: typeof MINI_TEXTS) {
  const { docs } = docsFromTexts('mini', 'mini', texts);
  return checkPlan(docs);
}

describe('any sequence of record calls', () => {
  it('leaves a valid plan whose files hold exactly the modelled state', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => {
        let texts = MINI_TEXTS.map((t) => ({ ...t }));
        // The model: per file date, per task, the record written from scratch.
        const model = new Map<string, Map<number, Record<string, unknown>>>();
        for (const t of texts.filter((x) => x.kind === 'progress')) {
          const data = parse(t.text) as { asOf: string; tasks?: Array<Record<string, unknown>> };
          model.set(String(data.asOf), new Map((data.tasks ?? []).map((r) => [Number(r.task), { ...r }])));
        }
        for (const c of calls) {
          const plan = check(texts).plan!;
          const file = plan.progress.find((p) => p.asOf === c.date)?.file ?? `progress/${c.date}.yaml`;
          const idx = texts.findIndex((t) => t.path === file);
          const start = idx >= 0 ? texts[idx]!.text : newProgressText(c.date, undefined);
          const completed = c.status === 'done' ? addDays(c.date, c.completedOffset) : undefined;
          const percent = c.status === 'done' ? 100 : c.status === 'not-started' ? 0 : c.percent;
          const change = { task: c.task, status: c.status, percent, ...(completed ? { completed } : {}), ...(c.note ? { note: c.note } : {}) };
          const { text } = applyProgressChanges(start, changes({ tasks: [change] }), baseAsOf(plan, c.date));
          const next = idx >= 0 ? texts.map((t, i) => (i === idx ? { ...t, text } : t)) : [...texts, { kind: 'progress' as const, path: file, text }];
          const result = check(next);
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          const expectRefusal = completed !== undefined && completed > c.date;
          expect(errors.length > 0).toBe(expectRefusal);
          if (errors.length > 0) continue; // refused: nothing changes
          texts = next;
          // the model: the task's latest earlier state, then the call's fields
          const seed = progressAsOf(plan, c.date).tasks.get(c.task)?.record;
          const rec: Record<string, unknown> = { ...(seed ?? {}), ...(model.get(c.date)?.get(c.task) ?? {}), ...change };
          if (c.status !== 'done') delete rec.completed;
          if (!model.has(c.date)) model.set(c.date, new Map());
          model.get(c.date)!.set(c.task, rec);
        }
        const final = check(texts);
        expect(final.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const p of final.plan!.progress) {
          const want = model.get(p.asOf)!;
          const got = new Map((p.tasks ?? []).map((r) => [r.task, r as unknown as Record<string, unknown>]));
          expect(new Set(got.keys())).toEqual(new Set(want.keys()));
          for (const [no, r] of want) expect(got.get(no), `task ${no} on ${p.asOf}`).toEqual(r);
          // tasks stay in number order in every file
          const nos = (p.tasks ?? []).map((r) => r.task);
          expect(nos).toEqual([...nos].sort((a, b) => a - b));
        }
      }),
      { numRuns: 40 },
    );
  });
});
