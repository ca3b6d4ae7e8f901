/**
 * A sheet of the neutral sheet model (src/render/sheet.ts) as document blocks: the rows
 * above the bordered table become centred paragraphs (the "Phụ lục I" title block), the
 * bordered rows one table with its merges as spans and its print title rows as the header
 * repeated on every page, and the rows below it paragraphs again ("(Bằng chữ: …)"). So
 * `cchc doc` prints exactly the appendix tables `cchc export` computes, never a copy.
 */
import type { Cell, Range, Sheet } from '../sheet.js';
import { formatDate, formatInt, formatPercent } from '../../i18n/format.js';
import { para, run, SIZE, type Block, type Para, type TableCell } from './document.js';

/** What a reader sees in a cell, written the Vietnamese way (20.000.000; 46,09%; 14/09/2022). */
export function cellText(c: Cell | undefined): string {
  const v = c?.value;
  if (!v) return '';
  const fmt = c?.style?.numFmt ?? 'General';
  const shown = (n: number): string => {
    if (fmt.endsWith('%')) return formatPercent(n * 100, 'vi', /\.(0+)/.exec(fmt)?.[1]?.length ?? 0);
    if (fmt.includes('#,##0')) return formatInt(n, 'vi');
    return String(n).replace('.', ',');
  };
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return shown(v.value);
    case 'date':
      return formatDate(v.date, 'vi');
    case 'formula':
      return shown(v.result);
  }
}

function cellParas(c: Cell | undefined, size: number): Para[] {
  const s = c?.style ?? {};
  const align = s.align ?? 'left';
  // A line break inside a cell (evidence, then a note) is a paragraph of its own.
  return cellText(c)
    .split('\n')
    .map((line) => para([run(line, { bold: s.bold, italic: s.italic })], { align, size: s.size ?? size, before: 2, after: 2 }));
}

function isBordered(sheet: Sheet, r: number): boolean {
  return (sheet.rows[r - 1]?.cells ?? []).some((c) => c?.style?.border);
}

/** The sheet as blocks: title paragraphs, the table, closing paragraphs. */
export function sheetAsBlocks(sheet: Sheet, opts: { tableSize?: number } = {}): Block[] {
  const size = opts.tableSize ?? SIZE.table;
  const n = sheet.rows.length;
  let first = 1;
  while (first <= n && !isBordered(sheet, first)) first++;
  let last = first;
  while (last + 1 <= n && isBordered(sheet, last + 1)) last++;

  const out: Block[] = [];
  const lineOf = (r: number): Para | undefined => {
    const cells = sheet.rows[r - 1]?.cells ?? [];
    const c = cells.find((x) => x?.value);
    if (!c) return undefined;
    const s = c.style ?? {};
    return para([run(cellText(c), { bold: s.bold, italic: s.italic, color: s.color })], {
      align: s.align ?? 'left',
      size: s.size ?? sheet.font.size,
      before: 0,
      after: 3,
      keepNext: true,
    });
  };
  for (let r = 1; r < first; r++) {
    const p = lineOf(r);
    if (p) out.push(p);
  }
  if (first > n) return out;

  // Spans: the top-left cell of each merge carries it; the others are left out.
  const spanAt = new Map<string, Range>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    if (m.top < first || m.bottom > last) continue;
    spanAt.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const cols = sheet.columns.length;
  const rows: TableCell[][] = [];
  for (let r = first; r <= last; r++) {
    const cells = sheet.rows[r - 1]?.cells ?? [];
    const row: TableCell[] = [];
    for (let c = 1; c <= cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const src = cells[c - 1];
      const tc: TableCell = { paras: cellParas(src, size), valign: src?.style?.valign === 'middle' ? 'middle' : 'top' };
      const m = spanAt.get(`${r}:${c}`);
      if (m && m.right > m.left) tc.colSpan = m.right - m.left + 1;
      if (m && m.bottom > m.top) tc.rowSpan = m.bottom - m.top + 1;
      if (src?.style?.fill) tc.fill = src.style.fill;
      row.push(tc);
    }
    rows.push(row);
  }
  const titles = sheet.print.titleRows;
  const headerRows = titles && titles[0] === first ? titles[1] - first + 1 : 0;
  out.push({ kind: 'table', widths: sheet.columns.map((c) => c.width), rows, headerRows, borders: true });

  for (let r = last + 1; r <= n; r++) {
    const p = lineOf(r);
    if (p) out.push({ ...p, before: 6, keepNext: false });
  }
  return out;
}
