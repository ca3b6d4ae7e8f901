/**
 * Where `cchc doc` and `cchc report` write, and how: the --out check before any work, and an
 * atomic write (a temporary file beside the target, flushed, then renamed), so a failure
 * never leaves half a document and an interrupt is handled only once the rename is done.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { formatInt, type Lang } from '../../i18n/format.js';
import { UsageError } from '../../errors.js';
import { CLI } from '../../i18n/cli.js';
import { writeOutputFile } from '../io.js';

const MSG = CLI.docxOut;

/** --out must name a .docx file; checked before the plan is loaded. */
export function checkOutName(out: string | undefined, example: string, lang: Lang): void {
  if (out !== undefined && path.extname(out).toLowerCase() !== '.docx') throw new UsageError(MSG[lang].notDocx(out), MSG[lang].notDocxHint(example));
}

/** Refuse a target that cannot be written, before any work is done. */
export function checkTarget(file: string, shown: string, lang: Lang): void {
  const M = MSG[lang];
  let st;
  try {
    st = statSync(path.dirname(file));
  } catch {
    throw new UsageError(M.noDir(path.dirname(shown) || '.'), M.noDirHint);
  }
  if (!st.isDirectory()) throw new UsageError(M.notDir(path.dirname(shown)), M.noDirHint);
  let target;
  try {
    target = statSync(file);
  } catch {
    return; // not there yet: the usual case
  }
  if (target.isDirectory()) throw new UsageError(M.isDir(shown), M.isDirHint);
}

function ioMessage(err: unknown, shown: string, lang: Lang): UsageError {
  const M = MSG[lang];
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UsageError(M.denied(shown), M.deniedHint);
    case 'ENOENT':
      return new UsageError(M.noDir(path.dirname(shown) || '.'), M.noDirHint);
    case 'ENOTDIR':
      return new UsageError(M.notDir(path.dirname(shown)), M.noDirHint);
    case 'EISDIR':
      return new UsageError(M.isDir(shown), M.isDirHint);
    default:
      return new UsageError(M.failed(shown, e?.code ?? String(e?.message ?? err)));
  }
}

/** Write the document atomically; an interrupt meanwhile takes effect after the rename. */
export function writeDocument(file: string, shown: string, bytes: Uint8Array, lang: Lang): void {
  writeOutputFile(file, bytes, (err) => ioMessage(err, shown, lang));
}

export function humanSize(n: number, lang: Lang): string {
  if (n < 1024) return `${n} B`;
  return `${formatInt(Math.round(n / 1024), lang)} KB`;
}
