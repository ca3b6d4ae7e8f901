/**
 * cchc form [PLAN] [--unit U]... [--as-of DATE | --period P] --out DIR: one progress form
 * per lead unit, DIR/<unit id>.xlsx, prefilled with the latest state as of the date
 * (docs/reporting-period.md). exceljs is loaded only here and in import.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayIso } from '../../model/dates.js';
import type { Unit } from '../../model/plan.js';
import { closest } from '../../model/text.js';
import { defaultAsOf, findUnit } from '../../report/status.js';
import { buildForm, formUnits } from '../../report/form-model.js';
import { formAsWorkbook } from '../../render/form-xlsx.js';
import { loadPlanForPeriod } from '../plan-access.js';
import { formatDate } from '../../i18n/format.js';
import { displayPath } from '../../load/plan-texts.js';
import { makeEnv, write, type GlobalOptions } from '../io.js';
import { EXIT, UsageError, usage } from '../../errors.js';
import { checkPeriodYear, parseAsOfFlags } from '../as-of.js';

interface Options extends GlobalOptions {
  unit?: string[];
  asOf?: string;
  period?: string;
  out: string;
}

const MSG = {
  vi: {
    noUnit: (v: string, s: string) => `kế hoạch không có đơn vị "${v}"${s ? ` (có phải "${s}"?)` : ''}`,
    notDir: (v: string) => `--out ${v} không phải là thư mục`,
    wrote: (n: number, dir: string, d: string) => `Đã ghi ${n} biểu mẫu, số liệu tính đến ngày ${d}, vào ${dir}:`,
    line: (file: string, name: string, tasks: number, coord: number, extra: string) =>
      `  ${file}  ${name}: ${tasks} nhiệm vụ chủ trì${coord ? `, ${coord} phối hợp` : ''}${extra}`,
    extra: (i: number, l: number) => `; ${i} chỉ tiêu, ${l} dòng kinh phí`,
    next: 'Gửi mỗi tệp cho đơn vị; khi nhận lại: cchc import <các tệp>',
  },
  en: {
    noUnit: (v: string, s: string) => `the plan has no unit "${v}"${s ? ` (did you mean "${s}"?)` : ''}`,
    notDir: (v: string) => `--out ${v} is not a folder`,
    wrote: (n: number, dir: string, d: string) => `Wrote ${n} form${n === 1 ? '' : 's'}, as of ${d}, to ${dir}:`,
    line: (file: string, name: string, tasks: number, coord: number, extra: string) =>
      `  ${file}  ${name}: ${tasks} task${tasks === 1 ? '' : 's'} led${coord ? `, ${coord} coordinated` : ''}${extra}`,
    extra: (i: number, l: number) => `; ${i} indicators, ${l} budget lines`,
    next: 'Send each file to its unit; when they come back: cchc import <files>',
  },
};

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const env = makeEnv(opts);
  const M = MSG[env.lang];
  const flags = parseAsOfFlags(opts, env.lang);
  const loaded = await loadPlanForPeriod(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  checkPeriodYear(flags.period, plan.meta.year, env.lang);
  const asOf = flags.period?.end ?? flags.asOf ?? defaultAsOf(plan.meta.year, todayIso(env.now));

  let units: Unit[] = formUnits(plan);
  if (opts.unit && opts.unit.length > 0) {
    units = opts.unit.map((q) => {
      const u = findUnit(plan.units, q);
      if (!u) throw new UsageError(M.noUnit(q, closest(q.normalize('NFC').trim(), plan.units.map((x) => x.id)) ?? ''));
      return u;
    });
  }

  const outDir = path.resolve(env.cwd, opts.out);
  try {
    if (!statSync(outDir).isDirectory()) throw new UsageError(M.notDir(opts.out));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    mkdirSync(outDir, { recursive: true });
  }

  const lines: string[] = [];
  for (const unit of units) {
    const model = buildForm(plan, unit, asOf);
    const wb = await formAsWorkbook(model);
    const file = path.join(outDir, `${unit.id}.xlsx`);
    const tmp = path.join(outDir, `.${unit.id}.${process.pid}.tmp.xlsx`);
    try {
      // Fast deflate: a form is small, and the default level costs most of the writing time.
      const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never);
      writeFileSync(tmp, Buffer.from(buf as ArrayBuffer));
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw usage('cannotWrite', { file: displayPath(file, env.cwd), reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
    const tasks = model.groups.reduce((n, g) => n + g.rows.length, 0);
    const extra = model.indicators.length + model.budget.length > 0 ? M.extra(model.indicators.length, model.budget.length) : '';
    lines.push(M.line(path.basename(file), unit.name, tasks, model.coordinated.length, extra));
  }
  write([M.wrote(units.length, displayPath(outDir, env.cwd), formatDate(asOf, env.lang)), ...lines, M.next].join('\n'));
  return EXIT.ok;
}
