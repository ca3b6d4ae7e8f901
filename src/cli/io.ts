/**
 * The process boundary: what commands print and how they decide colour, language and
 * width. Commands return text; this module writes it, quietly surviving a closed pipe.
 */
import { colorEnabled, makeChalk } from '../render/style.js';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../diagnostics/codes.js';
import { usage } from '../errors.js';
import { writeFileAtomic } from '../edit/write.js';
import { isTerminal, terminalWidth, writeTo } from './stdio.js';

export interface GlobalOptions {
  lang?: string;
  color?: boolean;
  /** -f/--format and its alias --json (src/cli/json-out.ts), on the commands that report. */
  format?: string;
  json?: boolean;
}

export interface Env {
  lang: Lang;
  chalk: ChalkInstance;
  color: boolean;
  width: number;
  cwd: string;
  now: Date;
  /** Set when JSON was asked for: the command's name for the envelope (src/cli/json-out.ts). */
  json?: { command: string };
}

function parseLang(v: string | undefined): Lang {
  const l = (v ?? process.env.CCHC_LANG ?? 'vi').toLowerCase();
  if (l === 'vi' || l === 'en') return l;
  throw usage('badLang', { value: String(v) });
}

/**
 * The run's surroundings. `command` names a command that reports: with --format json (or
 * --json) the env carries it, so that shared code (the plan loader) answers in JSON too.
 */
/** The width text is laid out for: COLUMNS, else the terminal's, else 80. */
export function terminalColumns(fd: 1 | 2 = 1): number {
  return Number(process.env.COLUMNS) || terminalWidth(fd) || 80;
}

export function makeEnv(opts: GlobalOptions, command?: string): Env {
  // commander sets color=false only for --no-color; an explicit --color is not offered.
  const color = colorEnabled({ flag: opts.color === false ? false : undefined, env: process.env, isTTY: isTerminal(1) });
  const cols = terminalColumns(1);
  return {
    lang: parseLang(opts.lang),
    chalk: makeChalk(color),
    color,
    width: Math.max(40, Math.min(cols, 120)),
    cwd: process.cwd(),
    now: process.env.CCHC_TODAY ? new Date(`${process.env.CCHC_TODAY}T12:00:00`) : new Date(),
    ...(command !== undefined && wantsJson(opts) ? { json: { command } } : {}),
  };
}

/** --json, or --format json; a conflict between them is checked by outputFormat (json-out.ts). */
function wantsJson(opts: GlobalOptions): boolean {
  return opts.json === true || opts.format === 'json';
}

export function write(text: string): void {
  if (!text) return;
  // The newline written on its own: a report of megabytes is not copied to add one.
  const nl = text.endsWith('\n') ? '' : '\n';
  if (captured) captured.stdout += text + nl;
  // A large text (status --json of 10.000 tasks is megabytes) is written a slice at a time:
  // each is encoded into a small buffer, where the whole would be one buffer of megabytes,
  // every page of it new memory (BENCHMARKS.md, status at scale).
  for (const slice of slices(text, WRITE_SLICE)) writeTo(1, slice);
  if (nl) writeTo(1, nl);
}

/**
 * Text made in pieces (JSON of a large report), written about WRITE_SLICE characters at a
 * time as the pieces come, then a line break: the whole is never one string.
 */
export function writePieces(pieces: Iterable<string>): void {
  let batch: string[] = [];
  let chars = 0;
  let last = '';
  const flush = () => {
    const text = batch.join('');
    if (captured) captured.stdout += text;
    writeTo(1, text);
    batch = [];
    chars = 0;
  };
  for (const p of pieces) {
    if (!p) continue;
    batch.push(p);
    chars += p.length;
    last = p;
    if (chars >= WRITE_SLICE) flush();
  }
  if (!last.endsWith('\n')) batch.push('\n');
  flush();
}

/** Characters written at a time. */
const WRITE_SLICE = 32_768;

/**
 * The text in slices of at most `size` characters, none ending between the two halves of a
 * surrogate pair (unless `size` is 1, which cannot keep a pair whole).
 */
export function* slices(text: string, size: number): Generator<string> {
  if (text.length <= size) {
    yield text;
    return;
  }
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > at && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
}

export function writeErr(text: string): void {
  if (!text) return;
  const line = text.endsWith('\n') ? text : text + '\n';
  if (captured) captured.stderr += line;
  writeTo(2, line);
}

let captured: { stdout: string; stderr: string } | undefined;

/** From now on, also keep what write and writeErr print (for the output cache, src/cli/output-cache.ts). */
export function captureOutput(): { stdout: string; stderr: string } {
  captured = { stdout: '', stderr: '' };
  return captured;
}

export function endCapture(): void {
  captured = undefined;
}

/**
 * Write an output file (a workbook, a document) atomically. The write is synchronous, so an
 * interrupt that arrives meanwhile is handled after it, once the rename is done or the
 * temporary file is gone, and then ends the command. `failure` turns a write error into
 * the message the user sees.
 */
export function writeOutputFile(file: string, bytes: Uint8Array, failure: (err: unknown) => Error): void {
  let interrupted: NodeJS.Signals | undefined;
  const defer = (sig: NodeJS.Signals) => {
    interrupted = sig;
  };
  process.on('SIGINT', defer).on('SIGTERM', defer);
  try {
    writeFileAtomic(file, bytes);
  } catch (err) {
    throw failure(err);
  } finally {
    setImmediate(() => {
      process.off('SIGINT', defer).off('SIGTERM', defer);
      if (interrupted) process.kill(process.pid, interrupted);
    });
  }
}
