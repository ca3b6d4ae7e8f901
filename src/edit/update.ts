/**
 * One update of a reporting period, shared by `cchc record` and `cchc import`: find the
 * progress file of the as-of date (or name a new one), edit it in memory, and check the
 * whole plan with the edit applied. Nothing is written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plan } from '../model/plan.js';
import type { IsoDate } from '../model/dates.js';
import { progressAsOf } from '../model/progress.js';
import type { PlanCheck } from '../check/index.js';
import { PROGRESS_DIR } from '../load/plan-texts.js';
import type { FieldChange, ProgressChanges } from '../input/changes.js';
import { applyProgressChanges, newProgressText, type ProgressBase } from './progress-doc.js';
import { checkPlanWith, progressSchemaComment } from './plan-access.js';

export interface PreparedUpdate {
  /** Absolute path of the progress file. */
  file: string;
  isNew: boolean;
  /** The file's text now ('' for a new file) and after the change. */
  before: string;
  after: string;
  changed: FieldChange[];
  /** The plan checked with the change; only present when something changed. */
  check?: PlanCheck;
}

/** The progress file for an as-of date: the existing one with that asOf, else progress/<date>.yaml. */
export function progressFileFor(plan: Plan, absDir: string, cwd: string, asOf: IsoDate): { file: string; isNew: boolean } {
  const existing = plan.progress.find((p) => p.asOf === asOf);
  if (existing) return { file: path.resolve(cwd, existing.file), isNew: false };
  return { file: path.join(absDir, PROGRESS_DIR, `${asOf}.yaml`), isNew: true };
}

export function baseAsOf(plan: Plan, asOf: IsoDate): ProgressBase {
  const s = progressAsOf(plan, asOf);
  const strip = <K, T>(m: ReadonlyMap<K, { record: T }>) => new Map([...m].map(([k, v]) => [k, v.record] as const));
  return {
    tasks: strip(s.tasks),
    indicators: strip(s.indicators),
    budget: strip(s.budget),
    indicatorOrder: plan.indicators.flatMap((ind) => [ind.id, ...(ind.targets ?? []).flatMap((t) => (t.id ? [t.id] : []))]),
  };
}

export async function prepareUpdate(plan: Plan, absDir: string, cwd: string, asOf: IsoDate, changes: ProgressChanges): Promise<PreparedUpdate> {
  const { file, isNew } = progressFileFor(plan, absDir, cwd, asOf);
  const before = isNew ? '' : readFileSync(file, 'utf8');
  const start = isNew
    ? newProgressText(
        asOf,
        progressSchemaComment(
          absDir,
          plan.progress.map((p) => path.resolve(cwd, p.file)),
        ),
      )
    : before;
  const { text, changed } = applyProgressChanges(start, changes, baseAsOf(plan, asOf));
  if (changed.length === 0 && !isNew) return { file, isNew, before, after: before, changed: [] };
  if (changed.length === 0) return { file, isNew, before, after: before, changed: [] };
  const check = await checkPlanWith(absDir, cwd, [{ file, text }]);
  return { file, isNew, before, after: text, changed, check };
}
