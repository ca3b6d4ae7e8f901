/**
 * JSON output in pieces (src/cli/json-out.ts jsonPieces): the pieces joined are the text
 * JSON.stringify(value, replacer, 2) gives, byte for byte, for any JSON data: objects with
 * skipped values (undefined, functions), short and long arrays (a long one is written element by element), nested
 * ones, bigints (money), strings with line breaks and quotes.
 */
import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { jsonPieces } from '../../src/cli/json-out.js';
import { moneyAsJson } from '../../src/render/status-json.js';

const replacer = (_k: string, v: unknown) => (typeof v === 'bigint' ? moneyAsJson(v) : v);
const whole = (v: unknown) => JSON.stringify(v, replacer, 2);
const pieces = (v: unknown) => [...jsonPieces(v)].join('');

const leaf = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'ế', '\n', '"', '\\', ' ', '😀', '\u2028') }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  // undefined and functions are skipped in objects and null in arrays.
  array: fc.array(fc.oneof(tie('node'), fc.constant(undefined), fc.constant(Math.max)), { maxLength: 6 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(tie('node'), fc.constant(undefined), fc.constant(Math.max)), { maxKeys: 5 }),
})).node;

describe('JSON in pieces', () => {
  it('is the text JSON.stringify gives, for any JSON data', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(pieces(v)).toBe(whole(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a long array element by element, with the same text, at any depth', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 257, maxLength: 300 }), fc.integer({ min: 0, max: 2 }), (items, depth) => {
        let v: unknown = { format: 1, command: 'status', ok: true, tasks: items, none: undefined };
        for (let d = 0; d < depth; d++) v = { report: v, empty: {}, list: [] };
        expect(pieces(v)).toBe(whole(v));
        // The long array is in many pieces: one at least for each of its elements.
        expect([...jsonPieces(v)].length).toBeGreaterThan(items.length);
      }),
      { numRuns: 40 },
    );
  });

  it('writes a top-level value that is no object as JSON.stringify does', () => {
    for (const v of [1, 'x', null, [], {}, [1, [2, [3]]], 10n ** 30n]) expect(pieces(v)).toBe(whole(v));
  });
});
