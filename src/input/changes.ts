/**
 * One reporting update, as `cchc record` and `cchc import` express it: what to set on a
 * task, an indicator or a budget line as of a date. Fields left out are left as they were.
 */
import type { IsoDate } from '../model/dates.js';
import type { TaskStatus } from '../model/plan.js';
import type { Assessment } from './labels.js';

export interface TaskChange {
  task: number;
  status?: TaskStatus;
  percent?: number;
  completed?: IsoDate;
  evidence?: { document: string; date?: IsoDate };
  note?: string;
}

export interface IndicatorChange {
  indicator: string;
  value?: number;
  assessment?: Assessment;
  source?: string;
}

export interface BudgetChange {
  line: number;
  spent: number;
}

export interface ProgressChanges {
  tasks: TaskChange[];
  indicators: IndicatorChange[];
  budget: BudgetChange[];
}

export function noChanges(): ProgressChanges {
  return { tasks: [], indicators: [], budget: [] };
}

export function isEmpty(c: ProgressChanges): boolean {
  return c.tasks.length === 0 && c.indicators.length === 0 && c.budget.length === 0;
}

/** One field that changed, for the before → after lines. */
export interface FieldChange {
  section: 'tasks' | 'indicators' | 'budget';
  id: number | string;
  field: string;
  before?: unknown;
  after?: unknown;
}
