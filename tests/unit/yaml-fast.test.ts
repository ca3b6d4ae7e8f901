/**
 * The fast path (js-yaml, for clean files) must never disagree with the exact path (the
 * yaml package): whenever parseSource takes it (no syntax tree built), the exact parser
 * accepts the text too, with no finding, and gives the same data. Both read plain scalars
 * by the one table of src/yaml/scalars.ts, and what only the exact parser decides is seen
 * by js-yaml itself while it reads (src/yaml/fast.ts), not guessed from the text. The
 * former differences of the parsers (`1e400`, keys over 1,024 characters) are cases here
 * (docs/engine.md).
 */
import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { fastParse } from '../../src/yaml/fast.js';
import { CORE_SCALARS, resolvePlain } from '../../src/yaml/scalars.js';
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

  it('leaves anchors, aliases, tags, explicit keys, directives, indentation indicators, tabs, comments without a space, lone scalars and empty files to the exact path', () => {
    for (const t of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: !!int 1\n',
      'a: ! 1\n',
      'a: !local x\n',
      '!!map {a: 1}\n',
      'a: !<tag:yaml.org,2002:str> 1\n',
      '? a\n: 1\n',
      '%YAML 1.2\n---\na: 1\n',
      '%TAG !e! tag:example.com,2000:\n---\na: 1\n',
      'a: |2\n    x\n',
      'a: >-1\n  x\n',
      '\ta: 1\n',
      'a: "x"#c\n',
      'a: [x]#c\n',
      'just a scalar\n',
      '    >-\n #c a\n',
      '',
      '# only a comment\n',
    ]) {
      expect(fastParse(t, 64, 1000), JSON.stringify(t)).toBeUndefined();
      agree(t);
    }
  });

  it('leaves keys the two could name differently to the exact path: null, a collection, over 1,024 characters', () => {
    for (const t of ['~: 1\n', 'null: 1\n', '[a]: 1\n', '{a: 1}: 2\n', 'x: {[a]: 1}\n', `${'k'.repeat(1025)}: 1\n`, `"${'k'.repeat(1023)}": 1\n`]) {
      expect(fastParse(t, 64, 1000), JSON.stringify(t).slice(0, 40)).toBeUndefined();
      agree(t);
    }
  });

  it('sends what js-yaml rejects to the exact path: duplicate keys, several documents, bad syntax, tabs as indentation', () => {
    for (const t of ['a: 1\na: 2\n', 'a: 1\n---\nb: 2\n', 'a: [1\n', 'a:\n\tb: 1\n']) {
      expect(fastParse(t, 64, 1000)).toBeUndefined();
      expect(parseSource('t.yaml', t).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('reads every plain scalar by the one table, on both paths', () => {
    const cases: [string, unknown][] = [
      ['1e400', Infinity],
      ['-1e400', -Infinity],
      ['1E999', Infinity],
      ['-1.0e+400', -Infinity],
      ['.inf', Infinity],
      ['-.Inf', -Infinity],
      ['.nan', NaN],
      ['0x1F', 31],
      ['0o17', 15],
      ['1_000', '1_000'],
      ['0b101', '0b101'],
      ['-0x1F', '-0x1F'],
      ['+12', 12],
      ['012', 12],
      ['1.50', 1.5],
      ['.5', 0.5],
      ['1e3', 1000],
      ['~', null],
      ['null', null],
      ['Null', null],
      ['NULL', null],
      ['nULL', 'nULL'],
      ['True', true],
      ['FALSE', false],
      ['tRUE', 'tRUE'],
      ['yes', 'yes'],
      ['no', 'no'],
      ['on', 'on'],
      ['2022-03-31', '2022-03-31'],
      ['12:30', '12:30'],
    ];
    for (const [text, value] of cases) {
      expect(resolvePlain(text), text).toEqual(value);
      for (const doc of [`a: ${text}\n`, `- ${text}\n`, `{a: [${text}]}\n`]) {
        expect(agree(doc), doc).toBe(true);
        expect(parseSource('t.yaml', doc).data, doc).toEqual(doc.startsWith('-') ? [value] : doc.startsWith('{') ? { a: [value] } : { a: value });
      }
      // Quoted, it stays text on both paths.
      expect(parseSource('t.yaml', `a: "${text}"\n`).data).toEqual({ a: text });
      expect(agree(`a: '${text}'\n`)).toBe(true);
    }
    expect(new Set(CORE_SCALARS.map((r) => r.tag)).size).toBe(4);
  });

  it('keys of 1,024 characters take the fast path, longer ones the exact path, and the two agree', () => {
    expect(agree(`${'k'.repeat(1024)}: 1\n`)).toBe(true);
    expect(agree(`a:\n  ${'k'.repeat(1024)}: 1\n`)).toBe(true);
    for (const n of [1025, 1100, 5000]) {
      const long = `${'k'.repeat(n)}: 1\n`;
      expect(agree(long)).toBe(false);
      expect(parseSource('t.yaml', long).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('merge keys are plain keys on both paths (the core schema has no merge)', () => {
    expect(agree('<<: {a: 1}\nb: 2\n')).toBe(true);
    expect(parseSource('t.yaml', '<<: {a: 1}\n').data).toEqual({ '<<': { a: 1 } });
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

  it('agrees with the exact path on texts made of YAML pieces, anchors, tags and explicit keys among them', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      'k',
      ': ',
      ':',
      '\n',
      '  ',
      '    ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      '"x"',
      "'y'",
      '&a ',
      '*a',
      '!!str ',
      '!!int ',
      '! ',
      '? ',
      '|\n',
      '|2\n',
      '>-\n',
      '#c',
      ' #c',
      '~',
      '1e400',
      'null',
      'True',
      '0x1F',
      '1_000',
      '\t',
      '%YAML 1.2\n---\n',
      '---\n',
      '<<: ',
      'ế',
    );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => {
        if (agree(pieces.join(''))) taken++;
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(50);
  });

  it('agrees with the exact path on mutated plan files', () => {
    const base = files(fixturePlan('mini'));
    const edit = fc.record({
      file: fc.nat(),
      at: fc.nat(),
      cut: fc.nat({ max: 12 }),
      insert: fc.constantFrom(
        '',
        ' ',
        ':',
        '- ',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        '#',
        '\n',
        '\n  ',
        ',',
        '|',
        '>',
        '0',
        'ế',
        '\\',
        '\t',
        '&a ',
        '*a',
        '!',
        '? ',
        '|2',
        '1e400',
        '~',
        '%',
      ),
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
