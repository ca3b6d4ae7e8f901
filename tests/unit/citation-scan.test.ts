/**
 * The citation scanner (src/model/citation.ts symbolMatches) against the reading it replaced:
 * one pattern of the whole grammar, tried from the left at every position of the text. The
 * scanner starts only where a symbol can start and reads the type word backwards; on any
 * text both must find the same matches, with the same groups, refused ones included.
 */
import { describe, expect, it } from 'vitest';
import fc from '../fc.js';
import { DOC_TYPES, findCitations, grammar, shadowOf, symbolMatches, type SymbolMatch } from '../../src/model/citation.js';

/** One class per letter, both cases: "số" → "[sS][ốỐ]". */
function ci(word: string): string {
  return [...word].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toLowerCase()}${ch.toUpperCase()}]`)).join('');
}

/** The whole grammar as two global patterns, as src/model/citation.ts had them. */
function wholePatterns(): { typed: RegExp; bare: RegExp } {
  const g = grammar();
  const typeWords = [...DOC_TYPES]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(' ').map(ci).join(g.WS))
    .join('|');
  return {
    typed: new RegExp(`(?<![${g.LETTER}${g.NUM}])(?<word>${typeWords})${g.WS}(?:(?<so>${ci('số')})${g.HS}:?${g.HS})?` + g.symbol(g.HS) + g.DATE, 'gd'),
    bare: new RegExp(g.BARE_BEFORE + g.symbol('') + g.DATE, 'gd'),
  };
}

function scanFromLeft(re: RegExp, shadow: string): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(shadow); m !== null; m = re.exec(shadow)) {
    out.push({ start: m.index, end: m.index + m[0].length, groups: { ...m.indices?.groups } });
  }
  return out;
}

const whole = wholePatterns();

function fromLeft(text: string): { typed: SymbolMatch[]; bare: SymbolMatch[] } {
  const shadow = shadowOf(text);
  return { typed: scanFromLeft(whole.typed, shadow), bare: scanFromLeft(whole.bare, shadow) };
}

/** Groups that did not take part are left out, so both readings compare alike. */
function plain(ms: SymbolMatch[]): unknown[] {
  return ms.map((m) => ({ start: m.start, end: m.end, groups: Object.fromEntries(Object.entries(m.groups).filter(([, v]) => v !== undefined)) }));
}

function expectSame(text: string): void {
  const a = symbolMatches(text);
  const b = fromLeft(text);
  expect(plain(a.typed), JSON.stringify(text)).toEqual(plain(b.typed));
  expect(plain(a.bare), JSON.stringify(text)).toEqual(plain(b.bare));
}

describe('the scanner reads as the whole grammar from the left', () => {
  const cases = [
    'Quyết định số 3809/QĐ-UBND ngày 14 tháng 9 năm 2021',
    'theo Bộ luật số 45/2019/QH14 và Luật 80/2015/QH13',
    'Bộ luật 45/2019/QH14',
    'Chương trình hành động số 09-CTr/TU ngày 14/5/2021',
    'Chương trình 09-CTr/TU',
    'NGHỊ QUYẾT LIÊN TỊCH số 1/2020/NQLT-BNV',
    'Quyết định số: 12 / QĐ-UBND',
    'Quyết định:12/QĐ-UBND',
    'Quyết\nđịnh\nsố 12/QĐ-UBND',
    'Quyết định\n\nsố 12/QĐ-UBND',
    'Quyết định 12/QĐ-UBND, ngày 01.02.2022 và 13/QĐ-UBND',
    'văn bản hướng dẫn 107/2020/NĐ-CP',
    'aQuyết định số 12/QĐ-UBND',
    '1Quyết định số 12/QĐ-UBND',
    'Quyết định số 12345678/QĐ-UBND',
    'Quyết định số 12/QĐ-UBNDx 1/2/2022',
    'Số: /KH-SLĐTBXH; Quý I/2022; 30 phút/01 lần; 3/4',
    '1.107/2020/NĐ-CP, 2,107/2020/NĐ-CP, a/107/2020/NĐ-CP, -107/2020/NĐ-CP',
    'Kế hoạch số 5-KH/TU Kế hoạch số 6-KH/TU',
    // The first symbol takes "Bộ" (a code segment): the next type word is "luật" alone.
    'Quyết định 12/QĐ-Bộ luật 45/2019/QH14',
  ];
  for (const text of cases) it(JSON.stringify(text), () => expectSame(text));

  it('finds the citations the cases are about', () => {
    expect(findCitations(cases[1]!).map((c) => [c.type, c.symbol])).toEqual([
      ['Bộ luật', '45/2019/QH14'],
      ['Luật', '80/2015/QH13'],
    ]);
  });

  // Fragments joined with nothing between them, so that words, numbers and marks meet in
  // every order: inside words, across line breaks, after a match that took the text.
  const fragment = fc.constantFrom(
    ...DOC_TYPES,
    'QUYẾT ĐỊNH',
    'quyết  định',
    'Quyết\nđịnh',
    'Quyết\n\nđịnh',
    'bộ luật',
    'Bộ',
    'QĐ-Bộ',
    'Chương trình hành\nđộng',
    'số',
    'Số',
    'SỐ',
    ':',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\n\n',
    '12',
    '3809',
    '0',
    '12345678',
    '2020',
    '/',
    ' / ',
    '-',
    '\u2013',
    'QĐ-UBND',
    'NĐ-CP',
    'CTr',
    'TU',
    'UBND',
    'QĐ',
    'TTg',
    'ĐA',
    'qđ',
    'Sở',
    'KH-SLĐTBXH',
    'QH14',
    'TB&XH',
    'ngày',
    'Ngày',
    ' ngày ',
    '14/9/2021',
    '14 tháng 9 năm 2021',
    '05.9.2016',
    ',',
    'a',
    'é',
    'Ω',
    '中',
    '𝐀',
    '𝟏',
    '😀',
    '\uD800',
    '\uDC00',
    '²',
    '_',
    '&',
    '.',
    '1.',
    'và',
  );
  const text = fc.array(fragment, { maxLength: 16 }).map((parts) => parts.join(''));

  it('on any mixture of the grammar’s pieces', () => {
    fc.assert(
      fc.property(text, (s) => expectSame(s)),
      { numRuns: 3000 },
    );
  });

  // Citations built piece by piece, each piece right, nearly right or wrong: a symbol in
  // either form with or without spaces, codes of every kind of segment, every form of date,
  // what may stand before and after them.
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const ws = pick('', ' ', '  ', '\t', '\n', ' \n ', '\n\n', '\u00a0');
  const num = pick('1', '09', '3809', '1234567', '12345678', 'x');
  const segment = pick(
    'QĐ',
    'UBND',
    'TTg',
    'CTr',
    'TB&XH',
    'QH14',
    'ND',
    'SLĐTBXH',
    'qđ',
    'Sở',
    'ĐA',
    'X',
    'TTgg',
    'A1b2',
    'ΩΣ',
    'Жx',
    'Q²',
    'Q𝟏',
    'A𝐀',
    '\uDC00',
    '&',
    '',
  );
  const dash = pick('-', '\u2013', '\u2014', '', '_');
  const code = fc.array(fc.tuple(dash, segment), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([d, s], i) => (i === 0 ? s : d + s)).join(''));
  const gap = pick('', '', ' ', '  ', '\n');
  const year = pick('2020', '202', '20201', '');
  const stateForm = fc.tuple(num, gap, gap, year, gap, code).map(([n, g1, g2, y, g3, c]) => `${n}${g1}/${g2}${y ? `${y}${g3}/${g3}` : ''}${c}`);
  const partyForm = fc.tuple(num, dash, segment, gap, code).map(([n, d, s, g, c]) => `${n}${d}${s}${g}/${g}${c}`);
  const day = pick('1', '14', '123', '');
  const sep = pick('/', '.', '-', ' ');
  const dateWord = pick('ngày', 'Ngày', 'NGÀY', 'ngay', 'ngàyx');
  const numeric = fc.tuple(day, sep, day, sep, pick('2021', '20211', '21')).map(([d, s1, m, s2, y]) => `${d}${s1}${m}${s2}${y}`);
  const worded = fc
    .tuple(day, ws, pick('tháng', 'Tháng', 'THÁNG', 'thang'), ws, day, ws, pick('năm', 'NĂM', 'nam'), ws, pick('2021', '20211'))
    .map((p) => p.join(''));
  const date = fc.oneof(
    pick(''),
    fc.tuple(pick('', ',', ' ,', ', '), ws, dateWord, ws, fc.oneof(numeric, worded)).map((p) => p.join('')),
  );
  const before = pick(
    '',
    '𝐀',
    '𝟏',
    '\uDC00',
    'theo ',
    'Quyết định số ',
    'Quyết định ',
    'Bộ luật ',
    'Nghị định số: ',
    'a',
    '1',
    '1.',
    '1,',
    '/',
    '_',
    '-',
    '&',
    'Chương trình hành động số ',
    'NGHỊ QUYẾT LIÊN TỊCH số ',
    'Kế hoạch\n\nsố ',
    'số ',
  );
  const after = pick('', ' ', '-', '-x', '-1', 'a', 'A', '&', '.', ',', '/', '1', '²', '𝐀', '𝟏', '-𝐀', '\uD800');
  const citation = fc.tuple(before, fc.oneof(stateForm, partyForm), date, after).map((p) => p.join(''));
  const citations = fc.array(citation, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(' '));

  it('on citations built piece by piece, right, nearly right or wrong', () => {
    fc.assert(
      fc.property(citations, (s) => expectSame(s)),
      { numRuns: 5000 },
    );
  });
});
