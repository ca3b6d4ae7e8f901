/**
 * The ref/* rules over fixture plans, in process: each check with its fixture, its code and
 * its line:col; the 2022 plan's 1847/1487 slip; no finding without a registry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, checkFolder, copyPlan, fixturePlan, where } from '../helpers.js';
import { messageOf } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function refFindings(dir: string): Diagnostic[] {
  return checkFolder(dir).diagnostics.filter((d) => d.code.startsWith('ref/'));
}

/** 1-based "line:col" of the first occurrence of `needle` in a file. */
function placeOf(file: string, needle: string): string {
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('a clean plan with a registry', () => {
  it('refs-mini has no finding at all, though a progress file names a document the registry lacks', () => {
    // Progress files hold the plan's own products, issued after it: they are not read.
    const progress = readFileSync(path.join(fixturePlan('refs-mini'), 'progress', '2023-q2.yaml'), 'utf8');
    expect(progress).toContain('Quyết định số 12/QĐ-UBND');
    expect(where(checkFolder(fixturePlan('refs-mini')).diagnostics)).toEqual([]);
  });

  it('without references.yaml the rules do not run, even over citations the registry would lack', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('refs-typo'));
    cleanups.push(cleanup);
    expect(refFindings(dir).length).toBeGreaterThan(0);
    rmSync(path.join(dir, 'references.yaml'));
    expect(refFindings(dir)).toEqual([]);
  });

  it('the rules do not run when references.yaml fails its schema (the schema errors say why)', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('refs-typo'));
    cleanups.push(cleanup);
    const file = path.join(dir, 'references.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    issuer: Tỉnh ủy\n', ''));
    const ds = checkFolder(dir).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['schema/missing-property']);
  });
});

describe('ref/unknown', () => {
  it('a citation not in the registry, at the type word', () => {
    const dir = fixturePlan('refs-unknown');
    const ds = refFindings(dir);
    expect(where(ds)).toEqual([`ref/unknown tasks.yaml:${placeOf(path.join(dir, 'tasks.yaml'), 'Quyết định số 999/QĐ-UBND')}`]);
    expect(where(ds)).toEqual(['ref/unknown tasks.yaml:24:38']);
    expect(ds[0]).toMatchObject({ severity: 'warning', params: { type: 'Quyết định', symbol: '999/QĐ-UBND' }, endLine: 24 });
    expect(ds[0]!.endColumn! - ds[0]!.column).toBe('Quyết định số 999/QĐ-UBND ngày 01/6/2022'.length);
  });
});

describe('ref/likely-typo', () => {
  const dir = fixturePlan('refs-typo');
  const ds = refFindings(dir);

  it('swapped digits, one digit off, the same subject: each at its place', () => {
    expect(where(ds)).toEqual(['ref/likely-typo budget.yaml:8:38', 'ref/likely-typo plan.yaml:22:27', 'ref/likely-typo tasks.yaml:17:46']);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('names the intended document and where the text cites it (or where the registry lists it)', () => {
    expect(ds.map((d) => [d.params.symbol, d.params.intended, d.params.likeness, d.params.place])).toEqual([
      ['92/2017/NĐ-CP', '91/2017/NĐ-CP', 'one-digit', 'budget.yaml:15:31'],
      ['2222/QĐ-UBND', '2345/QĐ-UBND', 'subject', 'plan.yaml:36:5'],
      ['67/NQ-CP', '76/NQ-CP', 'swapped', 'plan.yaml:17:5'],
    ]);
    expect(messageOf('ref/likely-typo', ds[2]!.params, 'vi')).toBe(
      'Nghị quyết số 67/NQ-CP không có trong danh mục văn bản; có phải là 76/NQ-CP (plan.yaml:17:5)?',
    );
    expect(messageOf('ref/likely-typo', ds[2]!.params, 'en')).toContain('did you mean 76/NQ-CP (plan.yaml:17:5)?');
  });
});

describe('ref/conflicting-date', () => {
  const ds = refFindings(fixturePlan('refs-dates'));

  it('text against the registry, and text against text when the registry has no date: errors at the date', () => {
    expect(where(ds)).toEqual(['ref/conflicting-date budget.yaml:18:69', 'ref/conflicting-date plan.yaml:21:137']);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('names the other place and both dates', () => {
    expect(ds.map((d) => [d.params.symbol, d.params.actual, d.params.expected, d.params.place])).toEqual([
      ['60/2021/NĐ-CP', '12/06/2021', '21/06/2021', 'indicators.yaml:28:86'],
      ['76/NQ-CP', '16/07/2021', '15/07/2021', 'references.yaml:22:11'],
    ]);
    const refs = readFileSync(path.join(fixturePlan('refs-dates'), 'references.yaml'), 'utf8').split('\n');
    expect(refs[21]!.slice(10)).toBe('2021-07-15');
  });
});

describe('ref/invalid-date', () => {
  it('31/9 does not exist: an error at the date', () => {
    const ds = refFindings(fixturePlan('refs-invalid-date'));
    expect(where(ds)).toEqual(['ref/invalid-date tasks.yaml:32:70']);
    expect(ds[0]).toMatchObject({ severity: 'error', params: { actual: '31/9/2022', symbol: '2345/QĐ-UBND' } });
    expect(ds[0]!.excerpt!.slice(69, 78)).toBe('31/9/2022');
  });
});

describe('ref/after-plan', () => {
  it('dated after the plan, in the text (at the date) or in the registry (at the citation)', () => {
    const ds = refFindings(fixturePlan('refs-after-plan'));
    expect(where(ds)).toEqual(['ref/after-plan budget.yaml:8:38', 'ref/after-plan tasks.yaml:38:79']);
    expect(ds.map((d) => [d.severity, d.params.date, d.params.bound])).toEqual([
      ['warning', '15/01/2023', '10/01/2023'],
      ['warning', '15/01/2023', '10/01/2023'],
    ]);
  });

  it('a draft without a date: the bound is 31/12 of the year before the plan year', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('refs-after-plan'));
    cleanups.push(cleanup);
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2023-01-10', 'date: null').replace('status: issued', 'status: draft'));
    const ds = refFindings(dir);
    expect(ds.map((d) => [d.code, d.params.bound])).toEqual([
      ['ref/after-plan', '31/12/2022'],
      ['ref/after-plan', '31/12/2022'],
    ]);
  });

  it('a document of the plan date itself is not after it', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('refs-after-plan'));
    cleanups.push(cleanup);
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2023-01-10', 'date: 2023-01-15'));
    expect(refFindings(dir)).toEqual([]);
  });
});

describe('the registry itself', () => {
  const ds = refFindings(fixturePlan('refs-registry'));

  it('an unknown type, an unreadable symbol, a duplicate, an unused entry, a citation of another type', () => {
    expect(where(ds)).toEqual([
      'ref/unknown-type references.yaml:38:11',
      'ref/bad-symbol references.yaml:42:13',
      'ref/duplicate references.yaml:45:13',
      'ref/unused references.yaml:48:13',
      'ref/conflicting-type tasks.yaml:17:46',
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'warning', 'warning']);
  });

  it('with what each needs to say', () => {
    expect(ds[0]!.params).toMatchObject({ actual: 'Công văn hỏa tốc' });
    expect(ds[1]!.params).toEqual({ actual: 'QĐ-UBND/2345' });
    expect(ds[2]!.params).toEqual({ symbol: '107/2021/NĐ-CP', other: 17 });
    expect(ds[3]!.params).toEqual({ symbol: '01/2023/TT-BNV' });
    expect(ds[4]!.params).toEqual({ symbol: '76/NQ-CP', expected: 'Nghị quyết', actual: 'Chỉ thị', place: 'references.yaml:21:13' });
  });
});

describe('the 2022 plan', () => {
  const ds = checkFolder(PLAN_2022).diagnostics;

  it('has exactly one finding: the 1487/QĐ-TTg slip, a warning at task 16, naming 1847/QĐ-TTg and its place in plan.yaml', () => {
    const tasks = path.join(PLAN_2022, 'tasks.yaml');
    const plan = path.join(PLAN_2022, 'plan.yaml');
    expect(where(ds)).toEqual([`ref/likely-typo tasks.yaml:${placeOf(tasks, 'Quyết định số 1487/QĐ-TTg')}`]);
    const d = ds[0]!;
    expect(d.severity).toBe('warning');
    expect(d.params).toEqual({
      type: 'Quyết định',
      symbol: '1487/QĐ-TTg',
      intended: '1847/QĐ-TTg',
      place: `plan.yaml:${placeOf(plan, 'Quyết định số 1847/QĐ-TTg')}`,
      likeness: 'swapped',
    });
    // The place is task 16's title.
    const lines = readFileSync(tasks, 'utf8').split('\n');
    const titleLine = lines[d.line - 1]!;
    expect(titleLine).toMatch(/^ {4}title: Tiếp tục triển khai thực hiện nghiêm Quyết định số 71\/QĐ-SLĐTBXH/);
    expect(
      lines
        .slice(0, d.line)
        .reverse()
        .find((l) => /^ {2}- no: /.test(l)),
    ).toBe('  - no: 16');
    expect(d.excerpt!.slice(d.column - 1, d.endColumn! - 1)).toBe('Quyết định số 1487/QĐ-TTg');
  });
});
