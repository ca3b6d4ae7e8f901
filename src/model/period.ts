/**
 * Reporting periods and their official cut-offs (Nghị định 09/2019/NĐ-CP): a quarter runs
 * from the 15th of the month before it to the 14th of its last month; 6 months and 9 months
 * run from 15/12 of the year before to 14/6 and 14/9; the year from 15/12 to 14/12.
 */
import { isoDate, type IsoDate } from './dates.js';

export type PeriodKind = 'quarter' | 'half' | 'nine-months' | 'year';

export interface Period {
  /** As written on the command line: 2022-Q1, 2022-6M, 2022-9M, 2022. */
  id: string;
  kind: PeriodKind;
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
}

export function parsePeriod(s: string): Period | undefined {
  const m = /^(\d{4})(?:-(Q[1-4]|6M|9M))?$/i.exec(s.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const suffix = m[2]?.toUpperCase();
  const start = isoDate(year - 1, 12, 15);
  if (!suffix) return { id: `${year}`, kind: 'year', year, start, end: isoDate(year, 12, 14) };
  if (suffix === '6M') return { id: `${year}-6M`, kind: 'half', year, start, end: isoDate(year, 6, 14) };
  if (suffix === '9M') return { id: `${year}-9M`, kind: 'nine-months', year, start, end: isoDate(year, 9, 14) };
  const q = Number(suffix.slice(1)) as 1 | 2 | 3 | 4;
  const lastMonth = q * 3;
  const qStart = q === 1 ? start : isoDate(year, lastMonth - 3, 15);
  return { id: `${year}-Q${q}`, kind: 'quarter', year, quarter: q, start: qStart, end: isoDate(year, lastMonth, 14) };
}
