/**
 * Sheet models (sheet.ts) to an .xlsx workbook, in memory. The only module that imports
 * exceljs, and it does so lazily (`await import`, when a workbook is written), so that
 * commands other than `export` never load it.
 *
 * exceljs's streaming writer is used rather than its in-memory Workbook: rows are written as
 * they are committed, which keeps a 10.000-task plan well under the memory budget. Strings go
 * to the shared-string table (cell type "s"), the cell type Excel itself uses for text: a
 * title like "=HYPERLINK(…)" or "+1" is stored as text and no viewer evaluates it.
 */
import { PassThrough } from 'node:stream';
import type { Cell, CellStyle, ConditionalRule, Range, Sheet } from './sheet.js';
import { cellRef, checkSheetName, rangeRef } from './sheet.js';
import { parseIsoDate } from '../model/dates.js';

export interface WorkbookInfo {
  title?: string;
  subject?: string;
  creator?: string;
  /** Creation time written into the file's properties (pass a fixed time for reproducible files). */
  created?: Date;
  /** The workbook's default font; the first sheet's font when absent. Its size is always 12 pt. */
  font?: { name: string; size: number };
}

type ExcelJSModule = typeof import('exceljs');
type WorkbookWriterClass = ExcelJSModule['stream']['xlsx']['WorkbookWriter'];

/**
 * exceljs's streaming workbook writer, loaded on demand. Its own module is loaded rather
 * than the package's entry point, which also loads the readers, CSV support and their
 * dependencies: about a quarter of a second of start-up that `cchc export` does not need.
 * exceljs is pinned (package.json) and has no exports map; should a later version close
 * the path, the package entry point is used instead.
 */
async function loadWorkbookWriter(): Promise<WorkbookWriterClass> {
  try {
    const mod = (await import('exceljs/lib/stream/xlsx/workbook-writer.js' as string)) as { default?: WorkbookWriterClass };
    if (typeof mod.default === 'function') return mod.default;
  } catch {
    /* fall back to the entry point */
  }
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  // exceljs is CommonJS: under ESM its API is the default export.
  return (mod.default ?? mod).stream.xlsx.WorkbookWriter;
}

/** Excel stores dates as day numbers; a UTC midnight keeps the day whatever the time zone. */
function excelDate(iso: string): Date {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not a date: ${iso}`);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One exceljs style object per distinct model style, shared by every cell that uses it. */
function styleCache(fontName: string, fontSize: number) {
  const cache = new Map<string, Record<string, unknown>>();
  // The builders share style objects between cells, so most lookups hit by identity.
  const byObject = new WeakMap<CellStyle, Record<string, unknown>>();
  return (s: CellStyle | undefined): Record<string, unknown> => {
    const known = s ? byObject.get(s) : undefined;
    if (known) return known;
    const k = JSON.stringify(s ?? {});
    let out = cache.get(k);
    if (out) {
      if (s) byObject.set(s, out);
      return out;
    }
    const st = s ?? {};
    const font: Record<string, unknown> = { name: fontName, size: st.size ?? fontSize, family: 1 };
    if (st.bold) font.bold = true;
    if (st.italic) font.italic = true;
    if (st.color) font.color = { argb: 'FF' + st.color };
    out = { font };
    const alignment: Record<string, unknown> = {};
    if (st.align) alignment.horizontal = st.align;
    alignment.vertical = st.valign ?? 'top';
    if (st.wrap) alignment.wrapText = true;
    if (st.indent) alignment.indent = st.indent;
    out.alignment = alignment;
    if (st.border) out.border = BORDER;
    if (st.numFmt) out.numFmt = st.numFmt;
    if (st.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + st.fill }, bgColor: { argb: 'FF' + st.fill } };
    cache.set(k, out);
    if (s) byObject.set(s, out);
    return out;
  };
}

/** "row:col" of every cell inside a merge except its top-left cell. */
function coveredCells(sheet: Sheet): Set<string> {
  const out = new Set<string>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.add(`${r}:${c}`);
  }
  return out;
}

/**
 * Text as the file must hold it for a viewer to show it exactly: OOXML reads "_xHHHH_" in a
 * string as the character U+HHHH, so a literal one has its underscore escaped as _x005F_
 * (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). exceljs writes strings as they are.
 */
export function escapeXstring(s: string): string {
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

function cellValue(c: Cell): unknown {
  const v = c.value;
  if (!v) return null;
  switch (v.kind) {
    case 'text':
      return escapeXstring(v.text);
    case 'number':
      return v.value;
    case 'date':
      return excelDate(v.date);
    case 'formula':
      return { formula: v.formula, result: v.result };
  }
}

function conditionalFormatting(rules: readonly ConditionalRule[]) {
  return rules.map((r, i) => ({
    ref: rangeRef(r.range),
    rules: [
      {
        type: 'expression' as const,
        priority: i + 1,
        stopIfTrue: true,
        formulae: [r.expression],
        style: {
          fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: 'FF' + r.fill } },
          ...(r.fontColor ? { font: { color: { argb: 'FF' + r.fontColor } } } : {}),
        },
      },
    ],
  }));
}

/**
 * Make the workbook's default ("Normal") font the sheets' font instead of exceljs's Calibri
 * 11. Column widths are measured in the default font's digit width, so with Times New Roman
 * as the default the widths mean the same in Excel and in LibreOffice (which has no Calibri
 * unless Carlito is installed), and empty cells use the document font too. exceljs has no
 * public setting for it: font 0 is whichever font its style table receives first.
 */
function setDefaultFont(wb: unknown, font: { name: string; size: number }): void {
  const styles = (wb as { styles?: { _addFont?: (f: unknown) => number; model?: { fonts?: unknown[] } } }).styles;
  if (typeof styles?._addFont === 'function' && styles.model?.fonts?.length === 0) {
    styles._addFont({ name: font.name, size: 12, family: 1 });
  }
}

type WorkbookWriter = InstanceType<WorkbookWriterClass>;
type WorksheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;

/** Writes the sheets into one workbook and returns the file's bytes. */
export async function sheetsAsXlsx(sheets: readonly Sheet[], info: WorkbookInfo = {}): Promise<Buffer> {
  checkSheetNames(sheets);
  const WorkbookWriter = await loadWorkbookWriter();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });

  const wb = new WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  setDefaultFont(wb, info.font ?? sheets[0]?.font ?? { name: 'Times New Roman', size: 12 });
  wb.creator = info.creator ?? 'cchc';
  wb.lastModifiedBy = info.creator ?? 'cchc';
  if (info.title) wb.title = info.title;
  if (info.subject) wb.subject = info.subject;
  const created = info.created ?? new Date();
  wb.created = created;
  wb.modified = created;
  for (const sheet of sheets) writeSheet(wb, sheet);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** Names Excel accepts, and no two the same when folded to lower case. */
function checkSheetNames(sheets: readonly Sheet[]): void {
  const names = new Set<string>();
  for (const s of sheets) {
    const why = checkSheetName(s.name);
    if (why) throw new RangeError(`bad sheet name "${s.name}": ${why}`);
    const folded = s.name.toLocaleLowerCase('vi');
    if (names.has(folded)) throw new RangeError(`duplicate sheet name "${s.name}"`);
    names.add(folded);
  }
}

/** A sheet's page setup, header and footer, and frozen panes, as exceljs takes them. */
function worksheetOptions(sheet: Sheet): Record<string, unknown> {
  const p = sheet.print;
  const pageSetup: Record<string, unknown> = {
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: p.margins,
  };
  if (p.titleRows) pageSetup.printTitlesRow = `${p.titleRows[0]}:${p.titleRows[1]}`;
  const headerFooter: Record<string, unknown> = { differentFirst: false, differentOddEven: false };
  if (p.footer) headerFooter.oddFooter = p.footer;
  if (p.header) headerFooter.oddHeader = p.header;
  const views = sheet.freeze
    ? [
        {
          state: 'frozen' as const,
          xSplit: sheet.freeze.columns ?? 0,
          ySplit: sheet.freeze.rows,
          topLeftCell: cellRef(sheet.freeze.rows + 1, (sheet.freeze.columns ?? 0) + 1),
        },
      ]
    : [{ state: 'normal' as const }];
  return { pageSetup, headerFooter, views, properties: { defaultRowHeight: Math.round(sheet.font.size * 1.32 * 4) / 4 } };
}

function writeSheet(wb: WorkbookWriter, sheet: Sheet): void {
  const ws = wb.addWorksheet(sheet.name, worksheetOptions(sheet) as never);
  // exceljs leaves out a column whose width is exactly 9 (its idea of the default), and
  // viewers then use their own default (8.43): nudge it so the width is written.
  ws.columns = sheet.columns.map((c) => ({ width: c.width === 9 ? 9.01 : c.width })) as never;
  if (sheet.conditional.length > 0) for (const cf of conditionalFormatting(sheet.conditional)) ws.addConditionalFormatting(cf as never);
  writeRows(ws, sheet);
  ws.commit();
}

function writeRows(ws: WorksheetWriter, sheet: Sheet): void {
  // Merges are made as their first row comes up: exceljs's streaming writer keeps every
  // row from the lowest uncommitted one to the highest touched one in an array it shifts
  // on each commit, so merging far-down rows up front would make writing quadratic.
  const mergesByRow = new Map<number, Range[]>();
  for (const m of sheet.merges) {
    const list = mergesByRow.get(m.top);
    if (list) list.push(m);
    else mergesByRow.set(m.top, [m]);
  }
  const styleOf = styleCache(sheet.font.name, sheet.font.size);
  const covered = coveredCells(sheet);
  const breaks = new Set(sheet.pageBreaks ?? []);
  sheet.rows.forEach((r, i) => {
    for (const m of mergesByRow.get(i + 1) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const row = ws.getRow(i + 1);
    if (r.height !== undefined) row.height = r.height;
    r.cells.forEach((c, j) => {
      if (!c) return;
      const cell = row.getCell(j + 1);
      // exceljs routes a value written to a merged cell to the merge's top-left cell:
      // only the top-left cell of a merge carries a value, the others only their style
      // (borders), so that nothing overwrites the merged text.
      if (c.value && !covered.has(`${i + 1}:${j + 1}`)) cell.value = cellValue(c) as never;
      if (c.style || c.value) cell.style = styleOf(c.style) as never;
    });
    // A manual break after this row (sheet.ts, paginate).
    if (breaks.has(i + 1)) row.addPageBreak();
    row.commit();
  });
}
