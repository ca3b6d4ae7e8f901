/**
 * The budget report (Phụ lục kinh phí) behind `cchc budget`: every line as the appendix
 * shows it, the checks the rule set runs (each with its expected and actual figure), and,
 * when the plan has progress records, what was spent on each line as of a date.
 *
 * Pure: computed once from the Plan, rendered by render/budget-text.ts or as JSON. It does
 * not need the plan to be free of budget findings: a wrong budget is still reported, with
 * the failing checks marked, so the clerk sees where to look.
 */
import type { Plan } from '../model/plan.js';
import type { IsoDate } from '../model/dates.js';
import { analyzeBudget } from '../model/budget.js';
import { ratioPercent, type Dong } from '../model/money.js';
import { moneyWordsMatch } from '../model/money-words.js';
import { progressAsOf, isExample } from '../model/progress.js';
import { CODES, type Code, type Severity } from '../diagnostics/codes.js';

export type BudgetCheckId = 'numbering' | 'amounts' | 'line-arithmetic' | 'percent-line' | 'total' | 'words' | 'funding' | 'spending';

interface CheckBase {
  /** What is checked; `line-arithmetic` and `percent-line` come once per line they apply to. */
  id: BudgetCheckId;
  ok: boolean;
  /** The diagnostic code a failure gives in `cchc validate` (the same rule set). */
  code: Code;
  /** The code's severity in the catalogue: errors fail the command; warnings (overspent lines) do not. */
  severity: Severity;
}

/** A check's code and, from the catalogue, its severity. */
function codeCheck<C extends Code>(code: C): { code: C; severity: Severity } {
  return { code, severity: CODES[code].severity };
}

/** Lines run 1..N, each number once (budget/numbering, budget/duplicate-line). */
export interface NumberingCheck extends CheckBase {
  id: 'numbering';
  count: number;
  /** Lines whose number is out of place or repeated: position (1-based) and the number written. */
  problems: { position: number; no: number; duplicate: boolean }[];
}

/**
 * Every amount is a whole, non-negative number of đồng within exact arithmetic. A report
 * only exists when budget.yaml passed its schema, so this is always ok here; a file that
 * fails it stops `cchc budget` with money/* diagnostics instead.
 */
export interface AmountsCheck extends CheckBase {
  id: 'amounts';
  /** How many figures were checked (amounts, rates and the total). */
  count: number;
}

/** quantity × rate = amount (budget/line-arithmetic). difference = actual − expected. */
export interface LineArithmeticCheck extends CheckBase {
  id: 'line-arithmetic';
  line: number;
  quantity: number;
  rate: Dong;
  expected: Dong;
  actual: Dong;
  difference: Dong;
}

/** A percentage line equals its percentage of its base, rounded half up to the đồng (budget/percent-line). */
export interface PercentLineCheck extends CheckBase {
  id: 'percent-line';
  line: number;
  percent: number;
  base: 'total' | 'others';
  baseAmount: Dong;
  expected: Dong;
  actual: Dong;
  difference: Dong;
}

/** The lines add up to the declared total (budget/total-mismatch): expected = sum, actual = declared. */
export interface TotalCheck extends CheckBase {
  id: 'total';
  expected: Dong;
  actual: Dong;
  difference: Dong;
}

/** The declared words read the declared total (budget/words-mismatch), or the sum of the lines when the total is wrong (budget/words-mismatch-sum). */
export interface WordsCheck extends CheckBase {
  id: 'words';
  declared: string;
  /** The words the tool computes from the declared total. */
  expected: string;
  /** What the declared words say, when they are a well-formed reading; null otherwise. */
  declaredAmount: Dong | null;
  /** The figure the words were judged against: the total, or the lines' sum when the total is wrong. */
  total: Dong;
  againstSum: boolean;
}

/** The funding source (the allocating decision) is given in plan.yaml (budget/no-funding). */
export interface FundingCheck extends CheckBase {
  id: 'funding';
  source: string | null;
}

/** No line spent more than planned as of the date (progress/overspent, a warning). */
export interface SpendingCheck extends CheckBase {
  id: 'spending';
  overspent: { line: number; planned: Dong; spent: Dong; over: Dong }[];
}

export type BudgetCheck = NumberingCheck | AmountsCheck | LineArithmeticCheck | PercentLineCheck | TotalCheck | WordsCheck | FundingCheck | SpendingCheck;

/** Spending on one line as of the report date. */
export interface LineSpending {
  /** Cumulative spending from the latest record on or before the date; null when none. */
  spent: Dong | null;
  /** The record's date and file, when there is one. */
  recordedAsOf: IsoDate | null;
  file: string | null;
  /** amount − spent (negative when overspent). */
  remaining: Dong;
  /** spent ÷ amount × 100, four decimals at most; null when the line plans nothing. */
  percentUsed: number | null;
  overspent: boolean;
}

export interface BudgetReportLine {
  /** STT. */
  no: number;
  /** Nội dung chi tiết. */
  content: string;
  /** Đơn vị tính. */
  unit: string | null;
  quantity: number | null;
  /** Số lượng as the appendix shows it: quantityText as written, else the quantity. */
  quantityText: string | null;
  /** Định mức. */
  rate: Dong | null;
  /** Số tiền. */
  amount: Dong;
  percentOf: { percent: number; base: 'total' | 'others' } | null;
  /** Every check on this line's amount passed (quantity × rate, percentage). */
  ok: boolean;
  spending: LineSpending | null;
}

export interface SpendingSummary {
  /** The date asked for. */
  asOf: IsoDate;
  /** The progress files that contributed (on or before asOf), oldest first. */
  files: { file: string; asOf: IsoDate }[];
  /** Some contributing record is marked as illustrative (example: true). */
  example: boolean;
  /** The sum of the lines (what each line plans). */
  planned: Dong;
  spent: Dong;
  remaining: Dong;
  percentUsed: number | null;
  overspentLines: number[];
}

export interface BudgetReport {
  plan: {
    dir: string;
    year: number;
    title: string;
    agency: string;
    /** Số and ký hiệu of the plan, and its date, once issued (null in a draft). */
    number: string | null;
    symbol: string | null;
    date: IsoDate | null;
  };
  title: string | null;
  subtitle: string | null;
  lines: BudgetReportLine[];
  /** The sum of the lines. */
  sum: Dong;
  /** The total as declared (Tổng cộng). */
  total: Dong;
  words: {
    /** As written in budget.yaml (totalInWords). */
    declared: string;
    /** Computed by the tool from the declared total ("linh", "nghìn", "đồng"). */
    computed: string;
    ok: boolean;
  };
  funding: string | null;
  checks: BudgetCheck[];
  /** Present when the plan records any spending; computed as of `asOf`. */
  spending: SpendingSummary | null;
  /** Every error-severity check passed. */
  ok: boolean;
}

export interface BudgetReportOptions {
  /** Spending is the latest record on or before this date. */
  asOf: IsoDate;
}

function numberingCheck(nos: readonly number[]): NumberingCheck {
  const seen = new Set<number>();
  const problems: NumberingCheck['problems'] = [];
  nos.forEach((no, i) => {
    if (seen.has(no)) problems.push({ position: i + 1, no, duplicate: true });
    else if (no !== i + 1) problems.push({ position: i + 1, no, duplicate: false });
    seen.add(no);
  });
  const code = problems.some((p) => p.duplicate) ? 'budget/duplicate-line' : 'budget/numbering';
  return { id: 'numbering', ok: problems.length === 0, ...codeCheck(code), count: nos.length, problems };
}

type BudgetAnalysis = ReturnType<typeof analyzeBudget>;
type ProgressState = ReturnType<typeof progressAsOf>;

export function computeBudgetReport(plan: Plan, opts: BudgetReportOptions): BudgetReport {
  const budget = plan.budget;
  const a = analyzeBudget(budget);
  const source = plan.meta.funding?.source?.trim() || null;
  const checks = budgetChecks(plan, a, source);
  const recordsSpending = plan.progress.some((p) => (p.budget?.length ?? 0) > 0);
  const state = recordsSpending ? progressAsOf(plan, opts.asOf) : undefined;
  const lines = budget.lines.map((l, i) => reportLine(l, a.lines[i]!, state));
  let spending: SpendingSummary | null = null;
  if (state) {
    const summary = spendingSummary(lines, state, a.sum, opts.asOf);
    spending = summary.spending;
    checks.push(summary.check);
  }
  return {
    plan: {
      dir: plan.dir,
      year: plan.meta.year,
      title: plan.meta.title,
      agency: plan.meta.agency.name,
      number: plan.meta.number ?? null,
      symbol: plan.meta.symbol ?? null,
      date: plan.meta.date ?? null,
    },
    title: budget.title ?? null,
    subtitle: budget.subtitle ?? null,
    lines,
    sum: a.sum,
    total: a.total,
    words: { declared: a.words.declared, computed: a.words.expected, ok: a.words.ok },
    funding: source,
    checks,
    spending,
    ok: checks.every((c) => c.ok || c.severity !== 'error'),
  };
}

/** The budget's own checks, in the order they are shown: numbering, amounts, lines, total, words, funding. */
function budgetChecks(plan: Plan, a: BudgetAnalysis, source: string | null): BudgetCheck[] {
  const budget = plan.budget;
  const checks: BudgetCheck[] = [numberingCheck(budget.lines.map((l) => l.no))];

  const figures = budget.lines.length + budget.lines.filter((l) => l.rate !== undefined).length + 1;
  checks.push({ id: 'amounts', ok: true, ...codeCheck('money/not-integer'), count: figures });

  for (const l of a.lines) {
    if (l.product) {
      checks.push({
        id: 'line-arithmetic',
        ok: l.product.ok,
        ...codeCheck('budget/line-arithmetic'),
        line: l.no,
        quantity: l.product.quantity,
        rate: l.product.rate,
        expected: l.product.expected,
        actual: l.amount,
        difference: l.amount - l.product.expected,
      });
    }
  }
  for (const l of a.lines) {
    if (l.percent) {
      checks.push({
        id: 'percent-line',
        ok: l.percent.ok,
        ...codeCheck('budget/percent-line'),
        line: l.no,
        percent: l.percent.percent,
        base: l.percent.base,
        baseAmount: l.percent.baseAmount,
        expected: l.percent.expected,
        actual: l.amount,
        difference: l.amount - l.percent.expected,
      });
    }
  }
  checks.push({ id: 'total', ok: a.totalOk, ...codeCheck('budget/total-mismatch'), expected: a.sum, actual: a.total, difference: a.total - a.sum });
  // With a wrong total, the words are judged against the sum of the lines (issue 16.3).
  const words = a.totalOk ? a.words : { ...moneyWordsMatch(a.words.declared, a.sum), declared: a.words.declared };
  checks.push({
    id: 'words',
    ok: words.ok,
    ...codeCheck(a.totalOk ? 'budget/words-mismatch' : 'budget/words-mismatch-sum'),
    declared: words.declared,
    expected: words.expected,
    declaredAmount: words.declaredAmount,
    total: a.totalOk ? a.total : a.sum,
    againstSum: !a.totalOk,
  });
  checks.push({ id: 'funding', ok: source !== null, ...codeCheck('budget/no-funding'), source });
  return checks;
}

/** One line of the report, with what was spent on it when progress records spending. */
function reportLine(l: Plan['budget']['lines'][number], la: BudgetAnalysis['lines'][number], state: ProgressState | undefined): BudgetReportLine {
  let spending: LineSpending | null = null;
  if (state) {
    const rec = state.budget.get(l.no);
    const spent = rec ? BigInt(rec.record.spent) : null;
    const used = spent ?? 0n;
    spending = {
      spent,
      recordedAsOf: rec?.asOf ?? null,
      file: rec?.file ?? null,
      remaining: la.amount - used,
      percentUsed: la.amount === 0n ? (used === 0n ? 0 : null) : ratioPercent(used, la.amount),
      overspent: used > la.amount,
    };
  }
  return {
    no: l.no,
    content: l.content,
    unit: l.unit ?? null,
    quantity: l.quantity ?? null,
    quantityText: l.quantityText ?? (l.quantity !== undefined ? String(l.quantity) : null),
    rate: l.rate !== undefined ? BigInt(l.rate) : null,
    amount: la.amount,
    percentOf: l.percentOf ? { percent: l.percentOf.percent, base: l.percentOf.base } : null,
    ok: (la.product?.ok ?? true) && (la.percent?.ok ?? true),
    spending,
  };
}

/** Spending across the lines, and the warning for lines spent beyond their amount. */
function spendingSummary(
  lines: readonly BudgetReportLine[],
  state: ProgressState,
  planned: Dong,
  asOf: IsoDate,
): { spending: SpendingSummary; check: SpendingCheck } {
  const spent = lines.reduce((s, l) => s + (l.spending?.spent ?? 0n), 0n);
  const overspent = lines.filter((l) => l.spending?.overspent);
  const spending: SpendingSummary = {
    asOf,
    files: state.files.map((f) => ({ file: f.file, asOf: f.asOf })),
    example: isExample(state),
    planned,
    spent,
    remaining: planned - spent,
    percentUsed: planned === 0n ? null : ratioPercent(spent, planned),
    overspentLines: overspent.map((l) => l.no),
  };
  const check: SpendingCheck = {
    id: 'spending',
    ok: overspent.length === 0,
    ...codeCheck('progress/overspent'),
    overspent: overspent.map((l) => ({ line: l.no, planned: l.amount, spent: l.spending!.spent!, over: l.spending!.spent! - l.amount })),
  };
  return { spending, check };
}

/** The checks that failed, errors first. */
export function failedChecks(report: BudgetReport): BudgetCheck[] {
  const failed = report.checks.filter((c) => !c.ok);
  return [...failed.filter((c) => c.severity === 'error'), ...failed.filter((c) => c.severity === 'warning')];
}

/** Money as JSON: a number while it is a safe integer, else its decimal digits as a string. */
function moneyJson(x: Dong): number | string {
  const n = Number(x);
  return Number.isSafeInteger(n) ? n : x.toString();
}

function toJson(v: unknown): unknown {
  if (typeof v === 'bigint') return moneyJson(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return v;
}

/**
 * The report as plain JSON data: every field of BudgetReport, money as JSON numbers
 * (whole đồng). Only a computed figure beyond 2^53 − 1 (a sum or product of amounts that
 * are each within it) would be given as a string of digits, so that it stays exact.
 */
export function budgetReportAsJson(report: BudgetReport): Record<string, unknown> {
  return toJson(report) as Record<string, unknown>;
}
