/**
 * A parsed YAML file that remembers where every value came from, so that a finding about
 * `/tasks/4/lead/0` can be reported at the line and column the clerk typed it.
 * Pure: no file-system access here (see load/read.ts).
 */
import type { Document, Node as YamlNode, Pair, Alias, YAMLMap, YAMLSeq, Scalar } from 'yaml';
import { makeDiagnostic, type Code, type Diagnostic, type ParamsOf, type Position } from '../diagnostics/diagnostic.js';
import { yamlLib } from './lib.js';
import { fastParse, type ReadEvents } from './fast.js';
import { yamlCustomTags } from './scalars.js';
import { spanTree, type Span } from './spans.js';

// The yaml package is loaded on first use (see lib.ts); these guards defer to it.
const isMap = (n: unknown): n is YAMLMap => yamlLib().isMap(n);
const isSeq = (n: unknown): n is YAMLSeq => yamlLib().isSeq(n);
export const isScalar = (n: unknown): n is Scalar => yamlLib().isScalar(n);
const isPair = (n: unknown): n is Pair => yamlLib().isPair(n);
const isAlias = (n: unknown): n is Alias => yamlLib().isAlias(n);

export type PathSegment = string | number;

export interface SourceFile {
  /** Path as shown to the user. */
  path: string;
  text: string;
  /**
   * The YAML syntax tree, for positions. A file served from the cache (load/cache.ts) has
   * none until a finding needs a position: see syntaxTree().
   */
  doc?: Document.Parsed;
  /** Offsets of line starts, built on first use. */
  lineStarts?: number[];
  /**
   * Where each value stands, from js-yaml's events (yaml/spans.ts), for a plain file
   * without a syntax tree; built on first use, null when the file is not plain.
   */
  spans?: Span | null;
  /** js-yaml's events of the fast reading, until the spans are built from them. */
  events?: ReadEvents;
  /** Plain data (YAML 1.2 core schema), or undefined when the YAML itself is broken. */
  data: unknown;
  /** YAML-level problems: syntax, duplicate keys, aliases, several documents. */
  diagnostics: Diagnostic[];
}

/** Caps that keep a hostile file from exhausting memory or time (docs/engine.md). */
export const LIMITS = {
  maxAliasCount: 100,
  maxDepth: 64,
  /** YAML nodes (keys, values, items) in one file. */
  maxNodes: 300_000,
} as const;

/** The yaml package's error codes that have a code of their own; the rest are yaml/syntax. */
const YAML_CODES: Record<string, 'yaml/duplicate-key' | 'yaml/multiple-documents' | 'yaml/tab-indent'> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  TAB_AS_INDENT: 'yaml/tab-indent',
};

/** One problem the yaml package reported. Its warnings keep the data, so they stay warnings. */
function parserFinding(src: SourceFile, pos: Position, e: { code: string; message: string }, isError: boolean): Diagnostic {
  const detail = firstLine(e.message);
  if (!isError) return diagnosticAt(src, pos, 'yaml/warning', { detail });
  // The parser recurses per nesting level; it reports a stack overflow as an error.
  if (/call stack/i.test(e.message)) return diagnosticAt(src, pos, 'yaml/too-deep', { max: LIMITS.maxDepth });
  const own = YAML_CODES[e.code];
  return own ? diagnosticAt(src, pos, own, {}) : diagnosticAt(src, pos, 'yaml/syntax', { detail });
}

/**
 * A UTF-8 BOM is dropped (Windows editors write one). A lone CR (old Mac line end) is a
 * line break in YAML that the parser does not treat as one: it becomes LF, same length, so
 * offsets and columns stay true. CRLF is left to the parser.
 */
export function normalizeText(raw: string): string {
  const t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return t.includes('\r') ? t.replace(/\r(?!\n)/g, '\n') : t;
}

export function parseSource(path: string, rawText: string): SourceFile {
  const text = normalizeText(rawText);
  // Before any parser: a cheap upper bound of the nodes, so that every parse stays bounded.
  if (roughNodeCount(text) > LIMITS.maxNodes * 2) return tooManyNodes(path, text);
  const fast = fastParse(text, LIMITS.maxDepth, LIMITS.maxNodes);
  if (fast && 'tooDeep' in fast) {
    const src: SourceFile = { path, text, data: undefined, diagnostics: [] };
    src.diagnostics.push(diagnosticAt(src, fast.tooDeep, 'yaml/too-deep', { max: LIMITS.maxDepth }));
    return src;
  }
  if (fast && 'tooMany' in fast) return tooManyNodes(path, text);
  // The syntax tree is built later, only if a finding needs a position (syntaxTree()).
  if (fast) return fast.events ? { path, text, data: fast.data, diagnostics: [], events: fast.events } : { path, text, data: fast.data, diagnostics: [] };
  return parseExact(path, text);
}

function tooManyNodes(path: string, text: string): SourceFile {
  const src: SourceFile = { path, text, data: undefined, diagnostics: [] };
  src.diagnostics.push(diagnosticAt(src, { line: 1, column: 1 }, 'yaml/too-many-nodes', { max: LIMITS.maxNodes }));
  return src;
}

/** Lines plus commas: a YAML text holds at most a few nodes for each. */
function roughNodeCount(text: string): number {
  // indexOf rather than a loop over every character: a cold run interprets such a loop.
  return 1 + occurrences(text, '\n') + occurrences(text, ',');
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

let tags: ReturnType<typeof yamlCustomTags> | undefined;
const coreTags = () => (tags ??= yamlCustomTags(isScalar));

/** The yaml package's full parse: data, syntax tree and every YAML problem located. */
export function parseExact(path: string, text: string): SourceFile {
  const { parseDocument } = yamlLib();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    // The plain scalars by the rules js-yaml reads with too (yaml/scalars.ts).
    customTags: coreTags(),
    // The yaml package's duplicate-key check compares each key with every other: quadratic.
    // findDuplicateKey below does it in one pass.
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const src: SourceFile = { path, text, doc, data: undefined, diagnostics: [] };
  // One finding per line: after a syntax error the parser reports a cascade of
  // consequences on the same lines, which only bury the first, real one.
  const seenLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = offsetPosition(src, e.pos[0]);
    if (seenLines.has(pos.line)) continue;
    seenLines.add(pos.line);
    src.diagnostics.push(parserFinding(src, pos, e, doc.errors.includes(e as never)));
  }
  if (doc.errors.length > 0) return src;
  if (doc.contents === null) {
    src.diagnostics.push(diagnosticAt(src, { line: 1, column: 1 }, 'yaml/empty-file', {}));
    return src;
  }
  const duplicate = findDuplicateKey(doc.contents as YamlNode);
  if (duplicate) {
    src.diagnostics.push(diagnosticAt(src, nodePosition(src, duplicate), 'yaml/duplicate-key', {}));
    return src;
  }
  const complexKey = findComplexKey(doc.contents as YamlNode);
  if (complexKey) {
    src.diagnostics.push(diagnosticAt(src, nodePosition(src, complexKey), 'yaml/complex-key', {}));
    return src;
  }
  const depth = nodeDepth(doc.contents as YamlNode, 0);
  if (depth > LIMITS.maxDepth) {
    src.diagnostics.push(diagnosticAt(src, nodePosition(src, doc.contents as YamlNode), 'yaml/too-deep', { max: LIMITS.maxDepth }));
    return src;
  }
  try {
    src.data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (err) {
    const unresolved = findAlias(doc.contents as YamlNode, (a) => a.resolve(doc) === undefined);
    if (unresolved) {
      src.diagnostics.push(diagnosticAt(src, nodePosition(src, unresolved), 'yaml/unknown-alias', { name: unresolved.source }));
      return src;
    }
    // The yaml package throws when aliases expand beyond maxAliasCount ("billion laughs").
    const alias = findAlias(doc.contents as YamlNode, () => true);
    src.diagnostics.push(
      diagnosticAt(src, alias ? nodePosition(src, alias) : { line: 1, column: 1 }, 'yaml/alias-limit', {
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

/** A mapping key that is itself a mapping or a list: no plan file has one. */
function findComplexKey(node: YamlNode | null | undefined, depth = 0): YamlNode | undefined {
  if (!node || depth > LIMITS.maxDepth) return undefined;
  if (isMap(node)) {
    for (const p of node.items) {
      if (isMap(p.key) || isSeq(p.key)) return p.key as YamlNode;
      const f = findComplexKey(p.value as YamlNode, depth + 1);
      if (f) return f;
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      const f = findComplexKey(it as YamlNode, depth + 1);
      if (f) return f;
    }
  }
  return undefined;
}

/** The second occurrence of a key in some mapping, found with one set per mapping. */
function findDuplicateKey(root: YamlNode | null | undefined): YamlNode | undefined {
  const stack: { node: YamlNode | null | undefined; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!node || depth > LIMITS.maxDepth) continue;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const p of node.items) {
        const k = isScalar(p.key) ? `${typeof p.key.value}:${String(p.key.value)}` : undefined;
        if (k !== undefined) {
          if (seen.has(k)) return p.key as YamlNode;
          seen.add(k);
        }
        stack.push({ node: p.value as YamlNode, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const it of node.items) stack.push({ node: it as YamlNode, depth: depth + 1 });
    }
  }
  return undefined;
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

/** A file whose data came from the cache: parsed again only if a position is needed. */
export function cachedSource(path: string, rawText: string, data: unknown): SourceFile {
  return { path, text: normalizeText(rawText), data, diagnostics: [] };
}

/** The syntax tree, parsing the text now if the file came from the cache. */
export function syntaxTree(src: SourceFile): Document.Parsed {
  if (!src.doc) src.doc = parseExact(src.path, src.text).doc!;
  return src.doc;
}

function lineStarts(src: SourceFile): number[] {
  if (!src.lineStarts) {
    const starts = [0];
    const t = src.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    src.lineStarts = starts;
  }
  return src.lineStarts;
}

export function offsetPosition(src: SourceFile, offset: number): Position {
  const starts = lineStarts(src);
  const off = Math.max(0, Math.min(offset, src.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: off - starts[lo]! + 1 };
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
  const doc = syntaxTree(src);
  let node = doc.contents as YamlNode | null;
  let key: YamlNode | undefined;
  let depth = 0;
  for (const seg of path) {
    node = resolveAlias(src, node);
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
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

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pairs of a mapping by key, built once: a finding does not walk the whole mapping. */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      const k = keyString(p.key);
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function resolveAlias(src: SourceFile, node: YamlNode | null): YamlNode | null {
  let n = node;
  for (let i = 0; i < 10 && isAlias(n); i++) n = (n.resolve(syntaxTree(src)) as YamlNode | undefined) ?? null;
  return n;
}

function keyString(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (isPair(k)) return undefined;
  return k === null || k === undefined ? undefined : String(k);
}

export interface SpanLocated {
  /** The value's span at the path. */
  node?: Span;
  /** The key's span, when the last step was a map key. */
  key?: Span;
  /** How many path segments resolved; less than path.length when the path ran out. */
  depth: number;
}

/** The spans of a plain file read on the fast path; undefined when the syntax tree must answer. */
function spansOf(src: SourceFile): Span | undefined {
  if (src.doc) {
    delete src.events;
    return undefined;
  }
  if (src.spans === undefined) {
    src.spans = spanTree(src.text, src.events) ?? null;
    delete src.events;
  }
  return src.spans ?? undefined;
}

/** A yaml node's range as a span. */
function nodeSpan(node: YamlNode | undefined): Span | undefined {
  if (!node?.range) return undefined;
  const kind = isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar';
  const style = kind === 'scalar' ? ((node as Scalar).type as Span['style']) : undefined;
  return { kind, start: node.range[0], end: node.range[1], ...(style ? { style } : {}) };
}

/**
 * Where the value at `path` stands: from js-yaml's events for a plain file (the yaml
 * package is not loaded), else from the yaml package's syntax tree, aliases followed.
 */
export function locateSpan(src: SourceFile, path: readonly PathSegment[]): SpanLocated {
  const tree = spansOf(src);
  if (!tree) {
    const loc = locate(src, path);
    return { node: nodeSpan(loc.node), key: nodeSpan(loc.key), depth: loc.depth };
  }
  let node: Span | undefined = tree;
  let key: Span | undefined;
  let depth = 0;
  for (const seg of path) {
    if (node?.pairs) {
      const pair = node.pairs.get(String(seg));
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node?.items) {
      const item: Span | undefined = node.items[typeof seg === 'number' ? seg : Number(seg)];
      if (!item) break;
      key = undefined;
      node = item;
    } else break;
    depth++;
  }
  return { node, key, depth };
}

export function spanPosition(src: SourceFile, span: Span | undefined): Position {
  if (!span) return { line: 1, column: 1 };
  const start = offsetPosition(src, span.start);
  const end = offsetPosition(src, span.end);
  return { ...start, endLine: end.line, endColumn: end.column };
}

/** Where to point for a value at `path`; `onKey` points at its key instead (unknown/missing keys). */
export function positionOf(src: SourceFile, path: readonly PathSegment[], onKey = false): Position {
  const loc = locateSpan(src, path);
  if (onKey && loc.key && loc.depth === path.length) return spanPosition(src, loc.key);
  return spanPosition(src, loc.node);
}

/** Position of a key inside the map at `path` (for an unknown property). */
export function positionOfKey(src: SourceFile, path: readonly PathSegment[], key: string): Position {
  const loc = locateSpan(src, [...path, key]);
  if (loc.depth === path.length + 1 && loc.key) return spanPosition(src, loc.key);
  return positionOf(src, path, true);
}

export function lineText(src: SourceFile, line: number): string {
  const starts = lineStarts(src);
  if (line < 1 || line > starts.length) return '';
  const start = starts[line - 1]!;
  const end = src.text.indexOf('\n', start);
  return src.text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** A finding at a place in a parsed file, with the line's text for the excerpt. */
export function diagnosticAt<C extends Code>(src: SourceFile, pos: Position, code: C, params: ParamsOf<C>): Diagnostic {
  return makeDiagnostic(code, src.path, pos, params, lineText(src, pos.line));
}
