/** The README is part of the interface: every diagnostic code, command and flag is in it, and the quick start is true. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CODES } from '../../src/diagnostics/codes.js';
import { VERSION } from '../../src/cli/version.js';
import { ROOT } from '../helpers.js';
import { COMMANDS, longName, optionsOf } from '../../src/cli/spec.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every diagnostic code with an example', () => {
    const missing = Object.keys(CODES).filter((code) => !new RegExp('^\\| `' + code.replace(/[/-]/g, '\\$&') + '` \\|.*\\| `.*' + code.replace(/[/-]/g, '\\$&'), 'm').test(readme));
    expect(missing).toEqual([]);
  });

  it('lists no code that does not exist', () => {
    const listed = [...readme.matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]!);
    expect(listed.filter((c) => !(c in CODES))).toEqual([]);
  });

  it('documents every command and every long option', () => {
    const commands = COMMANDS.map((c) => c.name);
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const c of commands) expect(readme, c).toContain(`cchc ${c}`);
    const options = new Set(COMMANDS.flatMap((c) => optionsOf(c).map((o) => `--${longName(o.flags)}`)));
    for (const o of options) expect(readme, o).toContain(o);
  });

  it('has a quick start of exactly two commands', () => {
    const quick = readme.split('## Bắt đầu nhanh')[1]!.split('```sh')[1]!.split('```')[0]!.trim().split('\n');
    expect(quick).toEqual(['npm install && npx cchc validate', 'npm test']);
  });

  it('names the version package.json has', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
