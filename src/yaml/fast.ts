/**
 * The fast path for clean files. js-yaml reads plain YAML about four times faster than
 * the yaml package, which we keep for what js-yaml cannot give: positions, every error
 * located, alias limits. A file takes the fast path only when nothing in it could make
 * the two disagree (anchors, aliases, tags, tabs, directives, explicit keys, block
 * scalars with an indentation indicator, empty or null keys); anything
 * js-yaml rejects (duplicate keys, several documents, bad syntax) goes to the exact path
 * too, which then reports it. tests/unit/yaml-fast.test.ts checks that the two agree.
 */
import { load, CORE_SCHEMA } from 'js-yaml';

/** Constructs whose meaning or limits we let only the exact parser decide. */
const NOT_PLAIN = /(^|[\s[{,])[&*!][^\s,\]}]|\t|^%|^\s*\? |^\s*<<\s*:|\u0000|[|>][-+]?[1-9]/m;
/** Empty or null keys: js-yaml names them "null", the yaml package "". */
const NULL_KEY = /(^[ -]*|[{,][ ]*)(~|null|Null|NULL)?[ ]*:([ \r\n]|$)/m;

export function fastParse(text: string): { data: unknown } | undefined {
  if (NOT_PLAIN.test(text) || NULL_KEY.test(text)) return undefined;
  try {
    const data = load(text, { schema: CORE_SCHEMA, json: false });
    // An empty file, or only comments: let the exact path say so.
    if (data === undefined || data === null) return undefined;
    return { data };
  } catch {
    return undefined;
  }
}
