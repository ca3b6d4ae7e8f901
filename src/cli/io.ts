/**
 * The process boundary: what commands print and how they decide colour, language and
 * width. Commands return text; this module writes it, quietly surviving a closed pipe.
 */
import { colorEnabled, makeChalk } from '../render/style.js';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../diagnostics/codes.js';
import { UsageError } from './errors.js';

export interface GlobalOptions {
  lang?: string;
  color?: boolean;
}

export interface Env {
  lang: Lang;
  chalk: ChalkInstance;
  color: boolean;
  width: number;
  cwd: string;
  now: Date;
}

export function parseLang(v: string | undefined): Lang {
  const l = (v ?? process.env.CCHC_LANG ?? 'vi').toLowerCase();
  if (l === 'vi' || l === 'en') return l;
  throw new UsageError(`--lang phải là vi hoặc en (có "${v}") / --lang must be vi or en`);
}

export function makeEnv(opts: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): Env {
  // commander sets color=false only for --no-color; an explicit --color is not offered.
  const color = colorEnabled({ flag: opts.color === false ? false : undefined, env: process.env, isTTY: Boolean(stream.isTTY) });
  const cols = Number(process.env.COLUMNS) || (stream.isTTY ? stream.columns : 0) || 80;
  return {
    lang: parseLang(opts.lang),
    chalk: makeChalk(color),
    color,
    width: Math.max(40, Math.min(cols, 120)),
    cwd: process.cwd(),
    now: process.env.CCHC_TODAY ? new Date(`${process.env.CCHC_TODAY}T12:00:00`) : new Date(),
  };
}

export function write(text: string): void {
  if (text) process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function writeErr(text: string): void {
  if (text) process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}
