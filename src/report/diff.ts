/**
 * What changed between two versions of a plan: a structured diff computed once from two
 * checked Plans, for the text, markdown and JSON renderers. Pure: no file system, no git.
 *
 * Identity. Tasks renumber whenever one is inserted, so a task is matched, in this order:
 *   1. by its explicit `id` (tasks with an id on both sides match only by id);
 *   2. by the same title (normalised: NFC, lower case, spaces collapsed, end punctuation
 *      dropped), pairing duplicates in order;
 *   3. by similar content: the token Jaccard similarity of the normalised titles is at
 *      least {@link SIMILARITY_THRESHOLD}; pairs inside the same area are made first, then
 *      the most similar, then the nearest in position.
 * A matched task whose number changed is renumbered, not removed and added. Budget lines
 * match by content (same, then similar); indicators by id when their text is still
 * similar, then by text, then by id alone; areas and units by id.
 */
import type { Plan, Task, Unit, Indicator, Target, BudgetLine, PlanFile } from '../model/plan.js';
import { leadLabel, coordinatingLabel } from '../model/plan.js';
import { parseDeadline, type Deadline } from '../model/deadline.js';
import { dong, sumDong, type Dong } from '../model/money.js';
import { SIMILARITY_THRESHOLD, matchByKey, matchSimilar, matchTasks, type Matched } from './diff-match.js';
import { listChange, normalizeText, push, textChange, tokenJaccard, valueChange } from './diff-words.js';

export { SIMILARITY_THRESHOLD, matchTasks, type TaskMatching } from './diff-match.js';
export { listChange, normalizeText, textTokens, tokenJaccard, wordHunks } from './diff-words.js';

// ---------------------------------------------------------------------------------------
// The report

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

// ---------------------------------------------------------------------------------------
// Deadlines across years

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

// ---------------------------------------------------------------------------------------
// The diff

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
    changes.push({ field: 'coordinating', before: ca || null, after: cb || null, ids: { before: [...(a.coordinating ?? [])], after: [...(b.coordinating ?? [])] } });
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

function diffTasks(pa: Plan, pb: Plan): PlanDiff['tasks'] {
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

function targetKey(t: Target, i: number, n: number): string {
  return t.id ?? (n === 1 ? '' : `#${i + 1}`);
}

function targetText(t: Target | undefined): string | null {
  if (!t) return null;
  const cmp = t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator;
  const value = String(t.value);
  return `${cmp} ${value}${t.unit === '%' ? '%' : ` ${t.unit}`}${t.of ? ` (${t.of})` : ''}`;
}

function indicatorChanges(a: Indicator, b: Indicator): Change[] {
  const changes: Change[] = [];
  push(changes, valueChange('id', a.id, b.id));
  push(changes, valueChange('area', a.area, b.area));
  push(changes, textChange('text', a.text, b.text));
  const ta = a.targets ?? [];
  const tb = b.targets ?? [];
  const mapA = new Map(ta.map((t, i) => [targetKey(t, i, ta.length), t]));
  const mapB = new Map(tb.map((t, i) => [targetKey(t, i, tb.length), t]));
  // A lone target and a target with the indicator's own id are the same target.
  if (ta.length === 1 && tb.length === 1) {
    mapA.clear();
    mapB.clear();
    mapA.set('', ta[0]!);
    mapB.set('', tb[0]!);
  }
  const keys = [...new Set([...mapA.keys(), ...mapB.keys()])];
  for (const k of keys) {
    const x = mapA.get(k);
    const y = mapB.get(k);
    const same = x && y && x.comparator === y.comparator && x.value === y.value && x.unit === y.unit && (x.of ?? '') === (y.of ?? '');
    if (!same) changes.push({ field: k ? `target ${k}` : 'target', before: targetText(x), after: targetText(y) });
  }
  return changes;
}

function diffIndicators(pa: Plan, pb: Plan): PlanDiff['indicators'] {
  const as = pa.indicators;
  const bs = pb.indicators;
  const freeA = new Set(as.keys());
  const freeB = new Set(bs.keys());
  const pairs: Matched<Indicator>[] = [];
  // Indicator ids are positional (3.2 = area 3, second): an id is trusted while the text is still similar.
  const byIdB = new Map(bs.map((x, i) => [x.id, i]));
  for (const ai of [...freeA]) {
    const bi = byIdB.get(as[ai]!.id);
    if (bi === undefined || !freeB.has(bi)) continue;
    if (tokenJaccard(as[ai]!.text, bs[bi]!.text) < SIMILARITY_THRESHOLD) continue;
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'id' });
  }
  matchByKey(as, bs, freeA, freeB, (x) => normalizeText(x.text), 'title', pairs);
  const restA = [...freeA].map((i) => ({ index: i, key: as[i]!.text, area: as[i]!.area }));
  const restB = [...freeB].map((i) => ({ index: i, key: bs[i]!.text, area: bs[i]!.area }));
  for (const [ai, bi] of matchSimilar(restA, restB, SIMILARITY_THRESHOLD)) {
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'similar' });
  }
  matchByKey(as, bs, freeA, freeB, (x) => x.id, 'id', pairs);
  pairs.sort((p, q) => bs.indexOf(p.b) - bs.indexOf(q.b));
  const ref = (x: Indicator): IndicatorRef => ({ id: x.id, area: x.area, text: x.text });
  const changed: IndicatorChange[] = [];
  for (const p of pairs) {
    const changes = indicatorChanges(p.a, p.b);
    if (changes.length > 0) changed.push({ before: p.a.id, after: p.b.id, text: p.b.text, changes });
  }
  return {
    added: [...freeB].sort((x, y) => x - y).map((i) => ref(bs[i]!)),
    removed: [...freeA].sort((x, y) => x - y).map((i) => ref(as[i]!)),
    changed,
  };
}

function quantityText(l: BudgetLine): string | null {
  return l.quantityText ?? (l.quantity !== undefined ? String(l.quantity) : null);
}

function percentText(l: BudgetLine): string | null {
  return l.percentOf ? `${l.percentOf.percent}% ${l.percentOf.base}` : null;
}

function lineChanges(a: BudgetLine, b: BudgetLine): Change[] {
  const changes: Change[] = [];
  push(changes, textChange('content', a.content, b.content));
  push(changes, valueChange('unit', a.unit, b.unit));
  const qa = quantityText(a);
  const qb = quantityText(b);
  if (qa !== qb || a.quantity !== b.quantity) changes.push({ field: 'quantity', before: qa, after: qb });
  if (a.rate !== b.rate) changes.push({ field: 'rate', before: a.rate !== undefined ? dong(a.rate) : null, after: b.rate !== undefined ? dong(b.rate) : null });
  push(changes, valueChange('percentOf', percentText(a), percentText(b)));
  if (a.amount !== b.amount) changes.push({ field: 'amount', before: dong(a.amount), after: dong(b.amount), delta: dong(b.amount) - dong(a.amount) });
  return changes;
}

function diffBudget(pa: Plan, pb: Plan): PlanDiff['budget'] {
  const as = pa.budget.lines as readonly BudgetLine[];
  const bs = pb.budget.lines as readonly BudgetLine[];
  const freeA = new Set(as.keys());
  const freeB = new Set(bs.keys());
  const pairs: Matched<BudgetLine>[] = [];
  matchByKey(as, bs, freeA, freeB, (l) => normalizeText(l.content), 'title', pairs);
  const restA = [...freeA].map((i) => ({ index: i, key: as[i]!.content }));
  const restB = [...freeB].map((i) => ({ index: i, key: bs[i]!.content }));
  for (const [ai, bi] of matchSimilar(restA, restB, SIMILARITY_THRESHOLD)) {
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'similar' });
  }
  pairs.sort((p, q) => p.b.no - q.b.no);
  const changed: LineChange[] = [];
  for (const p of pairs) {
    const changes = lineChanges(p.a, p.b);
    if (changes.length > 0 || p.a.no !== p.b.no) changed.push({ before: { no: p.a.no }, after: { no: p.b.no }, content: p.b.content, changes });
  }
  const ref = (l: BudgetLine): LineRef => ({ no: l.no, content: l.content, amount: dong(l.amount) });
  // The total is the sum of the lines: what the plan spends, whatever the declared figure says.
  const before = sumDong(as.map((l) => dong(l.amount)));
  const after = sumDong(bs.map((l) => dong(l.amount)));
  return {
    added: [...freeB].sort((x, y) => x - y).map((i) => ref(bs[i]!)),
    removed: [...freeA].sort((x, y) => x - y).map((i) => ref(as[i]!)),
    changed,
    total: { before, after, delta: after - before },
    totalInWords: pa.budget.totalInWords !== pb.budget.totalInWords ? { before: pa.budget.totalInWords, after: pb.budget.totalInWords } : null,
    // A declared total edited on its own (the change that breaks a budget) is a difference too.
    declaredTotal: pa.budget.total !== pb.budget.total ? { before: pa.budget.total, after: pb.budget.total } : null,
  };
}

function diffUnits(pa: Plan, pb: Plan): PlanDiff['units'] {
  const byA = new Map(pa.units.map((u) => [u.id, u]));
  const byB = new Map(pb.units.map((u) => [u.id, u]));
  const changed: { id: string; changes: Change[] }[] = [];
  for (const u of pb.units) {
    const x = byA.get(u.id);
    if (!x) continue;
    const changes: Change[] = [];
    push(changes, valueChange('name', x.name, u.name));
    push(changes, valueChange('group', x.group ?? false, u.group ?? false));
    if (changes.length > 0) changed.push({ id: u.id, changes });
  }
  return {
    added: pb.units.filter((u) => !byA.has(u.id)),
    removed: pa.units.filter((u) => !byB.has(u.id)),
    changed,
  };
}

function diffAreas(pa: Plan, pb: Plan): PlanDiff['areas'] {
  const byA = new Map(pa.meta.areas.map((x) => [x.id, x]));
  const byB = new Map(pb.meta.areas.map((x) => [x.id, x]));
  const changed: AreaChange[] = [];
  for (const b of pb.meta.areas) {
    const a = byA.get(b.id);
    if (!a) continue;
    const changes: Change[] = [];
    push(changes, textChange('title', a.title, b.title));
    push(changes, textChange('appendixTitle', a.appendixTitle, b.appendixTitle));
    const lists: ListChange[] = [];
    push(lists, listChange('solutions', a.solutions, b.solutions));
    if (changes.length + lists.length > 0) changed.push({ id: b.id, title: b.title, changes, lists });
  }
  return {
    added: pb.meta.areas.filter((x) => !byA.has(x.id)).map((x) => ({ id: x.id, title: x.title })),
    removed: pa.meta.areas.filter((x) => !byB.has(x.id)).map((x) => ({ id: x.id, title: x.title })),
    changed,
  };
}

function signerText(s: PlanFile['signer']): string | null {
  return s ? `${s.title} ${s.name}`.trim() : null;
}

function diffMetadata(a: PlanFile, b: PlanFile): PlanDiff['metadata'] {
  const changes: Change[] = [];
  push(changes, valueChange('year', a.year, b.year));
  push(changes, textChange('title', a.title, b.title));
  push(changes, valueChange('status', a.status, b.status));
  push(changes, valueChange('number', a.number, b.number));
  push(changes, valueChange('symbol', a.symbol, b.symbol));
  push(changes, valueChange('date', a.date, b.date));
  push(changes, valueChange('signer', signerText(a.signer), signerText(b.signer)));
  push(changes, textChange('agency', a.agency.name, b.agency.name));
  push(changes, textChange('agencyShortName', a.agency.shortName, b.agency.shortName));
  push(changes, textChange('agencyParent', a.agency.parent, b.agency.parent));
  push(changes, textChange('place', a.place, b.place));
  push(changes, textChange('preamble', a.preamble, b.preamble));
  push(changes, textChange('funding', a.funding?.source, b.funding?.source));
  push(changes, textChange('annexNote', a.annexNote, b.annexNote));
  push(changes, textChange('closing', a.closing, b.closing));
  const lists: ListChange[] = [];
  push(lists, listChange('legalBases', a.legalBases, b.legalBases));
  push(lists, listChange('purposes', a.purposes, b.purposes));
  push(lists, listChange('requirements', a.requirements, b.requirements));
  const duties = (p: PlanFile) => (p.implementation ?? []).flatMap((x) => x.duties.map((d) => `${x.unit}: ${d}`));
  push(lists, listChange('implementation', duties(a), duties(b)));
  push(lists, listChange('recipients', a.recipients, b.recipients));
  return { changes, lists };
}

export function diffPlans(a: Plan, b: Plan, sides: { a: DiffSide; b: DiffSide } = { a: { source: 'folder', path: a.dir }, b: { source: 'folder', path: b.dir } }): PlanDiff {
  return {
    a: { ...sides.a, year: a.meta.year },
    b: { ...sides.b, year: b.meta.year },
    appendices: { ...(b.meta.appendices ?? {}) },
    metadata: diffMetadata(a.meta, b.meta),
    units: diffUnits(a, b),
    areas: diffAreas(a, b),
    tasks: diffTasks(a, b),
    indicators: diffIndicators(a, b),
    budget: diffBudget(a, b),
  };
}
