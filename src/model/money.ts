/**
 * Money is whole đồng. Values arrive from YAML as safe integers (the schema refuses
 * anything else); arithmetic is done in BigInt so that sums and products stay exact.
 */
export type Dong = bigint;

export function dong(n: number | bigint): Dong {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole amount of đồng: ${n}`);
  return BigInt(n);
}

export function sumDong(xs: Iterable<Dong>): Dong {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

/**
 * A percentage of a base, rounded half up to the đồng. The percentage has at most two
 * decimals (the schema says multipleOf 0.01), so it is taken as hundredths exactly.
 */
export function percentOf(base: Dong, percent: number): Dong {
  const hundredths = BigInt(Math.round(percent * 100));
  const num = base * hundredths;
  return (num + 5000n) / 10000n;
}

export function absDong(x: Dong): Dong {
  return x < 0n ? -x : x;
}

/** Percentage used, for display only (not money). */
export function ratioPercent(part: Dong, whole: Dong): number {
  if (whole === 0n) return 0;
  // Exact in hundredths of a percent, halves away from zero (docs/numbers.md, percent.ts).
  const num = part * 10000n * 2n;
  const den = whole * 2n;
  const neg = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (a + d / 2n) / d;
  return Number(neg ? -q : q) / 100;
}
