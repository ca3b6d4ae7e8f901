/**
 * `cchc diff --format json`: the computed diff as plain JSON (docs/commands.md, "cchc diff", JSON
 * fields). Money is whole đồng as a JSON number; an amount beyond 2^53 − 1, which no
 * budget reaches, is written as a string of digits so it stays exact. Values keep their
 * file form (ISO dates, `draft`/`issued`); `lang` only chooses the summary sentence.
 */
import type { Lang } from '../diagnostics/codes.js';
import { diffCounts, hasDifferences, type Change, type PlanDiff } from '../report/diff.js';
import { summaryText } from './diff-text.js';
import { moneyAsJson } from './status-json.js';

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return moneyAsJson(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = plain(x);
    return out;
  }
  return v;
}

function change(c: Change): unknown {
  return plain({ field: c.field, before: c.before, after: c.after, delta: c.delta, ids: c.ids, words: c.words });
}

export function diffAsJson(d: PlanDiff, lang: Lang): object {
  return {
    a: plain(d.a),
    b: plain(d.b),
    changed: hasDifferences(d),
    counts: diffCounts(d),
    sentence: summaryText(d, lang),
    metadata: { changes: d.metadata.changes.map(change), lists: plain(d.metadata.lists) },
    units: {
      added: plain(d.units.added),
      removed: plain(d.units.removed),
      changed: d.units.changed.map((x) => ({ id: x.id, changes: x.changes.map(change) })),
    },
    areas: {
      added: plain(d.areas.added),
      removed: plain(d.areas.removed),
      changed: d.areas.changed.map((x) => ({ id: x.id, title: x.title, changes: x.changes.map(change), lists: plain(x.lists) })),
    },
    tasks: {
      added: plain(d.tasks.added),
      removed: plain(d.tasks.removed),
      renumbered: plain(d.tasks.renumbered),
      renumberedRanges: plain(d.tasks.renumberedRanges),
      changed: d.tasks.changed.map((x) => ({ before: x.before, after: x.after, title: x.title, match: x.match, changes: x.changes.map(change) })),
      deadlinesShifted: d.tasks.deadlinesShifted,
    },
    indicators: {
      added: plain(d.indicators.added),
      removed: plain(d.indicators.removed),
      changed: d.indicators.changed.map((x) => ({ before: x.before, after: x.after, text: x.text, changes: x.changes.map(change) })),
    },
    budget: {
      added: plain(d.budget.added),
      removed: plain(d.budget.removed),
      changed: d.budget.changed.map((x) => ({ before: x.before, after: x.after, content: x.content, changes: x.changes.map(change) })),
      total: plain(d.budget.total),
      totalInWords: d.budget.totalInWords,
      declaredTotal: d.budget.declaredTotal,
    },
  };
}
