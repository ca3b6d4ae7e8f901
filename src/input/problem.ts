/**
 * What a reader says when it refuses a value: a message id and its values, worded in
 * Vietnamese or English at the edge (record's flags, import's cells). Readers never throw.
 */
import type { Lang } from '../diagnostics/codes.js';
import { INPUT } from '../i18n/input.js';

export type InputProblemId =
  | 'empty'
  | 'not-number'
  | 'ambiguous-number'
  | 'fraction-not-allowed'
  | 'negative'
  | 'too-large'
  | 'percent-range'
  | 'not-date'
  | 'no-such-date'
  | 'status'
  | 'assessment';

export interface InputProblem {
  id: InputProblemId;
  /** The value as typed (or as the cell held it). */
  actual: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

export function accept<T>(value: T): Read<T> {
  return { ok: true, value };
}

export function refuse<T>(id: InputProblemId, actual: unknown): Read<T> {
  return { ok: false, problem: { id, actual: String(actual) } };
}

export function problemMessage(p: InputProblem, lang: Lang): string {
  const messages: Record<InputProblemId, (a: string) => string> = INPUT.problem[lang];
  return messages[p.id](p.actual);
}
