/** Diagnostic codes of the citation checks (ref/*); merged into CODES in codes.ts. */
import type { CodeInfo } from './codes.js';

export const REF_CODES = {} as const satisfies Record<string, CodeInfo>;
