/**
 * The plan diff as data: what the text, markdown and JSON renderers receive, and its counts.
 */
import type { Unit } from '../../model/plan.js';
import type { Dong } from '../../model/money.js';

/** Where one side of the comparison came from. */
export interface DiffSide {
  /** git: a revision; worktree: the files on disk in a git repository; folder: a plain folder. */
  source: 'git' | 'worktree' | 'folder';
  /** The plan folder as shown to the user. */
  path: string;
  /** The revision as the user typed it (git only). */
  revision?: string;
  /** The full commit id it resolved to (git only). */
  commit?: string;
}

/** Part of a changed text with a few words of context on each side. */
export interface WordHunk {
  before: string;
  after: string;
  /** Unchanged words just before the change, "… " first when more precede ('' at the start). */
  contextBefore: string;
  /** Unchanged words just after the change, " …" last when more follow ('' at the end). */
  contextAfter: string;
}

export type ChangeValue = string | number | bigint | boolean | null;

export interface Change {
  /** The field, as named in the YAML file (deadline, lead, amount, signer, ...). */
  field: string;
  before: ChangeValue;
  after: ChangeValue;
  /** For long texts changed in a few places: the changed words with context. */
  words?: WordHunk[];
  /** For money: after − before. */
  delta?: Dong;
  /** For unit references: the ids behind the names shown in before/after. */
  ids?: { before: string[]; after: string[] };
}

/** A list of texts (legal bases, purposes, solutions, ...): items added and removed. */
export interface ListChange {
  field: string;
  added: string[];
  removed: string[];
}

export interface TaskRef {
  no: number;
  id?: string;
  area: number;
  title: string;
  lead: string;
  deadline: string;
}

export interface TaskChange {
  before: { no: number; id?: string };
  after: { no: number; id?: string };
  /** The title after the change (before it, when only the title changed, see changes). */
  title: string;
  /** How the two were matched. */
  match: 'id' | 'title' | 'similar';
  changes: Change[];
}

export interface Renumbering {
  before: number;
  after: number;
  id?: string;
  title: string;
}

/** Consecutive renumberings by the same shift, for a compact "1–27 → 2–28". */
export interface RenumberRange {
  before: [number, number];
  after: [number, number];
  shift: number;
  count: number;
}

export interface IndicatorRef {
  id: string;
  area: number;
  text: string;
}

export interface IndicatorChange {
  before: string;
  after: string;
  text: string;
  changes: Change[];
}

export interface LineRef {
  no: number;
  content: string;
  amount: Dong;
}

export interface LineChange {
  before: { no: number };
  after: { no: number };
  content: string;
  changes: Change[];
}

export interface AreaChange {
  id: number;
  title: string;
  changes: Change[];
  lists: ListChange[];
}

export interface PlanDiff {
  a: DiffSide & { year: number };
  b: DiffSide & { year: number };
  /** The newer side's own appendix labels (plan.yaml `appendices`), for section titles. */
  appendices: { tasks?: string; budget?: string };
  metadata: { changes: Change[]; lists: ListChange[] };
  units: { added: Unit[]; removed: Unit[]; changed: { id: string; changes: Change[] }[] };
  areas: { added: { id: number; title: string }[]; removed: { id: number; title: string }[]; changed: AreaChange[] };
  tasks: {
    added: TaskRef[];
    removed: TaskRef[];
    renumbered: Renumbering[];
    renumberedRanges: RenumberRange[];
    changed: TaskChange[];
    /**
     * Deadlines that only moved by the difference between the plan years, to the same
     * quarter, month or day (plans/2022 against plans/2023): counted, not listed.
     */
    deadlinesShifted: number;
  };
  indicators: { added: IndicatorRef[]; removed: IndicatorRef[]; changed: IndicatorChange[] };
  budget: {
    added: LineRef[];
    removed: LineRef[];
    changed: LineChange[];
    total: { before: Dong; after: Dong; delta: Dong };
    totalInWords: { before: string; after: string } | null;
    /** The total as declared in budget.yaml, when it changed (it may differ from the sum). */
    declaredTotal: { before: number; after: number } | null;
  };
}

export interface DiffCounts {
  metadata: number;
  units: number;
  areas: number;
  tasksAdded: number;
  tasksRemoved: number;
  tasksRenumbered: number;
  tasksChanged: number;
  indicators: number;
  budgetLines: number;
  total: number;
}

export function diffCounts(d: PlanDiff): DiffCounts {
  const c = {
    metadata: d.metadata.changes.length + d.metadata.lists.length,
    units: d.units.added.length + d.units.removed.length + d.units.changed.length,
    areas: d.areas.added.length + d.areas.removed.length + d.areas.changed.length,
    tasksAdded: d.tasks.added.length,
    tasksRemoved: d.tasks.removed.length,
    tasksRenumbered: d.tasks.renumbered.length,
    tasksChanged: d.tasks.changed.length,
    indicators: d.indicators.added.length + d.indicators.removed.length + d.indicators.changed.length,
    budgetLines: d.budget.added.length + d.budget.removed.length + d.budget.changed.length,
  };
  const total =
    Object.values(c).reduce((s, n) => s + n, 0) + (d.budget.total.delta !== 0n ? 1 : 0) + (d.budget.totalInWords ? 1 : 0) + (d.budget.declaredTotal ? 1 : 0);
  return { ...c, total };
}

export function hasDifferences(d: PlanDiff): boolean {
  return diffCounts(d).total > 0;
}
