import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempName } from '../../src/load/temp-name.js';

describe('temporary file names', () => {
  it('are beside the file, hidden when asked, and never the same twice', () => {
    const file = path.join('plans', '2022', 'tasks.yaml');
    const names = new Set(Array.from({ length: 1000 }, () => tempName(file)));
    expect(names.size).toBe(1000);
    for (const n of names) expect(n.startsWith(`${file}.`) && n.endsWith('.tmp')).toBe(true);
    const hidden = tempName(file, true);
    expect(path.dirname(hidden)).toBe(path.dirname(file));
    expect(path.basename(hidden).startsWith('.tasks.yaml.')).toBe(true);
    // Process id, moment, counter and random bits.
    expect(path.basename(tempName(file)).split('.').at(-2)!.split('-')).toHaveLength(4);
  });
});
