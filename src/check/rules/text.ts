/**
 * Checks on every string of every file, before the schema: Unicode NFC (and the data is
 * normalised so later rules compare like with like), control and invisible characters,
 * and dates that do not exist (2022-02-30) in the date fields.
 */
import type { Reporter } from '../context.js';
import type { SourceFile, PathSegment } from '../../yaml/source.js';
import { BIDI_RE, CONTROL_RE, INVISIBLE_RE, SUSPECT_RE, codePoint } from '../../model/text.js';
import { isValidIsoDate } from '../../model/dates.js';

const DATE_KEYS = new Set(['date', 'asOf', 'completed', 'due']);

export function checkText(src: SourceFile, report: Reporter): void {
  if (src.data === undefined) return;
  const path: PathSegment[] = [];
  // A file saved in NFD (macOS) has every Vietnamese string in NFD: one warning per file, at
  // the first, not one per string (`cchc fmt --nfc` fixes the whole file).
  let nfcReported = false;
  const visit = (holder: any, key: PathSegment, depth: number): void => {
    const v = holder[key];
    if (typeof v === 'string') {
      const nfc = v.normalize('NFC');
      if (nfc !== v) {
        if (!nfcReported) report.at(src, path, 'text/not-nfc');
        nfcReported = true;
        holder[key] = nfc;
      }
      // One scan for the common case of clean text; which class it was only when one hits.
      if (SUSPECT_RE.test(v)) {
        const ctl = CONTROL_RE.exec(v);
        if (ctl) report.at(src, path, 'text/control-char', { char: codePoint(ctl[0]) });
        const inv = INVISIBLE_RE.exec(v);
        if (inv) report.at(src, path, 'text/invisible-char', { char: codePoint(inv[0]) });
        const bidi = BIDI_RE.exec(v);
        if (bidi) report.at(src, path, 'text/bidi-char', { char: codePoint(bidi[0]) });
      }
      if (typeof key === 'string' && DATE_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isValidIsoDate(v)) {
        report.at(src, path, 'date/invalid', { actual: v });
      }
      return;
    }
    if (v === null || typeof v !== 'object' || depth > 64) return;
    for (const k of Array.isArray(v) ? v.keys() : Object.keys(v)) {
      path.push(k);
      visit(v, k, depth + 1);
      path.pop();
    }
  };
  const root = { r: src.data };
  visit(root, 'r', 0);
  src.data = root.r;
}
