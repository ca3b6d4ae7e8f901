/**
 * The options that pick "as of when" (--as-of, --period), shared by status and export, and
 * the one-line note about a plan's warnings that commands other than validate print.
 */
import type { IsoDate } from '../model/dates.js';
import { readDate } from '../input/date.js';
import { parsePeriod, type Period } from '../model/period.js';
import type { Lang } from '../diagnostics/codes.js';
import { UsageError } from '../errors.js';

const MSG = {
  vi: {
    both: '--as-of và --period không dùng cùng nhau',
    bothHint: 'chọn một: --as-of NGÀY (một ngày bất kỳ) hoặc --period (mốc chốt số liệu chính thức)',
    badDate: (v: string) => `--as-of "${v}" không phải ngày hợp lệ`,
    badDateHint: 'viết ngày theo dạng dd/mm/yyyy hoặc YYYY-MM-DD, ví dụ 30/06/2022',
    badPeriod: (v: string) => `--period "${v}" không phải kỳ báo cáo hợp lệ`,
    periodHint: (y: string) => `dùng ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quý), ${y}-6M (6 tháng), ${y}-9M (9 tháng) hoặc ${y} (cả năm)`,
    periodYear: (v: string, y: number) => `--period ${v} không thuộc năm kế hoạch ${y}`,
    warnings: (n: number, dir: string) => `cchc: kế hoạch có ${n} cảnh báo; xem chi tiết bằng "cchc validate ${dir}"`,
  },
  en: {
    both: '--as-of and --period cannot be used together',
    bothHint: 'pick one: --as-of DATE (any date) or --period (the official cut-off)',
    badDate: (v: string) => `--as-of "${v}" is not a valid date`,
    badDateHint: 'write the date as dd/mm/yyyy or YYYY-MM-DD, for example 30/06/2022',
    badPeriod: (v: string) => `--period "${v}" is not a reporting period`,
    periodHint: (y: string) => `use ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quarter), ${y}-6M (six months), ${y}-9M (nine months) or ${y} (the year)`,
    periodYear: (v: string, y: number) => `--period ${v} is not in the plan year ${y}`,
    warnings: (n: number, dir: string) => `cchc: the plan has ${n} warning${n === 1 ? '' : 's'}; run "cchc validate ${dir}" to see ${n === 1 ? 'it' : 'them'}`,
  },
};

/** --as-of and --period, checked before the plan is loaded. */
export function parseAsOfFlags(opts: { asOf?: string; period?: string }, lang: Lang): { asOf?: IsoDate; period?: Period } {
  const M = MSG[lang];
  if (opts.asOf !== undefined && opts.period !== undefined) throw new UsageError(M.both, M.bothHint);
  const out: { asOf?: IsoDate; period?: Period } = {};
  if (opts.asOf !== undefined) {
    // Read as Vietnamese people type a date (30/06/2022), or as ISO (2022-06-30).
    const d = readDate(opts.asOf);
    if (!d.ok) throw new UsageError(M.badDate(opts.asOf), M.badDateHint);
    out.asOf = d.value;
  }
  if (opts.period !== undefined) {
    const p = parsePeriod(opts.period);
    if (!p) throw new UsageError(M.badPeriod(opts.period), M.periodHint(/^\d{4}/.exec(opts.period.trim())?.[0] ?? 'YYYY'));
    out.period = p;
  }
  return out;
}

/** A period must belong to the plan's year. */
export function checkPeriodYear(period: Period | undefined, year: number, lang: Lang): void {
  if (period && period.year !== year) throw new UsageError(MSG[lang].periodYear(period.id, year), MSG[lang].periodHint(String(year)));
}

export function warningsNote(n: number, dir: string, lang: Lang): string {
  return MSG[lang].warnings(n, dir);
}
