/**
 * The status report: the plan's progress as of one date, computed once and handed to every
 * renderer (terminal, JSON, the Excel progress sheet). Pure: no file system, no clock; the
 * caller passes "today".
 *
 * - A task's state is its latest record on or before the as-of date; no record means not
 *   started, 0%. A done task counts 100% whatever percent the record gives.
 * - Overdue: due date before the as-of date and not done. A task done after its due date
 *   is "finished late", never overdue.
 * - Completion as official reports state it: finished ÷ planned × 100 (not rounded here).
 * - Indicators: achieved by the target's comparator; "=" (đạt) means reaching the level,
 *   actual ≥ value. No record: achieved is null.
 * - Filters narrow the tasks and the task rollups (overall, areas, units); --area also
 *   narrows the indicators. The budget and the score always describe the whole plan.
 */
import { measurables, taskDeadline, taskDueDate, leadLabel, type Plan, type Target, type TaskStatus, type Unit } from '../model/plan.js';
import { isOpenEnded } from '../model/deadline.js';
import { isoDate, maxDate, minDate, type IsoDate } from '../model/dates.js';
import type { Period } from '../model/period.js';
import { progressAsOf, isExample } from '../model/progress.js';
import { dong, ratioPercent, sumDong } from '../model/money.js';
import { percentOf, roundPercent } from '../model/percent.js';
import { DEFAULT_FRAME, scoreCompletion, type ScoringFrame } from './scoring.js';

/** Narrowing of the task list. `unit` is a unit id (resolve a name with findUnit first). */
export interface StatusFilter {
  unit?: string;
  area?: number;
  overdue?: boolean;
}

export interface StatusOptions {
  /** Figures as of this date. */
  asOf?: IsoDate;
  /** A reporting period: figures as of its official cut-off (period.end). Takes precedence over asOf. */
  period?: Period;
  /** The clerk's today; the default as-of is today clipped to the plan year. */
  today: IsoDate;
  filter?: StatusFilter;
  /** The scoring frame; DEFAULT_FRAME when absent. */
  frame?: ScoringFrame;
}

export type TaskState = 'not-started' | 'in-progress' | 'done';

export interface TaskEvidence {
  document?: string;
  date?: IsoDate;
  product?: string;
}

export interface TaskLine {
  no: number;
  id?: string;
  area: number;
  title: string;
  /** Đơn vị chủ trì as the appendix prints it. */
  lead: string;
  leadIds: string[];
  status: TaskState;
  percent: number;
  /** Thời gian hoàn thành as written. */
  deadline: string;
  due: IsoDate;
  /** Thường xuyên, Cả năm, Theo quy định or free text without an explicit due date. */
  openEnded: boolean;
  overdue: boolean;
  finishedLate: boolean;
  completed?: IsoDate;
  evidence?: TaskEvidence;
  note?: string;
  /** The date of the progress file the state comes from; absent when there is no record. */
  recordAsOf?: IsoDate;
}

export interface Rollup {
  planned: number;
  finished: number;
  /** finished ÷ planned × 100, not rounded; 0 when nothing is planned. */
  percent: number;
  /** Mean of the tasks' percent done; 0 when nothing is planned. */
  averagePercent: number;
  overdue: number;
  finishedLate: number;
}

export interface AreaRollup {
  id: number;
  title: string;
  planned: number;
  finished: number;
  percent: number;
  averagePercent: number;
  overdue: number;
}

export interface UnitRollup {
  id: string;
  name: string;
  planned: number;
  finished: number;
  percent: number;
  overdue: number;
}

export interface IndicatorLine {
  /** The id progress records use: the target's id, or the indicator's when it has one target. */
  id: string;
  /** The indicator's id. */
  indicator: string;
  area: number;
  text: string;
  target: { comparator: Target['comparator']; value: number; unit: string; of?: string };
  actual: number | null;
  /** null: no data as of the date. */
  achieved: boolean | null;
  source?: string;
}

/** A qualitative indicator (chỉ tiêu định tính: no measurable target) and its recorded assessment. */
export interface QualitativeLine {
  id: string;
  area: number;
  text: string;
  /** đạt, không đạt, or null: chưa đánh giá (not assessed as of the date). */
  assessment: 'dat' | 'khong-dat' | null;
  source?: string;
}

export interface BudgetLineStatus {
  no: number;
  content: string;
  planned: bigint;
  spent: bigint;
  remaining: bigint;
  percentUsed: number;
  overspent: boolean;
}

export interface StatusReport {
  asOf: IsoDate;
  period?: { id: string; kind: Period['kind']; year: number; quarter?: 1 | 2 | 3 | 4; start: IsoDate; end: IsoDate };
  /** Progress data marked illustrative (example: true in a contributing progress file). */
  example: boolean;
  plan: {
    agency: string;
    title: string;
    year: number;
    number: string | null;
    /** Ký hiệu (KH-UBND), when the plan gives one. */
    symbol: string | null;
    date: string | null;
    status: 'draft' | 'issued';
    dir: string;
  };
  /** The filter in force; absent when none is. */
  filter?: { unit?: { id: string; name: string }; area?: number; overdue?: boolean };
  overall: Rollup;
  areas: AreaRollup[];
  units: UnitRollup[];
  tasks: TaskLine[];
  indicators: IndicatorLine[];
  /** Indicators without a measurable target, with their assessment. */
  qualitative: QualitativeLine[];
  /** Tasks whose free-text deadline names no date and that have no `due:` (they fall due on 31/12). */
  unresolvedDeadlines: Array<{ no: number; deadline: string }>;
  budget: { planned: bigint; spent: bigint; remaining: bigint; percentUsed: number; lines: BudgetLineStatus[] };
  /** On the whole plan, whatever the filter. */
  score: { points: number; max: number; percent: number; frame: string };
  /** Progress files that contributed, oldest first. */
  sources: Array<{ file: string; asOf: IsoDate; example: boolean }>;
}

/** Today clipped to the plan year: before 1 January → 1 January, after 31 December → 31 December. */
export function defaultAsOf(planYear: number, today: IsoDate): IsoDate {
  return minDate(maxDate(today, isoDate(planYear, 1, 1)), isoDate(planYear, 12, 31));
}

export function resolveAsOf(planYear: number, opts: Pick<StatusOptions, 'asOf' | 'period' | 'today'>): IsoDate {
  if (opts.period) return opts.period.end;
  return opts.asOf ?? defaultAsOf(planYear, opts.today);
}

function fold(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** A unit by id or by name, case-insensitive, after NFC. */
export function findUnit(units: readonly Unit[], query: string): Unit | undefined {
  const q = fold(query);
  return units.find((u) => fold(u.id) === q) ?? units.find((u) => fold(u.name) === q);
}

/** Achievement by the comparator. "=" (đạt, reach the level) counts a value at or above the target. */
export function isAchieved(comparator: Target['comparator'], actual: number, value: number): boolean {
  switch (comparator) {
    case '>=':
    case '=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
  }
}

export function rollupTasks(tasks: readonly TaskLine[]): Rollup {
  let finished = 0;
  let sum = 0;
  let overdue = 0;
  let finishedLate = 0;
  for (const t of tasks) {
    if (t.status === 'done') finished++;
    if (t.overdue) overdue++;
    if (t.finishedLate) finishedLate++;
    sum += t.percent;
  }
  const planned = tasks.length;
  return {
    planned,
    finished,
    percent: percentOf(finished, planned),
    averagePercent: planned === 0 ? 0 : roundPercent(sum / planned),
    overdue,
    finishedLate,
  };
}

function taskLines(plan: Plan, asOf: IsoDate, state: ReturnType<typeof progressAsOf>): TaskLine[] {
  const year = plan.meta.year;
  // Plans repeat a handful of deadlines and lead units across thousands of tasks: resolve each once.
  const deadlines = new Map<string, { due: IsoDate; openEnded: boolean }>();
  const leads = new Map<string, string>();
  return plan.tasks.map((task): TaskLine => {
    const src = state.tasks.get(task.no);
    const r = src?.record;
    const status: TaskStatus = r?.status ?? 'not-started';
    const percent = status === 'done' ? 100 : status === 'not-started' ? 0 : (r?.percent ?? 0);
    const dKey = `${task.deadline}\u0000${task.due ?? ''}`;
    let d = deadlines.get(dKey);
    if (!d) deadlines.set(dKey, (d = { due: taskDueDate(task, year), openEnded: isOpenEnded(taskDeadline(task)) && !task.due }));
    const lKey = task.leadText !== undefined ? undefined : task.lead.join('\u0000');
    let lead = lKey === undefined ? undefined : leads.get(lKey);
    if (lead === undefined) {
      lead = leadLabel(task, plan.units);
      if (lKey !== undefined) leads.set(lKey, lead);
    }
    const due = d.due;
    const line: TaskLine = {
      no: task.no,
      ...(task.id !== undefined ? { id: task.id } : {}),
      area: task.area,
      title: task.title,
      lead,
      leadIds: [...task.lead],
      status,
      percent,
      deadline: task.deadline,
      due,
      openEnded: d.openEnded,
      overdue: status !== 'done' && due < asOf,
      finishedLate: status === 'done' && r?.completed !== undefined && r.completed > due,
    };
    if (r?.completed) line.completed = r.completed;
    if (r?.evidence) line.evidence = { ...r.evidence };
    if (r?.note) line.note = r.note;
    if (src) line.recordAsOf = src.asOf;
    return line;
  });
}

function matchesFilter(t: TaskLine, f: StatusFilter): boolean {
  if (f.area !== undefined && t.area !== f.area) return false;
  if (f.unit !== undefined && !t.leadIds.includes(f.unit)) return false;
  if (f.overdue && !t.overdue) return false;
  return true;
}

function describeFilter(plan: Plan, f: StatusFilter): NonNullable<StatusReport['filter']> {
  const out: NonNullable<StatusReport['filter']> = {};
  if (f.unit !== undefined) out.unit = { id: f.unit, name: plan.units.find((u) => u.id === f.unit)?.name ?? f.unit };
  if (f.area !== undefined) out.area = f.area;
  if (f.overdue) out.overdue = true;
  return out;
}

function hasFilter(f: StatusFilter | undefined): f is StatusFilter {
  return f !== undefined && (f.unit !== undefined || f.area !== undefined || f.overdue === true);
}

type ProgressState = ReturnType<typeof progressAsOf>;

export function computeStatus(plan: Plan, opts: StatusOptions): StatusReport {
  const asOf = resolveAsOf(plan.meta.year, opts);
  const state = progressAsOf(plan, asOf);
  const all = taskLines(plan, asOf, state);
  const filter = hasFilter(opts.filter) ? opts.filter : undefined;
  const tasks = filter ? all.filter((t) => matchesFilter(t, filter)) : all;
  const { areas, units } = rollups(plan, tasks, filter);
  const overall = rollupTasks(tasks);
  const whole = filter ? rollupTasks(all) : overall;
  const score = scoreCompletion(opts.frame ?? DEFAULT_FRAME, whole.finished, whole.planned);
  const m = plan.meta;
  const p = opts.period;
  const report: StatusReport = {
    asOf,
    ...(p ? { period: { id: p.id, kind: p.kind, year: p.year, ...(p.quarter !== undefined ? { quarter: p.quarter } : {}), start: p.start, end: p.end } } : {}),
    example: isExample(state),
    plan: {
      agency: m.agency.name,
      title: m.title,
      year: m.year,
      number: m.number ?? null,
      symbol: m.symbol ?? null,
      date: m.date ?? null,
      status: m.status,
      dir: plan.dir,
    },
    ...(filter ? { filter: describeFilter(plan, filter) } : {}),
    overall,
    areas,
    units,
    tasks,
    indicators: indicatorLines(plan, state, filter),
    qualitative: qualitativeLines(plan, state, filter),
    unresolvedDeadlines: plan.tasks.filter((t) => !t.due && taskDeadline(t).kind === 'free').map((t) => ({ no: t.no, deadline: t.deadline })),
    budget: budgetStatus(plan, state),
    score,
    sources: state.files.map((f) => ({ file: f.file, asOf: f.asOf, example: f.example === true })),
  };
  return report;
}

/** The (filtered) tasks rolled up by area and by lead unit. */
function rollups(plan: Plan, tasks: readonly TaskLine[], filter: StatusFilter | undefined): { areas: AreaRollup[]; units: UnitRollup[] } {
  const byArea = new Map<number, TaskLine[]>();
  const byUnit = new Map<string, TaskLine[]>();
  for (const t of tasks) {
    const a = byArea.get(t.area);
    if (a) a.push(t);
    else byArea.set(t.area, [t]);
    // A task with several lead units counts for each of them.
    for (const id of new Set(t.leadIds)) {
      const u = byUnit.get(id);
      if (u) u.push(t);
      else byUnit.set(id, [t]);
    }
  }
  const areas: AreaRollup[] = plan.meta.areas
    .filter((a) => (filter ? (filter.area !== undefined ? a.id === filter.area : byArea.has(a.id)) : true))
    .map((a) => {
      const r = rollupTasks(byArea.get(a.id) ?? []);
      return { id: a.id, title: a.title, planned: r.planned, finished: r.finished, percent: r.percent, averagePercent: r.averagePercent, overdue: r.overdue };
    });
  const units: UnitRollup[] = plan.units
    .filter((u) => (filter?.unit !== undefined ? u.id === filter.unit : byUnit.has(u.id)))
    .map((u) => {
      const r = rollupTasks(byUnit.get(u.id) ?? []);
      return { id: u.id, name: u.name, planned: r.planned, finished: r.finished, percent: r.percent, overdue: r.overdue };
    });
  return { areas, units };
}

/** Indicators with a measurable target, against what progress records; only --area narrows them. */
function indicatorLines(plan: Plan, state: ProgressState, filter: StatusFilter | undefined): IndicatorLine[] {
  return measurables(plan.indicators)
    .filter((m) => filter?.area === undefined || m.indicator.area === filter.area)
    .map((m) => {
      const rec = state.indicators.get(m.id)?.record;
      const target: IndicatorLine['target'] = { comparator: m.target.comparator, value: m.target.value, unit: m.target.unit };
      if (m.target.of !== undefined) target.of = m.target.of;
      const line: IndicatorLine = {
        id: m.id,
        indicator: m.indicator.id,
        area: m.indicator.area,
        text: m.indicator.text,
        target,
        actual: rec?.value ?? null,
        achieved: rec?.value !== undefined ? isAchieved(m.target.comparator, rec.value, m.target.value) : null,
      };
      if (rec?.source) line.source = rec.source;
      return line;
    });
}

/** Indicators without a target: their assessment (đạt, không đạt) or none yet. */
function qualitativeLines(plan: Plan, state: ProgressState, filter: StatusFilter | undefined): QualitativeLine[] {
  return plan.indicators
    .filter((ind) => (ind.targets?.length ?? 0) === 0)
    .filter((ind) => filter?.area === undefined || ind.area === filter.area)
    .map((ind) => {
      const rec = state.indicators.get(ind.id)?.record;
      const line: QualitativeLine = { id: ind.id, area: ind.area, text: ind.text, assessment: rec?.assessment ?? null };
      if (rec?.source) line.source = rec.source;
      return line;
    });
}

/** Spent against planned, per budget line and in total (always the whole plan). */
function budgetStatus(plan: Plan, state: ProgressState): StatusReport['budget'] {
  const lines: BudgetLineStatus[] = plan.budget.lines.map((l) => {
    const planned = dong(l.amount);
    const spent = dong(state.budget.get(l.no)?.record.spent ?? 0);
    return { no: l.no, content: l.content, planned, spent, remaining: planned - spent, percentUsed: ratioPercent(spent, planned), overspent: spent > planned };
  });
  const bPlanned = sumDong(lines.map((l) => l.planned));
  const bSpent = sumDong(lines.map((l) => l.spent));
  return { planned: bPlanned, spent: bSpent, remaining: bPlanned - bSpent, percentUsed: ratioPercent(bSpent, bPlanned), lines };
}
