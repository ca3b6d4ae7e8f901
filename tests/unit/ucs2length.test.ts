import { describe, expect, it } from 'vitest';
import ajvLength from 'ajv/dist/runtime/ucs2length.js';
import fc from '../fc.js';
import { ucs2length } from '../../src/check/ucs2length.js';
import * as validators from '../../src/generated/validators.js';

const ajvUcs2length = (ajvLength as unknown as { default: (s: string) => number }).default ?? (ajvLength as unknown as (s: string) => number);

describe('ucs2length', () => {
  it('counts as ajv counts, lone and paired surrogates included', () => {
    for (const s of ['', 'Quyết định', '😀', 'a😀b', '\uD800', '\uDC00', '\uDC00\uD800', '\uD800\uD800\uDC00', '\uD83D\uDE00\uDE00']) {
      expect(ucs2length(s), JSON.stringify(s)).toBe(ajvUcs2length(s));
    }
    const unit = fc.constantFrom('a', 'ệ', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', ' ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        expect(ucs2length(parts.join(''))).toBe(ajvUcs2length(parts.join('')));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(ucs2length(s)).toBe(ajvUcs2length(s));
      }),
    );
  });

  it('is what the generated validators use', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../src/generated/validators.js', import.meta.url), 'utf8');
    expect(source).not.toContain('ajv/dist/runtime/ucs2length');
    expect(source).toContain('../check/ucs2length.js');
    expect(Object.keys(validators).length).toBeGreaterThan(0);
  });
});
