/**
 * cchc form [PLAN] [--unit U]... [--as-of DATE | --period P] --out DIR: one progress form
 * per lead unit, DIR/<unit id>.xlsx, prefilled with the latest state as of the date
 * (docs/reporting-period.md). exceljs is loaded only here and in import.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayIso, type IsoDate } from '../../model/dates.js';
import type { Plan, Unit } from '../../model/plan.js';
import type { Lang } from '../../i18n/format.js';
import { closest } from '../../model/text.js';
import { defaultAsOf, findUnit } from '../../report/status.js';
import { buildForm, formUnits } from '../../report/form-model.js';
import { formAsWorkbook } from '../../render/form-xlsx.js';
import { loadPlanForPeriod } from '../plan-access.js';
import { formatDate } from '../../i18n/format.js';
import { displayPath } from '../../load/plan-texts.js';
import { makeEnv, write, type Env, type GlobalOptions } from '../io.js';
import { outputFormat, writeJson } from '../json-out.js';
import { EXIT, UsageError, usage } from '../../errors.js';
import { checkPeriodYear, parseAsOfFlags } from '../as-of.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  unit?: string[];
  asOf?: string;
  period?: string;
  out: string;
}

const MSG = CLI.form;

/** --unit, each against the plan (id or name); every lead unit when none is given. */
function unitsOf(plan: Plan, asked: string[] | undefined, lang: Lang): Unit[] {
  if (!asked || asked.length === 0) return formUnits(plan);
  return asked.map((q) => {
    const u = findUnit(plan.units, q);
    if (!u)
      throw new UsageError(
        MSG[lang].noUnit(
          q,
          closest(
            q.normalize('NFC').trim(),
            plan.units.map((x) => x.id),
          ) ?? '',
        ),
      );
    return u;
  });
}

/** The --out folder, made when it is not there; a file by that name is a usage error. */
function outputFolder(out: string, env: Env): string {
  const outDir = path.resolve(env.cwd, out);
  try {
    if (!statSync(outDir).isDirectory()) throw new UsageError(MSG[env.lang].notDir(out));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    mkdirSync(outDir, { recursive: true });
  }
  return outDir;
}

interface FormWritten {
  file: string;
  unit: { id: string; name: string };
  tasks: number;
  coordinated: number;
  indicators: number;
  budgetLines: number;
}

/** One unit's form, written atomically as DIR/<unit id>.xlsx. */
async function writeForm(plan: Plan, unit: Unit, asOf: IsoDate, outDir: string, env: Env): Promise<FormWritten> {
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
  return {
    file: path.basename(file),
    unit: { id: unit.id, name: unit.name },
    tasks,
    coordinated: model.coordinated.length,
    indicators: model.indicators.length,
    budgetLines: model.budget.length,
  };
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'form');
  const M = MSG[env.lang];
  const flags = parseAsOfFlags(opts, env.lang);
  const loaded = await loadPlanForPeriod(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  checkPeriodYear(flags.period, plan.meta.year, env.lang);
  const asOf = flags.period?.end ?? flags.asOf ?? defaultAsOf(plan.meta.year, todayIso(env.now));
  const units = unitsOf(plan, opts.unit, env.lang);
  const outDir = outputFolder(opts.out, env);

  const forms: FormWritten[] = [];
  for (const unit of units) forms.push(await writeForm(plan, unit, asOf, outDir, env));
  const dir = displayPath(outDir, env.cwd);
  if (json) {
    writeJson('form', true, { dir, asOf, forms });
    return EXIT.ok;
  }
  const lines = forms.map((f) =>
    M.line(f.file, f.unit.name, f.tasks, f.coordinated, f.indicators + f.budgetLines > 0 ? M.extra(f.indicators, f.budgetLines) : ''),
  );
  write([M.wrote(forms.length, dir, formatDate(asOf, env.lang)), ...lines, M.next].join('\n'));
  return EXIT.ok;
}
