/**
 * cchc init [DIR]: a new plan repository — plans/<year>/ with minimal valid files whose
 * `$schema` comments resolve (the schemas are copied beside them), a CI workflow that
 * validates on every push and pull request, a pre-commit configuration, and a README for
 * the clerk. Never overwrites: an existing file is left as it is and reported. The files and
 * the writing are in src/scaffold/init.ts; this command checks its arguments and prints.
 *
 * The workflow installs exactly the cchc that ran init: by default a tarball of it packed
 * into .cchc/ of the new repository (no registry, no host, no build step), checked by its
 * SHA-256; --package names another source (a fork's release, an internal mirror). See
 * docs/install.md.
 */
import path from 'node:path';
import { makeEnv, write, type GlobalOptions } from '../io.js';
import { usage, EXIT } from '../../errors.js';
import { VERSION } from '../version.js';
import { checkInitTarget, repositoryFiles, writeNewFiles } from '../../scaffold/init.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  year?: string;
  agency?: string;
  /** Install source written into the workflow instead of a vendored tarball. */
  package?: string;
  sha256?: string;
}

export async function run(dirArg: string, opts: Options): Promise<number> {
  const env = makeEnv(opts);
  const year = opts.year === undefined ? env.now.getFullYear() : Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw usage('yearRange', { value: String(opts.year), flag: '--year' });
  }
  if (opts.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(opts.sha256)) {
    throw usage('badSha256', { value: opts.sha256 });
  }
  const root = path.resolve(env.cwd, dirArg);
  const shown = { dir: dirArg, cwd: env.cwd };
  checkInitTarget(root, year, shown);
  const files = repositoryFiles(root, {
    year,
    agency: opts.agency ?? CLI.init[env.lang].defaultAgency,
    package: opts.package,
    sha256: opts.sha256,
    version: VERSION,
  });
  const { created, kept } = writeNewFiles(root, files, shown);
  const c = env.chalk;
  const where = path.relative(env.cwd, root) || '.';
  const M = CLI.init[env.lang];
  const lines = [M.created(where), ...created.map((f) => `  ${c.green('+')} ${f}`), ...kept.map((f) => `  ${c.yellow('=')} ${M.kept(f)}`), '', M.next(year)];
  write(lines.join('\n'));
  return EXIT.ok;
}
