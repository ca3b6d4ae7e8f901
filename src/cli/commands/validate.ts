/** cchc validate [PATH...]: every finding, located, in the format asked for. */
import { resolveTargets } from '../../load/plan-texts.js';
import { loadPlan } from '../../load/index.js';
import { loadLoneFile } from '../../load/plan-folder.js';
import { newPathMemo } from '../../load/read.js';
import { checkFoldersOnThreads, isValidateWorker, serveValidateWorker, threadCount } from './validate-workers.js';
import { checkLoneFile } from '../../check/index.js';
import { codeInfo } from '../../diagnostics/codes.js';
import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticAsText, diagnosticAsGithub, diagnosticsAsSarif, summaryAsText } from '../../render/diagnostics.js';
import { makeEnv, write, writeErr, type Env, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import { EXIT } from '../../errors.js';
import { defaultCheckPaths } from '../plan-dir.js';
import { VERSION } from '../version.js';
import { startProgress } from '../progress.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  strict?: boolean;
}

/** Check every target: the findings, sorted, and how many plans and lone files were read. */
async function checkTargets(paths: string[], env: Env): Promise<{ all: Diagnostic[]; plans: number; files: number }> {
  const { targets, diagnostics } = resolveTargets(paths, env.cwd);
  const all: Diagnostic[] = [...diagnostics];
  let plans = 0;
  let files = 0;
  const folders = targets.flatMap((t) => (t.type === 'folder' ? [t.dir] : []));
  const progress = folders.length > 1 ? startProgress(env.lang) : undefined;
  progress?.update(CLI.progress[env.lang].checking);
  // Many folders: checked on worker threads (validate-workers.ts), the findings of each
  // folder put back in its place, so the output is the same as from one thread.
  const threaded = await checkFoldersOnThreads(folders, env.cwd, threadCount(folders.length, process.env), (count) => {
    plans += count;
    progress?.update(CLI.progress[env.lang].checking, plans, folders.length);
  });
  plans = 0;
  // One memo of resolved folders for the whole run: sibling plan folders share their parents.
  const memo = newPathMemo();
  for (const t of targets) {
    if (t.type === 'folder') {
      all.push(...(threaded ? threaded[plans]! : loadPlan(t.dir, { cwd: env.cwd, paths: memo }).diagnostics));
      plans++;
      if (!threaded) progress?.update(CLI.progress[env.lang].checking, plans, folders.length);
    } else {
      const { source, diagnostics: ds } = loadLoneFile(t.file, env.cwd);
      all.push(...ds);
      if (source) all.push(...checkLoneFile(source));
      files++;
    }
  }
  progress?.end();
  all.sort(compareDiagnostics);
  return { all, plans, files };
}

export async function run(paths: string[], opts: Options): Promise<number> {
  // Started as a worker thread of another validate: check the folders it sends, print nothing.
  if (isValidateWorker()) return serveValidateWorker();
  const format = outputFormat(opts);
  const env = makeEnv(opts);
  const { all, plans, files } = await checkTargets(paths.length > 0 ? paths : defaultCheckPaths(env.cwd), env);
  let exit: number = EXIT.ok;
  if (all.some((d) => codeInfo(d.code)?.io)) exit = EXIT.usage;
  else if (all.some((d) => d.severity === 'error' || (opts.strict && d.severity === 'warning'))) exit = EXIT.findings;

  switch (format) {
    case 'json': {
      const { summary, diagnostics } = diagnosticsFields(all, env.lang);
      writeJson('validate', exit === EXIT.ok, { summary: { ...summary, plans, files }, diagnostics });
      break;
    }
    case 'github':
      write(all.map((d) => diagnosticAsGithub(d, env.lang)).join('\n'));
      break;
    case 'sarif':
      write(JSON.stringify(diagnosticsAsSarif(all, env.lang, VERSION), null, 2));
      break;
    default:
      write(all.map((d) => diagnosticAsText(d, env.lang, env.chalk, env.width) + '\n').join('\n'));
      writeErr(summaryAsText(all, { plans, files }, env.lang, env.chalk));
  }
  return exit;
}
