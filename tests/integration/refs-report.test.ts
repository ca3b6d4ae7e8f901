/** refsReport over fixture plans and the 2022 plan: the registry in "Căn cứ" order with the places citing each document. */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, copyPlan, fixturePlan } from '../helpers.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { checkPlan } from '../../src/check/index.js';
import { refsReport } from '../../src/report/refs.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function reportOf(dir: string) {
  const { docs } = loadPlanFolder(dir, dir);
  checkPlan(docs);
  return refsReport(docs);
}

describe('refsReport on refs-mini', () => {
  const r = reportOf(fixturePlan('refs-mini'));

  it('lists the registry in "Căn cứ" order: central, province (Party first), district', () => {
    expect(r.documents.map((d) => `${d.level} ${d.type} ${d.symbol}`)).toEqual([
      'central Nghị quyết 76/NQ-CP',
      'central Nghị định 91/2017/NĐ-CP',
      'central Nghị định 60/2021/NĐ-CP',
      'central Nghị định 107/2021/NĐ-CP',
      'province Chương trình hành động 09-CTr/TU',
      'province Kế hoạch 150/KH-UBND',
      'district Quyết định 2345/QĐ-UBND',
    ]);
  });

  it('gives each document the places citing it, file:line:col, in file order', () => {
    const places = Object.fromEntries(r.documents.map((d) => [d.symbol, d.places.map((p) => `${p.file}:${p.line}:${p.column}`)]));
    expect(places).toEqual({
      '76/NQ-CP': ['plan.yaml:17:5', 'tasks.yaml:9:59'],
      '91/2017/NĐ-CP': ['budget.yaml:15:31'],
      '60/2021/NĐ-CP': ['indicators.yaml:28:57'],
      '107/2021/NĐ-CP': ['plan.yaml:21:48'],
      '09-CTr/TU': ['plan.yaml:18:5'],
      // The preamble (double-quoted) and a legal basis; "Kế hoạch số 45/KH-UBND" is the plan itself.
      '150/KH-UBND': ['plan.yaml:15:22', 'plan.yaml:19:5'],
      // A folded scalar: the line of the citation, not of the key.
      '2345/QĐ-UBND': ['plan.yaml:35:5'],
    });
    expect(r.documents[0]!.places[0]).toEqual({
      file: 'plan.yaml',
      line: 17,
      column: 5,
      text: 'Nghị quyết số 76/NQ-CP ngày 15/7/2021',
      date: '2021-07-15',
    });
    expect(r.documents[0]!.places[1]).toEqual({ file: 'tasks.yaml', line: 9, column: 59, text: 'Nghị quyết số 76/NQ-CP' });
  });

  it('counts the citations and has nothing unregistered', () => {
    expect(r.citations).toBe(9);
    expect(r.unregistered).toEqual([]);
    expect(r.registryFile).toBe('references.yaml');
  });

  it('without a registry: every citation is listed as unregistered, grouped by document, no suggestion', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('refs-mini'));
    cleanups.push(cleanup);
    rmSync(path.join(dir, 'references.yaml'));
    const none = reportOf(dir);
    expect(none.registryFile).toBeUndefined();
    expect(none.documents).toEqual([]);
    expect(none.unregistered.map((u) => [u.symbol, u.places.length, u.date ?? null])).toEqual([
      ['76/NQ-CP', 2, '2021-07-15'],
      ['91/2017/NĐ-CP', 1, '2017-07-31'],
      ['60/2021/NĐ-CP', 1, null],
      ['107/2021/NĐ-CP', 1, '2021-12-06'],
      ['09-CTr/TU', 1, '2021-05-14'],
      // Without the registry's issuer ("UBND huyện Tây Sơn") a UBND document is taken as provincial.
      ['2345/QĐ-UBND', 1, '2022-12-30'],
      ['150/KH-UBND', 2, '2022-12-28'],
    ]);
    expect(none.unregistered.some((u) => u.suggestion)).toBe(false);
  });
});

describe('refsReport on the 2022 plan', () => {
  const r = reportOf(PLAN_2022);

  it('has the 19 registered documents, 24 citations, and the one unregistered 1487/QĐ-TTg', () => {
    expect(r.documents).toHaveLength(19);
    expect(r.citations).toBe(24);
    expect(r.documents.every((d) => d.places.length > 0)).toBe(true);
    expect(r.unregistered.map((u) => [u.symbol, u.suggestion?.symbol, u.suggestion?.likeness])).toEqual([['1487/QĐ-TTg', '1847/QĐ-TTg', 'swapped']]);
    expect(r.unregistered[0]!.places.map((p) => p.file)).toEqual(['tasks.yaml']);
  });

  it('orders it as a "Căn cứ" section: Nghị định, Quyết định TTg, Chỉ thị, Thông tư; Tỉnh ủy; UBND tỉnh; the Sở', () => {
    expect(r.documents.map((d) => d.symbol)).toEqual([
      '130/2005/NĐ-CP',
      '117/2013/NĐ-CP',
      '16/2015/NĐ-CP',
      '141/2016/NĐ-CP',
      '151/2017/NĐ-CP',
      '59/2019/NĐ-CP',
      '107/2020/NĐ-CP',
      '120/2020/NĐ-CP',
      '1847/QĐ-TTg',
      '26/CT-TTg',
      '144/2017/TT-BTC',
      '09-CTr/TU',
      '22/2012/QĐ-UBND',
      '3809/QĐ-UBND',
      '4521/QĐ-UBND',
      '4950/QĐ-UBND',
      '23/CT-UBND',
      '122/KH-UBND',
      '71/QĐ-SLĐTBXH',
    ]);
  });

  it('every date the text gives agrees with the registry', () => {
    for (const d of r.documents) for (const p of d.places) if (p.date) expect(`${d.symbol} ${p.date}`).toBe(`${d.symbol} ${d.date}`);
  });
});
