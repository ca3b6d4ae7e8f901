/**
 * A neutral sheet model (compute once, render many ways, after hledger's Write/Spreadsheet.hs): typed
 * cells, merges, styles, column widths and print setup, with no dependency on any
 * spreadsheet library. Builders (appendix-sheets.ts) turn computed reports into sheets;
 * writers (xlsx.ts) turn sheets into files. Pure: no I/O.
 *
 * Rows and columns are 1-based, as a spreadsheet user counts them, so that a merge written
 * here reads the same as the A1 reference the writer emits.
 */
import type { IsoDate } from '../model/dates.js';
import { TNR_BOLD, TNR_REGULAR } from './tnr-widths.js';

/**
 * A cell's content. Text is always text: nothing that comes from a plan file is ever a
 * formula, whatever characters it starts with. Only the builders write `formula` cells, and
 * they carry the computed result so that viewers that do not recalculate show the figure.
 */
export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A calendar date; the writer stores it as a real spreadsheet date. */
  | { kind: 'date'; date: IsoDate }
  | { kind: 'formula'; formula: string; result: number };

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; the sheet's size when absent. */
  size?: number;
  /** RGB hex without '#', e.g. 'C00000'. */
  color?: string;
  align?: HAlign;
  valign?: VAlign;
  wrap?: boolean;
  /** A thin border on all four sides (table cells). */
  border?: boolean;
  /** Spreadsheet number format: '#,##0', '0.00%', 'dd/mm/yyyy'. */
  numFmt?: string;
  /** Background fill, RGB hex. */
  fill?: string;
  /** Indent from the cell's left edge, in the spreadsheet's levels (three spaces each). */
  indent?: number;
}

export interface Cell {
  value?: CellValue;
  style?: CellStyle;
}

export interface Row {
  /** Cells from column 1; a missing cell is empty and unstyled. */
  cells: Array<Cell | undefined>;
  /** Height in points; computed by {@link layoutRows} when absent. */
  height?: number;
  /** Never the last row of a printed page (a group row, a section title, a table header). */
  keepWithNext?: boolean;
}

/** An inclusive rectangle, 1-based. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Column {
  /** Width in characters of the default font (the spreadsheet's own unit). */
  width: number;
}

/** Highlight rows of a range when an expression (written for its top-left cell) is true. */
export interface ConditionalRule {
  range: Range;
  /** A formula relative to the range's top-left cell, e.g. `$H8="Quá hạn"`. */
  expression: string;
  fill: string;
  fontColor?: string;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Pages wide; 1 = shrink to the page width. */
  fitToWidth: number;
  /** Pages tall; 0 = as many as needed. */
  fitToHeight: number;
  /** Rows repeated at the top of every printed page, inclusive. */
  titleRows?: [number, number];
  /** Page header and footer in the spreadsheet's codes (&P page, &N pages). */
  header?: string;
  footer?: string;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface Sheet {
  /** At most 31 characters, none of []:*?/\ (see {@link checkSheetName}). */
  name: string;
  font: { name: string; size: number };
  columns: Column[];
  rows: Row[];
  merges: Range[];
  /** Rows (and columns) kept in view while scrolling. */
  freeze?: { rows: number; columns?: number };
  print: PrintSetup;
  conditional: ConditionalRule[];
  /** Manual page breaks: the rows each printed page ends with ({@link paginate}). */
  pageBreaks?: number[];
}

// ---------------------------------------------------------------------------------------
// Cell constructors

export function text(s: string, style?: CellStyle): Cell {
  return style ? { value: { kind: 'text', text: s }, style } : { value: { kind: 'text', text: s } };
}

export function num(n: number, style?: CellStyle): Cell {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return style ? { value: { kind: 'number', value: n }, style } : { value: { kind: 'number', value: n } };
}

/** Money in whole đồng as a spreadsheet number (exact below 2^53, which the schema guarantees). */
export function money(n: bigint, style?: CellStyle): Cell {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new RangeError(`amount too large for a spreadsheet number: ${n}`);
  return num(v, style);
}

export function date(iso: IsoDate, style?: CellStyle): Cell {
  return style ? { value: { kind: 'date', date: iso }, style } : { value: { kind: 'date', date: iso } };
}

export function formula(f: string, result: number, style?: CellStyle): Cell {
  return style ? { value: { kind: 'formula', formula: f, result }, style } : { value: { kind: 'formula', formula: f, result } };
}

export function blank(style?: CellStyle): Cell {
  return style ? { style } : {};
}

// ---------------------------------------------------------------------------------------
// References

/** 1 → A, 27 → AA. */
export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`bad column: ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

export function rangeRef(r: Range): string {
  return `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Why a sheet name would be refused by Excel, or undefined when it is fine. */
export function checkSheetName(name: string): string | undefined {
  if (name.length === 0) return 'empty';
  if ([...name].length > 31) return 'longer than 31 characters';
  if (BAD_SHEET_CHARS.test(name)) return 'contains one of []:*?/\\';
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Building

/** Appends rows and merges; keeps the row numbers the builders refer to in formulas. */
export class SheetBuilder {
  readonly rows: Row[] = [];
  readonly merges: Range[] = [];
  readonly conditional: ConditionalRule[] = [];

  constructor(readonly columnCount: number) {}

  /** The number the next row will have. */
  get next(): number {
    return this.rows.length + 1;
  }

  /** Appends a row; returns its number. */
  add(cells: Array<Cell | undefined>, opts: { height?: number; keepWithNext?: boolean } = {}): number {
    const row: Row = { cells };
    if (opts.height !== undefined) row.height = opts.height;
    if (opts.keepWithNext) row.keepWithNext = true;
    this.rows.push(row);
    return this.rows.length;
  }

  /** A row whose single cell spans the whole width (titles, group rows, notes). */
  spanning(cell: Cell, opts: { height?: number; from?: number; to?: number; keepWithNext?: boolean } = {}): number {
    const from = opts.from ?? 1;
    const to = opts.to ?? this.columnCount;
    const cells: Array<Cell | undefined> = [];
    cells[from - 1] = cell;
    // The other cells of the span keep the border so the merged box is drawn whole.
    for (let c = from + 1; c <= to; c++) cells[c - 1] = cell.style?.border ? blank({ border: true }) : undefined;
    const r = this.add(cells, { ...(opts.height !== undefined ? { height: opts.height } : {}), ...(opts.keepWithNext ? { keepWithNext: true } : {}) });
    if (to > from) this.merges.push({ top: r, left: from, bottom: r, right: to });
    return r;
  }

  merge(range: Range): void {
    this.merges.push(range);
  }

  blankRow(height?: number): number {
    return this.add([], height !== undefined ? { height } : {});
  }
}

// ---------------------------------------------------------------------------------------
// Layout: column widths that fit the content and row heights for wrapped text.

export interface ColumnSpec {
  /** Narrowest acceptable width (characters). */
  min: number;
  /** Widest useful width. */
  max: number;
  /** Share of the room left on the page once every column has its natural width. */
  grow?: number;
  /**
   * Let long words (document symbols such as 25/QĐ-SLĐTBXH) break instead of widening the
   * column to the longest word.
   */
  breakWords?: boolean;
}

/** Times New Roman advance widths in em, by character (tnr-widths.ts, generated once). */
function widthTable(src: Record<number, string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [milli, chars] of Object.entries(src)) for (const ch of chars) m.set(ch, Number(milli) / 1000);
  return m;
}

const REGULAR_EM = widthTable(TNR_REGULAR);
const BOLD_EM = widthTable(TNR_BOLD);

function emWidth(ch: string, bold: boolean): number {
  const table = bold ? BOLD_EM : REGULAR_EM;
  const known = table.get(ch);
  if (known !== undefined) return known;
  // Combining marks (text typed in decomposed form) sit on the letter before them.
  if (/\p{M}/u.test(ch)) return 0;
  const base = table.get(ch.normalize('NFD')[0] ?? ch);
  if (base !== undefined) return base;
  // Other scripts and symbols: as wide as a capital, to stay on the safe side.
  return 0.72;
}

/**
 * Width of a text in the spreadsheet's width unit. The workbook's default font is Times New
 * Roman 12 pt (xlsx.ts), whose digits are 0.5 em wide, and the unit is that digit width.
 * Bold widths come from the bold table. A 2% margin keeps estimates on the safe side.
 */
function emToUnits(em: number, size: number): number {
  return (em / 0.5) * (size / 12) * 1.02;
}

const SPACE_EM = 0.25;

/** Words repeat a great deal in a plan, so their widths are remembered (up to a bound). */
const WORD_CACHE = new Map<string, number>();

function wordEm(w: string, bold: boolean): number {
  const k = bold ? '\u0001' + w : w;
  let em = WORD_CACHE.get(k);
  if (em !== undefined) return em;
  em = 0;
  for (const ch of w) em += emWidth(ch, bold);
  if (w.length <= 40 && WORD_CACHE.size < 50_000) WORD_CACHE.set(k, em);
  return em;
}

/** Each cell is measured for its column's width and again for its row's height. */
const TEXT_CACHE = new Map<string, number[][]>();

/** The widths (em) of the words of each paragraph. */
function wordsEm(s: string, bold: boolean): number[][] {
  const k = bold ? '\u0001' + s : s;
  let out = TEXT_CACHE.get(k);
  if (out) return out;
  // Measured as NFC: a letter typed in decomposed form is drawn as its precomposed glyph.
  out = s
    .normalize('NFC')
    .split('\n')
    .map((p) => {
      const ws: number[] = [];
      for (const w of p.split(/\s+/)) if (w) ws.push(wordEm(w, bold));
      return ws;
    });
  if (TEXT_CACHE.size >= 20_000) TEXT_CACHE.clear();
  TEXT_CACHE.set(k, out);
  return out;
}

function lineEm(words: readonly number[]): number {
  let em = 0;
  for (const w of words) em += w;
  return em + SPACE_EM * Math.max(0, words.length - 1);
}

/** The widest paragraph of a text, in width units (what one unwrapped line would need). */
export function textUnits(s: string, size: number, bold = false): number {
  let best = 0;
  for (const p of wordsEm(s, bold)) best = Math.max(best, lineEm(p));
  return emToUnits(best, size);
}

/** The widest single word (a column narrower than this breaks words). */
function longestWordUnits(s: string, size: number, bold: boolean): number {
  let best = 0;
  for (const p of wordsEm(s, bold)) for (const w of p) best = Math.max(best, w);
  return emToUnits(best, size);
}

/**
 * Room an indent level takes, in width units: Excel and LibreOffice both indent by three
 * spaces of the default font (Times New Roman 12 pt) per level.
 */
export function indentUnits(level: number): number {
  return emToUnits(3 * SPACE_EM * level, 12);
}

/** How many lines a text takes in a box `width` units wide, wrapping at word boundaries. */
export function wrappedLines(s: string, width: number, size: number, bold = false, indent = 0): number {
  // In em of this font: the box less the viewer's own padding and the indent.
  const room = Math.max(0.5, (width - 0.6 - indentUnits(indent)) / emToUnits(1, size));
  let lines = 0;
  for (const words of wordsEm(s, bold)) {
    let line = 0;
    let count = 1;
    for (const w of words) {
      if (line > 0 && line + SPACE_EM + w > room) {
        count++;
        line = 0;
      }
      if (w > room) {
        // A word longer than the line is broken across lines.
        const extra = Math.ceil(w / room) - 1;
        count += extra;
        line = w - extra * room;
      } else line += (line > 0 ? SPACE_EM : 0) + w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Distance between wrapped lines in points. Times New Roman's ascent and descent add up to
 * 1.107 em, and both viewers advance by about that much (LibreOffice's PDF of the 2022
 * workbook: 14 pt lines at 13 pt, 12 pt at 11 pt; Excel rounds each line to whole pixels).
 * 1.12 em keeps every line whole in both and adds well under a line to a tall row.
 */
export function lineHeight(size: number): number {
  return size * 1.12;
}

/** Space above and below the text of a row, in points. */
const ROW_PADDING = 3;

/** Height in points of a row holding `lines` lines of text at `size`. */
export function rowHeightFor(lines: number, size: number): number {
  return Math.min(409, Math.ceil((lines * lineHeight(size) + ROW_PADDING) * 4) / 4);
}

/** 20000000 → "20,000,000" (the separator does not matter for measuring). */
function group3(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return n < 0 ? '-' + out : out;
}

/** What a viewer shows for a cell, near enough to measure it (numbers through their format). */
export function displayText(c: Cell | undefined): string | undefined {
  const v = c?.value;
  if (!v) return undefined;
  const fmt = c?.style?.numFmt ?? 'General';
  const shown = (n: number): string => {
    if (fmt.endsWith('%')) {
      const decimals = /\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
      return (n * 100).toFixed(decimals) + '%';
    }
    if (fmt.includes('#,##0')) return group3(n);
    const s = String(n);
    return s.length > 11 ? n.toPrecision(10).replace(/\.?0+$/, '') : s;
  };
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return shown(v.value);
    case 'date':
      return '00/00/0000';
    case 'formula':
      return shown(v.result);
  }
}

/**
 * Column widths for the content: each column gets its natural width (its longest
 * paragraph, within min..max, never narrower than its longest word), then the room left up
 * to `pageWidth` goes to the growing columns, or, when the total is too wide, the growing
 * columns give up room down to their minimum. Merged cells do not count: they span.
 */
export function fitColumns(rows: readonly Row[], merges: readonly Range[], specs: readonly ColumnSpec[], pageWidth: number, fontSize: number): number[] {
  // Cells spanning several columns do not count (they have the room of all of them); a
  // cell merged down over rows of one column (a two-row header) does.
  const merged = mergedCells(merges.filter((m) => m.right > m.left));
  const natural = specs.map((s) => s.min);
  const floor = specs.map((s) => s.min);
  rows.forEach((row, ri) => {
    row.cells.forEach((cell, ci) => {
      const spec = specs[ci];
      if (!spec || merged.has(key(ri + 1, ci + 1))) return;
      const t = displayText(cell);
      if (t === undefined) return;
      const size = cell?.style?.size ?? fontSize;
      const bold = cell?.style?.bold ?? false;
      const need = textUnits(t, size, bold) + CELL_PADDING + indentUnits(cell?.style?.indent ?? 0);
      natural[ci] = Math.max(natural[ci]!, Math.min(need, spec.max));
      if (!spec.breakWords) floor[ci] = Math.max(floor[ci]!, Math.min(longestWordUnits(t, size, bold) + CELL_PADDING, spec.max));
    });
  });
  const widths = natural.map((w, i) => Math.max(w, floor[i]!));
  const growers = specs.map((s, i) => ({ i, grow: s.grow ?? 0 })).filter((g) => g.grow > 0);
  if (growers.length === 0) return widths.map((w) => Math.round(w * 10) / 10);
  const lowest = (i: number) => Math.max(floor[i]!, specs[i]!.min);
  const fixed = widths.reduce((a, w, i) => a + (growers.some((g) => g.i === i) ? 0 : w), 0);
  let room = pageWidth - fixed;
  for (const g of growers) {
    widths[g.i] = lowest(g.i);
    room -= widths[g.i]!;
  }
  room = shareByHeight(rows, merged, widths, growers, natural, room, fontSize);
  shareByWeight(widths, growers, natural, room);
  return widths.map((w) => Math.round(w * 10) / 10);
}

/** At most this many rows are measured when choosing widths (evenly spread over the sheet). */
const SAMPLE_ROWS = 300;

/**
 * Gives the room, step by step, to the growing column whose widening saves the most printed
 * height per unit of width (the rows' heights measured as {@link layoutRows} does), so that
 * the page goes where text wraps most. Returns the room no widening shortens.
 */
function shareByHeight(
  rows: readonly Row[],
  merged: ReadonlySet<string>,
  widths: number[],
  growers: ReadonlyArray<{ i: number; grow: number }>,
  natural: readonly number[],
  room: number,
  fontSize: number,
): number {
  type Measured = { col: number; text: string; size: number; bold: boolean; indent: number; memo: Map<number, number> };
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  const table: Measured[][] = [];
  for (let ri = 0; ri < rows.length; ri += step) {
    const cells: Measured[] = [];
    rows[ri]!.cells.forEach((cell, ci) => {
      const t = displayText(cell);
      if (t === undefined || merged.has(key(ri + 1, ci + 1)) || cell?.style?.wrap === false) return;
      cells.push({
        col: ci,
        text: t,
        size: cell?.style?.size ?? fontSize,
        bold: cell?.style?.bold ?? false,
        indent: cell?.style?.indent ?? 0,
        memo: new Map(),
      });
    });
    if (cells.length) table.push(cells);
  }
  // The same cell is measured at the same width many times over while the room is shared.
  const cellHeight = (m: Measured, w: number) => {
    let h = m.memo.get(w);
    if (h === undefined) {
      h = rowHeightFor(wrappedLines(m.text, w, m.size, m.bold, m.indent), m.size);
      m.memo.set(w, h);
    }
    return h;
  };
  // Each row's height per column at the current widths.
  const heights = table.map((cells) => {
    const h = new Map<number, number>();
    for (const m of cells) h.set(m.col, Math.max(h.get(m.col) ?? 0, cellHeight(m, widths[m.col]!)));
    return h;
  });
  const rowMax = (h: Map<number, number>, col: number, v: number) => {
    let best = v;
    for (const [c, x] of h) if (c !== col && x > best) best = x;
    return best;
  };
  const columnHeights = (col: number, w: number) =>
    table.map((cells) => {
      let h = 0;
      for (const m of cells) if (m.col === col) h = Math.max(h, cellHeight(m, w));
      return h;
    });
  while (room > 0.05) {
    let best: { i: number; add: number; rate: number; col: number[] } | undefined;
    for (const g of growers) {
      const cap = natural[g.i]! - widths[g.i]!;
      for (const d of [0.5, 1, 2, 4, 8, 16, 32]) {
        const add = Math.min(d, cap, room);
        if (add <= 0.01) break;
        const col = columnHeights(g.i, widths[g.i]! + add);
        let saved = 0;
        heights.forEach((h, r) => {
          const now = rowMax(h, -1, 0);
          saved += now - rowMax(h, g.i, col[r]!);
        });
        const rate = saved / add;
        if (saved > 0 && (!best || rate > best.rate + 1e-9)) best = { i: g.i, add, rate, col };
        if (add < d) break;
      }
    }
    if (!best) break;
    widths[best.i] = widths[best.i]! + best.add;
    room -= best.add;
    const { i, col } = best;
    heights.forEach((h, r) => h.set(i, col[r]!));
  }
  return room;
}

/**
 * Shares room among the growing columns by weight (water-filling): each is filled up to its
 * natural width, the room one does not need going to the others; room left once all are full
 * is shared by weight too.
 */
function shareByWeight(widths: number[], growers: ReadonlyArray<{ i: number; grow: number }>, natural: readonly number[], room: number): void {
  let open = growers.filter((g) => widths[g.i]! < natural[g.i]!);
  while (room > 0.05 && open.length > 0) {
    const sum = open.reduce((a, g) => a + g.grow, 0);
    let used = 0;
    for (const g of open) {
      const add = Math.min((room * g.grow) / sum, natural[g.i]! - widths[g.i]!);
      widths[g.i] = widths[g.i]! + add;
      used += add;
    }
    room -= used;
    open = open.filter((g) => widths[g.i]! < natural[g.i]! - 0.01);
  }
  if (room > 0.05) {
    const sum = growers.reduce((a, g) => a + g.grow, 0);
    for (const g of growers) widths[g.i] = widths[g.i]! + (room * g.grow) / sum;
  }
}

/** Room a cell's text needs beyond its glyphs: the viewer's padding and a little air. */
const CELL_PADDING = 1;

function key(r: number, c: number): string {
  return `${r}:${c}`;
}

/** Every cell of the merges, top-left cells included. */
function mergedCells(merges: readonly Range[]): Set<string> {
  const s = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) s.add(key(r, c));
  }
  return s;
}

/**
 * Row heights for wrapped text: for each row without an explicit height, the tallest cell
 * (a merged cell measured over the width of all its columns, and spread over its rows).
 * Explicit heights make the workbook look the same in every viewer, including those that do
 * not re-measure rows on opening.
 */
export function layoutRows(sheet: Pick<Sheet, 'rows' | 'merges' | 'columns' | 'font'>): void {
  const spans = new Map<string, Range>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    spans.set(key(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const width = (from: number, to: number) => {
    let w = 0;
    for (let c = from; c <= to; c++) w += sheet.columns[c - 1]?.width ?? 9;
    return w;
  };
  sheet.rows.forEach((row, ri) => {
    if (row.height !== undefined) return;
    const r = ri + 1;
    let points = rowHeightFor(1, sheet.font.size);
    row.cells.forEach((cell, ci) => {
      const c = ci + 1;
      if (covered.has(key(r, c))) return;
      const t = displayText(cell);
      if (t === undefined) return;
      const span = spans.get(key(r, c));
      const size = cell?.style?.size ?? sheet.font.size;
      const w = span ? width(span.left, span.right) : width(c, c);
      const wraps = cell?.style?.wrap !== false;
      const lines = wraps ? wrappedLines(t, w, size, cell?.style?.bold ?? false, cell?.style?.indent ?? 0) : t.split('\n').length;
      const rowsSpanned = span ? span.bottom - span.top + 1 : 1;
      points = Math.max(points, rowHeightFor(lines, size) / rowsSpanned);
    });
    row.height = Math.min(409, Math.ceil(points * 4) / 4);
  });
}

/**
 * Useful width of an A4 page in width units inside the margins. The unit is the digit width
 * of the default font, Times New Roman 12 pt: 8 px at 96 dpi, and a column of width w is
 * w × 8 px wide in Excel (the stored width already includes the cell padding). So
 * (297 mm − 25 mm) ≈ 10.7 in ≈ 1027 px ≈ 128 units, less one for safety.
 */
export function pageWidthUnits(orientation: 'landscape' | 'portrait', margins: PrintSetup['margins'] = A4_MARGINS): number {
  const inches = (orientation === 'landscape' ? 11.69 : 8.27) - margins.left - margins.right;
  return Math.floor((inches * 96) / 8) - 1;
}

/** Margins for submitted tables (inches): about 15 mm left, 10 mm right, 15 mm top and bottom. */
export const A4_MARGINS: PrintSetup['margins'] = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Narrower side margins (10 mm) for wide working tables that are not submitted as appendices. */
export const A4_NARROW_MARGINS: PrintSetup['margins'] = { ...A4_MARGINS, left: 0.4, right: 0.4 };

/** A4 in points, portrait width and height. */
const A4_POINTS = { short: 595.3, long: 841.9 };

/**
 * Height in points that a printed page gives to rows: the paper less the top and bottom
 * margins (the page header and footer print inside the margins), less 2% for the viewers'
 * rounding of row heights to whole pixels.
 */
export function printableHeight(print: PrintSetup): number {
  const paper = print.orientation === 'landscape' ? A4_POINTS.short : A4_POINTS.long;
  return (paper - 72 * (print.margins.top + print.margins.bottom)) * 0.98;
}

/**
 * Manual page breaks from the row heights (run {@link layoutRows} first): each page takes as
 * many rows as fit, the header rows repeated on every page after the first, and a row marked
 * `keepWithNext` (a "Nội dung N" group row) moves to the next page with the row after it
 * rather than end a page. Returns the last row of each page but the last. With breaks fixed
 * here, LibreOffice and Excel cut the pages at the same rows.
 */
export function paginate(sheet: Pick<Sheet, 'rows' | 'print' | 'font'>): number[] {
  const h = (r: number) => sheet.rows[r - 1]?.height ?? rowHeightFor(1, sheet.font.size);
  const room = printableHeight(sheet.print);
  const t = sheet.print.titleRows;
  let titles = 0;
  if (t) for (let r = t[0]; r <= t[1]; r++) titles += h(r);
  const breaks: number[] = [];
  let first = 1;
  let used = 0;
  for (let r = 1; r <= sheet.rows.length; r++) {
    if (used + h(r) <= room || r === first) {
      used += h(r);
      continue;
    }
    let cut = r;
    while (cut - 1 > first && sheet.rows[cut - 2]?.keepWithNext) cut--;
    // A page of nothing but kept-together rows: cut where the room ran out after all.
    if (cut - 1 <= first && sheet.rows[first - 1]?.keepWithNext && cut !== r) cut = r;
    breaks.push(cut - 1);
    first = cut;
    used = titles;
    for (let k = cut; k <= r; k++) used += h(k);
  }
  return breaks;
}
