/**
 * Where each value of a plain file stands, from js-yaml's event stream (`parseEvents`:
 * offsets into the text, no values built), so that a finding in a clean file is located
 * without the yaml package, which is most of a cold run (BENCHMARKS.md). Only for the
 * files the fast path reads (yaml/fast.ts: no anchors, aliases, tags, explicit keys):
 * anything else is located through the yaml package's syntax tree (yaml/source.ts).
 *
 * A span is shaped as the yaml package shapes a node's range, so that both give the same
 * position (tests/unit/yaml-spans.test.ts compares them on every value of every fixture):
 * a quoted scalar includes its quotes, a block scalar starts at its indicator (`|`, `>`),
 * a collection ends where its last value ends.
 */
import type * as JsYaml from 'js-yaml';
import { jsYamlLib } from './fast.js';

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

const STYLES: Record<number, SpanStyle> = { 1: 'PLAIN', 2: 'QUOTE_SINGLE', 3: 'QUOTE_DOUBLE', 4: 'BLOCK_LITERAL', 5: 'BLOCK_FOLDED' };

interface Open {
  span: Span;
  flow: boolean;
  /** A mapping's key, waiting for its value. */
  key?: { span: Span; name: string | undefined };
}

/** Adds a finished node to the collection being read (a key waits for its value). */
function attach(top: Open, span: Span, name: () => string | undefined): void {
  if (top.span.kind === 'seq') top.span.items!.push(span);
  else if (!top.key) top.key = { span, name: name() };
  else {
    const k = top.key;
    if (k.name !== undefined && !top.span.pairs!.has(k.name)) top.span.pairs!.set(k.name, { key: k.span, value: span });
    top.key = undefined;
  }
}

/** The spans of the document's content; undefined when js-yaml does not read the text or it has an alias. */
export function spanTree(text: string): Span | undefined {
  const Y = jsYamlLib();
  let events: JsYaml.Event[];
  try {
    events = Y.parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  let root: Span | undefined;
  const stack: Open[] = [];
  // Where the last finished node's value ended, and where the node ended with its trailing
  // comment and line break (the yaml package ends a block collection there).
  let lastEnd = 0;
  let lastNodeEnd = 0;
  const finish = (span: Span, name: () => string | undefined, nodeEnd: number): void => {
    lastEnd = span.end;
    lastNodeEnd = nodeEnd;
    const top = stack[stack.length - 1];
    if (top) attach(top, span, name);
    else root ??= span;
  };
  for (const e of events) {
    if (e.type === Y.EVENT_ID.SCALAR) {
      const span = e.valueStart >= 0 ? scalarSpan(text, e, lastEnd) : emptySpan(text, stack[stack.length - 1], lastEnd);
      const block = span.style === 'BLOCK_LITERAL' || span.style === 'BLOCK_FOLDED';
      finish(span, () => keyName(Y, text, e), block ? span.end : trailingEnd(text, span.end));
    } else if (e.type === Y.EVENT_ID.MAPPING || e.type === Y.EVENT_ID.SEQUENCE) {
      const map = e.type === Y.EVENT_ID.MAPPING;
      const span: Span = map ? { kind: 'map', start: e.start, end: e.start, pairs: new Map() } : { kind: 'seq', start: e.start, end: e.start, items: [] };
      stack.push({ span, flow: e.style === Y.COLLECTION_STYLE.FLOW });
      lastEnd = lastNodeEnd = e.start + 1;
    } else if (e.type === Y.EVENT_ID.POP) {
      const open = stack.pop();
      if (!open) continue;
      if (open.flow) {
        // A flow collection ends after its closing bracket.
        const close = text.indexOf(open.span.kind === 'map' ? '}' : ']', lastEnd);
        open.span.end = close >= 0 ? close + 1 : lastEnd;
        finish(open.span, () => undefined, trailingEnd(text, open.span.end));
      } else {
        open.span.end = Math.max(open.span.start, lastNodeEnd);
        finish(open.span, () => undefined, open.span.end);
      }
    } else if (e.type === Y.EVENT_ID.ALIAS) {
      return undefined;
    }
  }
  return root;
}

/** A value left empty (`key:`, `- `): the yaml package places it just after its indicator. */
function emptySpan(text: string, parent: Open | undefined, after: number): Span {
  const indicator = parent?.span.kind === 'seq' ? '-' : ':';
  const i = parent ? text.indexOf(indicator, after) : -1;
  const at = i >= 0 ? i + 1 : after;
  return { kind: 'scalar', style: 'PLAIN', start: at, end: at };
}

/** After the spaces, comment and line break that follow a value on its line. */
function trailingEnd(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '#') while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return text[i] === '\n' ? i + 1 : i;
}

function scalarSpan(text: string, e: JsYaml.ScalarEvent, after: number): Span {
  const style = STYLES[e.style] ?? 'PLAIN';
  if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') return { kind: 'scalar', style, start: e.valueStart - 1, end: e.valueEnd + 1 };
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    // js-yaml's offsets are the content's; the yaml package starts at the indicator.
    const between = text.slice(after, e.valueStart);
    const i = between.search(/[|>]/);
    return { kind: 'scalar', style, start: i >= 0 ? after + i : e.valueStart, end: e.valueEnd };
  }
  return { kind: 'scalar', style, start: e.valueStart, end: e.valueEnd };
}

/** A key as the data names it: the scalar resolved by the core schema, as text. */
function keyName(Y: typeof JsYaml, text: string, e: JsYaml.ScalarEvent): string {
  const value = Y.getScalarValue(text, e);
  if (e.style !== 1) return value;
  return String(Y.CORE_SCHEMA.resolveImplicitScalarTag(value).value);
}
