/**
 * The status report wraps its text with a copy of wrapText (src/render/status-text.ts
 * `wrap`, src/render/style.ts) that skips measuring each word for text whose width is its
 * length: the two must give the same lines for any text.
 */
import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { wrap } from '../../src/render/status-text.js';
import { wrapText } from '../../src/render/style.js';

describe('status text wrapping', () => {
  it('gives the lines wrapText gives, on any text and width', () => {
    const piece = fc.constantFrom('a', 'ế', 'Rà soát', ' ', '  ', '\t', '\n', '\u00a0', '😀', '\u001b[31m', 'x'.repeat(30), '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (pieces, width) => {
        const s = pieces.join('');
        expect(wrap(s, width)).toEqual(wrapText(s, width));
      }),
      { numRuns: 500 },
    );
  });

  it('wraps a long title at word boundaries', () => {
    expect(wrap('Rà soát, cập nhật quy trình nội bộ', 12)).toEqual(['Rà soát, cập', 'nhật quy', 'trình nội bộ']);
  });
});
