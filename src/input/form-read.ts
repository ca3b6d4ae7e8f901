/**
 * Reading a returned progress form (written by `cchc form`, filled in Excel, LibreOffice
 * Calc or Google Sheets). Every problem is located at its cell, FILE › SHEET!CELL, and all
 * of them are reported in one run; nothing is guessed. The workbook is read with exceljs by
 * the command; this module only looks at its cells.
 */
import type { Workbook, Worksheet, Cell, CellValue } from 'exceljs';
import type { Lang } from '../diagnostics/codes.js';
import type { IsoDate } from '../model/dates.js';
import { measurables, type Plan, type TaskStatus } from '../model/plan.js';
import { progressAsOf } from '../model/progress.js';
import { foldVi } from '../model/fold.js';
import { problemMessage, type InputProblem } from './problem.js';
import { readAmount, readNumber, readPercent } from './number.js';
import { readDate, isoAsVi } from './date.js';
import { readAssessment, readStatus, STATUS_LABEL_VI } from './labels.js';
import { readEvidence } from './evidence.js';
import type { BudgetChange, IndicatorChange, TaskChange } from './changes.js';
import { INPUT } from '../i18n/input.js';
import { BUDGET_SHEET, FORM_VERSION, IDENTITY_SHEET, INDICATORS_SHEET, TASKS_SHEET, formItems, itemsHash, officeUnit } from '../report/form-model.js';

/** A located problem: FILE › SHEET!CELL (no sheet or cell when it concerns the whole file). */
export interface CellProblem {
  file: string;
  sheet?: string;
  cell?: string;
  /** Already worded in the chosen language. */
  message: string;
}

export function cellProblemAsText(p: CellProblem): string {
  const where = p.sheet ? `${p.file} › ${p.sheet}${p.cell ? `!${p.cell}` : ''}` : p.file;
  return `${where}: ${p.message}`;
}

/** Where a value came from, to name both cells of a conflict. */
export interface CellRef {
  file: string;
  sheet: string;
  cell: string;
}

export interface FormRead {
  unit?: string;
  asOf?: IsoDate;
  tasks: Array<{ change: TaskChange; at: CellRef }>;
  indicators: Array<{ change: IndicatorChange; at: CellRef }>;
  budget: Array<{ change: BudgetChange; at: CellRef }>;
  problems: CellProblem[];
}

const M = INPUT.form;

export function unreadableProblem(file: string, detail: string, lang: Lang): CellProblem {
  return { file, message: M[lang].unreadable(detail) };
}

/** A cell's value as a person typed it: text trimmed ('' → undefined), numbers, dates. */
export function cellValue(v: CellValue | undefined): string | number | Date | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'string') {
    const s = v.normalize('NFC').trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cellValue(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: CellValue }).result);
    if ('text' in v) return cellValue((v as { text: CellValue }).text);
    if ('error' in v) return undefined;
  }
  return undefined;
}

function isPercentCell(c: Cell): boolean {
  return typeof c.numFmt === 'string' && c.numFmt.includes('%');
}

function identity(wb: Workbook): Map<string, string[]> | undefined {
  const ws = wb.getWorksheet(IDENTITY_SHEET);
  if (!ws) return undefined;
  const out = new Map<string, string[]>();
  ws.eachRow((row) => {
    const k = cellValue(row.getCell(1).value);
    const v = cellValue(row.getCell(2).value);
    if (typeof k !== 'string' || v === undefined) return;
    const list = out.get(k) ?? [];
    list.push(String(v));
    out.set(k, list);
  });
  return out.get('form')?.[0] === 'cchc-progress-form' ? out : undefined;
}

/** The header row (the first row whose first cell is the given header) and its columns by folded header. */
function headerColumns(ws: Worksheet, first: string): { row: number; cols: Map<string, number> } | undefined {
  const want = foldVi(first);
  for (let r = 1; r <= Math.min(ws.rowCount, 15); r++) {
    const v = cellValue(ws.getRow(r).getCell(1).value);
    if (typeof v === 'string' && foldVi(v) === want) {
      const cols = new Map<string, number>();
      ws.getRow(r).eachCell((c, col) => {
        const h = cellValue(c.value);
        if (typeof h === 'string') cols.set(foldVi(h), col);
      });
      return { row: r, cols };
    }
  }
  return undefined;
}

function findCol(cols: Map<string, number>, prefix: string): number | undefined {
  const p = foldVi(prefix);
  for (const [h, c] of cols) if (h.startsWith(p)) return c;
  return undefined;
}

/**
 * Read one returned form against the plan. `asOf` is the date the import records; the
 * rows equal to the state on that date are not changes and are left out.
 */
export function readFormWorkbook(wb: Workbook, file: string, plan: Plan, asOf: IsoDate | undefined, lang: Lang): FormRead {
  const out: FormRead = { tasks: [], indicators: [], budget: [], problems: [] };
  const form = formIdentity(wb, file, plan, M[lang], out);
  if (!form) return out;
  out.unit = form.unit;
  out.asOf = form.asOf;
  const recordAsOf = asOf ?? form.asOf;
  const problem = (sheet: string, cell: string, message: string) => out.problems.push({ file, sheet, cell, message });
  const ctx: ReadContext = {
    file,
    plan,
    L: M[lang],
    out,
    recordAsOf,
    state: progressAsOf(plan, recordAsOf),
    problem,
    bad: (sheet, c, header, p) => problem(sheet, c.address, `${header}: ${problemMessage(p, lang)}`),
  };
  readTasksSheet(wb, ctx, form.unit, form.prefill);
  // Only the office's form carries the indicators and the budget.
  if (officeUnit(plan.units)?.id !== form.unit) return out;
  readIndicatorsSheet(wb, ctx);
  readBudgetSheet(wb, ctx);
  return out;
}

type Messages = (typeof M)[Lang];

/** What every sheet's reader shares: where problems go, and the state the form is compared with. */
interface ReadContext {
  file: string;
  plan: Plan;
  L: Messages;
  out: FormRead;
  recordAsOf: IsoDate;
  state: ReturnType<typeof progressAsOf>;
  problem: (sheet: string, cell: string, message: string) => void;
  bad: (sheet: string, c: Cell, header: string, p: InputProblem) => void;
}

type Prefill = Map<number, { status: TaskStatus; percent: number }>;

/** The identity sheet: a form of this cchc, this plan and one of its units, with the tasks it was sent with. */
function formIdentity(wb: Workbook, file: string, plan: Plan, L: Messages, out: FormRead): { unit: string; asOf: IsoDate; prefill: Prefill } | undefined {
  const fileProblem = (message: string) => void out.problems.push({ file, message });
  const id = identity(wb);
  if (!id) return fileProblem(L.notForm);
  const one = (k: string) => id.get(k)?.[0] ?? '';
  if (Number(one('version')) > FORM_VERSION) return fileProblem(L.newer(one('version'), FORM_VERSION));
  const got = `${one('agency')} — ${one('plan')} (${one('year')})`;
  const want = `${plan.meta.agency.name} — ${plan.meta.title} (${plan.meta.year})`;
  if (got !== want) return fileProblem(L.otherPlan(got, want));
  const unitId = one('unit');
  const unit = plan.units.find((u) => u.id === unitId);
  if (!unit) return fileProblem(L.otherUnit(unitId));
  const items = formItems(plan, unit.id);
  if (itemsHash(items) !== one('hash')) {
    const sent = id.get('item') ?? [];
    const added = items.filter((i) => !sent.includes(i));
    const removed = sent.filter((i) => !items.includes(i));
    const parts = [added.length ? L.added(added.length, added.join('; ')) : '', removed.length ? L.removed(removed.length, removed.join('; ')) : ''].filter(
      Boolean,
    );
    return fileProblem(L.changed(parts.join('; '), unit.id));
  }
  const prefill: Prefill = new Map(
    (id.get('sent') ?? []).map((line) => {
      const [no, status, percent] = line.split('|');
      return [Number(no), { status: status as TaskStatus, percent: Number(percent) }] as const;
    }),
  );
  return { unit: unit.id, asOf: one('asOf'), prefill };
}

const TASK_COLUMNS: ReadonlyArray<[string, string]> = [
  ['status', 'Trạng thái'],
  ['percent', 'Tỷ lệ hoàn thành'],
  ['completed', 'Ngày hoàn thành'],
  ['evidence', 'Minh chứng'],
  ['note', 'Ghi chú'],
];

/** Tiến độ: the tasks the unit leads, down to the coordinated block. */
function readTasksSheet(wb: Workbook, ctx: ReadContext, unit: string, prefill: Prefill): void {
  const ws = wb.getWorksheet(TASKS_SHEET);
  if (!ws) return void ctx.out.problems.push({ file: ctx.file, message: ctx.L.noSheet(TASKS_SHEET) });
  const h = headerColumns(ws, 'Số TT');
  if (!h) return ctx.problem(TASKS_SHEET, 'A4', ctx.L.noHeader('Số TT'));
  const cols: Record<string, number> = {};
  for (const [k, label] of TASK_COLUMNS) {
    const c = findCol(h.cols, label);
    if (c === undefined) ctx.problem(TASKS_SHEET, `A${h.row}`, ctx.L.noHeader(label));
    else cols[k] = c;
  }
  if (Object.keys(cols).length !== TASK_COLUMNS.length) return;
  const led = new Set(ctx.plan.tasks.filter((t) => t.lead.includes(unit)).map((t) => t.no));
  for (let r = h.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = cellValue(row.getCell(1).value);
    if (typeof first === 'string' && foldVi(first).startsWith('nhiem vu phoi hop')) break;
    const no = typeof first === 'number' ? first : typeof first === 'string' && /^\d+$/.test(first) ? Number(first) : undefined;
    if (no === undefined) continue; // a Nội dung heading or an empty row
    if (!led.has(no)) ctx.problem(TASKS_SHEET, row.getCell(1).address, ctx.L.noTask(String(first)));
    else readTaskRow(no, (k) => row.getCell(cols[k]!), ctx, prefill.get(no));
  }
}

/** One task's row: each cell read as typed, then checked against the others. */
function readTaskRow(no: number, cell: (k: string) => Cell, ctx: ReadContext, sent: { status: TaskStatus; percent: number } | undefined): void {
  const { L, out, problem, bad, recordAsOf } = ctx;
  const before = out.problems.length;
  const sCell = cell('status');
  const st = readStatus(cellValue(sCell.value));
  if (!st.ok) bad(TASKS_SHEET, sCell, 'Trạng thái', st.problem);
  const pCell = cell('percent');
  let percent = readPercentCell(pCell, ctx);
  const cCell = cell('completed');
  const cv = cellValue(cCell.value);
  let completed: IsoDate | undefined;
  if (cv !== undefined) {
    const d = readDate(cv);
    if (!d.ok) bad(TASKS_SHEET, cCell, 'Ngày hoàn thành', d.problem);
    else completed = d.value;
  }
  if (out.problems.length > before || !st.ok) return;
  const status: TaskStatus = st.value;
  const label = STATUS_LABEL_VI[status];
  // A status changed with the prefilled percent left as it was: the percent follows the status.
  if (sent && status !== sent.status && percent === sent.percent && status !== 'in-progress') percent = undefined;
  if (status === 'done' && !completed) problem(TASKS_SHEET, cCell.address, L.doneNoDate);
  else if (status !== 'done' && completed) problem(TASKS_SHEET, cCell.address, L.dateNotDone(label));
  else if (completed && completed > recordAsOf) problem(TASKS_SHEET, cCell.address, L.afterAsOf(isoAsVi(completed), isoAsVi(recordAsOf)));
  if (
    percent !== undefined &&
    ((status === 'done' && percent !== 100) || (status === 'not-started' && percent !== 0) || (status === 'in-progress' && percent === 100))
  ) {
    problem(TASKS_SHEET, pCell.address, L.percentStatus(String(percent).replace('.', ','), label));
  }
  if (out.problems.length > before) return;
  const change: TaskChange = { task: no, status };
  if (percent !== undefined) change.percent = percent;
  if (completed) change.completed = completed;
  const ev = cellValue(cell('evidence').value);
  const note = cellValue(cell('note').value);
  if (ev !== undefined) change.evidence = readEvidence(String(ev));
  if (note !== undefined) change.note = String(note);
  if (!sameAsState(change, ctx.state.tasks.get(no)?.record)) out.tasks.push({ change, at: { file: ctx.file, sheet: TASKS_SHEET, cell: sCell.address } });
}

function readPercentCell(pCell: Cell, ctx: ReadContext): number | undefined {
  const pv = cellValue(pCell.value);
  if (pv === undefined) return undefined;
  if (pv instanceof Date || typeof pv === 'boolean') {
    ctx.bad(TASKS_SHEET, pCell, 'Tỷ lệ hoàn thành', { id: 'not-number', actual: String(pv) });
    return undefined;
  }
  const p = readPercent(pv, { percentCell: isPercentCell(pCell) });
  if (p.ok) return p.value;
  ctx.bad(TASKS_SHEET, pCell, 'Tỷ lệ hoàn thành', p.problem);
  return undefined;
}

/** Chỉ tiêu: a value for a measurable indicator, an assessment for a qualitative one. */
function readIndicatorsSheet(wb: Workbook, ctx: ReadContext): void {
  const wi = wb.getWorksheet(INDICATORS_SHEET);
  const h = wi && headerColumns(wi, 'Mã');
  const cols = h && { value: findCol(h.cols, 'Kết quả'), assessment: findCol(h.cols, 'Đánh giá'), source: findCol(h.cols, 'Nguồn') };
  if (!wi || !h || !cols?.value || !cols.assessment || !cols.source) return;
  const measurableIds = new Set(measurables(ctx.plan.indicators).map((m) => m.id));
  const qualitativeIds = new Set(ctx.plan.indicators.filter((i) => (i.targets?.length ?? 0) === 0).map((i) => i.id));
  for (let r = h.row + 1; r <= wi.rowCount; r++) {
    const row = wi.getRow(r);
    const idv = cellValue(row.getCell(1).value);
    if (idv === undefined) continue;
    const indId = String(idv);
    if (!measurableIds.has(indId) && !qualitativeIds.has(indId)) ctx.problem(INDICATORS_SHEET, row.getCell(1).address, ctx.L.noIndicator(indId));
    else readIndicatorRow(indId, qualitativeIds.has(indId), row.getCell(cols.value), row.getCell(cols.assessment), row.getCell(cols.source), ctx);
  }
}

function readIndicatorRow(indId: string, qualitative: boolean, vCell: Cell, aCell: Cell, sCell: Cell, ctx: ReadContext): void {
  const { L, out, problem, bad } = ctx;
  const before = out.problems.length;
  const change: IndicatorChange = { indicator: indId };
  const vv = cellValue(vCell.value);
  const av = cellValue(aCell.value);
  const sv = cellValue(sCell.value);
  if (qualitative) {
    if (vv !== undefined) problem(INDICATORS_SHEET, vCell.address, L.qualitativeValue(indId));
    if (av !== undefined) {
      const a = readAssessment(av);
      if (!a.ok) bad(INDICATORS_SHEET, aCell, 'Đánh giá', a.problem);
      else change.assessment = a.value;
    }
  } else {
    if (av !== undefined) problem(INDICATORS_SHEET, aCell.address, L.measurableAssessment(indId));
    if (vv !== undefined) {
      const v = readNumber(vv instanceof Date ? NaN : vv, { fraction: true });
      if (!v.ok) bad(INDICATORS_SHEET, vCell, 'Kết quả', v.problem);
      else change.value = v.value;
    }
  }
  if (out.problems.length > before) return;
  if (change.value === undefined && change.assessment === undefined) return; // not reported yet
  if (sv !== undefined) change.source = String(sv);
  const rec = ctx.state.indicators.get(indId)?.record;
  const same = rec && rec.value === change.value && rec.assessment === change.assessment && (change.source === undefined || rec.source === change.source);
  if (!same) out.indicators.push({ change, at: { file: ctx.file, sheet: INDICATORS_SHEET, cell: (change.assessment ? aCell : vCell).address } });
}

/** Kinh phí: what was spent on each line, in whole đồng. */
function readBudgetSheet(wb: Workbook, ctx: ReadContext): void {
  const wk = wb.getWorksheet(BUDGET_SHEET);
  const h = wk && headerColumns(wk, 'STT');
  const col = h && findCol(h.cols, 'Đã chi');
  if (!wk || !h || !col) return;
  for (let r = h.row + 1; r <= wk.rowCount; r++) {
    const row = wk.getRow(r);
    const nv = cellValue(row.getCell(1).value);
    if (nv === undefined) continue;
    const line = ctx.plan.budget.lines.find((l) => String(l.no) === String(nv));
    if (!line) {
      ctx.problem(BUDGET_SHEET, row.getCell(1).address, ctx.L.noLine(String(nv)));
      continue;
    }
    const c = row.getCell(col);
    const v = cellValue(c.value);
    if (v === undefined) continue;
    const a = readAmount(v instanceof Date ? NaN : v);
    if (!a.ok) ctx.bad(BUDGET_SHEET, c, 'Đã chi', a.problem);
    else if ((ctx.state.budget.get(line.no)?.record.spent ?? 0) !== a.value) {
      ctx.out.budget.push({ change: { line: line.no, spent: a.value }, at: { file: ctx.file, sheet: BUDGET_SHEET, cell: c.address } });
    }
  }
}

function sameAsState(
  c: TaskChange,
  r: { status: TaskStatus; percent?: number; completed?: string; evidence?: { document?: string; date?: string }; note?: string } | undefined,
): boolean {
  const status = r?.status ?? 'not-started';
  const percent = status === 'done' ? 100 : status === 'not-started' ? 0 : (r?.percent ?? 0);
  if (c.status !== status || (c.percent !== undefined && c.percent !== percent)) return false;
  if ((c.completed ?? undefined) !== (r?.completed ?? undefined)) return false;
  if (c.evidence && (c.evidence.document !== r?.evidence?.document || (c.evidence.date ?? undefined) !== (r?.evidence?.date ?? undefined))) return false;
  if (c.note !== undefined && c.note !== r?.note) return false;
  return true;
}
