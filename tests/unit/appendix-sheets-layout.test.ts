/** The neutral sheet model's helpers: references, sheet names, column fitting, row heights. */
import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import {
  SheetBuilder,
  cellRef,
  checkSheetName,
  columnName,
  displayText,
  fitColumns,
  layoutRows,
  lineHeight,
  num,
  pageWidthUnits,
  rangeRef,
  text,
  textUnits,
  wrappedLines,
  type Sheet,
} from '../../src/render/sheet.js';

describe('references', () => {
  it('names columns as spreadsheets do', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(cellRef(14, 6)).toBe('F14');
    expect(rangeRef({ top: 5, left: 3, bottom: 5, right: 4 })).toBe('C5:D5');
    expect(() => columnName(0)).toThrow(RangeError);
  });

  it('column names are a bijection (A..ZZZ)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18278 }), fc.integer({ min: 1, max: 18278 }), (a, b) => {
        expect(columnName(a) === columnName(b)).toBe(a === b);
        expect(columnName(a)).toMatch(/^[A-Z]{1,3}$/);
      }),
    );
  });
});

describe('checkSheetName', () => {
  it('accepts the names cchc uses and refuses what Excel refuses', () => {
    for (const ok of ['Phụ lục I', 'Phụ lục II', 'Tiến độ', 'Tổng hợp tiến độ', 'x'.repeat(31)]) expect(checkSheetName(ok)).toBeUndefined();
    for (const bad of ['', 'x'.repeat(32), 'a/b', 'a\\b', 'a:b', 'a*b', 'a?b', '[a]', "'a", "a'"]) expect(checkSheetName(bad)).toBeDefined();
  });
});

describe('text measures', () => {
  it('grow with the text, the font size and bold', () => {
    expect(textUnits('Văn phòng Sở', 12)).toBeGreaterThan(textUnits('Văn phòng', 12));
    expect(textUnits('Văn phòng Sở', 14)).toBeGreaterThan(textUnits('Văn phòng Sở', 12));
    expect(textUnits('Văn phòng Sở', 12, true)).toBeGreaterThan(textUnits('Văn phòng Sở', 12));
    // The widest paragraph counts.
    expect(textUnits('ngắn\nmột dòng dài hơn hẳn', 12)).toBe(textUnits('một dòng dài hơn hẳn', 12));
    // Precomposed and decomposed Vietnamese measure the same.
    expect(textUnits('Thường xuyên'.normalize('NFD'), 12)).toBeCloseTo(textUnits('Thường xuyên', 12), 5);
  });

  it('wrap at word boundaries into more lines in a narrower box', () => {
    const t = 'Kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật, văn bản quản lý nhà nước';
    expect(wrappedLines(t, 200, 12)).toBe(1);
    expect(wrappedLines(t, 40, 12)).toBe(2);
    expect(wrappedLines(t, 20, 12)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines('một\nhai\nba', 50, 12)).toBe(3);
    expect(wrappedLines('', 10, 12)).toBe(1);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'bb', 'Đơn', 'vị', 'phối hợp', '25/QĐ-SLĐTBXH'), { maxLength: 30 }),
        fc.integer({ min: 4, max: 60 }),
        (words, w) => {
          const s = words.join(' ');
          expect(wrappedLines(s, w + 10, 12)).toBeLessThanOrEqual(wrappedLines(s, w, 12));
        },
      ),
    );
  });

  it('show numbers through their format', () => {
    expect(displayText(num(20000000, { numFmt: '#,##0' }))).toBe('20,000,000');
    expect(displayText(num(0.4609, { numFmt: '0.00%' }))).toBe('46.09%');
    expect(displayText(num(0.25, { numFmt: '0%' }))).toBe('25%');
    expect(displayText(num(1 / 3))).toBe('0.3333333333');
    expect(displayText(text('=1+1'))).toBe('=1+1');
    expect(displayText(undefined)).toBeUndefined();
  });
});

describe('fitColumns', () => {
  const rows = (cells: string[][]) => cells.map((r) => ({ cells: r.map((t) => text(t)) }));

  it('gives fixed columns their content width within min..max and the rest of the page to growing ones', () => {
    const r = rows([
      ['1', 'a long task title that could use every bit of room on the page', 'Quý I/2022'],
      ['27', 'short', 'Theo đăng ký năm 2022 và khi có yêu cầu'],
    ]);
    const w = fitColumns(
      r,
      [],
      [
        { min: 5, max: 7 },
        { min: 20, max: 200, grow: 1 },
        { min: 10, max: 16 },
      ],
      100,
      12,
    );
    expect(w[0]).toBe(5);
    expect(w[2]).toBe(16);
    expect(w[0]! + w[1]! + w[2]!).toBeCloseTo(100, 0);
  });

  it('shares a page that is too narrow by weight, no growing column below its floor', () => {
    const long = 'x '.repeat(200);
    const r = rows([[long, long, 'fixed']]);
    const w = fitColumns(
      r,
      [],
      [
        { min: 20, max: 80, grow: 3 },
        { min: 10, max: 80, grow: 1 },
        { min: 8, max: 8 },
      ],
      60,
      12,
    );
    expect(w[2]).toBe(8);
    expect(w[0]! + w[1]! + w[2]!).toBeCloseTo(60, 0);
    expect(w[0]!).toBeGreaterThan(w[1]!);
    expect(w[1]!).toBeGreaterThanOrEqual(10);
  });

  it('ignores cells merged across columns but measures a header merged down one column', () => {
    const r = [{ cells: [text('a very very very long title spanning the table')] }, { cells: [text('Số TT')] }, { cells: [text('1')] }];
    const across = fitColumns(
      r,
      [{ top: 1, left: 1, bottom: 1, right: 2 }],
      [
        { min: 3, max: 30 },
        { min: 3, max: 30 },
      ],
      60,
      12,
    );
    expect(across[0]).toBeLessThan(10);
    const down = fitColumns(
      r,
      [{ top: 2, left: 1, bottom: 3, right: 1 }],
      [
        { min: 3, max: 30 },
        { min: 3, max: 30 },
      ],
      60,
      12,
    );
    expect(down[0]).toBeGreaterThan(textUnits('Số TT', 12));
  });

  it('breaks long words only where a column allows it', () => {
    const r = rows([['Quyết định số 25/QĐ-SLĐTBXH-UBND-TTHC-KSTT']]);
    const strict = fitColumns(r, [], [{ min: 5, max: 40 }], 10, 12);
    const loose = fitColumns(r, [], [{ min: 5, max: 40, breakWords: true, grow: 1 }], 10, 12);
    expect(strict[0]).toBeGreaterThan(20);
    expect(loose[0]).toBe(10);
  });
});

describe('layoutRows', () => {
  it('sizes rows for their tallest wrapped cell, a merged cell over its whole width', () => {
    const b = new SheetBuilder(2);
    b.spanning(text('a title wider than one column'));
    b.add([text('one'), text('a cell with text that needs several lines in its narrow column')]);
    b.add([text('one'), text('two')], { height: 40 });
    const sheet: Pick<Sheet, 'rows' | 'merges' | 'columns' | 'font'> = {
      rows: b.rows,
      merges: b.merges,
      columns: [{ width: 20 }, { width: 20 }],
      font: { name: 'Times New Roman', size: 12 },
    };
    layoutRows(sheet);
    expect(sheet.rows[0]!.height).toBeLessThan(2 * lineHeight(12));
    expect(sheet.rows[1]!.height).toBeGreaterThan(2 * lineHeight(12));
    expect(sheet.rows[2]!.height).toBe(40);
  });
});

describe('pageWidthUnits', () => {
  it('is about 128 units on A4 landscape with 25 mm of side margins', () => {
    expect(pageWidthUnits('landscape')).toBe(127);
    expect(pageWidthUnits('portrait')).toBeLessThan(pageWidthUnits('landscape'));
  });
});
