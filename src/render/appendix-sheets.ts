/**
 * The sheets of `cchc export`, as neutral sheet models (sheet.ts): Phụ lục I (key tasks)
 * and Phụ lục II (budget) laid out as Nghị định 30/2020/NĐ-CP presents appendices, and the
 * progress report built from a computed StatusReport. Pure: the plan and the report come in,
 * sheets go out; nothing here knows about files or spreadsheet libraries.
 *
 * Layout rules (docs/domain.md, "Presentation of documents and appendices"): Times New Roman; "Phụ lục I" on its own centred bold 14 pt line;
 * the title centred, upper case, bold; the italic "(Kèm theo Kế hoạch số …)" line; a bold
 * header with all borders, repeated on every printed page; A4 landscape, one page wide;
 * page numbers in the footer; a bold "TỔNG CỘNG" row then the italic "(Bằng chữ: …)" line.
 * Body text is 13 pt in the appendices and 12 pt in the ten-column progress table, where
 * 13 pt would force the page to shrink below a readable size.
 */
import { areaTitle, coordinatingLabel, leadLabel, type Plan, type Task } from '../model/plan.js';
import { analyzeBudget } from '../model/budget.js';
import { moneyToWords } from '../model/money-words.js';
import { formatDate, formatDecimal, formatPercent, formatPeriod, type Lang } from '../i18n/format.js';
import type { Period } from '../model/period.js';
import { percentFraction, roundPercent } from '../model/percent.js';
import type { IndicatorLine, StatusReport, TaskLine, TaskState } from '../report/status.js';
import {
  A4_MARGINS,
  A4_NARROW_MARGINS,
  pageWidthUnits,
  SheetBuilder,
  blank,
  date,
  fitColumns,
  formula,
  layoutRows,
  paginate,
  money,
  num,
  text,
  cellRef,
  columnName,
  type Cell,
  type CellStyle,
  type ColumnSpec,
  type Sheet,
} from './sheet.js';

export const FONT = 'Times New Roman';

/** The sheets a user can ask for with --sheets, in workbook order. */
export const SHEET_KEYS = ['appendix1', 'appendix2', 'progress'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

const STATUS_LABEL: Record<Lang, Record<TaskState, string>> = {
  vi: { 'not-started': 'Chưa thực hiện', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành' },
  en: { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' },
};

const L = {
  vi: {
    sheet: { appendix1: 'Phụ lục I', appendix2: 'Phụ lục II', progress: 'Tiến độ', summary: 'Tổng hợp tiến độ' },
    appendix: (n: string) => `Phụ lục ${n}`,
    footer: 'Trang &P/&N',
    draft: 'DỰ THẢO',
    tasksTitle: 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
    budgetTitle: 'KẾ HOẠCH DỰ TRÙ KINH PHÍ',
    no: 'Số TT',
    stt: 'STT',
    task: 'Nhiệm vụ cụ thể',
    responsibility: 'Trách nhiệm cụ thể',
    lead: 'Đơn vị chủ trì',
    coordinating: 'Đơn vị phối hợp',
    product: 'Sản phẩm',
    deadline: 'Thời gian hoàn thành',
    area: (id: number, title: string) => `Nội dung ${id}: ${title}`,
    content: 'Nội dung chi tiết',
    unit: 'Đơn vị tính',
    quantity: 'Số lượng',
    rate: 'Định mức',
    amount: 'Số tiền',
    currencyNote: 'Đơn vị tính: đồng',
    total: 'TỔNG CỘNG',
    inWords: (w: string) => `(Bằng chữ: ${w})`,
    progressTitle: (planTitle: string) => `TIẾN ĐỘ THỰC HIỆN ${planTitle.toLocaleUpperCase('vi')}`,
    summaryTitle: (planTitle: string) => `TỔNG HỢP TIẾN ĐỘ THỰC HIỆN ${planTitle.toLocaleUpperCase('vi')}`,
    asOf: (d: string) => `Tiến độ thực hiện đến ngày ${d}`,
    period: (p: string, from: string, to: string) => `Kỳ báo cáo: ${p} (từ ngày ${from} đến ngày ${to})`,
    example: 'SỐ LIỆU MINH HỌA — không phải kết quả chính thức',
    overallLine: (finished: number, planned: number, pct: string, overdue: number) =>
      `Đã hoàn thành ${finished}/${planned} nhiệm vụ, đạt ${pct} so với kế hoạch; ${overdue} nhiệm vụ quá hạn.`,
    taskShort: 'Nhiệm vụ',
    status: 'Trạng thái',
    percent: 'Tỷ lệ (%)',
    deadlineWritten: 'Thời hạn',
    due: 'Hạn',
    overdue: 'Quá hạn',
    finishedLate: 'Trễ hạn',
    completed: 'Ngày hoàn thành',
    evidence: 'Minh chứng, ghi chú',
    evidenceDate: (d: string) => `ngày ${d}`,
    note: (n: string) => `Ghi chú: ${n}`,
    sectionTasks: 'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO NỘI DUNG',
    sectionIndicators: 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    sectionBudget: 'III. TÌNH HÌNH SỬ DỤNG KINH PHÍ',
    areaName: 'Nội dung',
    planned: 'Nhiệm vụ theo kế hoạch',
    finished: 'Đã hoàn thành',
    rate2: 'Tỷ lệ hoàn thành (hoàn thành ÷ kế hoạch)',
    average: 'Tiến độ bình quân',
    overdueCount: 'Quá hạn',
    totalRow: 'Tổng cộng',
    indicatorId: 'Mã',
    indicator: 'Chỉ tiêu',
    target: 'Mục tiêu',
    actual: 'Thực hiện',
    result: 'Kết quả',
    source: 'Nguồn số liệu',
    achieved: 'Đạt',
    notAchieved: 'Không đạt',
    noData: 'Chưa có số liệu',
    noIndicators: 'Kế hoạch không có chỉ tiêu đo được.',
    budgetContent: 'Nội dung chi',
    budgetPlanned: 'Dự toán',
    budgetSpent: 'Đã chi',
    budgetRemaining: 'Còn lại',
    budgetUsed: 'Tỷ lệ sử dụng',
    budgetNote: 'Ghi chú',
    overspent: 'Vượt dự toán',
    score: (criterion: string, points: string, max: string) => `Điểm tiêu chí ${criterion}: ${points}/${max}`,
    frameSource: (source: string) => `(Khung điểm theo ${source})`,
  },
  en: {
    sheet: { appendix1: 'Appendix I', appendix2: 'Appendix II', progress: 'Progress', summary: 'Progress summary' },
    appendix: (n: string) => `Appendix ${n}`,
    footer: 'Page &P of &N',
    draft: 'DRAFT',
    tasksTitle: 'KEY ADMINISTRATIVE REFORM TASKS',
    budgetTitle: 'BUDGET ESTIMATE',
    no: 'No.',
    stt: 'No.',
    task: 'Task',
    responsibility: 'Responsibility',
    lead: 'Lead unit',
    coordinating: 'Coordinating units',
    product: 'Product',
    deadline: 'Deadline',
    area: (id: number, title: string) => `Area ${id}: ${title}`,
    content: 'Item',
    unit: 'Unit',
    quantity: 'Quantity',
    rate: 'Rate',
    amount: 'Amount',
    currencyNote: 'Amounts in VND',
    total: 'TOTAL',
    inWords: (w: string) => `(In words: ${w})`,
    progressTitle: (planTitle: string) => `PROGRESS OF ${planTitle.toLocaleUpperCase('vi')}`,
    summaryTitle: (planTitle: string) => `PROGRESS SUMMARY OF ${planTitle.toLocaleUpperCase('vi')}`,
    asOf: (d: string) => `Progress as of ${d}`,
    period: (p: string, from: string, to: string) => `Reporting period: ${p} (${from} to ${to})`,
    example: 'ILLUSTRATIVE DATA — not official results',
    overallLine: (finished: number, planned: number, pct: string, overdue: number) =>
      `${finished} of ${planned} tasks done, ${pct} of the plan; ${overdue} overdue.`,
    taskShort: 'Task',
    status: 'Status',
    percent: 'Done (%)',
    deadlineWritten: 'Deadline as written',
    due: 'Due',
    overdue: 'Overdue',
    finishedLate: 'Late',
    completed: 'Completed',
    evidence: 'Evidence, notes',
    evidenceDate: (d: string) => `of ${d}`,
    note: (n: string) => `Note: ${n}`,
    sectionTasks: 'I. TASKS BY AREA',
    sectionIndicators: 'II. INDICATORS',
    sectionBudget: 'III. BUDGET SPENDING',
    areaName: 'Area',
    planned: 'Planned tasks',
    finished: 'Done',
    rate2: 'Completion (done ÷ planned)',
    average: 'Average progress',
    overdueCount: 'Overdue',
    totalRow: 'Total',
    indicatorId: 'Id',
    indicator: 'Indicator',
    target: 'Target',
    actual: 'Actual',
    result: 'Result',
    source: 'Source',
    achieved: 'Achieved',
    notAchieved: 'Not achieved',
    noData: 'No data yet',
    noIndicators: 'The plan has no measurable indicators.',
    budgetContent: 'Item',
    budgetPlanned: 'Planned',
    budgetSpent: 'Spent',
    budgetRemaining: 'Remaining',
    budgetUsed: 'Used',
    budgetNote: 'Note',
    overspent: 'Overspent',
    score: (criterion: string, points: string, max: string) => `Score on ${criterion}: ${points}/${max}`,
    frameSource: (source: string) => `(Scoring frame: ${source})`,
  },
} as const;

export type Labels = (typeof L)['vi'];

export function labelsFor(lang: Lang): Labels {
  return L[lang] as Labels;
}

export function statusLabel(s: TaskState, lang: Lang): string {
  return STATUS_LABEL[lang][s];
}

/** The sheet names each key produces, for messages and --sheets help. */
export function sheetNames(key: SheetKey, lang: Lang): string[] {
  const s = L[lang].sheet;
  return key === 'progress' ? [s.progress, s.summary] : [s[key]];
}

// ---------------------------------------------------------------------------------------
// Shared styles and pieces

const BODY_APPENDIX = 13;
const BODY_PROGRESS = 12;
const HEADING = 14;

const HEAD: CellStyle = { bold: true, align: 'center', valign: 'middle', wrap: true, border: true };
// Left-aligned text is indented one level so that it does not touch the cell's border.
const TD: CellStyle = { align: 'left', valign: 'top', wrap: true, border: true, indent: 1 };
const TD_CENTER: CellStyle = { valign: 'top', wrap: true, border: true, align: 'center' };
const TD_NUM: CellStyle = { valign: 'top', wrap: true, border: true, align: 'right', numFmt: '#,##0', indent: 1 };
const TD_DATE: CellStyle = { ...TD_CENTER, numFmt: 'dd/mm/yyyy' };
const GROUP: CellStyle = { bold: true, align: 'left', valign: 'middle', wrap: true, border: true, indent: 1 };

const RED_FILL = 'FFC7CE';
const RED_TEXT = '9C0006';
const GREEN_FILL = 'C6EFCE';
const GREEN_TEXT = '006100';

function printSetup(titleRows: [number, number] | undefined, lang: Lang, header?: string, margins = A4_MARGINS): Sheet['print'] {
  const p: Sheet['print'] = {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    footer: `&C&"${FONT},Regular"&11${L[lang].footer}`,
    margins: { ...margins },
  };
  if (titleRows) p.titleRows = titleRows;
  if (header) p.header = header;
  return p;
}

/** A right-aligned bold mark in the page header of every printed page (DỰ THẢO, SỐ LIỆU MINH HỌA). */
function pageMark(s: string): string {
  // '&' is a control character in header codes and must be doubled.
  return `&R&"${FONT},Bold"&11${s.replace(/&/g, '&&')}`;
}

/** The progress sheets' page header: illustrative data, a draft plan, or both. */
function progressPageMark(plan: Pick<Plan, 'meta'>, report: StatusReport, l: { example: string; draft: string }): string | undefined {
  const marks: string[] = [];
  if (report.example) marks.push(l.example);
  if (plan.meta.status === 'draft') marks.push(l.draft);
  return marks.length ? pageMark(marks.join(' — ')) : undefined;
}

function finish(b: SheetBuilder, name: string, size: number, specs: ColumnSpec[], rest: Pick<Sheet, 'print'> & Partial<Pick<Sheet, 'freeze'>>): Sheet {
  const widths = fitColumns(b.rows, b.merges, specs, pageWidthUnits('landscape', rest.print.margins), size);
  const sheet: Sheet = {
    name,
    font: { name: FONT, size },
    columns: widths.map((width) => ({ width })),
    rows: b.rows,
    merges: b.merges,
    print: rest.print,
    conditional: b.conditional,
  };
  if (rest.freeze) sheet.freeze = rest.freeze;
  layoutRows(sheet);
  const breaks = paginate(sheet);
  if (breaks.length) sheet.pageBreaks = breaks;
  return sheet;
}

/** The Roman numeral of an appendix (I, II, …). */
function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let x = n;
  for (const [v, s] of table) {
    while (x >= v) {
      out += s;
      x -= v;
    }
  }
  return out;
}

/**
 * The label of an appendix as the plan writes it (plan.yaml `appendices`), by default
 * "Phụ lục I" and "Phụ lục II" as Nghị định 30/2020 numbers appendices; in English,
 * "Appendix I"/"Appendix II" unless the plan gives its own label.
 */
export function appendixLabel(meta: Pick<Plan['meta'], 'appendices'>, which: 'tasks' | 'budget', lang: Lang): string {
  const own = meta.appendices?.[which]?.trim();
  if (own && lang === 'vi') return own;
  return L[lang].appendix(roman(which === 'tasks' ? 1 : 2));
}

/** Dots a clerk fills in by hand on a draft: the number, and the day and month and year. */
export const DRAFT_NUMBER = '......';
export const DRAFT_DATE = '...../...../.........';

/**
 * "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND huyện Tây Sơn)". A draft has
 * no number or date yet: each missing part is left as dots to fill in by hand,
 * "(Kèm theo Kế hoạch số ....../KH-SLĐTBXH ngày ...../...../......... của Sở LĐ-TB&XH)".
 */
export function attachedToLine(meta: Plan['meta'], lang: Lang): string {
  const no = meta.number ? String(meta.number).trim() : DRAFT_NUMBER;
  const symbol = meta.symbol?.trim() || 'KH-......';
  const when = meta.date ? formatDate(meta.date, lang) : DRAFT_DATE;
  const agency = meta.agency.shortName ?? meta.agency.name;
  return lang === 'vi'
    ? `(Kèm theo Kế hoạch số ${no}/${symbol} ngày ${when} của ${agency})`
    : `(Attached to Plan No. ${no}/${symbol} dated ${when} of ${agency})`;
}

/** The title block of an appendix: "Phụ lục N", the title, an optional subtitle, the italic line. */
function appendixHeading(b: SheetBuilder, which: 'tasks' | 'budget', title: string, subtitle: string | undefined, meta: Plan['meta'], lang: Lang): void {
  b.spanning(text(appendixLabel(meta, which, lang), { bold: true, size: HEADING, align: 'center', valign: 'middle' }));
  b.spanning(text(title.toLocaleUpperCase('vi'), { bold: true, size: HEADING, align: 'center', valign: 'middle', wrap: true }));
  if (subtitle) b.spanning(text(subtitle, { bold: true, align: 'center', valign: 'middle', wrap: true }));
  b.spanning(text(attachedToLine(meta, lang), { italic: true, align: 'center', valign: 'middle', wrap: true }));
}

// ---------------------------------------------------------------------------------------
// Phụ lục I

export interface Appendix1Options {
  lang: Lang;
  /** The appendix title from tasks.yaml; the standard title when absent. */
  title?: string;
}

/** Tasks grouped by content area, areas in the plan's order and tasks in file order. */
function tasksByArea<T extends { area: number }>(areas: readonly { id: number }[], tasks: readonly T[]): Array<{ id: number; tasks: T[] }> {
  const by = new Map<number, T[]>();
  for (const t of tasks) {
    const list = by.get(t.area);
    if (list) list.push(t);
    else by.set(t.area, [t]);
  }
  const out: Array<{ id: number; tasks: T[] }> = [];
  for (const a of areas) {
    const list = by.get(a.id);
    if (list) {
      out.push({ id: a.id, tasks: list });
      by.delete(a.id);
    }
  }
  // Tasks of an area the plan does not list (validation reports it) still appear, last.
  for (const [id, list] of [...by.entries()].sort((x, y) => x[0] - y[0])) out.push({ id, tasks: list });
  return out;
}

export function appendix1AsSheet(plan: Plan, opts: Appendix1Options): Sheet {
  const { lang } = opts;
  const l = L[lang];
  const b = new SheetBuilder(6);
  appendixHeading(b, 'tasks', opts.title ?? l.tasksTitle, undefined, plan.meta, lang);
  b.blankRow(8);

  const h1 = b.add([text(l.no, HEAD), text(l.task, HEAD), text(l.responsibility, HEAD), blank(HEAD), text(l.product, HEAD), text(l.deadline, HEAD)]);
  const h2 = b.add([blank(HEAD), blank(HEAD), text(l.lead, HEAD), text(l.coordinating, HEAD), blank(HEAD), blank(HEAD)]);
  for (const c of [1, 2, 5, 6]) b.merge({ top: h1, left: c, bottom: h2, right: c });
  b.merge({ top: h1, left: 3, bottom: h1, right: 4 });

  const areas = new Map(plan.meta.areas.map((a) => [a.id, a]));
  for (const group of tasksByArea(plan.meta.areas, plan.tasks)) {
    const area = areas.get(group.id);
    b.spanning(text(l.area(group.id, area ? areaTitle(area) : ''), GROUP), { keepWithNext: true });
    for (const t of group.tasks) b.add(appendix1Row(t, plan));
  }

  return finish(
    b,
    l.sheet.appendix1,
    BODY_APPENDIX,
    [
      { min: 6, max: 7 },
      { min: 34, max: 70, grow: 3 },
      { min: 12, max: 24, grow: 1 },
      { min: 12, max: 26, grow: 1 },
      { min: 12, max: 28, grow: 1 },
      { min: 11, max: 18, grow: 1 },
    ],
    { print: printSetup([h1, h2], lang, plan.meta.status === 'draft' ? pageMark(l.draft) : undefined), freeze: { rows: h2 } },
  );
}

function appendix1Row(t: Task, plan: Plan): Cell[] {
  return [
    num(t.no, TD_CENTER),
    text(t.title, TD),
    text(leadLabel(t, plan.units), TD),
    text(coordinatingLabel(t, plan.units), TD),
    text(t.product ?? '', TD),
    text(t.deadline, TD_CENTER),
  ];
}

// ---------------------------------------------------------------------------------------
// Phụ lục II

export interface Appendix2Options {
  lang: Lang;
}

export function appendix2AsSheet(plan: Plan, opts: Appendix2Options): Sheet {
  const { lang } = opts;
  const l = L[lang];
  const budget = plan.budget;
  const analysis = analyzeBudget(budget);
  const b = new SheetBuilder(6);
  appendixHeading(b, 'budget', budget.title ?? l.budgetTitle, budget.subtitle, plan.meta, lang);
  b.spanning(text(l.currencyNote, { italic: true, align: 'right' }));

  const head = b.add([l.stt, l.content, l.unit, l.quantity, l.rate, l.amount].map((s) => text(s, HEAD)));
  const first = b.next;
  for (const line of budget.lines) {
    const quantity =
      line.quantityText !== undefined ? text(line.quantityText, TD_CENTER) : line.quantity !== undefined ? num(line.quantity, TD_CENTER) : text('-', TD_CENTER);
    b.add([
      num(line.no, TD_CENTER),
      text(line.content, TD),
      text(line.unit ?? '-', TD_CENTER),
      quantity,
      line.rate !== undefined ? money(BigInt(line.rate), TD_NUM) : text('-', TD_CENTER),
      money(BigInt(line.amount), TD_NUM),
    ]);
  }
  const last = b.next - 1;
  const totalRow = b.add([
    text(l.total, { ...HEAD }),
    blank(HEAD),
    blank(HEAD),
    blank(HEAD),
    blank(HEAD),
    formula(`SUM(${cellRef(first, 6)}:${cellRef(last, 6)})`, Number(analysis.sum), { ...TD_NUM, bold: true, valign: 'middle' }),
  ]);
  b.merge({ top: totalRow, left: 1, bottom: totalRow, right: 5 });
  b.spanning(text(l.inWords(moneyToWords(analysis.sum)), { italic: true, align: 'left', valign: 'middle', wrap: true }));

  return finish(
    b,
    l.sheet.appendix2,
    BODY_APPENDIX,
    [
      { min: 6, max: 7 },
      { min: 40, max: 80, grow: 1 },
      { min: 12, max: 20 },
      { min: 10, max: 14 },
      { min: 13, max: 16 },
      { min: 15, max: 18 },
    ],
    { print: printSetup([head, head], lang, plan.meta.status === 'draft' ? pageMark(l.draft) : undefined), freeze: { rows: head } },
  );
}

// ---------------------------------------------------------------------------------------
// Progress: the task table, and the summary (areas, indicators, budget)

export interface ProgressOptions {
  lang: Lang;
  /** Criterion of the scoring frame, for the score line ("mức độ thực hiện kế hoạch CCHC"). */
  criterion?: string;
  /** The document the scoring frame comes from, cited under the score line. */
  frameSource?: string;
}

function asOfLine(report: StatusReport, lang: Lang): string {
  const l = L[lang];
  if (report.period) {
    const p: Period = report.period;
    return l.period(formatPeriod(p, lang), formatDate(p.start, lang), formatDate(p.end, lang));
  }
  return l.asOf(formatDate(report.asOf, lang));
}

function progressHeading(b: SheetBuilder, title: string, report: StatusReport, lang: Lang): void {
  const l = L[lang];
  b.spanning(text(title, { bold: true, size: HEADING, align: 'center', valign: 'middle', wrap: true }));
  b.spanning(text(report.plan.agency, { bold: true, align: 'center', valign: 'middle', wrap: true }));
  b.spanning(text(asOfLine(report, lang), { italic: true, align: 'center', valign: 'middle', wrap: true }));
  if (report.example) b.spanning(text(l.example, { bold: true, color: 'C00000', align: 'center', valign: 'middle' }));
}

function evidenceText(t: TaskLine, lang: Lang): string {
  const l = L[lang];
  const parts: string[] = [];
  const e = t.evidence;
  if (e) {
    const head = [e.document, e.date ? l.evidenceDate(formatDate(e.date, lang)) : undefined].filter(Boolean).join(' ');
    parts.push(head && e.product ? `${head}: ${e.product}` : head || e.product || '');
  }
  if (t.note) parts.push(l.note(t.note));
  return parts.filter(Boolean).join('\n');
}

/** Percent done as a spreadsheet percentage (25 → 0.25 shown as 25%). */
function percentCell(p: number, style: CellStyle): Cell {
  const r = roundPercent(p);
  return num(percentFraction(r), { ...style, numFmt: Number.isInteger(r) ? '0%' : '0.00%' });
}

export function progressAsSheet(report: StatusReport, plan: Pick<Plan, 'meta'>, opts: ProgressOptions): Sheet {
  const { lang } = opts;
  const l = L[lang];
  const COLS = 10;
  const b = new SheetBuilder(COLS);
  progressHeading(b, l.progressTitle(report.plan.title), report, lang);
  const o = report.overall;
  b.spanning(text(l.overallLine(o.finished, o.planned, formatPercent(o.percent, lang), o.overdue), { align: 'left', valign: 'middle', wrap: true }));
  b.blankRow(8);

  const head = b.add([l.no, l.taskShort, l.lead, l.status, l.percent, l.deadlineWritten, l.due, l.overdue, l.completed, l.evidence].map((s) => text(s, HEAD)));
  const first = b.next;
  const areaTitles = new Map(plan.meta.areas.map((a) => [a.id, a.title]));
  for (const group of tasksByArea(plan.meta.areas, report.tasks)) {
    b.spanning(text(l.area(group.id, areaTitles.get(group.id) ?? ''), GROUP), { keepWithNext: true });
    for (const t of group.tasks) {
      const mark = t.overdue ? l.overdue : t.finishedLate ? l.finishedLate : '';
      b.add([
        num(t.no, TD_CENTER),
        text(t.title, TD),
        text(t.lead, TD),
        text(statusLabel(t.status, lang), TD_CENTER),
        percentCell(t.percent, { ...TD, align: 'center' }),
        text(t.deadline, TD_CENTER),
        date(t.due, TD_DATE),
        text(mark, TD_CENTER),
        t.completed ? date(t.completed, TD_DATE) : blank(TD),
        text(evidenceText(t, lang), TD),
      ]);
    }
  }
  const last = b.next - 1;
  if (last >= first) {
    const range = { top: first, left: 1, bottom: last, right: COLS };
    // Written for the range's first row; the spreadsheet shifts the row for each row below.
    b.conditional.push({ range, expression: `$${columnName(8)}${first}="${l.overdue}"`, fill: RED_FILL, fontColor: RED_TEXT });
    b.conditional.push({ range, expression: `$${columnName(4)}${first}="${statusLabel('done', lang)}"`, fill: GREEN_FILL, fontColor: GREEN_TEXT });
  }

  return finish(
    b,
    l.sheet.progress,
    BODY_PROGRESS,
    [
      { min: 5, max: 5.5 },
      { min: 24, max: 60, grow: 3 },
      { min: 10, max: 22, grow: 1 },
      { min: 9, max: 15, grow: 1 },
      { min: 7, max: 10, grow: 1 },
      { min: 9, max: 13.5, grow: 1 },
      { min: 11, max: 11 },
      { min: 7, max: 8, grow: 1 },
      { min: 11, max: 11 },
      { min: 12, max: 40, grow: 2, breakWords: true },
    ],
    { print: printSetup([head, head], lang, progressPageMark(plan, report, l), A4_NARROW_MARGINS), freeze: { rows: head } },
  );
}

export function targetText(t: IndicatorLine['target'], lang: Lang): string {
  const cmp = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' }[t.comparator];
  const unit = t.unit === '%' ? '%' : ` ${t.unit}`;
  return `${cmp}${formatDecimal(t.value, lang)}${unit}`;
}

/**
 * An indicator's result with the target's unit: a percentage as a spreadsheet percentage
 * (80 → 80%), another unit in the number format (20 → "20 phút"), so the figure stays a number.
 */
function actualCell(actual: number, unit: string): Cell {
  const style: CellStyle = { ...TD_CENTER };
  if (unit === '%') {
    const p = roundPercent(actual);
    return num(percentFraction(p), { ...style, numFmt: Number.isInteger(p) ? '0%' : '0.00%' });
  }
  const v = roundPercent(actual);
  const quoted = '"' + ` ${unit}`.replace(/"/g, '""') + '"';
  return num(v, { ...style, numFmt: (Number.isInteger(v) ? '0' : '0.00') + quoted });
}

type SummaryLabels = (typeof L)[Lang];

function summarySection(b: SheetBuilder, title: string): void {
  b.blankRow(8);
  b.spanning(text(title, { bold: true, align: 'left', valign: 'middle' }), { keepWithNext: true });
}

function pctCell(p: number, style: CellStyle = TD): Cell {
  return num(percentFraction(p), { ...style, align: 'right', numFmt: '0.00%' });
}

function boldStyle(s: CellStyle): CellStyle {
  return { ...s, bold: true };
}

/** The progress summary: tasks by area, indicators, budget; one function per table. */
export function progressSummaryAsSheet(report: StatusReport, plan: Pick<Plan, 'meta'>, opts: ProgressOptions): Sheet {
  const { lang } = opts;
  const l = L[lang];
  const b = new SheetBuilder(7);
  progressHeading(b, l.summaryTitle(report.plan.title), report, lang);
  const titleEnd = b.next - 1;
  summaryTasks(b, report, opts, l);
  summaryIndicators(b, report, lang, l);
  summaryBudget(b, report, l);
  return finish(
    b,
    l.sheet.summary,
    BODY_PROGRESS,
    [
      { min: 6, max: 8 },
      { min: 40, max: 80, grow: 2 },
      { min: 10, max: 16, grow: 1 },
      { min: 10, max: 16, grow: 1 },
      { min: 10, max: 16, grow: 1 },
      { min: 10, max: 16, grow: 1 },
      { min: 9, max: 16, grow: 1 },
    ],
    // Three tables, no single header to repeat: the title block (with the as-of date and
    // the illustrative-data mark) stays in view instead.
    { print: printSetup(undefined, lang, progressPageMark(plan, report, l), A4_NARROW_MARGINS), freeze: { rows: titleEnd } },
  );
}

/** I. Tasks by area: the official completion is finished ÷ planned. */
function summaryTasks(b: SheetBuilder, report: StatusReport, opts: ProgressOptions, l: SummaryLabels): void {
  const { lang } = opts;
  summarySection(b, l.sectionTasks);
  b.add(
    [l.stt, l.areaName, l.planned, l.finished, l.rate2, l.average, l.overdueCount].map((s) => text(s, HEAD)),
    { keepWithNext: true },
  );
  for (const a of report.areas) {
    b.add([
      num(a.id, TD_CENTER),
      text(a.title, TD),
      num(a.planned, TD_NUM),
      num(a.finished, TD_NUM),
      pctCell(a.percent),
      pctCell(a.averagePercent),
      num(a.overdue, TD_NUM),
    ]);
  }
  const o = report.overall;
  const bold = boldStyle;
  const tr = b.add([
    text(l.totalRow, bold(HEAD)),
    blank(HEAD),
    num(o.planned, bold(TD_NUM)),
    num(o.finished, bold(TD_NUM)),
    pctCell(o.percent, bold(TD)),
    pctCell(o.averagePercent, bold(TD)),
    num(o.overdue, bold(TD_NUM)),
  ]);
  b.merge({ top: tr, left: 1, bottom: tr, right: 2 });
  if (opts.criterion) {
    b.spanning(text(l.score(opts.criterion, formatDecimal(report.score.points, lang), formatDecimal(report.score.max, lang)), { italic: true, align: 'left' }));
    if (opts.frameSource) b.spanning(text(l.frameSource(opts.frameSource), { italic: true, align: 'left', wrap: true }));
  }
}

/** II. Indicators with a measurable target, then the qualitative ones. */
function summaryIndicators(b: SheetBuilder, report: StatusReport, lang: Lang, l: SummaryLabels): void {
  summarySection(b, l.sectionIndicators);
  const ih = b.add(
    [l.indicatorId, l.indicator, l.target, l.actual, l.result, l.source, ''].map((s) => text(s, HEAD)),
    { keepWithNext: true },
  );
  b.merge({ top: ih, left: 6, bottom: ih, right: 7 });
  if (report.indicators.length === 0) b.spanning(text(l.noIndicators, { ...TD, italic: true }));
  for (const ind of report.indicators) {
    const result = ind.achieved === null ? l.noData : ind.achieved ? l.achieved : l.notAchieved;
    const resultStyle: CellStyle =
      ind.achieved === null
        ? TD_CENTER
        : ind.achieved
          ? { ...TD_CENTER, fill: GREEN_FILL, color: GREEN_TEXT }
          : { ...TD_CENTER, fill: RED_FILL, color: RED_TEXT };
    // The indicator's own text already says what it is a share of: `of` is not repeated.
    const what = ind.text;
    const r = b.add([
      text(ind.id, TD_CENTER),
      text(what, TD),
      text(targetText(ind.target, lang), TD_CENTER),
      ind.actual === null ? blank(TD) : actualCell(ind.actual, ind.target.unit),
      text(result, resultStyle),
      text(ind.source ?? '', TD),
      blank(TD),
    ]);
    b.merge({ top: r, left: 6, bottom: r, right: 7 });
  }
  // Qualitative indicators (report-period, issue 11): đạt, không đạt or chưa đánh giá.
  for (const q of report.qualitative ?? []) {
    const result = q.assessment === null ? (lang === 'vi' ? 'Chưa đánh giá' : 'Not assessed') : q.assessment === 'dat' ? l.achieved : l.notAchieved;
    const style: CellStyle =
      q.assessment === null
        ? TD_CENTER
        : q.assessment === 'dat'
          ? { ...TD_CENTER, fill: GREEN_FILL, color: GREEN_TEXT }
          : { ...TD_CENTER, fill: RED_FILL, color: RED_TEXT };
    const r = b.add([
      text(q.id, TD_CENTER),
      text(q.text, TD),
      text(lang === 'vi' ? 'Định tính' : 'Qualitative', TD_CENTER),
      blank(TD),
      text(result, style),
      text(q.source ?? '', TD),
      blank(TD),
    ]);
    b.merge({ top: r, left: 6, bottom: r, right: 7 });
  }
}

/** III. Budget: spent against planned, per line and in total. */
function summaryBudget(b: SheetBuilder, report: StatusReport, l: SummaryLabels): void {
  summarySection(b, l.sectionBudget);
  b.add(
    [l.stt, l.budgetContent, l.budgetPlanned, l.budgetSpent, l.budgetRemaining, l.budgetUsed, l.budgetNote].map((s) => text(s, HEAD)),
    { keepWithNext: true },
  );
  for (const line of report.budget.lines) {
    b.add([
      num(line.no, TD_CENTER),
      text(line.content, TD),
      money(line.planned, TD_NUM),
      money(line.spent, TD_NUM),
      money(line.remaining, TD_NUM),
      pctCell(line.percentUsed),
      line.overspent ? text(l.overspent, { ...TD_CENTER, fill: RED_FILL, color: RED_TEXT }) : blank(TD),
    ]);
  }
  const bt = report.budget;
  const bold = boldStyle;
  const btr = b.add([
    text(l.totalRow, bold(HEAD)),
    blank(HEAD),
    money(bt.planned, bold(TD_NUM)),
    money(bt.spent, bold(TD_NUM)),
    money(bt.remaining, bold(TD_NUM)),
    pctCell(bt.percentUsed, bold(TD)),
    bt.spent > bt.planned ? text(l.overspent, bold(TD_CENTER)) : blank(TD),
  ]);
  b.merge({ top: btr, left: 1, bottom: btr, right: 2 });
}

/** The sheets for a selection, in workbook order. */
export function workbookSheets(
  keys: readonly SheetKey[],
  input: { plan: Plan; report?: StatusReport; tasksTitle?: string; criterion?: string; frameSource?: string },
  lang: Lang,
): Sheet[] {
  const out: Sheet[] = [];
  for (const k of SHEET_KEYS) {
    if (!keys.includes(k)) continue;
    if (k === 'appendix1') out.push(appendix1AsSheet(input.plan, input.tasksTitle !== undefined ? { lang, title: input.tasksTitle } : { lang }));
    if (k === 'appendix2') out.push(appendix2AsSheet(input.plan, { lang }));
    if (k === 'progress') {
      if (!input.report) throw new Error('the progress sheets need a status report');
      const po: ProgressOptions = input.criterion
        ? { lang, criterion: input.criterion, ...(input.frameSource ? { frameSource: input.frameSource } : {}) }
        : { lang };
      out.push(progressAsSheet(input.report, input.plan, po), progressSummaryAsSheet(input.report, input.plan, po));
    }
  }
  return out;
}
