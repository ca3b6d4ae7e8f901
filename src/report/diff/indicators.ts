/**
 * Indicator entries of the plan diff: matched by id while the text is still similar, then by
 * text, then by id alone; targets compared one by one. Pure.
 */
import type { Indicator, Plan, Target } from '../../model/plan.js';
import { SIMILARITY_THRESHOLD, matchByKey, matchSimilar, type Matched } from './match.js';
import { normalizeText, push, textChange, tokenJaccard, valueChange } from './words.js';
import type { Change, IndicatorChange, IndicatorRef, PlanDiff } from './types.js';

function targetKey(t: Target, i: number, n: number): string {
  return t.id ?? (n === 1 ? '' : `#${i + 1}`);
}

function targetText(t: Target | undefined): string | null {
  if (!t) return null;
  const cmp = t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator;
  const value = String(t.value);
  return `${cmp} ${value}${t.unit === '%' ? '%' : ` ${t.unit}`}${t.of ? ` (${t.of})` : ''}`;
}

function indicatorChanges(a: Indicator, b: Indicator): Change[] {
  const changes: Change[] = [];
  push(changes, valueChange('id', a.id, b.id));
  push(changes, valueChange('area', a.area, b.area));
  push(changes, textChange('text', a.text, b.text));
  const ta = a.targets ?? [];
  const tb = b.targets ?? [];
  const mapA = new Map(ta.map((t, i) => [targetKey(t, i, ta.length), t]));
  const mapB = new Map(tb.map((t, i) => [targetKey(t, i, tb.length), t]));
  // A lone target and a target with the indicator's own id are the same target.
  if (ta.length === 1 && tb.length === 1) {
    mapA.clear();
    mapB.clear();
    mapA.set('', ta[0]!);
    mapB.set('', tb[0]!);
  }
  const keys = [...new Set([...mapA.keys(), ...mapB.keys()])];
  for (const k of keys) {
    const x = mapA.get(k);
    const y = mapB.get(k);
    const same = x && y && x.comparator === y.comparator && x.value === y.value && x.unit === y.unit && (x.of ?? '') === (y.of ?? '');
    if (!same) changes.push({ field: k ? `target ${k}` : 'target', before: targetText(x), after: targetText(y) });
  }
  return changes;
}

export function diffIndicators(pa: Plan, pb: Plan): PlanDiff['indicators'] {
  const as = pa.indicators;
  const bs = pb.indicators;
  const freeA = new Set(as.keys());
  const freeB = new Set(bs.keys());
  const pairs: Matched<Indicator>[] = [];
  // Indicator ids are positional (3.2 = area 3, second): an id is trusted while the text is still similar.
  const byIdB = new Map(bs.map((x, i) => [x.id, i]));
  for (const ai of [...freeA]) {
    const bi = byIdB.get(as[ai]!.id);
    if (bi === undefined || !freeB.has(bi)) continue;
    if (tokenJaccard(as[ai]!.text, bs[bi]!.text) < SIMILARITY_THRESHOLD) continue;
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'id' });
  }
  matchByKey(as, bs, freeA, freeB, (x) => normalizeText(x.text), 'title', pairs);
  const restA = [...freeA].map((i) => ({ index: i, key: as[i]!.text, area: as[i]!.area }));
  const restB = [...freeB].map((i) => ({ index: i, key: bs[i]!.text, area: bs[i]!.area }));
  for (const [ai, bi] of matchSimilar(restA, restB, SIMILARITY_THRESHOLD)) {
    freeA.delete(ai);
    freeB.delete(bi);
    pairs.push({ a: as[ai]!, b: bs[bi]!, how: 'similar' });
  }
  matchByKey(as, bs, freeA, freeB, (x) => x.id, 'id', pairs);
  pairs.sort((p, q) => bs.indexOf(p.b) - bs.indexOf(q.b));
  const ref = (x: Indicator): IndicatorRef => ({ id: x.id, area: x.area, text: x.text });
  const changed: IndicatorChange[] = [];
  for (const p of pairs) {
    const changes = indicatorChanges(p.a, p.b);
    if (changes.length > 0) changed.push({ before: p.a.id, after: p.b.id, text: p.b.text, changes });
  }
  return {
    added: [...freeB].sort((x, y) => x - y).map((i) => ref(bs[i]!)),
    removed: [...freeA].sort((x, y) => x - y).map((i) => ref(as[i]!)),
    changed,
  };
}
