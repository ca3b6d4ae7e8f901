/** Rules on plan.yaml and units.yaml, and on how the files agree with each other. */
import { defineRule } from '../context.js';

export const planYearMatchesFolder = defineRule({
  name: 'plan-year-matches-folder',
  codes: ['plan/year-mismatch'],
  run(docs, report) {
    const plan = docs.plan?.data;
    if (!plan || !/^\d{4}$/.test(docs.folderName)) return;
    if (Number(docs.folderName) !== plan.year) {
      report.at(docs.plan!.source, ['year'], 'plan/year-mismatch', { folder: docs.folderName, year: plan.year });
    }
  },
});

export const issuedPlanHasNumber = defineRule({
  name: 'issued-plan-has-number',
  codes: ['plan/issued-without-number'],
  run(docs, report) {
    const plan = docs.plan?.data;
    if (plan?.status === 'issued' && (!plan.number || !plan.date)) {
      report.at(docs.plan!.source, ['status'], 'plan/issued-without-number', {});
    }
  },
});

export const areasNumbered = defineRule({
  name: 'areas-numbered',
  codes: ['area/duplicate-id', 'area/numbering'],
  run(docs, report) {
    const plan = docs.plan?.data;
    if (!plan) return;
    const seen = new Set<number>();
    plan.areas.forEach((a, i) => {
      if (seen.has(a.id)) report.at(docs.plan!.source, ['areas', i, 'id'], 'area/duplicate-id', { id: a.id });
      else if (a.id !== i + 1) report.at(docs.plan!.source, ['areas', i, 'id'], 'area/numbering', { expected: i + 1, actual: a.id });
      seen.add(a.id);
    });
  },
});

export const areasHaveTasks = defineRule({
  name: 'areas-have-tasks',
  codes: ['area/no-tasks'],
  run(docs, report) {
    const plan = docs.plan?.data;
    const tasks = docs.tasks?.data;
    if (!plan || !tasks || tasks.tasks.length === 0) return;
    const used = new Set(tasks.tasks.map((t) => t.area));
    plan.areas.forEach((a, i) => {
      if (!used.has(a.id)) report.at(docs.plan!.source, ['areas', i, 'id'], 'area/no-tasks', { id: a.id });
    });
  },
});

/** "(Kèm theo Phụ lục danh mục 27 nhiệm vụ trọng tâm)": the count in the text must match the appendix. */
export const annexCountMatches = defineRule({
  name: 'annex-count-matches',
  codes: ['plan/annex-count'],
  run(docs, report) {
    const note = docs.plan?.data?.annexNote;
    const tasks = docs.tasks?.data;
    if (!note || !tasks) return;
    const m = /(\d+)\s+nhiệm vụ/u.exec(note);
    if (m && Number(m[1]) !== tasks.tasks.length) {
      report.at(docs.plan!.source, ['annexNote'], 'plan/annex-count', { declared: Number(m[1]), actual: tasks.tasks.length });
    }
  },
});

export const unitsUnique = defineRule({
  name: 'units-unique',
  codes: ['unit/duplicate-id'],
  run(docs, report) {
    const units = docs.units?.data;
    if (!units) return;
    const seen = new Set<string>();
    units.units.forEach((u, i) => {
      if (seen.has(u.id)) report.at(docs.units!.source, ['units', i, 'id'], 'unit/duplicate-id', { id: u.id });
      seen.add(u.id);
    });
  },
});

export const unitsUsed = defineRule({
  name: 'units-used',
  codes: ['unit/unused'],
  run(docs, report) {
    const units = docs.units?.data;
    const tasks = docs.tasks?.data;
    if (!units || !tasks) return;
    const used = new Set(tasks.tasks.flatMap((t) => [...t.lead, ...(t.coordinating ?? [])]));
    units.units.forEach((u, i) => {
      if (!used.has(u.id)) report.at(docs.units!.source, ['units', i, 'id'], 'unit/unused', { id: u.id });
    });
  },
});
