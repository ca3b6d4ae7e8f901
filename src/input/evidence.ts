/**
 * Minh chứng as typed: "Quyết định số 600/QĐ-UBND ngày 25/03/2022" is a document and its
 * date; anything else is kept whole as the document.
 */
import { readDate } from './date.js';
import type { IsoDate } from '../model/dates.js';

export interface EvidenceText {
  document: string;
  date?: IsoDate;
}

const WITH_DATE = /^(.*?[^\s,])\s*,?\s+ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*\.?$/iu;

export function readEvidence(text: string): EvidenceText {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const m = WITH_DATE.exec(s);
  if (m) {
    const d = readDate(m[2]!);
    if (d.ok) return { document: m[1]!, date: d.value };
  }
  return { document: s };
}
