/**
 * Hostile and broken input, round 1: each case breaks a copy of the `mini` fixture (or the
 * path itself) in one way and runs the real CLI (tests/hostile/run-case.ts). Round 2,
 * bounded work and files that are not plain files, is in bounded.test.ts.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replace, runCase, type HostileCase } from './run-case.js';

export type { HostileCase };

export const CASES: HostileCase[] = [
  {
    name: 'billion laughs alias bomb',
    setup: (d) =>
      edit(d, 'tasks.yaml', (t) =>
        t.replace(
          'tasks:\n',
          'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
            Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(',')}]\n`).join('') +
            'tasks:\n',
        ),
      ),
    exit: 1,
    code: 'yaml/alias-limit',
    at: 'plan/tasks.yaml:6:',
  },
  {
    name: 'deeply nested flow sequences',
    setup: (d) => edit(d, 'plan.yaml', (t) => t + 'deep: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n'),
    exit: 1,
    code: 'yaml/too-deep',
    at: 'plan/plan.yaml:',
  },
  {
    name: 'deeply nested block mappings',
    setup: (d) => edit(d, 'plan.yaml', (t) => t + 'deep:\n' + Array.from({ length: 200 }, (_, i) => '  '.repeat(i + 1) + 'k:\n').join('')),
    exit: 1,
    code: 'yaml/too-deep',
    at: 'plan/plan.yaml:',
  },
  {
    name: 'a file of tens of megabytes',
    setup: (d) => writeFileSync(path.join(d, 'tasks.yaml'), 'kind: Tasks\n' + ('# ' + 'x'.repeat(1022) + '\n').repeat(24 * 1024)),
    exit: 1,
    code: 'file/too-large',
    at: 'plan/tasks.yaml',
  },
  {
    name: 'duplicate keys',
    setup: (d) => replace(d, 'units.yaml', '    name: Phòng Nội vụ\n', '    name: Phòng Nội vụ\n    name: Phòng Nội vụ 2\n'),
    exit: 1,
    code: 'yaml/duplicate-key',
    at: 'plan/units.yaml:7:5',
  },
  {
    name: 'tabs as indentation',
    setup: (d) => replace(d, 'units.yaml', '    name: Phòng Nội vụ', '\tname: Phòng Nội vụ'),
    exit: 1,
    code: 'yaml/tab-indent',
    at: 'plan/units.yaml:6:1',
  },
  {
    name: 'invalid UTF-8',
    setup: (d) => {
      const p = path.join(d, 'plan.yaml');
      const b = readFileSync(p);
      const i = b.indexOf(Buffer.from('Tây Sơn'));
      writeFileSync(p, Buffer.concat([b.subarray(0, i), Buffer.from([0xc3, 0x28]), b.subarray(i)]));
    },
    exit: 1,
    code: 'file/encoding',
    at: 'plan/plan.yaml:6:31',
  },
  {
    name: 'UTF-16 with a BOM',
    setup: (d) => {
      const p = path.join(d, 'budget.yaml');
      writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(p, 'utf8'), 'utf16le')]));
    },
    exit: 1,
    code: 'file/utf16',
    at: 'plan/budget.yaml',
  },
  {
    name: 'mixed line ends keep positions right',
    setup: (d) =>
      edit(d, 'tasks.yaml', (t) =>
        t
          .split('\n')
          .map((l, i) => (i % 3 === 0 ? l + '\r\n' : i % 3 === 1 ? l + '\r' : l + '\n'))
          .join('')
          .replace('lead: [tu-phap]', 'lead: [tu-phapp]'),
      ),
    exit: 1,
    code: 'task/unknown-unit',
    at: 'plan/tasks.yaml:10:12',
  },
  {
    name: 'several documents in one file',
    setup: (d) => edit(d, 'units.yaml', (t) => t + '---\napiVersion: cchc/v1\n'),
    exit: 1,
    code: 'yaml/multiple-documents',
    at: 'plan/units.yaml:14:1',
  },
  {
    name: 'merge keys are not YAML 1.2',
    setup: (d) => replace(d, 'tasks.yaml', '  - no: 2\n    id: a2\n', '  - <<: {area: 1}\n    no: 2\n    id: a2\n'),
    exit: 1,
    code: 'schema/unknown-property',
    at: 'plan/tasks.yaml:14:5',
  },
  {
    name: '__proto__ as a key',
    setup: (d) => replace(d, 'units.yaml', '    name: Phòng Nội vụ\n', '    name: Phòng Nội vụ\n    __proto__: {polluted: true}\n'),
    exit: 1,
    code: 'schema/unknown-property',
    at: 'plan/units.yaml:7:5',
  },
  {
    name: 'constructor as a key',
    setup: (d) => replace(d, 'units.yaml', '    name: Phòng Nội vụ\n', '    name: Phòng Nội vụ\n    constructor: x\n'),
    exit: 1,
    code: 'schema/unknown-property',
    at: 'plan/units.yaml:7:5',
  },
  {
    name: 'an unknown field',
    setup: (d) => replace(d, 'plan.yaml', 'place: Tây Sơn', 'place: Tây Sơn\nsigner_name: x'),
    exit: 1,
    code: 'schema/unknown-property',
    at: 'plan/plan.yaml:10:1',
  },
  {
    name: 'a number written as a string',
    setup: (d) => replace(d, 'tasks.yaml', '  - no: 2\n', '  - no: "2"\n'),
    exit: 1,
    code: 'schema/type',
    at: 'plan/tasks.yaml:14:9',
  },
  {
    name: 'a string written as a number',
    setup: (d) => replace(d, 'tasks.yaml', '    title: Công khai thủ tục hành chính', '    title: 12345'),
    exit: 1,
    code: 'schema/type',
    at: 'plan/tasks.yaml:17:12',
  },
  {
    name: 'a float amount',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: 16500000.5'),
    exit: 1,
    code: 'money/not-integer',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: 'a negative amount',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: -16500000'),
    exit: 1,
    code: 'money/negative',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: '1e308 as money',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: 1e308'),
    exit: 1,
    code: 'money/too-large',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: '.nan as money',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: .nan'),
    exit: 1,
    code: 'money/not-integer',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: '.inf as money',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: .inf'),
    exit: 1,
    code: 'money/not-integer',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: 'an integer beyond 2^53',
    setup: (d) => replace(d, 'budget.yaml', 'total: 16500000', 'total: 123456789012345678901'),
    exit: 1,
    code: 'money/too-large',
    at: 'plan/budget.yaml:20:8',
  },
  {
    name: 'an impossible date',
    setup: (d) => replace(d, 'plan.yaml', 'date: 2023-01-10', 'date: 2023-02-30'),
    exit: 1,
    code: 'date/invalid',
    at: 'plan/plan.yaml:12:7',
  },
  {
    name: 'an impossible quarter',
    setup: (d) => replace(d, 'tasks.yaml', 'Quý II/2023', 'Quý V/2023'),
    exit: 1,
    code: 'task/deadline-invalid',
    at: 'plan/tasks.yaml:13:15',
  },
  { name: 'an empty file', setup: (d) => writeFileSync(path.join(d, 'indicators.yaml'), ''), exit: 1, code: 'yaml/empty-file', at: 'plan/indicators.yaml:1:1' },
  { name: 'a plan folder with a file missing', setup: (d) => unlinkSync(path.join(d, 'units.yaml')), exit: 1, code: 'file/missing', at: 'plan' },
  { name: 'a path that does not exist', setup: () => ['plan/khong-co'], exit: 2, code: 'io/not-found', at: 'plan/khong-co' },
  {
    name: 'a file without read permission',
    setup: (d) => chmodSync(path.join(d, 'tasks.yaml'), 0o000),
    exit: 2,
    code: 'io/unreadable',
    at: 'plan/tasks.yaml',
    unprivileged: true,
  },
  {
    name: 'a symbolic link loop',
    setup: (d) => {
      unlinkSync(path.join(d, 'budget.yaml'));
      symlinkSync('budget.yaml', path.join(d, 'budget.yaml'));
    },
    exit: 2,
    code: 'io/unreadable',
    at: 'plan/budget.yaml',
  },
  {
    name: 'a folder named with spaces and Vietnamese letters',
    setup: (d) => {
      const named = path.join(path.dirname(d), 'Kế hoạch năm 2023');
      renameSync(d, named);
      replace(named, 'tasks.yaml', 'lead: [tu-phap]', 'lead: [tư-pháp]');
      return [named];
    },
    exit: 1,
    code: 'schema/pattern',
    at: 'Kế hoạch năm 2023/tasks.yaml:10:12',
  },
  {
    name: 'control characters in text',
    setup: (d) => replace(d, 'plan.yaml', 'place: Tây Sơn', 'place: "Tây\\x1b[31mSơn"'),
    exit: 1,
    code: 'text/control-char',
    at: 'plan/plan.yaml:9:8',
  },
  {
    name: 'right-to-left override characters',
    setup: (d) => replace(d, 'plan.yaml', 'place: Tây Sơn', 'place: Tây\u202eSơn'),
    exit: 1,
    code: 'text/bidi-char',
    at: 'plan/plan.yaml:9:8',
  },
  {
    name: 'zero-width characters (a warning; --strict fails)',
    setup: (d) => {
      replace(d, 'plan.yaml', 'place: Tây Sơn', 'place: Tây\u200bSơn');
      return [d, '--strict'];
    },
    exit: 1,
    code: 'text/invisible-char',
    at: 'plan/plan.yaml:9:8',
  },
  {
    name: 'an extremely long string',
    setup: (d) => replace(d, 'tasks.yaml', '    title: Công khai thủ tục hành chính', '    title: ' + 'Công khai '.repeat(200_000)),
    exit: 1,
    code: 'schema/too-long',
    at: 'plan/tasks.yaml:17:12',
  },
  {
    name: 'NUL bytes',
    setup: (d) => edit(d, 'units.yaml', (t) => t.replace('Phòng Tư pháp', 'Phòng\u0000Tư pháp')),
    exit: 1,
    code: 'text/control-char',
    at: 'plan/units.yaml:8:11',
  },
  {
    name: 'a file that is a bare scalar',
    setup: (d) => writeFileSync(path.join(d, 'units.yaml'), 'hello\n'),
    exit: 1,
    code: 'schema/type',
    at: 'plan/units.yaml:1:1',
  },
  {
    name: 'an undefined alias',
    setup: (d) => replace(d, 'tasks.yaml', 'lead: [tu-phap]', 'lead: *nowhere'),
    exit: 1,
    code: 'yaml/unknown-alias',
    at: 'plan/tasks.yaml:10:11',
  },
  {
    name: 'an unterminated quoted string',
    setup: (d) => replace(d, 'plan.yaml', 'place: Tây Sơn', 'place: "Tây Sơn'),
    exit: 1,
    code: 'yaml/syntax',
    at: 'plan/plan.yaml:',
  },
  {
    name: 'a mapping used as a key',
    setup: (d) => replace(d, 'units.yaml', '  - id: noi-vu\n', '  - ? [id, x]\n    : noi-vu\n    id: noi-vu\n'),
    exit: 1,
    code: 'yaml/complex-key',
    at: 'plan/units.yaml:5:7',
  },
  {
    name: 'a plan file that is a folder',
    setup: (d) => {
      unlinkSync(path.join(d, 'units.yaml'));
      mkdirSync(path.join(d, 'units.yaml'));
    },
    exit: 2,
    code: 'io/unreadable',
    at: 'plan/units.yaml',
  },
];

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('hostile input', () => {
  it('has at least 30 distinct cases', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c, cleanups));
});
