/**
 * cchc status [PLAN] [--as-of DATE | --period P] [--unit U] [--area N] [--overdue] [--json]:
 * check the flags, load the checked plan once, compute the report, hand it to a renderer.
 */
import { todayIso, type IsoDate } from '../../model/dates.js';
import type { Period } from '../../model/period.js';
import type { Plan } from '../../model/plan.js';
import { closest } from '../../model/text.js';
import { computeStatus, findUnit, type StatusFilter } from '../../report/status.js';
import { loadScoringFrame } from '../scoring.js';
import { statusTextPieces } from '../../render/status-text.js';
import { statusAsJson } from '../../render/status-json.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import type { Lang } from '../../i18n/format.js';
import { makeEnv, writeErr, writePieces, type GlobalOptions } from '../io.js';
import { loadCheckedPlan } from '../plan-loader.js';
import { EXIT, UsageError } from '../../errors.js';
import { checkPeriodYear, parseAsOfFlags, warningsNote } from '../as-of.js';
import { unresolvedDeadlineDiagnostics } from '../deadline-warnings.js';
import { printDiagnostics } from '../plan-loader.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  asOf?: string;
  period?: string;
  unit?: string;
  area?: string;
  overdue?: boolean;
}

const MSG = CLI.status;

/** The flags that do not need the plan, checked before it is loaded. */
function parseFlags(opts: Options, lang: Lang): { asOf?: IsoDate; period?: Period; area?: number } {
  const M = MSG[lang];
  const out: { asOf?: IsoDate; period?: Period; area?: number } = parseAsOfFlags(opts, lang);
  if (opts.area !== undefined) {
    const v = opts.area.trim();
    if (!/^\d{1,3}$/.test(v)) throw new UsageError(M.badArea(opts.area));
    out.area = Number(v);
  }
  return out;
}

/** --area and --unit against the plan, with --overdue: the filter of the report. */
function filterOf(plan: Plan, flags: { area?: number }, opts: Options, lang: Lang): StatusFilter {
  const M = MSG[lang];
  const filter: StatusFilter = {};
  if (flags.area !== undefined) {
    if (!plan.meta.areas.some((a) => a.id === flags.area)) {
      throw new UsageError(M.noArea(flags.area), M.areas(plan.meta.areas.map((a) => `${a.id} (${a.title})`).join(', ')));
    }
    filter.area = flags.area;
  }
  if (opts.unit !== undefined) {
    const unit = findUnit(plan.units, opts.unit);
    if (!unit) {
      const suggestion =
        closest(
          opts.unit.normalize('NFC').trim(),
          plan.units.flatMap((u) => [u.id, u.name]),
        ) ?? '';
      throw new UsageError(M.noUnit(opts.unit), M.units(plan.units.map((u) => `${u.id} (${u.name})`).join(', '), suggestion));
    }
    filter.unit = unit.id;
  }
  if (opts.overdue) filter.overdue = true;
  return filter;
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'status');
  const flags = parseFlags(opts, env.lang);

  const loaded = await loadCheckedPlan(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  const year = plan.meta.year;

  checkPeriodYear(flags.period, year, env.lang);
  const filter = filterOf(plan, flags, opts, env.lang);
  const scoring = loadScoringFrame(plan.dir, env);
  if ('exit' in scoring) return scoring.exit;
  const { frame } = scoring;
  const report = computeStatus(plan, { asOf: flags.asOf, period: flags.period, today: todayIso(env.now), filter, frame });
  const deadlines = await unresolvedDeadlineDiagnostics(plan.dir, env.cwd, year, report.unresolvedDeadlines);
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (json) {
    // A script gets every warning in the one object: the open deadlines and the plan's own.
    writeJson('status', true, { ...(statusAsJson(report) as object), ...diagnosticsFields([...deadlines, ...warnings], env.lang) });
    return EXIT.ok;
  }
  writePieces(statusTextPieces(report, { lang: env.lang, chalk: env.chalk, width: env.width, frame }));
  printDiagnostics(deadlines, env);
  // Warnings do not stop status, but the clerk should know they are there.
  if (warnings.length > 0) writeErr(warningsNote(warnings.length, plan.dir, env.lang));
  return EXIT.ok;
}
