/**
 * task/deadline-unresolved: a free-text deadline that names no date ("Khi có hướng dẫn của
 * tỉnh") and has no `due:` falls due on 31/12, which the clerk should know and can fix.
 * Located in tasks.yaml; the parser is loaded only when there is such a task.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt, positionOf } from '../yaml/source.js';
import { loadLoneFile } from '../load/plan-folder.js';

export async function unresolvedDeadlineDiagnostics(
  planDir: string,
  cwd: string,
  year: number,
  tasks: ReadonlyArray<{ no: number; deadline: string }>,
): Promise<Diagnostic[]> {
  if (tasks.length === 0) return [];
  const { source } = loadLoneFile(path.resolve(cwd, planDir, 'tasks.yaml'), cwd);
  if (!source) return [];
  const list = ((source.data as { tasks?: Array<{ no?: unknown }> } | undefined)?.tasks ?? []);
  return tasks.map((t) => {
    const i = list.findIndex((x) => x?.no === t.no);
    const pos = i < 0 ? { line: 0, column: 0 } : positionOf(source, ['tasks', i, 'deadline']);
    return diagnosticAt(source, pos, 'task/deadline-unresolved', { no: t.no, deadline: t.deadline, year });
  });
}
