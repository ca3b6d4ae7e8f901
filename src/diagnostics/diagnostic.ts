/**
 * A finding is data, not an exception: checks return these, renderers print them.
 * Positions are 1-based; `line: 0` means the finding concerns a whole file or path.
 */
import { CODES, type Code, type CodeInfo, type Params, type ParamsOf, type Severity } from './codes.js';

export type { Code, Params, ParamsOf, Severity };

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends Position {
  /** Stable code such as `task/unknown-unit`, a key of CODES; listed in docs/codes.md. */
  code: Code;
  /** Always the catalogue's severity for the code (makeDiagnostic). */
  severity: Severity;
  /** The file as the user named it (relative to the working folder where possible). */
  file: string;
  /** Parameters for the localized message (see codes.ts). */
  params: Params;
  /** The source line the position points into, for the excerpt with a caret. */
  excerpt?: string;
}

/** The whole file or path, not a place in it. */
export const WHOLE_FILE: Position = { line: 0, column: 0 };

/**
 * The one constructor of a finding: the code picks the severity, and the params must name
 * every placeholder of the code's messages (ParamsOf).
 */
export function makeDiagnostic<C extends Code>(code: C, file: string, pos: Position, params: ParamsOf<C>, excerpt?: string): Diagnostic {
  const info: CodeInfo = CODES[code];
  const d: Diagnostic = { code, severity: info.severity, file, ...pos, params: params as Params };
  if (excerpt !== undefined) d.excerpt = excerpt;
  return d;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function countBySeverity(ds: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of ds) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
