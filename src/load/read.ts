/**
 * The I/O shell around parseSource: reads bytes, refuses what cannot be a plan file (not a
 * regular file, a link out of the plan repository, too large, not UTF-8), and turns
 * file-system errors into io/* diagnostics (exit 2). docs/engine.md lists the caps.
 */
import { openSync, readSync, closeSync, fstatSync, lstatSync, realpathSync, statSync, constants, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { makeDiagnostic, WHOLE_FILE, type Code, type Diagnostic, type ParamsOf } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../yaml/source.js';

/** A plan file is a few hundred kilobytes; this cap leaves room for large progress logs. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { source: SourceFile; diagnostics: Diagnostic[] } | { source?: undefined; diagnostics: Diagnostic[] };

/** A finding about a whole file or folder (no line). */
export function fileDiagnostic<C extends Code>(file: string, code: C, params: ParamsOf<C>): Diagnostic {
  return makeDiagnostic(code, file, WHOLE_FILE, params);
}

export function ioDiagnostic(file: string, err: unknown): Diagnostic {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return fileDiagnostic(file, 'io/not-found', {});
  const detail =
    e?.code === 'EACCES' || e?.code === 'EPERM'
      ? '@permission-denied'
      : e?.code === 'ELOOP'
        ? '@link-loop'
        : e?.code === 'EISDIR'
          ? '@is-folder'
          : (e?.code ?? String((err as Error)?.message ?? err));
  return fileDiagnostic(file, 'io/unreadable', { detail });
}

export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostic: fileDiagnostic(file, 'file/utf16', {}) };
  }
  // Valid UTF-8 (every plan file but a broken one) is checked by one fast scan and decoded
  // without a decoder object; the rest is located below.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // As TextDecoder does, a byte-order mark is not part of the text.
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // Locate the bad byte by line and column of the valid text before it.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    const d = fileDiagnostic(file, 'file/encoding', { offset });
    d.line = lines.length;
    d.column = (lines[lines.length - 1] ?? '').length + 1;
    // The line as far as it can be read, with the bad byte shown as U+FFFD.
    const rest = new TextDecoder('utf-8').decode(bytes.subarray(offset, offset + 200));
    d.excerpt = (lines[lines.length - 1] ?? '') + rest.split('\n')[0]!.replace(/\r$/, '');
    return { diagnostic: d };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** What a non-regular file is, for the message. */
function fileType(st: Stats): string {
  return st.isDirectory()
    ? 'folder'
    : st.isFIFO()
      ? 'FIFO'
      : st.isSocket()
        ? 'socket'
        : st.isCharacterDevice() || st.isBlockDevice()
          ? 'device'
          : 'special file';
}

/**
 * What a run learns about folders, shared by the plan folders it reads (a `validate` of
 * thousands of folders under one parent): the real path of each folder, and the nearest
 * folder at or above it holding a `.git`. Only folders are remembered, never files, and
 * only for one run: a fresh memo for each command.
 */
export interface PathMemo {
  real: Map<string, string>;
  git: Map<string, string | null>;
}

export function newPathMemo(): PathMemo {
  return { real: new Map(), git: new Map() };
}

/**
 * The real path of the absolute folder `dir`, as realpath(3) gives it, from its parent's:
 * one lstat per folder instead of one readlink per component of every file's path. Throws
 * as realpath does when the folder cannot be reached.
 */
export function realFolder(dir: string, memo: PathMemo): string {
  const known = memo.real.get(dir);
  if (known !== undefined) return known;
  const up = path.dirname(dir);
  const real = up === dir || lstatSync(dir).isSymbolicLink() ? realpathSync.native(dir) : path.join(realFolder(up, memo), path.basename(dir));
  memo.real.set(dir, real);
  return real;
}

/** The nearest folder at or above the absolute `dir` that holds a `.git`, or null. */
function gitTop(dir: string, memo: PathMemo): string | null {
  const known = memo.git.get(dir);
  if (known !== undefined) return known;
  let top: string | null;
  let here: boolean;
  try {
    // No exception for the common answer (no .git here): building one costs more than the call.
    here = lstatSync(path.join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
  } catch {
    here = false;
  }
  if (here) top = dir;
  else {
    const up = path.dirname(dir);
    top = up === dir ? null : gitTop(up, memo);
  }
  memo.git.set(dir, top);
  return top;
}

/**
 * The plan repository holding `dir`: the nearest folder at or above it with a `.git`, else
 * the folder itself; as a real path. A plan file may be a symbolic link only to a file
 * inside it.
 */
export function repositoryRoot(dir: string, memo: PathMemo = newPathMemo()): string {
  const start = path.resolve(dir);
  const cur = gitTop(start, memo) ?? start;
  try {
    return realFolder(cur, memo);
  } catch {
    return cur;
  }
}

/** A finding when the real path `real` of `file` lies outside `root`. */
function outsideAt(real: string, root: string, displayPath: string): Diagnostic | undefined {
  const rel = path.relative(root, real);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return undefined;
  return fileDiagnostic(displayPath, 'file/outside-repository', { root });
}

/** A finding when `file` is a symbolic link (or inside a linked folder) that leads out of `root`. */
export function outsideRoot(file: string, root: string, displayPath: string): Diagnostic | undefined {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return undefined; // reading reports it
  }
  return outsideAt(real, root, displayPath);
}

/**
 * The file's status (following a link) and, when `root` is given, a finding if it leads out
 * of the plan repository. A file that is not itself a link (every file of a common plan)
 * costs one lstat: its real path is its folder's (memo) and its name.
 */
function statInside(file: string, displayPath: string, root: string | undefined, memo: PathMemo | undefined): { st?: Stats; outside?: Diagnostic } {
  if (root !== undefined && memo !== undefined) {
    const lst = lstatSync(file, { throwIfNoEntry: false });
    // A missing file (references.yaml in most plans) without building an exception.
    if (lst === undefined) return { st: undefined };
    if (!lst.isSymbolicLink()) {
      let real: string | undefined;
      try {
        real = path.join(realFolder(path.dirname(file), memo), path.basename(file));
      } catch {
        real = undefined; // reading reports it
      }
      return { st: lst, outside: lst.isFile() && real !== undefined ? outsideAt(real, root, displayPath) : undefined };
    }
  }
  const st = statSync(file);
  return { st, outside: root !== undefined && st.isFile() ? outsideRoot(file, root, displayPath) : undefined };
}

/**
 * Read one file as text (size cap, UTF-8 only). Never throws for bad input, and never
 * blocks: what is not a regular file (a FIFO, a socket, a device) is refused before it is
 * opened, and opened without blocking in case it changed meanwhile. `root`, when given, is
 * the plan repository the file must resolve into; `memo`, when given with it, the folders
 * this run has already resolved.
 */
export function readText(file: string, displayPath = file, root?: string, memo?: PathMemo): { text?: string; diagnostics: Diagnostic[]; size?: number } {
  let st: Stats | undefined;
  let outside: Diagnostic | undefined;
  try {
    ({ st, outside } = statInside(file, displayPath, root, memo));
  } catch (err) {
    return { diagnostics: [ioDiagnostic(displayPath, err)] };
  }
  if (st === undefined) return { diagnostics: [fileDiagnostic(displayPath, 'io/not-found', {})] };
  if (st.isDirectory()) return { diagnostics: [fileDiagnostic(displayPath, 'io/unreadable', { detail: '@is-folder' })] };
  if (!st.isFile()) return { diagnostics: [fileDiagnostic(displayPath, 'file/not-regular', { kind: fileType(st) })] };
  if (outside) return { diagnostics: [outside] };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { diagnostics: [ioDiagnostic(displayPath, err)] };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { diagnostics: [fileDiagnostic(displayPath, 'file/not-regular', { kind: fileType(st) })] };
    if (st.size > MAX_FILE_BYTES) {
      return { diagnostics: [fileDiagnostic(displayPath, 'file/too-large', { size: st.size, max: MAX_FILE_BYTES })] };
    }
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    const { text, diagnostic } = decodeUtf8(displayPath, bytes.subarray(0, off));
    return diagnostic ? { diagnostics: [diagnostic] } : { text, diagnostics: [], size: off };
  } catch (err) {
    return { diagnostics: [ioDiagnostic(displayPath, err)] };
  } finally {
    closeSync(fd);
  }
}
