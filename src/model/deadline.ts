/**
 * Thời gian hoàn thành: the deadline forms a plan uses, parsed from the text as written
 * ("Quý I/2022", "Thường xuyên", "Cả năm", "Theo quy định", a date, or free text) and
 * resolved to the date by which the task is due.
 */
import { endOfMonth, endOfQuarter, isoDate, isValidYmd, parseIsoDate, type IsoDate } from './dates.js';

export type Deadline =
  | { kind: 'quarter'; text: string; quarter: 1 | 2 | 3 | 4; year: number }
  | { kind: 'month'; text: string; month: number; year: number }
  | { kind: 'date'; text: string; date: IsoDate }
  /** Thường xuyên: ongoing all year. */
  | { kind: 'ongoing'; text: string }
  /** Cả năm / Năm 2022: the whole year. */
  | { kind: 'whole-year'; text: string; year?: number }
  /** Theo quy định: as the rules require. */
  | { kind: 'as-regulated'; text: string }
  | { kind: 'free'; text: string }
  | { kind: 'invalid'; text: string; reason: 'quarter' | 'date' | 'month' };

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
export const QUARTER_ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

function fold(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Parsed deadlines by their text: a plan of 10.000 tasks writes a few dozen different ones. */
const parsedDeadlines = new Map<string, Readonly<Deadline>>();
const MAX_REMEMBERED = 10_000;

export function parseDeadline(raw: string): Deadline {
  let d = parsedDeadlines.get(raw);
  if (d === undefined) {
    d = Object.freeze(parseDeadlineText(raw));
    if (parsedDeadlines.size < MAX_REMEMBERED) parsedDeadlines.set(raw, d);
  }
  return d;
}

function parseDeadlineText(raw: string): Deadline {
  const text = raw.normalize('NFC').trim();
  const f = fold(text);
  if (f === 'thường xuyên') return { kind: 'ongoing', text };
  if (f === 'cả năm' || f === 'trong năm') return { kind: 'whole-year', text };
  if (f === 'theo quy định') return { kind: 'as-regulated', text };

  // Quý I/2022, Quý 1/2022, Quý I năm 2022
  let m = /^quý\s+([a-z0-9]+)\s*(?:\/|-|năm)\s*(\d{4})$/u.exec(f);
  if (m) {
    const token = m[1]!.toUpperCase();
    const q = ROMAN[token] ?? (/^[1-4]$/.test(token) ? Number(token) : undefined);
    if (q === undefined) return { kind: 'invalid', text, reason: 'quarter' };
    return { kind: 'quarter', text, quarter: q as 1 | 2 | 3 | 4, year: Number(m[2]) };
  }
  // Tháng 6/2022, Tháng 6 năm 2022
  m = /^tháng\s+(\d{1,2})\s*(?:\/|-|năm)\s*(\d{4})$/u.exec(f);
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return { kind: 'invalid', text, reason: 'month' };
    return { kind: 'month', text, month, year: Number(m[2]) };
  }
  // Năm 2022
  m = /^năm\s+(\d{4})$/u.exec(f);
  if (m) return { kind: 'whole-year', text, year: Number(m[1]) };
  // 31/03/2022, ngày 31/3/2022, 2022-03-31
  m = /^(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(f);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? { kind: 'date', text, date: isoDate(y, mo, d) } : { kind: 'invalid', text, reason: 'date' };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(f)) {
    const p = parseIsoDate(f);
    return p ? { kind: 'date', text, date: f } : { kind: 'invalid', text, reason: 'date' };
  }
  return resolveFreeText(text, f);
}

/**
 * Free text that still names a date: "Trước ngày 15/12/2024", "trước 30/6/2024",
 * "6 tháng đầu năm 2024" (→ 30/06), "Quý I, II/2024" (→ the end of the last quarter named),
 * or any text with a dd/mm/yyyy date in it.
 */
function resolveFreeText(text: string, f: string): Deadline {
  // Quý I, II/2024 · Quý I và II năm 2024 · Quý III-IV/2024
  let m = /^quý\s+([ivx0-9]+(?:\s*(?:,|và|-|–)\s*[ivx0-9]+)+)\s*(?:\/|năm)\s*(\d{4})$/u.exec(f);
  if (m) {
    const qs = m[1]!.split(/\s*(?:,|và|-|–)\s*/u).map((t) => ROMAN[t.toUpperCase()] ?? (/^[1-4]$/.test(t) ? Number(t) : undefined));
    if (qs.every((q) => q !== undefined)) return { kind: 'quarter', text, quarter: Math.max(...(qs as number[])) as 1 | 2 | 3 | 4, year: Number(m[2]) };
  }
  // 6 tháng đầu năm 2024 · 9 tháng đầu năm 2024 · 6 tháng cuối năm 2024
  m = /^(6|9|sáu|chín)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})$/u.exec(f);
  if (m) {
    const y = Number(m[3]);
    const months = m[1] === '6' || m[1] === 'sáu' ? 6 : 9;
    return { kind: 'date', text, date: m[2] === 'đầu' ? endOfMonth(y, months) : isoDate(y, 12, 31) };
  }
  // Trước ngày 15/12/2024 · trước 30/6/2024 · chậm nhất ngày 15/12/2024 · any text with a date in it
  m = /(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/u.exec(f);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidYmd(y, mo, d)) return { kind: 'date', text, date: isoDate(y, mo, d) };
  }
  return { kind: 'free', text };
}

/** The year a deadline names explicitly, if any (for the "inside the plan year" check). */
export function deadlineYear(d: Deadline): number | undefined {
  switch (d.kind) {
    case 'quarter':
    case 'month':
      return d.year;
    case 'date':
      return Number(d.date.slice(0, 4));
    case 'whole-year':
      return d.year;
    default:
      return undefined;
  }
}

/**
 * The date by which the task is due. Open forms (ongoing, whole year, as regulated, free
 * text) fall due at the end of the plan year unless the plan gives an explicit `due`.
 */
export function resolveDeadline(d: Deadline, planYear: number, due?: IsoDate): IsoDate {
  if (due) return due;
  switch (d.kind) {
    case 'quarter':
      return endOfQuarter(d.year, d.quarter);
    case 'month':
      return endOfMonth(d.year, d.month);
    case 'date':
      return d.date;
    case 'whole-year':
      return isoDate(d.year ?? planYear, 12, 31);
    default:
      return isoDate(planYear, 12, 31);
  }
}

/** Open-ended forms are not "late" in the same sense as a dated one; renderers may say so. */
export function isOpenEnded(d: Deadline): boolean {
  return d.kind === 'ongoing' || d.kind === 'as-regulated' || d.kind === 'free' || d.kind === 'whole-year';
}
