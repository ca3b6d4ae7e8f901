/**
 * The one set of scalar rules both YAML parsers read with: the YAML 1.2 core schema
 * (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as a table. A plain scalar takes the
 * first rule whose pattern matches its whole text, and the rule's value; a scalar no rule
 * matches is a string. js-yaml (the fast path, yaml/fast.ts) reads with a schema built from
 * this table (jsYamlSchema), and the yaml package (the exact path, yaml/source.ts) with its
 * core tags whose tests and values are these (yamlCustomTags). So `1_000` is text and
 * `0x1F` is 31 for both, and `1e400`, a float by its form, is Infinity for both: the value
 * of a float too large to represent, as `.inf` is (docs/engine.md, "Two YAML parsers, one
 * grammar"). tests/unit/yaml-fast.test.ts checks the two agree on every case.
 */
import type * as JsYaml from 'js-yaml';
import type { ScalarTag, Tags } from 'yaml';

export interface ScalarRule {
  /** The core schema's tag for the values of this rule. */
  tag: 'tag:yaml.org,2002:null' | 'tag:yaml.org,2002:bool' | 'tag:yaml.org,2002:int' | 'tag:yaml.org,2002:float';
  /** The yaml package's format of its tag for this rule (its core schema has one tag object per form). */
  format?: 'OCT' | 'HEX' | 'EXP';
  /** The whole text of the plain scalar. */
  test: RegExp;
  /** The characters a text the test matches can begin with (the test decides; this only skips it). */
  first: string;
  value: (text: string) => unknown;
}

const sign = (text: string): number => (text[0] === '-' ? -1 : 1);
const DIGITS = '0123456789';

/** In the yaml package's order: the first matching rule decides. */
export const CORE_SCALARS: readonly ScalarRule[] = [
  { tag: 'tag:yaml.org,2002:null', test: /^(?:~|[Nn]ull|NULL)?$/, first: '~nN', value: () => null },
  { tag: 'tag:yaml.org,2002:bool', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, first: 'tTfF', value: (t) => t[0] === 't' || t[0] === 'T' },
  { tag: 'tag:yaml.org,2002:int', format: 'OCT', test: /^0o[0-7]+$/, first: '0', value: (t) => parseInt(t.slice(2), 8) },
  { tag: 'tag:yaml.org,2002:int', test: /^[-+]?[0-9]+$/, first: `+-${DIGITS}`, value: (t) => parseInt(t, 10) },
  { tag: 'tag:yaml.org,2002:int', format: 'HEX', test: /^0x[0-9a-fA-F]+$/, first: '0', value: (t) => parseInt(t.slice(2), 16) },
  {
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    first: '+-.',
    value: (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : sign(t) * Infinity),
  },
  // Infinity when the number is too large (`1e400`): parseFloat's answer.
  {
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    first: `+-.${DIGITS}`,
    value: (t) => parseFloat(t),
  },
  { tag: 'tag:yaml.org,2002:float', test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, first: `+-.${DIGITS}`, value: (t) => parseFloat(t) },
];

/** A plain scalar's value by the rules: the text itself when no rule matches. */
export function resolvePlain(text: string): unknown {
  const r = text === '' ? CORE_SCALARS[0]! : ruleOf(text);
  return r ? r.value(text) : text;
}

/** The rule that decides a plain scalar's value; undefined for a string. */
function ruleOf(text: string): ScalarRule | undefined {
  const rules = BY_FIRST[text.charCodeAt(0)];
  if (rules) for (const r of rules) if (r.test.test(text)) return r;
  return undefined;
}

/** The rules a text can match, by its first character (all ASCII): most text is ruled out by one look-up. */
const BY_FIRST: (readonly ScalarRule[] | undefined)[] = Array.from({ length: 128 }, (_, c) => {
  const rules = CORE_SCALARS.filter((r) => r.first.includes(String.fromCharCode(c)));
  return rules.length > 0 ? rules : undefined;
});

/**
 * The schema js-yaml reads with: one implicit type that applies the table. Its tag is a
 * private name, not the core schema's, and the schema has no explicit type at all: a tag
 * written in the file (`!!int`, `!!str`, `!foo`) is then unknown to js-yaml, which refuses
 * the file, and the exact parser decides it.
 */
export function jsYamlSchema(Y: typeof JsYaml): JsYaml.Schema {
  // js-yaml asks the type, then constructs with it: the rule found is kept for that.
  let found: ScalarRule | undefined;
  const plain = new Y.Type('tag:cchc,2026:plain', {
    kind: 'scalar',
    resolve: (text: unknown) => typeof text === 'string' && (found = ruleOf(text)) !== undefined,
    construct: (text: string) => found!.value(text),
  });
  return new Y.Schema({ implicit: [plain], explicit: [] });
}

/**
 * The yaml package's core tags with the rules' tests and values. Each keeps its own
 * stringify (how `cchc` writes a value back, src/edit/), and a value the package wraps in a
 * node (a float's fraction digits, the source of a bool) keeps its wrapping.
 */
export function yamlCustomTags(isNode: (v: unknown) => v is { value: unknown }): (tags: Tags) => Tags {
  return (tags) => {
    let i = 0;
    return tags.map((t) => {
      const tag = t as ScalarTag;
      if (!tag.test) return t;
      // The core schema's scalar tags are the rules, one for one and in the same order.
      const rule = CORE_SCALARS[i++];
      if (rule?.tag !== tag.tag) throw new Error(`yaml/scalars.ts: the yaml package's core tag ${tag.tag} is not rule ${i - 1}`);
      const own = tag.resolve;
      const resolve: ScalarTag['resolve'] = (text, onError, options) => {
        const node = own(text, onError, options);
        const value = rule.value(text);
        if (!isNode(node)) return value as never;
        node.value = value;
        return node as never;
      };
      return { ...tag, test: rule.test, resolve };
    });
  };
}
