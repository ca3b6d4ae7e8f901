/**
 * cchc new YEAR [--from PLAN]: start next year's plan in ./plans/YEAR from an earlier one
 * (the newest ./plans/<year> by default), then print what the clerk must review, each item
 * at its file:line in the new files. The source must be free of errors; the new year must
 * come after the source year; an existing folder is never overwritten (exit 2). The
 * folder is built in a temporary folder beside the target and renamed into place, so a
 * failure leaves nothing half-written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadPlan } from '../../load/index.js';
import { checkFolderTexts, displayPath } from '../../load/plan-folder.js';
import { deriveNewPlan, newPlanSources } from '../../scaffold/new-plan.js';
import { writeNewPlanFolder } from '../../scaffold/write-folder.js';
import { reportAsText } from '../../render/new-plan-text.js';
import { summaryAsText } from '../../render/diagnostics.js';
import { printDiagnostics } from '../plan-loader.js';
import { resolvePlanDir } from '../plan-dir.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { EXIT, usage } from '../../errors.js';
import { plansFolder } from '../../load/discover.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  from?: string;
}

export async function run(yearArg: string, opts: Options): Promise<number> {
  const env = makeEnv(opts);
  if (!/^\d{4}$/.test(yearArg.trim())) {
    throw usage('yearDigits', { value: yearArg });
  }
  const year = Number(yearArg.trim());
  // The schema's range for a plan year (schemas/plan.schema.json).
  if (year < 2000 || year > 2100) {
    throw usage('yearRange', { value: String(year) });
  }
  const fromDir = resolvePlanDir(opts.from, env);
  const checked = loadPlan(fromDir, { cwd: env.cwd, docs: true });
  const docs = checked.docs!;
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !checked.plan) {
    printDiagnostics(errors, env);
    writeErr(summaryAsText(errors, 1, env.lang, env.chalk));
    writeErr(CLI.new[env.lang].fixSource);
    return checked.io ? EXIT.usage : EXIT.findings;
  }
  const plan = checked.plan;
  const fromShown = displayPath(fromDir, env.cwd);
  if (year <= plan.meta.year) {
    throw usage('yearNotAfter', { year, from: fromShown, fromYear: plan.meta.year });
  }
  const target = path.join(plansFolder(env.cwd), String(year));
  const toShown = displayPath(target, env.cwd);
  if (existsSync(target)) {
    throw usage('exists', { path: toShown, command: 'cchc new' });
  }
  const sources = newPlanSources(docs);
  const result = deriveNewPlan(plan, sources, { year, toPath: toShown, fromPath: fromShown });

  // The new plan must pass the whole rule set before anything is written.
  const verify = checkFolderTexts({
    texts: result.files.map((f) => ({ kind: f.kind, path: `${toShown}/${f.name}`, text: f.text })),
    diagnostics: [],
    displayDir: toShown,
    folderName: String(year),
  });
  const newErrors = verify.diagnostics.filter((d) => d.severity === 'error');
  if (newErrors.length > 0) {
    printDiagnostics(newErrors, env);
    writeErr(CLI.new[env.lang].wouldNotValidate(toShown));
    return EXIT.findings;
  }

  writeNewPlanFolder(target, result);
  write(reportAsText(result, fromShown, toShown, env.lang, env.width));
  return EXIT.ok;
}
