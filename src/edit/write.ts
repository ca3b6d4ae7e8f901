/**
 * Atomic writes, the one way every command writes a file: a temporary file in the same
 * folder, then a rename, so a reader never sees half a file.
 */
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { usage } from '../errors.js';
import { tempName } from '../load/temp-name.js';

export function writeAtomic(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, Buffer.from(text, 'utf8'));
  } catch (err) {
    throw usage('cannotWrite', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
}

/**
 * Write bytes to `file` atomically: a hidden temporary file in the same folder (so the
 * rename stays on one file system), flushed, then renamed over the target. On any failure
 * the temporary file is removed and the target is left as it was.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const tmp = tempName(file, true);
  let fd: number | undefined;
  // Overwriting keeps the file's permissions (a shared folder's group-writable report).
  let mode = 0o644;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    /* a new file */
  }
  let created = false;
  try {
    fd = openSync(tmp, 'wx', mode);
    created = true;
    fchmodSync(fd, mode);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    // Only a file this call created: a name taken (EEXIST) is another writer's.
    if (created) rmSync(tmp, { force: true });
    throw err;
  }
}
