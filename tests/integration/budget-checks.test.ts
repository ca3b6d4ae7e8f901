/**
 * The budget rules and the budget report over fixture plans, in-process. Each broken
 * fixture breaks one check once (tests/fixtures/plans/budget-*, copies of mini).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, fixturePlan, checkFolder, where } from '../helpers.js';
import { computeBudgetReport, failedChecks, type BudgetReport } from '../../src/report/budget.js';
import type { Plan } from '../../src/model/plan.js';

const errorsOf = (dir: string) => checkFolder(dir).diagnostics.filter((d) => d.severity === 'error');

/** Budget-related findings only (budget/*, money/*, progress/overspent). */
function budgetFindings(dir: string) {
  return checkFolder(dir).diagnostics.filter((d) => /^(budget|money)\//.test(d.code) || d.code === 'progress/overspent');
}

function reportOf(dir: string, asOf: string): BudgetReport {
  const { plan } = checkFolder(dir);
  expect(plan).toBeDefined();
  return computeBudgetReport(plan as Plan, { asOf });
}

describe('the 2022 budget', () => {
  it('passes every budget rule of the rule set', () => {
    expect(errorsOf(PLAN_2022)).toEqual([]);
    expect(budgetFindings(PLAN_2022)).toEqual([]);
  });

  it('passes every check, with the total 20.000.000 and its words', () => {
    const r = reportOf(PLAN_2022, '2022-12-31');
    for (const c of r.checks) expect({ id: c.id, ok: c.ok }).toEqual({ id: c.id, ok: true });
    expect(r.checks.map((c) => c.id)).toEqual([
      'numbering',
      'amounts',
      'line-arithmetic',
      'line-arithmetic',
      'percent-line',
      'total',
      'words',
      'funding',
      'spending',
    ]);
    expect(r.ok).toBe(true);
    expect(r.lines).toHaveLength(7);
    expect(r.total).toBe(20000000n);
    expect(r.sum).toBe(20000000n);
    expect(r.words).toEqual({ declared: 'Hai mươi triệu đồng', computed: 'Hai mươi triệu đồng', ok: true });
    expect(r.checks.find((c) => c.id === 'line-arithmetic')).toMatchObject({ line: 1, quantity: 12, rate: 500000n, expected: 6000000n, actual: 6000000n });
    expect(r.checks.find((c) => c.id === 'percent-line')).toMatchObject({ line: 7, percent: 10, base: 'total', baseAmount: 20000000n, expected: 2000000n });
    expect(r.funding).toMatch(/Quyết định số 4950\/QĐ-UBND/);
  });

  it('spent against planned as of two dates', () => {
    const q1 = reportOf(PLAN_2022, '2022-03-31');
    expect(q1.spending!.files.map((f) => f.asOf)).toEqual(['2022-03-14']);
    expect(q1.lines.map((l) => l.spending!.spent)).toEqual([1000000n, 0n, 0n, 500000n, 0n, 300000n, 0n]);
    expect(q1.spending).toMatchObject({ planned: 20000000n, spent: 1800000n, remaining: 18200000n, percentUsed: 9, example: true });

    const h1 = reportOf(PLAN_2022, '2022-06-14');
    expect(h1.spending!.files.map((f) => f.asOf)).toEqual(['2022-03-14', '2022-06-14']);
    expect(h1.lines[0]!.spending).toMatchObject({ spent: 2500000n, remaining: 3500000n, percentUsed: 41.67, overspent: false });
    expect(h1.spending).toMatchObject({ spent: 5500000n, remaining: 14500000n, percentUsed: 27.5, overspentLines: [] });
  });
});

describe('a plan of another shape (mini: 3 lines, 16.500.000, base "others")', () => {
  const MINI = fixturePlan('mini');

  it('passes every check with its own figures', () => {
    expect(budgetFindings(MINI)).toEqual([]);
    const r = reportOf(MINI, '2023-12-31');
    expect(r.ok).toBe(true);
    expect(r.lines.map((l) => l.amount)).toEqual([13500000n, 1500000n, 1500000n]);
    expect(r.total).toBe(16500000n);
    expect(r.words.computed).toBe('Mười sáu triệu năm trăm nghìn đồng');
    expect(r.checks.find((c) => c.id === 'percent-line')).toMatchObject({ line: 3, base: 'others', baseAmount: 15000000n, expected: 1500000n, ok: true });
    expect(r.checks.find((c) => c.id === 'numbering')).toMatchObject({ count: 3, ok: true });
  });

  it('spending as of mid-year and year end', () => {
    const mid = reportOf(MINI, '2023-06-30');
    expect(mid.lines.map((l) => l.spending!.spent)).toEqual([4500000n, null, null]);
    expect(mid.spending).toMatchObject({ spent: 4500000n, remaining: 12000000n });
    const end = reportOf(MINI, '2023-12-31');
    expect(end.lines.map((l) => l.spending!.spent)).toEqual([13500000n, 1500000n, null]);
    expect(end.lines.map((l) => l.spending!.percentUsed)).toEqual([100, 100, 0]);
    expect(end.spending).toMatchObject({ spent: 15000000n, remaining: 1500000n, overspentLines: [] });
  });
});

describe('fixtures that break one check each', () => {
  it.each<[string, string]>([
    ['budget-wrong-line', 'budget/line-arithmetic budget.yaml:12:13'],
    ['budget-wrong-total', 'budget/total-mismatch budget.yaml:20:8'],
    ['budget-wrong-words', 'budget/words-mismatch budget.yaml:21:15'],
    ['budget-wrong-percent', 'budget/percent-line budget.yaml:19:13'],
    ['budget-no-funding', 'budget/no-funding plan.yaml:3:1'],
  ])('%s → %s, and nothing else', (name, expected) => {
    const dir = fixturePlan(name);
    expect(where(budgetFindings(dir))).toEqual([expected]);
    expect(errorsOf(dir).map((d) => d.code)).toEqual([expected.split(' ')[0]]);
    // The position is the offending figure in the file as written.
    const [file, line, col] = expected.split(' ')[1]!.split(':');
    const text = readFileSync(path.join(dir, file!), 'utf8').split('\n')[Number(line) - 1]!;
    expect(text.slice(Number(col) - 1)).toMatch(/^(\d|Mười lăm|kind)/);
  });

  it.each<[string, string[]]>([
    ['budget-float', ['money/not-integer budget.yaml:12:13']],
    ['budget-negative', ['money/negative budget.yaml:15:13']],
    ['budget-huge', ['money/too-large budget.yaml:12:13', 'money/too-large budget.yaml:20:8']],
    ['budget-string-amount', ['money/not-integer budget.yaml:20:8']],
  ])('%s: budget.yaml fails its schema, located, and no plan is built', (name, expected) => {
    const dir = fixturePlan(name);
    const { plan, diagnostics } = checkFolder(dir);
    expect(where(diagnostics.filter((d) => d.severity === 'error'))).toEqual(expected);
    expect(plan).toBeUndefined();
  });

  it('the huge fixture holds both an amount beyond 2^53 and 1e308', () => {
    const text = readFileSync(path.join(fixturePlan('budget-huge'), 'budget.yaml'), 'utf8');
    expect(text).toContain('amount: 9007199254740993');
    expect(text).toContain('total: 1e308');
  });

  it.each<[string, string, number]>([
    ['budget-wrong-line', 'line-arithmetic', 1],
    ['budget-wrong-percent', 'percent-line', 3],
  ])('%s: the report marks the line and its check', (name, id, line) => {
    const r = reportOf(fixturePlan(name), '2023-12-31');
    expect(failedChecks(r).map((c) => c.id)).toEqual([id]);
    expect(r.lines.filter((l) => !l.ok).map((l) => l.no)).toEqual([line]);
    expect(r.ok).toBe(false);
  });

  it('budget-wrong-line: expected, actual and difference', () => {
    const c = reportOf(fixturePlan('budget-wrong-line'), '2023-12-31').checks.find((x) => x.id === 'line-arithmetic');
    expect(c).toMatchObject({ ok: false, line: 1, quantity: 3, rate: 4600000n, expected: 13800000n, actual: 13500000n, difference: -300000n });
  });

  it('budget-wrong-total: the sum against the declared total', () => {
    const r = reportOf(fixturePlan('budget-wrong-total'), '2023-12-31');
    expect(failedChecks(r).map((c) => c.id)).toEqual(['total']);
    expect(r.checks.find((x) => x.id === 'total')).toMatchObject({ expected: 16500000n, actual: 17000000n, difference: 500000n });
  });

  it('budget-wrong-words: the declared words read another amount', () => {
    const r = reportOf(fixturePlan('budget-wrong-words'), '2023-12-31');
    expect(failedChecks(r).map((c) => c.id)).toEqual(['words']);
    expect(r.checks.find((x) => x.id === 'words')).toMatchObject({ declaredAmount: 15500000n, expected: 'Mười sáu triệu năm trăm nghìn đồng' });
  });

  it('budget-no-funding: the funding check fails', () => {
    const r = reportOf(fixturePlan('budget-no-funding'), '2023-12-31');
    expect(failedChecks(r).map((c) => c.id)).toEqual(['funding']);
  });
});

describe('overspent line', () => {
  const dir = fixturePlan('budget-overspent');

  it('is a warning at the spent figure, not an error', () => {
    expect(errorsOf(dir)).toEqual([]);
    expect(where(budgetFindings(dir))).toEqual(['progress/overspent progress/2023-q4.yaml:34:12']);
  });

  it('shows only from the date of the record that overspends', () => {
    expect(reportOf(dir, '2023-06-30').spending!.overspentLines).toEqual([]);
    const r = reportOf(dir, '2023-12-31');
    expect(r.spending!.overspentLines).toEqual([2]);
    expect(r.lines[1]!.spending).toMatchObject({ spent: 1750000n, remaining: -250000n, overspent: true });
    expect(r.ok).toBe(true);
    expect(failedChecks(r).map((c) => c.id)).toEqual(['spending']);
  });
});
