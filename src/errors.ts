/**
 * Expected failures of an invocation and the exit contract. Below every folder that may
 * raise one (load/, edit/, cli/), so loading a plan never imports the command line.
 */
import type { Lang } from './diagnostics/codes.js';
import { usageText, type UsageKey, type UsageParams, type UsageText } from './i18n/usage.js';

/**
 * Expected failures of the invocation (exit 2). Anything else reaching the top is a bug.
 * `message` is the Vietnamese text; `textIn(lang)` the text in the language of the run,
 * for an error made from the catalogue (src/i18n/usage.ts) by `usage()`.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    private readonly localised?: (lang: Lang) => UsageText,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  textIn(lang: Lang): UsageText {
    return this.localised?.(lang) ?? { message: this.message, ...(this.hint !== undefined ? { hint: this.hint } : {}) };
  }
}

/** A usage error from the catalogue: `throw usage('notPlanFolder', { path })`. */
export function usage<K extends UsageKey>(key: K, params: UsageParams<K>): UsageError {
  const vi = usageText(key, params, 'vi');
  return new UsageError(vi.message, vi.hint, (lang) => usageText(key, params, lang));
}

/** True for a UsageError, also one made by another copy of this module. */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof UsageError || (err as Error | undefined)?.name === 'UsageError';
}

/** Exit codes are a contract: 0 clean, 1 findings, 2 usage or I/O. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
