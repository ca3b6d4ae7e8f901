/**
 * Positions in a plain file come from js-yaml's events (src/yaml/spans.ts), so that a
 * finding in a clean plan does not load the yaml package. They must be the positions the
 * yaml package's syntax tree gives: compared here on every value and every key of every
 * file of the bundled plan and the fixture plans, and on hand-written styles.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseExact, parseSource, positionOf, type PathSegment, type SourceFile } from '../../src/yaml/source.js';
import { spanTree } from '../../src/yaml/spans.js';
import { resetEvents } from '../../src/yaml/fast.js';
import { PLAN_2022, ROOT } from '../helpers.js';

/** Every path into the data, containers included. */
function paths(data: unknown, at: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(at);
  if (Array.isArray(data)) data.forEach((v, i) => paths(v, [...at, i], out));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) paths(v, [...at, k], out);
  return out;
}

/** The same file located through spans (fast path) and through the syntax tree. */
function compare(text: string): number {
  // A new run's budget of kept events (src/yaml/fast.ts): this file parses many texts.
  resetEvents();
  const fast = parseSource('t.yaml', text);
  expect(fast.doc, 'the fast path reads it').toBeUndefined();
  // Located from the events of that reading, kept for it: the text is not read again.
  expect(fast.events).toBeDefined();
  const exact: SourceFile = parseExact('t.yaml', fast.text);
  let n = 0;
  for (const p of paths(fast.data)) {
    for (const onKey of [false, true]) {
      expect(positionOf(fast, p, onKey), `${JSON.stringify(p)} ${onKey ? 'key' : 'value'}`).toEqual(positionOf(exact, p, onKey));
      n++;
    }
  }
  // The yaml package was not needed for any of it.
  expect(fast.doc).toBeUndefined();
  return n;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f));

describe('positions from js-yaml events', () => {
  it("are the same from the first reading's events as from reading the text again", () => {
    let compared = 0;
    for (const f of [...yamlFiles(PLAN_2022), ...yamlFiles(path.join(ROOT, 'tests', 'fixtures', 'plans'))]) {
      resetEvents();
      const src = parseSource(f, readFileSync(f, 'utf8'));
      if (!src.events) continue;
      expect(spanTree(src.text, src.events), f).toEqual(spanTree(src.text));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('are the yaml package positions on every value and key of every plan file', () => {
    let n = 0;
    const files = [...yamlFiles(PLAN_2022), ...yamlFiles(path.join(ROOT, 'tests', 'fixtures', 'plans'))];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (parseSource(f, text).doc || parseSource(f, text).data === undefined) continue;
      n += compare(text);
    }
    expect(n).toBeGreaterThan(5000);
  });

  it('agree on every scalar and collection style', () => {
    const text = [
      'plain: value with words',
      "single: 'it''s'",
      'double: "tab\\there"',
      'empty:',
      'emptyquoted: ""',
      'literal: |',
      '  line one',
      '  line two',
      'folded: >-',
      '  folded',
      '  text',
      'flowseq: [a, "b", [c, d], []]',
      'flowmap: {k: v, n: {m: 1}, e: {}}',
      'seq:',
      '  - one',
      '  - k: v',
      '    k2: [1, 2]',
      '  - - nested',
      '    - "q"',
      '1: number key',
      'true: bool key',
      'multi: plain text',
      '  on two lines',
      'last: 0x1F',
      '',
    ].join('\n');
    expect(compare(text)).toBeGreaterThan(40);
  });

  it('agree on random data written in every style', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { minKeys: 1, maxKeys: 5 }), fc.boolean(), (data, flow) => {
        const text = stringify(data, { collectionStyle: flow ? 'flow' : 'block' });
        const src = parseSource('t.yaml', text);
        if (src.doc || src.data === undefined) return;
        compare(text);
      }),
      { numRuns: 300 },
    );
  });
});
