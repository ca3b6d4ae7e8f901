/**
 * The message catalogues (issue 14, item 7): every message the command layer prints lives in
 * src/i18n/cli.ts, every message of reading typed input in src/i18n/input.ts, Vietnamese and
 * English side by side. The rules checked here:
 * - in each group of each catalogue, the Vietnamese and the English have the same keys, a
 *   text where the other has a text, and a function of the same arity where the other has a
 *   function (the compiler checks the parameter types; this checks what survives to run time);
 * - no file under src/cli/commands holds a string with a Vietnamese letter: a message written
 *   there in place of the catalogue fails. Comments are not strings, so they are not looked
 *   at; the help lives in src/i18n/help.ts, outside the folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../src/i18n/cli.js';
import { INPUT } from '../../src/i18n/input.js';
import { ROOT } from '../helpers.js';

type Shape = Record<string, string>;

/** Each entry as 'text', 'function/ARITY', or the shape of a nested object. */
function shapeOf(messages: object, prefix = ''): Shape {
  const out: Shape = {};
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix + key;
    if (typeof value === 'function') out[name] = `function/${(value as (...args: never[]) => unknown).length}`;
    else if (value !== null && typeof value === 'object') Object.assign(out, shapeOf(value as object, `${name}.`));
    else out[name] = typeof value;
  }
  return out;
}

const CATALOGUES: Record<string, Record<string, { vi: object; en: object }>> = { cli: CLI, input: INPUT };

describe('the catalogues have the same keys and parameters in Vietnamese and English', () => {
  for (const [catalogue, groups] of Object.entries(CATALOGUES)) {
    for (const [group, { vi, en }] of Object.entries(groups)) {
      it(`${catalogue}.${group}`, () => {
        expect(Object.keys(shapeOf(vi)).length).toBeGreaterThan(0);
        expect(shapeOf(en)).toEqual(shapeOf(vi));
      });
    }
  }

  it('sees a missing key and a different arity', () => {
    expect(shapeOf({ a: 'x', b: (n: number) => `${n}` })).not.toEqual(shapeOf({ a: 'x' }));
    expect(shapeOf({ b: (n: number) => `${n}` })).not.toEqual(shapeOf({ b: (n: number, m: number) => `${n}${m}` }));
  });
});

/** Letters only Vietnamese among the languages cchc writes: the accented vowels and đ. */
const VIETNAMESE = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]/;

/** The strings (literals and the text parts of templates) of a source text holding a Vietnamese letter. */
function vietnameseStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isText = ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (isText && VIETNAMESE.test(node.text)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no Vietnamese message is written outside the catalogues', () => {
  const dir = path.join(ROOT, 'src', 'cli', 'commands');

  it('src/cli/commands holds no string with a Vietnamese letter', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) => vietnameseStrings(`src/cli/commands/${f}`, readFileSync(path.join(dir, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('sees a message in a literal or a template, and not in a comment', () => {
    const text = [
      '// Đã ghi: a comment is allowed',
      "write('Đã ghi tệp');",
      'write(`Đã ghi ${file}`);',
      'write(`${n} tệp: ${file} đã ghi`);',
      "write('Wrote the file');",
    ].join('\n');
    expect(vietnameseStrings('x.ts', text)).toEqual(['x.ts:2: Đã ghi tệp', 'x.ts:3: Đã ghi ', 'x.ts:4:  tệp: ', 'x.ts:4:  đã ghi']);
  });
});
