import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { parseDeadline, resolveDeadline, isOpenEnded, deadlineYear } from '../../src/model/deadline.js';
import { daysInMonth } from '../../src/model/dates.js';

describe('parseDeadline: the forms a plan writes', () => {
  it.each([
    ['Quý I/2022', { kind: 'quarter', quarter: 1, year: 2022 }],
    ['Quý II/2022', { kind: 'quarter', quarter: 2, year: 2022 }],
    ['Quý III/2022', { kind: 'quarter', quarter: 3, year: 2022 }],
    ['Quý IV/2022', { kind: 'quarter', quarter: 4, year: 2022 }],
    ['Quý 3/2023', { kind: 'quarter', quarter: 3, year: 2023 }],
    ['quý iv năm 2024', { kind: 'quarter', quarter: 4, year: 2024 }],
    ['QUÝ I - 2022', { kind: 'quarter', quarter: 1, year: 2022 }],
    ['  Quý   II/2022  ', { kind: 'quarter', quarter: 2, year: 2022 }],
    ['Tháng 6/2022', { kind: 'month', month: 6, year: 2022 }],
    ['tháng 12 năm 2022', { kind: 'month', month: 12, year: 2022 }],
    ['31/03/2022', { kind: 'date', date: '2022-03-31' }],
    ['ngày 5/1/2022', { kind: 'date', date: '2022-01-05' }],
    ['15.05.2024', { kind: 'date', date: '2024-05-15' }],
    ['2024-02-29', { kind: 'date', date: '2024-02-29' }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['THƯỜNG XUYÊN', { kind: 'ongoing' }],
    ['Cả năm', { kind: 'whole-year' }],
    ['Trong năm', { kind: 'whole-year' }],
    ['Năm 2022', { kind: 'whole-year', year: 2022 }],
    ['Theo quy định', { kind: 'as-regulated' }],
    ['Theo đăng ký năm 2022 và khi có yêu cầu', { kind: 'free' }],
    ['Khi có hướng dẫn của tỉnh', { kind: 'free' }],
    ['Quý V/2022', { kind: 'invalid', reason: 'quarter' }],
    ['Quý 5/2022', { kind: 'invalid', reason: 'quarter' }],
    ['Tháng 13/2022', { kind: 'invalid', reason: 'month' }],
    ['Tháng 0/2022', { kind: 'invalid', reason: 'month' }],
    ['31/02/2022', { kind: 'invalid', reason: 'date' }],
    ['29/02/2023', { kind: 'invalid', reason: 'date' }],
    ['2023-02-29', { kind: 'invalid', reason: 'date' }],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text)).toMatchObject(expected);
  });

  it('keeps the text as written (NFC, trimmed) for display', () => {
    const decomposed = 'Thường xuyên'.normalize('NFD');
    const d = parseDeadline(`  ${decomposed} `);
    expect(d.kind).toBe('ongoing');
    expect(d.text).toBe('Thường xuyên');
  });
});

describe('resolveDeadline: the date a task falls due', () => {
  it.each([
    ['Quý I/2022', 2022, undefined, '2022-03-31'],
    ['Quý II/2022', 2022, undefined, '2022-06-30'],
    ['Quý III/2022', 2022, undefined, '2022-09-30'],
    ['Quý IV/2022', 2022, undefined, '2022-12-31'],
    ['Tháng 2/2024', 2024, undefined, '2024-02-29'],
    ['Tháng 2/2023', 2023, undefined, '2023-02-28'],
    ['Tháng 4/2023', 2023, undefined, '2023-04-30'],
    ['15/05/2024', 2024, undefined, '2024-05-15'],
    ['Thường xuyên', 2022, undefined, '2022-12-31'],
    ['Cả năm', 2023, undefined, '2023-12-31'],
    ['Năm 2024', 2024, undefined, '2024-12-31'],
    ['Theo quy định', 2022, undefined, '2022-12-31'],
    ['Theo đăng ký năm 2022 và khi có yêu cầu', 2022, undefined, '2022-12-31'],
    // An explicit due date wins over every form.
    ['Khi có hướng dẫn của tỉnh', 2024, '2024-08-31', '2024-08-31'],
    ['Thường xuyên', 2022, '2022-06-30', '2022-06-30'],
    ['Quý I/2022', 2022, '2022-02-15', '2022-02-15'],
  ])('%s (plan %i, due %s) → %s', (text, year, due, expected) => {
    expect(resolveDeadline(parseDeadline(text), year, due)).toBe(expected);
  });

  it('ends every quarter on the last day of its third month, any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const roman = ['', 'I', 'II', 'III', 'IV'][q];
        const due = resolveDeadline(parseDeadline(`Quý ${roman}/${year}`), year);
        const month = q * 3;
        expect(due).toBe(`${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`);
      }),
    );
  });
});

describe('isOpenEnded and deadlineYear', () => {
  it.each([
    ['Thường xuyên', true, undefined],
    ['Cả năm', true, undefined],
    ['Năm 2022', true, 2022],
    ['Theo quy định', true, undefined],
    ['Theo đăng ký', true, undefined],
    ['Quý I/2022', false, 2022],
    ['Tháng 6/2023', false, 2023],
    ['31/03/2021', false, 2021],
  ])('%s → open-ended %s, year %s', (text, open, year) => {
    const d = parseDeadline(text);
    expect(isOpenEnded(d)).toBe(open);
    expect(deadlineYear(d)).toBe(year);
  });
});

describe('parseDeadline: free text that names a date (issue 11)', () => {
  it.each([
    ['Trước ngày 15/12/2024', '2024-12-15'],
    ['trước 30/6/2024', '2024-06-30'],
    ['Chậm nhất ngày 5/3/2023, báo cáo UBND', '2023-03-05'],
    ['6 tháng đầu năm 2024', '2024-06-30'],
    ['9 tháng đầu năm 2023', '2023-09-30'],
    ['6 tháng cuối năm 2024', '2024-12-31'],
    ['Quý I, II/2024', '2024-06-30'],
    ['Quý I và II năm 2025', '2025-06-30'],
    ['Quý III-IV/2024', '2024-12-31'],
  ])('%s → %s', (text, due) => {
    const d = parseDeadline(text);
    expect(d.kind).not.toBe('free');
    expect(resolveDeadline(d, 2024)).toBe(due);
    expect(isOpenEnded(d)).toBe(false);
  });

  it.each(['Theo đăng ký năm 2022 và khi có yêu cầu', 'Khi có hướng dẫn của tỉnh', 'Trước ngày 31/02/2024'])('%s stays free text', (text) => {
    expect(parseDeadline(text).kind).toBe('free');
  });
});
