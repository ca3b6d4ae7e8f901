/** Rules on budget.yaml: numbering and every figure of the arithmetic (see model/budget.ts). */
import { defineRule } from '../context.js';
import { analyzeBudget } from '../../model/budget.js';
import { absDong } from '../../model/money.js';
import { moneyWordsMatch } from '../../model/money-words.js';
import { oddlyWritten } from './text.js';
import { figure as fmt } from '../../diagnostics/codes.js';

export const budgetLinesNumbered = defineRule({
  name: 'budget-lines-numbered',
  codes: ['budget/duplicate-line', 'budget/numbering'],
  run(docs, report) {
    const doc = docs.budget;
    if (!doc?.data) return;
    const seen = new Set<number>();
    doc.data.lines.forEach((l, i) => {
      if (seen.has(l.no)) {
        report.at(doc.source, ['lines', i, 'no'], 'budget/duplicate-line', { no: l.no });
        return;
      }
      seen.add(l.no);
      if (l.no !== i + 1) report.at(doc.source, ['lines', i, 'no'], 'budget/numbering', { expected: i + 1, actual: l.no });
    });
  },
});

export const budgetArithmetic = defineRule({
  name: 'budget-arithmetic',
  codes: ['budget/line-arithmetic', 'budget/percent-line', 'budget/total-mismatch', 'budget/words-mismatch', 'budget/words-mismatch-sum'],
  run(docs, report) {
    const doc = docs.budget;
    if (!doc?.data) return;
    const a = analyzeBudget(doc.data);
    for (const l of a.lines) {
      // A figure judged on its text (money/not-integer: "500.000") is not also multiplied as
      // YAML read it (500): that follow-on would mislead.
      if (['quantity', 'rate', 'amount'].some((f) => oddlyWritten(doc.source, ['lines', l.index, f]) !== undefined)) continue;
      if (l.product && !l.product.ok) {
        report.at(doc.source, ['lines', l.index, 'amount'], 'budget/line-arithmetic', {
          no: l.no,
          quantity: fmt(l.product.quantity),
          rate: fmt(l.product.rate),
          expected: fmt(l.product.expected),
          actual: fmt(l.amount),
          diff: fmt(absDong(l.amount - l.product.expected)),
        });
      }
      if (l.percent && !l.percent.ok) {
        report.at(doc.source, ['lines', l.index, 'amount'], 'budget/percent-line', {
          no: l.no,
          percent: l.percent.percent,
          base: fmt(l.percent.baseAmount),
          expected: fmt(l.percent.expected),
          actual: fmt(l.amount),
          diff: fmt(absDong(l.amount - l.percent.expected)),
        });
      }
    }
    if (!a.totalOk) {
      report.at(doc.source, ['total'], 'budget/total-mismatch', { expected: fmt(a.sum), actual: fmt(a.total), diff: fmt(absDong(a.total - a.sum)) });
    }
    if (a.totalOk) {
      if (!a.words.ok)
        report.at(doc.source, ['totalInWords'], 'budget/words-mismatch', { actual: a.words.declared, total: fmt(a.total), expected: a.words.expected });
      return;
    }
    // The declared total is wrong (reported above): the words are checked against the sum of
    // the lines, the figure they should read, so a clerk is never told to copy a wrong total
    // into words that were right.
    const bySum = moneyWordsMatch(a.words.declared, a.sum);
    if (!bySum.ok) {
      report.at(doc.source, ['totalInWords'], 'budget/words-mismatch-sum', {
        actual: a.words.declared,
        sum: fmt(a.sum),
        total: fmt(a.total),
        expected: bySum.expected,
      });
    }
  },
});

export const budgetHasFunding = defineRule({
  name: 'budget-has-funding',
  codes: ['budget/no-funding'],
  run(docs, report) {
    const plan = docs.plan;
    if (!plan?.data || !docs.budget?.data) return;
    if (plan.data.funding?.source?.trim()) return;
    // On the funding field when it is there but empty, else on `kind` (the line that says
    // what the file is), never on the file's first line.
    if (plan.data.funding !== undefined) {
      const onSource = plan.data.funding && typeof plan.data.funding === 'object' && 'source' in plan.data.funding;
      report.at(plan.source, onSource ? ['funding', 'source'] : ['funding'], 'budget/no-funding', {}, !onSource);
    } else report.at(plan.source, ['kind'], 'budget/no-funding', {}, true);
  },
});
