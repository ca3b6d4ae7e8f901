/**
 * Money in words ("đọc số tiền bằng chữ") following the Vietnamese accounting
 * rules (Thông tư 112/2018/TT-BTC), see docs/domain.md, section "Money in words".
 *
 * Pure module: no I/O, no global state.
 *
 * Reading rules implemented by {@link moneyToWords}:
 * - the figure is read in groups of three digits with the units "nghìn", "triệu", "tỷ";
 * - at and above 10^12 the part above "tỷ" is itself read as a number followed by "tỷ"
 *   (so 10^12 → "một nghìn tỷ", 10^15 → "một triệu tỷ", 10^18 → "một tỷ tỷ",
 *   10^21 → "một nghìn tỷ tỷ", 1 001 × 10^9 → "một nghìn không trăm linh một tỷ");
 * - empty groups are skipped (1 000 000 → "một triệu");
 * - a non-empty group that is not the leading group always states its hundreds,
 *   "không trăm" when the hundreds digit is 0 (1 005 → "một nghìn không trăm linh năm");
 * - a zero tens digit before a non-zero unit is "linh" (default) or "lẻ";
 * - 10-19 use "mười", 20-99 "<digit> mươi";
 * - the unit 1 after a tens digit ≥ 2 is "mốt", the unit 5 after a non-zero tens digit is
 *   "lăm", the unit 4 after "mươi" (tens digit ≥ 2) is "tư";
 * - 0 is "không";
 * - the first letter is upper case, the rest lower case; " đồng" is appended by default.
 */

/** Options of {@link moneyToWords}. */
export interface MoneyToWordsOptions {
  /** Word for a zero tens digit before a unit: "linh" (north, default) or "lẻ" (south). */
  zeroTens?: 'linh' | 'lẻ';
  /** Word for 10^3: "nghìn" (default) or "ngàn". */
  thousand?: 'nghìn' | 'ngàn';
  /**
   * Currency appended after one space, as given (default "đồng").
   * `null` or an empty string appends nothing.
   */
  currency?: string | null;
}

/** Result of {@link moneyWordsMatch}. */
export interface MoneyWordsMatch {
  /** True when the declared words are a well-formed reading of exactly this amount. */
  ok: boolean;
  /** The amount the declared words actually say, or null when they are not well formed. */
  declaredAmount: bigint | null;
  /** The canonical words for the amount (default options: "linh", "nghìn", " đồng"). */
  expected: string;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const BILLION = 1_000_000_000n;

interface Style {
  zeroTens: string;
  thousand: string;
}

const CANONICAL_STYLE: Style = { zeroTens: 'linh', thousand: 'nghìn' };

function digitWord(d: number): string {
  const w = DIGITS[d];
  if (w === undefined) throw new RangeError(`not a digit: ${d}`);
  return w;
}

/**
 * Reads one group of three digits (0 < g < 1000).
 * `full`: the group is not the leading group, so its hundreds are always stated.
 */
function readGroup(g: number, full: boolean, style: Style): string[] {
  const h = Math.floor(g / 100);
  const t = Math.floor(g / 10) % 10;
  const u = g % 10;
  const words: string[] = [];
  if (full || h > 0) words.push(digitWord(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (words.length > 0) words.push(style.zeroTens);
      words.push(digitWord(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digitWord(u));
  } else {
    words.push(digitWord(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push('tư');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digitWord(u));
  }
  return words;
}

/** Reads 0 < n < 10^9; `leading` is false for the part below "tỷ" of a larger amount. */
function readBelowBillion(n: number, leading: boolean, style: Style): string[] {
  const groups: Array<[number, string | null]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, style.thousand],
    [n % 1000, null],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [g, unit] of groups) {
    if (g === 0) continue;
    words.push(...readGroup(g, !first, style));
    if (unit !== null) words.push(unit);
    first = false;
  }
  return words;
}

/** Reads n > 0 as a list of lower-case words. */
function readPositive(n: bigint, style: Style): string[] {
  if (n < BILLION) return readBelowBillion(Number(n), true, style);
  const high = n / BILLION;
  const low = n % BILLION;
  const words = [...readPositive(high, style), 'tỷ'];
  if (low > 0n) words.push(...readBelowBillion(Number(low), false, style));
  return words;
}

function toBigIntAmount(amount: bigint | number): bigint {
  if (typeof amount === 'bigint') {
    if (amount < 0n) throw new RangeError(`amount must be non-negative, got ${amount}`);
    return amount;
  }
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(`amount must be a non-negative safe integer, got ${amount}`);
    }
    return BigInt(amount);
  }
  throw new TypeError('amount must be a bigint or a number');
}

function lowerWords(n: bigint, style: Style): string[] {
  return n === 0n ? ['không'] : readPositive(n, style);
}

/**
 * Vietnamese words for a whole non-negative amount of money, e.g.
 * `moneyToWords(1005)` → "Một nghìn không trăm linh năm đồng".
 *
 * @throws RangeError if `amount` is negative, or a number that is not a safe integer.
 */
export function moneyToWords(amount: bigint | number, options: MoneyToWordsOptions = {}): string {
  const n = toBigIntAmount(amount);
  const style: Style = {
    zeroTens: options.zeroTens ?? 'linh',
    thousand: options.thousand ?? 'nghìn',
  };
  const text = lowerWords(n, style).join(' ');
  let out = text.charAt(0).toUpperCase() + text.slice(1);
  const currency = options.currency === undefined ? 'đồng' : options.currency;
  if (currency !== null && currency.trim() !== '') out += ' ' + currency.trim();
  return out.normalize('NFC');
}

/**
 * Normalizes declared money words to a comparison key: the bare lower-case reading in
 * "linh"/"nghìn" style without currency, e.g.
 * `normalizeMoneyWords("(Một nghìn không trăm lẻ năm đồng chẵn./.)")` →
 * "một nghìn không trăm linh năm".
 *
 * Accepted variants (and only these):
 * - Unicode: NFC or NFD (or any mix) input; the result is NFC;
 * - letter case: any (the result is lower case);
 * - spaces: leading/trailing/repeated whitespace of any kind (incl. tabs, newlines,
 *   no-break space) is collapsed to one space;
 * - "lẻ" for "linh" (zero tens digit), "ngàn" for "nghìn" (thousand); mixing is allowed;
 * - optional surrounding parentheses: "(Hai mươi triệu đồng)";
 * - optional trailing punctuation made of "." and "/" (".", "./.", "/"), inside and/or
 *   outside the parentheses;
 * - optional trailing "đồng", optionally preceded or followed by one "chẵn"
 *   ("... đồng", "... đồng chẵn", "... chẵn đồng", "... chẵn").
 *
 * Nothing else is rewritten: "bốn" for "tư", "năm" for "lăm", "mươi một" for "mươi mốt",
 * "tỉ" for "tỷ", a missing "không trăm" and the like stay as they are, and so do not
 * match the canonical reading.
 */
export function normalizeMoneyWords(words: string): string {
  let s = words.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const stripPunct = (x: string): string => x.replace(/[\s./]+$/u, '').trim();
  s = stripPunct(s);
  if (s.startsWith('(') && s.endsWith(')')) s = stripPunct(s.slice(1, -1).trim());
  const tokens = s === '' ? [] : s.split(' ');
  let chan = false;
  if (tokens[tokens.length - 1] === 'chẵn') {
    tokens.pop();
    chan = true;
  }
  if (tokens[tokens.length - 1] === 'đồng') tokens.pop();
  if (!chan && tokens[tokens.length - 1] === 'chẵn') tokens.pop();
  return tokens.map((t) => (t === 'lẻ' ? 'linh' : t === 'ngàn' ? 'nghìn' : t)).join(' ');
}

const UNIT_VALUES: ReadonlyMap<string, number> = new Map<string, number>([
  ...DIGITS.map((w, i): [string, number] => [w, i]),
  ['mốt', 1],
  ['tư', 4],
  ['lăm', 5],
]);

const DIGIT_VALUES: ReadonlyMap<string, number> = new Map<string, number>(DIGITS.map((w, i): [string, number] => [w, i]));

/** Lenient parse of one group (0..999); shape errors give null. */
function parseGroup(tokens: readonly string[]): number | null {
  if (tokens.length === 0) return null;
  let pos = 0;
  let value = 0;
  const at = (i: number): string | undefined => tokens[i];
  if (at(pos + 1) === 'trăm') {
    const h = DIGIT_VALUES.get(at(pos) ?? '');
    if (h === undefined) return null;
    value += h * 100;
    pos += 2;
  }
  if (pos < tokens.length) {
    const tok = at(pos);
    if (tok === 'linh') {
      const u = UNIT_VALUES.get(at(pos + 1) ?? '');
      if (u === undefined) return null;
      value += u;
      pos += 2;
    } else if (tok === 'mười') {
      value += 10;
      pos += 1;
      if (pos < tokens.length) {
        const u = UNIT_VALUES.get(at(pos) ?? '');
        if (u === undefined) return null;
        value += u;
        pos += 1;
      }
    } else if (at(pos + 1) === 'mươi') {
      const t = DIGIT_VALUES.get(tok ?? '');
      if (t === undefined) return null;
      value += t * 10;
      pos += 2;
      if (pos < tokens.length) {
        const u = UNIT_VALUES.get(at(pos) ?? '');
        if (u === undefined) return null;
        value += u;
        pos += 1;
      }
    } else {
      const u = UNIT_VALUES.get(tok ?? '');
      if (u === undefined) return null;
      value += u;
      pos += 1;
    }
  }
  return pos === tokens.length ? value : null;
}

/** Lenient parse of an amount below 10^9 (may be empty → 0). */
function parseBelowBillion(tokens: readonly string[]): bigint | null {
  let rest = tokens;
  let total = 0n;
  for (const [unit, factor] of [
    ['triệu', 1_000_000n],
    ['nghìn', 1000n],
  ] as const) {
    const i = rest.indexOf(unit);
    if (i < 0) continue;
    const g = parseGroup(rest.slice(0, i));
    if (g === null) return null;
    total += BigInt(g) * factor;
    rest = rest.slice(i + 1);
  }
  if (rest.length > 0) {
    const g = parseGroup(rest);
    if (g === null) return null;
    total += BigInt(g);
  }
  return total;
}

/** Lenient parse of a whole reading: "<X> tỷ <below billion>" recursively. */
function parseTokens(tokens: readonly string[]): bigint | null {
  if (tokens.length === 0) return null;
  const i = tokens.lastIndexOf('tỷ');
  if (i < 0) return parseBelowBillion(tokens);
  if (i === 0) return null;
  const high = parseTokens(tokens.slice(0, i));
  const low = parseBelowBillion(tokens.slice(i + 1));
  if (high === null || low === null) return null;
  return high * BILLION + low;
}

/**
 * Parses money words back to the amount, accepting every variant listed at
 * {@link normalizeMoneyWords}. Returns null unless the words are exactly the accounting
 * reading of some amount (modulo those variants): e.g. "một nghìn lẻ một" (missing
 * "không trăm"), "hai mươi một" (for "hai mươi mốt") or "năm mươi bốn" give null.
 */
export function wordsToAmount(words: string): bigint | null {
  if (typeof words !== 'string') return null;
  const key = normalizeMoneyWords(words);
  if (key === '') return null;
  const tokens = key.split(' ');
  const n = parseTokens(tokens);
  if (n === null) return null;
  // Strictness: the words must be the canonical reading of the parsed number.
  return lowerWords(n, CANONICAL_STYLE).join(' ') === key ? n : null;
}

/**
 * Checks declared money words (e.g. a plan's "Bằng chữ" text, without the label) against
 * the amount. Variants accepted are exactly those listed at {@link normalizeMoneyWords};
 * any other difference (a different number, a dropped "không trăm", "mươi một" for
 * "mươi mốt", ...) gives `ok: false`.
 *
 * @throws RangeError if `amount` is not a valid amount (see {@link moneyToWords}).
 */
export function moneyWordsMatch(declared: string, amount: bigint | number): MoneyWordsMatch {
  const n = toBigIntAmount(amount);
  const expected = moneyToWords(n);
  const declaredAmount = wordsToAmount(declared);
  return { ok: declaredAmount !== null && declaredAmount === n, declaredAmount, expected };
}
