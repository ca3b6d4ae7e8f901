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
import { formatInt } from '../../i18n/format.js';
import { makeEnv, write, writeErr, type GlobalOptions } from '../io.js';
import { EXIT, UsageError, usage } from '../../errors.js';

interface Options extends GlobalOptions {
  nfc?: boolean;
  check?: boolean;
}

const MSG = {
  vi: {
    needNfc: 'cchc fmt cần --nfc (hiện chỉ có chuẩn hoá Unicode NFC)',
    needNfcHint: 'cchc fmt --nfc plans/2024',
    changed: (f: string, n: number) => `  ~ ${f}: chuẩn hoá NFC ${formatInt(n, 'vi')} dòng`,
    wouldChange: (f: string, n: number) => `  ~ ${f}: chưa ở dạng NFC (${formatInt(n, 'vi')} dòng)`,
    summary: (changed: number, total: number) => `Đã chuẩn hoá ${formatInt(changed, 'vi')}/${formatInt(total, 'vi')} tệp sang NFC.`,
    summaryCheck: (changed: number, total: number) =>
      changed ? `${formatInt(changed, 'vi')}/${formatInt(total, 'vi')} tệp chưa ở dạng NFC; chạy: cchc fmt --nfc` : `Cả ${formatInt(total, 'vi')} tệp đã ở dạng NFC.`,
    notRegular: (f: string) => `${f}: không phải tệp thường (liên kết, thiết bị…); bỏ qua`,
    tooLarge: (f: string) => `${f}: tệp quá lớn; bỏ qua`,
    notUtf8: (f: string) => `${f}: không phải UTF-8; bỏ qua`,
    ioFail: (f: string, code: string) => `${f}: không ghi được (${code}); tệp giữ nguyên`,
  },
  en: {
    needNfc: 'cchc fmt needs --nfc (Unicode NFC is the only formatting it does)',
    needNfcHint: 'cchc fmt --nfc plans/2024',
    changed: (f: string, n: number) => `  ~ ${f}: ${formatInt(n, 'en')} line${n === 1 ? '' : 's'} normalised to NFC`,
    wouldChange: (f: string, n: number) => `  ~ ${f}: not in NFC (${formatInt(n, 'en')} line${n === 1 ? '' : 's'})`,
    summary: (changed: number, total: number) => `Normalised ${formatInt(changed, 'en')} of ${formatInt(total, 'en')} files to NFC.`,
    summaryCheck: (changed: number, total: number) =>
      changed ? `${formatInt(changed, 'en')} of ${formatInt(total, 'en')} files are not in NFC; run: cchc fmt --nfc` : `All ${formatInt(total, 'en')} files are in NFC.`,
    notRegular: (f: string) => `${f}: not a regular file (a link, a device…); skipped`,
    tooLarge: (f: string) => `${f}: file too large; skipped`,
    notUtf8: (f: string) => `${f}: not UTF-8; skipped`,
    ioFail: (f: string, code: string) => `${f}: could not be written (${code}); left as it was`,
  },
};

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

/** Replace `file` by `bytes` atomically, keeping its permissions. */
export async function run(paths: string[], opts: Options): Promise<number> {
  const env = makeEnv(opts);
  const M = MSG[env.lang];
  if (!opts.nfc) throw new UsageError(M.needNfc, M.needNfcHint);
  if (paths.length === 0) {
    const found = discoverPlans(env.cwd);
    if (!found) throw usage('noPlan', { cwd: env.cwd });
    paths = [path.relative(env.cwd, found.kind === 'plan' ? found.dir : found.plansDir) || '.'];
  }
  const { targets, diagnostics } = resolveTargets(paths, env.cwd);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) writeErr(`cchc: ${d.file}: ${messageOf(d.code, d.params, env.lang)}`);
    return EXIT.usage;
  }
  const files = targets.flatMap((t) => (t.type === 'folder' ? planYamlFiles(t.dir) : [t.file]));
  let changed = 0;
  let failed = false;
  const lines: string[] = [];
  for (const file of files) {
    const shown = displayPath(file, env.cwd);
    let st;
    try {
      st = lstatSync(file);
    } catch (err) {
      writeErr(`cchc: ${M.ioFail(shown, (err as NodeJS.ErrnoException).code ?? 'EIO')}`);
      failed = true;
      continue;
    }
    // Never follow a link or open a FIFO: rewriting through a link would edit another file.
    if (!st.isFile()) {
      writeErr(`cchc: ${M.notRegular(shown)}`);
      failed = true;
      continue;
    }
    if (st.size > MAX_FILE_BYTES) {
      writeErr(`cchc: ${M.tooLarge(shown)}`);
      failed = true;
      continue;
    }
    const bytes = readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      writeErr(`cchc: ${M.notUtf8(shown)}`);
      failed = true;
      continue;
    }
    const r = nfcRewrite(text);
    if (!r) continue;
    changed++;
    if (opts.check) {
      lines.push(M.wouldChange(shown, r.lines));
      continue;
    }
    try {
      writeFileAtomic(file, Buffer.from(r.text, 'utf8')); // keeps the file's mode
    } catch (err) {
      writeErr(`cchc: ${M.ioFail(shown, (err as NodeJS.ErrnoException).code ?? 'EIO')}`);
      failed = true;
      changed--;
      continue;
    }
    lines.push(M.changed(shown, r.lines));
  }
  lines.push(opts.check ? M.summaryCheck(changed, files.length) : M.summary(changed, files.length));
  write(lines.join('\n'));
  if (failed) return EXIT.usage;
  return opts.check && changed > 0 ? EXIT.findings : EXIT.ok;
}
