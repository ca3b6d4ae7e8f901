/**
 * Text comparison for the plan diff (../diff.ts): normalised titles, token similarity, and
 * word-level hunks for long texts changed in a few places. Pure.
 */
import type { Change, ChangeValue, ListChange, WordHunk } from './types.js';

export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:,]+$/u, '');
}

export function textTokens(s: string): string[] {
  return normalizeText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** |A ∩ B| / |A ∪ B| over the sets of normalised word tokens; 1 for two empty texts. */
export function tokenJaccard(a: string, b: string): number {
  const sa = new Set(textTokens(a));
  const sb = new Set(textTokens(b));
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}

const CONTEXT_WORDS = 3;
/** Word diffs are summarised only when at most this share of the words changed. */
const WORD_SUMMARY_MAX_SHARE = 0.6;
/** Texts shorter than this are shown whole: a summary would not be shorter. */
const WORD_SUMMARY_MIN_LENGTH = 60;

/**
 * The changed runs of words between two texts, each with a few words of context, from a
 * longest common subsequence of the words. Undefined when most of the text changed (show
 * both whole) or the texts are too long to compare word by word.
 */
export function wordHunks(before: string, after: string): WordHunk[] | undefined {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  if (a.length * b.length > 4_000_000) return undefined;
  // LCS table, suffix form: lcs[i][j] = LCS of a[i..], b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  type Op = { kind: 'same' | 'del' | 'ins'; word: string };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: 'same', word: a[i]! });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      ops.push({ kind: 'ins', word: b[j]! });
      j++;
    } else {
      ops.push({ kind: 'del', word: a[i]! });
      i++;
    }
  }
  const changed = ops.filter((o) => o.kind !== 'same').length;
  if (changed === 0) return [];
  if (changed > WORD_SUMMARY_MAX_SHARE * Math.max(a.length, b.length)) return undefined;
  const hunks: WordHunk[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === 'same') {
      k++;
      continue;
    }
    // A run of changes; two runs separated by fewer than 2 unchanged words are merged.
    const start = k;
    let end = k;
    while (end < ops.length) {
      if (ops[end]!.kind !== 'same') {
        end++;
        continue;
      }
      let n = end;
      while (n < ops.length && ops[n]!.kind === 'same') n++;
      if (n < ops.length && n - end < 2) end = n;
      else break;
    }
    const run = ops.slice(start, end);
    let from = start;
    while (from > 0 && start - from < CONTEXT_WORDS && ops[from - 1]!.kind === 'same') from--;
    const ctxB = ops.slice(from, start).map((o) => o.word);
    let to = end;
    while (to < ops.length && to - end < CONTEXT_WORDS && ops[to]!.kind === 'same') to++;
    const ctxA = ops.slice(end, to).map((o) => o.word);
    const moreBefore = from > 0;
    const moreAfter = to < ops.length;
    hunks.push({
      before: run
        .filter((o) => o.kind !== 'ins')
        .map((o) => o.word)
        .join(' '),
      after: run
        .filter((o) => o.kind !== 'del')
        .map((o) => o.word)
        .join(' '),
      contextBefore: (moreBefore ? '… ' : '') + ctxB.join(' '),
      contextAfter: ctxA.join(' ') + (moreAfter ? ' …' : ''),
    });
    k = end;
  }
  return hunks;
}

export function textChange(field: string, before: string | undefined | null, after: string | undefined | null): Change | undefined {
  const b = before ?? null;
  const a = after ?? null;
  if (b === a) return undefined;
  const c: Change = { field, before: b, after: a };
  if (b !== null && a !== null && Math.max(b.length, a.length) >= WORD_SUMMARY_MIN_LENGTH) {
    const words = wordHunks(b, a);
    if (words && words.length > 0) c.words = words;
  }
  return c;
}

export function valueChange(field: string, before: ChangeValue | undefined, after: ChangeValue | undefined): Change | undefined {
  const b = before ?? null;
  const a = after ?? null;
  return b === a ? undefined : { field, before: b, after: a };
}

export function push<T>(out: T[], x: T | undefined): void {
  if (x !== undefined) out.push(x);
}

/** Items of two lists of texts added and removed, compared after normalisation, in order. */
export function listChange(field: string, before: readonly string[] | undefined, after: readonly string[] | undefined): ListChange | undefined {
  const count = (xs: readonly string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(normalizeText(x), (m.get(normalizeText(x)) ?? 0) + 1);
    return m;
  };
  const b = before ?? [];
  const a = after ?? [];
  const inA = count(a);
  const inB = count(b);
  const removed: string[] = [];
  for (const x of b) {
    const k = normalizeText(x);
    const n = inA.get(k) ?? 0;
    if (n > 0) inA.set(k, n - 1);
    else removed.push(x);
  }
  const added: string[] = [];
  for (const x of a) {
    const k = normalizeText(x);
    const n = inB.get(k) ?? 0;
    if (n > 0) inB.set(k, n - 1);
    else added.push(x);
  }
  return added.length + removed.length > 0 ? { field, added, removed } : undefined;
}
