/**
 * Numbers as typed in Vietnam (docs/reporting-period.md): "." groups thousands, "," marks
 * the decimals, a space may group too. "500.000", "500 000" and "500000" are 500000;
 * "50,5" is 50.5. A dot followed by anything but groups of three digits ("1.5") could be an
 * English decimal and is refused, never guessed; so is "500,000" (an English thousands comma).
 */
import { accept, refuse, type Read } from './problem.js';

export interface NumberOptions {
  /** A fraction is allowed (percentages, indicator values), not for money. */
  fraction: boolean;
}

// Spaces people and spreadsheets put between groups: space, no-break space, narrow no-break space.
const GROUP_SPACE = /[ \u00a0\u202f]/g;
const HAS_GROUP_SPACE = /[ \u00a0\u202f]/;

/** A number typed as text, or held by a cell. */
export function readNumber(input: unknown, opts: NumberOptions): Read<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('not-number', input);
    if (input < 0) return refuse('negative', input);
    if (!opts.fraction && !Number.isInteger(input)) return refuse('fraction-not-allowed', input);
    if (input > Number.MAX_SAFE_INTEGER) return refuse('too-large', input);
    return accept(input);
  }
  if (typeof input !== 'string') return refuse('not-number', input ?? '');
  const raw = input.normalize('NFC').trim();
  if (raw === '') return refuse('empty', raw);
  let s = raw.replace(/\s*(?:đồng|đ|vnđ|vnd)$/iu, '').trim();
  if (s.startsWith('-')) return refuse('negative', raw);
  s = s.replace(/^\+/, '');
  // "500 000": spaces only between groups of three.
  if (HAS_GROUP_SPACE.test(s)) {
    if (!/^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/.test(s)) return refuse('not-number', raw);
    s = s.replace(GROUP_SPACE, '');
  }
  const m = /^(\d+(?:\.\d+)*)(?:,(\d+))?$/.exec(s);
  if (!m) return refuse('not-number', raw);
  const [, intPart, frac] = m as unknown as [string, string, string | undefined];
  let digits = intPart;
  if (intPart.includes('.')) {
    // Dots must group thousands: 1-3 digits, then groups of exactly three.
    if (!/^\d{1,3}(?:\.\d{3})+$/.test(intPart)) return refuse('ambiguous-number', raw);
    digits = intPart.replace(/\./g, '');
  } else if (frac !== undefined && frac.length === 3 && !opts.fraction) {
    // "500,000" for money: an English thousands comma, not 500 đồng and a fraction.
    return refuse('ambiguous-number', raw);
  }
  if (frac !== undefined && !opts.fraction) {
    return /^0+$/.test(frac) ? finish(digits, undefined, raw) : refuse('fraction-not-allowed', raw);
  }
  return finish(digits, frac, raw);
}

function finish(digits: string, frac: string | undefined, raw: string): Read<number> {
  if (digits.replace(/^0+/, '').length > 16) return refuse('too-large', raw);
  const n = Number(frac === undefined ? digits : `${digits}.${frac}`);
  if (!Number.isFinite(n) || n > Number.MAX_SAFE_INTEGER) return refuse('too-large', raw);
  return accept(n);
}

/** Money: whole đồng. */
export function readAmount(input: unknown): Read<number> {
  return readNumber(input, { fraction: false });
}

/**
 * A percentage: 50, "50", "50%", "50,5%", or 0.5 held by a cell formatted as a percentage
 * (Excel stores 50% as 0.5). Within 0-100.
 */
export function readPercent(input: unknown, opts: { percentCell?: boolean; whole?: boolean } = {}): Read<number> {
  let v: Read<number>;
  if (typeof input === 'number' && opts.percentCell) {
    v = readNumber(Math.round(input * 1e10) / 1e8, { fraction: true });
  } else if (typeof input === 'string' && /%\s*$/.test(input)) {
    v = readNumber(input.replace(/\s*%\s*$/, ''), { fraction: true });
  } else {
    v = readNumber(input, { fraction: true });
  }
  if (!v.ok) return v;
  if (v.value > 100) return refuse('percent-range', typeof input === 'number' && opts.percentCell ? `${v.value}%` : input);
  if (opts.whole && !Number.isInteger(v.value)) return refuse('fraction-not-allowed', input);
  return v;
}
