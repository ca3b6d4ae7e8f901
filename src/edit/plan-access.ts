/**
 * How record, form and import load a plan, in one place. Today it is the shared checked
 * loader (src/cli/plan-loader.ts); when src/load gains loadPlan(dir, options) this is the
 * one function to switch. `checkPlanWith` checks the plan as it would be with some files
 * replaced or added, in memory, before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolderTexts } from '../load/plan-folder.js';
import type { PlanCheck } from '../check/index.js';
import { displayPath, readPlanFolder } from '../load/plan-texts.js';

export interface FileText {
  /** Absolute path. */
  file: string;
  text: string;
}

/** Check the plan in `dir` with these files' texts in place of (or beside) what is on disk. */
export async function checkPlanWith(dir: string, cwd: string, changed: readonly FileText[]): Promise<PlanCheck> {
  const read = readPlanFolder(dir, cwd);
  const texts = [...read.texts];
  for (const c of changed) {
    const shown = displayPath(c.file, cwd);
    const i = texts.findIndex((t) => t.path === shown);
    if (i >= 0) texts[i] = { ...texts[i]!, text: c.text };
    else {
      // Where reading the folder would put it (progress files sorted by name), so that the
      // result is stored under the key the next command computes: it starts warm.
      const n = texts.findIndex((t) => t.kind === 'progress' && path.basename(t.path) > path.basename(shown));
      texts.splice(n < 0 ? texts.length : n, 0, { kind: 'progress', path: shown, text: c.text });
    }
  }
  return checkFolderTexts({ ...read, texts });
}

/**
 * The `$schema` comment of a new progress file: the one its siblings carry, else the one
 * tasks.yaml carries, one folder further up.
 */
export function progressSchemaComment(planDir: string, siblings: readonly string[]): string | undefined {
  for (const f of siblings) {
    const first = safeRead(f)
      .split('\n')
      .find((l) => l.startsWith('# yaml-language-server:'));
    if (first) return first.trimEnd();
  }
  const tasks = safeRead(path.join(planDir, 'tasks.yaml'))
    .split('\n')
    .find((l) => l.startsWith('# yaml-language-server:'));
  const m = tasks ? /\$schema=(\S+)tasks\.schema\.json/.exec(tasks) : null;
  if (m) return `# yaml-language-server: $schema=../${m[1]}progress.schema.json`;
  return undefined;
}

function safeRead(f: string): string {
  try {
    return existsSync(f) ? readFileSync(f, 'utf8') : '';
  } catch {
    return '';
  }
}
