/**
 * Colour only where it helps and only where it is wanted: on a terminal, never with
 * NO_COLOR (non-empty), FORCE_COLOR=0 or --no-color, always with FORCE_COLOR (non-zero). chalk's own
 * detection does not honour NO_COLOR, so the level is decided here and passed to it.
 */
import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';

declare const require: NodeJS.Require | undefined;

export interface ColorEnv {
  flag?: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export function colorEnabled({ flag, env, isTTY }: ColorEnv): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  // FORCE_COLOR=0 (or false) turns colour off, as in chalk and Node itself.
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (flag === true) return true;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * The styler of a run. With colour, chalk at level 1, loaded then; without, a styler that
 * returns every text unchanged, chained or called, as chalk at level 0 does (its arguments
 * joined by a space), without loading chalk, whose own terminal detection loads node:tty
 * and node:net at start-up for a run that prints to a pipe (BENCHMARKS.md, start-up).
 */
export function makeChalk(enabled: boolean): ChalkInstance {
  if (!enabled) return PLAIN;
  const chalk = (typeof require === 'function' ? require('chalk') : createRequire(import.meta.url)('chalk')) as typeof import('chalk');
  return new chalk.Chalk({ level: 1 });
}

const PLAIN: ChalkInstance = new Proxy(function plain() {} as unknown as ChalkInstance, {
  get: (_target, prop) => (prop === 'level' ? 0 : PLAIN),
  apply: (_target, _this, args: unknown[]) => (args.length === 1 ? String(args[0]) : args.join(' ')),
});

/** Display width for wrapping: counts code points after NFC (Vietnamese is precomposed). */
export function textWidth(s: string): number {
  // Most text has no escape codes and no astral characters: its width is its length.
  if (!/[\u001b\uD800-\uDFFF]/.test(s)) return s.length;
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** Wrap at word boundaries, never mid-word unless a word is longer than the line. */
export function wrapText(s: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (textWidth(w) > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        const cps = [...w];
        lines.push(cps.slice(0, width).join(''));
        w = cps.slice(width).join('');
      }
      if (!line) line = w;
      else if (textWidth(line) + 1 + textWidth(w) <= width) line += ' ' + w;
      else {
        lines.push(line);
        line = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

// Made on first use: building a grapheme segmenter loads ICU's break rules, which cost
// every run 15-30 ms at start-up when it was made here (BENCHMARKS.md).
let segmenter: Intl.Segmenter | undefined;

/** Text where every UTF-16 unit is a grapheme: printable ASCII and precomposed Latin (NFC Vietnamese), no combining marks. */
const ONE_UNIT_GRAPHEMES = /^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff]*$/;

/** A user-perceived character (a grapheme cluster) and where it starts, in UTF-16 units. */
export interface Grapheme {
  text: string;
  index: number;
}

/** Split into graphemes: "ế" written as e + U+0302 + U+0301 (NFD) is one, as the eye sees it. */
export function graphemes(s: string): Grapheme[] {
  if (ONE_UNIT_GRAPHEMES.test(s)) return Array.from(s, (text, index) => ({ text, index }));
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(s)].map((g) => ({ text: g.segment, index: g.index }));
}

// East Asian Wide and Fullwidth blocks, and emoji presentation: two terminal columns.
const WIDE_RE =
  /^(?:[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}])/u;

/** Terminal columns one grapheme takes: 2 for wide (CJK, emoji), else 1. */
export function graphemeWidth(g: string): number {
  return WIDE_RE.test(g) ? 2 : 1;
}
