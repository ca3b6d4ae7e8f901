/**
 * The part of js-yaml 4 that cchc uses (yaml/fast.ts, yaml/spans.ts, yaml/scalars.ts):
 * js-yaml 4 ships no types. Its `listener` option is called as each node is opened and
 * closed, with the loader's state (lib/loader.js: composeNode).
 */
declare module 'js-yaml' {
  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    resolve?: (data: unknown) => boolean;
    construct?: (data: string) => unknown;
  }
  export class Type {
    constructor(tag: string, options: TypeOptions);
    tag: string;
  }
  export class Schema {
    constructor(definition: { implicit?: Type[]; explicit?: Type[] });
  }
  /** The loader's state as a listener sees it. */
  export interface State {
    /** The text, with a NUL appended. */
    input: string;
    /** Offset of the next character to read. */
    position: number;
    /** The node's kind once read; null for an empty node or an alias. */
    kind: 'scalar' | 'sequence' | 'mapping' | null;
    result: unknown;
    /** Null, `?` (a plain scalar no implicit type took), `!`, or the tag resolved. */
    tag: string | null;
    anchor: string | null;
    /** From a %YAML directive, else null. */
    version: string | null;
    /** Handles of %TAG directives. */
    tagMap: Record<string, string>;
  }
  export interface LoadOptions {
    schema?: Schema;
    json?: boolean;
    filename?: string;
    maxDepth?: number;
    listener?: (event: 'open' | 'close', state: State) => void;
    /** Called for what js-yaml reads past (an unknown directive) instead of failing. */
    onWarning?: (warning: unknown) => void;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number; position: number };
  }
  export function load(text: string, options?: LoadOptions): unknown;
}
