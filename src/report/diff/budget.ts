/**
 * Budget entries of the plan diff: lines matched by content (same, then similar), their
 * changes, and the total as the sum of the lines. Pure.
 */
import type { BudgetLine, Plan } from '../../model/plan.js';
import { dong, sumDong } from '../../model/money.js';
import { SIMILARITY_THRESHOLD, matchByKey, matchSimilar, type Matched } from './match.js';
import { normalizeText, push, textChange, valueChange } from './words.js';
import type { Change, LineChange, LineRef, PlanDiff } from './types.js';

function quantityText(l: BudgetLine): string | null {
  return l.quantityText ?? (l.quantity !== undefined ? String(l.quantity) : null);
}

function percentText(l: BudgetLine): string | null {
  return l.percentOf ? `${l.percentOf.percent}% ${l.percentOf.base}` : null;
}

function lineChanges(a: BudgetLine, b: BudgetLine): Change[] {
  const changes: Change[] = [];
  push(changes, textChange('content', a.content, b.content));
  push(changes, valueChange('unit', a.unit, b.unit));
  const qa = quantityText(a);
  const qb = quantityText(b);
  if (qa !== qb || a.quantity !== b.quantity) changes.push({ field: 'quantity', before: qa, after: qb });
  if (a.rate !== b.rate) changes.push({ field: 'rate', before: a.rate !== undefined ? dong(a.rate) : null, after: b.rate !== undefined ? dong(b.rate) : null });
  push(changes, valueChange('percentOf', percentText(a), percentText(b)));
  if (a.amount !== b.amount) changes.push({ field: 'amount', before: dong(a.amount), after: dong(b.amount), delta: dong(b.amount) - dong(a.amount) });
  return changes;
}

export function diffBudget(pa: Plan, pb: Plan): PlanDiff['budget'] {
  const as = pa.budget.lines as readonly BudgetLine[];
  const bs = pb.budget.lines as readonly BudgetLine[];
  const freeA = new Set(as.keys());
  const freeB = new Set(bs.keys());
  const pairs: Matched<BudgetLine>[] = [];
  matchByKey(as, bs, freeA, freeB, (l) => normalizeText(l.content), 'title', pairs);
  const restA = [...freeA].map((i) => ({ index: i, key: as[i]!.content }));
  const restB = [...freeB].map((i) => ({ index: i, key: bs[i]!.content }));
  for (const [ai, bi] of matchSimilar(restA, restB, SIMILARITY_THRESHOLD)) {
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'similar' });
  }
  pairs.sort((p, q) => p.b.no - q.b.no);
  const changed: LineChange[] = [];
  for (const p of pairs) {
    const changes = lineChanges(p.a, p.b);
    if (changes.length > 0 || p.a.no !== p.b.no) changed.push({ before: { no: p.a.no }, after: { no: p.b.no }, content: p.b.content, changes });
  }
  const ref = (l: BudgetLine): LineRef => ({ no: l.no, content: l.content, amount: dong(l.amount) });
  // The total is the sum of the lines: what the plan spends, whatever the declared figure says.
  const before = sumDong(as.map((l) => dong(l.amount)));
  const after = sumDong(bs.map((l) => dong(l.amount)));
  return {
    added: [...freeB].sort((x, y) => x - y).map((i) => ref(bs[i]!)),
    removed: [...freeA].sort((x, y) => x - y).map((i) => ref(as[i]!)),
    changed,
    total: { before, after, delta: after - before },
    totalInWords: pa.budget.totalInWords !== pb.budget.totalInWords ? { before: pa.budget.totalInWords, after: pb.budget.totalInWords } : null,
    // A declared total edited on its own (the change that breaks a budget) is a difference too.
    declaredTotal: pa.budget.total !== pb.budget.total ? { before: pa.budget.total, after: pb.budget.total } : null,
  };
}
