/**
 * A comment that sends the reader to a file must send them somewhere real (issue 14: comments
 * cited a DOMAIN.md and a codes.test.ts that were not in the repository). Every file a
 * comment in src/ names is looked up:
 * - a path under a top folder of the repository (docs/x.md, tests/unit/x.test.ts, schemas/…);
 * - a bare Markdown name (BENCHMARKS.md): at the root or in docs/;
 * - a bare test name (codes.test.ts): somewhere under tests/;
 * - a source name (sheet.ts, load/cache.ts): beside the file, under src/, or under scripts/;
 * - a build output (dist/cli.cjs): named by scripts/build.mjs.
 * Plan file names (plan.yaml, progress/*.yaml) name the user's files, not ours, and are skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const TOP = ['src', 'docs', 'tests', 'scripts', 'schemas', 'bench', 'bin', 'plans', '.ci'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : filesUnder(p, keep);
    return keep(e.name) ? [p] : [];
  });
}

/** The text of the comments of a TypeScript file: line comments and block comments. */
export function commentsOf(source: string): string {
  const out: string[] = [];
  for (const m of source.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/[^\n]*/g)) out.push(m[0]);
  return out.join('\n');
}

/** The repository files a comment names (paths as written). */
export function citedFiles(comment: string): string[] {
  const names = comment.match(/(?<![\w@$.-])(?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:md|ts|mjs|cjs|json)\b/g) ?? [];
  return [...new Set(names)].filter((n) => !/^\d|^https?|\.d\.ts$|\.schema\.json$|^[\w-]+\.json$/.test(n) || n.includes('/'));
}

const basenames = new Set(
  [...filesUnder(path.join(ROOT, 'src'), () => true), ...filesUnder(path.join(ROOT, 'scripts'), () => true)].map((f) => path.basename(f)),
);
const testNames = new Set(filesUnder(path.join(ROOT, 'tests'), (n) => n.endsWith('.ts')).map((f) => path.basename(f)));

const build = readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');

function exists(cited: string, from: string): boolean {
  const first = cited.split('/')[0]!;
  if (first === 'dist') return build.includes(path.basename(cited));
  if (cited.startsWith('.')) return existsSync(path.resolve(path.dirname(from), cited));
  if (TOP.includes(first) || !cited.includes('/')) {
    if (existsSync(path.join(ROOT, cited))) return true;
  }
  if (cited.endsWith('.md')) return existsSync(path.join(ROOT, 'docs', cited));
  if (/\.test\.ts$/.test(cited)) return !cited.includes('/') && testNames.has(cited);
  if (TOP.includes(first)) return false;
  if (existsSync(path.join(path.dirname(from), cited)) || existsSync(path.join(ROOT, 'src', cited))) return true;
  return !cited.includes('/') && basenames.has(cited);
}

describe('comments cite files that exist', () => {
  it('finds the citations it is meant to find', () => {
    const c = commentsOf("/** See DOMAIN.md and tests/unit/codes.test.ts. */\nconst url = 'https://x.org/a.md'; // sheet.ts");
    expect(citedFiles(c)).toEqual(['DOMAIN.md', 'tests/unit/codes.test.ts', 'sheet.ts']);
    expect(exists('DOMAIN.md', path.join(ROOT, 'src', 'x.ts'))).toBe(false);
    expect(exists('docs/domain.md', path.join(ROOT, 'src', 'x.ts'))).toBe(true);
  });

  it('in src/, scripts/ and bench/', () => {
    const missing: string[] = [];
    const code = (n: string) => /\.(?:ts|mjs)$/.test(n);
    for (const file of ['src', 'scripts', 'bench'].flatMap((d) => filesUnder(path.join(ROOT, d), code))) {
      for (const cited of citedFiles(commentsOf(readFileSync(file, 'utf8')))) {
        if (!exists(cited, file)) missing.push(`${path.relative(ROOT, file)}: ${cited}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('and the pages of docs/ name repository paths that exist', () => {
    const pages = [
      ...readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join('docs', f)),
      'BENCHMARKS.md',
      'README.md',
    ];
    const missing = pages.flatMap((page) =>
      [...readFileSync(path.join(ROOT, page), 'utf8').matchAll(/`((?:src|tests|scripts|bench|schemas|bin)\/[\w./-]+)`/g)]
        .map((m) => m[1]!)
        .filter((p) => !existsSync(path.join(ROOT, p)))
        .map((p) => `${page}: ${p}`),
    );
    expect(missing).toEqual([]);
  });
});
