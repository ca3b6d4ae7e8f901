/**
 * Hostile input, round 2 (issue 12): bounded work (huge mappings and sequences, any
 * nesting depth, thousands of files, a findings cap) and plan files that are not plain
 * files inside the repository. Each case runs the built CLI with a 300 MB heap and a hang
 * guard (run-case.ts); the 2-second budget is measured by `npm run bench` (BENCHMARKS.md).
 */
import { describe, it, afterAll } from 'vitest';
import { copyFileSync, linkSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { MAX_PROGRESS_FILES } from '../../src/load/plan-texts.js';
import { SECRET, edit, replace, runCase, type HostileCase } from './run-case.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const CASES: HostileCase[] = [
  {
    name: '40,000 keys in one mapping (the position of the finding is not quadratic)',
    setup: (d) => edit(d, 'units.yaml', (t) => t + 'extra:\n' + Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}\n`).join('')),
    exit: 1,
    code: 'schema/unknown-property',
    at: 'plan/units.yaml:',
  },
  {
    name: '1,000,000 keys in one mapping',
    setup: (d) => edit(d, 'units.yaml', (t) => t + 'extra:\n' + Array.from({ length: 1_000_000 }, (_, i) => ` ${i.toString(36)}: 0\n`).join('')),
    exit: 1,
    code: 'yaml/too-many-nodes',
    at: 'plan/units.yaml:1:1',
  },
  {
    name: 'a sequence of 1,000,000 items',
    setup: (d) => edit(d, 'units.yaml', (t) => t + 'extra:\n' + '  - 1\n'.repeat(1_000_000)),
    exit: 1,
    code: 'yaml/too-many-nodes',
    at: 'plan/units.yaml:1:1',
  },
  {
    name: '1,000,000 items in one flow sequence on one line',
    setup: (d) => edit(d, 'units.yaml', (t) => t + 'extra: [' + '1,'.repeat(1_000_000) + '1]\n'),
    exit: 1,
    code: 'yaml/too-many-nodes',
    at: 'plan/units.yaml:1:1',
  },
  {
    name: 'block mappings nested 5,000 deep',
    setup: (d) => edit(d, 'plan.yaml', (t) => t + 'deep:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 1) + 'k:\n').join('')),
    exit: 1,
    code: 'yaml/too-deep',
    at: 'plan/plan.yaml:',
  },
  {
    name: 'flow sequences nested 100,000 deep',
    setup: (d) => edit(d, 'plan.yaml', (t) => t + 'deep: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n'),
    exit: 1,
    code: 'yaml/too-deep',
    at: 'plan/plan.yaml:',
  },
  {
    name: 'one progress file more than the cap (2,000)',
    setup: (d) => {
      // Hard links: the folder holds MAX_PROGRESS_FILES + 1 names, written once.
      const first = path.join(d, 'progress', 'p0.yaml');
      copyFileSync(path.join(d, 'progress', '2023-q2.yaml'), first);
      const have = readdirSync(path.join(d, 'progress')).length;
      for (let i = 1; have + i <= MAX_PROGRESS_FILES + 1; i++) linkSync(first, path.join(d, 'progress', `p${i}.yaml`));
    },
    exit: 1,
    code: 'limit/plan-files',
    at: 'plan/progress',
  },
  {
    name: 'plan files of more than 64 MiB together',
    setup: (d) => {
      // Five names for one file of 15 MiB, each under the per-file cap; together over 64 MiB.
      writeFileSync(path.join(d, 'progress', 'big-0.yaml'), 'kind: Progress\n' + ('# ' + 'x'.repeat(1022) + '\n').repeat(15 * 1024));
      for (let i = 1; i < 5; i++) linkSync(path.join(d, 'progress', 'big-0.yaml'), path.join(d, 'progress', `big-${i}.yaml`));
    },
    exit: 1,
    code: 'limit/plan-size',
    at: 'plan/progress/big-4.yaml',
  },
  {
    name: 'more findings in one file than are shown',
    setup: (d) =>
      replace(d, 'units.yaml', '    name: Phòng Nội vụ\n', '    name: Phòng Nội vụ\n' + Array.from({ length: 300 }, (_, i) => `    extra${i}: x\n`).join('')),
    exit: 1,
    code: 'limit/findings',
    at: 'plan/units.yaml:',
  },
  {
    name: 'tasks.yaml a symbolic link to a file outside the repository',
    setup: (d) => {
      const outside = path.join(path.dirname(path.dirname(d)), `outside-${path.basename(path.dirname(d))}.yaml`);
      writeFileSync(outside, `${SECRET}: x\n`);
      cleanups.push(() => rmSync(outside, { force: true }));
      unlinkSync(path.join(d, 'tasks.yaml'));
      symlinkSync(outside, path.join(d, 'tasks.yaml'));
    },
    exit: 2,
    code: 'file/outside-repository',
    at: 'plan/tasks.yaml',
    absent: SECRET,
  },
  {
    name: 'the progress folder a symbolic link out of the repository',
    setup: (d) => {
      const outside = mkdtempSync(path.join(tmpdir(), 'cchc-outside-'));
      cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
      writeFileSync(path.join(outside, 'q1.yaml'), `${SECRET}: x\n`);
      rmSync(path.join(d, 'progress'), { recursive: true });
      symlinkSync(outside, path.join(d, 'progress'));
    },
    exit: 2,
    code: 'file/outside-repository',
    at: 'plan/progress/q1.yaml',
    absent: SECRET,
  },
  {
    name: 'a FIFO in progress/ (refused without blocking)',
    setup: (d) => {
      execFileSync('mkfifo', [path.join(d, 'progress', '2023-q3.yaml')]);
    },
    exit: 2,
    code: 'file/not-regular',
    at: 'plan/progress/2023-q3.yaml',
  },
  {
    name: 'a device in place of a plan file',
    setup: (d) => {
      unlinkSync(path.join(d, 'units.yaml'));
      symlinkSync('/dev/zero', path.join(d, 'units.yaml'));
    },
    exit: 2,
    code: 'file/not-regular',
    at: 'plan/units.yaml',
  },
];

describe('bounded work and plan files that are not plain files', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c, cleanups, 'spawned'));
});
