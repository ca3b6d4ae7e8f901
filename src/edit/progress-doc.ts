/**
 * Editing one progress file in place with the yaml Document API: comments, key order,
 * quoting and blank lines stay as the clerk left them; only the touched values change,
 * and new records are inserted in order. Pure: text in, text out (docs/reporting-period.md).
 *
 * Each progress file is a full state of what it mentions as of its date (model/progress.ts),
 * so a task first mentioned in this file starts from its latest earlier state (`base`).
 */
import type { Document, YAMLMap, YAMLSeq, Scalar, Pair, Node as YamlNode } from 'yaml';
import { yamlLib } from '../yaml/lib.js';
import type { IsoDate } from '../model/dates.js';
import type { TaskProgress, IndicatorProgress, BudgetProgress } from '../model/plan.js';
import type { ProgressChanges, FieldChange, TaskChange, IndicatorChange } from '../input/changes.js';

export interface ProgressBase {
  tasks: ReadonlyMap<number, TaskProgress>;
  indicators: ReadonlyMap<string, IndicatorProgress>;
  budget: ReadonlyMap<number, BudgetProgress>;
  /** Indicator ids in the plan's order, so new records follow it. */
  indicatorOrder: readonly string[];
}

/** The first lines of a new progress file, as the plan's other files begin. */
export function newProgressText(asOf: IsoDate, schemaComment: string | undefined): string {
  return `${schemaComment ? schemaComment + '\n' : ''}apiVersion: cchc/v1\nkind: Progress\nasOf: "${asOf}"\n`;
}

const TASK_KEYS = ['task', 'status', 'percent', 'completed', 'evidence', 'note'];
const EVIDENCE_KEYS = ['document', 'date', 'product'];
const INDICATOR_KEYS = ['indicator', 'value', 'assessment', 'source'];
const BUDGET_KEYS = ['line', 'spent'];
const SECTIONS = ['apiVersion', 'kind', 'asOf', 'title', 'example', 'tasks', 'indicators', 'budget'];

export interface EditResult {
  text: string;
  changed: FieldChange[];
}

export function applyProgressChanges(text: string, changes: ProgressChanges, base: ProgressBase): EditResult {
  const doc = yamlLib().parseDocument(text, { keepSourceTokens: false }) as Document;
  const ed = docEditor(doc);
  const changed: FieldChange[] = [];
  for (const c of changes.tasks) {
    const seed = base.tasks.get(c.task) ?? { task: c.task, status: 'not-started' };
    const { map } = ed.record(ed.section('tasks'), 'task', c.task, (v) => Number(v), { ...seed, task: c.task });
    applyTask(map, c, changed, ed.setIn, ed.deleteIn, doc);
  }
  const indRank = (v: unknown) => {
    const i = base.indicatorOrder.indexOf(String(v));
    return i < 0 ? base.indicatorOrder.length : i;
  };
  for (const c of changes.indicators) {
    const seed = base.indicators.get(c.indicator) ?? { indicator: c.indicator };
    const { map } = ed.record(ed.section('indicators'), 'indicator', c.indicator, indRank, { ...seed, indicator: c.indicator });
    applyIndicator(map, c, changed, ed.setIn);
  }
  for (const c of changes.budget) {
    const { map } = ed.record(ed.section('budget'), 'line', c.line, (v) => Number(v), { line: c.line, spent: base.budget.get(c.line)?.spent ?? 0 });
    const r = ed.setIn(map, BUDGET_KEYS, 'spent', c.spent);
    if (r.changed) changed.push({ section: 'budget', id: c.line, field: 'spent', before: r.before, after: c.spent });
  }
  const out = doc.toString({ lineWidth: 0 });
  return { text: out, changed: out === text ? [] : changed };
}

/** The edits of one document: set or delete a key in place, find or add a section or a record in order. */
function docEditor(doc: Document) {
  const Y = yamlLib();
  const root = doc.contents as YAMLMap;
  const scalar = (v: unknown): YamlNode => {
    const n = doc.createNode(v) as Scalar;
    // Words such as in-progress or khong-dat stay plain, as the files write them; text, dates
    // and ids ("1.2" would read as a number) are double-quoted, as the files write them.
    if (typeof v === 'string' && !(/^[a-z][a-z-]*$/.test(v) && !/^(true|false|null)$/.test(v))) n.type = 'QUOTE_DOUBLE';
    return n;
  };
  const node = (value: unknown) => (Y.isMap(value) || Y.isSeq(value) ? value : scalar(value));

  /** Set key to value in map, keeping the node (and its quoting) when only the value changes. */
  const setIn: SetIn = (map, order, key, value) => {
    const pair = map.items.find((p) => keyOf(p.key) === key);
    if (!pair) {
      insertOrdered(map, order, doc.createPair(key, node(value)));
      return { before: undefined, changed: true };
    }
    const cur = pair.value as YamlNode | null;
    if (Y.isScalar(cur)) {
      const before = cur.value;
      if (before === value) return { before, changed: false };
      cur.value = value;
      return { before, changed: true };
    }
    const before = cur && 'toJSON' in cur ? (cur as { toJSON(): unknown }).toJSON() : cur;
    pair.value = node(value);
    return { before, changed: true };
  };
  const deleteIn = (map: YAMLMap, key: string): unknown => {
    const i = map.items.findIndex((p) => keyOf(p.key) === key);
    if (i < 0) return undefined;
    const v = map.items[i]!.value;
    map.items.splice(i, 1);
    return Y.isNode(v) ? v.toJSON() : v;
  };
  const section = (name: 'tasks' | 'indicators' | 'budget'): YAMLSeq => {
    let seq = root.get(name, true) as YAMLSeq | undefined;
    if (!Y.isSeq(seq)) {
      seq = doc.createNode([]) as YAMLSeq;
      // An empty `tasks:` (null) is replaced; a missing one is added in the sections' order.
      if (root.has(name)) root.set(name, seq);
      else insertOrdered(root, SECTIONS, doc.createPair(name, seq));
    }
    return seq;
  };
  /** The record of `id` in a section, created in order (from `seed`) when missing. */
  const record = (seq: YAMLSeq, key: string, id: number | string, rank: (v: unknown) => number, seed: object): { map: YAMLMap; created: boolean } => {
    const found = seq.items.find((it) => Y.isMap(it) && eqId((it as YAMLMap).get(key), id)) as YAMLMap | undefined;
    if (found) return { map: found, created: false };
    const map = doc.createNode({}) as YAMLMap;
    const r = rank(id);
    let at = seq.items.findIndex((it) => Y.isMap(it) && rank((it as YAMLMap).get(key)) > r);
    if (at < 0) at = seq.items.length;
    seq.items.splice(at, 0, map);
    for (const [k, v] of Object.entries(seed)) {
      if (v === undefined) continue;
      if (typeof v === 'object' && v !== null) {
        const sub = doc.createNode({}) as YAMLMap;
        for (const [sk, sv] of Object.entries(v)) if (sv !== undefined) sub.items.push(doc.createPair(sk, scalar(sv)));
        map.items.push(doc.createPair(k, sub));
      } else map.items.push(doc.createPair(k, scalar(v)));
    }
    return { map, created: true };
  };
  return { setIn, deleteIn, section, record };
}

type SetIn = (map: YAMLMap, order: readonly string[], key: string, value: unknown) => { before: unknown; changed: boolean };

function applyTask(map: YAMLMap, c: TaskChange, changed: FieldChange[], setIn: SetIn, deleteIn: (m: YAMLMap, k: string) => unknown, doc: Document): void {
  const Y = yamlLib();
  const note = (field: string, r: { before: unknown; changed: boolean }, after: unknown) => {
    if (r.changed) changed.push({ section: 'tasks', id: c.task, field, before: r.before, after });
  };
  let percent = c.percent;
  const curStatus = String((map.get('status') as unknown) ?? 'not-started');
  let status = c.status;
  // Status and percent agree unless the clerk says otherwise.
  if (status === 'done' && percent === undefined) percent = 100;
  if (status === 'not-started' && percent === undefined) percent = 0;
  if (status === undefined && percent !== undefined) {
    if (percent === 100 && curStatus !== 'done') status = undefined;
    else if (percent > 0 && curStatus === 'not-started') status = 'in-progress';
    else if (percent === 0 && curStatus === 'in-progress') status = 'not-started';
  }
  if (status !== undefined) note('status', setIn(map, TASK_KEYS, 'status', status), status);
  if (percent !== undefined) note('percent', setIn(map, TASK_KEYS, 'percent', percent), percent);
  if (status !== undefined && status !== 'done' && c.completed === undefined && map.has('completed')) {
    // A task reopened has no completion date.
    const before = deleteIn(map, 'completed');
    changed.push({ section: 'tasks', id: c.task, field: 'completed', before, after: undefined });
  }
  if (c.completed !== undefined) note('completed', setIn(map, TASK_KEYS, 'completed', c.completed), c.completed);
  if (c.evidence !== undefined) {
    let ev = map.get('evidence', true) as YAMLMap | undefined;
    if (!Y.isMap(ev) || String(ev.get('document') ?? '') !== c.evidence.document) {
      const before = ev && Y.isMap(ev) ? evidenceText(ev.toJSON()) : undefined;
      const fresh = doc.createNode({}) as YAMLMap;
      setIn(map, TASK_KEYS, 'evidence', fresh);
      ev = fresh;
      setIn(ev, EVIDENCE_KEYS, 'document', c.evidence.document);
      if (c.evidence.date) setIn(ev, EVIDENCE_KEYS, 'date', c.evidence.date);
      changed.push({ section: 'tasks', id: c.task, field: 'evidence', before, after: evidenceText(c.evidence) });
    } else if (c.evidence.date !== undefined) {
      const r = setIn(ev, EVIDENCE_KEYS, 'date', c.evidence.date);
      if (r.changed)
        changed.push({
          section: 'tasks',
          id: c.task,
          field: 'evidence',
          before: evidenceText({ ...ev.toJSON(), date: r.before }),
          after: evidenceText(c.evidence),
        });
    }
  }
  if (c.note !== undefined) note('note', setIn(map, TASK_KEYS, 'note', c.note), c.note);
}

function applyIndicator(map: YAMLMap, c: IndicatorChange, changed: FieldChange[], setIn: SetIn): void {
  const note = (field: string, r: { before: unknown; changed: boolean }, after: unknown) => {
    if (r.changed) changed.push({ section: 'indicators', id: c.indicator, field, before: r.before, after });
  };
  if (c.value !== undefined) note('value', setIn(map, INDICATOR_KEYS, 'value', c.value), c.value);
  if (c.assessment !== undefined) note('assessment', setIn(map, INDICATOR_KEYS, 'assessment', c.assessment), c.assessment);
  if (c.source !== undefined) note('source', setIn(map, INDICATOR_KEYS, 'source', c.source), c.source);
}

function evidenceText(e: { document?: string; date?: string } | undefined): string | undefined {
  if (!e?.document) return undefined;
  return e.date ? `${e.document} (${e.date})` : e.document;
}

function keyOf(k: unknown): string {
  return yamlLib().isScalar(k) ? String((k as Scalar).value) : String(k);
}

function eqId(v: unknown, id: number | string): boolean {
  return typeof id === 'number' ? Number(v) === id : String(v) === id;
}

/** Insert a pair before the first existing key that comes later in `order`. */
function insertOrdered(map: YAMLMap, order: readonly string[], pair: Pair): void {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const r = rank(keyOf(pair.key));
  let at = map.items.findIndex((p) => rank(keyOf(p.key)) > r);
  if (at < 0) at = map.items.length;
  map.items.splice(at, 0, pair);
}
