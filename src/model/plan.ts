/**
 * The domain model: one plan, as the files describe it. The file shapes are generated from
 * schemas/ (generated/files.ts); this module names the parts and adds the functions that
 * belong to them.
 */
import type { PlanFile, UnitsFile, TasksFile, IndicatorsFile, BudgetFile, ProgressFile, ReferencesFile } from '../generated/files.js';
import { parseDeadline, resolveDeadline, type Deadline } from './deadline.js';
import type { IsoDate } from './dates.js';

export type { PlanFile, UnitsFile, TasksFile, IndicatorsFile, BudgetFile, ProgressFile, ReferencesFile };

/** Nội dung: a content area (chỉ đạo điều hành, thể chế, ...). */
export type Area = PlanFile['areas'][number];
/** Đơn vị: an organisational unit or a group of units. */
export type Unit = UnitsFile['units'][number];
/** Nhiệm vụ: a key task of the appendix. */
export type Task = TasksFile['tasks'][number];
/** Chỉ tiêu: an indicator, with measurable targets where its text has them. */
export type Indicator = IndicatorsFile['indicators'][number];
export type Target = NonNullable<Indicator['targets']>[number];
/** Dòng dự toán: a budget line. */
export type BudgetLine = BudgetFile['lines'][number];
export type TaskProgress = NonNullable<ProgressFile['tasks']>[number];
export type IndicatorProgress = NonNullable<ProgressFile['indicators']>[number];
export type BudgetProgress = NonNullable<ProgressFile['budget']>[number];
export type CitedDocument = ReferencesFile['documents'][number];
export type TaskStatus = TaskProgress['status'];

/** One progress file: a full state of what it mentions, as of its date. */
export interface ProgressRecord extends ProgressFile {
  /** The file, as shown to the user. */
  file: string;
}

export interface Plan {
  /** The plan folder, as shown to the user. */
  dir: string;
  meta: PlanFile;
  units: Unit[];
  /** The title of the tasks appendix, as tasks.yaml gives it. */
  tasksTitle?: string;
  tasks: Task[];
  indicators: Indicator[];
  budget: BudgetFile;
  progress: ProgressRecord[];
  references?: CitedDocument[];
}

/** A measurable target with the id progress records use: the indicator's own id when it has one target. */
export interface Measurable {
  id: string;
  indicator: Indicator;
  target: Target;
}

export function measurables(indicators: readonly Indicator[]): Measurable[] {
  const out: Measurable[] = [];
  for (const ind of indicators) {
    const ts = ind.targets ?? [];
    if (ts.length === 1) out.push({ id: ts[0]!.id ?? ind.id, indicator: ind, target: ts[0]! });
    else for (const t of ts) if (t.id) out.push({ id: t.id, indicator: ind, target: t });
  }
  return out;
}

export function taskDeadline(task: Task): Deadline {
  return parseDeadline(task.deadline);
}

export function taskDueDate(task: Task, planYear: number): IsoDate {
  return resolveDeadline(taskDeadline(task), planYear, task.due);
}

export function unitNames(ids: readonly string[], units: readonly Unit[]): string {
  const byId = new Map(units.map((u) => [u.id, u.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

/** Đơn vị chủ trì as the appendix prints it: the text as written, else the unit names. */
export function leadLabel(task: Task, units: readonly Unit[]): string {
  return task.leadText ?? unitNames(task.lead, units);
}

export function coordinatingLabel(task: Task, units: readonly Unit[]): string {
  return task.coordinatingText ?? unitNames(task.coordinating ?? [], units);
}

export function areaTitle(area: Area): string {
  return area.appendixTitle ?? area.title.toLocaleUpperCase('vi');
}
