/**
 * Which command a run's arguments name (src/cli/main.ts invokedCommand): the program is then
 * built with that command alone, so its help and errors must be those of the full program.
 */
import { describe, expect, it } from 'vitest';
import { invokedCommand } from '../../src/cli/main.js';
import { buildProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/cli/spec.js';

describe('the command a run invokes', () => {
  it('is the first word that is not an option or the value of --lang', () => {
    expect(invokedCommand(['status', 'plans/2022'])).toBe('status');
    expect(invokedCommand(['--lang', 'en', 'validate', '--strict'])).toBe('validate');
    expect(invokedCommand(['--lang=en', 'budget'])).toBe('budget');
    expect(invokedCommand(['--no-color', 'export', '--out', 'x.xlsx'])).toBe('export');
  });

  it('is none when help or the version is asked for before the command: the program help lists every command', () => {
    expect(invokedCommand(['--help', 'status'])).toBeUndefined();
    expect(invokedCommand(['-h', 'status'])).toBeUndefined();
    expect(invokedCommand(['--lang', 'en', '--help', 'budget'])).toBeUndefined();
    expect(invokedCommand(['-V', 'status'])).toBeUndefined();
    expect(invokedCommand(['status', '--help'])).toBe('status');
  });

  it('is none for no word, a word that is no command, or help', () => {
    expect(invokedCommand([])).toBeUndefined();
    expect(invokedCommand(['--help'])).toBeUndefined();
    expect(invokedCommand(['statu'])).toBeUndefined();
    expect(invokedCommand(['help', 'status'])).toBeUndefined();
    expect(invokedCommand(['--lang', 'status'])).toBeUndefined();
  });

  it('gets a program whose command has the same help as in the full program', () => {
    for (const lang of ['vi', 'en'] as const) {
      const full = buildProgram(lang);
      for (const { name } of COMMANDS) {
        const alone = buildProgram(lang, name);
        expect(alone.commands.map((c) => c.name())).toEqual([name]);
        const inFull = full.commands.find((c) => c.name() === name)!;
        expect(alone.commands[0]!.helpInformation()).toBe(inFull.helpInformation());
      }
    }
  });
});
