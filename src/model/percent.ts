/**
 * The one rounding rule for percentages (docs/numbers.md): two decimals, halves rounded away
 * from zero (46,085% → 46,09%; −0,005% → −0,01%), the way an official report writes a figure
 * by hand. Every percentage cchc shows, in text, JSON or a workbook, goes through
 * {@link roundPercent}. Pure.
 */

/** `x` rounded to two decimals, halves away from zero. Decimal, not binary: 1.005 → 1.01. */
export function roundPercent(x: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // Shifting through the decimal exponent avoids 1.005 * 100 = 100.49999999999999.
  const shifted = Number(`${Math.abs(x)}e2`);
  const rounded = Number(`${Math.round(shifted)}e-2`);
  return rounded === 0 ? 0 : sign * rounded;
}

/** part ÷ whole as a percentage, rounded by {@link roundPercent}; 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : roundPercent((part / whole) * 100);
}

/** A rounded percentage as the fraction a spreadsheet stores (11,11% → 0.1111, not 0.11109999…). */
export function percentFraction(x: number): number {
  return Number(`${roundPercent(x)}e-2`);
}
