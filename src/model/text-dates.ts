/**
 * Dates written inside free text ("Trước ngày 15/12/2024", "ngày 05 tháng 01 năm 2024",
 * "Quý I/2024", "tháng 6/2024"): found, and moved by a number of years for `cchc new`.
 * Pure.
 */
import { isValidYmd } from './dates.js';

export interface TextDate {
  index: number;
  length: number;
  year: number;
  /** Month and day when the text gives them (a full date). */
  month?: number;
  day?: number;
  /** The text is a real calendar date (or a quarter or month, which always is). */
  valid: boolean;
}

// dd/mm/yyyy with / . or -; "ngày d tháng m năm yyyy"; "Quý I/yyyy"; "tháng m/yyyy".
const DATE_RE =
  /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)|(?:quý|Quý|QUÝ)\s+(?:I{1,3}|IV|[1-4])\s*\/\s*(\d{4})(?!\d)|(?:tháng|Tháng)\s+(\d{1,2})\s*\/\s*(\d{4})(?!\d)/gu;

/** Every date a text holds, in order. */
export function datesInText(text: string): TextDate[] {
  const out: TextDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const at = { index: m.index!, length: m[0].length };
    if (m[4]) {
      const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
      out.push({ ...at, year: y, month: mo, day: d, valid: isValidYmd(y, mo, d) });
    } else if (m[7]) {
      const [d, mo, y] = [Number(m[5]), Number(m[6]), Number(m[7])];
      out.push({ ...at, year: y, month: mo, day: d, valid: isValidYmd(y, mo, d) });
    } else if (m[8]) out.push({ ...at, year: Number(m[8]), valid: true });
    else out.push({ ...at, year: Number(m[10]), month: Number(m[9]), valid: Number(m[9]) >= 1 && Number(m[9]) <= 12 });
  }
  return out;
}

/**
 * The text with every date of `fromYear` moved by `years`, written as it was written
 * (29/02 becomes 28/02 in a common year). Dates of other years are citations and stay.
 * `unmoved` lists the dates of `fromYear` that are not real dates (31/02/2024).
 */
export function moveTextDates(text: string, fromYear: number, years: number): { text: string; moved: number; unmoved: string[] } {
  let out = '';
  let last = 0;
  let moved = 0;
  const unmoved: string[] = [];
  for (const d of datesInText(text)) {
    if (d.year !== fromYear) continue;
    const raw = text.slice(d.index, d.index + d.length);
    if (!d.valid) {
      unmoved.push(raw);
      continue;
    }
    const ny = d.year + years;
    let next = raw.replace(new RegExp(`${d.year}(?!.*${d.year})`, 'u'), String(ny));
    if (d.month === 2 && d.day === 29 && !isValidYmd(ny, 2, 29)) next = next.replace(/(?<!\d)29(?!\d)/u, '28');
    out += text.slice(last, d.index) + next;
    last = d.index + d.length;
    moved++;
  }
  return { text: out + text.slice(last), moved, unmoved };
}
