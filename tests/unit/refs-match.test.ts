/** Identity of documents, reading the registry, the likely intended document, the plan's cut-off. */
import { describe, expect, it } from 'vitest';
import { documentKey, findCitationPlaces, likelyIntended, planCutoff, readRegistry, sameType, type CitationPlace } from '../../src/check/rules/refs.js';
import { findCitations } from '../../src/model/citation.js';
import type { PlanDocs } from '../../src/check/context.js';
import type { PlanFile, ReferencesFile } from '../../src/model/plan.js';
import { source } from '../helpers.js';

function cite(text: string) {
  const c = findCitations(text)[0];
  if (!c) throw new Error(`no citation in ${text}`);
  return c;
}

function registry(yamlDocs: string) {
  const src = source(`apiVersion: cchc/v1\nkind: References\ndocuments:\n${yamlDocs}`, 'references.yaml');
  return readRegistry({ source: src, data: src.data as ReferencesFile });
}

function placeOf(text: string): CitationPlace {
  const src = source(`title: ${text}\n`, 'tasks.yaml');
  const docs: PlanDocs = { dir: '', folderName: 'x', progress: [], tasks: { source: src } };
  const p = findCitationPlaces(docs)[0];
  if (!p) throw new Error(`no citation in ${text}`);
  return p;
}

const REGISTRY = `
  - type: Quyết định
    symbol: 1847/QĐ-TTg
    date: 2018-12-27
    issuer: Thủ tướng Chính phủ
    subject: phê duyệt Đề án Văn hóa công vụ
  - type: Nghị định
    symbol: 107/2020/NĐ-CP
    issuer: Chính phủ
  - type: Chương trình hành động
    symbol: 09-CTr/TU
    issuer: Tỉnh ủy
`;

describe('documentKey', () => {
  it.each([
    ['Quyết định số 1847/QĐ-TTg', 'Quyết định 1847/QD-TTg', 'a plain D for Đ'],
    ['Chương trình hành động số 09-CTr/TU', 'Chương trình hành động số 9-CTr/TU', 'a leading zero'],
    ['Quyết định số 1847/QĐ-TTg', 'quyết định số 1847/QĐ-TTG', 'the case of the codes'],
    ['Nghị định số 107/2020/NĐ-CP ngày 14/9/2020', 'theo 107/2020/NĐ-CP', 'with or without type word and date'],
  ])('%s and %s are one document (%s)', (a, b) => {
    expect(documentKey(cite(a))).toBe(documentKey(cite(b)));
  });

  it.each([
    ['Quyết định số 1847/QĐ-TTg', 'Quyết định số 1487/QĐ-TTg'],
    ['Nghị định số 107/2020/NĐ-CP', 'Nghị định số 107/2021/NĐ-CP'],
    ['Quyết định số 3809/QĐ-UBND', 'Quyết định số 3809/QĐ-SLĐTBXH'],
    ['Chỉ thị số 26/CT-TTg', 'Kế hoạch số 26/KH-TTg'],
  ])('%s and %s are different documents', (a, b) => {
    expect(documentKey(cite(a))).not.toBe(documentKey(cite(b)));
  });
});

describe('sameType', () => {
  it('"Chương trình" is short for "Chương trình hành động"; other types differ', () => {
    expect(sameType('Chương trình', 'Chương trình hành động')).toBe(true);
    expect(sameType('Quyết định', 'Quyết định')).toBe(true);
    expect(sameType('Quyết định', 'Chỉ thị')).toBe(false);
  });
});

describe('readRegistry', () => {
  it('reads each entry as a citation, with the position of its symbol and date', () => {
    const r = registry(REGISTRY);
    expect(r.map((e) => [e.citation?.symbol, e.problem, e.position.line, e.datePosition.line])).toEqual([
      ['1847/QĐ-TTg', undefined, 6, 7],
      ['107/2020/NĐ-CP', undefined, 11, 11],
      ['09-CTr/TU', undefined, 14, 14],
    ]);
    expect(r[0]!.position.column).toBe(13);
  });

  it('an unknown type and an unreadable symbol are problems, not crashes', () => {
    const r = registry(`
  - type: Công văn hỏa tốc
    symbol: 12/UBND-VX
    issuer: UBND tỉnh
  - type: Quyết định
    symbol: QĐ-UBND/2345
    issuer: UBND tỉnh
  - type: Quyết định
    symbol: 2345/QĐ-UBND ngày 30/12/2022
    issuer: UBND tỉnh
  - type: Quyết định
    symbol: 1/QĐ-UBND và 2/QĐ-UBND
    issuer: UBND tỉnh
`);
    expect(r.map((e) => e.problem)).toEqual(['unknown-type', 'bad-symbol', 'bad-symbol', 'bad-symbol']);
    expect(r.every((e) => e.key === undefined)).toBe(true);
  });

  it('reads a law without a type code (80/2015/QH13) and a joint circular', () => {
    const r = registry(`
  - type: Luật
    symbol: 80/2015/QH13
    issuer: Quốc hội
  - type: Thông tư liên tịch
    symbol: 14/2015/TTLT-BNV-BTC
    issuer: Bộ Nội vụ, Bộ Tài chính
`);
    expect(r.map((e) => [e.problem, e.citation?.issuerCode])).toEqual([
      [undefined, 'QH13'],
      [undefined, 'BNV-BTC'],
    ]);
  });
});

describe('likelyIntended', () => {
  const reg = registry(REGISTRY);

  it('two swapped digits: 1487 for 1847', () => {
    const r = likelyIntended(placeOf('Theo Quyết định số 1487/QĐ-TTg của Thủ tướng Chính phủ'), reg);
    expect([r?.entry.document.symbol, r?.likeness]).toEqual(['1847/QĐ-TTg', 'swapped']);
  });

  it('one digit off, with the same symbol year', () => {
    const r = likelyIntended(placeOf('Nghị định số 108/2020/NĐ-CP'), reg);
    expect([r?.entry.document.symbol, r?.likeness]).toEqual(['107/2020/NĐ-CP', 'one-digit']);
  });

  it('the same subject right after the citation, for a number that is not close', () => {
    const r = likelyIntended(placeOf('Quyết định số 2000/QĐ-TTg về việc phê duyệt Đề án Văn hóa công vụ'), reg);
    expect([r?.entry.document.symbol, r?.likeness]).toEqual(['1847/QĐ-TTg', 'subject']);
  });

  it.each([
    ['another issuer', 'Quyết định số 1487/QĐ-UBND'],
    ['another type code', 'Chỉ thị số 1487/CT-TTg'],
    ['another symbol year', 'Nghị định số 108/2021/NĐ-CP'],
    ['two digits changed', 'Quyết định số 1856/QĐ-TTg'],
    ['the subject after another type', 'Chỉ thị số 2000/CT-TTg về phê duyệt Đề án Văn hóa công vụ'],
    ['the subject far away, after another citation', 'Quyết định số 2000/QĐ-TTg và Nghị định số 5/2019/NĐ-CP về việc phê duyệt Đề án Văn hóa công vụ'],
  ])('nothing for %s (%s)', (_, text) => {
    expect(likelyIntended(placeOf(text), reg)).toBeUndefined();
  });
});

describe('findCitationPlaces', () => {
  it('skips the plan citing itself (its own number and symbol) and reads every text file', () => {
    const plan = source('number: "45"\nsymbol: KH-UBND\npreamble: Kế hoạch số 45/KH-UBND thực hiện Kế hoạch số 150/KH-UBND ngày 28/12/2022\n', 'plan.yaml');
    const budget = source('lines:\n  - content: Khen thưởng theo Nghị định số 91/2017/NĐ-CP\n', 'budget.yaml');
    const progress = source('tasks:\n  - evidence: { document: Quyết định số 12/QĐ-UBND }\n', 'progress/q2.yaml');
    const docs: PlanDocs = { dir: '', folderName: 'x', plan: { source: plan }, budget: { source: budget }, progress: [{ source: progress }] };
    expect(findCitationPlaces(docs).map((p) => `${p.citation.symbol} ${p.file}:${p.position.line}:${p.position.column}`)).toEqual([
      '150/KH-UBND plan.yaml:3:44',
      '91/2017/NĐ-CP budget.yaml:2:31',
    ]);
  });

  it('keeps the date position and the words after the citation', () => {
    const p = placeOf('Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng; Chỉ thị số 26/CT-TTg');
    expect(p.datePosition).toMatchObject({ line: 1, column: 8 + 'Quyết định số 1847/QĐ-TTg ngày '.length });
    expect(p.context).toBe(' của Thủ tướng; ');
  });
});

describe('planCutoff', () => {
  const plan = (over: Partial<PlanFile>) => ({ year: 2022, date: null, ...over }) as PlanFile;
  it('is the plan date when it has one', () => {
    expect(planCutoff(plan({ date: '2022-01-10' }))).toBe('2022-01-10');
  });
  it('is 31/12 of the year before the plan year for a plan without a date (a draft)', () => {
    expect(planCutoff(plan({}))).toBe('2021-12-31');
    expect(planCutoff(plan({ year: 2023 }))).toBe('2022-12-31');
  });
});
