/**
 * Issue 12.5: money, quantities and counts judged on their text as written, in budget.yaml
 * and progress files alike, located on the value itself.
 */
import { describe, it, expect, afterAll } from 'vitest';
import fc from '../fc.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, copyPlan, fixturePlan, runCli, where } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function edited(file: string, from: string, to: string): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'));
  cleanups.push(cleanup);
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${file}: ${from}`);
  writeFileSync(p, text.replace(from, to));
  return dir;
}

describe('figures as written', () => {
  it.each([
    ['budget.yaml', '    rate: 4500000', '    rate: 4.500.000', 'budget.yaml:11:11'],
    ['budget.yaml', '    rate: 4500000', '    rate: 4500.000', 'budget.yaml:11:11'],
    ['budget.yaml', '    amount: 13500000', '    amount: 13500000.0000000001', 'budget.yaml:12:13'],
    ['budget.yaml', '    amount: 13500000', '    amount: 1.35e7', 'budget.yaml:12:13'],
    ['budget.yaml', '    amount: 13500000', '    amount: 0xCDFE60', 'budget.yaml:12:13'],
    ['budget.yaml', '    amount: 13500000', '    amount: +13500000', 'budget.yaml:12:13'],
    ['budget.yaml', '    amount: 13500000', '    amount: 013500000', 'budget.yaml:12:13'],
    ['progress/2023-q2.yaml', '    spent: 4500000', '    spent: 4500.000', 'progress/2023-q2.yaml:26:12'],
  ])('%s: %s → %s is money/not-integer at %s', (file, from, to, at) => {
    const dir = edited(file, from, to);
    const ds = checkFolder(dir).diagnostics;
    expect(where(ds)).toContain(`money/not-integer ${at}`);
    const d = ds.find((x) => x.code === 'money/not-integer')!;
    expect(String(d.params!.actual)).toContain(to.split(': ')[1]);
  });

  it('plain digits pass', () => {
    expect(checkFolder(edited('budget.yaml', '    rate: 4500000', '    rate: 4500000')).diagnostics).toEqual([]);
  });

  it('fuzz: any figure not written as plain digits is a finding, plain digits never are', () => {
    const dir = edited('budget.yaml', '    rate: 4500000', '    rate: RATE');
    const file = path.join(dir, 'budget.yaml');
    const template = readFileSync(file, 'utf8');
    const written = fc.oneof(
      fc.integer({ min: 1, max: 999 }).map((n) => `${n}.000`),
      fc.integer({ min: 1, max: 9 }).map((n) => `${n}e6`),
      fc.integer({ min: 1, max: 99999 }).map((n) => `0${n}`),
      fc.integer({ min: 1, max: 99999 }).map((n) => `+${n}`),
      fc.integer({ min: 1, max: 99999 }).map((n) => `0x${n.toString(16)}`),
    );
    fc.assert(
      fc.property(written, (w) => {
        writeFileSync(file, template.replace('RATE', w));
        expect(checkFolder(dir).diagnostics.map((d) => d.code)).toContain('money/not-integer');
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), (n) => {
        writeFileSync(file, template.replace('RATE', String(n)));
        expect(checkFolder(dir).diagnostics.map((d) => d.code)).not.toContain('money/not-integer');
      }),
      { numRuns: 40 },
    );
  });
});

describe('the hint names the figure as the clerk meant it', () => {
  it('rate: 500.000 → money/not-integer on the rate, "viết … 500000"', async () => {
    const dir = edited('budget.yaml', '    rate: 4500000', '    rate: 500.000');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/budget\.yaml:11:11: lỗi money\/not-integer/);
    expect(r.stdout + r.stderr).toMatch(/gợi ý: .*không dấu phân cách: 500000\./);
  });
});

describe('no misleading follow-on', () => {
  it('rate: 500.000 is one finding on the rate, not also "3 × 500 = 1.500" on the amount', () => {
    const dir = edited('budget.yaml', '    rate: 4500000', '    rate: 4500.000');
    const codes = checkFolder(dir)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.code);
    expect(codes).toEqual(['money/not-integer']);
  });
});
