/**
 * cchc fmt --nfc [PATH...]: rewrite plan files in Unicode NFC, the form every Vietnamese
 * keyboard on Windows produces and the one cchc compares in. A file saved on macOS (NFD)
 * gets one `text/not-nfc` warning; this fixes it.
 *
 * The whole text is normalised as text, not parsed and re-serialised: YAML's syntax is
 * ASCII, which NFC never changes, so comments, quoting, key order, indentation, line ends
 * and a byte-order mark stay exactly as they were, and only the decomposed letters change.
 * A file already in NFC is not written at all (byte-identical, same modification time).
 * Each rewrite is atomic (a temporary file beside it, renamed over it) and keeps the file's
 * permissions. `--check` writes nothing and exits 1 when a file would change.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { writeFileAtomic } from '../../edit/write.js';
import path from 'node:path';
import { discoverPlans } from '../../load/discover.js';
import { resolveTargets, displayPath, PROGRESS_DIR } from '../../load/plan-texts.js';
import { MAX_FILE_BYTES } from '../../load/read.js';
import { messageOf } from '../../diagnostics/codes.js';
import { makeEnv, write, writeErr, type Env, type GlobalOptions } from '../io.js';
import { outputFormat, writeJson } from '../json-out.js';
import { EXIT, UsageError, usage } from '../../errors.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  nfc?: boolean;
  check?: boolean;
}

const MSG = CLI.fmt;

type Messages = (typeof MSG)['vi'];

/** The YAML files of a plan folder: the folder's own and progress/. */
function planYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const add = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names.sort()) if (/\.ya?ml$/.test(n)) out.push(path.join(d, n));
  };
  add(dir);
  add(path.join(dir, PROGRESS_DIR));
  return out;
}

/** The text in NFC and how many of its lines that changes; undefined when already NFC. */
export function nfcRewrite(text: string): { text: string; lines: number } | undefined {
  const nfc = text.normalize('NFC');
  if (nfc === text) return undefined;
  const a = text.split('\n');
  const b = nfc.split('\n');
  // NFC never adds or removes a line break, so the lines pair up one to one.
  let lines = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) lines++;
  return { text: nfc, lines };
}

type FileResult = { kind: 'same' } | { kind: 'changed'; lines: number } | { kind: 'failed'; message: string };

/** Read one file and, unless `check`, rewrite it in NFC. Never follows a link or opens a FIFO. */
function nfcFile(file: string, shown: string, check: boolean, M: Messages): FileResult {
  let st;
  try {
    st = lstatSync(file);
  } catch (err) {
    return { kind: 'failed', message: M.ioFail(shown, (err as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  // Rewriting through a link would edit another file.
  if (!st.isFile()) return { kind: 'failed', message: M.notRegular(shown) };
  if (st.size > MAX_FILE_BYTES) return { kind: 'failed', message: M.tooLarge(shown) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  } catch {
    return { kind: 'failed', message: M.notUtf8(shown) };
  }
  const r = nfcRewrite(text);
  if (!r) return { kind: 'same' };
  if (check) return { kind: 'changed', lines: r.lines };
  try {
    writeFileAtomic(file, Buffer.from(r.text, 'utf8')); // keeps the file's mode
  } catch (err) {
    return { kind: 'failed', message: M.ioFail(shown, (err as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  return { kind: 'changed', lines: r.lines };
}

/** The files PATH... names; none: the plans of the repository or plan folder the working folder is in. */
function filesOf(paths: string[], env: Env): string[] | undefined {
  if (paths.length === 0) {
    const found = discoverPlans(env.cwd);
    if (!found) throw usage('noPlan', { cwd: env.cwd });
    paths = [path.relative(env.cwd, found.kind === 'plan' ? found.dir : found.plansDir) || '.'];
  }
  const { targets, diagnostics } = resolveTargets(paths, env.cwd);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) writeErr(`cchc: ${d.file}: ${messageOf(d.code, d.params, env.lang)}`);
    return undefined;
  }
  return targets.flatMap((t) => (t.type === 'folder' ? planYamlFiles(t.dir) : [t.file]));
}

export async function run(paths: string[], opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'fmt');
  const M = MSG[env.lang];
  if (!opts.nfc) throw new UsageError(M.needNfc, M.needNfcHint(paths.map((p) => ` ${/[\s'"]/.test(p) ? JSON.stringify(p) : p}`).join('')));
  const files = filesOf(paths, env);
  if (!files) return EXIT.usage;
  const check = opts.check === true;
  const changed: Array<{ file: string; lines: number }> = [];
  const failed: Array<{ file: string; message: string }> = [];
  for (const file of files) {
    const shown = displayPath(file, env.cwd);
    const r = nfcFile(file, shown, check, M);
    if (r.kind === 'changed') changed.push({ file: shown, lines: r.lines });
    if (r.kind === 'failed') {
      failed.push({ file: shown, message: r.message });
      writeErr(`cchc: ${r.message}`);
    }
  }
  const exit = failed.length > 0 ? EXIT.usage : check && changed.length > 0 ? EXIT.findings : EXIT.ok;
  if (json) {
    writeJson('fmt', exit === EXIT.ok, { check, total: files.length, changed, failed });
    return exit;
  }
  const lines = changed.map((c) => (check ? M.wouldChange(c.file, c.lines) : M.changed(c.file, c.lines)));
  lines.push(check ? M.summaryCheck(changed.length, files.length) : M.summary(changed.length, files.length));
  write(lines.join('\n'));
  return exit;
}
