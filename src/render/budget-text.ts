/**
 * The budget report as the terminal shows it: the appendix table (STT, Nội dung chi tiết,
 * Đơn vị tính, Số lượng, Định mức, Số tiền, Tổng cộng, Bằng chữ), the checks each with a
 * mark, and, when the plan records spending, a second table of spent, remaining and
 * percent used. Fits the given width (80 by default), wrapping text at word boundaries.
 * It renders a computed BudgetReport and recomputes nothing.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../diagnostics/codes.js';
import type { BudgetReport, BudgetCheck, BudgetReportLine } from '../report/budget.js';
import { formatInt, formatDecimal, formatPercent, formatMoney, formatDate } from '../i18n/format.js';
import { textWidth, wrapText } from './style.js';

const OK = '✓';
const FAIL = '✗';
const WARN = '!';

const L = {
  vi: {
    no: 'STT',
    content: 'Nội dung chi tiết',
    unit: 'Đơn vị tính',
    quantity: 'Số lượng',
    rate: 'Định mức',
    amount: 'Số tiền',
    total: 'Tổng cộng',
    inWords: 'Bằng chữ',
    currencyNote: 'Đơn vị tính: đồng',
    checks: 'Kiểm tra',
    planned: 'Dự toán',
    spent: 'Đã chi',
    remaining: 'Còn lại',
    used: 'Tỷ lệ đã chi',
    spendingTitle: 'Tình hình chi tính đến ngày {date}',
    example: 'số liệu minh họa, không phải kết quả chính thức',
    records: 'Số liệu',
    noRecords: 'Chưa có số liệu chi nào đến ngày {date}.',
    notRecorded: 'chưa ghi số liệu',
    allOk: 'Dự toán đạt mọi phép kiểm tra ({n}).',
    someFailed: '{failed}/{n} phép kiểm tra không đạt.',
    warnings: '{n} cảnh báo.',
  },
  en: {
    no: 'No.',
    content: 'Item',
    unit: 'Unit',
    quantity: 'Quantity',
    rate: 'Rate',
    amount: 'Amount',
    total: 'Total',
    inWords: 'In words',
    currencyNote: 'Amounts in VND',
    checks: 'Checks',
    planned: 'Planned',
    spent: 'Spent',
    remaining: 'Remaining',
    used: 'Used',
    spendingTitle: 'Spending as of {date}',
    example: 'illustrative figures, not official results',
    records: 'Records',
    noRecords: 'No spending recorded on or before {date}.',
    notRecorded: 'not recorded',
    allOk: 'The budget passes every check ({n}).',
    someFailed: '{failed} of {n} checks failed.',
    warnings: '{n} warning{s}.',
  },
} as const;

type Labels = (typeof L)[Lang];

function fill(t: string, params: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

// ---------------------------------------------------------------------------------------
// A small column layout: plain text cells, wrapped to their column, styled after padding.

interface Cell {
  text: string;
  style?: (s: string) => string;
}

interface Column {
  header: string;
  align: 'left' | 'right';
  /** Text columns wrap at word boundaries; figure columns never do. */
  wrap: boolean;
  /** A text column no wider than this, unless one of its words is (short columns stay short). */
  max?: number;
}

const GAP = 2;

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map(textWidth));
}

/**
 * Column widths that fit `width`: natural widths, then the text column with the most room
 * gives way, one column at a time. Null when even the narrowest layout does not fit.
 */
function layout(cols: readonly Column[], rows: readonly Cell[][], width: number): number[] | null {
  const natural = cols.map((c, i) => Math.max(textWidth(c.header), ...rows.map((r) => textWidth(r[i]?.text ?? ''))));
  const min = cols.map((c, i) =>
    c.wrap
      ? Math.max(longestWord(c.header), ...rows.map((r) => longestWord(r[i]?.text ?? '')), 1)
      : Math.max(longestWord(c.header), ...rows.map((r) => textWidth(r[i]?.text ?? ''))),
  );
  const widths = natural.map((w, i) => (cols[i]!.max !== undefined ? Math.max(min[i]!, Math.min(w, cols[i]!.max!)) : w));
  const avail = width - GAP * (cols.length - 1);
  if (min.reduce((s, w) => s + w, 0) > avail) return null;
  let total = widths.reduce((s, w) => s + w, 0);
  while (total > avail) {
    let best = 0;
    for (let i = 1; i < cols.length; i++) if (widths[i]! - min[i]! > widths[best]! - min[best]!) best = i;
    widths[best]!--;
    total--;
  }
  return widths;
}

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const room = Math.max(0, w - textWidth(s));
  return align === 'right' ? ' '.repeat(room) + s : s + ' '.repeat(room);
}

function renderRow(cols: readonly Column[], widths: readonly number[], cells: readonly Cell[]): string[] {
  const wrapped = cols.map((c, i) => {
    const text = cells[i]?.text ?? '';
    return c.wrap || textWidth(text) > widths[i]! ? wrapText(text, widths[i]!) : [text];
  });
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = cols.map((c, i) => {
      const piece = wrapped[i]![k] ?? '';
      const style = cells[i]?.style;
      const padded = pad(piece, widths[i]!, c.align);
      const core = piece.trim();
      if (!style || !core) return padded;
      // Style the text only, not the padding around it.
      const at = padded.indexOf(core);
      return padded.slice(0, at) + style(core) + padded.slice(at + core.length);
    });
    out.push(parts.join(' '.repeat(GAP)).trimEnd());
  }
  return out;
}

/**
 * Too narrow for columns (a very small terminal, or huge figures): one block per row, the
 * first two cells as a heading ("1. Nội dung"), the others as "label: value" lines.
 */
function renderStacked(cols: readonly Column[], rows: readonly Cell[][], foot: Cell[] | null, width: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  const block = (cells: readonly Cell[], isFoot: boolean) => {
    const head = [cells[0]?.text, cells[1]?.text].filter(Boolean).join('. ');
    wrapText(head, width - 3).forEach((w, k) => out.push((k === 0 ? '' : '   ') + (isFoot ? c.bold(w) : w)));
    for (let i = 2; i < cols.length; i++) {
      const cell = cells[i];
      const text = cell?.text.trim() ?? '';
      if (!text) continue;
      const label = `${cols[i]!.header}: `;
      wrapText(label + text, width - 3).forEach((w, k) => {
        const shown = k === 0 ? c.dim(label) + (cell?.style ? cell.style(w.slice(label.length)) : w.slice(label.length)) : cell?.style ? cell.style(w) : w;
        out.push('   ' + shown);
      });
    }
  };
  for (const r of rows) block(r, false);
  if (foot) {
    out.push(c.dim('─'.repeat(Math.min(width, 20))));
    block(foot, true);
  }
  return out;
}

function renderTable(cols: readonly Column[], rows: readonly Cell[][], foot: Cell[] | null, width: number, c: ChalkInstance): string[] {
  const widths = layout(cols, foot ? [...rows, foot] : rows, width);
  if (!widths) return renderStacked(cols, rows, foot, width, c);
  const header = renderRow(
    cols,
    widths,
    cols.map((col) => ({ text: col.header, style: c.bold })),
  );
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP));
  const out = [...header, c.dim(rule)];
  for (const r of rows) out.push(...renderRow(cols, widths, r));
  if (foot) {
    out.push(c.dim(rule));
    out.push(...renderRow(cols, widths, foot));
  }
  return out;
}

// ---------------------------------------------------------------------------------------

/** A figure with room for a mark after it, so marked and unmarked figures line up. */
function figureCell(text: string, mark: string | null, withRoom: boolean, style?: (s: string) => string): Cell {
  if (mark) return { text: `${text} ${mark}`, style };
  return { text: withRoom ? `${text}  ` : text, style };
}

function appendixTable(report: BudgetReport, lang: Lang, c: ChalkInstance, width: number): string[] {
  const t = L[lang];
  const n = (x: bigint | number) => formatInt(x, lang);
  const totalCheck = report.checks.find((ch) => ch.id === 'total');
  const totalBad = totalCheck ? !totalCheck.ok : false;
  const anyMark = totalBad || report.lines.some((l) => !l.ok);
  const bad = (s: string) => c.red.bold(s);
  const cols: Column[] = [
    { header: t.no, align: 'right', wrap: false },
    { header: t.content, align: 'left', wrap: true },
    { header: t.unit, align: 'left', wrap: true, max: 10 },
    { header: t.quantity, align: 'right', wrap: true, max: 10 },
    { header: t.rate, align: 'right', wrap: false },
    { header: t.amount, align: 'right', wrap: false },
  ];
  const rows: Cell[][] = report.lines.map((l) => {
    const failed = !l.ok;
    return [
      { text: String(l.no) },
      { text: l.content },
      { text: l.unit ?? '' },
      { text: l.quantityText ?? '' },
      { text: l.rate !== null ? n(l.rate) : '' },
      figureCell(n(l.amount), failed ? FAIL : null, anyMark, failed ? bad : undefined),
    ];
  });
  const foot: Cell[] = [
    { text: '' },
    { text: t.total, style: c.bold },
    { text: '' },
    { text: '' },
    { text: '' },
    figureCell(n(report.total), totalBad ? FAIL : null, anyMark, totalBad ? bad : c.bold),
  ];
  const out = renderTable(cols, rows, foot, width, c);
  const words = wrapText(`(${t.inWords}: ${report.words.computed})`, width);
  out.push(...words.map((w) => c.italic(w)));
  return out;
}

function money(x: bigint, lang: Lang): string {
  return formatMoney(x, lang);
}

function signed(x: bigint, lang: Lang): string {
  return (x > 0n ? '+' : '') + formatInt(x, lang);
}

/** One sentence per check, in the user's language. */
export function checkText(ch: BudgetCheck, lang: Lang): string {
  const n = (x: bigint | number) => formatInt(x, lang);
  const vi = lang === 'vi';
  switch (ch.id) {
    case 'numbering': {
      if (ch.ok) return vi ? `STT các dòng liên tục từ 1 đến ${ch.count}` : `Lines are numbered 1 to ${ch.count}`;
      const ps = ch.problems
        .map((p) =>
          p.duplicate
            ? vi
              ? `STT ${p.no} bị lặp`
              : `number ${p.no} is used twice`
            : vi
              ? `dòng thứ ${p.position} ghi STT ${p.no}`
              : `line ${p.position} is numbered ${p.no}`,
        )
        .join('; ');
      return vi ? `STT các dòng phải liên tục từ 1 đến ${ch.count}: ${ps}` : `Lines must be numbered 1 to ${ch.count}: ${ps}`;
    }
    case 'amounts':
      return vi
        ? `Mọi số tiền (${ch.count}) là số nguyên đồng, không âm, tính chính xác được`
        : `Every figure (${ch.count}) is a whole, non-negative number of đồng, exact`;
    case 'line-arithmetic': {
      const calc = `${n(ch.quantity)} × ${n(ch.rate)} = ${n(ch.expected)}`;
      if (ch.ok) return vi ? `Dòng ${ch.line}: ${calc}` : `Line ${ch.line}: ${calc}`;
      return vi
        ? `Dòng ${ch.line}: ${calc}, nhưng số tiền ghi ${n(ch.actual)} (chênh ${signed(ch.difference, lang)})`
        : `Line ${ch.line}: ${calc}, but the amount says ${n(ch.actual)} (difference ${signed(ch.difference, lang)})`;
    }
    case 'percent-line': {
      const pct = formatDecimal(ch.percent, lang) + '%';
      const base = vi ? (ch.base === 'total' ? 'tổng cộng' : 'các dòng khác') : ch.base === 'total' ? 'the total' : 'the other lines';
      const calc = vi
        ? `${pct} của ${base} ${n(ch.baseAmount)} = ${n(ch.expected)} (làm tròn đến đồng)`
        : `${pct} of ${base} ${n(ch.baseAmount)} = ${n(ch.expected)} (rounded to the đồng)`;
      if (ch.ok) return vi ? `Dòng ${ch.line}: ${calc}` : `Line ${ch.line}: ${calc}`;
      return vi
        ? `Dòng ${ch.line}: ${calc}, nhưng số tiền ghi ${n(ch.actual)} (chênh ${signed(ch.difference, lang)})`
        : `Line ${ch.line}: ${calc}, but the amount says ${n(ch.actual)} (difference ${signed(ch.difference, lang)})`;
    }
    case 'total':
      if (ch.ok) return vi ? `Tổng các dòng bằng tổng cộng: ${money(ch.actual, lang)}` : `The lines add up to the total: ${money(ch.actual, lang)}`;
      return vi
        ? `Tổng các dòng là ${n(ch.expected)} nhưng tổng cộng ghi ${n(ch.actual)} (chênh ${signed(ch.difference, lang)})`
        : `The lines add up to ${n(ch.expected)} but the total says ${n(ch.actual)} (difference ${signed(ch.difference, lang)})`;
    case 'words':
      if (ch.ok) return vi ? `Số tiền bằng chữ khớp với tổng cộng: "${ch.declared}"` : `The words match the total: "${ch.declared}"`;
      return vi
        ? `Số tiền bằng chữ "${ch.declared}" không khớp với ${ch.againstSum ? 'tổng các dòng ' : ''}${n(ch.total)}${ch.declaredAmount !== null ? ` (đọc ra ${n(ch.declaredAmount)})` : ''}${ch.againstSum ? ', vì tổng cộng ghi sai' : ''}; đúng là "${ch.expected}"`
        : `The words "${ch.declared}" do not match ${ch.againstSum ? 'the sum of the lines, ' : ''}${n(ch.total)}${ch.declaredAmount !== null ? ` (they read ${n(ch.declaredAmount)})` : ''}${ch.againstSum ? ', as the declared total is wrong' : ''}; they should read "${ch.expected}"`;
    case 'funding':
      if (ch.ok) return vi ? `Nguồn kinh phí: ${ch.source}` : `Funding: ${ch.source}`;
      return vi
        ? 'Chưa ghi nguồn kinh phí (quyết định giao dự toán) trong plan.yaml, mục funding.source'
        : 'No funding source (the allocating decision) in plan.yaml, funding.source';
    case 'spending':
      if (ch.ok) return vi ? 'Không dòng nào chi vượt dự toán' : 'No line spent more than planned';
      return ch.overspent
        .map((o) =>
          vi
            ? `Dòng ${o.line} đã chi ${n(o.spent)}, vượt dự toán ${n(o.planned)} (vượt ${n(o.over)})`
            : `Line ${o.line} spent ${n(o.spent)}, above its ${n(o.planned)} (over by ${n(o.over)})`,
        )
        .join('\n');
  }
}

function checkLines(checks: readonly BudgetCheck[], lang: Lang, c: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  for (const ch of checks) {
    const mark = ch.ok ? c.green(OK) : ch.severity === 'error' ? c.red.bold(FAIL) : c.yellow.bold(WARN);
    for (const sentence of checkText(ch, lang).split('\n')) {
      const wrapped = wrapText(sentence, width - 4);
      wrapped.forEach((w, i) => {
        const text = ch.ok ? w : ch.severity === 'error' ? c.red(w) : c.yellow(w);
        out.push(`${i === 0 ? `  ${mark} ` : '    '}${text}`);
      });
    }
  }
  return out;
}

function spendingSection(report: BudgetReport, lang: Lang, c: ChalkInstance, width: number): string[] {
  const s = report.spending;
  if (!s) return [];
  const t: Labels = L[lang];
  const n = (x: bigint | number) => formatInt(x, lang);
  const out: string[] = [];
  const title = fill(t.spendingTitle, { date: formatDate(s.asOf, lang) }) + (s.example ? ` (${t.example})` : '');
  out.push(...wrapText(title, width).map((w) => c.bold(w)));
  if (s.files.length === 0) {
    out.push(fill(t.noRecords, { date: formatDate(s.asOf, lang) }));
    return out;
  }
  const files = s.files.map((f) => `${f.file} (${formatDate(f.asOf, lang)})`).join(', ');
  out.push(...wrapText(`${t.records}: ${files}`, width).map((w) => c.dim(w)));
  const anyOver = s.overspentLines.length > 0;
  const over = (x: string) => c.yellow.bold(x);
  const cols: Column[] = [
    { header: t.no, align: 'right', wrap: false },
    { header: t.content, align: 'left', wrap: true },
    { header: t.planned, align: 'right', wrap: false },
    { header: t.spent, align: 'right', wrap: false },
    { header: t.remaining, align: 'right', wrap: false },
    { header: t.used, align: 'right', wrap: true, max: 7 },
  ];
  const pct = (p: number | null) => (p === null ? '—' : formatPercent(p, lang));
  const rows: Cell[][] = report.lines.map((l: BudgetReportLine) => {
    const sp = l.spending!;
    const isOver = sp.overspent;
    return [
      { text: String(l.no) },
      { text: l.content },
      { text: n(l.amount) },
      sp.spent === null ? figureCell('—', null, anyOver) : figureCell(n(sp.spent), isOver ? WARN : null, anyOver, isOver ? over : undefined),
      { text: n(sp.remaining), style: isOver ? over : undefined },
      { text: pct(sp.percentUsed), style: isOver ? over : undefined },
    ];
  });
  const foot: Cell[] = [
    { text: '' },
    { text: L[lang].total, style: c.bold },
    { text: n(s.planned), style: c.bold },
    figureCell(n(s.spent), null, anyOver, c.bold),
    { text: n(s.remaining), style: c.bold },
    { text: pct(s.percentUsed), style: c.bold },
  ];
  out.push(...renderTable(cols, rows, foot, width, c));
  const unrecorded = report.lines.filter((l) => l.spending?.spent === null).map((l) => l.no);
  if (unrecorded.length > 0) out.push(c.dim(`— ${t.notRecorded}: ${unrecorded.join(', ')}`));
  return out;
}

/** "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của ...)", or the plan's title while it has no number. */
function attachedTo(report: BudgetReport, lang: Lang): string {
  const p = report.plan;
  const vi = lang === 'vi';
  if (p.number) {
    const no = p.symbol ? `${p.number}/${p.symbol}` : p.number;
    const date = p.date ? (vi ? ` ngày ${formatDate(p.date, lang)}` : ` of ${formatDate(p.date, lang)}`) : '';
    return vi ? `(Kèm theo Kế hoạch số ${no}${date} của ${p.agency})` : `(Attached to plan no. ${no}${date}, ${p.agency})`;
  }
  return vi ? `(Kèm theo ${p.title} của ${p.agency})` : `(Attached to ${p.title}, ${p.agency})`;
}

export interface BudgetTextOptions {
  lang: Lang;
  chalk: ChalkInstance;
  /** Columns available (80 by default). */
  width?: number;
}

/** The whole report as terminal text, one string with a trailing newline. */
export function budgetAsText(report: BudgetReport, opts: BudgetTextOptions): string {
  const { lang, chalk: c } = opts;
  const width = Math.max(40, opts.width ?? 80);
  const t = L[lang];
  const out: string[] = [];
  if (report.title) out.push(...wrapText(report.title, width).map((w) => c.bold(w)));
  if (report.subtitle) out.push(...wrapText(report.subtitle, width).map((w) => c.bold(w)));
  out.push(...wrapText(attachedTo(report, lang), width).map((w) => c.italic(w)));
  out.push(c.dim(pad(t.currencyNote, width, 'right')));
  out.push(...appendixTable(report, lang, c, width));
  out.push('');
  out.push(c.bold(t.checks));
  const main = report.checks.filter((ch) => ch.id !== 'spending');
  out.push(...checkLines(main, lang, c, width));
  const spendingChecks = report.checks.filter((ch) => ch.id === 'spending');
  if (report.spending) {
    out.push('');
    out.push(...spendingSection(report, lang, c, width));
    if (report.spending.files.length > 0) out.push(...checkLines(spendingChecks, lang, c, width));
  }
  out.push('');
  const errors = report.checks.filter((ch) => ch.severity === 'error');
  const failed = errors.filter((ch) => !ch.ok).length;
  const warned = report.checks.filter((ch) => ch.severity === 'warning' && !ch.ok).length;
  const warnText = warned ? ' ' + fill(t.warnings, { n: warned, s: warned === 1 ? '' : 's' }) : '';
  const verdict = failed === 0 ? `${OK} ${fill(t.allOk, { n: errors.length })}` : `${FAIL} ${fill(t.someFailed, { failed, n: errors.length })}`;
  const paint = failed > 0 ? c.red.bold : warned > 0 ? c.yellow : c.green;
  out.push(...wrapText(verdict + warnText, width).map((w) => paint(w)));
  return out.join('\n') + '\n';
}
