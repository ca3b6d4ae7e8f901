import { describe, it, expect } from 'vitest';
import fc from '../fc.js';
import { moneyToWords, wordsToAmount, normalizeMoneyWords, moneyWordsMatch } from '../../src/model/money-words.js';

/** Lower-case words without currency, as in the DOMAIN.md table. */
const bare = (n: bigint | number): string => moneyToWords(n, { currency: null }).toLowerCase();

describe('moneyToWords: DOMAIN.md vector table ("linh" style)', () => {
  it.each<[number, string]>([
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [54, 'năm mươi tư'],
    [301, 'ba trăm linh một'],
    [505, 'năm trăm linh năm'],
    [1005, 'một nghìn không trăm linh năm'],
    [1025, 'một nghìn không trăm hai mươi lăm'],
    [46704, 'bốn mươi sáu nghìn bảy trăm linh bốn'],
    [600001, 'sáu trăm nghìn không trăm linh một'],
    [1000024, 'một triệu không trăm hai mươi tư'],
    [1060000, 'một triệu không trăm sáu mươi nghìn'],
    [23010000, 'hai mươi ba triệu không trăm mười nghìn'],
    [1100000000, 'một tỷ một trăm triệu'],
    [2030000305, 'hai tỷ không trăm ba mươi triệu ba trăm linh năm'],
  ])('%i → %s', (n, words) => {
    const out = moneyToWords(n, { currency: null });
    expect(out).toBe(words.charAt(0).toUpperCase() + words.slice(1));
    expect(bare(BigInt(n))).toBe(words);
    expect(wordsToAmount(words)).toBe(BigInt(n));
  });

  it('20000000 đồng → "Hai mươi triệu đồng" (default currency)', () => {
    expect(moneyToWords(20000000)).toBe('Hai mươi triệu đồng');
    expect(moneyToWords(20000000n)).toBe('Hai mươi triệu đồng');
  });
});

describe('moneyToWords: hand-derived edge vectors', () => {
  it.each<[bigint, string]>([
    [0n, 'không'],
    [1n, 'một'],
    [4n, 'bốn'],
    [5n, 'năm'],
    [10n, 'mười'],
    [11n, 'mười một'],
    [14n, 'mười bốn'],
    [20n, 'hai mươi'],
    [24n, 'hai mươi tư'],
    [25n, 'hai mươi lăm'],
    [31n, 'ba mươi mốt'],
    [44n, 'bốn mươi tư'],
    [51n, 'năm mươi mốt'],
    [55n, 'năm mươi lăm'],
    [99n, 'chín mươi chín'],
    [100n, 'một trăm'],
    [101n, 'một trăm linh một'],
    [104n, 'một trăm linh bốn'],
    [105n, 'một trăm linh năm'],
    [110n, 'một trăm mười'],
    [111n, 'một trăm mười một'],
    [114n, 'một trăm mười bốn'],
    [115n, 'một trăm mười lăm'],
    [121n, 'một trăm hai mươi mốt'],
    [1000n, 'một nghìn'],
    [1001n, 'một nghìn không trăm linh một'],
    [1010n, 'một nghìn không trăm mười'],
    [1100n, 'một nghìn một trăm'],
    [10000n, 'mười nghìn'],
    [15000n, 'mười lăm nghìn'],
    [21000n, 'hai mươi mốt nghìn'],
    [100000n, 'một trăm nghìn'],
    [1000000n, 'một triệu'],
    [1000001n, 'một triệu không trăm linh một'],
    [1001000n, 'một triệu không trăm linh một nghìn'],
    [999999999n, 'chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
    [10n ** 9n, 'một tỷ'],
    [10n ** 9n + 5n, 'một tỷ không trăm linh năm'],
    [10n ** 9n + 1000000n, 'một tỷ không trăm linh một triệu'],
    [10n ** 12n, 'một nghìn tỷ'],
    [10n ** 12n + 1000n, 'một nghìn tỷ không trăm linh một nghìn'],
    [1001n * 10n ** 9n, 'một nghìn không trăm linh một tỷ'],
    [1234567891011n, 'một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt nghìn không trăm mười một'],
    [10n ** 15n, 'một triệu tỷ'],
    [25n * 10n ** 15n, 'hai mươi lăm triệu tỷ'],
    [10n ** 18n, 'một tỷ tỷ'],
    [10n ** 18n + 1n, 'một tỷ tỷ không trăm linh một'],
    [10n ** 21n, 'một nghìn tỷ tỷ'],
    [10n ** 24n, 'một triệu tỷ tỷ'],
    [10n ** 27n, 'một tỷ tỷ tỷ'],
    [
      9007199254740991n,
      'chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt',
    ],
  ])('%s → %s', (n, words) => {
    expect(bare(n)).toBe(words);
    expect(wordsToAmount(words)).toBe(n);
  });

  it('exact output with capital first letter and currency', () => {
    expect(moneyToWords(1001)).toBe('Một nghìn không trăm linh một đồng');
    expect(moneyToWords(0)).toBe('Không đồng');
    expect(moneyToWords(1005, { currency: null })).toBe('Một nghìn không trăm linh năm');
    expect(moneyToWords(10n ** 18n)).toBe('Một tỷ tỷ đồng');
    expect(moneyToWords(5, { currency: 'đồng Việt Nam' })).toBe('Năm đồng Việt Nam');
    expect(moneyToWords(5, { currency: '' })).toBe('Năm');
  });

  it('number and bigint inputs agree', () => {
    expect(moneyToWords(Number.MAX_SAFE_INTEGER)).toBe(moneyToWords(BigInt(Number.MAX_SAFE_INTEGER)));
    expect(moneyToWords(-0)).toBe('Không đồng');
  });
});

describe('moneyToWords: "lẻ" and "ngàn" styles', () => {
  it.each<[number, { zeroTens?: 'linh' | 'lẻ'; thousand?: 'nghìn' | 'ngàn' }, string]>([
    [301, { zeroTens: 'lẻ' }, 'Ba trăm lẻ một'],
    [1005, { zeroTens: 'lẻ' }, 'Một nghìn không trăm lẻ năm'],
    [1025, { zeroTens: 'lẻ' }, 'Một nghìn không trăm hai mươi lăm'],
    [46704, { thousand: 'ngàn' }, 'Bốn mươi sáu ngàn bảy trăm linh bốn'],
    [600001, { zeroTens: 'lẻ', thousand: 'ngàn' }, 'Sáu trăm ngàn không trăm lẻ một'],
    [1000, { thousand: 'ngàn' }, 'Một ngàn'],
    [1060000, { thousand: 'ngàn' }, 'Một triệu không trăm sáu mươi ngàn'],
  ])('%i %o → %s', (n, style, words) => {
    expect(moneyToWords(n, { ...style, currency: null })).toBe(words);
    expect(wordsToAmount(words)).toBe(BigInt(n));
  });

  it('10^12 in "ngàn" style is "một ngàn tỷ"', () => {
    expect(moneyToWords(10n ** 12n, { thousand: 'ngàn' })).toBe('Một ngàn tỷ đồng');
  });
});

describe('moneyToWords: invalid amounts', () => {
  it.each<[number]>([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53], [-0.5]])('%d throws RangeError', (n) => {
    expect(() => moneyToWords(n)).toThrow(RangeError);
  });

  it('negative bigint throws RangeError', () => {
    expect(() => moneyToWords(-1n)).toThrow(RangeError);
  });

  it('moneyWordsMatch rejects an invalid amount with RangeError', () => {
    expect(() => moneyWordsMatch('Một đồng', 0.5)).toThrow(RangeError);
  });
});

describe('normalizeMoneyWords', () => {
  it.each<[string, string]>([
    ['Hai mươi triệu đồng', 'hai mươi triệu'],
    ['(Một nghìn không trăm lẻ năm đồng chẵn./.)', 'một nghìn không trăm linh năm'],
    ['  BỐN   MƯƠI sáu\tngàn\u00a0bảy trăm lẻ bốn  ', 'bốn mươi sáu nghìn bảy trăm linh bốn'],
    ['Hai mươi triệu chẵn đồng.', 'hai mươi triệu'],
    ['(Hai mươi triệu đồng)./.', 'hai mươi triệu'],
    ['Hai mươi triệu đồng đồng', 'hai mươi triệu đồng'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(normalizeMoneyWords(input)).toBe(key);
  });

  it('turns NFD input into NFC', () => {
    const nfd = 'Một nghìn không trăm linh năm đồng'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const out = normalizeMoneyWords(nfd);
    expect(out).toBe('một nghìn không trăm linh năm');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('moneyWordsMatch: accepted variants', () => {
  const nfd = (s: string): string => s.normalize('NFD');
  it.each<[string, bigint | number]>([
    ['Hai mươi triệu đồng', 20000000],
    ['hai mươi triệu đồng', 20000000],
    ['HAI MƯƠI TRIỆU ĐỒNG', 20000000],
    ['  Hai   mươi\ttriệu \n đồng  ', 20000000],
    ['Hai mươi triệu', 20000000],
    ['Hai mươi triệu đồng chẵn', 20000000],
    ['Hai mươi triệu chẵn đồng', 20000000],
    ['Hai mươi triệu chẵn', 20000000],
    ['Hai mươi triệu đồng.', 20000000],
    ['Hai mươi triệu đồng./.', 20000000],
    ['Hai mươi triệu đồng chẵn./.', 20000000],
    ['(Hai mươi triệu đồng)', 20000000],
    ['(Hai mươi triệu đồng chẵn./.)', 20000000],
    ['(Hai mươi triệu đồng).', 20000000],
    [nfd('Một nghìn không trăm linh năm đồng'), 1005],
    [nfd('(Bốn mươi sáu ngàn bảy trăm lẻ bốn đồng)'), 46704],
    ['Một nghìn không trăm lẻ năm đồng', 1005],
    ['Một ngàn không trăm linh năm đồng', 1005],
    ['Một ngàn không trăm lẻ năm đồng', 1005],
    ['Sáu trăm ngàn không trăm lẻ một', 600001],
    ['Không đồng', 0],
    ['Một nghìn tỷ đồng', 10n ** 12n],
    ['một ngàn tỷ đồng chẵn', 10n ** 12n],
    ['Một tỷ tỷ đồng', 10n ** 18n],
  ])('%j matches %s', (declared, amount) => {
    const r = moneyWordsMatch(declared, amount);
    expect(r.ok).toBe(true);
    expect(r.declaredAmount).toBe(BigInt(amount));
    expect(r.expected).toBe(moneyToWords(amount));
  });
});

describe('moneyWordsMatch: rejected differences', () => {
  it.each<[string, bigint | number, bigint | null]>([
    // a different number
    ['Hai mươi mốt triệu đồng', 20000000, 21000000n],
    ['Hai mươi triệu đồng', 20000001, 20000000n],
    ['Hai trăm triệu đồng', 20000000, 200000000n],
    // a dropped "không trăm" (the buggy-library form)
    ['Một nghìn lẻ một đồng', 1001, null],
    ['Một nghìn linh một đồng', 1001, null],
    ['Một triệu hai mươi tư', 1000024, null],
    // non-accounting forms of the units and tens
    ['Năm mươi bốn đồng', 54, null],
    ['Mười năm đồng', 15, null],
    ['Hai mươi một đồng', 21, null],
    ['Mười tư đồng', 14, null],
    ['Mười mốt đồng', 11, null],
    ['Một mươi đồng', 10, null],
    ['Một trăm một mươi đồng', 110, null],
    ['Linh năm đồng', 5, null],
    ['Không trăm linh năm đồng', 5, null],
    ['Ba trăm một đồng', 301, null],
    // unlisted spellings and shapes
    ['Hai mươi tỉ đồng', 20n * 10n ** 9n, null],
    ['Một nghìn tỷ một tỷ đồng', 1001n * 10n ** 9n, null],
    ['Bằng chữ: Hai mươi triệu đồng', 20000000, null],
    ['Hai mươi triệu đô la', 20000000, null],
    ['Hai mươi triệu đồng đồng', 20000000, null],
    ['Hai mươi triệu chẵn chẵn', 20000000, null],
    ['(Hai mươi triệu đồng', 20000000, null],
    ['triệu đồng', 1000000, null],
    ['tỷ', 10n ** 9n, null],
    ['', 0, null],
    ['đồng', 0, null],
  ])('%j does not match %s', (declared, amount, declaredAmount) => {
    const r = moneyWordsMatch(declared, amount);
    expect(r.ok).toBe(false);
    expect(r.declaredAmount).toBe(declaredAmount);
    expect(r.expected).toBe(moneyToWords(amount));
  });
});

describe('wordsToAmount', () => {
  it('parses every accepted variant and rejects malformed input', () => {
    expect(wordsToAmount('(Một ngàn không trăm lẻ năm đồng chẵn./.)')).toBe(1005n);
    expect(wordsToAmount('một trăm')).toBe(100n);
    expect(wordsToAmount('một trăm trăm')).toBeNull();
    expect(wordsToAmount('mười một mười')).toBeNull();
    expect(wordsToAmount('một triệu triệu')).toBeNull();
    expect(wordsToAmount('không tỷ')).toBeNull();
    expect(wordsToAmount('một nghìn triệu')).toBeNull();
    expect(wordsToAmount('abc')).toBeNull();
  });
});

describe('properties (fast-check)', () => {
  const amount = fc.bigInt({ min: 0n, max: 10n ** 18n });
  const runs = { numRuns: 500 };

  it('wordsToAmount(moneyToWords(n)) === n', () => {
    fc.assert(
      fc.property(amount, (n) => wordsToAmount(moneyToWords(n)) === n),
      runs,
    );
  });

  it('round trip also holds in every style and beyond 10^18', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.constantFrom<'linh' | 'lẻ'>('linh', 'lẻ'),
        fc.constantFrom<'nghìn' | 'ngàn'>('nghìn', 'ngàn'),
        (n, zeroTens, thousand) => wordsToAmount(moneyToWords(n, { zeroTens, thousand })) === n,
      ),
      runs,
    );
  });

  it('words of n and n+1 differ', () => {
    fc.assert(
      fc.property(amount, (n) => moneyToWords(n) !== moneyToWords(n + 1n)),
      runs,
    );
  });

  it('output is NFC, starts with an upper-case letter, rest lower case, ends with " đồng"', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const w = moneyToWords(n);
        const first = w.charAt(0);
        return (
          w === w.normalize('NFC') &&
          first !== first.toLowerCase() &&
          first === first.toUpperCase() &&
          w.slice(1) === w.slice(1).toLowerCase() &&
          w.endsWith(' đồng') &&
          !/\s{2}/u.test(w)
        );
      }),
      runs,
    );
  });

  it('"lẻ" style words match the amount', () => {
    fc.assert(
      fc.property(amount, (n) => moneyWordsMatch(moneyToWords(n, { zeroTens: 'lẻ' }), n).ok),
      runs,
    );
  });

  it('words of n do not match n+1 and report n as the declared amount', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const r = moneyWordsMatch(moneyToWords(n), n + 1n);
        return !r.ok && r.declaredAmount === n;
      }),
      runs,
    );
  });

  it('number and bigint agree on safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => moneyToWords(n) === moneyToWords(BigInt(n))),
      runs,
    );
  });
});
