/** cchc validate [PATH...]: every finding, located, in the format asked for. */
import { resolveTargets, checkPlanFolderAsync } from '../../load/plan-texts.js';
import { codeInfo } from '../../diagnostics/codes.js';
import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticAsText, diagnosticAsJson, diagnosticAsGithub, diagnosticsAsSarif, summaryAsText } from '../../render/diagnostics.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { discoverPlans, noPlanMessage } from '../../load/discover.js';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleDir, requireBundle } from '../bundles.js';
import { VERSION } from '../version.js';
import { startProgress, PROGRESS_LABELS } from '../progress.js';

interface Options extends GlobalOptions {
  format: 'text' | 'json' | 'github' | 'sarif';
  strict?: boolean;
}

/** Below this many folders, starting threads costs more than it saves. */
const PARALLEL_FROM = 24;

/**
 * Check many plan folders on all cores (worker threads, each with its share of folders).
 * Returns undefined where threads are not available (running from source, one core).
 */
async function checkFoldersInParallel(dirs: string[], cwd: string): Promise<Diagnostic[][] | undefined> {
  const cores = Number(process.env.CCHC_THREADS) || availableParallelism();
  // The worker is a bundle of its own beside cli.cjs; from source there is none.
  const workerFile = path.join(bundleDir(), 'validate-worker.cjs');
  if (!__CCHC_BUNDLED__ || dirs.length < PARALLEL_FROM || cores < 2 || !existsSync(workerFile)) return undefined;
  const n = Math.min(cores, 8);
  const shares = Array.from({ length: n }, (_, k) => dirs.filter((_, i) => i % n === k));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<Diagnostic[][]>((resolve, reject) => {
          const w = new Worker(workerFile, { workerData: { dirs: share, cwd } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  // Back to the order of `dirs`.
  const out: Diagnostic[][] = new Array(dirs.length);
  results.forEach((r, k) => r.forEach((ds, j) => (out[j * n + k] = ds)));
  return out;
}

export async function run(paths: string[], opts: Options): Promise<number> {
  const env = makeEnv(opts);
  if (paths.length === 0) {
    // No PATH: the plans of the repository (or the plan folder) the working folder is in.
    const found = discoverPlans(env.cwd);
    if (!found) {
      const { message, hint } = noPlanMessage(env.cwd);
      throw new UsageError(message, hint);
    }
    paths = [path.relative(env.cwd, found.kind === 'plan' ? found.dir : found.plansDir) || '.'];
  }
  const { targets, diagnostics } = resolveTargets(paths, env.cwd);
  const all: Diagnostic[] = [...diagnostics];
  let plans = 0;
  let files = 0;
  const folders = targets.flatMap((t) => (t.type === 'folder' ? [t.dir] : []));
  const progress = folders.length > 1 ? startProgress(env.lang) : undefined;
  progress?.update(PROGRESS_LABELS[env.lang].checking);
  const parallel = await checkFoldersInParallel(folders, env.cwd);
  if (parallel) for (const ds of parallel) all.push(...ds);
  for (const t of targets) {
    if (t.type === 'folder') {
      if (!parallel) all.push(...(await checkPlanFolderAsync(t.dir, env.cwd)).diagnostics);
      plans++;
      progress?.update(PROGRESS_LABELS[env.lang].checking, plans, folders.length);
    } else {
      // A lone file is rare: its parser and rules are imported only for it.
      const { loadLoneFile, checkLoneFile }: typeof import('../../load/check-bundle.js') = __CCHC_BUNDLED__
        ? requireBundle('check')
        : await import('../../load/check-bundle.js');
      const { source, diagnostics: ds } = loadLoneFile(t.file, env.cwd);
      all.push(...ds);
      if (source) all.push(...checkLoneFile(source));
      files++;
    }
  }
  progress?.end();
  all.sort(compareDiagnostics);

  switch (opts.format) {
    case 'json':
      write(JSON.stringify(all.map((d) => diagnosticAsJson(d, env.lang)), null, 2));
      break;
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
  if (all.some((d) => codeInfo(d.code)?.io)) return EXIT.usage;
  if (all.some((d) => d.severity === 'error' || (opts.strict && d.severity === 'warning'))) return EXIT.findings;
  return EXIT.ok;
}
