/**
 * The progress form of one lead unit (docs/reporting-period.md), as data: the tasks it
 * leads grouped by Nội dung and prefilled with their latest state, the tasks it only
 * coordinates (read-only context), and, in the Văn phòng's form, the indicators and the
 * budget lines. Its identity lets `cchc import` recognise a form of another plan or unit,
 * or one whose task list has changed since it was sent. Pure: no exceljs, no files.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../model/dates.js';
import { measurables, type Plan, type Task, type TaskStatus, type Unit } from '../model/plan.js';
import { progressAsOf } from '../model/progress.js';
import { foldVi } from '../model/fold.js';

/** Bump when the layout changes in a way import must know about. */
export const FORM_VERSION = 1;

/** The hidden sheet that carries the identity. */
export const IDENTITY_SHEET = 'cchc';
export const TASKS_SHEET = 'Tiến độ';
export const INDICATORS_SHEET = 'Chỉ tiêu';
export const BUDGET_SHEET = 'Kinh phí';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

export interface FormIdentity {
  agency: string;
  planTitle: string;
  year: number;
  unit: string;
  unitName: string;
  asOf: IsoDate;
  version: number;
  /** Hash of what the form lists (tasks, indicators, lines): changes when the plan's list does. */
  hash: string;
  /** What the form lists, one line each ("task 3: Rà soát …"), to say what differs. */
  items: string[];
}

export interface FormTaskRow {
  no: number;
  title: string;
  deadline: string;
  status: TaskStatus;
  percent: number;
  completed?: IsoDate;
  evidence?: { document?: string; date?: IsoDate };
  note?: string;
}

export interface FormIndicatorRow {
  id: string;
  text: string;
  /** "≥ 30%"; absent for a qualitative indicator. */
  target?: string;
  qualitative: boolean;
  value?: number;
  assessment?: 'dat' | 'khong-dat';
  source?: string;
}

export interface FormBudgetRow {
  no: number;
  content: string;
  planned: number;
  spent: number;
}

export interface FormModel {
  identity: FormIdentity;
  groups: Array<{ area: number; title: string; rows: FormTaskRow[] }>;
  coordinated: FormTaskRow[];
  indicators: FormIndicatorRow[];
  budget: FormBudgetRow[];
}

/**
 * The Văn phòng: the unit that collects the reports and answers for the indicators and the
 * budget. The first unit named "Văn phòng …"; failing that, the first unit that is not a group.
 */
export function officeUnit(units: readonly Unit[]): Unit | undefined {
  return units.find((u) => !u.group && foldVi(u.name).startsWith('van phong')) ?? units.find((u) => !u.group);
}

/** The units that get a form: every unit that leads a task, and the Văn phòng. */
export function formUnits(plan: Plan): Unit[] {
  const leads = new Set(plan.tasks.flatMap((t) => t.lead));
  const office = officeUnit(plan.units);
  return plan.units.filter((u) => leads.has(u.id) || u.id === office?.id);
}

const COMPARATOR: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

function fmtNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** The lines that identify what a unit's form lists; their hash is the form's task-list hash. */
export function formItems(plan: Plan, unitId: string): string[] {
  const office = officeUnit(plan.units)?.id === unitId;
  const items: string[] = [];
  for (const t of plan.tasks) {
    if (t.lead.includes(unitId)) items.push(`task ${t.no}: ${t.title} | ${t.deadline}`);
    else if ((t.coordinating ?? []).includes(unitId)) items.push(`coordinated ${t.no}: ${t.title}`);
  }
  if (office) {
    for (const m of measurables(plan.indicators))
      items.push(`indicator ${m.id}: ${COMPARATOR[m.target.comparator]} ${fmtNumber(m.target.value)}${m.target.unit}`);
    for (const ind of plan.indicators) if ((ind.targets?.length ?? 0) === 0) items.push(`indicator ${ind.id}: qualitative`);
    for (const l of plan.budget.lines) items.push(`line ${l.no}: ${l.content} | ${l.amount}`);
  }
  return items;
}

export function itemsHash(items: readonly string[]): string {
  return createHash('sha256').update(items.join('\n')).digest('hex').slice(0, 16);
}

function taskRow(t: Task, state: ReturnType<typeof progressAsOf>): FormTaskRow {
  const r = state.tasks.get(t.no)?.record;
  const status: TaskStatus = r?.status ?? 'not-started';
  const row: FormTaskRow = {
    no: t.no,
    title: t.title,
    deadline: t.deadline,
    status,
    percent: status === 'done' ? 100 : status === 'not-started' ? 0 : (r?.percent ?? 0),
  };
  if (r?.completed) row.completed = r.completed;
  if (r?.evidence && (r.evidence.document || r.evidence.date)) row.evidence = { ...r.evidence };
  if (r?.note) row.note = r.note;
  return row;
}

export function buildForm(plan: Plan, unit: Unit, asOf: IsoDate): FormModel {
  const state = progressAsOf(plan, asOf);
  const office = officeUnit(plan.units)?.id === unit.id;
  const groups: FormModel['groups'] = [];
  for (const area of plan.meta.areas) {
    const rows = plan.tasks.filter((t) => t.area === area.id && t.lead.includes(unit.id)).map((t) => taskRow(t, state));
    if (rows.length > 0) groups.push({ area: area.id, title: area.title, rows });
  }
  const coordinated = plan.tasks.filter((t) => !t.lead.includes(unit.id) && (t.coordinating ?? []).includes(unit.id)).map((t) => taskRow(t, state));
  const indicators: FormIndicatorRow[] = [];
  const budget: FormBudgetRow[] = [];
  if (office) {
    for (const m of measurables(plan.indicators)) {
      const rec = state.indicators.get(m.id)?.record;
      const row: FormIndicatorRow = {
        id: m.id,
        text: m.target.of ? `${m.indicator.text} (${m.target.of})` : m.indicator.text,
        target: `${COMPARATOR[m.target.comparator]} ${fmtNumber(m.target.value)}${m.target.unit === '%' ? '%' : ' ' + m.target.unit}`,
        qualitative: false,
      };
      if (rec?.value !== undefined) row.value = rec.value;
      if (rec?.source) row.source = rec.source;
      indicators.push(row);
    }
    for (const ind of plan.indicators.filter((i) => (i.targets?.length ?? 0) === 0)) {
      const rec = state.indicators.get(ind.id)?.record;
      const row: FormIndicatorRow = { id: ind.id, text: ind.text, qualitative: true };
      if (rec?.assessment) row.assessment = rec.assessment;
      if (rec?.source) row.source = rec.source;
      indicators.push(row);
    }
    for (const l of plan.budget.lines) budget.push({ no: l.no, content: l.content, planned: l.amount, spent: state.budget.get(l.no)?.record.spent ?? 0 });
  }
  const items = formItems(plan, unit.id);
  return {
    identity: {
      agency: plan.meta.agency.name,
      planTitle: plan.meta.title,
      year: plan.meta.year,
      unit: unit.id,
      unitName: unit.name,
      asOf,
      version: FORM_VERSION,
      hash: itemsHash(items),
      items,
    },
    groups,
    coordinated,
    indicators,
    budget,
  };
}
