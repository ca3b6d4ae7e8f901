/**
 * The bundle is ASCII only (scripts/build.mjs asciiOnly), so bin/cchc.cjs reads it as
 * Latin-1. esbuild leaves regular expression literals as written; the build escapes their
 * characters, and an escaped pattern must match exactly what the written one matched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without types
import { asciiOnly } from '../../scripts/build.mjs';
import { ROOT } from '../helpers.js';

const escape = asciiOnly as (code: string) => string;

describe('the ASCII-only bundle', () => {
  it('dist/cli.cjs has no character outside ASCII', () => {
    const text = readFileSync(path.join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    expect(text.search(/[^\x00-\x7f]/)).toBe(-1);
  });

  it('an escaped pattern matches what the written one matched, with and without the u flag', () => {
    const patterns = ['/^quý\\s+(\\d)$/u', '/[đĐ]/g', '/(?:,|và|-|–)/u', '/😀+/u', '/😀/', '/ngày\\s*/giu', '/[àáạ]/i'];
    const samples = ['quý 3', 'QUÝ 3', 'đi Đà', 'a và b – c', '😀😀', '\ud83d', 'Ngày 5', 'Á', 'x'];
    for (const source of patterns) {
      const escaped = escape(source);
      expect(escaped).toMatch(/^[\x00-\x7f]*$/);
      const compile = (s: string) => new Function(`return ${s}`)() as RegExp;
      const [a, b] = [compile(source), compile(escaped)];
      for (const sample of samples) expect([source, sample, sample.replace(b, '#')]).toEqual([source, sample, sample.replace(a, '#')]);
    }
  });
});
