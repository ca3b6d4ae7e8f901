import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from '../fc.js';
import { describe, expect, it } from 'vitest';
import {
  DOC_TYPES,
  findCitations,
  formatSymbol,
  isValidDate,
  similarCitation,
  similarNumber,
  typeFromCode,
  type Citation,
  type DocType,
} from '../../src/model/citation.js';

interface Expect {
  type: DocType;
  number: string;
  symbol: string;
  typeCode: string;
  issuerCode: string;
  year?: number;
  date?: { year: number; month: number; day: number; valid: boolean; text: string };
  /** The matched text; defaults to the whole input. */
  text?: string;
}

function only(input: string): Citation {
  const found = findCitations(input);
  expect(found, `citations in ${JSON.stringify(input)}`).toHaveLength(1);
  return found[0] as Citation;
}

function d(day: number, month: number, year: number, text: string, valid = true) {
  return { year, month, day, valid, text };
}

const POSITIVE: Array<[string, Expect]> = [
  [
    'Quyết định số 3809/QĐ-UBND ngày 14 tháng 9 năm 2021',
    {
      type: 'Quyết định',
      number: '3809',
      symbol: '3809/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(14, 9, 2021, '14 tháng 9 năm 2021'),
    },
  ],
  [
    'Nghị định số 107/2020/NĐ-CP ngày 14 tháng 9 năm 2020',
    {
      type: 'Nghị định',
      number: '107',
      symbol: '107/2020/NĐ-CP',
      typeCode: 'NĐ',
      issuerCode: 'CP',
      year: 2020,
      date: d(14, 9, 2020, '14 tháng 9 năm 2020'),
    },
  ],
  [
    'Chỉ thị số 26/CT-TTg ngày 05/9/2016',
    {
      type: 'Chỉ thị',
      number: '26',
      symbol: '26/CT-TTg',
      typeCode: 'CT',
      issuerCode: 'TTg',
      date: d(5, 9, 2016, '05/9/2016'),
    },
  ],
  [
    'Kế hoạch số 122/KH-UBND ngày 20/12/2021',
    {
      type: 'Kế hoạch',
      number: '122',
      symbol: '122/KH-UBND',
      typeCode: 'KH',
      issuerCode: 'UBND',
      date: d(20, 12, 2021, '20/12/2021'),
    },
  ],
  [
    'Chương trình hành động số 09-CTr/TU ngày 14 tháng 5 năm 2021',
    {
      type: 'Chương trình hành động',
      number: '09',
      symbol: '09-CTr/TU',
      typeCode: 'CTr',
      issuerCode: 'TU',
      date: d(14, 5, 2021, '14 tháng 5 năm 2021'),
    },
  ],
  [
    'Thông tư số 144/2017/TT-BTC ngày 29/12/2017',
    {
      type: 'Thông tư',
      number: '144',
      symbol: '144/2017/TT-BTC',
      typeCode: 'TT',
      issuerCode: 'BTC',
      year: 2017,
      date: d(29, 12, 2017, '29/12/2017'),
    },
  ],
  [
    'Nghị định 130/2005/NĐ-CP',
    {
      type: 'Nghị định',
      number: '130',
      symbol: '130/2005/NĐ-CP',
      typeCode: 'NĐ',
      issuerCode: 'CP',
      year: 2005,
    },
  ],
  ['Quyết định số 1487/QĐ-TTg', { type: 'Quyết định', number: '1487', symbol: '1487/QĐ-TTg', typeCode: 'QĐ', issuerCode: 'TTg' }],
  [
    'Quyết định số 22/2012/QĐ-UBND ngày 12/7/2012',
    {
      type: 'Quyết định',
      number: '22',
      symbol: '22/2012/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      year: 2012,
      date: d(12, 7, 2012, '12/7/2012'),
    },
  ],
  [
    'Nghị định số 16/2015/NĐ-CP ngày 14/2/2015',
    {
      type: 'Nghị định',
      number: '16',
      symbol: '16/2015/NĐ-CP',
      typeCode: 'NĐ',
      issuerCode: 'CP',
      year: 2015,
      date: d(14, 2, 2015, '14/2/2015'),
    },
  ],
  [
    'Quyết định số 71/QĐ-SLĐTBXH ngày 28/02/2017',
    {
      type: 'Quyết định',
      number: '71',
      symbol: '71/QĐ-SLĐTBXH',
      typeCode: 'QĐ',
      issuerCode: 'SLĐTBXH',
      date: d(28, 2, 2017, '28/02/2017'),
    },
  ],
  // date forms
  [
    'Quyết định số 4950/QĐ-UBND ngày 13-12-2021',
    {
      type: 'Quyết định',
      number: '4950',
      symbol: '4950/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(13, 12, 2021, '13-12-2021'),
    },
  ],
  [
    'Kế hoạch số 5/KH-UBND ngày 05 tháng 01 năm 2020',
    {
      type: 'Kế hoạch',
      number: '5',
      symbol: '5/KH-UBND',
      typeCode: 'KH',
      issuerCode: 'UBND',
      date: d(5, 1, 2020, '05 tháng 01 năm 2020'),
    },
  ],
  [
    'Kế hoạch số 5/KH-UBND ngày 5/1/2020',
    {
      type: 'Kế hoạch',
      number: '5',
      symbol: '5/KH-UBND',
      typeCode: 'KH',
      issuerCode: 'UBND',
      date: d(5, 1, 2020, '5/1/2020'),
    },
  ],
  [
    'Kế hoạch số 5/KH-UBND ngày 05.01.2020',
    {
      type: 'Kế hoạch',
      number: '5',
      symbol: '5/KH-UBND',
      typeCode: 'KH',
      issuerCode: 'UBND',
      date: d(5, 1, 2020, '05.01.2020'),
    },
  ],
  [
    'Quyết định số 1/QĐ-UBND, ngày 02/01/2020',
    {
      type: 'Quyết định',
      number: '1',
      symbol: '1/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(2, 1, 2020, '02/01/2020'),
    },
  ],
  [
    'Quyết định số 1/QĐ-UBND Ngày 2 Tháng 1 Năm 2020',
    {
      type: 'Quyết định',
      number: '1',
      symbol: '1/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(2, 1, 2020, '2 Tháng 1 Năm 2020'),
    },
  ],
  // impossible dates are kept, flagged
  [
    'Quyết định số 2/QĐ-UBND ngày 31/9/2021',
    {
      type: 'Quyết định',
      number: '2',
      symbol: '2/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(31, 9, 2021, '31/9/2021', false),
    },
  ],
  [
    'Quyết định số 3/QĐ-UBND ngày 30 tháng 02 năm 2020',
    {
      type: 'Quyết định',
      number: '3',
      symbol: '3/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(30, 2, 2020, '30 tháng 02 năm 2020', false),
    },
  ],
  [
    'Quyết định số 4/QĐ-UBND ngày 12/13/2020',
    {
      type: 'Quyết định',
      number: '4',
      symbol: '4/QĐ-UBND',
      typeCode: 'QĐ',
      issuerCode: 'UBND',
      date: d(12, 13, 2020, '12/13/2020', false),
    },
  ],
  // case of the type word
  ['QUYẾT ĐỊNH SỐ 12/QĐ-UBND', { type: 'Quyết định', number: '12', symbol: '12/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND' }],
  // "số:" and spaces around "/"
  ['Kế hoạch số: 12/KH-UBND', { type: 'Kế hoạch', number: '12', symbol: '12/KH-UBND', typeCode: 'KH', issuerCode: 'UBND' }],
  ['Quyết định số 3809 / QĐ-UBND', { type: 'Quyết định', number: '3809', symbol: '3809/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND' }],
  // plain D typo kept as written; Ð (U+00D0) and en dash normalised
  ['Quyết định số 71/QD-SLDTBXH', { type: 'Quyết định', number: '71', symbol: '71/QD-SLDTBXH', typeCode: 'QD', issuerCode: 'SLDTBXH' }],
  ['Kế hoạch số 9/KH-SLDTBXH', { type: 'Kế hoạch', number: '9', symbol: '9/KH-SLDTBXH', typeCode: 'KH', issuerCode: 'SLDTBXH' }],
  ['Quyết định số 5/Q\u00D0-UBND', { type: 'Quyết định', number: '5', symbol: '5/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND' }],
  ['Quyết định số 5/QĐ\u2013UBND', { type: 'Quyết định', number: '5', symbol: '5/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND' }],
  // other types and symbol shapes
  ['Luật số 80/2015/QH13', { type: 'Luật', number: '80', symbol: '80/2015/QH13', typeCode: '', issuerCode: 'QH13', year: 2015 }],
  ['Công văn số 1234/UBND-VX', { type: 'Công văn', number: '1234', symbol: '1234/UBND-VX', typeCode: '', issuerCode: 'UBND-VX' }],
  [
    'Thông tư liên tịch số 14/2015/TTLT-BNV-BTC',
    {
      type: 'Thông tư liên tịch',
      number: '14',
      symbol: '14/2015/TTLT-BNV-BTC',
      typeCode: 'TTLT',
      issuerCode: 'BNV-BTC',
      year: 2015,
    },
  ],
  ['Nghị quyết số 18-NQ/TW', { type: 'Nghị quyết', number: '18', symbol: '18-NQ/TW', typeCode: 'NQ', issuerCode: 'TW' }],
  ['Chương trình số 3-CTr/TU', { type: 'Chương trình', number: '3', symbol: '3-CTr/TU', typeCode: 'CTr', issuerCode: 'TU' }],
  // the word wins over the code when "số" is written
  ['Quyết định số 5/NĐ-CP', { type: 'Quyết định', number: '5', symbol: '5/NĐ-CP', typeCode: 'NĐ', issuerCode: 'CP' }],
  // a type word broken by one line break
  ['Quyết\nđịnh số 1/QĐ-UBND', { type: 'Quyết định', number: '1', symbol: '1/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND' }],
];

describe('findCitations: accepted forms', () => {
  it.each(POSITIVE)('%s', (input, exp) => {
    const c = only(input);
    expect(c.type).toBe(exp.type);
    expect(c.number).toBe(exp.number);
    expect(c.symbol).toBe(exp.symbol);
    expect(c.typeCode).toBe(exp.typeCode);
    expect(c.issuerCode).toBe(exp.issuerCode);
    expect(c.year).toBe(exp.year);
    expect(c.date).toEqual(exp.date);
    expect(c.text).toBe(exp.text ?? input);
    expect(c.start).toBe(0);
    expect(c.end).toBe(input.length);
    expect(formatSymbol(c)).toBe(c.symbol);
  });
});

describe('findCitations: in context', () => {
  it('finds a lower-case type word mid-sentence with offsets', () => {
    const s = 'Triển khai theo quyết định số 4521/QĐ-UBND ngày 12 tháng 11 năm 2021 của Ủy ban.';
    const c = only(s);
    expect(c.type).toBe('Quyết định');
    expect(c.symbol).toBe('4521/QĐ-UBND');
    expect(c.text).toBe('quyết định số 4521/QĐ-UBND ngày 12 tháng 11 năm 2021');
    expect(s.slice(c.start, c.end)).toBe(c.text);
    expect(c.start).toBe(s.indexOf('quyết'));
  });

  it('does not take the sentence full stop after a date', () => {
    const c = only('ban hành theo Quyết định số 22/2012/QĐ-UBND ngày 12/7/2012.');
    expect(c.text).toBe('Quyết định số 22/2012/QĐ-UBND ngày 12/7/2012');
  });

  it('leaves out a blank date ("ngày /12/2021")', () => {
    const c = only('Kế hoạch số 12/KH-UBND ngày /12/2021 của Sở');
    expect(c.text).toBe('Kế hoạch số 12/KH-UBND');
    expect(c.date).toBeUndefined();
  });

  it('reads the citation and not the trailing "/2013" of "1880/QĐ-UBND/2013"', () => {
    const c = only('Cà Mau, Quyết định 1880/QĐ-UBND/2013');
    expect(c.symbol).toBe('1880/QĐ-UBND');
    expect(c.year).toBeUndefined();
  });

  it('finds several citations in document order', () => {
    const s =
      'theo Nghị định số 107/2020/NĐ-CP ngày 14 tháng 9 năm 2020 của Chính phủ và ' +
      'Nghị định số 120/2020/NĐ-CP ngày 07 tháng 10 năm 2020, Chỉ thị số 26/CT-TTg ngày 05/9/2016';
    const found = findCitations(s);
    expect(found.map((c) => c.symbol)).toEqual(['107/2020/NĐ-CP', '120/2020/NĐ-CP', '26/CT-TTg']);
    for (const c of found) expect(s.slice(c.start, c.end)).toBe(c.text);
  });

  it('does not let a date-only tail become a second citation', () => {
    const found = findCitations('Chỉ thị số 26/CT-TTg ngày 05/9/2016, ngày 20/12/2021');
    expect(found.map((c) => c.symbol)).toEqual(['26/CT-TTg']);
  });
});

const BARE: Array<[string, DocType, string]> = [
  ['theo 107/2020/NĐ-CP', 'Nghị định', '107/2020/NĐ-CP'],
  ['theo 3809/QĐ-UBND', 'Quyết định', '3809/QĐ-UBND'],
  ['theo 144/2017/TT-BTC', 'Thông tư', '144/2017/TT-BTC'],
  ['theo 26/CT-TTg', 'Chỉ thị', '26/CT-TTg'],
  ['theo 122/KH-UBND', 'Kế hoạch', '122/KH-UBND'],
  ['theo 56/NQ-CP', 'Nghị quyết', '56/NQ-CP'],
  ['theo 09-CTr/TU', 'Chương trình hành động', '09-CTr/TU'],
  ['theo 12/CTr-UBND', 'Chương trình hành động', '12/CTr-UBND'],
  ['theo 71/QD-SLDTBXH', 'Quyết định', '71/QD-SLDTBXH'],
  // a type word without "số" that disagrees with the code is an ordinary word
  ['văn bản hướng dẫn 107/2020/NĐ-CP', 'Nghị định', '107/2020/NĐ-CP'],
  ['theo quy định 59/2019/NĐ-CP', 'Nghị định', '59/2019/NĐ-CP'],
];

describe('findCitations: bare symbols', () => {
  it.each(BARE)('%s', (input, type, symbol) => {
    const c = only(input);
    expect(c.type).toBe(type);
    expect(c.symbol).toBe(symbol);
    expect(c.text).toBe(symbol);
    expect(c.start).toBe(input.length - symbol.length);
    expect(c.end).toBe(input.length);
  });

  it('takes the date after a bare symbol', () => {
    const c = only('và 120/2020/NĐ-CP ngày 07/10/2020');
    expect(c.type).toBe('Nghị định');
    expect(c.date).toEqual(d(7, 10, 2020, '07/10/2020'));
    expect(c.text).toBe('120/2020/NĐ-CP ngày 07/10/2020');
  });

  it('reads the second of "Nghị định số A và B" as bare', () => {
    const found = findCitations('Nghị định số 107/2020/NĐ-CP và 120/2020/NĐ-CP');
    expect(found.map((c) => [c.type, c.symbol, c.text])).toEqual([
      ['Nghị định', '107/2020/NĐ-CP', 'Nghị định số 107/2020/NĐ-CP'],
      ['Nghị định', '120/2020/NĐ-CP', '120/2020/NĐ-CP'],
    ]);
  });
});

const NEGATIVE: string[] = [
  'Quý I/2022',
  '12 tháng',
  '30 phút/01 lần',
  '20.000.000',
  'ngày 20/12/2021',
  'mức độ 3, mức độ 4',
  'Luật ban hành văn bản quy phạm pháp luật',
  'Kế hoạch cải cách hành chính',
  'Số: /KH-SLĐTBXH',
  't/hiện',
  '3/4',
  // more shapes from the seed and around it
  '*(Kèm theo Kế hoạch số /KH-SLĐTBXH ngày /12/2021 của Sở LĐ-TB&XH)*',
  '*(Kèm theo Kế hoạch số /KH-SLDTBXH ngày /12/2021 của Sở LĐ-TB&XH)*',
  'Bình Định, ngày tháng năm 2021',
  'Tờ trình/văn bản đề nghị',
  'Tập thể/cá nhân',
  'đạt 46,09% so với kế hoạch',
  'đã hoàn thành 1.384 nhiệm vụ',
  'giai đoạn 2020 - 2025 và Kế hoạch thực hiện Chương trình hành động ban hành',
  'Quyết định số 3809 của Ủy ban',
  'Nghị quyết Đại hội XX Đảng bộ tỉnh',
  'Lao động-Thương binh và Xã hội',
  '12/UBND',
  '5/ABC-XYZ',
  '1,5/QĐ-UBND',
  'Quyết định\n\nsố',
];

describe('findCitations: not citations', () => {
  it.each(NEGATIVE)('%s', (input) => {
    expect(findCitations(input)).toEqual([]);
  });

  it('needs the type word and the number in the same paragraph', () => {
    const found = findCitations('Quyết định\n\nsố 1/QĐ-UBND');
    expect(found.map((c) => [c.type, c.text])).toEqual([['Quyết định', '1/QĐ-UBND']]);
  });
});

describe('findCitations: Unicode normal forms', () => {
  const nfc = 'Thực hiện theo quyết định số 3809/QĐ-UBND ngày 14 tháng 9 năm 2021 của Ủy ban nhân dân tỉnh.';
  const nfd = nfc.normalize('NFD');

  it('test input really is decomposed', () => {
    expect(nfd).not.toBe(nfc);
    expect(nfd.length).toBeGreaterThan(nfc.length);
  });

  it('normalising first gives the NFC result', () => {
    expect(findCitations(nfd.normalize('NFC'))).toEqual(findCitations(nfc));
  });

  it('accepts NFD and returns offsets into the caller string', () => {
    const c = only(nfd);
    const ref = only(nfc);
    expect(c.symbol).toBe('3809/QĐ-UBND');
    expect(c.type).toBe('Quyết định');
    expect(c.date).toEqual(ref.date);
    expect(c.text).toBe(nfd.slice(c.start, c.end));
    expect(c.text.normalize('NFC')).toBe(ref.text);
    expect(c.start).toBe(nfd.indexOf('quy'));
    expect(c.end).toBe(nfd.indexOf(' của'.normalize('NFD')));
  });

  it('handles a decomposed symbol and date text', () => {
    const s = 'Kế hoạch số 9/KH-SLĐTBXH ngày 5 tháng 1 năm 2022'.normalize('NFD');
    const c = only(s);
    expect(c.symbol).toBe('9/KH-SLĐTBXH');
    expect(c.date?.text).toBe('5 tháng 1 năm 2022');
    expect(c.start).toBe(0);
    expect(c.end).toBe(s.length);
  });
});

describe('isValidDate', () => {
  it.each([
    [2021, 9, 30, true],
    [2021, 9, 31, false],
    [2020, 2, 29, true],
    [2021, 2, 29, false],
    [2020, 2, 30, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2021, 12, 31, true],
    [2021, 13, 1, false],
    [2021, 0, 1, false],
    [2021, 1, 0, false],
    [2021, 1, 1.5, false],
    [0, 1, 1, false],
  ])('%i-%i-%s → %s', (y, m, day, ok) => {
    expect(isValidDate(y, m, day)).toBe(ok);
  });
});

describe('similarNumber', () => {
  it.each([
    ['1847', '1487', 'swapped'],
    ['1487', '1847', 'swapped'],
    ['1847', '1848', 'one-digit'],
    ['12', '21', 'swapped'],
    ['09', '90', 'swapped'],
    ['7', '8', 'one-digit'],
    ['1847', '1847', null],
    ['184', '1847', null],
    ['1847', '8147', 'swapped'],
    ['1847', '7841', null],
    ['1847', '1856', null],
    ['1847', '4817', null],
    ['1847', '2957', null],
    ['18a7', '18b7', null],
  ] as const)('%s vs %s → %s', (a, b, r) => {
    expect(similarNumber(a, b)).toBe(r);
  });
});

describe('similarCitation', () => {
  it('flags 1847/QĐ-TTg vs 1487/QĐ-TTg as swapped', () => {
    const [a, b] = findCitations('Quyết định số 1847/QĐ-TTg và Quyết định số 1487/QĐ-TTg') as [Citation, Citation];
    expect(similarCitation(a, b)).toBe('swapped');
  });

  it('needs the same issuer, code and year', () => {
    const [a, b, c, e] = findCitations('Quyết định số 1847/QĐ-TTg, Quyết định số 1487/QĐ-UBND, Nghị định số 107/2020/NĐ-CP, Nghị định số 170/2021/NĐ-CP') as [
      Citation,
      Citation,
      Citation,
      Citation,
    ];
    expect(similarCitation(a, b)).toBeNull();
    expect(similarCitation(c, e)).toBeNull();
  });

  it('folds the plain-D typo', () => {
    const [a, b] = findCitations('Quyết định số 71/QD-SLDTBXH và Quyết định số 17/QĐ-SLĐTBXH') as [Citation, Citation];
    expect(similarCitation(a, b)).toBe('swapped');
  });
});

describe('formatSymbol', () => {
  it('rebuilds the symbol after the number changes', () => {
    const c = only('Quyết định số 1487/QĐ-TTg');
    expect(formatSymbol({ ...c, number: '1847' })).toBe('1847/QĐ-TTg');
  });

  it('keeps the year, the party form and symbols without a type code', () => {
    expect(formatSymbol(only('Nghị định số 107/2020/NĐ-CP'))).toBe('107/2020/NĐ-CP');
    expect(formatSymbol({ ...only('Chương trình hành động số 09-CTr/TU'), number: '10' })).toBe('10-CTr/TU');
    expect(formatSymbol(only('Luật số 80/2015/QH13'))).toBe('80/2015/QH13');
    expect(formatSymbol(only('Công văn số 12/UBND-VX'))).toBe('12/UBND-VX');
  });
});

describe('typeFromCode', () => {
  it.each([
    ['QĐ', 'Quyết định'],
    ['Q\u00D0', 'Quyết định'],
    ['QD', 'Quyết định'],
    ['NĐ', 'Nghị định'],
    ['TT', 'Thông tư'],
    ['CT', 'Chỉ thị'],
    ['KH', 'Kế hoạch'],
    ['NQ', 'Nghị quyết'],
    ['CTr', 'Chương trình hành động'],
    ['UBND', undefined],
  ] as const)('%s → %s', (code, type) => {
    expect(typeFromCode(code)).toBe(type);
  });

  it('only names types of the closed set', () => {
    for (const code of ['QĐ', 'NĐ', 'TT', 'TTLT', 'CT', 'KH', 'NQ', 'CTr', 'TB', 'HD', 'KL', 'BC', 'TTr']) {
      expect(DOC_TYPES).toContain(typeFromCode(code));
    }
  });
});

// -----------------------------------------------------------------------------------------
// Regression over the real source plan.

const SEED = fileURLToPath(new URL('../fixtures/seed/000_794019feac947687.txt', import.meta.url));

/** Every citation of the seed in document order: [type, symbol, date as written]. */
const SEED_CITATIONS: Array<[DocType, string, string | undefined]> = [
  ['Kế hoạch', '122/KH-UBND', '20/12/2021'],
  ['Chương trình hành động', '09-CTr/TU', '14 tháng 5 năm 2021'],
  ['Quyết định', '3809/QĐ-UBND', '14 tháng 9 năm 2021'],
  ['Quyết định', '4521/QĐ-UBND', '12 tháng 11 năm 2021'],
  ['Nghị định', '107/2020/NĐ-CP', '14 tháng 9 năm 2020'],
  ['Nghị định', '120/2020/NĐ-CP', '07 tháng 10 năm 2020'],
  ['Quyết định', '71/QĐ-SLĐTBXH', '28/02/2017'],
  ['Quyết định', '1847/QĐ-TTg', '27/12/2018'],
  ['Chỉ thị', '26/CT-TTg', '05/9/2016'],
  ['Chỉ thị', '23/CT-UBND', '11/10/2016'],
  ['Nghị định', '59/2019/NĐ-CP', '01/7/2019'],
  ['Nghị định', '130/2005/NĐ-CP', undefined],
  ['Nghị định', '117/2013/NĐ-CP', '07/10/2013'],
  ['Nghị định', '16/2015/NĐ-CP', '14/2/2015'],
  ['Nghị định', '141/2016/NĐ-CP', undefined],
  ['Thông tư', '144/2017/TT-BTC', '29/12/2017'],
  ['Nghị định', '151/2017/NĐ-CP', '26/12/2017'],
  ['Quyết định', '4950/QĐ-UBND', '13/12/2021'],
  ['Quyết định', '71/QĐ-SLĐTBXH', '28/02/2017'],
  ['Quyết định', '1487/QĐ-TTg', undefined],
  ['Quyết định', '22/2012/QĐ-UBND', '12/7/2012'],
];

describe('seed plan (tests/fixtures/seed, a copy of shared/seed/000_794019feac947687.txt)', () => {
  const paragraphs = readFileSync(SEED, 'utf8').split(/\n[^\S\n]*\n/);

  it('finds exactly the citations of the seed, in document order', () => {
    const found = paragraphs.flatMap((p) => findCitations(p));
    expect(found.map((c) => c.symbol)).toEqual(SEED_CITATIONS.map(([, s]) => s));
    expect(found.map((c) => [c.type, c.symbol, c.date?.text])).toEqual(SEED_CITATIONS);
  });

  it('has both 1847/QĐ-TTg and 1487/QĐ-TTg, a swapped pair', () => {
    const found = paragraphs.flatMap((p) => findCitations(p));
    const a = found.find((c) => c.symbol === '1847/QĐ-TTg');
    const b = found.find((c) => c.symbol === '1487/QĐ-TTg');
    expect(a && b && similarCitation(a, b)).toBe('swapped');
  });

  it('keeps offsets, text and dates consistent, and every seed date is valid', () => {
    for (const p of paragraphs) {
      for (const c of findCitations(p)) {
        expect(p.slice(c.start, c.end)).toBe(c.text);
        expect(formatSymbol(c)).toBe(c.symbol);
        if (c.date) expect(c.date.valid).toBe(true);
      }
    }
  });

  it('gives the same result on the whole file and on its NFD form', () => {
    const text = readFileSync(SEED, 'utf8');
    const nfc = findCitations(text);
    const nfd = findCitations(text.normalize('NFD'));
    expect(nfc.map((c) => c.symbol)).toEqual(SEED_CITATIONS.map(([, s]) => s));
    expect(nfd.map((c) => c.symbol)).toEqual(nfc.map((c) => c.symbol));
    expect(nfd.map((c) => c.text.normalize('NFC'))).toEqual(nfc.map((c) => c.text));
  });
});

// -----------------------------------------------------------------------------------------
// Properties over mixtures of the fragments above.

describe('properties', () => {
  const fragment = fc.constantFrom(...POSITIVE.map(([s]) => s), ...BARE.map(([s]) => s), ...NEGATIVE, ' ', ', ', '. ', '\n', ' ngày 20/12/2021', ' và ');
  const text = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(' '));

  it('results are ordered, non-overlapping and slice the input', () => {
    fc.assert(
      fc.property(text, (s) => {
        const found = findCitations(s);
        let last = 0;
        for (const c of found) {
          expect(c.start).toBeGreaterThanOrEqual(last);
          expect(c.end).toBeGreaterThan(c.start);
          expect(s.slice(c.start, c.end)).toBe(c.text);
          if (c.date) expect(c.date.valid).toBe(isValidDate(c.date.year, c.date.month, c.date.day));
          last = c.end;
        }
      }),
    );
  });

  it('NFD input gives the same citations as NFC input', () => {
    fc.assert(
      fc.property(text, (s) => {
        const a = findCitations(s);
        const b = findCitations(s.normalize('NFD'));
        expect(b.map((c) => [c.symbol, c.type, c.date?.text])).toEqual(a.map((c) => [c.symbol, c.type, c.date?.text]));
        expect(b.map((c) => c.text.normalize('NFC'))).toEqual(a.map((c) => c.text.normalize('NFC')));
      }),
    );
  });
});
