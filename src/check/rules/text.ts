/**
 * Checks on every string of every file, before the schema: Unicode NFC (and the data is
 * normalised so later rules compare like with like), control and invisible characters,
 * and dates that do not exist (2022-02-30) in the date fields.
 */
import type { RuleReporter } from '../context.js';
import type { SourceFile, PathSegment } from '../../yaml/source.js';
import { BIDI_RE, CONTROL_RE, INVISIBLE_RE, SUSPECT_RE, codePoint } from '../../model/text.js';
import { isValidIsoDate } from '../../model/dates.js';
import { locateSpan } from '../../yaml/source.js';

const DATE_KEYS = new Set(['date', 'asOf', 'completed', 'due']);

/** The codes the per-file text checks may emit (tests/unit/rule-codes.test.ts holds them to it). */
export const TEXT_CODES = [
  'money/not-integer',
  'text/lone-surrogate',
  'text/noncharacter',
  'text/carriage-return',
  'text/not-nfc',
  'text/control-char',
  'text/invisible-char',
  'text/bidi-char',
  'date/invalid',
] as const;

type TextReporter = RuleReporter<(typeof TEXT_CODES)[number]>;

/**
 * Characters no output survives (issue 12.4): Unicode noncharacters (U+FDD0–U+FDEF and the
 * last two code points of every plane: an .xlsx holding U+FFFE does not open in openpyxl), a
 * surrogate without its pair (not text at all: UTF-8 cannot encode it), and a carriage
 * return outside a CR LF pair (a terminal returns to the start of the line and overprints).
 */
const UNSAFE_RE =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]|[\uD800-\uDFFF]|\r/u;

/** Money, quantities and counts: judged on the text as written (issue 12.5). */
const FIGURE_KEYS = new Set(['amount', 'rate', 'total', 'spent', 'quantity']);
const SUSPECT_FIGURE_RE = /\b(?:amount|rate|total|spent|quantity)\s*:\s*(?:\+|0[0-9xXoO]|[0-9]+(?:[.eE]|_))/;
const PLAIN_FIGURE_RE = /^(?:0|[1-9][0-9]*)$/;
/**
 * What SUSPECT_FIGURE_RE needs from the colon on: a text without it has no figure written
 * oddly. A literal first character lets the regular expression engine skip ahead, where
 * the words of SUSPECT_FIGURE_RE make it try every position (bench/profile.mjs).
 */
const FIGURE_TAIL_RE = /:\s*(?:\+|0[0-9xXoO]|[0-9]+(?:[.eE]|_))/;

/** Whether the text may hold a figure written some other way than plain digits. */
function hasSuspectFigure(text: string): boolean {
  return FIGURE_TAIL_RE.test(text) && SUSPECT_FIGURE_RE.test(text);
}

/**
 * Every character that SUSPECT_RE (src/model/text.ts) or UNSAFE_RE can find, and then some
 * (any surrogate, paired or not), in one scan without the `u` flag: a string with none of
 * them, nearly every string, needs neither check.
 */
const ODD_CHAR_RE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * "500.000" is five hundred thousand to a Vietnamese clerk and 500 to YAML; 6e6, 0x10, +5,
 * 007 and 6000000.0000000001 all read as whole numbers too. A figure is accepted only as
 * plain digits, and anything else is money/not-integer on that value.
 */
/** The figure at `path` as written, when it is not written as plain digits; else undefined. */
export function oddlyWritten(src: SourceFile, path: readonly PathSegment[]): string | undefined {
  if (!hasSuspectFigure(src.text)) return undefined;
  const node = locateSpan(src, path).node;
  if (!node) return undefined;
  const written = src.text.slice(node.start, node.end).trim();
  return PLAIN_FIGURE_RE.test(written) ? undefined : written;
}

function checkWritten(src: SourceFile, path: readonly PathSegment[], report: TextReporter): void {
  const written = oddlyWritten(src, path);
  if (written === undefined) return;
  // The hint shows the figure as it should be typed: "500.000" → 500000, as a clerk meant it.
  const digits = /^[+]?\d{1,3}(?:\.\d{3})+$/.test(written) ? written.replace(/[+.]/g, '') : undefined;
  report.at(src, path, 'money/not-integer', { actual: written, digits: digits ? `: ${digits}` : '' });
}

function checkUnsafe(v: string, src: SourceFile, path: readonly PathSegment[], report: TextReporter): void {
  const m = UNSAFE_RE.exec(v);
  if (!m) return;
  for (const ch of v) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) report.at(src, path, 'text/lone-surrogate', { char: codePoint(ch) });
    else if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) report.at(src, path, 'text/noncharacter', { char: codePoint(ch) });
    else continue;
    return;
  }
  // A CR LF pair is a line break as typed on Windows; a CR alone is not text.
  if (/\r(?!\n)/.test(v)) report.at(src, path, 'text/carriage-return', {});
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function checkDate(v: string, key: PathSegment, src: SourceFile, path: readonly PathSegment[], report: TextReporter): void {
  if (typeof key === 'string' && DATE_KEYS.has(key) && !isRealDate(v)) report.at(src, path, 'date/invalid', { actual: v });
}

/** Dates already judged: 100.000 progress records repeat a few hundred dates. */
const judged = new Map<string, boolean>();

/** Whether a text is not a date of the form YYYY-MM-DD that does not exist (2022-02-30). */
function isRealDate(v: string): boolean {
  let ok = judged.get(v);
  if (ok === undefined) {
    ok = !/^\d{4}-\d{2}-\d{2}$/.test(v) || isValidIsoDate(v);
    if (judged.size < 10_000) judged.set(v, ok);
  }
  return ok;
}

export function checkText(src: SourceFile, report: TextReporter): void {
  if (src.data === undefined) return;
  const path: PathSegment[] = [];
  // The common file writes every figure plainly: the syntax tree is consulted only when the
  // text holds a figure written some other way.
  // Scanned once, on the first figure met: a file without figures (tasks, the plan) is not scanned.
  let suspect: boolean | undefined;
  const suspectNumbers = () => (suspect ??= hasSuspectFigure(src.text));
  // A file saved in NFD (macOS) has every Vietnamese string in NFD: one warning per file, at
  // the first, not one per string (`cchc fmt --nfc` fixes the whole file).
  let nfcReported = false;
  const visit = (holder: Record<PathSegment, unknown>, key: PathSegment, depth: number): void => {
    const v = holder[key];
    if (typeof v === 'string') {
      // Printable ASCII (ids, statuses, dates: most strings of a large progress file) is NFC
      // and holds no control, invisible or unsafe character: only the date check applies.
      if (PRINTABLE_ASCII.test(v)) {
        checkDate(v, key, src, path, report);
        return;
      }
      const nfc = v.normalize('NFC');
      if (nfc !== v) {
        if (!nfcReported) report.at(src, path, 'text/not-nfc', {});
        nfcReported = true;
        holder[key] = nfc;
      }
      // One scan for the common case of clean text; which class it was only when one hits.
      if (!ODD_CHAR_RE.test(v)) {
        checkDate(v, key, src, path, report);
        return;
      }
      if (SUSPECT_RE.test(v)) {
        const ctl = CONTROL_RE.exec(v);
        if (ctl) report.at(src, path, 'text/control-char', { char: codePoint(ctl[0]) });
        const inv = INVISIBLE_RE.exec(v);
        if (inv) report.at(src, path, 'text/invisible-char', { char: codePoint(inv[0]) });
        const bidi = BIDI_RE.exec(v);
        if (bidi) report.at(src, path, 'text/bidi-char', { char: codePoint(bidi[0]) });
      }
      checkUnsafe(v, src, path, report);
      checkDate(v, key, src, path, report);
      return;
    }
    if (typeof v === 'number' && typeof key === 'string' && FIGURE_KEYS.has(key) && Number.isSafeInteger(v) && suspectNumbers()) {
      checkWritten(src, path, report);
      return;
    }
    if (v === null || typeof v !== 'object' || depth > 64) return;
    // Indexes and for…in rather than keys(): no array made for each of 100.000 records. The
    // data is plain objects from the parser, whose keys are all their own.
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        path.push(k);
        visit(v as unknown as Record<PathSegment, unknown>, k, depth + 1);
        path.pop();
      }
    } else {
      for (const k in v) {
        path.push(k);
        visit(v as Record<PathSegment, unknown>, k, depth + 1);
        path.pop();
      }
    }
  };
  const root = { r: src.data };
  visit(root, 'r', 0);
  src.data = root.r;
}
