/** The "Căn cứ" order: the level of the issuer, Party first, then the legal hierarchy of types, then dates. */
import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { compareLegalOrder, issuerLevel, TYPE_ORDER, type OrderKey } from '../../src/report/refs.js';
import { DOC_TYPES, findCitations } from '../../src/model/citation.js';

function key(text: string, issuer = '', date?: string): OrderKey & { label: string } {
  const c = findCitations(text)[0];
  if (!c) throw new Error(text);
  const k: OrderKey & { label: string } = { ...issuerLevel(c.issuerCode, c.symbol, issuer), type: c.type, number: c.number, symbol: c.symbol, label: c.symbol };
  if (date) k.date = date;
  if (c.year !== undefined) k.year = c.year;
  return k;
}

describe('issuerLevel', () => {
  it.each([
    ['TTg', '1847/QĐ-TTg', '', 'central', false],
    ['CP', '107/2020/NĐ-CP', '', 'central', false],
    ['QH13', '80/2015/QH13', '', 'central', false],
    ['BTC', '144/2017/TT-BTC', '', 'central', false],
    ['BNV-BTC', '14/2015/TTLT-BNV-BTC', '', 'central', false],
    ['TW', '18-NQ/TW', '', 'central', true],
    ['TU', '09-CTr/TU', '', 'province', true],
    ['UBND', '3809/QĐ-UBND', 'UBND tỉnh', 'province', false],
    ['UBND', '3809/QĐ-UBND', '', 'province', false],
    ['HĐND', '12/NQ-HĐND', 'HĐND tỉnh Bình Định', 'province', false],
    ['UBND', '2345/QĐ-UBND', 'UBND huyện Tây Sơn', 'district', false],
    ['UBND', '5/QĐ-UBND', 'Chủ tịch UBND xã Bình Hòa', 'district', false],
    ['UBND', '5/QĐ-UBND', 'UBND thị xã An Nhơn', 'district', false],
    ['HU', '3-CTr/HU', '', 'district', true],
    ['SLĐTBXH', '71/QĐ-SLĐTBXH', '', 'department', false],
    ['SLDTBXH', '71/QĐ-SLDTBXH', '', 'department', false],
    ['XYZ', '1/KH-XYZ', '', 'other', false],
  ])('%s (%s, %s) is %s, party %s', (code, symbol, issuer, level, party) => {
    expect(issuerLevel(code, symbol, issuer)).toEqual({ level, party });
  });
});

describe('compareLegalOrder', () => {
  it('lists a "Căn cứ" section in the expected order', () => {
    const expected = [
      key('Luật số 80/2015/QH13', 'Quốc hội', '2015-06-22'),
      key('Nghị quyết số 76/NQ-CP', 'Chính phủ', '2021-07-15'),
      key('Nghị định 130/2005/NĐ-CP', 'Chính phủ'),
      key('Nghị định số 117/2013/NĐ-CP', 'Chính phủ', '2013-10-07'),
      key('Nghị định số 107/2020/NĐ-CP', 'Chính phủ', '2020-09-14'),
      key('Nghị định số 120/2020/NĐ-CP', 'Chính phủ', '2020-10-07'),
      key('Quyết định số 1847/QĐ-TTg', 'Thủ tướng Chính phủ', '2018-12-27'),
      key('Chỉ thị số 26/CT-TTg', 'Thủ tướng Chính phủ', '2016-09-05'),
      key('Thông tư số 144/2017/TT-BTC', 'Bộ Tài chính', '2017-12-29'),
      key('Chương trình hành động số 09-CTr/TU', 'Tỉnh ủy', '2021-05-14'),
      key('Quyết định số 22/2012/QĐ-UBND', 'UBND tỉnh', '2012-07-12'),
      key('Quyết định số 3809/QĐ-UBND', 'UBND tỉnh', '2021-09-14'),
      key('Quyết định số 4521/QĐ-UBND', 'UBND tỉnh', '2021-11-12'),
      key('Chỉ thị số 23/CT-UBND', 'Chủ tịch UBND tỉnh', '2016-10-11'),
      key('Kế hoạch số 122/KH-UBND', 'UBND tỉnh', '2021-12-20'),
      key('Quyết định số 71/QĐ-SLĐTBXH', 'Giám đốc Sở', '2017-02-28'),
      key('Quyết định số 2345/QĐ-UBND', 'UBND huyện Tây Sơn', '2022-12-30'),
      key('Quyết định số 9/QĐ-UBND', 'UBND huyện Tây Sơn'),
      key('Quyết định số 10/QĐ-UBND', 'UBND huyện Tây Sơn'),
    ];
    const shuffled = [...expected].reverse();
    expect(shuffled.sort(compareLegalOrder).map((k) => k.label)).toEqual(expected.map((k) => k.label));
  });

  it('gives the same order whatever the input order', () => {
    const keys = [
      key('Nghị định số 107/2020/NĐ-CP', '', '2020-09-14'),
      key('Quyết định số 1847/QĐ-TTg', '', '2018-12-27'),
      key('Quyết định số 1487/QĐ-TTg'),
      key('Chương trình hành động số 09-CTr/TU', '', '2021-05-14'),
      key('Kế hoạch số 122/KH-UBND', '', '2021-12-20'),
      key('Quyết định số 71/QĐ-SLĐTBXH', '', '2017-02-28'),
    ];
    const reference = [...keys].sort(compareLegalOrder).map((k) => k.label);
    fc.assert(
      fc.property(fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }), (perm) => {
        expect([...perm].sort(compareLegalOrder).map((k) => k.label)).toEqual(reference);
      }),
    );
  });

  it('ranks every document type, and only those', () => {
    expect([...TYPE_ORDER].sort()).toEqual([...DOC_TYPES].sort());
  });
});
