/**
 * The length of a string in code points, as JSON Schema counts it for minLength and
 * maxLength: what ajv's runtime ucs2length gives (a high surrogate followed by a low one is
 * one character, any other code unit is one), found with two native pattern scans instead
 * of a loop over every code unit. The schema validators (scripts/build.mjs) call this one;
 * a cold `cchc validate` spent some 2 ms in ajv's loop over the plan's long texts
 * (BENCHMARKS.md). tests/unit/ucs2length.test.ts checks both agree.
 */
const HIGH = /[\uD800-\uDBFF]/;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function ucs2length(text: string): number {
  if (!HIGH.test(text)) return text.length;
  return text.length - (text.match(PAIR)?.length ?? 0);
}
