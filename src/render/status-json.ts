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

/** The report as plain JSON data (no bigint). */
export function statusAsJson(report: StatusReport): unknown {
  return JSON.parse(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? moneyAsJson(value) : value)));
}

export function statusAsJsonText(report: StatusReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? moneyAsJson(value) : value), 2);
}
