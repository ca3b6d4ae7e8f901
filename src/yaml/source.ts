/**
 * A parsed YAML file that remembers where every value came from, so that a finding about
 * `/tasks/4/lead/0` can be reported at the line and column the clerk typed it.
 * Pure: no file-system access here (see load/read.ts).
 */
import {
  parseDocument,
  LineCounter,
  isAlias,
  isMap,
  isSeq,
  isScalar,
  isPair,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Alias,
} from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';

export type PathSegment = string | number;

export interface SourceFile {
  /** Path as shown to the user. */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data (YAML 1.2 core schema), or undefined when the YAML itself is broken. */
  data: unknown;
  /** YAML-level problems: syntax, duplicate keys, aliases, several documents. */
  diagnostics: Diagnostic[];
}

/** Caps that keep a hostile file from exhausting memory or time. */
export const LIMITS = {
  maxAliasCount: 100,
  maxDepth: 64,
} as const;

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  TAB_AS_INDENT: 'yaml/tab-indent',
  BAD_INDENT: 'yaml/syntax',
};

export function parseSource(path: string, rawText: string): SourceFile {
  // A UTF-8 BOM is allowed (Windows editors write one); CRLF is handled by the parser.
  const withoutBom = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // A lone CR (old Mac line end) is a line break in YAML, but the parser does not treat it
  // as one. Same length, so offsets and columns stay true.
  const text = withoutBom.includes('\r') ? withoutBom.replace(/\r(?!\n)/g, '\n') : withoutBom;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    keepSourceTokens: false,
    lineCounter,
  });
  const src: SourceFile = { path, text, doc, lineCounter, data: undefined, diagnostics: [] };
  // One finding per line: after a syntax error the parser reports a cascade of
  // consequences on the same lines, which only bury the first, real one.
  const seenLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // The parser recurses per nesting level; it reports a stack overflow as an error.
    const code = /call stack/i.test(e.message) ? 'yaml/too-deep' : (YAML_CODES[e.code] ?? 'yaml/syntax');
    const isError = doc.errors.includes(e as never);
    const line = offsetPosition(src, e.pos[0]).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    src.diagnostics.push(
      diagnosticAt(src, offsetPosition(src, e.pos[0]), code, isError ? 'error' : 'warning', {
        detail: firstLine(e.message),
        max: LIMITS.maxDepth,
      }),
    );
  }
  if (doc.errors.length > 0) return src;
  if (doc.contents === null) {
    src.diagnostics.push(diagnosticAt(src, { line: 1, column: 1 }, 'yaml/empty-file', 'error', {}));
    return src;
  }
  const depth = nodeDepth(doc.contents as YamlNode, 0);
  if (depth > LIMITS.maxDepth) {
    src.diagnostics.push(
      diagnosticAt(src, nodePosition(src, doc.contents as YamlNode), 'yaml/too-deep', 'error', { max: LIMITS.maxDepth }),
    );
    return src;
  }
  try {
    src.data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (err) {
    const unresolved = findAlias(doc.contents as YamlNode, (a) => a.resolve(doc) === undefined);
    if (unresolved) {
      src.diagnostics.push(diagnosticAt(src, nodePosition(src, unresolved), 'yaml/unknown-alias', 'error', { name: unresolved.source }));
      return src;
    }
    // The yaml package throws when aliases expand beyond maxAliasCount ("billion laughs").
    const alias = findAlias(doc.contents as YamlNode, () => true);
    src.diagnostics.push(
      diagnosticAt(src, alias ? nodePosition(src, alias) : { line: 1, column: 1 }, 'yaml/alias-limit', 'error', {
        max: LIMITS.maxAliasCount,
        detail: firstLine(String((err as Error).message)),
      }),
    );
  }
  return src;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).replace(/ at line \d+, column \d+:?$/, '').trim();
}

function nodeDepth(node: YamlNode | null | undefined, d: number): number {
  if (d > LIMITS.maxDepth) return d;
  let max = d;
  if (isMap(node)) {
    for (const p of node.items) {
      max = Math.max(max, nodeDepth(p.key as YamlNode, d + 1), nodeDepth(p.value as YamlNode, d + 1));
      if (max > LIMITS.maxDepth) return max;
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      max = Math.max(max, nodeDepth(it as YamlNode, d + 1));
      if (max > LIMITS.maxDepth) return max;
    }
  }
  return max;
}

function findAlias(node: YamlNode | null | undefined, test: (a: Alias) => boolean): Alias | undefined {
  if (!node) return undefined;
  if (isAlias(node)) return test(node) ? node : undefined;
  if (isMap(node)) {
    for (const p of node.items) {
      const f = findAlias(p.key as YamlNode, test) ?? findAlias(p.value as YamlNode, test);
      if (f) return f;
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      const f = findAlias(it as YamlNode, test);
      if (f) return f;
    }
  }
  return undefined;
}

export function offsetPosition(src: SourceFile, offset: number): Position {
  const { line, col } = src.lineCounter.linePos(Math.max(0, Math.min(offset, src.text.length)));
  return { line, column: col };
}

export function nodePosition(src: SourceFile, node: YamlNode | null | undefined): Position {
  const range = node?.range;
  if (!range) return { line: 1, column: 1 };
  const start = offsetPosition(src, range[0]);
  const end = offsetPosition(src, range[1]);
  return { ...start, endLine: end.line, endColumn: end.column };
}

export interface Located {
  /** The value node at the path (aliases followed). */
  node?: YamlNode;
  /** The key of the pair holding the value, when the last step was a map key. */
  key?: YamlNode;
  /** How many path segments resolved; less than path.length when the path ran out. */
  depth: number;
}

/**
 * Walk a JSON-pointer-like path through the YAML nodes, following aliases to their
 * anchors, so a finding lands on the text that produced the value.
 */
export function locate(src: SourceFile, path: readonly PathSegment[]): Located {
  let node = src.doc.contents as YamlNode | null;
  let key: YamlNode | undefined;
  let depth = 0;
  for (const seg of path) {
    node = resolveAlias(src, node);
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => keyString(p.key) === String(seg));
      if (!pair) break;
      key = pair.key as YamlNode;
      node = (pair.value as YamlNode | null) ?? key;
    } else if (isSeq(node)) {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      const item = node.items[idx] as YamlNode | undefined;
      if (!item) break;
      key = undefined;
      node = item;
    } else break;
    depth++;
  }
  return { node: resolveAlias(src, node) ?? undefined, key, depth };
}

function resolveAlias(src: SourceFile, node: YamlNode | null): YamlNode | null {
  let n = node;
  for (let i = 0; i < 10 && isAlias(n); i++) n = (n.resolve(src.doc) as YamlNode | undefined) ?? null;
  return n;
}

function keyString(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (isPair(k)) return undefined;
  return k === null || k === undefined ? undefined : String(k);
}

/** Where to point for a value at `path`; `onKey` points at its key instead (unknown/missing keys). */
export function positionOf(src: SourceFile, path: readonly PathSegment[], onKey = false): Position {
  const loc = locate(src, path);
  if (onKey && loc.key && loc.depth === path.length) return nodePosition(src, loc.key);
  return nodePosition(src, loc.node);
}

/** Position of a key inside the map at `path` (for an unknown property). */
export function positionOfKey(src: SourceFile, path: readonly PathSegment[], key: string): Position {
  const loc = locate(src, [...path, key]);
  if (loc.depth === path.length + 1 && loc.key) return nodePosition(src, loc.key);
  return positionOf(src, path, true);
}

export function lineText(src: { text: string }, line: number): string {
  if (line < 1) return '';
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = src.text.indexOf('\n', start);
  return src.text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

export function diagnosticAt(
  src: SourceFile,
  pos: Position,
  code: string,
  severity: Diagnostic['severity'],
  params: Diagnostic['params'],
): Diagnostic {
  return { code, severity, file: src.path, ...pos, params, excerpt: lineText(src, pos.line) };
}
