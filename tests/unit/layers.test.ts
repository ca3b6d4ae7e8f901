/**
 * The folders of src/ form layers: an import from one folder to another never comes back
 * (issue 14: there was a cli ⇄ load cycle). Type-only imports count too; they are how a
 * layer starts to depend on another. The graph is read from the import statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** The top folder of src/ a file belongs to ('.' for src/ itself). */
function layerOf(file: string): string {
  return path.relative(SRC, path.dirname(file)).split(path.sep)[0] || '.';
}

/** Edges between folders, each with one import that makes it. */
export function folderGraph(files: readonly string[]): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  const spec = /(?:^|\s)(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(spec)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? m[2])!);
      if (!target.startsWith(SRC + path.sep)) continue;
      const [a, b] = [layerOf(file), layerOf(target)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      edges.get(a)!.set(b, `${path.relative(ROOT, file)} imports ${m[1] ?? m[2]}`);
    }
  }
  return edges;
}

/** Every cycle between folders, each as the list of imports that close it. */
export function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, stack: string[]): void => {
    for (const next of edges.get(node)?.keys() ?? []) {
      const at = stack.indexOf(next);
      if (at >= 0) {
        const loop = [...stack.slice(at), next];
        const key = [...loop].slice(0, -1).sort().join('>');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(loop.slice(0, -1).map((n, i) => edges.get(n)!.get(loop[i + 1]!)!));
        }
      } else visit(next, [...stack, next]);
    }
  };
  for (const start of edges.keys()) visit(start, [start]);
  return cycles;
}

describe('layers of src/', () => {
  it('has no import cycle between folders', () => {
    expect(folderCycles(folderGraph(sourceFiles(SRC)))).toEqual([]);
  });

  it('finds a cycle when there is one (the detector can fail)', () => {
    const edges = new Map([
      ['load', new Map([['cli', 'src/load/x.ts imports ../cli/errors.js']])],
      ['cli', new Map([['load', 'src/cli/y.ts imports ../load/index.js']])],
    ]);
    expect(folderCycles(edges)).toEqual([['src/load/x.ts imports ../cli/errors.js', 'src/cli/y.ts imports ../load/index.js']]);
  });

  it('keeps the loader below the command line', () => {
    const fromLoad = folderGraph(sourceFiles(path.join(SRC, 'load'))).get('load');
    expect([...(fromLoad?.keys() ?? [])]).not.toContain('cli');
  });

  it('keeps scaffolding (init, new) below the command line and apart from reports', () => {
    const fromScaffold = [
      ...(folderGraph(sourceFiles(path.join(SRC, 'scaffold')))
        .get('scaffold')
        ?.keys() ?? []),
    ];
    expect(fromScaffold).not.toContain('cli');
    expect(fromScaffold).not.toContain('report');
  });
});
