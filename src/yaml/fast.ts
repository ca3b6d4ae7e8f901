/**
 * The fast path for clean files. js-yaml (its CommonJS build, bundled) reads plain YAML
 * several times faster than the yaml package, which we keep for what js-yaml cannot give:
 * positions and every error located. One grammar decides, not two: a file takes the fast
 * path only when nothing in it could make the two disagree (anchors, aliases, tags, tabs,
 * directives, explicit keys, block scalars with an indentation indicator, empty or null
 * keys), and both read it with the YAML 1.2 core schema; anything js-yaml rejects
 * (duplicate keys, several documents, bad syntax) goes to the exact path, which reports
 * it. tests/unit/yaml-fast.test.ts checks that the two agree, including on the two known
 * differences (docs/engine.md): `1e400` and keys longer than 1,024 characters.
 *
 * js-yaml also bounds the work first: nesting deeper than LIMITS.maxDepth is refused here,
 * located, before the yaml package (which recurses per level) ever sees it.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

declare const require: NodeJS.Require | undefined;

let jsYaml: typeof JsYaml | undefined;

/** js-yaml, started on first use as yaml/lib.ts starts the yaml package: a cached run needs neither. */
export function jsYamlLib(): typeof JsYaml {
  jsYaml ??= (typeof require === 'function' ? require('js-yaml') : createRequire(import.meta.url)('js-yaml')) as typeof JsYaml;
  return jsYaml;
}

/**
 * Constructs whose meaning or limits we let only the exact parser decide. Every repeat is
 * of spaces only and anchored, so the test stays linear on hostile text (a line of 5,000
 * spaces once made a guard quadratic). Empty or null keys (js-yaml names them "null", the
 * yaml package "") are found in the data instead (yaml/source.ts).
 */
const NOT_PLAIN = /(^|[\s[{,])[&*!][^\s,\]}]|\t|^%|^[ ]*\? |^[ ]*<<[ ]*:|\u0000|[|>][-+]?[1-9]/m;

export type FastResult = { data: unknown } | { tooDeep: { line: number; column: number } } | undefined;

/** Whether nothing in the text could make js-yaml and the yaml package read it differently. */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

export function fastParse(text: string, maxDepth: number): FastResult {
  const plain = isPlainText(text);
  try {
    const { load, CORE_SCHEMA } = jsYamlLib();
    const data = load(text, { schema: CORE_SCHEMA, json: false, maxDepth: maxDepth + 1 });
    // An empty file, or only comments: let the exact path say so.
    if (!plain || data === undefined || data === null) return undefined;
    return { data };
  } catch (err) {
    const e = err as { message?: string; mark?: { line?: number; column?: number } };
    if (/exceeded maxDepth/.test(String(e.message)) && e.mark) return { tooDeep: { line: (e.mark.line ?? 0) + 1, column: (e.mark.column ?? 0) + 1 } };
    return undefined;
  }
}
