/**
 * The fast path (js-yaml, for clean files) must never disagree with the exact path (the
 * yaml package): whenever parseSource takes it (no syntax tree built), the exact parser
 * accepts the text too, with no finding, and gives the same data. The two known
 * differences of the parsers (`1e400`, keys over 1,024 characters) are decided by the
 * exact parser (docs/engine.md).
 */
import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { fastParse } from '../../src/yaml/fast.js';
import { parseExact, parseSource } from '../../src/yaml/source.js';
import { PLAN_2022, fixturePlan } from '../helpers.js';

/** True when parseSource took the fast path; fails when that path disagrees with the exact one. */
function agree(text: string): boolean {
  const src = parseSource('t.yaml', text);
  const exact = parseExact('t.yaml', src.text);
  if (src.doc || src.diagnostics.length > 0) {
    // The exact path decided: same findings, same data.
    expect(src.diagnostics.map((d) => d.code)).toEqual(exact.diagnostics.map((d) => d.code));
    return false;
  }
  expect(exact.diagnostics).toEqual([]);
  expect(src.data).toEqual(exact.data);
  return true;
}

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));

describe('the fast YAML path', () => {
  it('takes every file of the bundled plan and the fixtures, and agrees', () => {
    for (const t of [...files(PLAN_2022), ...files(fixturePlan('mini'))]) expect(agree(t)).toBe(true);
  });

  it('leaves anchors, aliases, tags, tabs, explicit keys, merge keys, directives and empty files to the exact path', () => {
    for (const t of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\tb: 1\n', '? a\n: 1\n', '<<: {a: 1}\n', '%YAML 1.2\n---\na: 1\n', '', '# only a comment\n']) {
      expect(fastParse(t, 64), JSON.stringify(t)).toBeUndefined();
    }
  });

  it('sends what js-yaml rejects to the exact path: duplicate keys, several documents, bad syntax', () => {
    for (const t of ['a: 1\na: 2\n', 'a: 1\n---\nb: 2\n', 'a: [1\n']) {
      expect(fastParse(t, 64)).toBeUndefined();
      expect(parseSource('t.yaml', t).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('the two known differences of the parsers are decided by the exact one', () => {
    // js-yaml keeps an overflowing float as text; the yaml package reads Infinity.
    for (const t of ['a: 1e400\n', 'a: -1.0e+400\n', '- 1E999\n']) {
      expect(fastParse(t, 64)).toEqual({ data: expect.anything() });
      const src = parseSource('t.yaml', t);
      expect(src.doc, t).toBeDefined();
      expect(src.data).toEqual(parseExact('t.yaml', t).data);
      expect(Object.values(src.data as object).some((v) => v === Infinity || v === -Infinity)).toBe(true);
    }
    // js-yaml accepts an implicit key over 1,024 characters; the yaml package refuses it.
    const long = `${'k'.repeat(1025)}: 1\n`;
    expect(fastParse(long, 64)).toEqual({ data: expect.anything() });
    expect(parseSource('t.yaml', long).diagnostics.map((d) => d.code)).toEqual(parseExact('t.yaml', long).diagnostics.map((d) => d.code));
    expect(parseSource('t.yaml', long).diagnostics.length).toBeGreaterThan(0);
    // 1,024 is still a key for both.
    expect(agree(`${'k'.repeat(1024)}: 1\n`)).toBe(true);
  });

  it('refuses nesting deeper than the limit on the fast path, located, as the exact path does', () => {
    for (const t of ['a: ' + '['.repeat(200) + ']'.repeat(200) + '\n', 'a:\n' + Array.from({ length: 100 }, (_, i) => '  '.repeat(i + 1) + 'k:\n').join('')]) {
      const src = parseSource('t.yaml', t);
      expect(src.diagnostics.map((d) => d.code)).toEqual(['yaml/too-deep']);
      expect(src.diagnostics[0]!.line).toBeGreaterThan(0);
      expect(parseExact('t.yaml', t).diagnostics.map((d) => d.code)).toEqual(['yaml/too-deep']);
    }
    // At the limit, both paths draw the line at the same depth.
    for (let n = 60; n <= 68; n++) {
      for (const t of ['a: ' + '['.repeat(n) + ']'.repeat(n) + '\n', 'a:\n' + Array.from({ length: n }, (_, i) => '  '.repeat(i + 1) + 'k:\n').join('')]) {
        expect(
          parseSource('t.yaml', t).diagnostics.map((d) => d.code),
          `${n}`,
        ).toEqual(parseExact('t.yaml', t).diagnostics.map((d) => d.code));
      }
    }
  });

  it('agrees with the exact path on random data written as YAML in many styles', () => {
    const RUNS = 250;
    const value = fc.anything({
      maxDepth: 4,
      key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('no', 'yes', 'null', '1', '2022-01-01', '__proto__', 'constructor', 'true')),
      values: [
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          'no',
          'on',
          '~',
          'null',
          '1e3',
          '0x1F',
          '0o17',
          '.nan',
          '2022-03-31',
          'Quý I/2022',
          'Sở LĐ-TB&XH',
          'a: b',
          '- x',
          '# c',
          "it's",
          '"q"',
          'x & y',
          '3 * 4',
          'Chú ý!',
        ),
        fc.integer(),
        fc.double({ noNaN: false }),
        fc.boolean(),
        fc.constant(null),
      ],
    });
    const style = fc.record({ flow: fc.boolean(), quote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') });
    let taken = 0;
    fc.assert(
      fc.property(value, style, (v, s) => {
        let text: string | undefined;
        try {
          text = stringify(v, { collectionStyle: s.flow ? 'flow' : 'block', defaultStringType: s.quote as never, aliasDuplicateObjects: false });
        } catch {
          return;
        }
        if (typeof text === 'string' && agree(text)) taken++;
      }),
      { numRuns: RUNS },
    );
    // The fast path must actually be exercised, not refused every time: in most runs.
    expect(taken).toBeGreaterThan(RUNS / 2);
  });

  it('agrees with the exact path on mutated plan files', () => {
    const base = files(fixturePlan('mini'));
    const edit = fc.record({
      file: fc.nat(),
      at: fc.nat(),
      cut: fc.nat({ max: 12 }),
      insert: fc.constantFrom('', ' ', ':', '- ', '"', "'", '[', ']', '{', '}', '#', '\n', '\n  ', ',', '|', '>', '0', 'ế', '\\'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let t = base[edits[0]!.file % base.length]!;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
        }
        agree(t);
      }),
      { numRuns: 250 },
    );
  });
});
