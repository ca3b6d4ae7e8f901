/**
 * The fast path for clean files. js-yaml 4 (bundled) reads plain YAML several times faster
 * than the yaml package, which we keep for what js-yaml cannot give: positions and every
 * error located. One grammar decides, not two: both read plain scalars by the same rules
 * (yaml/scalars.ts), and a file takes the fast path only when js-yaml itself met nothing
 * the two could read differently. js-yaml's `listener` sees every node as it is read
 * (plainWatch below): an anchor (so also any alias), the non-specific tag `!`, a directive,
 * a warning, an explicit key (`? `), a key that is a collection, null or longer than 1,024
 * characters, a block scalar with an indentation indicator, a comment with no space before
 * it, a document that is a lone scalar. A text with a tab anywhere is left to the exact parser whole (the two read tabs
 * differently in places no node marks). Any other tag is unknown to
 * the schema js-yaml reads with, so js-yaml refuses the file; so it does duplicate keys,
 * several documents and bad syntax. All of these go to the exact path (the yaml package),
 * which reports or reads them. tests/unit/yaml-fast.test.ts checks that the two agree,
 * on the known former differences too (docs/engine.md): `1e400`, keys over 1,024
 * characters.
 *
 * js-yaml also bounds the work first: nesting deeper than LIMITS.maxDepth is refused here,
 * located, before the yaml package (which recurses per level) ever sees it, and a file of
 * more than LIMITS.maxNodes nodes is counted here.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import { jsYamlSchema } from './scalars.js';

declare const require: NodeJS.Require | undefined;

let jsYaml: { Y: typeof JsYaml; schema: JsYaml.Schema } | undefined;

/** js-yaml and its schema, started on first use as yaml/lib.ts starts the yaml package: a cached run needs neither. */
export function jsYamlLib(): { Y: typeof JsYaml; schema: JsYaml.Schema } {
  if (!jsYaml) {
    const Y = (typeof require === 'function' ? require('js-yaml') : createRequire(import.meta.url)('js-yaml')) as typeof JsYaml;
    jsYaml = { Y, schema: jsYamlSchema(Y) };
  }
  return jsYaml;
}

/** The longest implicit key the yaml package reads (YAML 1.2, 7.4.2: 1,024 characters). */
const MAX_KEY = 1024;

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** Offset of the first character at or after `at` that is not a space or tab. */
function skipBlanks(input: string, at: number): number {
  let i = at;
  while (isBlank(input.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the last character before `at` that is not a space, tab or line break. */
function trimBack(input: string, from: number, at: number): number {
  let i = at;
  while (i > from && (isBlank(input.charCodeAt(i - 1)) || input.charCodeAt(i - 1) === 0x0a || input.charCodeAt(i - 1) === 0x0d)) i--;
  return i;
}

/** Whether a node that starts at `start` is a block scalar with an indentation indicator (`|2`, `>-1`). */
function indentedBlockScalar(input: string, start: number): boolean {
  const c = input.charCodeAt(start);
  if (c !== 0x7c && c !== 0x3e) return false;
  for (let i = start + 1; i < start + 3; i++) {
    const d = input.charCodeAt(i);
    if (d >= 0x31 && d <= 0x39) return true;
    if (d !== 0x2b && d !== 0x2d) return false;
  }
  return false;
}

/** Where a node opened at `open` starts: after the spaces, line breaks and comments before it. */
export function nodeStart(input: string, open: number): number {
  let i = open;
  for (;;) {
    const c = input.charCodeAt(i);
    if (isBlank(c) || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 && (i === 0 || isBlank(input.charCodeAt(i - 1)) || input.charCodeAt(i - 1) === 0x0a)) {
      while (i < input.length && input.charCodeAt(i) !== 0x0a) i++;
    } else return i;
  }
}

export interface PlainWatch {
  listener: (event: 'open' | 'close', state: JsYaml.State) => void;
  onWarning: () => void;
  /** Something was read that only the exact parser decides. */
  exact: () => boolean;
  /** Nodes read: keys, values, items (as the data holds them). */
  nodes: () => number;
}

/**
 * Watches js-yaml read a text and notes what makes it not plain (see the top of this file).
 */
export function plainWatch(): PlainWatch {
  const opens: number[] = [];
  let exact = false;
  let nodes = 0;
  let first = true;
  let lastClose = -1;
  let lastDepth = -1;
  // Whether the text has a `?` at all, that could stand before a key as its indicator.
  let question = false;
  const open = (state: JsYaml.State): void => {
    const position = state.position;
    if (first) {
      first = false;
      question = state.input.includes('?');
      // A tab, anywhere: js-yaml and the yaml package read tabs differently in places no node
      // marks (in indentation, before a document marker, in a block scalar's lines), so a
      // text with one is left to the exact parser whole. Plan files have none.
      if (state.input.includes('\t')) exact = true;
      if (state.version !== null || Object.keys(state.tagMap).length > 0) exact = true;
    }
    if (question) explicitKey(state.input, position);
    opens.push(position);
  };
  /** An explicit key: `?` before the node, as its indicator. */
  const explicitKey = (input: string, position: number): void => {
    let i = position;
    while (i > 0 && isBlank(input.charCodeAt(i - 1))) i--;
    if (input.charCodeAt(i - 1) === 0x3f && (i === 1 || /[\s[{,]/.test(input[i - 2]!))) exact = true;
  };
  const close = (state: JsYaml.State): void => {
    const { input, position, kind } = state;
    const at = opens.pop()!;
    const depth = opens.length;
    // A node whose only content is the node just closed (js-yaml reads a plain scalar as a possible mapping key first) is not counted again.
    if (position !== lastClose || depth !== lastDepth - 1) nodes++;
    lastClose = position;
    lastDepth = depth;
    if (state.anchor !== null || state.tag === '!') exact = true;
    // A document that is a lone scalar (a plan file is a mapping): the two read a block scalar's lines there differently.
    if (depth === 0 && kind !== 'mapping' && kind !== 'sequence') exact = true;
    // A comment with no space before it, right after a quoted scalar or a flow collection: js-yaml reads past it, the yaml package refuses it.
    if (input.charCodeAt(position) === 0x23 && !isBlank(input.charCodeAt(position - 1)) && input.charCodeAt(position - 1) !== 0x0a) exact = true;
    // A quoted or block scalar (a plain one has a tag, `?` or the one resolved).
    if (kind === 'scalar' && state.tag === null && indentedBlockScalar(input, nodeStart(input, at))) exact = true;
    // A key: the next character on the line is the value indicator.
    if (input.charCodeAt(skipBlanks(input, position)) === 0x3a) {
      if (kind !== 'scalar' || state.result === null) exact = true;
      else if (position - at > MAX_KEY) {
        const keyStart = nodeStart(input, at);
        if (trimBack(input, keyStart, position) - keyStart > MAX_KEY) exact = true;
      }
    }
  };
  return {
    listener: (event, state) => (event === 'open' ? open(state) : close(state)),
    onWarning: () => {
      exact = true;
    },
    exact: () => exact,
    nodes: () => nodes,
  };
}

/**
 * js-yaml's events while it read a text, in order: each node's open (kind OPEN) and close
 * (its kind, where it closed and what it read: a scalar's value, a sequence's length), for
 * yaml/spans.ts to find where each value stands without reading the text again.
 */
export interface ReadEvents {
  kinds: (JsYaml.State['kind'] | typeof OPEN)[];
  positions: number[];
  results: unknown[];
}

export const OPEN = 'open' as const;

/** Texts up to this length keep their events: a few numbers per node, against a second reading when a finding needs a position. */
const RECORD_CHARS = 256 * 1024;
/**
 * Events kept in all, until resetEvents(): a run over 100.000 progress records would keep
 * millions (50 MB more at its peak, BENCHMARKS.md); the files read past this are read again
 * if a finding needs a position in them.
 */
const RECORD_BUDGET = 200_000;
let recorded = 0;

/** A new run (src/cli/main.ts): the budget of kept events is whole again. */
export function resetEvents(): void {
  recorded = 0;
}

export type FastResult = { data: unknown; events?: ReadEvents } | { tooDeep: { line: number; column: number } } | { tooMany: true } | undefined;

/** A listener that keeps js-yaml's events, then passes each on to `next`. */
export function recordEvents(next: (event: 'open' | 'close', state: JsYaml.State) => void): {
  events: ReadEvents;
  listener: (event: 'open' | 'close', state: JsYaml.State) => void;
} {
  const events: ReadEvents = { kinds: [], positions: [], results: [] };
  const listener = (event: 'open' | 'close', state: JsYaml.State): void => {
    events.kinds.push(event === 'open' ? OPEN : state.kind);
    events.positions.push(state.position);
    // A sequence's length as it closed, not the array: the data may be changed later.
    events.results.push(event === 'open' ? undefined : state.kind === 'sequence' ? (state.result as unknown[]).length : state.result);
    next(event, state);
  };
  return { events, listener };
}

/** js-yaml's reading of a plain text; undefined when the exact parser must decide. */
export function fastParse(text: string, maxDepth: number, maxNodes: number): FastResult {
  const { Y, schema } = jsYamlLib();
  const watch = plainWatch();
  const recording = text.length <= RECORD_CHARS && recorded < RECORD_BUDGET ? recordEvents(watch.listener) : undefined;
  try {
    const data = Y.load(text, { schema, json: false, maxDepth: maxDepth + 1, listener: recording?.listener ?? watch.listener, onWarning: watch.onWarning });
    if (watch.nodes() > maxNodes) return { tooMany: true };
    // An empty file, or only comments: let the exact path say so.
    if (watch.exact() || data === undefined || data === null) return undefined;
    if (!recording) return { data };
    recorded += recording.events.kinds.length;
    return { data, events: recording.events };
  } catch (err) {
    const e = err as { message?: string; mark?: { line?: number; column?: number } };
    if (/exceeded maxDepth/.test(String(e.message)) && e.mark) return { tooDeep: { line: (e.mark.line ?? 0) + 1, column: (e.mark.column ?? 0) + 1 } };
    return undefined;
  }
}
