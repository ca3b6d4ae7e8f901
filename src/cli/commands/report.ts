/**
 * cchc report [PLAN] --period P | --as-of DATE [--out FILE.docx]: the periodic report as a
 * .docx, computed from the same status report `cchc status` shows (src/report/status.ts),
 * so its figures are those of `cchc status --period P`. Load and check the plan once,
 * compute the report, build the document, write it atomically.
 */
import path from 'node:path';
import { todayIso } from '../../model/dates.js';
import { computeStatus } from '../../report/status.js';
import { DEFAULT_FRAME } from '../../report/scoring.js';
import { statusAsReportDocument } from '../../render/docx/report-document.js';
import { documentAsDocx } from '../../render/docx/ooxml.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import { loadCheckedPlan } from '../plan-loader.js';
import { EXIT, UsageError } from '../../errors.js';
import { checkPeriodYear, parseAsOfFlags, warningsNote } from '../as-of.js';
import { checkOutName, checkTarget, humanSize, writeDocument } from './docx-out.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  out?: string;
  asOf?: string;
  period?: string;
}

const MSG = CLI.report;

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'report');
  const M = MSG[env.lang];
  const flags = parseAsOfFlags(opts, env.lang);
  if (!flags.asOf && !flags.period) throw new UsageError(M.needWhen, M.needWhenHint);
  checkOutName(opts.out, 'BC-CCHC.docx', env.lang);

  const loaded = await loadCheckedPlan(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  checkPeriodYear(flags.period, plan.meta.year, env.lang);

  const tag = flags.period ? flags.period.id : flags.asOf!;
  const file = path.resolve(env.cwd, opts.out ?? `BC-CCHC-${tag}.docx`);
  const shown = opts.out ?? path.basename(file);
  checkTarget(file, shown, env.lang);

  const report = computeStatus(plan, { asOf: flags.asOf, period: flags.period, today: todayIso(env.now), frame: DEFAULT_FRAME });
  const bytes = documentAsDocx(statusAsReportDocument(report, plan), { created: env.now });
  writeDocument(file, shown, bytes, env.lang);

  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (json) {
    const fields = { file: shown, bytes: bytes.length, asOf: report.asOf, period: flags.period?.id ?? null, example: report.example };
    writeJson('report', true, { ...fields, ...diagnosticsFields(warnings, env.lang) });
    return EXIT.ok;
  }
  write(M.written(shown, humanSize(bytes.length, env.lang), report.example));
  if (warnings.length > 0) writeErr(warningsNote(warnings.length, plan.dir, env.lang));
  return EXIT.ok;
}
