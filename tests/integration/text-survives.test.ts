/**
 * Issue 12.4: text that survives every output. Noncharacters, unpaired surrogates and a lone
 * CR are findings located on their value; a literal "_xHHHH_" goes through export unchanged,
 * read back by openpyxl (/usr/bin/python3) and by LibreOffice.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, copyPlan, fixturePlan, spawnCli, tempDir, where } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function withTitle(title: string): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'));
  cleanups.push(cleanup);
  const file = path.join(dir, 'tasks.yaml');
  const text = readFileSync(file, 'utf8');
  const m = /^( {4}title: )(.+)$/m.exec(text)!;
  writeFileSync(file, text.replace(m[0], `${m[1]}${title}`));
  return dir;
}

function lineOfFirstTitle(dir: string): number {
  return readFileSync(path.join(dir, 'tasks.yaml'), 'utf8').split('\n').findIndex((l) => /^ {4}title: /.test(l)) + 1;
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

describe('export writes text exactly', () => {
  it('a literal _x000D_ reads back as written, in openpyxl and in LibreOffice', () => {
    const literal = 'Mã _x000D_ và _x0041_ giữ nguyên';
    const dir = withTitle(`"${literal}"`);
    const { dir: out, cleanup } = tempDir();
    cleanups.push(cleanup);
    const xlsx = path.join(out, 'x.xlsx');
    const r = spawnCli(['export', dir, '--sheets', 'appendix1', '-o', xlsx]);
    expect(r.code).toBe(0);
    const py = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint("\\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))', xlsx], { encoding: 'utf8' });
    expect(py.status).toBe(0);
    expect(py.stdout.split('\n')).toContain(literal);
    const lo = spawnSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, xlsx], { encoding: 'utf8' });
    expect(lo.status).toBe(0);
    expect(readFileSync(path.join(out, 'x.csv'), 'utf8')).toContain(literal);
  }, 60_000);
});

describe('fuzz: the text checks', () => {
  it('a noncharacter, an unpaired surrogate or a lone CR anywhere in a title is always a finding; clean text never is', async () => {
    const fc = (await import('fast-check')).default;
    const dir = withTitle('"TITLE"');
    const file = path.join(dir, 'tasks.yaml');
    const template = readFileSync(file, 'utf8');
    const esc = (cp: number) => (cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`);
    const bad = fc.oneof(
      fc.integer({ min: 0, max: 16 }).chain((plane) => fc.constantFrom(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff)).map(esc),
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
