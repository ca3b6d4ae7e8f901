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
import { writePieces } from './io.js';

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

/** The envelope as JSON (jsonPieces), written as it is made, then a line break. */
export function writeJson(command: string, ok: boolean, fields: object = {}): void {
  writePieces(jsonPieces(envelope(command, ok, fields)));
}

/**
 * A value's JSON text: `JSON.stringify(value, null, 2)` for JSON data. Most reports are JSON
 * data already (status: render/status-json.ts) and take V8's fast path; JSON.stringify
 * refuses a bigint, and only then is the value written again with the replacer, which is
 * several times slower on a large value.
 */
function stringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, null, 2);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(value, replacer, 2);
  }
}

/** Arrays longer than this are written an element at a time. */
const LONG_ARRAY = 256;

/**
 * `JSON.stringify(value, replacer, 2)` in pieces, for JSON data (plain objects, arrays,
 * strings, numbers, booleans, null, bigints; a `toJSON` is called with the key '' where it
 * stands inside a piece, so none may depend on its key): each element of a long array is made and
 * written on its own, so that the megabytes of `status --json` for 10.000 tasks are never
 * one string (BENCHMARKS.md, status at scale). The text is the same, byte for byte
 * (tests/unit/json-pieces.test.ts): a plain object is written key by key as JSON.stringify
 * orders and skips them, a long array element by element, anything else is JSON.stringify's
 * own text indented to its depth (JSON escapes every line break inside a string, so each
 * line break of the text is one between values).
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    const inner = indent + '  ';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}${indented(stringify(value[i]) ?? 'null', inner)}`;
    }
    yield `\n${indent}]`;
  } else if (isPlainObject(value)) {
    const inner = indent + '  ';
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* jsonPieces(v, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
  } else {
    yield indented(stringify(value) ?? 'null', indent);
  }
}

/** A plain object without toJSON: its keys are what JSON.stringify writes. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON text made at depth 0, for a place `indent` deep. */
function indented(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
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
