/**
 * What changed between two versions of a plan: a structured diff computed once from two
 * checked Plans, for the text, markdown and JSON renderers. Pure: no file system, no git.
 *
 * Identity. Tasks renumber whenever one is inserted, so a task is matched, in this order:
 *   1. by its explicit `id` (tasks with an id on both sides match only by id);
 *   2. by the same title (normalised: NFC, lower case, spaces collapsed, end punctuation
 *      dropped), pairing duplicates in order;
 *   3. by similar content: the token Jaccard similarity of the normalised titles is at
 *      least {@link SIMILARITY_THRESHOLD}; pairs inside the same area are made first, then
 *      the most similar, then the nearest in position.
 * A matched task whose number changed is renumbered, not removed and added. Budget lines
 * match by content (same, then similar); indicators by id when their text is still
 * similar, then by text, then by id alone; areas and units by id.
 */
import type { Plan } from '../model/plan.js';
import { diffBudget } from './diff/budget.js';
import { diffIndicators } from './diff/indicators.js';
import { diffAreas, diffMetadata, diffUnits } from './diff/outline.js';
import { diffTasks } from './diff/tasks.js';
import type { DiffSide, PlanDiff } from './diff/types.js';

export type * from './diff/types.js';
export { diffCounts, hasDifferences } from './diff/types.js';
export { SIMILARITY_THRESHOLD, matchTasks, type TaskMatching } from './diff/match.js';
export { listChange, normalizeText, textTokens, tokenJaccard, wordHunks } from './diff/words.js';
export { isYearShift, renumberRanges, shiftIsoDate } from './diff/tasks.js';

/** Two checked plans compared: each part by its own matching (see above). */
export function diffPlans(
  a: Plan,
  b: Plan,
  sides: { a: DiffSide; b: DiffSide } = { a: { source: 'folder', path: a.dir }, b: { source: 'folder', path: b.dir } },
): PlanDiff {
  return {
    a: { ...sides.a, year: a.meta.year },
    b: { ...sides.b, year: b.meta.year },
    appendices: { ...(b.meta.appendices ?? {}) },
    metadata: diffMetadata(a.meta, b.meta),
    units: diffUnits(a, b),
    areas: diffAreas(a, b),
    tasks: diffTasks(a, b),
    indicators: diffIndicators(a, b),
    budget: diffBudget(a, b),
  };
}
