/**
 * cchc status [PLAN] [--as-of DATE | --period P] [--unit U] [--area N] [--overdue] [--json]:
 * check the flags, load the checked plan once, compute the report, hand it to a renderer.
 */
import { isValidIsoDate, todayIso, type IsoDate } from '../../model/dates.js';
import { parsePeriod, type Period } from '../../model/period.js';
import { closest } from '../../model/text.js';
import { computeStatus, findUnit, type StatusFilter } from '../../report/status.js';
import { DEFAULT_FRAME } from '../../report/scoring.js';
import { statusAsText } from '../../render/status-text.js';
import { statusAsJsonText } from '../../render/status-json.js';
import type { Lang } from '../../i18n/format.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { loadCheckedPlan } from '../plan-loader.js';
import { EXIT, UsageError } from '../errors.js';

interface Options extends GlobalOptions {
  asOf?: string;
  period?: string;
  unit?: string;
  area?: string;
  overdue?: boolean;
  json?: boolean;
}

const MSG = {
  vi: {
    both: '--as-of và --period không dùng cùng nhau',
    bothHint: 'chọn một: --as-of YYYY-MM-DD (một ngày bất kỳ) hoặc --period (mốc chốt số liệu chính thức)',
    badDate: (v: string) => `--as-of "${v}" không phải ngày hợp lệ`,
    badDateHint: 'viết ngày theo dạng YYYY-MM-DD, ví dụ 2022-06-30',
    badPeriod: (v: string) => `--period "${v}" không phải kỳ báo cáo hợp lệ`,
    periodHint: (y: string) => `dùng ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quý), ${y}-6M (6 tháng), ${y}-9M (9 tháng) hoặc ${y} (cả năm)`,
    periodYear: (v: string, y: number) => `--period ${v} không thuộc năm kế hoạch ${y}`,
    badArea: (v: string) => `--area cần số thứ tự của nội dung, có "${v}"`,
    noArea: (v: number) => `kế hoạch không có nội dung ${v}`,
    areas: (list: string) => `các nội dung: ${list}`,
    noUnit: (v: string) => `kế hoạch không có đơn vị "${v}"`,
    units: (list: string, suggestion: string) => `${suggestion ? `có phải "${suggestion}"? ` : ''}các đơn vị (mã hoặc tên): ${list}`,
    warnings: (n: number, dir: string) => `cchc: kế hoạch có ${n} cảnh báo; xem chi tiết bằng "cchc validate ${dir}"`,
  },
  en: {
    both: '--as-of and --period cannot be used together',
    bothHint: 'pick one: --as-of YYYY-MM-DD (any date) or --period (the official cut-off)',
    badDate: (v: string) => `--as-of "${v}" is not a valid date`,
    badDateHint: 'write the date as YYYY-MM-DD, for example 2022-06-30',
    badPeriod: (v: string) => `--period "${v}" is not a reporting period`,
    periodHint: (y: string) => `use ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quarter), ${y}-6M (six months), ${y}-9M (nine months) or ${y} (the year)`,
    periodYear: (v: string, y: number) => `--period ${v} is not in the plan year ${y}`,
    badArea: (v: string) => `--area needs an area number, got "${v}"`,
    noArea: (v: number) => `the plan has no area ${v}`,
    areas: (list: string) => `areas: ${list}`,
    noUnit: (v: string) => `the plan has no unit "${v}"`,
    units: (list: string, suggestion: string) => `${suggestion ? `did you mean "${suggestion}"? ` : ''}units (id or name): ${list}`,
    warnings: (n: number, dir: string) => `cchc: the plan has ${n} warning${n === 1 ? "" : "s"}; run "cchc validate ${dir}" to see ${n === 1 ? "it" : "them"}`,
  },
};

/** The flags that do not need the plan, checked before it is loaded. */
function parseFlags(opts: Options, lang: Lang): { asOf?: IsoDate; period?: Period; area?: number } {
  const M = MSG[lang];
  if (opts.asOf !== undefined && opts.period !== undefined) throw new UsageError(M.both, M.bothHint);
  const out: { asOf?: IsoDate; period?: Period; area?: number } = {};
  if (opts.asOf !== undefined) {
    const v = opts.asOf.trim();
    if (!isValidIsoDate(v)) throw new UsageError(M.badDate(opts.asOf), M.badDateHint);
    out.asOf = v;
  }
  if (opts.period !== undefined) {
    const p = parsePeriod(opts.period);
    if (!p) throw new UsageError(M.badPeriod(opts.period), M.periodHint(/^\d{4}/.exec(opts.period.trim())?.[0] ?? 'YYYY'));
    out.period = p;
  }
  if (opts.area !== undefined) {
    const v = opts.area.trim();
    if (!/^\d{1,3}$/.test(v)) throw new UsageError(M.badArea(opts.area));
    out.area = Number(v);
  }
  return out;
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const env = makeEnv(opts);
  const M = MSG[env.lang];
  const flags = parseFlags(opts, env.lang);

  const loaded = await loadCheckedPlan(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  const year = plan.meta.year;

  if (flags.period && flags.period.year !== year) throw new UsageError(M.periodYear(flags.period.id, year), M.periodHint(String(year)));
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
      const suggestion = closest(opts.unit.normalize('NFC').trim(), plan.units.flatMap((u) => [u.id, u.name])) ?? '';
      throw new UsageError(M.noUnit(opts.unit), M.units(plan.units.map((u) => `${u.id} (${u.name})`).join(', '), suggestion));
    }
    filter.unit = unit.id;
  }
  if (opts.overdue) filter.overdue = true;

  const report = computeStatus(plan, { asOf: flags.asOf, period: flags.period, today: todayIso(env.now), filter, frame: DEFAULT_FRAME });
  write(opts.json ? statusAsJsonText(report) : statusAsText(report, { lang: env.lang, chalk: env.chalk, width: env.width, frame: DEFAULT_FRAME }));

  // Warnings do not stop status, but the clerk should know they are there.
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings > 0) writeErr(M.warnings(warnings, plan.dir));
  return EXIT.ok;
}
