/**
 * Matching the items of two plan versions (../diff.ts explains the order: id, same title,
 * similar title). Pure.
 */
import type { Task } from '../../model/plan.js';
import { normalizeText, textTokens } from './words.js';

/** Token Jaccard similarity at or above which two titles are "the same task, reworded". */
export const SIMILARITY_THRESHOLD = 0.6;
/** Pairs considered by the similarity pass at most; beyond it only same-area pairs are tried. */
const MAX_SIMILARITY_PAIRS = 2_000_000;

export interface Matched<T> {
  a: T;
  b: T;
  how: 'id' | 'title' | 'similar';
}

interface Matchable {
  index: number;
  key: string;
  area?: number;
}

/**
 * Greedy similarity matching between the unmatched items: pairs in the same area first,
 * then by similarity, then by nearness of position.
 */
export function matchSimilar(as: Matchable[], bs: Matchable[], threshold: number, allow: (ai: number, bi: number) => boolean = () => true): [number, number][] {
  const sameAreaOnly = as.length * bs.length > MAX_SIMILARITY_PAIRS;
  const tokensB = bs.map((b) => new Set(textTokens(b.key)));
  const candidates: { ai: number; bi: number; score: number; same: boolean; dist: number }[] = [];
  as.forEach((x, ai) => {
    const ta = new Set(textTokens(x.key));
    bs.forEach((y, bi) => {
      const same = x.area !== undefined && x.area === y.area;
      if (sameAreaOnly && !same) return;
      if (!allow(x.index, y.index)) return;
      const tb = tokensB[bi]!;
      if (ta.size === 0 && tb.size === 0) return;
      let inter = 0;
      for (const t of ta) if (tb.has(t)) inter++;
      const score = inter / (ta.size + tb.size - inter);
      if (score >= threshold) candidates.push({ ai, bi, score, same, dist: Math.abs(x.index - y.index) });
    });
  });
  candidates.sort((p, q) => Number(q.same) - Number(p.same) || q.score - p.score || p.dist - q.dist || p.ai - q.ai);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (usedA.has(c.ai) || usedB.has(c.bi)) continue;
    usedA.add(c.ai);
    usedB.add(c.bi);
    out.push([as[c.ai]!.index, bs[c.bi]!.index]);
  }
  return out;
}

export function matchByKey<T>(
  as: readonly T[],
  bs: readonly T[],
  freeA: Set<number>,
  freeB: Set<number>,
  key: (t: T) => string | undefined,
  how: Matched<T>['how'],
  out: Matched<T>[],
): void {
  const queue = new Map<string, number[]>();
  for (const bi of [...freeB].sort((x, y) => x - y)) {
    const k = key(bs[bi]!);
    if (k === undefined) continue;
    const q = queue.get(k);
    if (q) q.push(bi);
    else queue.set(k, [bi]);
  }
  for (const ai of [...freeA].sort((x, y) => x - y)) {
    const k = key(as[ai]!);
    if (k === undefined) continue;
    const bi = queue.get(k)?.shift();
    if (bi === undefined) continue;
    freeA.delete(ai);
    freeB.delete(bi);
    out.push({ a: as[ai]!, b: bs[bi]!, how });
  }
}

export interface TaskMatching {
  pairs: Matched<Task>[];
  removed: Task[];
  added: Task[];
}

export function matchTasks(as: readonly Task[], bs: readonly Task[]): TaskMatching {
  const freeA = new Set(as.keys());
  const freeB = new Set(bs.keys());
  const pairs: Matched<Task>[] = [];
  matchByKey(as, bs, freeA, freeB, (t) => t.id, 'id', pairs);
  // A task that keeps an explicit id on both sides is a different task from any other id.
  const canPair = (a: Task, b: Task) => !(a.id !== undefined && b.id !== undefined && a.id !== b.id);
  const titleKey = (t: Task) => normalizeText(t.title);
  // Title pass, respecting explicit ids.
  {
    const queue = new Map<string, number[]>();
    for (const bi of [...freeB].sort((x, y) => x - y)) {
      const k = titleKey(bs[bi]!);
      const q = queue.get(k);
      if (q) q.push(bi);
      else queue.set(k, [bi]);
    }
    for (const ai of [...freeA].sort((x, y) => x - y)) {
      const q = queue.get(titleKey(as[ai]!));
      if (!q) continue;
      const pos = q.findIndex((bi) => canPair(as[ai]!, bs[bi]!));
      if (pos < 0) continue;
      const bi = q.splice(pos, 1)[0]!;
      freeA.delete(ai);
      freeB.delete(bi);
      pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'title' });
    }
  }
  const restA = [...freeA].map((i) => ({ index: i, key: as[i]!.title, area: as[i]!.area }));
  const restB = [...freeB].map((i) => ({ index: i, key: bs[i]!.title, area: bs[i]!.area }));
  for (const [ai, bi] of matchSimilar(restA, restB, SIMILARITY_THRESHOLD, (ai, bi) => canPair(as[ai]!, bs[bi]!))) {
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'similar' });
  }
  pairs.sort((p, q) => p.b.no - q.b.no);
  return {
    pairs,
    removed: [...freeA].sort((x, y) => x - y).map((i) => as[i]!),
    added: [...freeB].sort((x, y) => x - y).map((i) => bs[i]!),
  };
}
