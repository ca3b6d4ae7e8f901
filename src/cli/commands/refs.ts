/**
 * cchc refs [PLAN] [--json] [--strict]: the registry of cited documents (references.yaml)
 * in "Căn cứ" order, each with the places citing it, and the citations it lacks.
 *
 * The plan is loaded and checked once. Errors other than ref/* stop the command as they
 * stop every command (the located messages on stderr, exit 1). The ref/* findings are this
 * command's subject: it shows the registry anyway and prints them on stderr (in the JSON
 * with --json). Exit 0, or 1 when there is a ref/* error, or a ref/* warning with --strict.
 */
import { loadPlan } from '../../load/index.js';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { diagnosticAsJson, summaryAsText } from '../../render/diagnostics.js';
import { refsReport } from '../../report/refs.js';
import { refsAsJson, refsAsText } from '../../render/refs-text.js';
import { printDiagnostics, reportUnusablePlan } from '../plan-loader.js';
import { resolvePlanDir } from '../plan-dir.js';
import { outputFormat, writeJson } from '../json-out.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { EXIT } from '../../errors.js';

interface Options extends GlobalOptions {
  strict?: boolean;
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'refs');
  const dir = resolvePlanDir(planArg, env);
  const { docs, diagnostics: all, io } = loadPlan(dir, { cwd: env.cwd, docs: true });

  if (all.some((d) => d.severity === 'error' && !d.code.startsWith('ref/'))) return reportUnusablePlan(all, io, env);

  const refDs = all.filter((d) => d.code.startsWith('ref/'));
  const counts = countBySeverity(refDs);
  const report = refsReport(docs!);
  const failed = counts.errors > 0 || (opts.strict === true && counts.warnings > 0);
  if (json) {
    writeJson(
      'refs',
      !failed,
      refsAsJson(
        report,
        refDs.map((d) => diagnosticAsJson(d, env.lang)),
        counts,
      ),
    );
  } else {
    write(refsAsText(report, env.lang, env.chalk, env.width));
    if (refDs.length > 0) {
      writeErr('');
      printDiagnostics(refDs, env);
      writeErr(summaryAsText(refDs, 1, env.lang, env.chalk));
    }
  }
  return failed ? EXIT.findings : EXIT.ok;
}
