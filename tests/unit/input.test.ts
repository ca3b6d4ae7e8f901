import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { readAmount, readNumber, readPercent, readDate, readStatus, readAssessment, readEvidence, serialToIso, problemMessage } from '../../src/input/index.js';

const ok = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : undefined);
const why = (r: { ok: boolean; problem?: { id: string } }) => (r.ok ? 'ok' : r.problem!.id);

/** n written the Vietnamese way: dots between groups of three. */
function grouped(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

describe('readAmount: money as typed in Vietnam', () => {
  it.each([
    ['500.000', 500000],
    ['500 000', 500000],
    ['500000', 500000],
    ['20.000.000', 20000000],
    ['1.500', 1500],
    ['500.000 đồng', 500000],
    ['500.000đ', 500000],
    ['500\u00a0000', 500000],
    ['0', 0],
    [750000, 750000],
  ])('%s → %d', (text, value) => expect(ok(readAmount(text))).toBe(value));

  it.each([
    ['1.5', 'ambiguous-number'],
    ['1.50', 'ambiguous-number'],
    ['500,000', 'ambiguous-number'],
    ['50,5', 'fraction-not-allowed'],
    ['-5', 'negative'],
    ['năm trăm', 'not-number'],
    ['50 00', 'not-number'],
    ['', 'empty'],
    [12.5, 'fraction-not-allowed'],
  ])('%s is refused (%s)', (text, id) => expect(why(readAmount(text))).toBe(id));

  it('any whole amount written with dots, spaces or nothing reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), fc.constantFrom('.', ' ', ''), (n, sep) => {
        expect(ok(readAmount(grouped(n, sep)))).toBe(n);
      }),
    );
  });

  it('a dot followed by one or two digits is always refused, never guessed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), (i, f) => {
        const text = `${i}.${String(f).padStart(f < 10 && f % 2 ? 1 : 2, '0')}`;
        expect(why(readAmount(text))).toBe('ambiguous-number');
      }),
    );
  });

  it('the refusal says how to write it, in both languages', () => {
    const r = readAmount('1.5');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(problemMessage(r.problem, 'vi')).toContain('500.000');
      expect(problemMessage(r.problem, 'en')).toContain('ambiguous');
    }
  });
});

describe('readNumber with a fraction', () => {
  it.each([
    ['50,5', 50.5],
    ['1.000,25', 1000.25],
    ['83,33', 83.33],
    ['7', 7],
  ])('%s → %d', (text, value) => expect(ok(readNumber(text, { fraction: true }))).toBe(value));

  it('any value with two decimals, written with a comma, reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        const text = `${grouped(Math.floor(cents / 100), '.')},${String(cents % 100).padStart(2, '0')}`;
        expect(ok(readNumber(text, { fraction: true }))).toBeCloseTo(cents / 100, 9);
      }),
    );
  });
});

describe('readPercent', () => {
  it.each([
    [50, {}, 50],
    ['50', {}, 50],
    ['50%', {}, 50],
    ['50 %', {}, 50],
    ['50,5%', {}, 50.5],
    [0.5, { percentCell: true }, 50],
    [1, { percentCell: true }, 100],
    [0.255, { percentCell: true }, 25.5],
  ])('%s %o → %d', (v, opts, value) => expect(ok(readPercent(v, opts))).toBe(value));

  it.each([
    ['150', {}, 'percent-range'],
    [1.5, { percentCell: true }, 'percent-range'],
    ['50,5', { whole: true }, 'fraction-not-allowed'],
    ['nửa', {}, 'not-number'],
  ])('%s %o is refused (%s)', (v, opts, id) => expect(why(readPercent(v, opts))).toBe(id));
});

describe('readDate', () => {
  it.each([
    ['20/01/2022', '2022-01-20'],
    ['20/1/2022', '2022-01-20'],
    ['5/1/2022', '2022-01-05'],
    ['2022-01-20', '2022-01-20'],
    ['20-01-2022', '2022-01-20'],
    ['20.01.2022', '2022-01-20'],
    ['ngày 20/01/2022', '2022-01-20'],
    [44581, '2022-01-20'],
    ['44581', '2022-01-20'],
    [new Date(Date.UTC(2022, 0, 20)), '2022-01-20'],
    // a writer in UTC+7 that stored local midnight
    [new Date(Date.UTC(2022, 0, 19, 17)), '2022-01-20'],
  ])('%s → %s', (v, iso) => expect(ok(readDate(v))).toBe(iso));

  it.each([
    ['31/02/2022', 'no-such-date'],
    ['20/13/2022', 'no-such-date'],
    ['hôm qua', 'not-date'],
    ['', 'empty'],
    [-3, 'not-date'],
  ])('%s is refused (%s)', (v, id) => expect(why(readDate(v))).toBe(id));

  it('every day written dd/mm/yyyy, as a serial or as ISO reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(ok(readDate(`${Number(day)}/${Number(m)}/${y}`))).toBe(iso);
        expect(ok(readDate(iso))).toBe(iso);
        const serial = Math.floor(d.getTime() / 86_400_000) + 25569;
        expect(serialToIso(serial)).toBe(iso);
      }),
    );
  });
});

describe('readStatus and readAssessment', () => {
  it.each([
    ['done', 'done'],
    ['Hoàn thành', 'done'],
    ['HOÀN THÀNH', 'done'],
    ['hoan thanh', 'done'],
    ['Đã hoàn thành', 'done'],
    ['in-progress', 'in-progress'],
    ['đang thực hiện', 'in-progress'],
    ['Dang thuc hien', 'in-progress'],
    ['not-started', 'not-started'],
    ['Chưa thực hiện', 'not-started'],
    ['chua   thuc hien', 'not-started'],
    // decomposed (NFD) input, as some keyboards send it
    ['Hoàn thành'.normalize('NFD'), 'done'],
  ])('%s → %s', (v, s) => expect(ok(readStatus(v))).toBe(s));

  it('refuses an unknown label', () => expect(why(readStatus('xong rồi'))).toBe('status'));

  it.each([
    ['dat', 'dat'],
    ['Đạt', 'dat'],
    ['khong-dat', 'khong-dat'],
    ['Không đạt', 'khong-dat'],
    ['KHONG DAT', 'khong-dat'],
  ])('%s → %s', (v, a) => expect(ok(readAssessment(v))).toBe(a));

  it('refuses an unknown assessment', () => expect(why(readAssessment('tốt'))).toBe('assessment'));
});

describe('readEvidence', () => {
  it('splits a document and its date', () => {
    expect(readEvidence('Quyết định số 600/QĐ-UBND ngày 25/03/2022')).toEqual({ document: 'Quyết định số 600/QĐ-UBND', date: '2022-03-25' });
    expect(readEvidence('Công văn số 12/SLĐTBXH-VP, ngày 5/4/2022')).toEqual({ document: 'Công văn số 12/SLĐTBXH-VP', date: '2022-04-05' });
  });
  it('keeps text of another shape whole', () => {
    expect(readEvidence('Biên bản họp')).toEqual({ document: 'Biên bản họp' });
    expect(readEvidence('Quyết định số 600/QĐ-UBND ngày 31/02/2022')).toEqual({ document: 'Quyết định số 600/QĐ-UBND ngày 31/02/2022' });
  });
});
