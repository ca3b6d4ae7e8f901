/**
 * Where each value of a plain file stands, from js-yaml's events while it read the file
 * (the offsets where each node opens and closes: kept from the first reading, yaml/fast.ts,
 * or from reading it again for a text too large to keep them), so that a finding in a clean file is
 * located without the yaml package, which is most of a cold run (BENCHMARKS.md). Only for
 * the files the fast path reads (yaml/fast.ts watches the same reading: no anchors,
 * aliases, tags, explicit keys): anything else is located through the yaml package's
 * syntax tree (yaml/source.ts).
 *
 * A span is shaped as the yaml package shapes a node's range, so that both give the same
 * position (tests/unit/yaml-spans.test.ts compares them on every value of every fixture):
 * a quoted scalar includes its quotes, a block scalar starts at its indicator (`|`, `>`),
 * a collection ends where its last value ends.
 */
import type * as JsYaml from 'js-yaml';
import { jsYamlLib, nodeStart, OPEN, plainWatch, recordEvents, type ReadEvents } from './fast.js';

/** What the spans need of js-yaml's state when a node closes. */
type Closed = Pick<JsYaml.State, 'kind' | 'position' | 'result'>;

export type SpanStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface Span {
  kind: 'map' | 'seq' | 'scalar';
  start: number;
  end: number;
  /** A scalar's style, as the yaml package names it. */
  style?: SpanStyle;
  /** A mapping's pairs by key (the first of equal keys), as the data's keys read. */
  pairs?: Map<string, { key: Span; value: Span }>;
  items?: Span[];
}

/** A node read: its span, where it ends with its trailing comment and line break, and its name as a key. */
interface Read {
  span: Span;
  nodeEnd: number;
  name: string | undefined;
}

const STYLES: Record<string, SpanStyle> = { "'": 'QUOTE_SINGLE', '"': 'QUOTE_DOUBLE', '|': 'BLOCK_LITERAL', '>': 'BLOCK_FOLDED' };

/** After the spaces, comment and line break that follow a value on its line. */
function trailingEnd(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '#') while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return text[i] === '\n' ? i + 1 : i;
}

/** Back over spaces and tabs (and line breaks) before `at`, not before `from`. */
function trimEnd(text: string, from: number, at: number): number {
  let i = at;
  while (i > from && /[ \t\r\n]/.test(text[i - 1]!)) i--;
  return i;
}

function scalarRead(text: string, state: Closed, open: number): Read {
  // An empty value (`key:`, `- `): the yaml package places it where js-yaml opened it, just after its indicator.
  if (state.kind === null) return { span: { kind: 'scalar', style: 'PLAIN', start: open, end: open }, nodeEnd: open, name: undefined };
  const start = nodeStart(text, open);
  const style = STYLES[text[start]!] ?? 'PLAIN';
  const block = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
  const end = block ? blockEnd(text, state.position) : style === 'PLAIN' ? trimEnd(text, start, state.position) : state.position;
  const name = state.result === null ? undefined : String(state.result);
  return { span: { kind: 'scalar', style, start, end }, nodeEnd: block ? end : trailingEnd(text, end), name };
}

/** A block scalar ends after its last line break that js-yaml read (the yaml package's range). */
function blockEnd(text: string, at: number): number {
  return at;
}

/** A collection from its nodes read; undefined when they do not pair up with its value. */
function collectionRead(text: string, state: Closed, open: number, nodes: Read[]): Read | undefined {
  const start = nodeStart(text, open);
  const flow = text[start] === '[' || text[start] === '{';
  const last = nodes[nodes.length - 1];
  const end = flow ? trimEnd(text, start, state.position) : Math.max(start, last ? last.nodeEnd : start);
  const nodeEnd = flow ? trailingEnd(text, end) : end;
  if (state.kind === 'sequence') {
    // The events hold a sequence's length (yaml/fast.ts recordEvents).
    if (nodes.length !== state.result) return undefined;
    return { span: { kind: 'seq', start, end, items: nodes.map((n) => n.span) }, nodeEnd, name: undefined };
  }
  if (nodes.length % 2 !== 0) return undefined;
  const pairs = new Map<string, { key: Span; value: Span }>();
  for (let i = 0; i < nodes.length; i += 2) {
    const k = nodes[i]!;
    if (k.name !== undefined && !pairs.has(k.name)) pairs.set(k.name, { key: k.span, value: nodes[i + 1]!.span });
  }
  return { span: { kind: 'map', start, end, pairs }, nodeEnd, name: undefined };
}

/**
 * The spans of the document's content, from the events of js-yaml's reading (yaml/fast.ts
 * keeps those of the first reading; else the text is read again here); undefined when the
 * text is not plain (yaml/fast.ts) or js-yaml does not read it.
 */
export function spanTree(text: string, events?: ReadEvents): Span | undefined {
  if (events) return replay(text, events);
  const { Y, schema } = jsYamlLib();
  const watch = plainWatch();
  const recording = recordEvents(watch.listener);
  try {
    Y.load(text, { schema, maxDepth: 1000, listener: recording.listener, onWarning: watch.onWarning });
  } catch {
    return undefined;
  }
  return watch.exact() ? undefined : replay(text, recording.events);
}

/** The spans built from the events, node by node as each closes. */
function replay(text: string, events: ReadEvents): Span | undefined {
  const frames: Read[][] = [[]];
  const opens: number[] = [];
  const { kinds, positions, results } = events;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    if (kind === OPEN) {
      opens.push(positions[i]!);
      frames.push([]);
      continue;
    }
    const open = opens.pop()!;
    const nodes = frames.pop()!;
    const state: Closed = { kind, position: positions[i]!, result: results[i] };
    let read: Read | undefined;
    // js-yaml reads a value on its own line as a possible mapping key first: a node whose one
    // node starts where it starts is that node.
    const only = nodes.length === 1 ? nodes[0]! : undefined;
    if (only && only.span.start === nodeStart(text, open)) read = only;
    else if (kind === 'scalar' || (kind === null && state.result === null)) read = scalarRead(text, state, open);
    else if (kind === 'mapping' || kind === 'sequence') read = collectionRead(text, state, open, nodes);
    if (!read || (read !== only && nodes.length > 0 && kind !== 'mapping' && kind !== 'sequence')) return undefined;
    frames[frames.length - 1]!.push(read);
  }
  return frames[0]![0]?.span;
}
