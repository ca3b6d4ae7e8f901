/**
 * The references report as the terminal shows it: the registry in "Căn cứ" order, grouped
 * by the level of the issuer, one row per document (STT, type, number and symbol, date
 * dd/mm/yyyy, issuer, how many times cited) with its subject and the places citing it
 * (file:line:col) under the row; then the citations the registry does not have. Fits the
 * given width (80 by default), wrapping text at word boundaries. Renders a computed
 * RefsReport; recomputes nothing.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../diagnostics/codes.js';
import type { Level, OrderKey, RefPlace, RefsReport, UnregisteredDocument } from '../report/refs.js';
import { formatDate, formatInt } from '../i18n/format.js';
import { textWidth, wrapText } from './style.js';

const L = {
  vi: {
    title: 'Danh mục văn bản viện dẫn',
    no: 'STT',
    type: 'Loại văn bản',
    symbol: 'Số, ký hiệu',
    date: 'Ngày',
    issuer: 'Cơ quan ban hành',
    count: 'Số lần',
    levels: {
      central: 'VĂN BẢN CỦA TRUNG ƯƠNG',
      province: 'VĂN BẢN CỦA TỈNH',
      department: 'VĂN BẢN CỦA SỞ, NGÀNH',
      district: 'VĂN BẢN CỦA HUYỆN, XÃ',
      other: 'VĂN BẢN KHÁC',
    } as Record<Level, string>,
    unregistered: 'VIỆN DẪN NHƯNG CHƯA CÓ TRONG DANH MỤC',
    cited: 'Viện dẫn tại',
    notCited: 'Không được viện dẫn ở đâu trong kế hoạch.',
    didYouMean: 'Có phải là {symbol} ({place})?',
    summary: '{documents} văn bản trong danh mục; {citations} lần viện dẫn; {unregistered} văn bản chưa có trong danh mục.',
    noRegistry: 'Kế hoạch chưa có danh mục văn bản viện dẫn (references.yaml): cchc chưa kiểm tra số, ký hiệu và ngày của các văn bản.',
    noRegistryList: 'VĂN BẢN ĐƯỢC VIỆN DẪN TRONG KẾ HOẠCH',
    noRegistrySummary: '{unregistered} văn bản, {citations} lần viện dẫn.',
    noRegistryHint: 'Tạo {file} liệt kê các văn bản trên (type, symbol, date, issuer, subject) để cchc validate kiểm tra.',
    none: 'Kế hoạch không viện dẫn văn bản nào.',
  },
  en: {
    title: 'Registry of cited documents',
    no: 'No.',
    type: 'Type',
    symbol: 'Number',
    date: 'Date',
    issuer: 'Issuer',
    count: 'Cited',
    levels: {
      central: 'CENTRAL DOCUMENTS',
      province: 'PROVINCIAL DOCUMENTS',
      department: 'DEPARTMENT DOCUMENTS',
      district: 'DISTRICT AND COMMUNE DOCUMENTS',
      other: 'OTHER DOCUMENTS',
    } as Record<Level, string>,
    unregistered: 'CITED BUT NOT IN THE REGISTRY',
    cited: 'Cited at',
    notCited: 'Not cited anywhere in the plan.',
    didYouMean: 'Did you mean {symbol} ({place})?',
    summary: '{documents} documents in the registry; {citations} citations; {unregistered} not in the registry.',
    noRegistry: 'The plan has no registry of cited documents (references.yaml): cchc has not checked the numbers and dates of the documents it cites.',
    noRegistryList: 'DOCUMENTS THE PLAN CITES',
    noRegistrySummary: '{unregistered} documents, {citations} citations.',
    noRegistryHint: 'Create {file} listing them (type, symbol, date, issuer, subject) for cchc validate to check them.',
    none: 'The plan cites no document.',
  },
} as const;

function fill(t: string, params: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

// ---------------------------------------------------------------------------------------
// Columns

interface Row {
  no: string;
  type: string;
  symbol: string;
  date: string;
  issuer: string;
  count: string;
}

const GAP = 2;
const KEYS = ['no', 'type', 'symbol', 'date', 'issuer', 'count'] as const;
const RIGHT = new Set<string>(['no', 'count']);

function longestWord(s: string): number {
  return Math.max(1, ...s.split(/\s+/).map(textWidth));
}

/**
 * Natural widths, then the issuer and type columns give way (never below their longest
 * word), then the symbol column wraps. Null when even that does not fit: the report is
 * then printed one block per document.
 */
function columnWidths(header: Row, rows: readonly Row[], width: number): number[] | null {
  const all = [header, ...rows];
  const widths = KEYS.map((k) => Math.max(...all.map((r) => textWidth(r[k]))));
  const min = KEYS.map((k, i) => (k === 'type' || k === 'issuer' || k === 'symbol' ? Math.max(...all.map((r) => longestWord(r[k]))) : widths[i]!));
  // A long type ("Chương trình hành động") wraps rather than widening every row.
  widths[1] = Math.max(min[1]!, Math.min(widths[1]!, 12));
  const avail = width - GAP * (KEYS.length - 1);
  if (min.reduce((s, w) => s + w, 0) > avail) return null;
  let total = widths.reduce((s, w) => s + w, 0);
  for (const i of [4, 1, 2]) {
    while (total > avail && widths[i]! > min[i]!) {
      widths[i]!--;
      total--;
    }
  }
  return widths;
}

function pad(s: string, w: number, right: boolean): string {
  const room = Math.max(0, w - textWidth(s));
  return right ? ' '.repeat(room) + s : s + ' '.repeat(room);
}

function rowLines(r: Row, widths: readonly number[], style: (k: (typeof KEYS)[number], s: string) => string = (_, s) => s): string[] {
  const cells = KEYS.map((k, i) => (RIGHT.has(k) ? [r[k]] : wrapText(r[k], widths[i]!)));
  const height = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let line = 0; line < height; line++) {
    const parts = KEYS.map((k, i) => {
      const piece = cells[i]![line] ?? '';
      const padded = pad(piece, widths[i]!, RIGHT.has(k));
      if (!piece) return padded;
      return RIGHT.has(k) ? padded.slice(0, padded.length - piece.length) + style(k, piece) : style(k, piece) + padded.slice(piece.length);
    });
    out.push(parts.join(' '.repeat(GAP)).trimEnd());
  }
  return out;
}

/** Text under a row, indented to the type column, wrapped to the width. */
function under(text: string, indent: number, width: number, style: (s: string) => string = (s) => s): string[] {
  return wrapText(text, Math.max(20, width - indent)).map((l) => ' '.repeat(indent) + style(l));
}

function placesText(places: readonly RefPlace[]): string {
  return places.map((p) => `${p.file}:${p.line}:${p.column}`).join(', ');
}

function dateText(d: OrderKey['date']): string {
  return d ? formatDate(d, 'vi') : '—';
}

// ---------------------------------------------------------------------------------------

type RowStyle = (k: (typeof KEYS)[number], s: string) => string;

/** What the sections share: the report, labels, colour, width and the table's layout. */
interface Layout {
  report: RefsReport;
  lang: Lang;
  t: (typeof L)[Lang];
  c: ChalkInstance;
  width: number;
  registered: boolean;
  /** Column widths, or undefined on a terminal too narrow for a table. */
  widths: ReturnType<typeof columnWidths>;
  indent: number;
  header: Row;
}

/** The cited documents for a terminal: the registry's by level, then the unregistered, then counts. */
export function refsAsText(report: RefsReport, lang: Lang, c: ChalkInstance, width = 80): string {
  const t = L[lang];
  const header: Row = { no: t.no, type: t.type, symbol: t.symbol, date: t.date, issuer: t.issuer, count: t.count };
  const registered = report.registryFile !== undefined;
  const docRows: Row[] = report.documents.map((d, i) => ({
    no: String(i + 1),
    type: d.type,
    symbol: d.symbol,
    date: dateText(d.date),
    issuer: d.issuer,
    count: formatInt(d.places.length, lang),
  }));
  const unregRows: Row[] = report.unregistered.map((u, i) => ({
    no: String(i + 1),
    type: u.type,
    symbol: u.symbol,
    date: dateText(u.date),
    issuer: '',
    count: formatInt(u.places.length, lang),
  }));
  const widths = columnWidths(header, [...docRows, ...unregRows], width);
  const f: Layout = { report, lang, t, c, width, registered, widths, indent: widths ? widths[0]! + GAP : 3, header };
  const out: string[] = [c.bold(`${t.title} — ${report.dir || '.'}`), ''];
  if (!registered) out.push(...wrapText(t.noRegistry, width), '');
  if (report.documents.length === 0 && report.unregistered.length === 0) {
    out.push(t.none);
    return out.join('\n');
  }
  if (!registered) out.push(c.bold(t.noRegistryList), '');
  if (widths) out.push(...rowLines(header, widths, (_, s) => c.bold(s)));
  out.push(...registeredLines(f, docRows), ...unregisteredLines(f, unregRows), '', ...summaryLines(f));
  return out.join('\n');
}

/** A table row, or on a very narrow terminal a block of "label: value" lines. */
function refRow({ widths, width, indent, header }: Layout, r: Row, style?: RowStyle): string[] {
  if (widths) return rowLines(r, widths, style);
  const st = (k: (typeof KEYS)[number], v: string) => (style ? style(k, v) : v);
  const lines = wrapText(`${r.no}. ${r.type} ${r.symbol}`, width);
  for (const k of ['date', 'issuer', 'count'] as const) {
    if (r[k] && r[k] !== '—') lines.push(...under(`${header[k]}: ${st(k, r[k])}`, indent, width));
  }
  return lines;
}

/** The registry's documents, grouped by level, each with where it is cited. */
function registeredLines(f: Layout, rows: readonly Row[]): string[] {
  const { report, t, c, width, indent } = f;
  const out: string[] = [];
  let level: Level | undefined;
  report.documents.forEach((d, i) => {
    if (d.level !== level) {
      level = d.level;
      out.push('', c.bold(t.levels[d.level]));
    }
    out.push(...refRow(f, rows[i]!, (k, s) => (k === 'count' && d.places.length === 0 ? c.yellow(s) : s)));
    if (d.subject) out.push(...under(d.subject, indent, width));
    if (d.places.length === 0) out.push(...under(t.notCited, indent, width, c.yellow));
    else out.push(...under(`${t.cited}: ${placesText(d.places)}`, indent, width, c.dim));
  });
  return out;
}

/** Documents cited but not in the registry (the whole list when there is no registry). */
function unregisteredLines(f: Layout, rows: readonly Row[]): string[] {
  const { report, t, c, width, indent, registered } = f;
  if (report.unregistered.length === 0) return [];
  const out: string[] = [];
  if (registered) out.push('', c.bold(`${t.unregistered} (${report.unregistered.length})`));
  let uLevel: Level | undefined;
  report.unregistered.forEach((u: UnregisteredDocument, i) => {
    // Without a registry this is the whole list: grouped like the registry, to start one.
    if (!registered && u.level !== uLevel) {
      uLevel = u.level;
      out.push('', c.bold(t.levels[u.level]));
    }
    out.push(...refRow(f, rows[i]!, (k, s) => (registered && k === 'symbol' ? c.yellow(s) : s)));
    if (u.suggestion) out.push(...under(fill(t.didYouMean, { symbol: u.suggestion.symbol, place: u.suggestion.place }), indent, width, c.yellow));
    out.push(...under(`${t.cited}: ${placesText(u.places)}`, indent, width, c.dim));
  });
  return out;
}

function summaryLines({ report, lang, t, width, registered }: Layout): string[] {
  if (registered) {
    const counts = {
      documents: formatInt(report.documents.length, lang),
      citations: formatInt(report.citations, lang),
      unregistered: formatInt(report.unregistered.length, lang),
    };
    return wrapText(fill(t.summary, counts), width);
  }
  return [
    ...wrapText(fill(t.noRegistrySummary, { unregistered: formatInt(report.unregistered.length, lang), citations: formatInt(report.citations, lang) }), width),
    ...wrapText(fill(t.noRegistryHint, { file: `${report.dir ? report.dir + '/' : ''}references.yaml` }), width),
  ];
}

// ---------------------------------------------------------------------------------------
// JSON

function placeAsJson(p: RefPlace) {
  return { file: p.file, line: p.line, column: p.column, text: p.text, date: p.date ?? null };
}

/**
 * The documented JSON shape of `cchc refs --json` (docs/commands.md, "cchc refs"). Dates are
 * YYYY-MM-DD or null; `diagnostics` are the ref/* findings in the shape of
 * `cchc validate --format json`.
 */
export function refsAsJson(report: RefsReport, diagnostics: readonly object[], counts: { errors: number; warnings: number }) {
  return {
    plan: report.dir,
    registry: report.registryFile ?? null,
    documents: report.documents.map((d, i) => ({
      no: i + 1,
      level: d.level,
      party: d.party,
      type: d.type,
      symbol: d.symbol,
      date: d.date ?? null,
      issuer: d.issuer,
      subject: d.subject ?? null,
      registryLine: d.registry.line,
      citations: d.places.length,
      places: d.places.map(placeAsJson),
    })),
    unregistered: report.unregistered.map((u, i) => ({
      no: i + 1,
      level: u.level,
      party: u.party,
      type: u.type,
      symbol: u.symbol,
      date: u.date ?? null,
      citations: u.places.length,
      places: u.places.map(placeAsJson),
      suggestion: u.suggestion ?? null,
    })),
    summary: {
      documents: report.documents.length,
      citations: report.citations,
      unregistered: report.unregistered.length,
      errors: counts.errors,
      warnings: counts.warnings,
    },
    diagnostics,
  };
}
