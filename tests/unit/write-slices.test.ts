/**
 * Large outputs are written a slice at a time (src/cli/io.ts `slices`): the slices must be
 * the text, in order, and no slice may end between the two halves of a surrogate pair (each
 * half would then be written as U+FFFD).
 */
import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { slices } from '../../src/cli/io.js';

describe('writing a text in slices', () => {
  it('gives back the text, in slices of at most the size, never splitting a pair', () => {
    const piece = fc.constantFrom('a', 'ế', '😀', '\n', 'x'.repeat(7), '👩‍👩‍👧');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (pieces, size) => {
        const text = pieces.join('');
        const parts = [...slices(text, size)];
        expect(parts.join('')).toBe(text);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(size);
          if (text.length > 0) expect(p.length).toBeGreaterThan(0);
          // No lone surrogate at either end.
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives a text no longer than the size whole', () => {
    expect([...slices('Quý I/2022', 32)]).toEqual(['Quý I/2022']);
  });
});
