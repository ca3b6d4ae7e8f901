/** Calendar dates as ISO strings (YYYY-MM-DD): they compare correctly as strings and never shift with time zones. */

export type IsoDate = string;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseIsoDate(s: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : undefined;
}

export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

export function yearOf(s: IsoDate): number {
  return Number(s.slice(0, 4));
}

export function endOfMonth(y: number, m: number): IsoDate {
  return isoDate(y, m, daysInMonth(y, m));
}

export function endOfQuarter(y: number, q: number): IsoDate {
  return endOfMonth(y, q * 3);
}

/** Today in the local calendar (the clerk's day, not UTC's). */
export function todayIso(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
