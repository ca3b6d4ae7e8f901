/**
 * cchc doc [PLAN] [--out FILE.docx]: the whole plan as its official document (Nghị định
 * 30/2020, Phụ lục I), appendices included. Load and check the plan once (a plan with
 * errors gets the located messages, exit 1, and no document), build the document model,
 * write it atomically. The document is Vietnamese whatever --lang says; --lang sets the
 * messages.
 */
import path from 'node:path';
import { planAsDocument } from '../../render/docx/plan-document.js';
import { documentAsDocx } from '../../render/docx/ooxml.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import { loadCheckedPlan } from '../plan-loader.js';
import { EXIT } from '../../errors.js';
import { warningsNote } from '../as-of.js';
import { checkOutName, checkTarget, humanSize, writeDocument } from './docx-out.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  out?: string;
}

const MSG = CLI.doc;

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'doc');
  checkOutName(opts.out, 'KH-CCHC.docx', env.lang);
  const loaded = await loadCheckedPlan(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;

  const file = path.resolve(env.cwd, opts.out ?? `KH-CCHC-${plan.meta.year}.docx`);
  const shown = opts.out ?? path.basename(file);
  checkTarget(file, shown, env.lang);

  const doc = planAsDocument(plan, plan.tasksTitle !== undefined ? { tasksTitle: plan.tasksTitle } : {});
  const bytes = documentAsDocx(doc, { created: env.now });
  writeDocument(file, shown, bytes, env.lang);

  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (json) {
    writeJson('doc', true, { file: shown, bytes: bytes.length, ...diagnosticsFields(warnings, env.lang) });
    return EXIT.ok;
  }
  write(MSG[env.lang].written(shown, humanSize(bytes.length, env.lang)));
  if (warnings.length > 0) writeErr(warningsNote(warnings.length, plan.dir, env.lang));
  return EXIT.ok;
}
