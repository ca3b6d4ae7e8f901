/**
 * The one machine-output shape (docs/json.md). Every command that reports takes
 * `--format json` (alias `--json`) and prints one JSON object on stdout:
 *
 *   { "format": 1, "command": "status", "ok": true, ...what the command reports }
 *
 * `format` is the version of this shape, bumped when a documented field changes meaning or
 * goes away; `ok` is true exactly when the exit code is 0. When the plan cannot be used (it
 * has errors), stdout still carries JSON: the envelope with `ok: false`, the `summary` and
 * the `diagnostics`. Usage errors (exit 2) stay on stderr as text.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { diagnosticAsJson } from '../render/diagnostics.js';
import { moneyAsJson } from '../render/status-json.js';
import type { Lang } from '../diagnostics/codes.js';
import { usage } from '../errors.js';
import { write } from './io.js';

/** The version of the JSON shape. */
const JSON_FORMAT = 1;

interface FormatOptions {
  format?: string;
  json?: boolean;
}

/** --format, with --json as its alias; `--json --format text` is a usage error. */
export function outputFormat(opts: FormatOptions): string {
  if (opts.json && opts.format !== undefined && opts.format !== 'json') throw usage('formatConflict', { format: opts.format });
  return opts.json ? 'json' : (opts.format ?? 'text');
}

/** The envelope: format, command and ok first, then the command's own fields. */
function envelope(command: string, ok: boolean, fields: object = {}): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
  delete rest.format;
  delete rest.command;
  delete rest.ok;
  return { format: JSON_FORMAT, command, ok, ...rest };
}

/** Bigints (money) as JSON numbers when exact, else as decimal strings. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? moneyAsJson(value) : value;
}

/**
 * The envelope as JSON. Most reports are JSON data already (status: render/status-json.ts)
 * and take V8's fast path; JSON.stringify refuses a bigint, and only then is the report
 * written again with the replacer, which is several times slower on a large report.
 */
export function writeJson(command: string, ok: boolean, fields: object = {}): void {
  const value = envelope(command, ok, fields);
  let text: string;
  try {
    text = JSON.stringify(value, null, 2);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    text = JSON.stringify(value, replacer, 2);
  }
  write(text);
}

/** The counts every diagnostics list carries. */
function diagnosticsSummary(ds: readonly Diagnostic[]): { errors: number; warnings: number } {
  return countBySeverity(ds);
}

/** `summary` and `diagnostics`, the fields of every envelope that reports findings. */
export function diagnosticsFields(
  ds: readonly Diagnostic[],
  lang: Lang,
): { summary: ReturnType<typeof diagnosticsSummary>; diagnostics: ReturnType<typeof diagnosticAsJson>[] } {
  return { summary: diagnosticsSummary(ds), diagnostics: ds.map((d) => diagnosticAsJson(d, lang)) };
}
