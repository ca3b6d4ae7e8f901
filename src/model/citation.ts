/**
 * Citations of Vietnamese legal and administrative documents in free text
 * ("Quyết định số 3809/QĐ-UBND ngày 14 tháng 9 năm 2021", "Nghị định 130/2005/NĐ-CP",
 * "Chương trình hành động số 09-CTr/TU ngày 14 tháng 5 năm 2021", "theo 107/2020/NĐ-CP").
 *
 * Pure module: no I/O, no global state.
 *
 * Recognised shapes (see {@link findCitations}):
 * - typed: TYPE-WORD [số[:]] SYMBOL [[,] ngày DATE]
 *   - the type word is matched case-insensitively ("theo quyết định số ...", "QUYẾT ĐỊNH");
 *   - the type comes from the word, even when the code disagrees ("Quyết định số 5/NĐ-CP"
 *     is a Quyết định with type code NĐ), except without "số": then a disagreeing word is
 *     taken as an ordinary noun or verb ("văn bản hướng dẫn 107/2020/NĐ-CP") and the symbol
 *     is read as a bare one;
 * - bare: SYMBOL [[,] ngày DATE] when the symbol starts with a known type code and names an
 *   issuer ("theo 107/2020/NĐ-CP", "và 120/2020/NĐ-CP"); the type is inferred from the code.
 *
 * SYMBOL is one of
 * - state form (Nghị định 30/2020/NĐ-CP): NUMBER/[YEAR/]CODE[-CODE...]
 *   ("3809/QĐ-UBND", "107/2020/NĐ-CP", "14/2015/TTLT-BNV-BTC", "80/2015/QH13", "12/UBND-VX");
 * - party form (Đảng): NUMBER-CODE/ISSUER ("09-CTr/TU", "18-NQ/TW").
 *
 * DATE is "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy" (one separator throughout) or
 * "dd tháng mm năm yyyy". Impossible dates (31/9, 30/02) are returned with `valid: false`.
 *
 * Not citations: numbers without a symbol ("Quyết định số 3809"), blank numbers
 * ("Số: /KH-SLĐTBXH"), law names without a number ("Luật ban hành văn bản quy phạm pháp
 * luật"), quarters ("Quý I/2022"), ratios ("30 phút/01 lần", "3/4"), bare dates.
 */

/** The closed set of document types this module names. */
export const DOC_TYPES = [
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết liên tịch',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Thông tư liên tịch',
  'Thông tư',
  'Chỉ thị',
  'Kế hoạch',
  'Chương trình hành động',
  'Chương trình',
  'Công văn',
  'Công điện',
  'Thông báo',
  'Hướng dẫn',
  'Kết luận',
  'Quy định',
  'Đề án',
  'Báo cáo',
  'Tờ trình',
] as const;

/** A document type, named as in the text's type word (title case). */
export type DocType = (typeof DOC_TYPES)[number];

/** A date written after a citation ("ngày 14 tháng 9 năm 2021", "ngày 05/9/2016"). */
export interface CitationDate {
  year: number;
  month: number;
  day: number;
  /** false for impossible dates such as 31/9 or 30/02. */
  valid: boolean;
  /** The date as written, NFC, without the word "ngày": "05/9/2016", "14 tháng 9 năm 2021". */
  text: string;
}

/** One document reference found in a text. */
export interface Citation {
  /** From the type word before the number, or inferred from the type code for bare symbols. */
  type: DocType;
  /** The document number as written, leading zeros kept: "3809", "09". */
  number: string;
  /**
   * Full number and symbol, normalised: NFC, no spaces, dashes as "-", "Ð" (U+00D0) as
   * "Đ" (U+0110). A plain "D" typo ("SLDTBXH") is kept as written.
   */
  symbol: string;
  /** The year inside the symbol (2020 in 107/2020/NĐ-CP); absent when the symbol has none. */
  year?: number;
  /** The issuer part after the type code: "UBND", "CP", "TTg", "TU", "BNV-BTC", "QH13". */
  issuerCode: string;
  /** The type code: "QĐ", "NĐ", "TT", "CT", "KH", "CTr", "NQ"; "" when the symbol has none. */
  typeCode: string;
  /** The date following the symbol ("... ngày 14/9/2020"), when present. */
  date?: CitationDate;
  /** UTF-16 offset in the caller's string of the first character (type word or number). */
  start: number;
  /** UTF-16 offset in the caller's string just after the symbol, or after the date if any. */
  end: number;
  /** Exactly `input.slice(start, end)` (so NFD input gives NFD text). */
  text: string;
}

/**
 * Known type codes (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the party's codes) and the
 * type they denote. "QD"/"ND" (plain D typo) are accepted as QĐ/NĐ.
 */
const TYPE_CODES: ReadonlyMap<string, DocType> = new Map<string, DocType>([
  ['QĐ', 'Quyết định'],
  ['QD', 'Quyết định'],
  ['NĐ', 'Nghị định'],
  ['ND', 'Nghị định'],
  ['TT', 'Thông tư'],
  ['TTLT', 'Thông tư liên tịch'],
  ['NQLT', 'Nghị quyết liên tịch'],
  ['CT', 'Chỉ thị'],
  ['KH', 'Kế hoạch'],
  ['NQ', 'Nghị quyết'],
  ['CTr', 'Chương trình hành động'],
  ['CĐ', 'Công điện'],
  ['TB', 'Thông báo'],
  ['HD', 'Hướng dẫn'],
  ['KL', 'Kết luận'],
  ['QĐi', 'Quy định'],
  ['QDi', 'Quy định'],
  ['QyĐ', 'Quy định'],
  ['ĐA', 'Đề án'],
  ['BC', 'Báo cáo'],
  ['TTr', 'Tờ trình'],
]);

/**
 * The document type a type code denotes ("QĐ" → "Quyết định", "CTr" → "Chương trình hành
 * động"), or undefined for an unknown code. "Ð" (U+00D0) is read as "Đ".
 */
export function typeFromCode(code: string): DocType | undefined {
  return TYPE_CODES.get(code.normalize('NFC').replace(/\u00D0/g, '\u0110'));
}

/** Proleptic Gregorian calendar check; all arguments must be integers, year ≥ 1. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/**
 * The canonical symbol of a citation built from its parts: state form
 * `NUMBER/[YEAR/]TYPECODE-ISSUER` ("107/2020/NĐ-CP"; "80/2015/QH13" without a type code),
 * party form `NUMBER-TYPECODE/ISSUER` ("09-CTr/TU") when `c.symbol` is in party form.
 * Use it after changing `number` (e.g. to print a "did you mean ...?" suggestion).
 */
export function formatSymbol(c: Citation): string {
  const party = c.typeCode !== '' && PARTY_SHAPE.test(c.symbol);
  if (party) return `${c.number}-${c.typeCode}/${c.issuerCode}`;
  const code = [c.typeCode, c.issuerCode].filter((s) => s !== '').join('-');
  return c.year === undefined ? `${c.number}/${code}` : `${c.number}/${c.year}/${code}`;
}

const PARTY_SHAPE = /^\d+-/;

/**
 * How two document numbers differ, for a "likely meant" check: 'one-digit' when they have
 * the same length and exactly one digit differs (1847 vs 1848), 'swapped' when they differ
 * only by two adjacent digits exchanged (1847 vs 1487), otherwise null (also when equal or
 * when either is not all digits).
 */
export function similarNumber(a: string, b: string): 'one-digit' | 'swapped' | null {
  if (a.length !== b.length || a === b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return null;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      diff.push(i);
      if (diff.length > 2) return null;
    }
  }
  if (diff.length === 1) return 'one-digit';
  const [i, j] = diff as [number, number];
  if (j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 'swapped';
  return null;
}

/**
 * {@link similarNumber} for two citations of the same kind of document: same type code
 * (plain-D typo folded), same issuer, and the same symbol year when both have one.
 */
export function similarCitation(a: Citation, b: Citation): 'one-digit' | 'swapped' | null {
  const fold = (s: string): string => s.replace(/D/g, 'Đ');
  if (fold(a.typeCode) !== fold(b.typeCode) || fold(a.issuerCode) !== fold(b.issuerCode)) {
    return null;
  }
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return null;
  return similarNumber(a.number, b.number);
}

// ---------------------------------------------------------------------------------------
// Patterns

/** One character class per letter matching both cases: "số" → "[sS][ốỐ]". */
function ci(word: string): string {
  let out = '';
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out += lo === up ? escapeRe(ch) : `[${lo}${up}]`;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace with at most one line break (a citation never spans a blank line). */
const WS = '(?:[^\\S\\n]*\\n[^\\S\\n]*|[^\\S\\n]+)';
/** Optional horizontal whitespace (tolerated around "/" in typed citations). */
const HS = '[^\\S\\n]*';
const DASH = '[\\-\\u2010\\u2011\\u2012\\u2013\\u2014]';
// ---------------------------------------------------------------------------------------
// Letter classes on a shadow text
//
// The grammar needs Unicode letter classes (an upper-case letter starts a code segment; a
// letter before a type word means it is inside a word). Written as \p{Lu}, \p{L}... they
// made V8 compile the patterns for 25-70 ms on first use (the classes occur some fifty
// times). So the grammar is written over a shadow of the text, as long as it, in which
// every letter or number outside ASCII, except the type words' own letters, stands as one
// of four private-use characters naming its class (shadowOf); the classes are then short
// lists. The scanner makes no shadow text: it asks the shadow of each character it looks
// at (shadowAt); the test of the scanner runs the patterns on shadowOf's text.

/** Shadow characters: an upper-case, a lower-case, another letter, a number. */
const SH_UPPER = '\uE000';
const SH_LOWER = '\uE001';
const SH_LETTER = '\uE002';
const SH_NUMBER = '\uE003';
/** What a private-use character of the text itself becomes: none of the four. */
const SH_OTHER = '\uE004';

/** The letters outside ASCII of the words the patterns spell out: they stand for themselves in the shadow. */
function keptLetters(): Set<string> {
  const spelled = [...DOC_TYPES, 'số', 'ngày', 'tháng', 'năm'].join('');
  return new Set([...spelled.toLowerCase(), ...spelled.toUpperCase()].filter((c) => c.charCodeAt(0) > 0x7f));
}

let classOf: { upper: RegExp; lower: RegExp; letter: RegExp; number: RegExp } | undefined;
const shadowChars = new Map<string, string>();

/**
 * The shadow of the characters a Vietnamese text is made of, by code, exact there (a test
 * checks every character of the Basic Multilingual Plane), so that such text compiles none
 * of the \p patterns below: Latin letters (Latin-1, Extended-A, ơ and ư, the Vietnamese
 * block) by their case mapping; general punctuation (dashes, quotes, spaces) and arrows,
 * which hold no letter or number, as themselves.
 */
function commonShadow(ch: string): string | undefined {
  if (ch.length > 1) return undefined;
  const c = ch.charCodeAt(0);
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x2190 && c <= 0x21ff)) return ch;
  const latin =
    (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7 && c !== 0x138) ||
    c === 0x1a0 ||
    c === 0x1a1 ||
    c === 0x1af ||
    c === 0x1b0 ||
    (c >= 0x1ea0 && c <= 0x1ef9);
  if (!latin) return undefined;
  return ch !== ch.toLowerCase() ? SH_UPPER : SH_LOWER;
}

/** The shadow of one character (a code point) outside ASCII. */
function shadowChar(ch: string): string {
  let sh = grammar().kept.has(ch) ? ch : (shadowChars.get(ch) ?? commonShadow(ch));
  if (sh === undefined) {
    classOf ??= { upper: /^\p{Lu}$/u, lower: /^\p{Ll}$/u, letter: /^\p{L}$/u, number: /^\p{N}$/u };
    const astral = ch.length > 1;
    sh =
      classOf.upper.test(ch) && !astral
        ? SH_UPPER
        : classOf.lower.test(ch) && !astral
          ? SH_LOWER
          : classOf.letter.test(ch)
            ? SH_LETTER
            : classOf.number.test(ch)
              ? SH_NUMBER
              : ch >= '\uE000' && ch <= '\uE004'
                ? SH_OTHER
                : ch;
    // A letter outside the BMP is two units: both stand as "another letter" (never in a code).
    if (astral && sh.length === 1) sh = sh.repeat(2);
    shadowChars.set(ch, sh);
  }
  return sh;
}

/** The text with each letter and number outside ASCII and the spelled words replaced by its class; same length. */
export function shadowOf(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 0x80 ? ch : shadowChar(ch);
  return out;
}

/**
 * The citation grammar, as regular-expression sources over the shadow text: the
 * specification. The scanner below reads the same grammar by hand, without compiling a
 * pattern: a citation is found from its symbol (every symbol has a "/"), the type word
 * before it read backwards ({@link typeWordBefore}), the symbol and its date forwards
 * ({@link matchAt}). The patterns of the whole grammar cost a cold run 8-10 ms to compile
 * and run over the text, two patterns of the symbol and date alone still over a millisecond
 * (docs/engine.md). tests/unit/citation-scan.test.ts runs the whole grammar as patterns,
 * from the left at every position, against the scanner, match for match and group for
 * group, on texts made of the grammar's pieces.
 */
export interface Grammar {
  /** The non-ASCII letters of the spelled words: they stand for themselves in the shadow. */
  kept: Set<string>;
  /** Classes: upper-case, lower-case, any letter, number. */
  LU: string;
  LL: string;
  LETTER: string;
  NUM: string;
  /** The symbol, with `gap` allowed around its slashes, and what must not follow it. */
  symbol(gap: string): string;
  /** The optional date after a symbol. */
  DATE: string;
  /** What may not stand before a bare symbol. */
  BARE_BEFORE: string;
  /** Whitespace with at most one line break; optional horizontal whitespace. */
  WS: string;
  HS: string;
}

let grammarBuilt: Grammar | undefined;

/** The grammar, built on first use (a run whose result is cached never scans for citations). */
export function grammar(): Grammar {
  grammarBuilt ??= buildGrammar();
  return grammarBuilt;
}

function buildGrammar(): Grammar {
  const kept = keptLetters();
  const keptOf = (upper: boolean): string => [...kept].filter((c) => (upper ? c !== c.toLowerCase() : c !== c.toUpperCase())).join('');
  const LU = `A-Z${keptOf(true)}${SH_UPPER}`;
  const LL = `a-z${keptOf(false)}${SH_LOWER}`;
  const NUM = `0-9${SH_NUMBER}`;
  const LETTER = `${LU}${LL}${SH_LETTER}`;
  /** One code segment: "QĐ", "UBND", "TTg", "CTr", "QĐi", "SLĐTBXH", "QH14", "TB&XH". */
  const SEG = `[${LU}][${LU}${NUM}&]*(?:[${LL}][${LU}${NUM}]*)?`;
  const CODE = `${SEG}(?:${DASH}${SEG})*`;
  /** The symbol must not continue with a letter, digit or "-letter". */
  const SYMBOL_END = `(?![${LETTER}${NUM}&]|${DASH}[${LETTER}${NUM}])`;
  const symbol = (gap: string): string =>
    `(?:(?<sNum>\\d{1,7})${gap}\\/${gap}(?:(?<sYear>\\d{4})${gap}\\/${gap})?(?<sCode>${CODE})` +
    `|(?<pNum>\\d{1,7})${DASH}(?<pCode>${SEG})${gap}\\/${gap}(?<pIss>${CODE}))${SYMBOL_END}`;
  const DATE =
    `(?:(?:${HS},)?${WS}(?<dateWord>${ci('ngày')})${WS}(?<date>` +
    `(?<d1>\\d{1,2})(?<sep>[\\/.\\-])(?<m1>\\d{1,2})\\k<sep>(?<y1>\\d{4})` +
    `|(?<d2>\\d{1,2})${WS}${ci('tháng')}${WS}(?<m2>\\d{1,2})${WS}${ci('năm')}${WS}(?<y2>\\d{4})` +
    `)(?!\\d))?`;
  const BARE_BEFORE = `(?<![${LETTER}${NUM}\\/&_]|${DASH})(?<!\\d[.,])`;
  return { kept, LU, LL, LETTER, NUM, symbol, DATE, BARE_BEFORE, WS, HS };
}

// ---------------------------------------------------------------------------------------
// Normalisation with offset mapping

interface Normalised {
  text: string;
  /** Offset in the original for a start offset in `text`. */
  toStart(i: number): number;
  /** Offset in the original for an end offset in `text`. */
  toEnd(i: number): number;
}

/**
 * NFC-normalises `input` one base character (plus its combining marks) at a time, keeping
 * a map back to the caller's offsets. Identity when the input is already NFC.
 */
function normalise(input: string): Normalised {
  if (input.normalize('NFC') === input) {
    return { text: input, toStart: (i) => i, toEnd: (i) => i };
  }
  const startMap: number[] = [];
  const endMap: number[] = [];
  let out = '';
  const seg = /\P{M}\p{M}*|\p{M}+/gsu;
  for (let m = seg.exec(input); m !== null; m = seg.exec(input)) {
    const origStart = m.index;
    const origEnd = m.index + m[0].length;
    const norm = m[0].normalize('NFC');
    for (let k = 0; k < norm.length; k++) {
      startMap.push(origStart);
      endMap.push(k === 0 ? origStart : origEnd);
    }
    out += norm;
  }
  startMap.push(input.length);
  endMap.push(input.length);
  return {
    text: out,
    toStart: (i) => startMap[i] ?? input.length,
    toEnd: (i) => endMap[i] ?? input.length,
  };
}

// ---------------------------------------------------------------------------------------
// Finding citations

function cleanSymbol(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/\u00D0/g, '\u0110');
}

/** Whether a type word and the type of a symbol's code agree. */
function compatible(word: DocType, code: DocType): boolean {
  return word === code || (word === 'Chương trình' && code === 'Chương trình hành động');
}

function typeWordToType(word: string): DocType | undefined {
  const key = word.replace(/\s+/g, ' ').toLowerCase();
  return DOC_TYPES.find((t) => t.toLowerCase() === key);
}

interface Found {
  citation: Omit<Citation, 'start' | 'end' | 'text'>;
  start: number;
  end: number;
}

function build(start: number, end: number, g: Record<string, string | undefined>, typed: boolean): Found | undefined {
  let number: string;
  let typeCode: string;
  let issuerCode: string;
  let year: number | undefined;
  let symbol: string;
  if (g.sNum !== undefined && g.sCode !== undefined) {
    number = g.sNum;
    const code = cleanSymbol(g.sCode);
    const parts = code.split('-');
    const first = parts[0] ?? '';
    if (typeFromCode(first) !== undefined) {
      typeCode = first;
      issuerCode = parts.slice(1).join('-');
    } else {
      typeCode = '';
      issuerCode = code;
    }
    if (g.sYear !== undefined) year = Number(g.sYear);
    symbol = `${number}/${g.sYear !== undefined ? `${g.sYear}/` : ''}${code}`;
    // A bare symbol needs a known type code and an issuer: "107/2020/NĐ-CP", not "12/UBND".
    if (!typed && (typeCode === '' || issuerCode === '')) return undefined;
  } else if (g.pNum !== undefined && g.pCode !== undefined && g.pIss !== undefined) {
    number = g.pNum;
    typeCode = cleanSymbol(g.pCode);
    issuerCode = cleanSymbol(g.pIss);
    symbol = `${number}-${typeCode}/${issuerCode}`;
    if (!typed && typeFromCode(typeCode) === undefined) return undefined;
  } else {
    return undefined;
  }

  const codeType = typeFromCode(typeCode);
  const type = typed && g.word !== undefined ? typeWordToType(g.word) : codeType;
  if (type === undefined) return undefined;
  // Without "số" a type word that disagrees with the type code is most likely an ordinary
  // noun or verb ("văn bản hướng dẫn 107/2020/NĐ-CP", "theo quy định 59/2019/NĐ-CP"): drop
  // the typed reading so that the bare scan takes the symbol with the type of its code.
  if (typed && g.so === undefined && codeType !== undefined && !compatible(type, codeType)) {
    return undefined;
  }

  const citation: Found['citation'] = { type, number, symbol, issuerCode, typeCode };
  if (year !== undefined) citation.year = year;

  if (g.date !== undefined) {
    const day = Number(g.d1 ?? g.d2);
    const month = Number(g.m1 ?? g.m2);
    const y = Number(g.y1 ?? g.y2);
    citation.date = {
      year: y,
      month,
      day,
      valid: isValidDate(y, month, day),
      text: g.date.replace(/\s+/g, ' '),
    };
  }
  return { citation, start, end };
}

/**
 * One match in a text: where it starts and ends, and where each named group of the
 * grammar (word, so, sNum, sYear, sCode, pNum, pCode, pIss, date, d1...) is, if it took part.
 */
export interface SymbolMatch {
  start: number;
  end: number;
  groups: Record<string, [number, number] | undefined>;
}

/** The named groups of a match, read from the text. */
function groupsIn(m: SymbolMatch, text: string): Record<string, string | undefined> {
  const groups: Record<string, string | undefined> = {};
  for (const [name, span] of Object.entries(m.groups)) groups[name] = span ? text.slice(span[0], span[1]) : undefined;
  return groups;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** JavaScript's \s (ECMAScript WhiteSpace and LineTerminator), by code. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
/** Whitespace but a line break: \s without "\n" (HS, WS). */
const isHorizontal = (c: number): boolean => c !== 0x0a && isSpace(c);
const isDash = (c: number): boolean => c === 0x2d || (c >= 0x2010 && c <= 0x2014);

/** Where the run of at most 7 digits that ends at `end` starts; -1 when there is none, or a longer one. */
function digitsBefore(s: string, end: number): number {
  let i = end;
  while (i > 0 && isDigitAt(s, i - 1)) i--;
  return i < end && end - i <= 7 ? i : -1;
}

/**
 * Where a symbol may start, found from its "/" (every symbol has one): the digits right
 * before it (state form, "107/2020/NĐ-CP"), and the digits before a dash and a code segment
 * right before it (party form, "09-CTr/TU"), spaces allowed before the "/". A symbol's
 * number is such a run whole, since neither reading lets a digit stand before it. In text
 * order.
 */
function symbolStarts(s: string): number[] {
  const out: number[] = [];
  for (let slash = s.indexOf('/'); slash >= 0; slash = s.indexOf('/', slash + 1)) {
    let i = slash;
    while (i > 0 && isHorizontal(s.charCodeAt(i - 1))) i--;
    const state = digitsBefore(s, i);
    if (state >= 0) out.push(state);
    let j = i;
    while (j > 0 && (letterAt(s, j - 1) || numberAt(s, j - 1) || s[j - 1] === '&')) j--;
    const party = j < i && isDashAt(s, j - 1) ? digitsBefore(s, j - 1) : -1;
    if (party >= 0) out.push(party);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/**
 * Where the whitespace before `end` starts, if it can stand between two words of a
 * citation (WS: at least one character, at most one line break); -1 otherwise.
 */
function spaceBefore(text: string, end: number): number {
  let i = end;
  let breaks = 0;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) {
    i--;
    if (text.charCodeAt(i) === 0x0a && ++breaks > 1) return -1;
  }
  return i < end ? i : -1;
}

/** Each type word as its words, each word as its letters in both cases; longest type first. */
let typeSpellings: { lower: string; upper: string }[][] | undefined;

function spellings(): { lower: string; upper: string }[][] {
  typeSpellings ??= [...DOC_TYPES]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(' ').map((w) => ({ lower: w.toLowerCase(), upper: w.toUpperCase() })));
  return typeSpellings;
}

/** Where a type word (any case, WS between its words) that ends at `end` starts; -1 if none does. */
function spelledBefore(text: string, end: number, words: { lower: string; upper: string }[]): number {
  let at = end;
  for (let k = words.length - 1; k >= 0; k--) {
    const { lower, upper } = words[k]!;
    if (k < words.length - 1) {
      at = spaceBefore(text, at);
      if (at < 0) return -1;
    }
    if (at < lower.length) return -1;
    for (let n = 0; n < lower.length; n++) {
      const ch = text[at - lower.length + n];
      if (ch !== lower[n] && ch !== upper[n]) return -1;
    }
    at -= lower.length;
  }
  return at;
}

/**
 * The type word before the symbol at `start` (TYPE-WORD WS [số HS [:] HS] SYMBOL), starting
 * at `from` or later, not inside a word; the earliest such start, as a scan from the left
 * would find it ("Bộ luật" before "Luật").
 */
function typeWordBefore(text: string, start: number, from: number): { word: [number, number]; so?: [number, number] } | undefined {
  let j = start;
  while (j > 0 && isHorizontal(text.charCodeAt(j - 1))) j--;
  if (text[j - 1] === ':') {
    j--;
    while (j > 0 && isHorizontal(text.charCodeAt(j - 1))) j--;
  }
  const hasSo = j >= 2 && (text[j - 2] === 's' || text[j - 2] === 'S') && (text[j - 1] === 'ố' || text[j - 1] === 'Ố');
  const so: [number, number] | undefined = hasSo ? [j - 2, j] : undefined;
  // Without "số" only whitespace (WS) may stand between the word and the symbol.
  const wordEnd = spaceBefore(text, so ? j - 2 : start);
  if (wordEnd < 0) return undefined;
  let best = -1;
  let bestEnd = -1;
  for (const words of spellings()) {
    const w = spelledBefore(text, wordEnd, words);
    if (w < from || (best >= 0 && w >= best)) continue;
    if (w > 0 && (letterAt(text, w - 1) || numberAt(text, w - 1))) continue;
    best = w;
    bestEnd = wordEnd;
  }
  return best < 0 ? undefined : { word: [best, bestEnd], so };
}

// ---------------------------------------------------------------------------------------
// The symbol and its date, read by hand where a symbol may start
//
// What Grammar.symbol and Grammar.DATE say, read without compiling them (two patterns cost
// a cold run over a millisecond to compile and tier up). Each part of the grammar can end
// in one place only: a code segment, a code and a number are as long as their characters
// go, and whitespace runs to the next word, so no backtracking is needed. The reading is
// checked against the patterns, match for match and group for group
// (tests/unit/citation-scan.test.ts).

/** The classes of the shadow text, by character. */
interface Classes {
  upper: Set<string>;
  lower: Set<string>;
}

let classes: Classes | undefined;

function keptClasses(): Classes {
  if (!classes) {
    const kept = [...grammar().kept];
    classes = { upper: new Set(kept.filter((c) => c !== c.toLowerCase())), lower: new Set(kept.filter((c) => c !== c.toUpperCase())) };
  }
  return classes;
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'A' && ch <= 'Z') || ch === SH_UPPER || keptClasses().upper.has(ch));
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || ch === SH_LOWER || keptClasses().lower.has(ch));
}

const isLetter = (ch: string | undefined): boolean => ch === SH_LETTER || isUpper(ch) || isLower(ch);
const isNumber = (ch: string | undefined): boolean => ch === SH_NUMBER || (ch !== undefined && ch >= '0' && ch <= '9');

/**
 * The shadow (shadowOf) of the code unit at `i` of a text, found for that unit alone: the
 * scanner reads the text itself and asks the class of the few characters it looks at.
 */
function shadowAt(s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (!(c >= 0x80)) return s[i];
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return shadowChar(s.slice(i, i + 2))[0];
  } else if (c >= 0xdc00 && c <= 0xdfff) {
    const high = s.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return shadowChar(s.slice(i - 1, i + 1))[1];
  }
  return shadowChar(s[i]!);
}

const upperAt = (s: string, i: number): boolean => isUpper(shadowAt(s, i));
const lowerAt = (s: string, i: number): boolean => isLower(shadowAt(s, i));
const letterAt = (s: string, i: number): boolean => isLetter(shadowAt(s, i));
const numberAt = (s: string, i: number): boolean => isNumber(shadowAt(s, i));
const isDashAt = (s: string, i: number): boolean => i < s.length && isDash(s.charCodeAt(i));
const isDigitAt = (s: string, i: number): boolean => i < s.length && isDigit(s.charCodeAt(i));

/** Where a run of digits from `i` ends, if it is `min` to `max` long; -1 otherwise. */
function digits(s: string, i: number, min: number, max: number): number {
  let j = i;
  while (isDigitAt(s, j)) j++;
  return j - i >= min && j - i <= max ? j : -1;
}

/** After the horizontal whitespace from `i` (HS). */
function skipHorizontal(s: string, i: number): number {
  let j = i;
  while (j < s.length && isHorizontal(s.charCodeAt(j))) j++;
  return j;
}

/** After the whitespace from `i` when it can stand between two words (WS); -1 otherwise. */
function spaceAfter(s: string, i: number): number {
  let j = i;
  let breaks = 0;
  while (j < s.length && isSpace(s.charCodeAt(j))) {
    if (s.charCodeAt(j) === 0x0a && ++breaks > 1) return -1;
    j++;
  }
  return j > i ? j : -1;
}

/** After `word` spelled in either case from `i`; -1 otherwise. */
function spelled(s: string, i: number, word: { lower: string; upper: string }): number {
  for (let n = 0; n < word.lower.length; n++) {
    const ch = s[i + n];
    if (ch !== word.lower[n] && ch !== word.upper[n]) return -1;
  }
  return i + word.lower.length;
}

const NGAY = { lower: 'ngày', upper: 'NGÀY' };
const THANG = { lower: 'tháng', upper: 'THÁNG' };
const NAM = { lower: 'năm', upper: 'NĂM' };

/** After one code segment ("QĐ", "TTg", "SLĐTBXH", "TB&XH") from `i`; -1 when none starts there. */
function segment(s: string, i: number): number {
  if (!upperAt(s, i)) return -1;
  let j = i + 1;
  while (upperAt(s, j) || numberAt(s, j) || s[j] === '&') j++;
  if (lowerAt(s, j)) {
    j++;
    while (upperAt(s, j) || numberAt(s, j)) j++;
  }
  return j;
}

/** After a code (segments joined by dashes) from `i`; -1 when none starts there. */
function codeFrom(s: string, i: number): number {
  let j = segment(s, i);
  while (j >= 0 && isDashAt(s, j) && upperAt(s, j + 1)) j = segment(s, j + 1);
  return j;
}

/** Whether a symbol may end at `j`: no letter, digit or "&" after it, nor a dash and one. */
function symbolEnds(s: string, j: number): boolean {
  if (letterAt(s, j) || numberAt(s, j) || s[j] === '&') return false;
  return !(isDashAt(s, j) && (letterAt(s, j + 1) || numberAt(s, j + 1)));
}

type Groups = SymbolMatch['groups'];

/** The symbol at `start` (state or party form, `spaced`: spaces allowed around "/"), with its groups; its end, or -1. */
function symbolAt(s: string, start: number, spaced: boolean, g: Groups): number {
  const gap = (i: number): number => (spaced ? skipHorizontal(s, i) : i);
  const num = digits(s, start, 1, 7);
  if (num < 0) return -1;
  if (isDashAt(s, num)) {
    // Party form: NUMBER-CODE/ISSUER ("09-CTr/TU").
    const seg = segment(s, num + 1);
    const slash = seg < 0 ? -1 : gap(seg);
    if (slash < 0 || s[slash] !== '/') return -1;
    const iss = gap(slash + 1);
    const end = codeFrom(s, iss);
    if (end < 0 || !symbolEnds(s, end)) return -1;
    Object.assign(g, { pNum: [start, num], pCode: [num + 1, seg], pIss: [iss, end] });
    return end;
  }
  // State form: NUMBER/[YEAR/]CODE ("107/2020/NĐ-CP").
  const slash = gap(num);
  if (s[slash] !== '/') return -1;
  let at = gap(slash + 1);
  const year = digits(s, at, 4, 4);
  const yearSlash = year < 0 ? -1 : gap(year);
  const codeStart = yearSlash >= 0 && s[yearSlash] === '/' ? gap(yearSlash + 1) : at;
  const end = codeFrom(s, codeStart);
  if (end < 0 || !symbolEnds(s, end)) return -1;
  if (codeStart !== at) g.sYear = [at, year];
  at = codeStart;
  Object.assign(g, { sNum: [start, num], sCode: [at, end] });
  return end;
}

/** The date after a symbol ending at `j` ("ngày 14/9/2021", ", ngày 14 tháng 9 năm 2021"), with its groups; its end, or -1. */
function dateAfter(s: string, j: number, g: Groups): number {
  const comma = skipHorizontal(s, j);
  const wordAt = spaceAfter(s, s[comma] === ',' ? comma + 1 : j);
  const wordEnd = wordAt < 0 ? -1 : spelled(s, wordAt, NGAY);
  const d = wordEnd < 0 ? -1 : spaceAfter(s, wordEnd);
  const dEnd = d < 0 ? -1 : digits(s, d, 1, 2);
  if (dEnd < 0) return -1;
  // A year is a whole run of four digits (digits()): none follows it.
  const found = numericDate(s, d, dEnd, g) ?? wordedDate(s, d, dEnd, g);
  if (found === undefined) return -1;
  Object.assign(g, { dateWord: [wordAt, wordEnd], date: [d, found] });
  return found;
}

/** dd/mm/yyyy (one separator throughout: "/", "." or "-"), its day ending at `dEnd`. */
function numericDate(s: string, d: number, dEnd: number, g: Groups): number | undefined {
  const sep = s[dEnd];
  if (sep !== '/' && sep !== '.' && sep !== '-') return undefined;
  const mEnd = digits(s, dEnd + 1, 1, 2);
  if (mEnd < 0 || s[mEnd] !== sep) return undefined;
  const yEnd = digits(s, mEnd + 1, 4, 4);
  if (yEnd < 0) return undefined;
  Object.assign(g, { d1: [d, dEnd], sep: [dEnd, dEnd + 1], m1: [dEnd + 1, mEnd], y1: [mEnd + 1, yEnd] });
  return yEnd;
}

/** "dd tháng mm năm yyyy", its day ending at `dEnd`. */
function wordedDate(s: string, d: number, dEnd: number, g: Groups): number | undefined {
  const t = spaceAfter(s, dEnd);
  const tEnd = t < 0 ? -1 : spelled(s, t, THANG);
  const m = tEnd < 0 ? -1 : spaceAfter(s, tEnd);
  const mEnd = m < 0 ? -1 : digits(s, m, 1, 2);
  const n = mEnd < 0 ? -1 : spaceAfter(s, mEnd);
  const nEnd = n < 0 ? -1 : spelled(s, n, NAM);
  const y = nEnd < 0 ? -1 : spaceAfter(s, nEnd);
  const yEnd = y < 0 ? -1 : digits(s, y, 4, 4);
  if (yEnd < 0) return undefined;
  Object.assign(g, { d2: [d, dEnd], m2: [m, mEnd], y2: [y, yEnd] });
  return yEnd;
}

/** What may not stand before a bare symbol: a letter, a number, "/", "&", "_", a dash, or a digit and "." or ",". */
function bareMayStart(s: string, start: number): boolean {
  if (start === 0) return true;
  const before = s[start - 1];
  if (letterAt(s, start - 1) || numberAt(s, start - 1) || before === '/' || before === '&' || before === '_' || isDashAt(s, start - 1)) return false;
  return !((before === '.' || before === ',') && isDigitAt(s, start - 2));
}

/** The symbol at `start` and its date, if any: a typed citation's (spaces allowed around "/") or a bare one's. */
function matchAt(s: string, start: number, typed: boolean): SymbolMatch | undefined {
  if (!typed && !bareMayStart(s, start)) return undefined;
  const groups: Groups = {};
  const end = symbolAt(s, start, typed, groups);
  if (end < 0) return undefined;
  const dateGroups: Groups = {};
  const dated = dateAfter(s, end, dateGroups);
  if (dated < 0) return { start, end, groups };
  return { start, end: dated, groups: { ...groups, ...dateGroups } };
}

/**
 * The matches found from the places a symbol may start, in text order, none overlapping:
 * `at` reads one from a start, given where the last one ended (a scan from the left goes on
 * from there).
 */
function scan(starts: readonly number[], at: (start: number, last: number) => SymbolMatch | undefined): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  let last = 0;
  for (const start of starts) {
    if (start < last) continue;
    const m = at(start, last);
    if (!m) continue;
    out.push(m);
    last = m.end;
  }
  return out;
}

/** A typed match at `start`: the symbol with a type word before it, starting at `last` or later. */
function typedAt(text: string, start: number, last: number): SymbolMatch | undefined {
  const before = typeWordBefore(text, start, last);
  const m = before && matchAt(text, start, true);
  if (!before || !m) return undefined;
  m.start = before.word[0];
  m.groups.word = before.word;
  m.groups.so = before.so;
  return m;
}

/**
 * The typed and the bare matches of a text (NFC), each list in text order, as a scan from
 * the left with the whole grammar would find them (tests/unit/citation-scan.test.ts).
 * A match refused by {@link build} still holds its text, as in such a scan.
 */
export function symbolMatches(text: string): { typed: SymbolMatch[]; bare: SymbolMatch[] } {
  if (!text.includes('/')) return { typed: [], bare: [] };
  const starts = symbolStarts(text);
  return {
    typed: scan(starts, (start, last) => typedAt(text, start, last)),
    bare: scan(starts, (start) => matchAt(text, start, false)),
  };
}

function found(matches: readonly SymbolMatch[], text: string, typed: boolean): Found[] {
  const out: Found[] = [];
  for (const m of matches) {
    const f = build(m.start, m.end, groupsIn(m, text), typed);
    if (f !== undefined) out.push(f);
  }
  return out;
}

/** The bare matches that overlap no typed one; both lists in text order, walked once. */
function withoutOverlaps(bare: Found[], typed: Found[]): Found[] {
  const out: Found[] = [];
  let t = 0;
  for (const b of bare) {
    while (t < typed.length && typed[t]!.end <= b.start) t++;
    if (t < typed.length && typed[t]!.start < b.end) continue;
    out.push(b);
  }
  return out;
}

/**
 * All citations in `text`, in document order, non-overlapping.
 *
 * Input in any Unicode normal form is accepted: matching is done on the NFC form and the
 * offsets are mapped back, so `start`/`end` index the caller's string and
 * `text === input.slice(start, end)`. The derived fields (`symbol`, codes, `date.text`) are
 * NFC.
 */
export function findCitations(text: string): Citation[] {
  // Every symbol has a "/", and NFC makes none: most text values have none, and are not
  // scanned at all.
  if (!text.includes('/')) return [];
  const norm = normalise(text);
  const matches = symbolMatches(norm.text);
  const typed = found(matches.typed, norm.text, true);
  const bare = withoutOverlaps(found(matches.bare, norm.text, false), typed);
  return [...typed, ...bare]
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const start = norm.toStart(f.start);
      const end = norm.toEnd(f.end);
      return { ...f.citation, start, end, text: text.slice(start, end) };
    });
}
