/**
 * Budget arithmetic (Phụ lục kinh phí), exact in BigInt: each line's quantity × rate,
 * percentage lines ("Tiết kiệm chi 10%") against their base, the sum against the declared
 * total, and the declared words against the total. Computed once; the checks and the
 * `cchc budget` report both read this analysis.
 */
import type { BudgetFile } from './plan.js';
import { dong, sumDong, percentOf, type Dong } from './money.js';
import { moneyWordsMatch, moneyToWords } from './money-words.js';

export interface LineAnalysis {
  index: number;
  no: number;
  amount: Dong;
  /** quantity × rate, where both are given. */
  product?: { quantity: number; rate: Dong; expected: Dong; ok: boolean };
  /** A line that is a percentage of a base. */
  percent?: { percent: number; base: 'total' | 'others'; baseAmount: Dong; expected: Dong; ok: boolean };
}

export interface BudgetAnalysis {
  lines: LineAnalysis[];
  /** Sum of the lines. */
  sum: Dong;
  /** Declared total. */
  total: Dong;
  totalOk: boolean;
  words: { declared: string; expected: string; ok: boolean; declaredAmount: Dong | null };
}

export function analyzeBudget(budget: BudgetFile): BudgetAnalysis {
  const total = dong(budget.total);
  const amounts = budget.lines.map((l) => dong(l.amount));
  const sum = sumDong(amounts);
  const lines = budget.lines.map((l, index): LineAnalysis => {
    const amount = amounts[index]!;
    const a: LineAnalysis = { index, no: l.no, amount };
    if (l.quantity !== undefined && l.rate !== undefined) {
      const rate = dong(l.rate);
      const expected = BigInt(l.quantity) * rate;
      a.product = { quantity: l.quantity, rate, expected, ok: expected === amount };
    }
    if (l.percentOf) {
      const baseAmount = l.percentOf.base === 'total' ? total : sum - amount;
      const expected = percentOf(baseAmount, l.percentOf.percent);
      a.percent = { percent: l.percentOf.percent, base: l.percentOf.base, baseAmount, expected, ok: expected === amount };
    }
    return a;
  });
  const m = moneyWordsMatch(budget.totalInWords, total);
  return {
    lines,
    sum,
    total,
    totalOk: sum === total,
    words: { declared: budget.totalInWords, expected: moneyToWords(total), ok: m.ok, declaredAmount: m.declaredAmount },
  };
}
