/** schemas/scoring.schema.json and the frame checker agree: the built-in frame passes both, broken frames fail both. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from '../helpers.js';
import { parseScoringFrame } from '../../src/report/scoring.js';
import { scoringFrameFromText } from '../../src/report/scoring-file.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'scoring.schema.json'), 'utf8'));
const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema);
const builtIn = JSON.parse(readFileSync(path.join(ROOT, 'src', 'report', 'scoring-default.json'), 'utf8'));

describe('the scoring frame schema', () => {
  it('accepts the built-in frame, as the checker does', () => {
    expect(validate(builtIn)).toBe(true);
    expect(parseScoringFrame(builtIn).problems).toEqual([]);
  });

  it.each([
    ['an unknown field', { ...builtIn, colour: 'red' }],
    ['no bands', { ...builtIn, bands: [] }],
    [
      'a bound over 100',
      {
        ...builtIn,
        bands: [
          { above: 120, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
    ],
    ['no criterion', { ...builtIn, criterion: undefined }],
  ])('refuses %s, as the checker does', (_what, frame) => {
    const f = JSON.parse(JSON.stringify(frame));
    expect(validate(f)).toBe(false);
    expect(parseScoringFrame(f).problems.length).toBeGreaterThan(0);
  });

  it('no file: the built-in frame, no findings', () => {
    expect(scoringFrameFromText('plans/scoring.yaml', undefined)).toMatchObject({ frame: { id: 'default' }, diagnostics: [] });
  });
});
