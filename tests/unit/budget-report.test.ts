import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { Chalk } from 'chalk';
import {
  computeBudgetReport,
  budgetReportAsJson,
  failedChecks,
  type BudgetCheck,
  type BudgetReport,
  type LineArithmeticCheck,
  type TotalCheck,
} from '../../src/report/budget.js';
import { budgetAsText, checkText } from '../../src/render/budget-text.js';
import { analyzeBudget } from '../../src/model/budget.js';
import { percentOf } from '../../src/model/money.js';
import { moneyToWords } from '../../src/model/money-words.js';
import type { Plan, BudgetFile, BudgetLine, ProgressRecord } from '../../src/model/plan.js';
import { textWidth } from '../../src/render/style.js';
import type { Json } from '../helpers.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

function budgetOf(lines: Partial<BudgetLine>[], total?: number, words?: string): BudgetFile {
  const full = lines.map((l, i) => ({ no: i + 1, content: `Dòng ${i + 1}`, amount: 0, ...l })) as BudgetFile['lines'];
  const t = total ?? full.reduce((s, l) => s + l.amount, 0);
  return { apiVersion: 'cchc/v1', kind: 'Budget', title: 'KẾ HOẠCH DỰ TRÙ KINH PHÍ', lines: full, total: t, totalInWords: words ?? moneyToWords(t) };
}

function planOf(budget: BudgetFile, opts: { progress?: ProgressRecord[]; funding?: string | null; year?: number } = {}): Plan {
  const funding = opts.funding === undefined ? 'Quyết định số 1/QĐ-UBND ngày 01/01/2024' : opts.funding;
  return {
    dir: 'plans/2024',
    meta: {
      apiVersion: 'cchc/v1',
      kind: 'Plan',
      year: opts.year ?? 2024,
      agency: { name: 'Sở Thử nghiệm' },
      status: 'draft',
      title: 'Kế hoạch cải cách hành chính năm 2024',
      areas: [{ id: 1, title: 'Thể chế' }],
      ...(funding === null ? {} : { funding: { source: funding } }),
    },
    units: [],
    tasks: [],
    indicators: [],
    budget,
    progress: opts.progress ?? [],
  };
}

function progress(asOf: string, budget: { line: number; spent: number }[], file = `progress/${asOf}.yaml`): ProgressRecord {
  return { apiVersion: 'cchc/v1', kind: 'Progress', asOf, budget, file };
}

function check<T extends BudgetCheck['id']>(r: BudgetReport, id: T, line?: number): Extract<BudgetCheck, { id: T }> {
  const c = r.checks.find((x) => x.id === id && (line === undefined || ('line' in x && x.line === line)));
  if (!c) throw new Error(`no check ${id}`);
  return c as Extract<BudgetCheck, { id: T }>;
}

/** The 2022 appendix's shape, built here so the unit tier does not read files. */
const SEVEN = budgetOf([
  {
    content: 'Hỗ trợ công chức làm việc tại Trung tâm hành chính công tỉnh',
    unit: 'Người',
    quantity: 12,
    quantityText: '12 tháng',
    rate: 500000,
    amount: 6000000,
  },
  { content: 'Tập huấn', unit: 'Lớp', quantity: 1, quantityText: '01', rate: 2000000, amount: 2000000 },
  { content: 'Kiểm tra', unit: 'Đơn vị', quantity: 6, amount: 3000000 },
  { content: 'Tin, bài', amount: 3000000 },
  { content: 'Khen thưởng', amount: 2000000 },
  { content: 'Chi khác', amount: 2000000 },
  { content: 'Tiết kiệm chi 10%', amount: 2000000, percentOf: { percent: 10, base: 'total' } },
]);

describe('computeBudgetReport: lines and checks', () => {
  it('reports every line as the appendix shows it', () => {
    const r = computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' });
    expect(r.lines).toHaveLength(7);
    expect(r.lines[0]).toMatchObject({ no: 1, unit: 'Người', quantity: 12, quantityText: '12 tháng', rate: 500000n, amount: 6000000n, ok: true });
    // quantity without quantityText shows the number; no quantity, no text
    expect(r.lines[2]).toMatchObject({ quantity: 6, quantityText: '6', rate: null });
    expect(r.lines[3]).toMatchObject({ unit: null, quantity: null, quantityText: null, rate: null });
    expect(r.lines[6]!.percentOf).toEqual({ percent: 10, base: 'total' });
    expect(r.sum).toBe(20000000n);
    expect(r.total).toBe(20000000n);
    expect(r.words).toEqual({ declared: 'Hai mươi triệu đồng', computed: 'Hai mươi triệu đồng', ok: true });
    expect(r.ok).toBe(true);
    expect(r.spending).toBeNull();
  });

  it('lists the checks in a fixed order, one per line where they apply, all ok', () => {
    const r = computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' });
    expect(r.checks.map((c) => ('line' in c ? `${c.id}:${c.line}` : c.id))).toEqual([
      'numbering',
      'amounts',
      'line-arithmetic:1',
      'line-arithmetic:2',
      'percent-line:7',
      'total',
      'words',
      'funding',
    ]);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(check(r, 'line-arithmetic', 1)).toMatchObject({ quantity: 12, rate: 500000n, expected: 6000000n, actual: 6000000n, difference: 0n });
    expect(check(r, 'percent-line', 7)).toMatchObject({ percent: 10, base: 'total', baseAmount: 20000000n, expected: 2000000n, difference: 0n });
    expect(check(r, 'amounts').count).toBe(7 + 2 + 1);
    expect(failedChecks(r)).toEqual([]);
  });

  it('a wrong line fails its own check only, with expected, actual and signed difference', () => {
    const b = budgetOf([{ quantity: 3, rate: 100, amount: 301 }, { amount: 99 }], 400);
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    expect(check(r, 'line-arithmetic', 1)).toMatchObject({ ok: false, code: 'budget/line-arithmetic', expected: 300n, actual: 301n, difference: 1n });
    expect(r.lines[0]!.ok).toBe(false);
    expect(r.lines[1]!.ok).toBe(true);
    expect(failedChecks(r).map((c) => c.id)).toEqual(['line-arithmetic']);
    expect(r.ok).toBe(false);
  });

  it('a wrong total: expected is the sum, actual the declared total', () => {
    const b = budgetOf([{ amount: 1000 }, { amount: 2000 }], 2999);
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    expect(check(r, 'total')).toMatchObject({ ok: false, code: 'budget/total-mismatch', expected: 3000n, actual: 2999n, difference: -1n });
    // Issue 16.3: with a wrong total the words are judged against the sum of the lines,
    // never against the wrong total (which these words read).
    expect(check(r, 'words')).toMatchObject({ ok: false, code: 'budget/words-mismatch-sum', total: 3000n, againstSum: true, expected: 'Ba nghìn đồng' });
    expect(failedChecks(r).map((c) => c.id)).toEqual(['total', 'words']);
  });

  it('a wrong total with words that read the sum: only the total is wrong', () => {
    const b = { ...budgetOf([{ amount: 1000 }, { amount: 2000 }], 2999), totalInWords: 'Ba nghìn đồng' };
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    expect(check(r, 'words')).toMatchObject({ ok: true, againstSum: true });
    expect(failedChecks(r).map((c) => c.id)).toEqual(['total']);
  });

  it('wrong words: the amount they read, and the words of the total', () => {
    const b = budgetOf([{ amount: 1001000 }], 1001000, 'Một triệu lẻ một nghìn đồng');
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    const w = check(r, 'words');
    expect(w).toMatchObject({ ok: false, code: 'budget/words-mismatch', expected: 'Một triệu không trăm linh một nghìn đồng', total: 1001000n });
    expect(w.declaredAmount).toBeNull(); // a dropped "không trăm" is not a well-formed reading
    const b2 = budgetOf([{ amount: 1500 }], 1500, 'Một nghìn bốn trăm đồng');
    expect(check(computeBudgetReport(planOf(b2), { asOf: '2024-12-31' }), 'words').declaredAmount).toBe(1400n);
  });

  it('accepts the legitimate variants of the words (lẻ, ngàn, case, chẵn)', () => {
    const b = budgetOf([{ amount: 1005000 }], 1005000, 'một triệu không trăm lẻ năm ngàn đồng chẵn');
    expect(check(computeBudgetReport(planOf(b), { asOf: '2024-12-31' }), 'words').ok).toBe(true);
  });

  it('percentage lines: base "others" is the sum of the other lines; rounding is half up to the đồng', () => {
    const b = budgetOf([{ amount: 15 }, { amount: 2, percentOf: { percent: 10, base: 'others' } }]);
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    // 10% of 15 = 1,5 → 2
    expect(check(r, 'percent-line', 2)).toMatchObject({ ok: true, base: 'others', baseAmount: 15n, expected: 2n });
    const b2 = budgetOf([{ amount: 14 }, { amount: 1, percentOf: { percent: 10, base: 'others' } }]);
    // 10% of 14 = 1,4 → 1
    expect(check(computeBudgetReport(planOf(b2), { asOf: '2024-12-31' }), 'percent-line', 2)).toMatchObject({ ok: true, expected: 1n });
    const b3 = budgetOf([{ amount: 100000 }, { amount: 12500, percentOf: { percent: 12.5, base: 'others' } }]);
    expect(check(computeBudgetReport(planOf(b3), { asOf: '2024-12-31' }), 'percent-line', 2)).toMatchObject({ ok: true, expected: 12500n });
  });

  it('a wrong percentage line fails with the base it names', () => {
    const b = budgetOf([{ amount: 15000000 }, { amount: 1500000, percentOf: { percent: 10, base: 'total' } }]);
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    expect(check(r, 'percent-line', 2)).toMatchObject({ ok: false, baseAmount: 16500000n, expected: 1650000n, actual: 1500000n, difference: -150000n });
    expect(failedChecks(r).map((c) => c.id)).toEqual(['percent-line']);
  });

  it('numbering: a gap and a repeat are both reported, with the code of the worse one', () => {
    const b = budgetOf([
      { no: 1, amount: 1 },
      { no: 3, amount: 1 },
      { no: 3, amount: 1 },
    ] as Partial<BudgetLine>[]);
    const c = check(computeBudgetReport(planOf(b), { asOf: '2024-12-31' }), 'numbering');
    expect(c.ok).toBe(false);
    expect(c.code).toBe('budget/duplicate-line');
    expect(c.problems).toEqual([
      { position: 2, no: 3, duplicate: false },
      { position: 3, no: 3, duplicate: true },
    ]);
  });

  it('funding: missing or blank fails; given, it is quoted', () => {
    expect(check(computeBudgetReport(planOf(SEVEN, { funding: null }), { asOf: '2024-12-31' }), 'funding')).toMatchObject({ ok: false, source: null });
    expect(check(computeBudgetReport(planOf(SEVEN, { funding: '   ' }), { asOf: '2024-12-31' }), 'funding').ok).toBe(false);
    const r = computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' });
    expect(r.funding).toBe('Quyết định số 1/QĐ-UBND ngày 01/01/2024');
    expect(check(r, 'funding').ok).toBe(true);
  });
});

describe('computeBudgetReport: spending as of a date', () => {
  const b = budgetOf([{ amount: 6000000 }, { amount: 2000000 }, { amount: 0 }]);
  const records = [
    progress('2024-06-14', [{ line: 1, spent: 2500000 }]),
    progress('2024-12-14', [
      { line: 1, spent: 6500000 },
      { line: 2, spent: 1000000 },
    ]),
  ];

  it('before any record: every line unrecorded, nothing spent', () => {
    const r = computeBudgetReport(planOf(b, { progress: records }), { asOf: '2024-03-31' });
    expect(r.spending).toMatchObject({ asOf: '2024-03-31', files: [], spent: 0n, remaining: 8000000n, percentUsed: 0, overspentLines: [] });
    expect(r.lines.map((l) => l.spending?.spent)).toEqual([null, null, null]);
    expect(check(r, 'spending').ok).toBe(true);
  });

  it('as of mid-year: the June record', () => {
    const r = computeBudgetReport(planOf(b, { progress: records }), { asOf: '2024-06-30' });
    expect(r.lines[0]!.spending).toEqual({
      spent: 2500000n,
      recordedAsOf: '2024-06-14',
      file: 'progress/2024-06-14.yaml',
      remaining: 3500000n,
      percentUsed: 41.67,
      overspent: false,
    });
    expect(r.lines[1]!.spending).toMatchObject({ spent: null, remaining: 2000000n, percentUsed: 0 });
    expect(r.spending).toMatchObject({ spent: 2500000n, planned: 8000000n, remaining: 5500000n, percentUsed: 31.25 });
    expect(r.spending!.files).toEqual([{ file: 'progress/2024-06-14.yaml', asOf: '2024-06-14' }]);
  });

  it('as of the year end: the latest record wins, an overspent line is a warning, not a failure', () => {
    const r = computeBudgetReport(planOf(b, { progress: records }), { asOf: '2024-12-31' });
    expect(r.lines[0]!.spending).toMatchObject({ spent: 6500000n, remaining: -500000n, overspent: true });
    expect(r.lines[2]!.spending).toMatchObject({ spent: null, percentUsed: 0, overspent: false });
    expect(r.spending).toMatchObject({ spent: 7500000n, remaining: 500000n, overspentLines: [1] });
    const sp = check(r, 'spending');
    expect(sp).toMatchObject({ ok: false, severity: 'warning', code: 'progress/overspent' });
    expect(sp.overspent).toEqual([{ line: 1, planned: 6000000n, spent: 6500000n, over: 500000n }]);
    expect(r.ok).toBe(true);
    expect(failedChecks(r).map((c) => c.id)).toEqual(['spending']);
  });

  it('spending on a line that plans nothing has no percentage', () => {
    const r = computeBudgetReport(planOf(b, { progress: [progress('2024-05-01', [{ line: 3, spent: 10 }])] }), { asOf: '2024-12-31' });
    expect(r.lines[2]!.spending).toMatchObject({ spent: 10n, percentUsed: null, overspent: true });
  });

  it('marks illustrative records', () => {
    const ex = { ...progress('2024-06-14', [{ line: 1, spent: 1 }]), example: true };
    expect(computeBudgetReport(planOf(b, { progress: [ex] }), { asOf: '2024-12-31' }).spending!.example).toBe(true);
    expect(computeBudgetReport(planOf(b, { progress: records }), { asOf: '2024-12-31' }).spending!.example).toBe(false);
  });

  it('progress files that record no spending do not add a spending section', () => {
    const p: ProgressRecord = { apiVersion: 'cchc/v1', kind: 'Progress', asOf: '2024-06-14', tasks: [], file: 'p.yaml' };
    const r = computeBudgetReport(planOf(b, { progress: [p] }), { asOf: '2024-12-31' });
    expect(r.spending).toBeNull();
    expect(r.checks.some((c) => c.id === 'spending')).toBe(false);
  });
});

describe('budgetReportAsJson', () => {
  it('money becomes JSON numbers; the whole report serializes', () => {
    const j = budgetReportAsJson(computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' })) as Json<BudgetReport>;
    expect(j.total).toBe(20000000);
    expect(j.sum).toBe(20000000);
    expect(j.lines[0]?.rate).toBe(500000);
    expect(j.lines[0]?.amount).toBe(6000000);
    expect(j.words.computed).toBe('Hai mươi triệu đồng');
    expect(j.checks.find((c): c is Json<LineArithmeticCheck> => c.id === 'line-arithmetic')?.difference).toBe(0);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('a computed figure beyond 2^53 − 1 stays exact as a string of digits', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const b = budgetOf([{ amount: max }, { amount: max }], max);
    const j = budgetReportAsJson(computeBudgetReport(planOf(b), { asOf: '2024-12-31' })) as Json<BudgetReport>;
    expect(j.sum).toBe((2n * BigInt(max)).toString());
    expect(j.total).toBe(max);
    expect(j.checks.find((c): c is Json<TotalCheck> => c.id === 'total')?.difference).toBe(-max);
  });
});

const render = (r: BudgetReport, lang: 'vi' | 'en' = 'vi', width = 80, chalk = plain) => budgetAsText(r, { lang, chalk, width });

describe('budgetAsText', () => {
  it('prints the appendix table, the total, the words and the checks, within 80 columns', () => {
    const out = render(computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' }));
    const lines = out.split('\n');
    expect(lines.find((l) => l.startsWith('STT'))).toMatch(/STT\s+Nội dung chi tiết\s+Đơn vị\s+Số lượng\s+Định mức\s+Số tiền/);
    expect(out).toMatch(/^\s+1\s+Hỗ trợ công chức.*Người\s+12 tháng\s+500\.000\s+6\.000\.000$/m);
    expect(out).toMatch(/^\s+Tổng cộng\s+20\.000\.000$/m);
    expect(out).toContain('(Bằng chữ: Hai mươi triệu đồng)');
    expect(out).toContain('✓ Dòng 1: 12 × 500.000 = 6.000.000');
    expect(out).toContain('✓ Dòng 7: 10% của tổng cộng 20.000.000 = 2.000.000');
    expect(out).toContain('✓ Tổng các dòng bằng tổng cộng: 20.000.000 đồng');
    expect(out).not.toContain('✗');
    expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(80);
  });

  it.each([40, 60, 100])('fits a width of %i columns', (width) => {
    const long = budgetOf([
      {
        content: 'Tổ chức tập huấn nâng cao trình độ nghiệp vụ chuyên môn và công nghệ thông tin cho công chức, viên chức làm công tác cải cách hành chính',
        unit: 'Tập thể/cá nhân',
        quantity: 12,
        quantityText: '12 tháng',
        rate: 500000,
        amount: 6000000,
      },
    ]);
    const r = computeBudgetReport(planOf(long, { progress: [progress('2024-06-14', [{ line: 1, spent: 7000000 }])] }), { asOf: '2024-12-31' });
    const out = render(r, 'vi', width);
    expect(Math.max(...out.split('\n').map(textWidth))).toBeLessThanOrEqual(width);
    // wrapped at word boundaries: every word of the content is still there, whole
    for (const w of ['nghiệp', 'công', 'chức,', 'hành', 'chính']) expect(out).toContain(w);
  });

  it('too narrow for columns: one block per line, figures labelled, failing ones still marked', () => {
    const b = budgetOf([{ content: 'Hỗ trợ công chức', unit: 'Người', quantity: 12, quantityText: '12 tháng', rate: 500000, amount: 6000001 }], 6000001);
    const out = render(computeBudgetReport(planOf(b), { asOf: '2024-12-31' }), 'vi', 40);
    expect(out).toContain('1. Hỗ trợ công chức\n   Đơn vị tính: Người\n   Số lượng: 12 tháng\n   Định mức: 500.000\n   Số tiền: 6.000.001 ✗');
    expect(out).toContain('Tổng cộng\n   Số tiền: 6.000.001');
    expect(Math.max(...out.split('\n').map(textWidth))).toBeLessThanOrEqual(40);
  });

  it('marks a failing figure, and colours it red when colour is on', () => {
    const b = budgetOf([{ quantity: 12, rate: 500000, amount: 6000001 }, { amount: 1 }], 6000002);
    const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
    const out = render(r);
    expect(out).toMatch(/6\.000\.001 ✗$/m);
    expect(out).toMatch(/^\s+2\s+Dòng 2\s+1$/m);
    expect(out).toContain('✗ Dòng 1: 12 × 500.000 = 6.000.000, nhưng số tiền ghi 6.000.001 (chênh +1)');
    expect(out).toContain('✗ 1/6 phép kiểm tra không đạt.');
    const red = render(r, 'vi', 80, colour);
    expect(red).toMatch(/\u001b\[31m(\u001b\[1m)?6\.000\.001 ✗/);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('marks a wrong total on the Tổng cộng row', () => {
    const b = budgetOf([{ amount: 1000 }], 1001, 'Một nghìn không trăm linh một đồng');
    const out = render(computeBudgetReport(planOf(b), { asOf: '2024-12-31' }));
    expect(out).toMatch(/Tổng cộng\s+1\.001 ✗$/m);
    expect(out).toContain('✗ Tổng các dòng là 1.000 nhưng tổng cộng ghi 1.001 (chênh +1)');
    expect(out).toContain('(Bằng chữ: Một nghìn không trăm linh một đồng)');
  });

  it('English labels and numbers with --lang en', () => {
    const out = render(computeBudgetReport(planOf(SEVEN), { asOf: '2024-12-31' }), 'en');
    expect(out).toMatch(/No\.\s+Item\s+Unit\s+Quantity\s+Rate\s+Amount/);
    expect(out).toMatch(/^\s+Total\s+20,000,000$/m);
    expect(out).toContain('(In words: Hai mươi triệu đồng)');
    expect(out).toContain('✓ The lines add up to the total: 20,000,000 VND');
    expect(out).toContain('Amounts in VND');
    expect(out).not.toContain('20.000.000');
  });

  it('a spending table with planned, spent, remaining and percent used, and the overspent line marked', () => {
    const b = budgetOf([
      { content: 'Hỗ trợ', amount: 6000000 },
      { content: 'Tập huấn', amount: 2000000 },
    ]);
    const r = computeBudgetReport(planOf(b, { progress: [progress('2024-06-14', [{ line: 1, spent: 6500000 }])] }), { asOf: '2024-06-30' });
    const out = render(r);
    expect(out).toContain('Tình hình chi tính đến ngày 30/06/2024');
    expect(out).toMatch(/Dự toán\s+Đã chi\s+Còn lại\s+Tỷ lệ/);
    expect(out).toMatch(/^\s+1\s+Hỗ trợ\s+6\.000\.000\s+6\.500\.000 !\s+-500\.000\s+108,33%$/m);
    expect(out).toMatch(/^\s+2\s+Tập huấn\s+2\.000\.000\s+—\s+2\.000\.000\s+0,00%$/m);
    expect(out).toMatch(/^\s+Tổng cộng\s+8\.000\.000\s+6\.500\.000\s+1\.500\.000\s+81,25%$/m);
    expect(out).toContain('! Dòng 1 đã chi 6.500.000, vượt dự toán 6.000.000 (vượt 500.000)');
    expect(out).toContain('✓ Dự toán đạt mọi phép kiểm tra (5). 1 cảnh báo.');
  });

  it('says so when nothing was spent yet as of the date', () => {
    const r = computeBudgetReport(planOf(SEVEN, { progress: [progress('2024-06-14', [{ line: 1, spent: 1 }])] }), { asOf: '2024-01-31' });
    expect(render(r)).toContain('Chưa có số liệu chi nào đến ngày 31/01/2024.');
  });

  it('every check has a sentence in both languages', () => {
    const b = budgetOf(
      [
        { quantity: 2, rate: 5, amount: 11 },
        { amount: 1, percentOf: { percent: 5, base: 'others' } },
      ],
      12,
      'Mười ba đồng',
    );
    const r = computeBudgetReport(planOf(b, { funding: null, progress: [progress('2024-01-01', [{ line: 2, spent: 9 }])] }), { asOf: '2024-12-31' });
    for (const c of r.checks) {
      for (const lang of ['vi', 'en'] as const) expect(checkText(c, lang).length).toBeGreaterThan(10);
    }
    expect(failedChecks(r).map((c) => c.id)).toEqual(['line-arithmetic', 'words', 'funding', 'spending']);
  });
});

describe('properties (fast-check)', () => {
  const safeAmount = fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }).map(Number);

  it('analyzeBudget: the sum is the exact BigInt sum of the lines, and the total check agrees', () => {
    fc.assert(
      fc.property(fc.array(safeAmount, { minLength: 1, maxLength: 40 }), safeAmount, (amounts, total) => {
        const b = budgetOf(
          amounts.map((amount) => ({ amount })),
          total,
          'Không đồng',
        );
        const a = analyzeBudget(b);
        const exact = amounts.reduce((s, x) => s + BigInt(x), 0n);
        return a.sum === exact && a.totalOk === (exact === BigInt(total));
      }),
      { numRuns: 300 },
    );
  });

  it('a budget whose percentage line is built with percentOf passes every check', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 1, max: 10000 }).map((h) => h / 100),
        fc.constantFrom<'total' | 'others'>('total', 'others'),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (budget, percent, base, weights) => {
          // Split `budget` across the other lines by weight, exactly.
          const wsum = BigInt(weights.reduce((s, w) => s + w, 0));
          const others = weights.map((w) => (budget * BigInt(w)) / wsum);
          others[0]! += budget - others.reduce((s, x) => s + x, 0n);
          let line: bigint;
          let total: bigint;
          if (base === 'others') {
            line = percentOf(budget, percent);
            total = budget + line;
          } else {
            // The total includes the line itself: pick the total, derive the line, give the rest to the others.
            total = budget;
            line = percentOf(total, percent);
            const rest = total - line;
            others.fill(0n);
            others[0] = rest;
          }
          const b = budgetOf([...others.map((x) => ({ amount: Number(x) })), { amount: Number(line), percentOf: { percent, base } }], Number(total));
          const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
          const pl = check(r, 'percent-line');
          return pl.ok && pl.expected === line && r.ok && r.sum === total;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the text always fits the width and marks exactly the failing amounts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 0, max: 1000 }), rate: fc.integer({ min: 0, max: 10 ** 9 }), off: fc.integer({ min: -2, max: 2 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 40, max: 120 }),
        (rows, width) => {
          const b = budgetOf(
            rows.map((x) => ({
              quantity: x.q,
              rate: x.rate,
              amount: Math.max(0, x.q * x.rate + x.off),
              content: 'Chi cho hoạt động cải cách hành chính năm nay',
            })),
          );
          const r = computeBudgetReport(planOf(b), { asOf: '2024-12-31' });
          const out = render(r, 'vi', width);
          const bad = r.lines.filter((l) => !l.ok).length;
          const marked = out.split('\n').filter((l: string) => /\d ✗$/.test(l)).length;
          return Math.max(...out.split('\n').map(textWidth)) <= width && marked === bad;
        },
      ),
      { numRuns: 150 },
    );
  });
});
