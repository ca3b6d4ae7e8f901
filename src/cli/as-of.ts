/**
 * The options that pick "as of when" (--as-of, --period), shared by status and export, and
 * the one-line note about a plan's warnings that commands other than validate print.
 */
import type { IsoDate } from '../model/dates.js';
import { readDate } from '../input/date.js';
import { parsePeriod, type Period } from '../model/period.js';
import type { Lang } from '../diagnostics/codes.js';
import { UsageError } from '../errors.js';
import { CLI } from '../i18n/cli.js';

const MSG = CLI.asOf;

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
