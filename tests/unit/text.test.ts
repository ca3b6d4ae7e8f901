import { describe, it, expect } from 'vitest';
import { BIDI_RE, CONTROL_RE, INVISIBLE_RE, SUSPECT_RE, closest, levenshtein } from '../../src/model/text.js';

describe('text helpers', () => {
  it('SUSPECT_RE is exactly the union of the control, zero-width and bidirectional classes', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const union = CONTROL_RE.test(ch) || INVISIBLE_RE.test(ch) || BIDI_RE.test(ch);
      if (SUSPECT_RE.test(ch) !== union) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('tab and line ends are not control characters; Vietnamese letters are clean', () => {
    expect(SUSPECT_RE.test('\tdòng\r\nmới: Sở LĐ-TB&XH, Quý I/2022')).toBe(false);
  });

  it('suggests the closest name within a small distance', () => {
    expect(levenshtein('prodcut', 'product')).toBe(2);
    expect(closest('prodcut', ['product', 'deadline', 'title'])).toBe('product');
    expect(closest('zzzzzz', ['product', 'deadline'])).toBeUndefined();
  });
});
