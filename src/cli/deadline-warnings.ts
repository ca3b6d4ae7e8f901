/**
 * task/deadline-unresolved: a free-text deadline that names no date ("Khi có hướng dẫn của
 * tỉnh") and has no `due:` falls due on 31/12, which the clerk should know and can fix.
 * Located in tasks.yaml, only when there is such a task: as this run parsed it for checking
 * when the run remembers its inputs (load/run-inputs.ts), else read again for positions only
 * (one js-yaml pass with its listener for a plain file, yaml/spans.ts), each task found by its
 * number once. The result is kept in the result cache (load/cache.ts), keyed by the text of
 * tasks.yaml, the year and the tasks, so a warm `cchc status` reads no YAML at all.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cachedSource, diagnosticAt, locateSpan, normalizeText, parseSource, positionOf, type SourceFile } from '../yaml/source.js';
import { recalledSource } from '../load/run-inputs.js';
import { displayPath, planFileText } from '../load/plan-texts.js';
import { cacheGet, cacheKey, cachePut } from '../load/cache.js';
import { cacheDir } from '../load/cache-dir.js';
import { isDiagnosticList } from '../load/index.js';

export async function unresolvedDeadlineDiagnostics(
  planDir: string,
  cwd: string,
  year: number,
  tasks: ReadonlyArray<{ no: number; deadline: string }>,
): Promise<Diagnostic[]> {
  if (tasks.length === 0) return [];
  const dir = path.resolve(cwd, planDir);
  const shown = displayPath(path.join(dir, 'tasks.yaml'), cwd);
  // The text checked, when this run remembers its inputs (load/run-inputs.ts).
  const text = planFileText(dir, cwd, 'tasks.yaml');
  if (text === undefined) return [];
  const key =
    cacheDir() === undefined
      ? undefined
      : cacheKey(['task/deadline-unresolved', shown, text, String(year), ...tasks.flatMap((t) => [String(t.no), t.deadline])]);
  const hit = key === undefined ? undefined : cacheGet(key, isDiagnosticList);
  if (hit) return hit;
  // Positions only: the plan's data came from the checked (often cached) plan. The file
  // this run parsed for checking, if it did (load/run-inputs.ts), knows them already.
  const source = recalledSource(shown, normalizeText(text)) ?? cachedSource(shown, text, undefined);
  const indexOf = taskIndexes(source);
  const found = tasks.map((t) => {
    const i = indexOf.get(t.no);
    const pos = i === undefined ? { line: 0, column: 0 } : positionOf(source, ['tasks', i, 'deadline']);
    return diagnosticAt(source, pos, 'task/deadline-unresolved', { no: t.no, deadline: t.deadline, year });
  });
  if (key !== undefined) cachePut(key, found);
  return found;
}

/** Where each task number first stands in tasks.yaml: read off the spans, else off the data. */
function taskIndexes(source: SourceFile): Map<number, number> {
  const byNo = new Map<number, number>();
  const items = locateSpan(source, ['tasks']).node?.items;
  const numbers = items
    ? items.map((it) => {
        const v = it.pairs?.get('no')?.value;
        return v && v.style === 'PLAIN' ? Number(source.text.slice(v.start, v.end)) : undefined;
      })
    : ((parseSource(source.path, source.text).data as { tasks?: Array<{ no?: unknown }> } | undefined)?.tasks ?? []).map((x) => x?.no);
  numbers.forEach((no, i) => {
    if (typeof no === 'number' && !byNo.has(no)) byNo.set(no, i);
  });
  return byNo;
}
