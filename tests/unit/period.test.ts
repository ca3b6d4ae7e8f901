import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { parsePeriod } from '../../src/model/period.js';
import { isoDate, parseIsoDate, daysInMonth } from '../../src/model/dates.js';
import { formatPeriod } from '../../src/i18n/format.js';

function nextDay(iso: string): string {
  const { y, m, d } = parseIsoDate(iso)!;
  if (d < daysInMonth(y, m)) return isoDate(y, m, d + 1);
  return m < 12 ? isoDate(y, m + 1, 1) : isoDate(y + 1, 1, 1);
}

describe('parsePeriod: official cut-offs (Nghị định 09/2019/NĐ-CP)', () => {
  it.each([
    ['2022-Q1', '2022-Q1', 'quarter', '2021-12-15', '2022-03-14'],
    ['2022-Q2', '2022-Q2', 'quarter', '2022-03-15', '2022-06-14'],
    ['2022-Q3', '2022-Q3', 'quarter', '2022-06-15', '2022-09-14'],
    ['2022-Q4', '2022-Q4', 'quarter', '2022-09-15', '2022-12-14'],
    ['2022-6M', '2022-6M', 'half', '2021-12-15', '2022-06-14'],
    ['2022-9M', '2022-9M', 'nine-months', '2021-12-15', '2022-09-14'],
    ['2022', '2022', 'year', '2021-12-15', '2022-12-14'],
    ['2023-q1', '2023-Q1', 'quarter', '2022-12-15', '2023-03-14'],
    ['2024-6m', '2024-6M', 'half', '2023-12-15', '2024-06-14'],
    [' 2024-9M ', '2024-9M', 'nine-months', '2023-12-15', '2024-09-14'],
  ])('%s → %s %s %s..%s', (input, id, kind, start, end) => {
    expect(parsePeriod(input)).toMatchObject({ id, kind, start, end });
  });

  it.each(['2022-Q5', '2022-Q0', '22-Q1', '2022-H1', '2022-12M', '', 'Q1-2022', '2022-Q1x', '2022-', 'năm 2022', '20222'])('refuses %j', (input) => {
    expect(parsePeriod(input)).toBeUndefined();
  });

  it('quarters tile the reporting year without gaps, and 6M / 9M end with quarters II and III', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const q = [1, 2, 3, 4].map((n) => parsePeriod(`${year}-Q${n}`)!);
        const y = parsePeriod(String(year))!;
        expect(q[0]!.start).toBe(y.start);
        for (let i = 1; i < 4; i++) expect(q[i]!.start).toBe(nextDay(q[i - 1]!.end));
        expect(q[3]!.end).toBe(y.end);
        expect(parsePeriod(`${year}-6M`)!.end).toBe(q[1]!.end);
        expect(parsePeriod(`${year}-9M`)!.end).toBe(q[2]!.end);
        expect(nextDay(y.end)).toBe(parsePeriod(String(year + 1))!.start);
      }),
    );
  });

  it.each([
    ['2022-Q1', 'vi', 'Quý I/2022'],
    ['2022-Q4', 'vi', 'Quý IV/2022'],
    ['2022-6M', 'vi', '6 tháng đầu năm 2022'],
    ['2022-9M', 'vi', '9 tháng năm 2022'],
    ['2022', 'vi', 'Năm 2022'],
    ['2022-Q3', 'en', 'Q3 2022'],
    ['2022-6M', 'en', 'first half of 2022'],
  ] as const)('labels %s in %s as %s', (id, lang, label) => {
    expect(formatPeriod(parsePeriod(id)!, lang)).toBe(label);
  });
});
