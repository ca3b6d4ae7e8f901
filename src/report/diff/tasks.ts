/**
 * Task entries of the plan diff: matched tasks (match.ts), their field changes, renumbering
 * folded into ranges, and deadlines that only moved with the plan year. Pure.
 */
import type { Plan, Task, Unit } from '../../model/plan.js';
import { leadLabel, coordinatingLabel } from '../../model/plan.js';
import { parseDeadline, type Deadline } from '../../model/deadline.js';
import { matchTasks } from './match.js';
import { push, textChange, valueChange } from './words.js';
import type { Change, PlanDiff, RenumberRange, Renumbering, TaskChange, TaskRef } from './types.js';

/** True when `after` is `before` moved by exactly `years` to the same quarter, month or day. */
export function isYearShift(before: string, after: string, years: number): boolean {
  if (years === 0) return false;
  const b = parseDeadline(before);
  const a = parseDeadline(after);
  return shiftedDeadlineEquals(b, a, years);
}

function shiftedDeadlineEquals(b: Deadline, a: Deadline, years: number): boolean {
  if (b.kind === 'quarter' && a.kind === 'quarter') return a.quarter === b.quarter && a.year === b.year + years;
  if (b.kind === 'month' && a.kind === 'month') return a.month === b.month && a.year === b.year + years;
  if (b.kind === 'whole-year' && a.kind === 'whole-year') return b.year !== undefined && a.year === b.year + years;
  if (b.kind === 'date' && a.kind === 'date') return shiftIsoDate(b.date, years) === a.date;
  return false;
}

/** An ISO date moved by whole years; 29 February becomes 28 February in a common year. */
export function shiftIsoDate(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function taskRef(t: Task, units: readonly Unit[]): TaskRef {
  return { no: t.no, ...(t.id !== undefined ? { id: t.id } : {}), area: t.area, title: t.title, lead: leadLabel(t, units), deadline: t.deadline };
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function taskChanges(a: Task, b: Task, pa: Plan, pb: Plan, years: number): { changes: Change[]; shifted: boolean } {
  const changes: Change[] = [];
  let shifted = false;
  push(changes, valueChange('id', a.id, b.id));
  push(changes, valueChange('area', a.area, b.area));
  push(changes, textChange('title', a.title, b.title));
  const la = leadLabel(a, pa.units);
  const lb = leadLabel(b, pb.units);
  if (la !== lb || !sameList(a.lead, b.lead)) changes.push({ field: 'lead', before: la, after: lb, ids: { before: [...a.lead], after: [...b.lead] } });
  const ca = coordinatingLabel(a, pa.units);
  const cb = coordinatingLabel(b, pb.units);
  if (ca !== cb || !sameList(a.coordinating, b.coordinating)) {
    changes.push({
      field: 'coordinating',
      before: ca || null,
      after: cb || null,
      ids: { before: [...(a.coordinating ?? [])], after: [...(b.coordinating ?? [])] },
    });
  }
  push(changes, textChange('product', a.product, b.product));
  if (a.deadline !== b.deadline) {
    if (isYearShift(a.deadline, b.deadline, years)) shifted = true;
    else changes.push({ field: 'deadline', before: a.deadline, after: b.deadline });
  }
  if (a.due !== b.due && !(a.due && b.due && shiftIsoDate(a.due, years) === b.due && years !== 0)) {
    changes.push({ field: 'due', before: a.due ?? null, after: b.due ?? null });
  }
  return { changes, shifted };
}

export function diffTasks(pa: Plan, pb: Plan): PlanDiff['tasks'] {
  const years = pb.meta.year - pa.meta.year;
  const m = matchTasks(pa.tasks, pb.tasks);
  const renumbered: Renumbering[] = [];
  const changed: TaskChange[] = [];
  let deadlinesShifted = 0;
  for (const p of m.pairs) {
    if (p.a.no !== p.b.no) renumbered.push({ before: p.a.no, after: p.b.no, ...(p.b.id !== undefined ? { id: p.b.id } : {}), title: p.b.title });
    const { changes, shifted } = taskChanges(p.a, p.b, pa, pb, years);
    if (shifted) deadlinesShifted++;
    if (changes.length > 0) {
      changed.push({
        before: { no: p.a.no, ...(p.a.id !== undefined ? { id: p.a.id } : {}) },
        after: { no: p.b.no, ...(p.b.id !== undefined ? { id: p.b.id } : {}) },
        title: p.b.title,
        match: p.how,
        changes,
      });
    }
  }
  renumbered.sort((x, y) => x.before - y.before);
  return {
    added: m.added.map((t) => taskRef(t, pb.units)),
    removed: m.removed.map((t) => taskRef(t, pa.units)),
    renumbered,
    renumberedRanges: renumberRanges(renumbered),
    changed,
    deadlinesShifted,
  };
}

export function renumberRanges(rs: readonly Renumbering[]): RenumberRange[] {
  const sorted = [...rs].sort((x, y) => x.before - y.before);
  const out: RenumberRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    const shift = r.after - r.before;
    if (last && last.shift === shift && last.before[1] + 1 === r.before) {
      last.before[1] = r.before;
      last.after[1] = r.after;
      last.count++;
    } else out.push({ before: [r.before, r.before], after: [r.after, r.after], shift, count: 1 });
  }
  return out;
}
