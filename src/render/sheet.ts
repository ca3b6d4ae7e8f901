/**
 * A neutral sheet model (STYLE.md practice 7, after hledger's Write/Spreadsheet.hs): typed
 * cells, merges, styles, column widths and print setup, with no dependency on any
 * spreadsheet library. Builders (appendix-sheets.ts) turn computed reports into sheets;
 * writers (xlsx.ts) turn sheets into files. Pure: no I/O.
 *
 * Rows and columns are 1-based, as a spreadsheet user counts them, so that a merge written
 * here reads the same as the A1 reference the writer emits.
 */
import type { IsoDate } from '../model/dates.js';

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
  add(cells: Array<Cell | undefined>, opts: { height?: number } = {}): number {
    const row: Row = { cells };
    if (opts.height !== undefined) row.height = opts.height;
    this.rows.push(row);
    return this.rows.length;
  }

  /** A row whose single cell spans the whole width (titles, group rows, notes). */
  spanning(cell: Cell, opts: { height?: number; from?: number; to?: number } = {}): number {
    const from = opts.from ?? 1;
    const to = opts.to ?? this.columnCount;
    const cells: Array<Cell | undefined> = [];
    cells[from - 1] = cell;
    // The other cells of the span keep the border so the merged box is drawn whole.
    for (let c = from + 1; c <= to; c++) cells[c - 1] = cell.style?.border ? blank({ border: true }) : undefined;
    const r = this.add(cells, opts.height !== undefined ? { height: opts.height } : {});
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

/**
 * Advance widths of Times New Roman in em (Liberation Serif, its metric twin, has the same),
 * for the letters, digits and signs a plan uses. Vietnamese letters are precomposed and as
 * wide as their base letters (ơ as o, ư as u, đ as d).
 */
const TNR_EM: Record<string, number> = {
  a: 0.444, b: 0.5, c: 0.444, d: 0.5, e: 0.444, f: 0.333, g: 0.5, h: 0.5, i: 0.278, j: 0.278, k: 0.5, l: 0.278, m: 0.778,
  n: 0.5, o: 0.5, p: 0.5, q: 0.5, r: 0.333, s: 0.389, t: 0.278, u: 0.5, v: 0.5, w: 0.722, x: 0.5, y: 0.5, z: 0.444,
  A: 0.722, B: 0.667, C: 0.667, D: 0.722, E: 0.611, F: 0.556, G: 0.722, H: 0.722, I: 0.333, J: 0.389, K: 0.722, L: 0.611,
  M: 0.889, N: 0.722, O: 0.722, P: 0.556, Q: 0.722, R: 0.667, S: 0.556, T: 0.611, U: 0.722, V: 0.722, W: 0.944, X: 0.722,
  Y: 0.722, Z: 0.611, 'đ': 0.5, 'Đ': 0.722,
  ' ': 0.25, '.': 0.25, ',': 0.25, ':': 0.278, ';': 0.278, '!': 0.333, '?': 0.444, "'": 0.18, '"': 0.408, '(': 0.333,
  ')': 0.333, '[': 0.333, ']': 0.333, '-': 0.333, '–': 0.5, '—': 1, '/': 0.278, '\\': 0.278, '%': 0.833, '&': 0.778,
  '+': 0.564, '=': 0.564, '<': 0.564, '>': 0.564, '≥': 0.549, '≤': 0.549, '÷': 0.564, '*': 0.5, '@': 0.921, '#': 0.5,
  '…': 1, '“': 0.444, '”': 0.444, '‘': 0.333, '’': 0.333,
};

const EM_CACHE = new Map<string, number>();

function emWidth(ch: string): number {
  let w = EM_CACHE.get(ch);
  if (w === undefined) {
    w = measureEm(ch);
    EM_CACHE.set(ch, w);
  }
  return w;
}

function measureEm(ch: string): number {
  // Combining marks (text typed in decomposed form) sit on the letter before them.
  if (/\p{M}/u.test(ch)) return 0;
  const known = TNR_EM[ch];
  if (known !== undefined) return known;
  if (/[0-9]/.test(ch)) return 0.5;
  const base = ch.normalize('NFD')[0] ?? ch;
  const b = TNR_EM[base];
  if (b !== undefined) return b;
  // Other scripts and symbols: as wide as a capital, to stay on the safe side.
  return 0.72;
}

/**
 * Width of a text in the spreadsheet's width unit. The workbook's default font is Times New
 * Roman 12 pt (xlsx.ts), whose digits are 0.5 em wide, and the unit is that digit width;
 * bold is about 6% wider. A 2% margin keeps estimates on the safe side.
 */
function emToUnits(em: number, size: number, bold: boolean): number {
  return (em / 0.5) * (size / 12) * (bold ? 1.06 : 1) * 1.02;
}

const SPACE_EM = 0.25;

/** Words repeat a great deal in a plan, so their widths are remembered (up to a bound). */
const WORD_CACHE = new Map<string, number>();

function wordEm(w: string): number {
  let em = WORD_CACHE.get(w);
  if (em !== undefined) return em;
  em = 0;
  for (const ch of w) em += emWidth(ch);
  if (w.length <= 40 && WORD_CACHE.size < 50_000) WORD_CACHE.set(w, em);
  return em;
}

/** Each cell is measured for its column's width and again for its row's height. */
const TEXT_CACHE = new Map<string, number[][]>();

/** The widths (em) of the words of each paragraph. */
function wordsEm(s: string): number[][] {
  let out = TEXT_CACHE.get(s);
  if (out) return out;
  out = s.split('\n').map((p) => {
    const ws: number[] = [];
    for (const w of p.split(/\s+/)) if (w) ws.push(wordEm(w));
    return ws;
  });
  if (TEXT_CACHE.size >= 20_000) TEXT_CACHE.clear();
  TEXT_CACHE.set(s, out);
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
  for (const p of wordsEm(s)) best = Math.max(best, lineEm(p));
  return emToUnits(best, size, bold);
}

/** The widest single word (a column narrower than this breaks words). */
function longestWordUnits(s: string, size: number, bold: boolean): number {
  let best = 0;
  for (const p of wordsEm(s)) for (const w of p) best = Math.max(best, w);
  return emToUnits(best, size, bold);
}

/** How many lines a text takes in a box `width` units wide, wrapping at word boundaries. */
export function wrappedLines(s: string, width: number, size: number, bold = false): number {
  // In em of this font: the box less the viewer's own padding.
  const room = Math.max(0.5, (width - 0.6) / emToUnits(1, size, bold));
  let lines = 0;
  for (const words of wordsEm(s)) {
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
 * Line height in points for a font size. Excel gives Times New Roman 12 pt rows of 15.75 pt
 * and LibreOffice about 14; rows sized for Excel never clip, and leave a little air in
 * LibreOffice.
 */
export function lineHeight(size: number): number {
  return Math.round(size * 1.28 * 4) / 4;
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
      const need = textUnits(t, size, bold) + CELL_PADDING;
      natural[ci] = Math.max(natural[ci]!, Math.min(need, spec.max));
      if (!spec.breakWords) floor[ci] = Math.max(floor[ci]!, Math.min(longestWordUnits(t, size, bold) + CELL_PADDING, spec.max));
    });
  });
  const widths = natural.map((w, i) => Math.max(w, floor[i]!));
  const growers = specs.map((s, i) => ({ i, grow: s.grow ?? 0 })).filter((g) => g.grow > 0);
  if (growers.length === 0) return widths.map((w) => Math.round(w * 10) / 10);
  // The fixed columns keep their natural width; the growing ones share the rest of the page
  // by weight (water-filling): each starts at its lowest width and is filled up to its
  // natural width, the room one does not need going to the others; room left once all are
  // full is shared by weight too.
  const lowest = (i: number) => Math.max(floor[i]!, specs[i]!.min);
  const fixed = widths.reduce((a, w, i) => a + (growers.some((g) => g.i === i) ? 0 : w), 0);
  let room = pageWidth - fixed;
  for (const g of growers) {
    widths[g.i] = lowest(g.i);
    room -= widths[g.i]!;
  }
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
  return widths.map((w) => Math.round(w * 10) / 10);
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
    let points = lineHeight(sheet.font.size);
    row.cells.forEach((cell, ci) => {
      const c = ci + 1;
      if (covered.has(key(r, c))) return;
      const t = displayText(cell);
      if (t === undefined) return;
      const span = spans.get(key(r, c));
      const size = cell?.style?.size ?? sheet.font.size;
      const w = span ? width(span.left, span.right) : width(c, c);
      const wraps = cell?.style?.wrap !== false;
      const lines = wraps ? wrappedLines(t, w, size, cell?.style?.bold ?? false) : t.split('\n').length;
      const rowsSpanned = span ? span.bottom - span.top + 1 : 1;
      const need = (lines * lineHeight(size) + 3) / rowsSpanned;
      points = Math.max(points, need);
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
