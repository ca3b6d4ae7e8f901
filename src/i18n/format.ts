/**
 * Numbers, dates and quarters as a Vietnamese reader expects them (20.000.000; 46,09%;
 * 31/03/2022; Quý I/2022), or in English with --lang en (20,000,000; 46.09%).
 */
import type { Lang } from '../diagnostics/codes.js';
import { QUARTER_ROMAN } from '../model/deadline.js';
import type { Period } from '../model/period.js';
import { roundPercent } from '../model/percent.js';

export type { Lang };

function group(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** A whole number with thousands grouped: 20.000.000 (vi) or 20,000,000 (en). */
export function formatInt(n: number | bigint, lang: Lang): string {
  const neg = typeof n === 'bigint' ? n < 0n : n < 0;
  const abs = typeof n === 'bigint' ? (neg ? -n : n).toString() : Math.abs(Math.trunc(n)).toString();
  return (neg ? '-' : '') + group(abs, lang === 'vi' ? '.' : ',');
}

/** A decimal with at most `digits` decimals, trailing zeros kept only when `fixed`. */
export function formatDecimal(x: number, lang: Lang, digits = 2, fixed = false): string {
  if (!Number.isFinite(x)) return String(x);
  const s = fixed ? x.toFixed(digits) : String(Number(x.toFixed(digits)));
  const [int, frac] = s.replace('-', '').split('.');
  const sign = x < 0 && Number(s) !== 0 ? '-' : '';
  return sign + group(int!, lang === 'vi' ? '.' : ',') + (frac ? (lang === 'vi' ? ',' : '.') + frac : '');
}

/** 46,09% — two decimals as official reports write them, rounded by the one rule (docs/numbers.md). */
export function formatPercent(x: number, lang: Lang, digits = 2): string {
  return formatDecimal(digits === 2 ? roundPercent(x) : x, lang, digits, true) + '%';
}

export function formatMoney(n: bigint | number, lang: Lang): string {
  return lang === 'vi' ? `${formatInt(n, lang)} đồng` : `${formatInt(n, lang)} VND`;
}

/** dd/mm/yyyy from an ISO date. */
export function formatDate(iso: string, _lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function formatQuarter(q: number, year: number, lang: Lang): string {
  return lang === 'vi' ? `Quý ${QUARTER_ROMAN[q]}/${year}` : `Q${q} ${year}`;
}

export function formatPeriod(p: Period, lang: Lang): string {
  if (p.kind === 'quarter') return formatQuarter(p.quarter!, p.year, lang);
  if (lang === 'vi') return p.kind === 'half' ? `6 tháng đầu năm ${p.year}` : p.kind === 'nine-months' ? `9 tháng năm ${p.year}` : `Năm ${p.year}`;
  return p.kind === 'half' ? `first half of ${p.year}` : p.kind === 'nine-months' ? `nine months of ${p.year}` : `year ${p.year}`;
}
