/**
 * Progress is recorded beside the plan, one file per report or update. Each record is a
 * full state of what it mentions as of its date, so the state as of any day is, for each
 * task, indicator and budget line, its latest record on or before that day.
 */
import type { Plan, TaskProgress, IndicatorProgress, BudgetProgress, ProgressRecord } from './plan.js';
import type { IsoDate } from './dates.js';

export interface Sourced<T> {
  record: T;
  /** The as-of date of the file it came from. */
  asOf: IsoDate;
  /** The file it came from, as shown to the user. */
  file: string;
}

export interface ProgressState {
  asOf: IsoDate;
  tasks: Map<number, Sourced<TaskProgress>>;
  indicators: Map<string, Sourced<IndicatorProgress>>;
  budget: Map<number, Sourced<BudgetProgress>>;
  /** The files that contributed, oldest first. */
  files: ProgressRecord[];
}

export function progressAsOf(plan: Pick<Plan, 'progress'>, asOf: IsoDate): ProgressState {
  // Oldest first, so later files overwrite; files with the same date keep their file order.
  const files = plan.progress
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.asOf <= asOf)
    .sort((a, b) => (a.p.asOf < b.p.asOf ? -1 : a.p.asOf > b.p.asOf ? 1 : a.i - b.i))
    .map(({ p }) => p);
  const state: ProgressState = { asOf, tasks: new Map(), indicators: new Map(), budget: new Map(), files };
  for (const f of files) {
    for (const r of f.tasks ?? []) state.tasks.set(r.task, { record: r, asOf: f.asOf, file: f.file });
    for (const r of f.indicators ?? []) state.indicators.set(r.indicator, { record: r, asOf: f.asOf, file: f.file });
    for (const r of f.budget ?? []) state.budget.set(r.line, { record: r, asOf: f.asOf, file: f.file });
  }
  return state;
}

/** True when any record that contributed is marked as illustrative (example: true). */
export function isExample(state: ProgressState): boolean {
  return state.files.some((f) => f.example === true);
}
