/**
 * A neutral document model for the official documents (`cchc doc`, `cchc report`):
 * paragraphs of styled runs, tables with spans, sections with an orientation, page marks.
 * Builders (plan-document.ts, report-document.ts) turn the plan and the computed status
 * report into this model; one writer (ooxml.ts) turns it into a .docx. Like the sheet model
 * (src/render/sheet.ts) it knows no file format, so the builders are pure and tested
 * without any library.
 *
 * Layout rules are those of Nghị định 30/2020/NĐ-CP, Phụ lục I (see docs/documents.md).
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; the paragraph's size when absent. */
  size?: number;
  /** RGB hex without '#'. */
  color?: string;
}

export interface Para {
  kind: 'para';
  runs: Run[];
  align?: Align;
  /** Points for every run that does not set its own. */
  size?: number;
  /** First-line indent (the body's paragraphs and bullets). */
  indent?: boolean;
  /** Keep with the next paragraph (headings). */
  keepNext?: boolean;
  /** Space before/after in points, when not the body's. */
  before?: number;
  after?: number;
  /** A solid rule under the text, as a fraction of the column's width, centred (the short rule under the agency). */
  rule?: number;
}

export interface TableCell {
  paras: Para[];
  colSpan?: number;
  rowSpan?: number;
  valign?: 'top' | 'middle' | 'bottom';
  /** RGB hex without '#'. */
  fill?: string;
}

export interface Table {
  kind: 'table';
  /** Relative column widths; the writer spreads them over the text width. */
  widths: number[];
  /** Cells of each row; a cell covered by a span above or to the left is left out. */
  rows: TableCell[][];
  /** The first rows, repeated at the top of every page. */
  headerRows: number;
  borders: boolean;
  /** Millimetres the table reaches into the left and right margins (the header table). */
  outdent?: { left: number; right: number };
}

export interface PageBreak {
  kind: 'break';
}

export type Block = Para | Table | PageBreak;

export interface Section {
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
  /** Page numbers start again at 1 (each appendix is numbered on its own). */
  restartNumbering?: boolean;
}

export interface OfficialDocument {
  /** Document properties. */
  title: string;
  subject: string;
  /** A mark at the top right of the first page only ("DỰ THẢO"). */
  firstPageMark?: string;
  /** A mark at the top right of every page ("SỐ LIỆU MINH HỌA …"). */
  everyPageMark?: string;
  sections: Section[];
}

/** Body size (13–14 pt) and the smaller sizes the decree sets for the header and Nơi nhận. */
export const SIZE = { body: 14, header: 12, agency: 12, recipientsHead: 12, recipients: 11, table: 12 } as const;

export function run(text: string, style: Omit<Run, 'text'> = {}): Run {
  return { text, ...style };
}

export function para(runs: Run[] | string, opts: Omit<Para, 'kind' | 'runs'> = {}): Para {
  return { kind: 'para', runs: typeof runs === 'string' ? [{ text: runs }] : runs, ...opts };
}

/** A bold heading of the body, in the plan's own numbering ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"). */
export function heading(text: string): Para {
  return para([run(text, { bold: true })], { indent: true, keepNext: true, align: 'justify' });
}

/** A body paragraph with the first-line indent. */
export function body(text: string | Run[]): Para {
  return para(text, { indent: true, align: 'justify' });
}

/** A "-" bullet as the plan writes them: the dash is part of the text, indented like a paragraph. */
export function bullet(text: string): Para {
  return body(`- ${text}`);
}

export function cell(paras: Para[] | string, opts: Omit<TableCell, 'paras'> = {}): TableCell {
  return { paras: typeof paras === 'string' ? [para(paras)] : paras, ...opts };
}

/** The Roman numeral of a section or an appendix (I, II, …). */
export function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
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

/** The text of a block, paragraphs joined by newlines (for tests and the sentence check). */
export function blockText(b: Block): string {
  if (b.kind === 'para') return b.runs.map((r) => r.text).join('');
  if (b.kind === 'table') return b.rows.map((r) => r.map((c) => c.paras.map(blockText).join('\n')).join('\t')).join('\n');
  return '';
}
