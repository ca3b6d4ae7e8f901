/**
 * Property tests: random and mutated YAML thrown at the loader and the whole rule set.
 * Whatever the input, checking returns diagnostics from the catalogue and never throws.
 */
import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseSource } from '../../src/yaml/source.js';
import { checkPlan, checkLoneFile } from '../../src/check/index.js';
import { codeInfo } from '../../src/diagnostics/codes.js';
import type { PlanDocs } from '../../src/check/context.js';
import { decodeUtf8 } from '../../src/load/read.js';
import { fixturePlan } from '../helpers.js';

const MINI = fixturePlan('mini');
const FILES = ['plan', 'units', 'tasks', 'indicators', 'budget'] as const;
const TEXTS = Object.fromEntries(FILES.map((k) => [k, readFileSync(path.join(MINI, `${k}.yaml`), 'utf8')])) as Record<(typeof FILES)[number], string>;
const PROGRESS = readdirSync(path.join(MINI, 'progress')).map((f) => readFileSync(path.join(MINI, 'progress', f), 'utf8'));

function docsWith(kind: string, text: string): PlanDocs {
  const docs: PlanDocs = { dir: 'mini', folderName: '2023', progress: PROGRESS.map((t, i) => ({ source: parseSource(`progress/${i}.yaml`, t) })) };
  for (const k of FILES) docs[k] = { source: parseSource(`${k}.yaml`, k === kind ? text : TEXTS[k]) };
  if (kind === 'progress') docs.progress.push({ source: parseSource('progress/x.yaml', text) });
  return docs;
}

function assertSound(ds: { code: string; line: number; column: number }[]) {
  for (const d of ds) {
    expect(codeInfo(d.code), d.code).toBeDefined();
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.column).toBeGreaterThanOrEqual(0);
  }
}

/** A mutation of a text: cut, insert, duplicate or swap lines, flip characters. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(': ', '- ', '\t', '&a ', '*a', '[', '{', '"', "'", '\n  ', '---\n', '<<: ', '? ', '!!str ', '%YAML 1.1\n', '\r', '\u202e', '\u0000', 'ế'),
    ),
  }),
  fc.record({ op: fc.constant('dupline' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    if (m.op === 'cut') {
      const at = m.at % (t.length + 1);
      t = t.slice(0, at) + t.slice(at + m.len);
    } else if (m.op === 'insert') {
      const at = m.at % (t.length + 1);
      t = t.slice(0, at) + m.text + t.slice(at);
    } else {
      const lines = t.split('\n');
      if (m.op === 'dupline') {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      t = lines.join('\n');
    }
  }
  return t;
}

describe('the loader and the checks never throw', () => {
  it('on random text as a lone file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const src = parseSource('random.yaml', text);
        assertSound([...src.diagnostics, ...checkLoneFile(src)]);
      }),
      { numRuns: 200 },
    );
  });

  it('on random bytes through the UTF-8 decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text, diagnostic } = decodeUtf8('bytes.yaml', bytes);
        if (diagnostic) expect(['file/encoding', 'file/utf16']).toContain(diagnostic.code);
        else assertSound(checkLoneFile(parseSource('bytes.yaml', text!)));
      }),
      { numRuns: 200 },
    );
  });

  it.each([...FILES, 'progress'] as const)('on mutated %s.yaml inside a whole plan', (kind) => {
    const base = kind === 'progress' ? PROGRESS[0]! : TEXTS[kind];
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const result = checkPlan(docsWith(kind, mutate(base, ms)));
        assertSound(result.diagnostics);
      }),
      { numRuns: 60 },
    );
  });

  it.each(FILES)('on arbitrary data in place of %s.yaml', (kind) => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), (value) => {
        let text: string | undefined;
        try {
          text = stringify(value);
        } catch {
          text = undefined;
        }
        if (typeof text !== 'string') return; // not representable as YAML: nothing to test
        assertSound(checkPlan(docsWith(kind, text)).diagnostics);
      }),
      { numRuns: 60 },
    );
  });

  it('on data that keeps the shape but changes the values', () => {
    const tasks = parseSource('tasks.yaml', TEXTS.tasks).data as Record<string, unknown>;
    const task = fc.record({
      no: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constant(1)),
      area: fc.integer({ min: 0, max: 5 }),
      title: fc.string({ maxLength: 30 }),
      lead: fc.array(fc.constantFrom('noi-vu', 'tu-phap', 'x', ''), { maxLength: 3 }),
      deadline: fc.oneof(fc.constantFrom('Quý I/2023', 'Quý V/2023', 'Thường xuyên', '31/02/2023', '2023-13-01', ''), fc.string({ maxLength: 15 })),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 8 }), (ts) => {
        assertSound(checkPlan(docsWith('tasks', stringify({ ...tasks, tasks: ts }))).diagnostics);
      }),
      { numRuns: 100 },
    );
  });
});
