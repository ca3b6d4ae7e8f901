/**
 * `cchc status` for a terminal: a report a clerk reads at a glance. Takes the computed
 * StatusReport and recomputes nothing. Every line fits the width it is given (80 columns by
 * default); long Vietnamese text wraps at word boundaries. Colour comes from the chalk the
 * caller passes (level 0 when colour is off), and is applied after wrapping and padding so
 * that widths are measured on plain text.
 */
import type { ChalkInstance } from 'chalk';
import type { StatusReport, TaskLine, IndicatorLine } from '../report/status.js';
import { DEFAULT_FRAME, type ScoringFrame } from '../report/scoring.js';
import { formatDate, formatDecimal, formatInt, formatPercent, formatPeriod, type Lang } from '../i18n/format.js';
import { textWidth, wrapText } from './style.js';

export interface StatusTextOptions {
  lang: Lang;
  chalk: ChalkInstance;
  /** Columns available; 80 by default. */
  width?: number;
  /** The frame the score was computed with, to print its bands; DEFAULT_FRAME when absent. */
  frame?: ScoringFrame;
}

type Labels = typeof VI;

const VI = {
  asOf: (d: string) => `Tiến độ đến ngày ${d}`,
  period: (label: string, start: string, end: string) => `Kỳ báo cáo: ${label} (${start} – ${end})`,
  example: 'SỐ LIỆU MINH HỌA — không phải kết quả chính thức',
  draft: 'Dự thảo',
  numberDate: (num: string, date: string | null) => `Số ${num}${date ? ` ngày ${date}` : ''}`,
  filter: 'Bộ lọc',
  filterUnit: (name: string) => `đơn vị chủ trì "${name}"`,
  filterArea: (id: number) => `nội dung ${id}`,
  filterOverdue: 'chỉ nhiệm vụ quá hạn',
  overall: (f: string, p: string, pct: string) => `Hoàn thành ${f}/${p} nhiệm vụ, đạt ${pct} kế hoạch`,
  average: (pct: string) => `Tiến độ bình quân ${pct}`,
  areaAverage: (pct: string) => `bình quân ${pct}`,
  overdueCount: (n: string) => `quá hạn ${n}`,
  lateCount: (n: string) => `hoàn thành trễ hạn ${n}`,
  area: (id: number, title: string) => `Nội dung ${id}: ${title}`,
  areaDone: (f: string, p: string) => `hoàn thành ${f}/${p}`,
  notStarted: 'chưa thực hiện',
  inProgress: 'đang thực hiện',
  done: (d: string | undefined) => (d ? `hoàn thành ${d}` : 'hoàn thành'),
  doneLate: (d: string | undefined) => `${d ? `hoàn thành ${d}` : 'hoàn thành'}, trễ hạn`,
  overdue: 'quá hạn',
  noTasks: 'Kế hoạch chưa có nhiệm vụ nào.',
  noMatch: 'Không có nhiệm vụ nào khớp bộ lọc.',
  areaEmpty: 'Không có nhiệm vụ.',
  units: 'Theo đơn vị chủ trì',
  unitCol: 'Đơn vị',
  doneCol: 'Hoàn thành',
  rateCol: 'Tỷ lệ',
  overdueCol: 'Quá hạn',
  overdueList: (n: string) => `Nhiệm vụ quá hạn (${n})`,
  noOverdue: 'Không có nhiệm vụ quá hạn.',
  dueCol: 'Hạn',
  taskCol: 'Nhiệm vụ',
  leadCol: 'Chủ trì',
  indicators: (a: string, b: string, c: string, scope: string) => `Chỉ tiêu${scope}: ${a} đạt · ${b} chưa đạt · ${c} chưa có số liệu`,
  noIndicators: (scope: string) => `Chỉ tiêu${scope}: không có chỉ tiêu đo được.`,
  qualitative: (a: string, b: string, c: string) => `Chỉ tiêu định tính: ${a} đạt · ${b} không đạt · ${c} chưa đánh giá`,
  assessed: { dat: 'đạt', 'khong-dat': 'không đạt', none: 'chưa đánh giá' } as Record<string, string>,
  budget: (spent: string, planned: string, pct: string, scope: string) => `Kinh phí${scope}: đã chi ${spent} / ${planned} đồng (${pct})`,
  overspent: (no: number, content: string, spent: string, planned: string) => `Dòng ${no} (${content}) chi vượt dự toán: ${spent} / ${planned} đồng`,
  score: (criterion: string, p: string, m: string, scope: string) => `Điểm tiêu chí ${criterion}${scope}: ${p}/${m}`,
  wholePlan: ' (toàn kế hoạch)',
  frame: 'Khung điểm',
  points: (p: string) => `${p} điểm`,
  bandFirst: (strict: boolean, x: string) => (strict ? `trên ${x}` : `từ ${x} trở lên`),
  bandLast: (prevStrict: boolean, y: string) => (prevStrict ? `đến ${y}` : `dưới ${y}`),
  bandMid: (strict: boolean, x: string, prevStrict: boolean, y: string) => `${strict ? 'trên' : 'từ'} ${x} đến ${prevStrict ? '' : 'dưới '}${y}`,
};

const EN: Labels = {
  asOf: (d) => `Progress as of ${d}`,
  period: (label, start, end) => `Reporting period: ${label} (${start} – ${end})`,
  example: 'ILLUSTRATIVE DATA — not official results',
  draft: 'Draft',
  numberDate: (num, date) => `No. ${num}${date ? ` of ${date}` : ''}`,
  filter: 'Filter',
  filterUnit: (name) => `lead unit "${name}"`,
  filterArea: (id) => `area ${id}`,
  filterOverdue: 'overdue tasks only',
  overall: (f, p, pct) => `Finished ${f}/${p} tasks, ${pct} of the plan`,
  average: (pct) => `Average progress ${pct}`,
  areaAverage: (pct) => `average ${pct}`,
  overdueCount: (n) => `overdue ${n}`,
  lateCount: (n) => `finished late ${n}`,
  area: (id, title) => `Area ${id}: ${title}`,
  areaDone: (f, p) => `finished ${f}/${p}`,
  notStarted: 'not started',
  inProgress: 'in progress',
  done: (d) => (d ? `finished ${d}` : 'finished'),
  doneLate: (d) => `${d ? `finished ${d}` : 'finished'}, late`,
  overdue: 'overdue',
  noTasks: 'The plan has no tasks.',
  noMatch: 'No task matches the filter.',
  areaEmpty: 'No tasks.',
  units: 'By lead unit',
  unitCol: 'Unit',
  doneCol: 'Finished',
  rateCol: 'Rate',
  overdueCol: 'Overdue',
  overdueList: (n) => `Overdue tasks (${n})`,
  noOverdue: 'No overdue tasks.',
  dueCol: 'Due',
  taskCol: 'Task',
  leadCol: 'Lead',
  indicators: (a, b, c, scope) => `Indicators${scope}: ${a} achieved · ${b} not achieved · ${c} no data`,
  noIndicators: (scope) => `Indicators${scope}: none measurable.`,
  qualitative: (a, b, c) => `Qualitative indicators: ${a} achieved (đạt) · ${b} not achieved (không đạt) · ${c} not assessed (chưa đánh giá)`,
  assessed: { dat: 'đạt', 'khong-dat': 'không đạt', none: 'chưa đánh giá' },
  budget: (spent, planned, pct, scope) => `Budget${scope}: spent ${spent} / ${planned} VND (${pct})`,
  overspent: (no, content, spent, planned) => `Line ${no} (${content}) is over budget: ${spent} / ${planned} VND`,
  score: (criterion, p, m, scope) => `Score on the criterion "${criterion}"${scope}: ${p}/${m}`,
  wholePlan: ' (whole plan)',
  frame: 'Scoring frame',
  points: (p) => `${p} point${p === '1' ? '' : 's'}`,
  bandFirst: (strict, x) => (strict ? `above ${x}` : `${x} or more`),
  bandLast: (prevStrict, y) => (prevStrict ? `up to ${y}` : `below ${y}`),
  bandMid: (strict, x, prevStrict, y) => `${strict ? 'over ' : ''}${x} to ${prevStrict ? '' : 'under '}${y}`,
};

const COMPARATOR: Record<IndicatorLine['target']['comparator'], string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'right';
  style?: (s: string) => string;
  /** Already rendered (a mark, a coloured bar): one line, not wrapped; its width is measured without escape codes. */
  raw?: boolean;
}

/** textWidth, without its array for the common case of text with no escapes and no surrogates (10.000-task reports measure a lot of it). */
function widthOf(s: string): number {
  return WIDE.test(s) ? textWidth(s) : s.length;
}

/** What makes a text's width other than its length: an escape code, a surrogate. */
const WIDE = /[\u001b\uD800-\uDFFF]/;

/**
 * wrapText (render/style.ts), line for line, for text whose width is its length (no escape
 * codes, no astral characters: nearly all of a report), without measuring each word and
 * line again: 10.000 task titles are wrapped for one report.
 */
export function wrap(s: string, width: number): string[] {
  if (WIDE.test(s)) return wrapText(s, width);
  // Words apart by single spaces only (most text): each line ends at the last space that fits.
  if (!UNEVEN_SPACE.test(s)) return wrapSpaced(s, width);
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (!word) continue;
      let w = word;
      while (w.length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ' ' + w;
      else {
        lines.push(line);
        line = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Text that is not words apart by single spaces: other white space, two spaces, a space at an end. */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * wrap for words apart by single spaces, without splitting the text into words: a line is
 * the longest run of whole words that fits, found with lastIndexOf; a word longer than a
 * line is cut at the width, and what is left of it starts the next line.
 */
function wrapSpaced(s: string, lineWidth: number): string[] {
  const width = Math.max(1, lineWidth);
  const lines: string[] = [];
  let start = 0;
  while (s.length - start > width) {
    const cut = s.lastIndexOf(' ', start + width);
    if (cut > start) {
      lines.push(s.slice(start, cut));
      start = cut + 1;
    } else {
      lines.push(s.slice(start, start + width));
      start += width;
    }
  }
  lines.push(s.slice(start));
  return lines;
}

/** The largest measure over a list (no spread: lists can hold 100.000 items). */
function maxOf<T>(xs: readonly T[], f: (x: T) => number, floor = 0): number {
  let m = floor;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
}

/** Short single-line text needs no wrapping (most cells: numbers, dates, short names). */
function fitsAsIs(text: string, width: number): boolean {
  // wrapText would give back exactly this text: single plain spaces only, none at the ends.
  return text.length <= width && !UNEVEN_SPACE.test(text);
}

/** Cells side by side, each wrapped to its width; styles apply to the text, never to padding. */
function cellsAsLines(cells: Cell[], indent: number, gap = 2): string[] {
  // One loop per line and cell, no arrays made per line: 10.000 tasks are a line or more each.
  const wrapped: string[][] = [];
  let n = 0;
  for (const c of cells) {
    const w = c.raw || fitsAsIs(c.text, c.width) ? [c.text] : wrap(c.text, Math.max(1, c.width));
    wrapped.push(w);
    if (w.length > n) n = w.length;
  }
  const lead = spaces(indent);
  const sep = spaces(gap);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let line = lead;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      const t = wrapped[k]![i] ?? '';
      const fill = spaces(c.width - widthOf(t));
      const s = t && c.style ? c.style(t) : t;
      if (k > 0) line += sep;
      line += c.align === 'right' ? fill + s : s + fill;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** `n` spaces (none for n ≤ 0), cut from one string: padding is made for every cell of every line. */
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n > SPACES.length) SPACES = ' '.repeat(n * 2);
  return SPACES.slice(0, n);
}

let SPACES = ' '.repeat(160);

function para(text: string, width: number, indent = 0, style?: (s: string) => string): string[] {
  return wrap(text, width - indent).map((l) => ' '.repeat(indent) + (style ? style(l) : l));
}

/**
 * Parts joined by " · ", a new line where the next part does not fit: a part ("quá hạn 1",
 * "Quý I/2022 (31/03/2022)") is never split unless it is longer than a line by itself.
 */
function joinParts(parts: readonly string[], width: number, sep = ' · '): string[] {
  const lines: string[] = [];
  const sepW = widthOf(sep);
  let cur = '';
  // The width of `cur`, kept as it grows rather than measured again for every part.
  let curW = 0;
  for (const p of parts) {
    const pW = widthOf(p);
    if (!cur) {
      cur = p;
      curW = pW;
    } else if (curW + sepW + pW <= width) {
      cur += sep + p;
      curW += sepW + pW;
    } else {
      lines.push(cur);
      cur = p;
      curW = pW;
    }
    if (curW > width) {
      const w = wrap(cur, width);
      lines.push(...w.slice(0, -1));
      cur = w.at(-1) ?? '';
      curW = widthOf(cur);
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function bar(percent: number, width: number, c: ChalkInstance): string {
  const p = Math.max(0, Math.min(100, percent));
  const full = Math.round((p / 100) * width);
  return c.green('█'.repeat(full)) + c.dim('░'.repeat(width - full));
}

// A report shows the same few percentages on thousands of task lines: each is formatted once.
const percents: Record<Lang, Map<number, string>> = { vi: new Map(), en: new Map() };

const dates: Record<Lang, Map<string, string>> = { vi: new Map(), en: new Map() };

/** formatDate, once per date: task lines repeat a few due and completion dates. */
function dateShort(iso: string, lang: Lang): string {
  const seen = dates[lang];
  let s = seen.get(iso);
  if (s === undefined) {
    s = formatDate(iso, lang);
    if (seen.size < 10_000) seen.set(iso, s);
  }
  return s;
}

function percentShort(x: number, lang: Lang): string {
  const seen = percents[lang];
  let s = seen.get(x);
  if (s === undefined) {
    s = formatDecimal(x, lang) + '%';
    if (seen.size < 10_000) seen.set(x, s);
  }
  return s;
}

function measure(x: number, unit: string, lang: Lang): string {
  const n = formatDecimal(x, lang);
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

function taskState(t: TaskLine, L: Labels, lang: Lang): string {
  const completed = t.completed ? dateShort(t.completed, lang) : undefined;
  if (t.status === 'done') return t.finishedLate ? L.doneLate(completed) : L.done(completed);
  const s = t.status === 'in-progress' ? L.inProgress : L.notStarted;
  return t.overdue ? `${L.overdue}, ${s}` : s;
}

function deadlineText(t: TaskLine, lang: Lang): string {
  const date = dateShort(t.due, lang);
  return t.openEnded || date === t.deadline ? t.deadline : `${t.deadline} (${date})`;
}

function taskMark(t: TaskLine, c: ChalkInstance): string {
  if (t.status === 'done') return t.finishedLate ? c.yellow('✓') : c.green('✓');
  if (t.overdue) return c.red('✗');
  return t.status === 'in-progress' ? c.cyan('•') : c.dim('·');
}

function taskStyle(t: TaskLine, c: ChalkInstance): (s: string) => string {
  if (t.overdue) return c.red;
  if (t.status === 'done') return t.finishedLate ? c.yellow : c.green;
  return (s) => s;
}

/** The bands of a frame, read top down: "trên 90% → 2 điểm; từ 70% đến 90% → 1 điểm; dưới 70% → 0 điểm". */
export function frameAsText(frame: ScoringFrame, lang: Lang): string {
  const L = lang === 'vi' ? VI : EN;
  const pct = (x: number) => formatDecimal(x, lang) + '%';
  return frame.bands
    .map((b, i) => {
      const strict = b.above !== undefined;
      const x = b.above ?? b.atLeast ?? 0;
      const prev = frame.bands[i - 1];
      let range: string;
      if (!prev) range = L.bandFirst(strict, pct(x));
      else {
        const prevStrict = prev.above !== undefined;
        const y = prev.above ?? prev.atLeast ?? 0;
        range = !strict && x === 0 ? L.bandLast(prevStrict, pct(y)) : L.bandMid(strict, pct(x), prevStrict, pct(y));
      }
      return `${range} → ${L.points(formatDecimal(b.points, lang))}`;
    })
    .join('; ');
}

/** What every section needs: the report, the language and its labels, colour and width. */
interface Frame {
  r: StatusReport;
  lang: Lang;
  L: Labels;
  c: ChalkInstance;
  W: number;
  int: (n: number | bigint) => string;
}

/** The report, one section after another (hledger-style: one function per section). */
export function statusAsText(r: StatusReport, opts: StatusTextOptions): string {
  let out = '';
  for (const piece of statusTextPieces(r, opts)) out += piece;
  return out;
}

/** About how many characters statusTextPieces puts in one piece. */
const PIECE_CHARS = 8_192;

/**
 * The report as statusAsText writes it, in pieces of whole lines, each ending with a line
 * break: `cchc status` writes each as it comes. A report of 10.000 tasks is megabytes; made
 * area by area and written in pieces, it is never held whole, nor its lines all at once
 * (BENCHMARKS.md, status at scale).
 */
export function* statusTextPieces(r: StatusReport, opts: StatusTextOptions): Generator<string> {
  const { lang, chalk: c } = opts;
  const f: Frame = { r, lang, c, W: opts.width ?? 80, L: lang === 'vi' ? VI : EN, int: (n) => formatInt(n, lang) };
  let lines: string[] = [];
  let chars = 0;
  for (const section of sectionsOf(f, opts.frame ?? DEFAULT_FRAME)) {
    for (const l of section) {
      lines.push(l);
      chars += l.length + 1;
      if (chars >= PIECE_CHARS) {
        yield lines.join('\n') + '\n';
        lines = [];
        chars = 0;
      }
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}

/** The sections in order, each made when it is reached; the tasks area by area. */
function* sectionsOf(f: Frame, frame: ScoringFrame): Generator<readonly string[]> {
  yield headerLines(f);
  yield [''];
  yield overallLines(f);
  yield* areaBlocks(f);
  yield unitLines(f);
  yield overdueLines(f);
  yield indicatorLines(f);
  yield qualitativeLines(f);
  yield budgetLines(f, frame);
}

/** Who, which plan, as of when, and whether the figures are real. */
function headerLines({ r, lang, L, c, W }: Frame): string[] {
  const out = [...para(r.plan.agency, W, 0, c.bold), ...para(r.plan.title, W, 0, c.bold)];
  const num = r.plan.number ? r.plan.number + (r.plan.symbol ? `/${r.plan.symbol}` : '') : null;
  if (r.plan.status === 'draft' || !num) out.push(...para(L.draft, W, 0, c.dim));
  else out.push(...para(L.numberDate(num, r.plan.date ? formatDate(r.plan.date, lang) : null), W, 0, c.dim));
  if (r.period) {
    const label = formatPeriod({ ...r.period }, lang);
    out.push(...para(L.period(label, formatDate(r.period.start, lang), formatDate(r.period.end, lang)), W));
  } else {
    out.push(...para(L.asOf(formatDate(r.asOf, lang)), W));
  }
  if (r.example) out.push(...para(L.example, W, 0, c.yellow.bold));
  if (r.filter) {
    const parts: string[] = [];
    if (r.filter.unit) parts.push(L.filterUnit(r.filter.unit.name));
    if (r.filter.area !== undefined) parts.push(L.filterArea(r.filter.area));
    if (r.filter.overdue) parts.push(L.filterOverdue);
    out.push(...para(`${L.filter}: ${parts.join('; ')}`, W, 0, c.cyan));
  }
  return out;
}

/** Overall, as official reports state it. */
function overallLines({ r, lang, L, c, W, int }: Frame): string[] {
  const o = r.overall;
  const overallBar = Math.max(10, Math.min(30, W - 50));
  const stats = [L.average(formatPercent(o.averagePercent, lang)), L.overdueCount(int(o.overdue)), L.lateCount(int(o.finishedLate))];
  return [
    ...para(L.overall(int(o.finished), int(o.planned), formatPercent(o.percent, lang)), W, 0, c.bold),
    `${bar(o.percent, overallBar, c)} ${formatPercent(o.percent, lang)}`,
    ...joinParts(stats, W),
  ];
}

/** Column widths of the task lines, shared by every area. */
interface TaskColumns {
  no: number;
  title: number;
  pct: number;
  detailIndent: number;
}

function taskColumns(tasks: readonly TaskLine[], W: number, lang: Lang): TaskColumns {
  let no = 2;
  let pct = 4;
  for (const t of tasks) {
    no = Math.max(no, String(t.no).length + 1);
    pct = Math.max(pct, widthOf(percentShort(t.percent, lang)));
  }
  return { no, pct, title: Math.max(10, W - 2 - 2 - no - 1 - 1 - pct), detailIndent: 2 + 2 + no + 1 };
}

/** A block per area: its bar, then its tasks. */
function* areaBlocks(f: Frame): Generator<readonly string[]> {
  const { r, L, W } = f;
  const byArea = new Map<number, TaskLine[]>();
  for (const t of r.tasks) {
    const list = byArea.get(t.area);
    if (list) list.push(t);
    else byArea.set(t.area, [t]);
  }
  const cols = taskColumns(r.tasks, W, f.lang);
  if (r.tasks.length === 0) yield ['', ...para(r.filter ? L.noMatch : L.noTasks, W)];
  for (const a of r.areas) {
    yield [''];
    yield areaLines(f, a, byArea.get(a.id) ?? [], cols);
  }
}

function areaLines({ lang, L, c, W, int }: Frame, a: StatusReport['areas'][number], tasks: readonly TaskLine[], cols: TaskColumns): string[] {
  const out = [...para(L.area(a.id, a.title), W, 0, c.bold)];
  const areaBar = Math.max(6, Math.min(16, W - 64));
  const aStats = [L.areaDone(int(a.finished), int(a.planned)), L.areaAverage(formatPercent(a.averagePercent, lang))];
  if (a.overdue > 0) aStats.push(L.overdueCount(int(a.overdue)));
  const head = `${bar(a.percent, areaBar, c)} ${formatPercent(a.percent, lang)}`;
  const room = W - 2 - areaBar - 1 - widthOf(formatPercent(a.percent, lang)) - 2;
  const statLines = joinParts(aStats, Math.max(10, room));
  out.push(`  ${head}  ${statLines[0] ?? ''}`.trimEnd());
  for (const l of statLines.slice(1)) out.push(' '.repeat(W - room) + l);
  if (tasks.length === 0) out.push(...para(L.areaEmpty, W, 2, c.dim));
  const detailIndent = ' '.repeat(cols.detailIndent);
  for (const t of tasks) {
    const cells: Cell[] = [
      { text: taskMark(t, c), width: 1, raw: true },
      { text: `${t.no}.`, width: cols.no, align: 'right' },
      { text: t.title, width: cols.title },
      { text: percentShort(t.percent, lang), width: cols.pct, align: 'right', style: taskStyle(t, c) },
    ];
    for (const l of cellsAsLines(cells, 2, 1)) out.push(l);
    const detail = joinParts([t.lead, deadlineText(t, lang), taskState(t, L, lang)].filter(Boolean), W - cols.detailIndent);
    for (const l of detail) out.push(detailIndent + c.dim(l));
  }
  return out;
}

/** Lead units: finished, rate and overdue per unit. */
function unitLines({ r, lang, L, c, W, int }: Frame): string[] {
  if (r.units.length === 0) return [];
  const doneW = maxOf(r.units, (u) => widthOf(`${int(u.finished)}/${int(u.planned)}`), widthOf(L.doneCol));
  const unitBar = W >= 70 ? 10 : 0;
  const rateW = (unitBar ? unitBar + 1 : 0) + 7;
  const overdueW = maxOf(r.units, (u) => widthOf(int(u.overdue)), widthOf(L.overdueCol));
  const nameW = Math.max(8, W - 2 - 2 - doneW - 2 - rateW - 2 - overdueW);
  const head = [
    { text: L.unitCol, width: nameW },
    { text: L.doneCol, width: doneW, align: 'right' as const },
    { text: L.rateCol, width: rateW },
    { text: L.overdueCol, width: overdueW, align: 'right' as const },
  ];
  const out = ['', c.bold(L.units), ...cellsAsLines(head, 2).map((l) => c.dim(l))];
  for (const u of r.units) {
    const rate = (unitBar ? bar(u.percent, unitBar, c) + ' ' : '') + formatPercent(u.percent, lang).padStart(7);
    out.push(
      ...cellsAsLines(
        [
          { text: u.name, width: nameW },
          { text: `${int(u.finished)}/${int(u.planned)}`, width: doneW, align: 'right' },
          { text: rate, width: rateW, raw: true },
          { text: int(u.overdue), width: overdueW, align: 'right', style: u.overdue > 0 ? c.red : undefined },
        ],
        2,
      ),
    );
  }
  return out;
}

/** Overdue tasks by due date, unless the task list above is already just them. */
function overdueLines({ r, lang, L, c, W, int }: Frame): string[] {
  if (r.filter?.overdue) return [];
  const overdue = r.tasks.filter((t) => t.overdue).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.no - b.no));
  if (overdue.length === 0) return ['', ...para(L.noOverdue, W, 0, c.green)];
  const dueW = 10;
  const leadW = Math.max(10, Math.min(24, Math.floor(W * 0.25)));
  const taskW = Math.max(10, W - 2 - dueW - 2 - 2 - leadW);
  const out = ['', c.bold(c.red(L.overdueList(int(overdue.length))))];
  out.push(
    ...cellsAsLines(
      [
        { text: L.dueCol, width: dueW },
        { text: L.taskCol, width: taskW },
        { text: L.leadCol, width: leadW },
      ],
      2,
    ).map((l) => c.dim(l)),
  );
  for (const t of overdue) {
    out.push(
      ...cellsAsLines(
        [
          { text: dateShort(t.due, lang), width: dueW, style: c.red },
          { text: `${t.no}. ${t.title} (${percentShort(t.percent, lang)})`, width: taskW },
          { text: t.lead, width: leadW },
        ],
        2,
      ),
    );
  }
  return out;
}

/** Indicators: ✓ achieved, ✗ not achieved, – no data; "actual / comparator target". */
function indicatorLines({ r, lang, L, c, W, int }: Frame): string[] {
  // Indicators belong to areas, not units: only --area narrows them.
  const indScope = r.filter && r.filter.area === undefined ? L.wholePlan : '';
  if (r.indicators.length === 0) return ['', ...para(L.noIndicators(indScope), W)];
  const a = r.indicators.filter((i) => i.achieved === true).length;
  const b = r.indicators.filter((i) => i.achieved === false).length;
  const n = r.indicators.length - a - b;
  const out = ['', ...para(L.indicators(int(a), int(b), int(n), indScope), W, 0, c.bold)];
  const values = r.indicators.map((i) => {
    const target = `${COMPARATOR[i.target.comparator]} ${measure(i.target.value, i.target.unit, lang)}`;
    return `${i.actual === null ? '–' : measure(i.actual, i.target.unit, lang)} / ${target}`;
  });
  const idW = Math.min(
    10,
    maxOf(r.indicators, (i) => widthOf(i.id)),
  );
  const valW = Math.min(Math.max(12, Math.floor(W * 0.3)), maxOf(values, widthOf));
  const descW = Math.max(10, W - 2 - 1 - 2 - idW - 2 - valW - 2);
  r.indicators.forEach((ind, k) => {
    const mark = ind.achieved === true ? c.green('✓') : ind.achieved === false ? c.red('✗') : c.dim('–');
    const style = ind.achieved === true ? c.green : ind.achieved === false ? c.red : c.dim;
    out.push(
      ...cellsAsLines(
        [
          { text: mark, width: 1, raw: true },
          { text: ind.id, width: idW },
          { text: values[k]!, width: valW, style },
          { text: ind.target.of ?? ind.text, width: descW },
        ],
        2,
      ),
    );
  });
  return out;
}

/** Qualitative indicators (no measurable target): đạt, không đạt or chưa đánh giá. */
function qualitativeLines({ r, L, c, W, int }: Frame): string[] {
  if (r.qualitative.length === 0) return [];
  const a = r.qualitative.filter((q) => q.assessment === 'dat').length;
  const b = r.qualitative.filter((q) => q.assessment === 'khong-dat').length;
  const out = ['', ...para(L.qualitative(int(a), int(b), int(r.qualitative.length - a - b)), W, 0, c.bold)];
  const idW = Math.min(
    10,
    maxOf(r.qualitative, (q) => widthOf(q.id)),
  );
  const valW = Math.min(13, maxOf(Object.values(L.assessed), widthOf));
  const descW = Math.max(10, W - 2 - 1 - 2 - idW - 2 - valW - 2);
  for (const q of r.qualitative) {
    const mark = q.assessment === 'dat' ? c.green('✓') : q.assessment === 'khong-dat' ? c.red('✗') : c.dim('–');
    const style = q.assessment === 'dat' ? c.green : q.assessment === 'khong-dat' ? c.red : c.dim;
    out.push(
      ...cellsAsLines(
        [
          { text: mark, width: 1, raw: true },
          { text: q.id, width: idW },
          { text: L.assessed[q.assessment ?? 'none']!, width: valW, style },
          { text: q.text, width: descW },
        ],
        2,
      ),
    );
  }
  return out;
}

/** One budget line (and any line spent beyond its amount), then the score. */
function budgetLines({ r, lang, L, c, W, int }: Frame, frame: ScoringFrame): string[] {
  const scope = r.filter ? L.wholePlan : '';
  const out = ['', ...para(L.budget(int(r.budget.spent), int(r.budget.planned), formatPercent(r.budget.percentUsed, lang), scope), W)];
  for (const l of r.budget.lines.filter((x) => x.overspent)) {
    out.push(...para(L.overspent(l.no, l.content, int(l.spent), int(l.planned)), W, 2, c.yellow));
  }
  out.push(...para(L.score(frame.criterion[lang], formatDecimal(r.score.points, lang), formatDecimal(r.score.max, lang), scope), W, 0, c.bold));
  out.push(...para(`${L.frame}: ${frameAsText(frame, lang)}${frame.source ? ` (${frame.source})` : ''}`, W, 2, c.dim));
  return out;
}
