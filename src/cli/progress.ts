/**
 * A progress line on stderr for long work (exporting or importing a large plan, validating
 * many folders): only on a terminal, never in a pipe, a file or CI, and only once the work
 * has lasted long enough to be worth a line. The line is redrawn in place (`\r`, erase to
 * the end of the line) and erased at the end, so the terminal keeps only the results.
 */
import type { Lang } from '../diagnostics/codes.js';
import { formatInt } from '../i18n/format.js';
import { isTerminal } from './stdio.js';

export interface Progress {
  /** What is being done now; `done`/`total` when it is counted. */
  update(label: string, done?: number, total?: number): void;
  /** Erase the line; call before writing results to stderr. */
  end(): void;
}

interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  env?: Record<string, string | undefined>;
  /** Nothing is shown before this many milliseconds of work. */
  delayMs?: number;
  /** How often the line is redrawn while the event loop is free. */
  intervalMs?: number;
  now?: () => number;
}

const NONE: Progress = { update() {}, end() {} };

/** A terminal, not CI (CI is set by GitHub Actions, GitLab and most others), not TERM=dumb. */
export function progressWanted(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  if (!stream.isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false') return false;
  return env.TERM !== 'dumb';
}

export function startProgress(lang: Lang, opts: ProgressOptions = {}): Progress {
  // Standard error is looked at as a stream only when it is a terminal (src/cli/stdio.ts).
  if (!opts.stream && !isTerminal(2)) return NONE;
  const stream = opts.stream ?? process.stderr;
  if (!progressWanted(stream, opts.env ?? process.env)) return NONE;
  const now = opts.now ?? Date.now;
  const delay = opts.delayMs ?? 400;
  const start = now();
  let label = '';
  let done: number | undefined;
  let total: number | undefined;
  let shown = '';
  let lastDraw = -Infinity;

  const draw = () => {
    const t = now();
    if (t - start < delay || !label) return;
    const count = done !== undefined && total ? ` ${formatInt(done, lang)}/${formatInt(total, lang)} (${Math.floor((done * 100) / total)}%)` : '';
    const secs = `${Math.floor((t - start) / 1000)} s`;
    let line = `${label}${count} · ${secs}`;
    const width = Math.max(20, (stream.columns || 80) - 1);
    if ([...line].length > width) line = [...line].slice(0, width - 1).join('') + '…';
    if (line === shown) return;
    stream.write(`\r${line}\u001b[K`);
    shown = line;
    lastDraw = t;
  };
  const timer = setInterval(draw, opts.intervalMs ?? 200);
  timer.unref();

  return {
    update(l, d, tot) {
      label = l;
      done = d;
      total = tot;
      // Counted work redraws at most every 100 ms; a new phase at once.
      if (d === undefined || now() - lastDraw >= 100) draw();
    },
    end() {
      clearInterval(timer);
      if (shown) stream.write('\r\u001b[K');
      shown = '';
    },
  };
}
