/**
 * Dates as people and spreadsheets hold them: "20/01/2022" or "20/1/2022" (dd/mm/yyyy, the
 * Vietnamese order, never mm/dd), "2022-01-20", a date cell, or an Excel serial number.
 */
import { isoDate, isValidYmd, type IsoDate } from '../model/dates.js';
import { accept, refuse, type Read } from './problem.js';

// Excel's day 0 is 1899-12-30 (it counts the 29/02/1900 that never was); 25569 is 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/** An Excel serial day number (the 1900 date system) as a date. */
export function serialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const d = new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A JavaScript Date from a workbook reader. exceljs gives date cells as UTC midnight; a
 * writer that stored a local time a few hours off midnight still means that calendar day.
 */
export function jsDateToIso(d: Date): IsoDate | undefined {
  const t = d.getTime();
  if (!Number.isFinite(t)) return undefined;
  const day = new Date(Math.round(t / MS_PER_DAY) * MS_PER_DAY);
  return isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

export function readDate(input: unknown): Read<IsoDate> {
  if (input instanceof Date) {
    const iso = jsDateToIso(input);
    return iso ? accept(iso) : refuse('not-date', input);
  }
  if (typeof input === 'number') {
    const iso = serialToIso(input);
    return iso ? accept(iso) : refuse('not-date', input);
  }
  if (typeof input !== 'string') return refuse('not-date', input ?? '');
  const s = input.normalize('NFC').trim();
  if (s === '') return refuse('empty', s);
  let m = /^(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/iu.exec(s);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]), s);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), s);
  // A serial typed as text ("44581") is what some exports leave in a date column.
  if (/^\d{5}$/.test(s)) {
    const iso = serialToIso(Number(s));
    if (iso) return accept(iso);
  }
  return refuse('not-date', s);
}

function ymd(y: number, m: number, d: number, raw: string): Read<IsoDate> {
  return isValidYmd(y, m, d) ? accept(isoDate(y, m, d)) : refuse('no-such-date', raw);
}

/** dd/mm/yyyy, as Vietnamese tables show a date. */
export function isoAsVi(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
