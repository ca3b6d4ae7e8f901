/**
 * Writing a new plan folder all at once: the files go into a temporary folder beside the
 * target, which is then renamed into place, so the folder is either complete or absent.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { usage } from '../errors.js';
import type { NewPlanResult } from './new-plan.js';

/** Refused (a usage error) when the target exists or cannot be written; nothing is left behind. */
export function writeNewPlanFolder(target: string, result: NewPlanResult): void {
  const parent = path.dirname(target);
  let tmp: string | undefined;
  try {
    mkdirSync(parent, { recursive: true });
    // Not mkdtemp: its folder is private (0700); this one gets the usual permissions.
    const name = `.cchc-new-${result.year}-${process.pid}-${randomBytes(4).toString('hex')}`;
    mkdirSync(path.join(parent, name));
    tmp = path.join(parent, name);
    for (const f of result.files) writeFileSync(path.join(tmp, f.name), f.text, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, target);
    tmp = undefined;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST' || e.code === 'ENOTEMPTY') {
      throw usage('exists', { path: target, command: 'cchc new' });
    }
    throw usage('cannotWrite', { file: target, reason: e.code ?? e.message });
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
