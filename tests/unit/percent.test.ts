import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { percentFraction, percentOf, roundPercent } from '../../src/model/percent.js';
import { ratioPercent } from '../../src/model/money.js';
import { formatPercent } from '../../src/i18n/format.js';

describe('one rounding rule for percentages (issue 16.4, docs/numbers.md)', () => {
  it('rounds to two decimals, halves away from zero, in decimal', () => {
    expect(roundPercent(66.66666)).toBe(66.67);
    expect(roundPercent(1.005)).toBe(1.01);
    expect(roundPercent(-1.005)).toBe(-1.01);
    expect(roundPercent(2.344999)).toBe(2.34);
    expect(roundPercent(-0.004)).toBe(0);
    expect(percentOf(6, 27)).toBe(22.22);
    expect(percentFraction(11.1111)).toBe(0.1111);
  });

  it('gives money ratios the same figure, exactly', () => {
    expect(ratioPercent(2n, 3n)).toBe(66.67);
    expect(ratioPercent(1n, 200n)).toBe(0.5);
    expect(ratioPercent(201n, 20000n)).toBe(1.01); // 1,005% → 1,01%
    expect(ratioPercent(-201n, 20000n)).toBe(-1.01);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (a, b) => {
        // Two decimals at most.
        expect(Number.isInteger(Math.round(ratioPercent(a, b) * 100))).toBe(true);
        expect(String(ratioPercent(a, b))).toMatch(/^\d+(\.\d{1,2})?$/);
        // At most half a hundredth from the exact value.
        expect(Math.abs(ratioPercent(a, b) - (Number(a) / Number(b)) * 100)).toBeLessThanOrEqual(0.005 + 1e-6 * (Number(a) / Number(b)) * 100);
      }),
    );
  });

  it('is what text shows', () => {
    expect(formatPercent(1.005, 'vi')).toBe('1,01%');
    expect(formatPercent(66.66666, 'en')).toBe('66.67%');
  });
});
