/**
 * No function in src/ is longer than 80 lines (issue 14, item 6): a long renderer becomes one
 * function per section, hledger-style. The rule, kept simple:
 * - a function is a function declaration, method, constructor, accessor, arrow function or
 *   function expression anywhere in src/**, except src/generated (written by a tool);
 * - its length is the number of lines from its first token (after any leading comment) to its
 *   closing brace, inclusive;
 * - a nested function is measured on its own, and the function around it is measured whole:
 *   nothing inside is subtracted.
 * The functions in ALLOWED are waiting to be split; an entry that is no longer too long fails
 * too, so the list only shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');
const MAX_LINES = 80;

/** `file name` of the functions still too long, each waiting on the branch that splits it. */
const ALLOWED = new Set<string>([]);

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === path.join(SRC, 'generated') ? [] : sourceFiles(full);
    return /\.ts$/.test(e.name) ? [full] : [];
  });
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

/** The name a reader would search for: the function's own, or what it is assigned to. */
function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  return '<anonymous>';
}

/** Every function in one file's text longer than `max` lines. */
export function longFunctions(file: string, text: string, max = MAX_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ file, line: first + 1, name: functionName(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function allLongFunctions(): LongFunction[] {
  return sourceFiles(SRC).flatMap((full) => longFunctions(path.relative(ROOT, full).split(path.sep).join('/'), readFileSync(full, 'utf8')));
}

describe('shape of src/', () => {
  const long = allLongFunctions();

  it(`has no function over ${MAX_LINES} lines outside the allow-list`, () => {
    const report = long.filter((f) => !ALLOWED.has(`${f.file} ${f.name}`)).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(report).toEqual([]);
  });

  it('allows only functions that are still too long', () => {
    const stillLong = new Set(long.map((f) => `${f.file} ${f.name}`));
    expect([...ALLOWED].filter((key) => !stillLong.has(key))).toEqual([]);
  });

  it('measures nested functions on their own and the outer one whole', () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      '/** a comment that does not count */',
      'export function outer(): void {',
      '  const inner = (): void => {',
      body(78),
      '  };',
      '  const method = { run() {',
      body(2),
      '  } };',
      '}',
      'const short = function () { return 1; };',
    ].join('\n');
    expect(longFunctions('x.ts', text)).toEqual([{ file: 'x.ts', line: 2, name: 'outer', lines: 86 }]);
    expect(longFunctions('x.ts', text, 79)).toEqual([
      { file: 'x.ts', line: 2, name: 'outer', lines: 86 },
      { file: 'x.ts', line: 3, name: 'inner', lines: 80 },
    ]);
  });
});
