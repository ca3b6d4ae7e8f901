/** Rules on tasks.yaml: numbering, identities, unit and area references, deadlines. */
import { defineRule } from '../context.js';
import { parseDeadline, deadlineYear } from '../../model/deadline.js';
import { closest } from '../../model/text.js';
import { positionOf } from '../../yaml/source.js';

export const tasksNumbered = defineRule({
  name: 'tasks-numbered',
  codes: ['task/duplicate-number', 'task/numbering'],
  run(docs, report) {
    const doc = docs.tasks;
    if (!doc?.data) return;
    const firstIndex = new Map<number, number>();
    doc.data.tasks.forEach((t, i) => {
      const prev = firstIndex.get(t.no);
      if (prev !== undefined) {
        const other = positionOf(doc.source, ['tasks', prev, 'no']).line;
        report.at(doc.source, ['tasks', i, 'no'], 'task/duplicate-number', { no: t.no, other });
        return;
      }
      firstIndex.set(t.no, i);
      if (t.no !== i + 1) report.at(doc.source, ['tasks', i, 'no'], 'task/numbering', { expected: i + 1, actual: t.no });
    });
  },
});

export const taskIdsUnique = defineRule({
  name: 'task-ids-unique',
  codes: ['task/duplicate-id'],
  run(docs, report) {
    const doc = docs.tasks;
    if (!doc?.data) return;
    const seen = new Set<string>();
    doc.data.tasks.forEach((t, i) => {
      if (t.id === undefined) return;
      if (seen.has(t.id)) report.at(doc.source, ['tasks', i, 'id'], 'task/duplicate-id', { id: t.id });
      seen.add(t.id);
    });
  },
});

export const taskUnitsResolve = defineRule({
  name: 'task-units-resolve',
  codes: ['task/unknown-unit', 'task/no-lead'],
  run(docs, report) {
    const doc = docs.tasks;
    const units = docs.units?.data;
    if (!doc?.data || !units) return;
    const ids = units.units.map((u) => u.id);
    const known = new Set(ids);
    doc.data.tasks.forEach((t, i) => {
      for (const field of ['lead', 'coordinating'] as const) {
        (t[field] ?? []).forEach((id, k) => {
          if (!known.has(id)) report.at(doc.source, ['tasks', i, field, k], 'task/unknown-unit', { id, suggestion: closest(id, ids) ?? '' });
        });
      }
      if (t.lead.length === 0 && !t.leadText) report.at(doc.source, ['tasks', i, 'lead'], 'task/no-lead', { no: t.no });
    });
  },
});

export const taskAreasExist = defineRule({
  name: 'task-areas-exist',
  codes: ['task/unknown-area', 'task/area-order'],
  run(docs, report) {
    const doc = docs.tasks;
    const plan = docs.plan?.data;
    if (!doc?.data || !plan) return;
    const order = new Map(plan.areas.map((a, i) => [a.id, i]));
    let previous: number | undefined;
    doc.data.tasks.forEach((t, i) => {
      if (!order.has(t.area)) {
        report.at(doc.source, ['tasks', i, 'area'], 'task/unknown-area', { area: t.area });
        return;
      }
      if (previous !== undefined && order.get(t.area)! < order.get(previous)!) {
        report.at(doc.source, ['tasks', i, 'area'], 'task/area-order', { no: t.no, area: t.area, previous });
      }
      previous = t.area;
    });
  },
});

export const taskDeadlinesValid = defineRule({
  name: 'task-deadlines-valid',
  codes: ['task/deadline-invalid', 'task/deadline-year'],
  run(docs, report) {
    const doc = docs.tasks;
    if (!doc?.data) return;
    const year = docs.plan?.data?.year;
    doc.data.tasks.forEach((t, i) => {
      const d = parseDeadline(t.deadline);
      if (d.kind === 'invalid') {
        report.at(doc.source, ['tasks', i, 'deadline'], 'task/deadline-invalid', { actual: t.deadline });
        return;
      }
      const y = deadlineYear(d);
      if (year !== undefined && y !== undefined && y !== year) {
        report.at(doc.source, ['tasks', i, 'deadline'], 'task/deadline-year', { actual: t.deadline, year });
      }
      if (year !== undefined && t.due && Number(t.due.slice(0, 4)) !== year) {
        report.at(doc.source, ['tasks', i, 'due'], 'task/deadline-year', { actual: t.due, year });
      }
    });
  },
});
