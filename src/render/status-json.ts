/**
 * `cchc status --json`: the computed report as it is, field for field (docs/commands.md, "cchc status
 * --json"). Money is bigint in the report; here it becomes a JSON number of whole đồng. The
 * schemas cap every amount at Number.MAX_SAFE_INTEGER, so that is exact; a sum beyond it
 * (only possible with thousands of lines each near the cap) is written as a decimal string
 * rather than rounded.
 */
import type { StatusReport } from '../report/status.js';

export function moneyAsJson(x: bigint): number | string {
  return x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(x) : x.toString();
}

/**
 * The report as plain JSON data (no bigint): what JSON.parse would give back from the report
 * written with money as moneyAsJson, built in one walk rather than written and read again
 * (tests/integration/status.test.ts compares the two; a 10.000-task
 * report is megabytes of JSON, BENCHMARKS.md). It keeps JSON's rules: a number that is not
 * finite becomes null, and what JSON has no value for (undefined, a function) is left out
 * of an object and null in a list.
 */
export function statusAsJson(report: StatusReport): unknown {
  return asJson(report, '');
}

/** A value as JSON data; undefined where JSON.stringify writes nothing. */
function asJson(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  switch (typeof v) {
    case 'bigint':
      return moneyAsJson(v);
    case 'number':
      // -0 is written 0.
      return Number.isFinite(v) ? v + 0 : null;
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      if (v === null) return null;
      if (Array.isArray(v)) return v.map((x, i) => asJson(x, String(i)) ?? null);
      return asJsonObject(v as Record<string, unknown>);
    default:
      return undefined;
  }
}

function asJsonObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const x = asJson(o[k], k);
    if (x === undefined) continue;
    // A key named __proto__ is an own property in JSON.parse's result, as here.
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}
