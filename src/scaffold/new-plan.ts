/**
 * Next year's plan from this one (`cchc new`): the new files' texts and what the clerk must
 * review. Pure: takes the checked source plan with its parsed files, returns texts.
 *
 * The files are rewritten through the YAML documents they were read from, so comments,
 * quoting and order survive; only these values change:
 * - plan.yaml: year; the source year in the title becomes the new year; number and date
 *   blanked (null, when present) and status draft;
 * - tasks.yaml: deadlines naming a quarter, month, date or year move by the difference of
 *   the years to the same quarter/month/day (29/02 becomes 28/02 in a common year); `due`
 *   dates likewise; "Thường xuyên", "Cả năm", "Theo quy định" are kept;
 * - free text in every file (titles, products, solutions, a deadline in words): each date
 *   of the source year it can read (15/12/2024, ngày 05 tháng 01 năm 2024, Quý I/2024,
 *   tháng 6/2024) moves the same way; one it cannot (31/02/2024) is a review note;
 * - budget.yaml: product lines recomputed (quantity × rate), percentage lines recomputed
 *   against their base, the total from the lines, and the words from the total;
 * - every file's first line is `# yaml-language-server: $schema=../../schemas/<kind>.schema.json`
 *   and `apiVersion`, `kind` come first.
 * Progress records are not carried over. Review notes point at lines of the NEW files.
 */
import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { yamlLib } from '../yaml/lib.js';
import type { Plan, BudgetLine } from '../model/plan.js';
import type { PlanDocs } from '../check/context.js';
import { parseDeadline } from '../model/deadline.js';
import { dong, sumDong, percentOf, type Dong } from '../model/money.js';
import { moneyToWords, moneyWordsMatch } from '../model/money-words.js';
import { isoDate, isLeapYear } from '../model/dates.js';
import { parseSource, positionOf, syntaxTree, type PathSegment, type SourceFile } from '../yaml/source.js';
import { progressAsOf } from '../model/progress.js';
import { moveTextDates } from '../model/text-dates.js';

export type NewPlanKind = 'plan' | 'units' | 'tasks' | 'indicators' | 'budget' | 'references';

export interface NewPlanSources {
  plan: SourceFile;
  units: SourceFile;
  tasks: SourceFile;
  indicators: SourceFile;
  budget: SourceFile;
  references?: SourceFile;
}

/** The sources of a checked plan's files (every required file is there once the plan is). */
export function newPlanSources(docs: PlanDocs): NewPlanSources {
  return {
    plan: docs.plan!.source,
    units: docs.units!.source,
    tasks: docs.tasks!.source,
    indicators: docs.indicators!.source,
    budget: docs.budget!.source,
    ...(docs.references ? { references: docs.references.source } : {}),
  };
}

export interface NewPlanFile {
  kind: NewPlanKind;
  /** File name inside the new folder (plan.yaml). */
  name: string;
  text: string;
}

/** What a note is about, for the renderer to name it ("Nhiệm vụ 8, tên"). */
export interface NoteSubject {
  kind: 'plan' | 'area' | 'task' | 'indicator' | 'line' | 'unit' | 'budget' | 'comment';
  /** Task or line number, area number, indicator or unit id. */
  id?: string | number;
  /** The field, as named in the file (title, preamble, solutions, ...). */
  field?: string;
}

export type ReviewNote =
  | { kind: 'deadline-moved'; file: string; line: number; task: number; before: string; after: string; clamped: boolean }
  | { kind: 'due-moved'; file: string; line: number; task: number; before: string; after: string; clamped: boolean }
  | { kind: 'deadline-free'; file: string; line: number; task: number; deadline: string }
  | { kind: 'text-dates-moved'; file: string; line: number; subject: NoteSubject; before: string; after: string }
  | { kind: 'date-unmoved'; file: string; line: number; subject: NoteSubject; date: string }
  | { kind: 'legal-basis'; file: string; line: number; text: string }
  | { kind: 'funding'; file: string; line: number; text: string }
  | { kind: 'year-mention'; file: string; line: number; subject: NoteSubject; excerpt: string }
  | { kind: 'budget'; file: string; line: number; lines: number; total: Dong; previousTotal: Dong }
  | { kind: 'budget-unresolved'; file: string; line: number }
  | { kind: 'unfinished'; file: string; line: number; tasks: number[]; asOf: string; example: boolean };

export interface NewPlanResult {
  year: number;
  fromYear: number;
  files: NewPlanFile[];
  notes: ReviewNote[];
}

export interface NewPlanOptions {
  year: number;
  /** The new folder as shown to the user (plans/2023), for the notes' file paths. */
  toPath: string;
  /** The folder the source plan came from, as shown (plans/2022), for the provenance comment. */
  fromPath: string;
}

// ---------------------------------------------------------------------------------------
// Pure helpers, exported for their tests

/** A whole number of years later; 29 February becomes 28 February in a common year. */
export function shiftYmd(y: number, m: number, d: number, years: number): { y: number; m: number; d: number; clamped: boolean } {
  const ny = y + years;
  if (m === 2 && d === 29 && !isLeapYear(ny)) return { y: ny, m, d: 28, clamped: true };
  return { y: ny, m, d, clamped: false };
}

/** The same year as a word of its own: 2022 in "năm 2022" or "20/12/2022", not in "12022". */
export function yearPattern(year: number): RegExp {
  return new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g');
}

/**
 * A deadline moved by `years`, written as it was written ("Quý I/2022" → "Quý I/2023",
 * "31/3/2022" → "31/3/2023", "ngày 29/02/2024" → "ngày 28/02/2025"). Undefined when the
 * form has no year to move (Thường xuyên, Cả năm, Theo quy định, free text).
 */
export function moveDeadline(text: string, years: number): { text: string; clamped: boolean } | undefined {
  const d = parseDeadline(text);
  const raw = text.normalize('NFC');
  switch (d.kind) {
    case 'quarter':
    case 'month':
    case 'whole-year': {
      if (d.kind === 'whole-year' && d.year === undefined) return undefined;
      const y = d.year!;
      const m = new RegExp(`(?<!\\d)${y}(?!\\d)(?!.*(?<!\\d)${y}(?!\\d))`, 'u').exec(raw);
      if (!m) return undefined;
      return { text: raw.slice(0, m.index) + String(y + years) + raw.slice(m.index + m[0].length), clamped: false };
    }
    case 'date': {
      const [y, mo, day] = d.date.split('-').map(Number) as [number, number, number];
      const s = shiftYmd(y, mo, day, years);
      const iso = /^(\s*)(\d{4})-(\d{2})-(\d{2})(\s*)$/.exec(raw);
      if (iso) return { text: `${iso[1]}${isoDate(s.y, s.m, s.d)}${iso[5]}`, clamped: s.clamped };
      const dmy = /^(.*?)(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})(\s*)$/u.exec(raw);
      if (!dmy) return undefined;
      const dayText = String(s.d).padStart(dmy[2]!.length, '0');
      return { text: `${dmy[1]}${dayText}${dmy[3]}${dmy[4]}${dmy[5]}${s.y}${dmy[7]}`, clamped: s.clamped };
    }
    default:
      return undefined;
  }
}

/** An ISO date moved by `years`. */
export function moveIsoDate(iso: string, years: number): { date: string; clamped: boolean } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const s = shiftYmd(y, m, d, years);
  return { date: isoDate(s.y, s.m, s.d), clamped: s.clamped };
}

export interface RecomputedBudget {
  amounts: Dong[];
  total: Dong;
  /** False when percentage lines never settled (they refer to each other in a loop). */
  settled: boolean;
}

/**
 * Amounts recomputed from the lines: quantity × rate where both are given, percentage
 * lines against their base ("total": the total they are part of; "others": the sum of the
 * other lines), and the total as the sum. Percentage lines start from the real-valued
 * solution and are iterated to the integer fixed point (rounding half up, as the check
 * does). Percentages adding up to 100% or more have no solution: `settled` is false.
 */
export function recomputeBudget(lines: readonly BudgetLine[]): RecomputedBudget {
  const amounts = lines.map((l) => (l.quantity !== undefined && l.rate !== undefined && !l.percentOf ? BigInt(l.quantity) * dong(l.rate) : dong(l.amount)));
  const pct = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.percentOf);
  let settled = pct.length === 0;
  if (!settled) {
    // Start from the real-valued solution, T = fixed / (1 − Σ p − Σ q/(1+q)), so the
    // integer iteration below only has rounding left to settle.
    const fixed = Number(sumDong(amounts.filter((_, i) => !lines[i]!.percentOf)));
    let share = 0;
    for (const { l } of pct) {
      const p = l.percentOf!.percent / 100;
      share += l.percentOf!.base === 'total' ? p : p / (1 + p);
    }
    if (share >= 1) return { amounts: lines.map((l) => dong(l.amount)), total: sumDong(lines.map((l) => dong(l.amount))), settled: false };
    const total = fixed / (1 - share);
    for (const { l, i } of pct) {
      const p = l.percentOf!.percent / 100;
      amounts[i] = BigInt(Math.round(l.percentOf!.base === 'total' ? p * total : (p * total) / (1 + p)));
    }
  }
  for (let round = 0; round < 200 && !settled; round++) {
    settled = true;
    const total = sumDong(amounts);
    for (const { l, i } of pct) {
      const base = l.percentOf!.base === 'total' ? total : total - amounts[i]!;
      const next = percentOf(base, l.percentOf!.percent);
      if (next !== amounts[i]) {
        amounts[i] = next;
        settled = false;
      }
    }
  }
  return { amounts, total: sumDong(amounts), settled };
}

/** A short piece of `text` around `index`, with "…" where it was cut. */
export function excerptAround(text: string, index: number, length: number, room = 56): string {
  const cps = [...text.replace(/\s+/g, ' ')];
  // Work in code points so Vietnamese letters are never cut in two.
  const at = [...text.slice(0, index).replace(/\s+/g, ' ')].length;
  if (cps.length <= room) return cps.join('');
  let start = Math.max(0, at - Math.floor((room - length) / 2));
  start = Math.min(start, cps.length - room);
  let s = cps.slice(start, start + room).join('');
  if (start > 0) s = '…' + s.replace(/^\S*\s/, '');
  if (start + room < cps.length) s = s.replace(/\s\S*$/, '') + '…';
  return s;
}

// ---------------------------------------------------------------------------------------
// Editing the YAML documents

const isMap = (n: unknown): n is YAMLMap => yamlLib().isMap(n);
const isScalar = (n: unknown): n is Scalar => yamlLib().isScalar(n);

function setScalar(doc: Document, path: PathSegment[], value: string | number | null): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    node.value = value;
    return;
  }
  doc.setIn(path, new (yamlLib().Scalar)(value));
}

const SCHEMA_LINE = /^\s*yaml-language-server:/;
const PROVENANCE_LINE = /^\s*Lập từ .* bằng "cchc new \d{4}"/;

/** The schema comment first, then apiVersion and kind, whatever order the source had. */
function normaliseHead(doc: Document, kind: NewPlanKind, extra: string[] = []): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  const m = map as YAMLMap;
  const first = m.items[0] as Pair<Scalar, unknown> | undefined;
  // The old schema line is replaced, and so is the provenance line of an earlier `cchc new`.
  const header = (doc.commentBefore ?? first?.key?.commentBefore ?? '')
    .split('\n')
    .filter((l, i) => !(i === 0 && SCHEMA_LINE.test(l)) && !PROVENANCE_LINE.test(l));
  doc.commentBefore = null;
  if (first?.key) first.key.commentBefore = undefined;
  for (const key of ['kind', 'apiVersion']) {
    const idx = m.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    if (idx > 0) {
      const [p] = m.items.splice(idx, 1);
      m.items.unshift(p!);
    }
  }
  const lines = [
    ` yaml-language-server: $schema=../../schemas/${kind}.schema.json`,
    ...extra.map((x) => ` ${x}`),
    ...header.filter((l, i, all) => !(l === '' && i === all.length - 1)),
  ];
  const head = m.items[0] as Pair<Scalar, unknown> | undefined;
  if (head && isScalar(head.key)) head.key.commentBefore = lines.join('\n');
  else doc.commentBefore = lines.join('\n');
}

function render(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// ---------------------------------------------------------------------------------------
// The derivation

const FILE_ORDER: NewPlanKind[] = ['plan', 'units', 'tasks', 'indicators', 'budget', 'references'];

/** Parsed YAML read field by field: any field may be absent or of another type. */
type Loose = { readonly [key: string]: unknown };
const rec = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
type FoundText = { path: PathSegment[]; text: string; subject: NoteSubject };

/** Fields whose text is scanned for mentions of the source year, with how to name them. */
function* textsOf(kind: NewPlanKind, raw: unknown): Generator<FoundText> {
  const data = rec(raw);
  if (kind === 'plan') yield* planTexts(data);
  else if (kind === 'tasks') {
    yield* text(data.title, ['title'], { kind: 'plan', field: 'tasksTitle' });
    for (const [i, t] of list(data.tasks).map(rec).entries()) {
      for (const f of ['title', 'product', 'leadText', 'coordinatingText'] as const)
        yield* text(t[f], ['tasks', i, f], { kind: 'task', id: idOf(t.no), field: f });
    }
  } else if (kind === 'indicators') {
    for (const [i, x] of list(data.indicators).map(rec).entries()) {
      yield* text(x.text, ['indicators', i, 'text'], { kind: 'indicator', id: idOf(x.id), field: 'text' });
      for (const [k, t] of list(x.targets).map(rec).entries())
        yield* text(t.of, ['indicators', i, 'targets', k, 'of'], { kind: 'indicator', id: idOf(x.id), field: 'target' });
    }
  } else if (kind === 'budget') {
    for (const f of ['title', 'subtitle'] as const) yield* text(data[f], [f], { kind: 'budget', field: f });
    for (const [i, l] of list(data.lines).map(rec).entries())
      yield* text(l.content, ['lines', i, 'content'], { kind: 'line', id: idOf(l.no), field: 'content' });
  } else if (kind === 'units') {
    for (const [i, u] of list(data.units).map(rec).entries()) yield* text(u.name, ['units', i, 'name'], { kind: 'unit', id: idOf(u.id), field: 'name' });
  }
}

function* planTexts(data: Loose): Generator<FoundText> {
  for (const f of ['preamble', 'closing', 'annexNote', 'place'] as const) yield* text(data[f], [f], { kind: 'plan', field: f });
  yield* text(rec(data.agency).name, ['agency', 'name'], { kind: 'plan', field: 'agency' });
  for (const f of ['purposes', 'requirements', 'recipients'] as const) {
    for (const [i, t] of list(data[f]).entries()) yield* text(t, [f, i], { kind: 'plan', field: f });
  }
  for (const [i, a] of list(data.areas).map(rec).entries()) {
    const id = idOf(a.id);
    yield* text(a.title, ['areas', i, 'title'], { kind: 'area', id, field: 'title' });
    yield* text(a.appendixTitle, ['areas', i, 'appendixTitle'], { kind: 'area', id, field: 'appendixTitle' });
    for (const [k, s] of list(a.solutions).entries()) yield* text(s, ['areas', i, 'solutions', k], { kind: 'area', id, field: 'solutions' });
  }
  for (const [i, x] of list(data.implementation).map(rec).entries()) {
    for (const [k, s] of list(x.duties).entries()) yield* text(s, ['implementation', i, 'duties', k], { kind: 'plan', field: 'implementation' });
  }
}

/** The text at `path`, when it is a string. */
function* text(v: unknown, path: PathSegment[], subject: NoteSubject): Generator<FoundText> {
  if (typeof v === 'string') yield { path, text: v, subject: subject.id === undefined ? withoutId(subject) : subject };
}

function withoutId(s: NoteSubject): NoteSubject {
  const { id: _id, ...rest } = s;
  return rest;
}

/** A review note waiting for the line its value lands on in the new file. */
interface Pending {
  kind: NewPlanKind;
  path: PathSegment[];
  make: (file: string, line: number) => ReviewNote;
}

/** The documents being rewritten, the notes waiting for their lines, and the two years. */
interface Derivation {
  plan: Plan;
  docs: Partial<Record<NewPlanKind, Document>>;
  pending: Pending[];
  fromYear: number;
  year: number;
  years: number;
}

export function deriveNewPlan(plan: Plan, sources: NewPlanSources, opts: NewPlanOptions): NewPlanResult {
  const fromYear = plan.meta.year;
  const year = opts.year;
  const docs: Partial<Record<NewPlanKind, Document>> = {};
  for (const k of FILE_ORDER) {
    const src = sources[k];
    if (src) docs[k] = syntaxTree(src).clone() as Document;
  }
  const d: Derivation = { plan, docs, pending: [], fromYear, year, years: year - fromYear };
  renewPlanFile(d);
  moveTaskDeadlines(d);
  moveTextDatesIn(d, sources);
  recomputeBudgetFile(d);
  noteUnfinishedTasks(d);
  const files: NewPlanFile[] = [];
  const notes: ReviewNote[] = [];
  const handled = new Set<string>();
  for (const kind of FILE_ORDER) {
    const doc = docs[kind];
    if (!doc) continue;
    const out = renderFile(d, kind, doc, opts, handled);
    files.push(out.file);
    notes.push(...out.notes);
  }
  const order = (file: string) => FILE_ORDER.findIndex((k) => file.endsWith(`/${k}.yaml`));
  notes.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
  return { year, fromYear, files, notes };
}

/** plan.yaml: the new year and title, no number or date yet, a draft; legal bases and funding to review. */
function renewPlanFile({ plan, docs, pending, fromYear, year }: Derivation): void {
  const pd = docs.plan!;
  setScalar(pd, ['year'], year);
  setScalar(pd, ['title'], plan.meta.title.replace(yearPattern(fromYear), String(year)));
  if (pd.has('number')) setScalar(pd, ['number'], null);
  if (pd.has('date')) setScalar(pd, ['date'], null);
  setScalar(pd, ['status'], 'draft');
  (plan.meta.legalBases ?? []).forEach((text, i) =>
    pending.push({ kind: 'plan', path: ['legalBases', i], make: (file, line) => ({ kind: 'legal-basis', file, line, text }) }),
  );
  if (plan.meta.funding?.source) {
    const text = plan.meta.funding.source;
    pending.push({ kind: 'plan', path: ['funding', 'source'], make: (file, line) => ({ kind: 'funding', file, line, text }) });
  }
}

/** tasks.yaml: deadlines and due dates move by the years; a deadline in words is left for review. */
function moveTaskDeadlines({ plan, docs, pending, fromYear, years }: Derivation): void {
  const td = docs.tasks!;
  plan.tasks.forEach((t, i) => {
    const moved = moveDeadline(t.deadline, years);
    if (moved) {
      setScalar(td, ['tasks', i, 'deadline'], moved.text);
      pending.push({
        kind: 'tasks',
        path: ['tasks', i, 'deadline'],
        make: (file, line) => ({ kind: 'deadline-moved', file, line, task: t.no, before: t.deadline, after: moved.text, clamped: moved.clamped }),
      });
    } else if (parseDeadline(t.deadline).kind === 'free' && moveTextDates(t.deadline, fromYear, years).moved > 0) {
      // "Trước ngày 15/12/2024": the dates inside the words move too (issue 16.5).
      const m = moveTextDates(t.deadline, fromYear, years);
      setScalar(td, ['tasks', i, 'deadline'], m.text);
      pending.push({
        kind: 'tasks',
        path: ['tasks', i, 'deadline'],
        make: (file, line) => ({ kind: 'deadline-moved', file, line, task: t.no, before: t.deadline, after: m.text, clamped: false }),
      });
    } else if (parseDeadline(t.deadline).kind === 'free') {
      pending.push({
        kind: 'tasks',
        path: ['tasks', i, 'deadline'],
        make: (file, line) => ({ kind: 'deadline-free', file, line, task: t.no, deadline: t.deadline }),
      });
    }
    if (t.due) {
      const d = moveIsoDate(t.due, years);
      setScalar(td, ['tasks', i, 'due'], d.date);
      pending.push({
        kind: 'tasks',
        path: ['tasks', i, 'due'],
        make: (file, line) => ({ kind: 'due-moved', file, line, task: t.no, before: t.due!, after: d.date, clamped: d.clamped }),
      });
    }
  });
}

/**
 * Dates inside free text move with the plan; a date of the source year that is not a real
 * date cannot be moved and is left for review (validate also warns: task/date-outside-year).
 */
function moveTextDatesIn({ docs, pending, fromYear, years }: Derivation, sources: NewPlanSources): void {
  for (const kind of ['plan', 'tasks', 'indicators', 'budget', 'units'] as const) {
    for (const t of textsOf(kind, sources[kind].data)) {
      const m = moveTextDates(t.text, fromYear, years);
      if (m.moved > 0) {
        setScalar(docs[kind]!, t.path, m.text);
        pending.push({
          kind,
          path: t.path,
          make: (file, line) => ({ kind: 'text-dates-moved', file, line, subject: t.subject, before: t.text, after: m.text }),
        });
      }
      for (const u of m.unmoved)
        pending.push({ kind, path: t.path, make: (file, line) => ({ kind: 'date-unmoved', file, line, subject: t.subject, date: u }) });
    }
  }
}

/** budget.yaml: amounts recomputed, the total from the lines, the words from the total. */
function recomputeBudgetFile({ plan, docs, pending }: Derivation): void {
  const bd = docs.budget!;
  const lines = plan.budget.lines as readonly BudgetLine[];
  const r = recomputeBudget(lines);
  r.amounts.forEach((a, i) => {
    if (a !== dong(lines[i]!.amount)) setScalar(bd, ['lines', i, 'amount'], Number(a));
  });
  setScalar(bd, ['total'], Number(r.total));
  if (!moneyWordsMatch(plan.budget.totalInWords, r.total).ok) setScalar(bd, ['totalInWords'], moneyToWords(r.total));
  pending.push({
    kind: 'budget',
    path: ['lines'],
    make: (file, line) => ({ kind: 'budget', file, line, lines: lines.length, total: r.total, previousTotal: dong(plan.budget.total) }),
  });
  if (!r.settled) pending.push({ kind: 'budget', path: ['lines'], make: (file, line) => ({ kind: 'budget-unresolved', file, line }) });
}

/** Tasks still open at the last progress record: candidates to carry over. */
function noteUnfinishedTasks({ plan, pending }: Derivation): void {
  const lastAsOf = plan.progress
    .map((p) => p.asOf)
    .sort()
    .at(-1);
  if (!lastAsOf) return;
  const state = progressAsOf(plan, lastAsOf);
  const open = plan.tasks.filter((t) => state.tasks.get(t.no)?.record.status !== 'done').map((t) => t.no);
  const example = state.files.some((f) => f.example === true);
  if (open.length > 0)
    pending.push({ kind: 'tasks', path: ['tasks'], make: (file, line) => ({ kind: 'unfinished', file, line, tasks: open, asOf: lastAsOf, example }) });
}

/** One new file's text with its header, and its notes: the pending ones, then the source year's mentions. */
function renderFile(d: Derivation, kind: NewPlanKind, doc: Document, opts: NewPlanOptions, handled: Set<string>): { file: NewPlanFile; notes: ReviewNote[] } {
  const { fromYear, year } = d;
  const notes: ReviewNote[] = [];
  const extra = kind === 'plan' ? [`Lập từ ${opts.fromPath} (năm ${fromYear}) bằng "cchc new ${year}"; rà soát trước khi trình ký.`] : [];
  normaliseHead(doc, kind, extra);
  const name = `${kind}.yaml`;
  const text = render(doc);
  const shown = `${opts.toPath}/${name}`;
  const src = parseSource(shown, text);
  const lineOf = (p: PathSegment[]) => positionOf(src, p).line;
  for (const p of d.pending.filter((x) => x.kind === kind)) {
    notes.push(p.make(shown, lineOf(p.path)));
    handled.add(`${kind}:${JSON.stringify(p.path)}`);
  }
  // Cited documents (references.yaml) keep their own dates and subjects: only comments there.
  for (const t of kind === 'references' ? [] : textsOf(kind, src.data)) {
    if (handled.has(`${kind}:${JSON.stringify(t.path)}`)) continue;
    const m = yearPattern(fromYear).exec(t.text);
    if (!m) continue;
    notes.push({ kind: 'year-mention', file: shown, line: lineOf(t.path), subject: t.subject, excerpt: excerptAround(t.text, m.index, m[0].length) });
  }
  // Full-line comments are the clerk's notes; an old year there is worth a look too.
  const ownHeader = 1 + extra.length;
  text.split('\n').forEach((l, i) => {
    if (i < ownHeader || !/^\s*#/.test(l)) return;
    const m = yearPattern(fromYear).exec(l);
    if (m)
      notes.push({
        kind: 'year-mention',
        file: shown,
        line: i + 1,
        subject: { kind: 'comment' },
        excerpt: excerptAround(l.replace(/^\s*#\s?/, ''), Math.max(0, m.index - (l.length - l.replace(/^\s*#\s?/, '').length)), m[0].length),
      });
  });
  return { file: { kind, name, text }, notes };
}
