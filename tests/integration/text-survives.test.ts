/**
 * Issue 12.4: text that survives every output. Noncharacters, unpaired surrogates and a lone
 * CR are findings located on their value. That a literal "_xHHHH_" goes through export
 * unchanged, read back by openpyxl and LibreOffice, is in tests/real/text-survives.test.ts.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, miniWithFirstTitle, where } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A copy of the mini plan whose first task has this title, written as YAML (quotes included). */
function withTitle(title: string): string {
  const { dir, cleanup } = miniWithFirstTitle(title);
  cleanups.push(cleanup);
  return dir;
}

function lineOfFirstTitle(dir: string): number {
  return (
    readFileSync(path.join(dir, 'tasks.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => /^ {4}title: /.test(l)) + 1
  );
}

describe('characters no output survives are findings', () => {
  it.each([
    ['"Rà soát \\uFFFE thủ tục"', 'text/noncharacter'],
    ['"Rà soát \\U0010FFFF thủ tục"', 'text/noncharacter'],
    ['"Rà soát \\uFDD0 thủ tục"', 'text/noncharacter'],
    ['"Rà soát \\uD800 thủ tục"', 'text/lone-surrogate'],
    ['"Rà soát\\r thủ tục"', 'text/carriage-return'],
  ])('%s → %s, on the value', (title, code) => {
    const dir = withTitle(title);
    const { diagnostics } = checkFolder(dir);
    expect(where(diagnostics)).toContain(`${code} tasks.yaml:${lineOfFirstTitle(dir)}:12`);
  });

  it('a CR LF pair is a line break, not a finding', () => {
    const dir = withTitle('"Rà soát\\r\\nthủ tục"');
    expect(checkFolder(dir).diagnostics.map((d) => d.code)).not.toContain('text/carriage-return');
  });
});

describe('fuzz: the text checks', () => {
  it('a noncharacter, an unpaired surrogate or a lone CR anywhere in a title is always a finding; clean text never is', async () => {
    const fc = (await import('../fc.js')).default;
    const dir = withTitle('"TITLE"');
    const file = path.join(dir, 'tasks.yaml');
    const template = readFileSync(file, 'utf8');
    const esc = (cp: number) => (cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`);
    const bad = fc.oneof(
      fc
        .integer({ min: 0, max: 16 })
        .chain((plane) => fc.constantFrom(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff))
        .map(esc),
      fc.integer({ min: 0xfdd0, max: 0xfdef }).map(esc),
      fc.integer({ min: 0xd800, max: 0xdfff }).map(esc),
      fc.constant('\\r'),
    );
    const word = fc.stringMatching(/^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ ]{0,12}$/u); // Vietnamese letters, all NFC
    fc.assert(
      fc.property(word, bad, word, (a, b, c) => {
        writeFileSync(file, template.replace('"TITLE"', `"Rà soát ${a}${b}${c}"`));
        const codes = checkFolder(dir).diagnostics.map((d) => d.code);
        expect(codes.some((x) => x === 'text/noncharacter' || x === 'text/lone-surrogate' || x === 'text/carriage-return')).toBe(true);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(word, (a) => {
        writeFileSync(file, template.replace('"TITLE"', `"Rà soát ${a}x"`));
        expect(checkFolder(dir).diagnostics.filter((d) => d.code.startsWith('text/'))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
