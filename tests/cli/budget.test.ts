/** `cchc budget`, run in-process on the current source: stdout, stderr and the exit code. */
import { beforeAll, describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, PLAN_2022, fixturePlan, copyPlan, runCli, type CliResult, type Json } from '../helpers.js';
import { textWidth } from '../../src/render/style.js';
import type { BudgetReport } from '../../src/report/budget.js';
import type { diagnosticAsJson } from '../../src/render/diagnostics.js';

const TODAY = { CCHC_TODAY: '2023-02-01' };
const widest = (s: string) => Math.max(...s.split('\n').map(textWidth));

/** `cchc budget --json`: the envelope, the report and the located diagnostics. */
type BudgetJson = Json<BudgetReport> & { format: number; command: string; diagnostics: ReturnType<typeof diagnosticAsJson>[] };

describe('cchc budget on the 2022 plan', () => {
  let r: CliResult;
  beforeAll(async () => {
    r = await runCli(['budget', PLAN_2022], { env: TODAY });
  });

  it('prints the appendix table, the total in figures and words, every check ✓, and exits 0', async () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/STT\s+Nội dung chi tiết\s+Đơn vị\s+Số lượng\s+Định mức\s+Số tiền/);
    expect(r.stdout).toMatch(/^\s+1\s+Hỗ trợ công chức làm việc.*Người\s+12 tháng\s+500\.000\s+6\.000\.000$/m);
    expect(r.stdout).toMatch(/^\s+7\s+Tiết kiệm chi 10%\s+2\.000\.000$/m);
    expect(r.stdout).toMatch(/^\s+Tổng cộng\s+20\.000\.000$/m);
    expect(r.stdout).toContain('(Bằng chữ: Hai mươi triệu đồng)');
    expect(r.stdout).toContain('✓ Dòng 1: 12 × 500.000 = 6.000.000');
    expect(r.stdout).toContain('✓ Tổng các dòng bằng tổng cộng: 20.000.000 đồng');
    expect(r.stdout).toContain('✓ Số tiền bằng chữ khớp với tổng cộng: "Hai mươi triệu đồng"');
    expect(r.stdout).toContain('✓ Dự toán đạt mọi phép kiểm tra (8).');
    expect(r.stdout).not.toContain('✗');
  });

  it('fits 80 columns, and has no colour codes under NO_COLOR', async () => {
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('defaults to the newest plan under ./plans and to the end of a past plan year', async () => {
    const d = await runCli(['budget'], { cwd: ROOT, env: TODAY });
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('Tình hình chi tính đến ngày 31/12/2022');
    expect(d.stdout).toMatch(/^\s+Tổng cộng\s+20\.000\.000\s+17\.150\.000\s+2\.850\.000\s+85,75%$/m);
  });
});

describe('spent, remaining and percent used as of a date', () => {
  it('--as-of picks the records on or before the date', async () => {
    const q1 = await runCli(['budget', PLAN_2022, '--as-of', '2022-03-31']);
    expect(q1.code).toBe(0);
    expect(q1.stdout).toContain('Tình hình chi tính đến ngày 31/03/2022');
    expect(q1.stdout).toContain('2022-q1.yaml (14/03/2022)');
    expect(q1.stdout).not.toContain('2022-6m.yaml');
    expect(q1.stdout).toMatch(/^\s+1\s+Hỗ trợ công chức.*\s6\.000\.000\s+1\.000\.000\s+5\.000\.000\s+16,67%$/m);
    expect(q1.stdout).toMatch(/^\s+Tổng cộng\s+20\.000\.000\s+1\.800\.000\s+18\.200\.000\s+9,00%$/m);

    const h1 = await runCli(['budget', PLAN_2022, '--as-of', '2022-06-30']);
    expect(h1.stdout).toMatch(/^\s+Tổng cộng\s+20\.000\.000\s+5\.500\.000\s+14\.500\.000\s+27,50%$/m);
  });

  it('an overspent line is marked and warned about, and the command still exits 0', async () => {
    const r = await runCli(['budget', fixturePlan('budget-overspent'), '--as-of', '2023-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+2\s+Khen thưởng\s+1\.500\.000\s+1\.750\.000 !\s+-250\.000\s+116,67%$/m);
    expect(r.stdout).toContain('! Dòng 2 đã chi 1.750.000, vượt dự toán 1.500.000 (vượt 250.000)');
    expect(r.stderr).toMatch(/progress\/2023-q4\.yaml:34:12: cảnh báo progress\/overspent/);
  });

  it('a line with no record yet shows a dash', async () => {
    const r = await runCli(['budget', fixturePlan('mini'), '--as-of', '2023-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+2\s+Khen thưởng\s+1\.500\.000\s+—\s+1\.500\.000\s+0,00%$/m);
  });
});

describe('a wrong budget: the table anyway, failing figures marked, exit 1', () => {
  it('a wrong line', async () => {
    const r = await runCli(['budget', fixturePlan('budget-wrong-line')], { env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\s+1\s+Tập huấn nghiệp vụ\s+Lớp\s+03\s+4\.600\.000\s+13\.500\.000 ✗$/m);
    expect(r.stdout).toMatch(/^\s+Tổng cộng\s+16\.500\.000$/m);
    expect(r.stdout).toContain('✗ Dòng 1: 3 × 4.600.000 = 13.800.000, nhưng số tiền ghi 13.500.000');
    expect(r.stdout).toContain('✗ 1/7 phép kiểm tra không đạt.');
    expect(r.stderr).toMatch(/budget-wrong-line\/budget\.yaml:12:13: lỗi budget\/line-arithmetic/);
  });

  it('a wrong total', async () => {
    const r = await runCli(['budget', fixturePlan('budget-wrong-total')], { env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\s+Tổng cộng\s+17\.000\.000 ✗$/m);
    expect(r.stderr).toMatch(/budget\.yaml:20:8: lỗi budget\/total-mismatch/);
  });

  it('wrong words, a wrong percentage line, no funding', async () => {
    const w = await runCli(['budget', fixturePlan('budget-wrong-words')], { env: TODAY });
    expect(w.code).toBe(1);
    expect(w.stdout).toContain('(Bằng chữ: Mười sáu triệu năm trăm nghìn đồng)');
    expect(w.stdout).toMatch(/✗ Số tiền bằng chữ "Mười lăm triệu năm trăm nghìn đồng" không khớp/);
    expect(w.stderr).toMatch(/budget\.yaml:21:15: lỗi budget\/words-mismatch/);

    const p = await runCli(['budget', fixturePlan('budget-wrong-percent')], { env: TODAY });
    expect(p.code).toBe(1);
    expect(p.stdout).toMatch(/^\s+3\s+Tiết kiệm chi 10%\s+1\.500\.000 ✗$/m);
    expect(p.stderr).toMatch(/budget\.yaml:19:13: lỗi budget\/percent-line/);

    const f = await runCli(['budget', fixturePlan('budget-no-funding')], { env: TODAY });
    expect(f.code).toBe(1);
    expect(f.stdout).toContain('✗ Chưa ghi nguồn kinh phí');
    expect(f.stderr).toMatch(/plan\.yaml:3:1: lỗi budget\/no-funding/);
  });

  it('marks the failing figure in red when colour is forced', async () => {
    const r = await runCli(['budget', fixturePlan('budget-wrong-line')], { env: { ...TODAY, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\u001b\[31m(\u001b\[1m)?13\.500\.000 ✗/);
    const plain = await runCli(['budget', fixturePlan('budget-wrong-line'), '--no-color'], { env: { ...TODAY, NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('a budget.yaml that fails its schema cannot be computed: diagnostics only, exit 1', () => {
  it.each<[string, string[]]>([
    ['budget-float', ['budget.yaml:12:13: lỗi money/not-integer']],
    ['budget-negative', ['budget.yaml:15:13: lỗi money/negative']],
    ['budget-huge', ['budget.yaml:12:13: lỗi money/too-large', 'budget.yaml:20:8: lỗi money/too-large']],
    ['budget-string-amount', ['budget.yaml:20:8: lỗi money/not-integer']],
  ])('%s', async (name, expected) => {
    const r = await runCli(['budget', fixturePlan(name)], { env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    for (const e of expected) expect(r.stderr).toContain(`${name}/${e}`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('other plan errors stop it like any command', () => {
  it('an unknown unit in tasks.yaml: located message, no table, exit 1', async () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    try {
      const f = path.join(dir, 'tasks.yaml');
      const text = readFileSync(f, 'utf8');
      const m = /lead: \[([^\]]+)\]|lead:\n\s+- (\S+)/.exec(text);
      expect(m).not.toBeNull();
      writeFileSync(f, text.replace(m![1] ?? m![2]!, 'khong-co-don-vi'));
      const r = await runCli(['budget', dir], { env: TODAY });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/tasks\.yaml:\d+:\d+: lỗi task\/unknown-unit/);
    } finally {
      cleanup();
    }
  });

  it('a missing plan folder and a bad --as-of are usage errors (exit 2)', async () => {
    const a = await runCli(['budget', 'no/such/plan']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('no/such/plan');
    const b = await runCli(['budget', PLAN_2022, '--as-of', '2022-02-30']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--as-of');
    expect(b.stdout).toBe('');
  });
});

describe('--lang en', () => {
  it('English labels, 20,000,000 and VND', async () => {
    const r = await runCli(['budget', PLAN_2022, '--lang', 'en'], { env: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No\.\s+Item\s+Unit\s+Quantity\s+Rate\s+Amount/);
    expect(r.stdout).toMatch(/^\s+Total\s+20,000,000$/m);
    expect(r.stdout).toContain('(In words: Hai mươi triệu đồng)');
    expect(r.stdout).toContain('✓ The lines add up to the total: 20,000,000 VND');
    expect(r.stdout).toContain('Spending as of 31/12/2022');
    expect(r.stdout).not.toContain('20.000.000');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('English diagnostics on a wrong budget', async () => {
    const r = await runCli(['budget', fixturePlan('budget-wrong-total'), '--lang', 'en'], { env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\s+Total\s+17,000,000 ✗$/m);
    expect(r.stdout).toMatch(/✗ The lines add up to 16,500,000 but the total says 17,000,000 \(difference\s+\+500,000\)/);
    expect(r.stderr).toMatch(/budget\.yaml:20:8: error budget\/total-mismatch/);
  });
});

describe('--json', () => {
  it('the whole report: lines, totals, words, checks, spending; money as JSON numbers', async () => {
    const r = await runCli(['budget', PLAN_2022, '--json', '--as-of', '2022-06-30']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as BudgetJson;
    expect(Object.keys(j)).toEqual([
      'format',
      'command',
      'ok',
      'plan',
      'title',
      'subtitle',
      'lines',
      'sum',
      'total',
      'words',
      'funding',
      'checks',
      'spending',
      'diagnostics',
    ]);
    expect(j).toMatchObject({ format: 1, command: 'budget', ok: true });
    expect(j.plan).toMatchObject({ year: 2022, number: null, date: null, symbol: 'KH-SLĐTBXH' });
    expect(j.lines).toHaveLength(7);
    expect(j.lines[0]).toMatchObject({
      no: 1,
      unit: 'Người',
      quantity: 12,
      quantityText: '12 tháng',
      rate: 500000,
      amount: 6000000,
      percentOf: null,
      ok: true,
      spending: { spent: 2500000, recordedAsOf: '2022-06-14', remaining: 3500000, percentUsed: 41.67, overspent: false },
    });
    expect(j.lines[6]).toMatchObject({ no: 7, percentOf: { percent: 10, base: 'total' }, rate: null });
    expect(j.total).toBe(20000000);
    expect(j.sum).toBe(20000000);
    expect(j.words).toEqual({ declared: 'Hai mươi triệu đồng', computed: 'Hai mươi triệu đồng', ok: true });
    expect(j.checks.map((c) => [c.id, c.ok])).toEqual([
      ['numbering', true],
      ['amounts', true],
      ['line-arithmetic', true],
      ['line-arithmetic', true],
      ['percent-line', true],
      ['total', true],
      ['words', true],
      ['funding', true],
      ['spending', true],
    ]);
    expect(j.checks.find((c) => c.id === 'total')).toMatchObject({
      code: 'budget/total-mismatch',
      severity: 'error',
      expected: 20000000,
      actual: 20000000,
      difference: 0,
    });
    expect(j.spending).toMatchObject({
      asOf: '2022-06-30',
      planned: 20000000,
      spent: 5500000,
      remaining: 14500000,
      percentUsed: 27.5,
      example: true,
      overspentLines: [],
    });
    expect(j.ok).toBe(true);
    expect(j.diagnostics).toEqual([]);
    for (const v of [j.total, j.sum, ...j.lines.map((l) => l.amount)]) expect(Number.isSafeInteger(v)).toBe(true);
  });

  it('a wrong budget: ok false, the failing check with its figures, the located diagnostic, exit 1', async () => {
    const r = await runCli(['budget', fixturePlan('budget-wrong-line'), '--json'], { env: TODAY });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as BudgetJson;
    expect(j.ok).toBe(false);
    expect(j.lines[0]?.ok).toBe(false);
    expect(j.checks.find((c) => c.id === 'line-arithmetic')).toMatchObject({
      ok: false,
      line: 1,
      quantity: 3,
      rate: 4600000,
      expected: 13800000,
      actual: 13500000,
      difference: -300000,
    });
    expect(j.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['budget/line-arithmetic 12:13']);
  });

  it('no spending recorded: spending is null', async () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    try {
      for (const f of ['2023-q2.yaml', '2023-q4.yaml']) {
        const p = path.join(dir, 'progress', f);
        writeFileSync(p, readFileSync(p, 'utf8').replace(/\nbudget:\n( {2}.*\n?)*/, '\n'));
      }
      const r = await runCli(['budget', dir, '--json'], { env: TODAY });
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as BudgetJson;
      expect(j.spending).toBeNull();
      expect(j.lines.every((l) => l.spending === null)).toBe(true);
    } finally {
      cleanup();
    }
  });
});
