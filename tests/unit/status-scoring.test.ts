import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { DEFAULT_FRAME, parseScoringFrame, scoreCompletion, bandOf, type ScoringFrame } from '../../src/report/scoring.js';
import defaultData from '../../src/report/scoring-default.json' with { type: 'json' };
import { frameAsText } from '../../src/render/status-text.js';

describe('the default scoring frame (mức độ thực hiện kế hoạch CCHC)', () => {
  it('is read from its JSON file and is valid', () => {
    const { frame, problems } = parseScoringFrame(defaultData);
    expect(problems).toEqual([]);
    expect(frame).toEqual(DEFAULT_FRAME);
    expect(DEFAULT_FRAME).toMatchObject({ id: 'default', max: 2 });
  });

  // finished, planned → points: above 90% → 2, 70–90% → 1, below 70% → 0.
  it.each([
    [10, 10, 2],
    [91, 100, 2],
    [901, 1000, 2],
    [9, 10, 1], // exactly 90%: not above 90
    [63, 70, 1], // 90% again
    [27, 30, 1],
    [8, 10, 1],
    [7, 10, 1], // exactly 70%
    [69, 100, 0],
    [699, 1000, 0],
    [12, 27, 0],
    [0, 27, 0],
    [0, 0, 0], // nothing planned counts as 0%
  ])('%i/%i → %i points', (finished, planned, points) => {
    expect(scoreCompletion(DEFAULT_FRAME, finished, planned)).toEqual({ points, max: 2, percent: (points / 2) * 100, frame: 'default' });
  });

  it('agrees with the band read off the exact fraction for every completion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }).chain((planned) => fc.tuple(fc.integer({ min: 0, max: planned }), fc.constant(planned))),
        ([f, p]) => {
          // Compare in integers: f/p > 0.9  ⇔  10f > 9p.
          const expected = 10 * f > 9 * p ? 2 : 10 * f >= 7 * p ? 1 : 0;
          expect(scoreCompletion(DEFAULT_FRAME, f, p).points).toBe(expected);
        },
      ),
    );
  });

  it('describes its bands in words', () => {
    expect(frameAsText(DEFAULT_FRAME, 'vi')).toBe('trên 90% → 2 điểm; từ 70% đến 90% → 1 điểm; dưới 70% → 0 điểm');
    expect(frameAsText(DEFAULT_FRAME, 'en')).toBe('above 90% → 2 points; 70% to 90% → 1 point; below 70% → 0 points');
  });
});

describe('other frames are data too', () => {
  const frame: ScoringFrame = {
    id: 'four-step',
    criterion: { vi: 'thực hiện kế hoạch', en: 'plan implementation' },
    max: 3,
    bands: [
      { atLeast: 100, points: 3 },
      { above: 80, points: 2 },
      { atLeast: 50.5, points: 1 },
      { atLeast: 0, points: 0 },
    ],
  };

  it('scores with its own thresholds, two decimals exactly', () => {
    expect(parseScoringFrame(frame).problems).toEqual([]);
    expect(scoreCompletion(frame, 5, 5).points).toBe(3);
    expect(scoreCompletion(frame, 81, 100).points).toBe(2);
    expect(scoreCompletion(frame, 80, 100).points).toBe(1);
    expect(scoreCompletion(frame, 101, 200).points).toBe(1); // 50.5%
    expect(scoreCompletion(frame, 1009, 2000).points).toBe(0); // 50.45%
    expect(scoreCompletion(frame, 2, 3)).toEqual({ points: 1, max: 3, percent: (1 / 3) * 100, frame: 'four-step' });
    expect(bandOf(frame, 0, 10)).toEqual({ atLeast: 0, points: 0 });
  });

  it('describes bounds that are "at least" and "above" alike', () => {
    expect(frameAsText(frame, 'vi')).toBe('từ 100% trở lên → 3 điểm; trên 80% đến dưới 100% → 2 điểm; từ 50,5% đến 80% → 1 điểm; dưới 50,5% → 0 điểm');
  });
});

describe('parseScoringFrame refuses frames that cannot score every plan', () => {
  const base = { id: 'x', criterion: { vi: 'a', en: 'b' }, max: 2 };
  it.each([
    ['not an object', [], ''],
    ['no id', { ...base, id: '', bands: [{ atLeast: 0, points: 0 }] }, '/id'],
    ['no criterion', { ...base, criterion: { vi: 'a' }, bands: [{ atLeast: 0, points: 0 }] }, '/criterion'],
    ['max zero', { ...base, max: 0, bands: [{ atLeast: 0, points: 0 }] }, '/max'],
    ['no bands', { ...base, bands: [] }, '/bands'],
    [
      'both bounds',
      {
        ...base,
        bands: [
          { above: 90, atLeast: 90, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/0',
    ],
    [
      'bound above 100',
      {
        ...base,
        bands: [
          { above: 120, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/0/above',
    ],
    [
      'three decimals',
      {
        ...base,
        bands: [
          { above: 90.125, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/0/above',
    ],
    [
      'points above max',
      {
        ...base,
        bands: [
          { above: 90, points: 3 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/0/points',
    ],
    [
      'bands out of order',
      {
        ...base,
        bands: [
          { atLeast: 70, points: 1 },
          { above: 90, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/1',
    ],
    [
      'lower band, more points',
      {
        ...base,
        bands: [
          { above: 90, points: 1 },
          { atLeast: 70, points: 2 },
          { atLeast: 0, points: 0 },
        ],
      },
      '/bands/1/points',
    ],
    [
      'no floor',
      {
        ...base,
        bands: [
          { above: 90, points: 2 },
          { atLeast: 70, points: 1 },
        ],
      },
      '/bands/1',
    ],
    ['unknown field', { ...base, bands: [{ atLeast: 0, points: 0 }], threshold: 3 }, '/threshold'],
  ])('%s', (_name, data, path) => {
    const { frame, problems } = parseScoringFrame(data);
    expect(frame).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
