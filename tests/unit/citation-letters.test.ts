/**
 * The citation patterns run on a shadow of the text in which letters and numbers outside
 * ASCII stand as their Unicode class (src/model/citation.ts, shadowOf), so that the
 * patterns compile without \p classes. Letters of any script must still count as letters:
 * they end or start a code, and a letter before a type word means it is inside a word.
 */
import { describe, it, expect } from 'vitest';
import { findCitations, grammar, shadowOf } from '../../src/model/citation.js';

const symbols = (t: string) => findCitations(t).map((c) => [c.type, c.symbol]);

describe('letters outside ASCII in citations', () => {
  it('an upper-case letter of another script is part of a code', () => {
    expect(symbols('Quyết định số 5/QĐ-ΑΒΓ ngày 01/02/2022')).toEqual([['Quyết định', '5/QĐ-ΑΒΓ']]);
    expect(symbols('Quyết định số 5/QĐ-ƯBND')).toEqual([['Quyết định', '5/QĐ-ƯBND']]);
  });

  it('a code ends at a letter of another script only when it cannot continue with it', () => {
    // A lower-case letter may follow the upper-case run once (TTg); a second one ends nothing: no citation.
    expect(symbols('Quyết định số 5/QĐ-TTgжж')).toEqual([]);
    expect(symbols('Quyết định số 5/QĐ-TTgж')).toEqual([]);
    // A number of any script is part of a code, as a digit is.
    expect(symbols('theo 107/2020/NĐ-CP½')).toEqual([['Nghị định', '107/2020/NĐ-CP½']]);
  });

  it('a letter of any script before a type word makes it part of a word', () => {
    // The typed reading needs a word boundary; the bare symbol is still found.
    expect(findCitations('ЖQuyết định số 5/QĐ-UBND')[0]?.start).toBe(15);
    expect(findCitations('«Quyết định số 5/QĐ-UBND')[0]?.start).toBe(1);
    expect(findCitations('𝐀Nghị định 107/2020/NĐ-CP')[0]?.text).toBe('107/2020/NĐ-CP');
  });

  it('private-use characters in the text are not taken for letters', () => {
    expect(symbols('\uE000Quyết định số 5/QĐ-UBND')).toEqual([['Quyết định', '5/QĐ-UBND']]);
    // "-" then a character that is no letter ends the symbol before the dash.
    expect(symbols('Quyết định số 5/QĐ-\uE000')).toEqual([['Quyết định', '5/QĐ']]);
  });
});

describe('the shadow of every character', () => {
  it('is its Unicode class, or itself, for every character of the Basic Multilingual Plane', () => {
    const { kept } = grammar();
    const expected = (ch: string): string =>
      kept.has(ch)
        ? ch
        : /\p{Lu}/u.test(ch)
          ? '\uE000'
          : /\p{Ll}/u.test(ch)
            ? '\uE001'
            : /\p{L}/u.test(ch)
              ? '\uE002'
              : /\p{N}/u.test(ch)
                ? '\uE003'
                : ch >= '\uE000' && ch <= '\uE004'
                  ? '\uE004'
                  : ch;
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (shadowOf(ch) !== expected(ch)) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});
