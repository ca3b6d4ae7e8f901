/**
 * The document builders (src/render/docx/*), pure: the parts of the header, the report's
 * rules, and the plan body's structure on plans of two shapes, without writing any file.
 */
import { describe, it, expect } from 'vitest';
import { PLAN_2022, checkFolder, fixturePlan } from '../helpers.js';
import type { Plan } from '../../src/model/plan.js';
import { blockText, roman, type Block } from '../../src/render/docx/document.js';
import { numberLine, placeAndDate, subjectOf } from '../../src/render/docx/official.js';
import { planAsDocument, planBody } from '../../src/render/docx/plan-document.js';
import { nextCutOff, reportRecipients, reportSymbol, statusAsReportDocument, taskResult } from '../../src/render/docx/report-document.js';
import { sheetAsBlocks, cellText } from '../../src/render/docx/sheet-blocks.js';
import { appendix2AsSheet } from '../../src/render/appendix-sheets.js';
import { computeStatus } from '../../src/report/status.js';
import { parsePeriod } from '../../src/model/period.js';
import { documentAsDocx, PAGE, xmlText } from '../../src/render/docx/ooxml.js';
import { inflateRawSync } from 'node:zlib';
import { crc32, crc32Table } from '../../src/render/docx/zip.js';

function load(dir: string): Plan {
  const { plan } = checkFolder(dir);
  if (!plan) throw new Error(`no plan in ${dir}`);
  return plan;
}

const texts = (bs: Block[]) => bs.map(blockText);

describe('header parts', () => {
  it('writes the place and date in full, with leading zeros for day < 10 and months 1–2, dotted when absent', () => {
    expect(placeAndDate('Tây Sơn', '2023-01-10')).toBe('Tây Sơn, ngày 10 tháng 01 năm 2023');
    expect(placeAndDate('Bình Định', '2022-11-05')).toBe('Bình Định, ngày 05 tháng 11 năm 2022');
    expect(placeAndDate('Bình Định', null)).toBe('Bình Định, ngày ..... tháng ..... năm .......');
  });

  it('writes the number line, dotted on a draft', () => {
    expect(numberLine('45', 'KH-UBND')).toBe('Số: 45/KH-UBND');
    expect(numberLine(null, 'KH-SLĐTBXH')).toBe('Số: ....../KH-SLĐTBXH');
  });

  it('takes the subject from the title', () => {
    expect(subjectOf('Kế hoạch cải cách hành chính năm 2022')).toBe('Cải cách hành chính năm 2022');
    expect(subjectOf('Chương trình cải cách')).toBe('Chương trình cải cách');
  });

  it('numbers sections in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 14, 40].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XL']);
  });
});

describe('the plan body', () => {
  it('follows the plan: sections I–IV, areas with a) and b), the closing line last', () => {
    const body = texts(planBody(load(PLAN_2022)));
    expect(body.filter((t) => /^[IV]+\. /.test(t))).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    // One indicator: inline after "a) Chỉ tiêu:"; several: a "-" list.
    expect(body).toContain(
      'a) Chỉ tiêu: 100% văn bản quy phạm pháp luật được ban hành đúng trình tự, thủ tục, thẩm quyền và đảm bảo chất lượng theo quy định của Luật ban hành văn bản quy phạm pháp luật và các văn bản dưới luật hướng dẫn việc thực hiện.',
    );
    expect(body[body.indexOf('7. Xây dựng và phát triển chính quyền điện tử') + 1]).toBe('a) Chỉ tiêu:');
    expect(body.at(-1)).toMatch(/^Trên đây là Kế hoạch/);
    // Every legal basis is cited word for word in the text already: no "Căn cứ" line is added.
    expect(body.some((t) => t.startsWith('Căn cứ'))).toBe(false);
  });

  it('numbers what a smaller plan has, and adds a "Căn cứ" line for a basis the text does not cite', () => {
    const plan = load(fixturePlan('mini'));
    const withBasis: Plan = { ...plan, meta: { ...plan.meta, legalBases: ['Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư'] } };
    const body = texts(planBody(withBasis));
    expect(body[0]).toBe('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;');
    expect(body.filter((t) => /^[IV]+\. /.test(t))).toEqual(['I. MỤC ĐÍCH', 'II. CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP', 'III. KINH PHÍ THỰC HIỆN']);
  });

  it('marks a draft, and only a draft', () => {
    expect(planAsDocument(load(PLAN_2022)).firstPageMark).toBe('DỰ THẢO');
    expect(planAsDocument(load(fixturePlan('mini'))).firstPageMark).toBeUndefined();
  });
});

describe('appendix tables from the sheet model', () => {
  it('turns Phụ lục II into a title, a table with a repeated header and the words line', () => {
    const plan = load(PLAN_2022);
    const blocks = sheetAsBlocks(appendix2AsSheet(plan, { lang: 'vi' }));
    const table = blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.headerRows).toBe(1);
    const last = table.rows.at(-1)!;
    expect(last[0]!.colSpan).toBe(5);
    expect(texts(blocks).at(-1)).toBe('(Bằng chữ: Hai mươi triệu đồng)');
  });

  it('writes numbers, percentages and dates the Vietnamese way', () => {
    expect(cellText({ value: { kind: 'number', value: 20000000 }, style: { numFmt: '#,##0' } })).toBe('20.000.000');
    expect(cellText({ value: { kind: 'number', value: 0.4609 }, style: { numFmt: '0.00%' } })).toBe('46,09%');
    expect(cellText({ value: { kind: 'date', date: '2022-09-14' } })).toBe('14/09/2022');
  });
});

describe('the report', () => {
  it('takes its symbol from the plan, its next cut-off from the reporting calendar', () => {
    expect(reportSymbol('KH-SLĐTBXH')).toBe('BC-SLĐTBXH');
    expect(reportSymbol('UBND')).toBe('BC-UBND');
    expect(nextCutOff('2022-09-14', 2022)).toBe('2022-12-14');
    expect(nextCutOff('2022-03-13', 2022)).toBe('2022-03-14');
    expect(nextCutOff('2022-12-14', 2022)).toBe('2022-12-31');
  });

  it('sends the report to the recipients the plan reports to, and keeps the Lưu line', () => {
    expect(reportRecipients(['UBND tỉnh (báo cáo)', 'Sở Nội vụ (báo cáo)', 'Các phòng (t/hiện)', 'Lưu: VT, VP'])).toEqual([
      'UBND tỉnh (báo cáo)',
      'Sở Nội vụ (báo cáo)',
      'Lưu: VT, VP',
    ]);
    expect(reportRecipients(['UBND tỉnh', 'Lưu: VT'])).toEqual(['UBND tỉnh', 'Lưu: VT']);
  });

  it('names each task state, late and overdue included', () => {
    const base = {
      no: 1,
      area: 1,
      title: '',
      lead: '',
      leadIds: [],
      percent: 0,
      deadline: '',
      due: '2022-03-31',
      openEnded: false,
      overdue: false,
      finishedLate: false,
    };
    expect(taskResult({ ...base, status: 'done' })).toBe('Hoàn thành');
    expect(taskResult({ ...base, status: 'done', finishedLate: true })).toBe('Hoàn thành trễ hạn');
    expect(taskResult({ ...base, status: 'in-progress', overdue: true })).toBe('Quá hạn');
    expect(taskResult({ ...base, status: 'not-started' })).toBe('Chưa thực hiện');
  });

  it('marks illustrative progress on every page and official progress nowhere', () => {
    const plan = load(PLAN_2022);
    const r = computeStatus(plan, { period: parsePeriod('2022-9M')!, today: '2022-12-31' });
    expect(statusAsReportDocument(r, plan).everyPageMark).toBe('SỐ LIỆU MINH HỌA — không phải kết quả chính thức');
    const ten = load(fixturePlan('status-ten'));
    expect(statusAsReportDocument(computeStatus(ten, { asOf: '2024-07-01', today: '2024-12-31' }), ten).everyPageMark).toBeUndefined();
  });
});

describe('the writer', () => {
  it('computes the CRC-32 of the zip entries (the check value of the standard)', () => {
    for (const f of [crc32, crc32Table]) {
      expect(f(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
      expect(f(new Uint8Array())).toBe(0);
    }
  });

  it('escapes text and drops the characters XML cannot hold', () => {
    expect(xmlText('a < b & "c" > d\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('writes the same bytes for the same plan and time', () => {
    const plan = load(fixturePlan('mini'));
    const at = new Date('2023-01-10T00:00:00Z');
    expect(Buffer.from(documentAsDocx(planAsDocument(plan), { created: at })).equals(Buffer.from(documentAsDocx(planAsDocument(plan), { created: at })))).toBe(
      true,
    );
  });
});

/** One entry of a .docx, read from its local file header (the writer stores sizes there). */
function entry(docx: Uint8Array, name: string): string {
  const b = Buffer.from(docx);
  let at = 0;
  while (b.readUInt32LE(at) === 0x04034b50) {
    const size = b.readUInt32LE(at + 18);
    const nameLen = b.readUInt16LE(at + 26);
    const start = at + 30 + nameLen + b.readUInt16LE(at + 28);
    if (b.toString('utf8', at + 30, at + 30 + nameLen) === name) return inflateRawSync(b.subarray(start, start + size)).toString('utf8');
    at = start + size;
  }
  throw new Error(`no ${name}`);
}

const nums = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => Number(m[1]));

describe('the header table', () => {
  // The Quốc hiệu, bold at 12 pt, in DejaVu Serif (LibreOffice's face where Times New Roman
  // is missing, and the wider one) is 292.8 pt long: measured by pdftotext -bbox.
  const MOTTO_DEJAVU = Math.ceil(292.8 * 20);
  const CELL_MARGINS = 160;
  const MM = 1440 / 25.4;

  it('gives the Quốc hiệu 60% of a fixed table, wide enough for one line, the same widths in grid and cells', () => {
    const plan = load(PLAN_2022);
    const report = statusAsReportDocument(computeStatus(plan, { period: parsePeriod('2022-9M')!, today: '2022-12-31' }), plan);
    for (const doc of [planAsDocument(plan), report]) {
      const xml = entry(documentAsDocx(doc, { created: new Date('2023-01-10T00:00:00Z') }), 'word/document.xml');
      const table = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)![0];
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = nums(table, /<w:gridCol w:w="(\d+)"\/>/g);
      const [left, right] = grid as [number, number];
      expect(grid).toHaveLength(2);
      expect(nums(table, /<w:tcW w:w="(\d+)" w:type="dxa"\/>/g)).toEqual(grid);
      expect(nums(table, /<w:tblW w:w="(\d+)" w:type="dxa"\/>/g)).toEqual([left + right]);
      // The text width and 10 + 5 mm of the margins: 180 mm, 72 and 108 mm.
      expect(left + right).toBeGreaterThanOrEqual(PAGE.width - PAGE.margin.left - PAGE.margin.right + Math.round(15 * MM) - 2);
      expect(table).toContain(`<w:tblInd w:w="${-Math.round(10 * MM)}" w:type="dxa"/>`);
      expect(right / (left + right)).toBeCloseTo(0.6, 2);
      expect(right - CELL_MARGINS).toBeGreaterThanOrEqual(MOTTO_DEJAVU);
      expect(table).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
  });
});
