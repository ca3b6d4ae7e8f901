/**
 * js-yaml's events are kept for positions only up to a budget per run (src/yaml/fast.ts):
 * a run over 100.000 progress records would otherwise keep millions. Past it a file is read
 * again when a finding needs a position there; the positions are the same either way.
 */
import { describe, expect, it } from 'vitest';
import { resetEvents } from '../../src/yaml/fast.js';
import { parseSource, positionOf } from '../../src/yaml/source.js';

describe('the events kept for positions', () => {
  it('stop at the budget, start again with a new run, and give the same positions as a second reading', () => {
    resetEvents();
    const records = Array.from({ length: 5_000 }, (_, i) => `  - task: ${i + 1}\n    status: done\n    percent: 100\n`).join('');
    const text = `apiVersion: cchc/v1\nkind: Progress\ntasks:\n${records}`;
    const kept: ReturnType<typeof parseSource>[] = [];
    for (let i = 0; i < 10; i++) kept.push(parseSource(`p${i}.yaml`, text));
    const withEvents = kept.filter((s) => s.events !== undefined).length;
    expect(withEvents).toBeGreaterThan(0);
    expect(withEvents).toBeLessThan(10);
    const first = kept[0]!;
    const last = kept[9]!;
    expect(last.events).toBeUndefined();
    expect(positionOf(last, ['tasks', 4321, 'percent'])).toEqual(positionOf(first, ['tasks', 4321, 'percent']));
    resetEvents();
    expect(parseSource('again.yaml', text).events).toBeDefined();
  });
});
