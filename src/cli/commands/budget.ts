/**
 * cchc budget [PLAN] [--as-of DATE] [--json]: the budget appendix with its checks, and the
 * spending against it as of a date.
 *
 * Unlike other commands it does not stop at budget findings: a wrong budget is exactly
 * what the clerk needs to see, so when the only errors are budget/* (or money/* in
 * budget.yaml) and budget.yaml passed its schema, the table is printed with the failing
 * figures marked, the located diagnostics go to stderr, and the exit code is 1. A
 * budget.yaml that fails its schema (a float or a huge amount) cannot be computed exactly,
 * and any other plan error stops the command as everywhere else.
 */
import path from 'node:path';
import { loadPlan } from '../../load/index.js';
import { displayPath } from '../../load/plan-texts.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticAsJson, summaryAsText } from '../../render/diagnostics.js';
import { outputFormat, writeJson } from '../json-out.js';
import { budgetAsText } from '../../render/budget-text.js';
import { computeBudgetReport, budgetReportAsJson } from '../../report/budget.js';
import { todayIso, minDate } from '../../model/dates.js';
import { printDiagnostics, reportUnusablePlan } from '../plan-loader.js';
import { resolvePlanDir } from '../plan-dir.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { EXIT } from '../../errors.js';
import { parseAsOfFlags } from '../as-of.js';

interface Options extends GlobalOptions {
  asOf?: string;
}

/** Findings that leave the budget computable: its own checks, wherever they point. */
function isBudgetFinding(d: Diagnostic, budgetFile: string | undefined): boolean {
  return d.code.startsWith('budget/') || (d.code.startsWith('money/') && d.file === budgetFile);
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'budget');
  const flags = parseAsOfFlags({ asOf: opts.asOf }, env.lang);

  const dir = resolvePlanDir(planArg, env);
  // The same (cached) check as every command; a plan exists only when budget.yaml passed
  // its schema, so its figures can be computed exactly even with budget findings.
  const { diagnostics: all, plan, io } = loadPlan(dir, { cwd: env.cwd });
  const budgetFile = displayPath(path.join(dir, 'budget.yaml'), env.cwd);
  const blocking = all.filter((d) => d.severity === 'error' && !isBudgetFinding(d, budgetFile));
  if (!plan || blocking.length > 0) return reportUnusablePlan(all, io, env);

  // By default, spending as of today, or of the plan year's end once the year is over
  // (progress records never go beyond it).
  const asOf = flags.asOf ?? minDate(todayIso(env.now), `${plan.meta.year}-12-31`);
  const report = computeBudgetReport(plan, { asOf });
  // What the clerk needs beside the table: every finding on the budget, and the overspent
  // records among the files that count as of the date.
  const contributing = new Set(report.spending?.files.map((f) => f.file) ?? []);
  const relevant = all.filter((d) => isBudgetFinding(d, budgetFile) || d.file === budgetFile || (d.code === 'progress/overspent' && contributing.has(d.file)));

  const failed = !report.ok || relevant.some((d) => d.severity === 'error');
  if (json) writeJson('budget', !failed, { ...budgetReportAsJson(report), diagnostics: relevant.map((d) => diagnosticAsJson(d, env.lang)) });
  else write(budgetAsText(report, { lang: env.lang, chalk: env.chalk, width: env.width }));
  if (relevant.length > 0) {
    printDiagnostics(relevant, env);
    writeErr(summaryAsText(relevant, 1, env.lang, env.chalk));
  }
  return failed ? EXIT.findings : EXIT.ok;
}
