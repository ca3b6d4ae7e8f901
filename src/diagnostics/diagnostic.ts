/**
 * A finding is data, not an exception: checks return these, renderers print them.
 * Positions are 1-based; `line: 0` means the finding concerns a whole file or path.
 */
export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends Position {
  /** Stable code such as `task/unknown-unit`; documented in the README. */
  code: string;
  severity: Severity;
  /** The file as the user named it (relative to the working folder where possible). */
  file: string;
  /** Parameters for the localized message (see codes.ts). */
  params: Record<string, string | number>;
  /** The source line the position points into, for the excerpt with a caret. */
  excerpt?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function countBySeverity(ds: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of ds) d.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
