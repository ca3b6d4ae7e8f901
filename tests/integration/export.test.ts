/**
 * The workbook of `cchc export`, read back with exceljs's reader (STYLE.md practice 8:
 * workbooks are tested by reading them, not by trusting the writer). In-process over the
 * fixture plans; the spawned command is tested in tests/cli/export.test.ts.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PLAN_2022, fixturePlan, copyPlan, tempDir } from '../helpers.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { checkPlan } from '../../src/check/index.js';
import { computeStatus } from '../../src/report/status.js';
import { parsePeriod } from '../../src/model/period.js';
import { workbookSheets, type SheetKey } from '../../src/render/appendix-sheets.js';
import { sheetsAsXlsx } from '../../src/render/xlsx.js';
import { writeFileAtomic } from '../../src/edit/write.js';
import type { Lang } from '../../src/i18n/format.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

async function exportPlan(dir: string, opts: { sheets?: SheetKey[]; asOf?: string; period?: string; lang?: Lang } = {}) {
  const { docs } = loadPlanFolder(dir, dir);
  const { plan, diagnostics } = checkPlan(docs);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = computeStatus(plan!, { asOf: opts.asOf, period: opts.period ? parsePeriod(opts.period) : undefined, today: '2022-12-31' });
  const sheets = workbookSheets(
    opts.sheets ?? ['appendix1', 'appendix2', 'progress'],
    { plan: plan!, report, tasksTitle: plan!.tasksTitle, criterion: 'mức độ thực hiện kế hoạch CCHC' },
    opts.lang ?? 'vi',
  );
  const bytes = await sheetsAsXlsx(sheets, { created: new Date(Date.UTC(2022, 2, 20)) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return { wb, bytes, plan: plan! };
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every value in a column from a row down, as read back. */
function column(ws: Worksheet, col: string, from: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= ws.rowCount; r++) out.push(ws.getCell(`${col}${r}`).value);
  return out;
}

function merges(ws: Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

describe('the 2022 workbook', () => {
  let wb: Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    ({ wb, bytes } = await exportPlan(PLAN_2022, { asOf: '2022-03-14' }));
  });

  it('is a zip with the four sheets in order', () => {
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục I', 'Phụ lục II', 'Tiến độ', 'Tổng hợp tiến độ']);
  });

  it('Phụ lục I: title block, merged two-row header, group rows and the 27 tasks', () => {
    const ws = sheet(wb, 'Phụ lục I');
    expect(ws.getCell('A1').value).toBe('Phụ lục 1'); // the 2022 source's own label (plan.yaml appendices);
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A2').value).toBe('NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
    expect(ws.getCell('A3').value).toBe('(Kèm theo Kế hoạch số ....../KH-SLĐTBXH ngày ...../...../......... của Sở LĐ-TB&XH)');
    expect(ws.getCell('A3').font).toMatchObject({ italic: true });
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A3:F3', 'A5:A6', 'B5:B6', 'C5:D5', 'E5:E6', 'F5:F6']));
    expect(['A5', 'B5', 'C5', 'E5', 'F5', 'C6', 'D6'].map((a) => ws.getCell(a).value)).toEqual([
      'Số TT',
      'Nhiệm vụ cụ thể',
      'Trách nhiệm cụ thể',
      'Sản phẩm',
      'Thời gian hoàn thành',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
    ]);
    expect(ws.getCell('D5').isMerged).toBe(true);
    expect(ws.getCell('D5').master.address).toBe('C5');
    for (const a of ['A5', 'C5', 'C6', 'D6', 'F5']) expect(ws.getCell(a).font).toMatchObject({ bold: true, name: 'Times New Roman' });

    const groups = column(ws, 'A', 7)
      .map((v, i) => ({ v, r: i + 7 }))
      .filter((x) => typeof x.v === 'string');
    expect(groups.map((g) => g.v)).toEqual([
      'Nội dung 1: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH',
      'Nội dung 2: CẢI CÁCH THỂ CHẾ',
      'Nội dung 3: CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      'Nội dung 4: CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC',
      'Nội dung 5: CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
      'Nội dung 6: CẢI CÁCH TÀI CHÍNH CÔNG',
      'Nội dung 7: XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ',
    ]);
    for (const g of groups) {
      expect(merges(ws)).toContain(`A${g.r}:F${g.r}`);
      expect(ws.getCell(`A${g.r}`).font?.bold).toBe(true);
    }

    const nos = column(ws, 'A', 7).filter((v) => typeof v === 'number');
    expect(nos).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    const rowOf = (no: number) => {
      for (let r = 7; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === no) return r;
      throw new Error(`task ${no} not found`);
    };
    const cells = (no: number) => ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ws.getCell(`${c}${rowOf(no)}`).value);
    expect(cells(2).slice(2)).toEqual(['Văn phòng Sở', 'Các phòng, đơn vị trực thuộc Sở', 'Quyết định của Giám đốc Sở', 'Quý I/2022']);
    expect(cells(5).slice(2, 4)).toEqual(['Các phòng, đơn vị', 'Văn phòng Sở tổng hợp']);
    expect(cells(8)[2]).toBe('Các phòng nghiệp vụ;');
    expect(cells(8)[5]).toBe('Theo đăng ký năm 2022 và khi có yêu cầu');
    expect(cells(12).slice(2, 4)).toEqual(['Thanh tra Sở', 'Các phòng, đơn vị liên quan']);
    expect(cells(20)[3]).toBe('Văn phòng Sở; các phòng, đơn vị liên quan.');
    expect(cells(26)[5]).toBe('Cả năm');
    expect(cells(27).slice(2, 4)).toEqual(['Các phòng, đơn vị trực thuộc, Văn phòng Sở', '']);
    // Borders on every table cell, wrapped text.
    const b = ws.getCell(`B${rowOf(2)}`);
    expect(b.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(b.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(b.font).toMatchObject({ name: 'Times New Roman', size: 13 });
  });

  it('Phụ lục II: numbers as numbers, the SUM with its cached 20.000.000, and the words', () => {
    const ws = sheet(wb, 'Phụ lục II');
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6'].map((a) => ws.getCell(a).value)).toEqual([
      'STT',
      'Nội dung chi tiết',
      'Đơn vị tính',
      'Số lượng',
      'Định mức',
      'Số tiền',
    ]);
    expect(column(ws, 'F', 7).slice(0, 7)).toEqual([6000000, 2000000, 3000000, 3000000, 2000000, 2000000, 2000000]);
    expect(column(ws, 'E', 7).slice(0, 7)).toEqual([500000, 2000000, '-', '-', '-', '-', '-']);
    expect(column(ws, 'D', 7).slice(0, 3)).toEqual(['12 tháng', '01', '06']);
    for (let r = 7; r <= 13; r++) {
      expect(ws.getCell(`F${r}`).type).toBe(ExcelJS.ValueType.Number);
      expect(ws.getCell(`F${r}`).numFmt).toBe('#,##0');
    }
    expect(ws.getCell('E7').numFmt).toBe('#,##0');
    const total = ws.getCell('F14');
    expect(ws.getCell('A14').value).toBe('TỔNG CỘNG');
    expect(ws.getCell('A14').font?.bold).toBe(true);
    expect(merges(ws)).toContain('A14:E14');
    expect(total.type).toBe(ExcelJS.ValueType.Formula);
    expect(total.formula).toBe('SUM(F7:F13)');
    expect(total.result).toBe(20000000);
    expect(total.numFmt).toBe('#,##0');
    expect(total.font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(ws.getCell('A15').value).toBe('(Bằng chữ: Hai mươi triệu đồng)');
    expect(ws.getCell('A15').font?.italic).toBe(true);
    expect(merges(ws)).toContain('A15:F15');
  });

  it('sets up every sheet for printing: A4 landscape, one page wide, repeated headers, page numbers, frozen panes', () => {
    const expected: Record<string, { titles?: string; freeze: number }> = {
      'Phụ lục I': { titles: '5:6', freeze: 6 },
      'Phụ lục II': { titles: '6:6', freeze: 6 },
      'Tiến độ': { titles: '7:7', freeze: 7 },
      'Tổng hợp tiến độ': { freeze: 4 },
    };
    for (const ws of wb.worksheets) {
      const e = expected[ws.name]!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe(e.titles);
      expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
      // A draft plan with illustrative progress says so on every printed page.
      expect(ws.headerFooter.oddHeader).toContain('DỰ THẢO');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: e.freeze });
      // Every cell with content is in Times New Roman.
      ws.eachRow((row) => row.eachCell((c) => c.type !== ExcelJS.ValueType.Merge && expect(c.font?.name).toBe('Times New Roman')));
      // Columns sized for the page, none left at the viewer's default.
      expect(ws.columns.every((c) => typeof c.width === 'number' && c.width > 0)).toBe(true);
    }
    expect(sheet(wb, 'Tiến độ').headerFooter.oddHeader).toContain('SỐ LIỆU MINH HỌA');
  });

  it('Tiến độ: the tasks as of 14/03/2022, with real dates and conditional formatting', () => {
    const ws = sheet(wb, 'Tiến độ');
    expect(ws.getCell('A1').value).toBe('TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2022');
    expect(ws.getCell('A3').value).toBe('Tiến độ thực hiện đến ngày 14/03/2022');
    expect(ws.getCell('A4').value).toBe('SỐ LIỆU MINH HỌA — không phải kết quả chính thức');
    expect(ws.getCell('A5').value).toBe('Đã hoàn thành 3/27 nhiệm vụ, đạt 11,11% so với kế hoạch; 0 nhiệm vụ quá hạn.');
    expect(['A7', 'B7', 'D7', 'E7', 'G7', 'H7', 'I7', 'J7'].map((a) => ws.getCell(a).value)).toEqual([
      'Số TT',
      'Nhiệm vụ',
      'Trạng thái',
      'Tỷ lệ (%)',
      'Hạn',
      'Quá hạn',
      'Ngày hoàn thành',
      'Minh chứng, ghi chú',
    ]);
    const rowOf = (no: number) => {
      for (let r = 8; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === no) return r;
      throw new Error(`task ${no} not found`);
    };
    const r2 = rowOf(2);
    expect(ws.getCell(`D${r2}`).value).toBe('Hoàn thành');
    expect(ws.getCell(`E${r2}`).value).toBe(1);
    expect(ws.getCell(`E${r2}`).numFmt).toBe('0%');
    expect(ws.getCell(`F${r2}`).value).toBe('Quý I/2022');
    expect(ws.getCell(`G${r2}`).value).toEqual(new Date(Date.UTC(2022, 2, 31)));
    expect(ws.getCell(`G${r2}`).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(`I${r2}`).value).toEqual(new Date(Date.UTC(2022, 0, 20)));
    expect(ws.getCell(`J${r2}`).value).toMatch(/^Quyết định số 25\/QĐ-SLĐTBXH ngày 20\/01\/2022/);
    const r1 = rowOf(1);
    expect([ws.getCell(`D${r1}`).value, ws.getCell(`E${r1}`).value, ws.getCell(`G${r1}`).value]).toEqual([
      'Đang thực hiện',
      0.25,
      new Date(Date.UTC(2022, 11, 31)),
    ]);
    const r26 = rowOf(26);
    expect([ws.getCell(`D${r26}`).value, ws.getCell(`E${r26}`).value, ws.getCell(`F${r26}`).value, ws.getCell(`I${r26}`).value]).toEqual([
      'Đang thực hiện',
      0.2,
      'Cả năm',
      null,
    ]);
    const cf = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as Array<{
      ref: string;
      rules: Array<{ type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }>;
    }>;
    expect(cf.map((c) => [c.ref, c.rules[0]!.type, c.rules[0]!.formulae[0]])).toEqual([
      [`A8:J${ws.rowCount}`, 'expression', '$H8="Quá hạn"'],
      [`A8:J${ws.rowCount}`, 'expression', '$D8="Hoàn thành"'],
    ]);
    expect(cf[0]!.rules[0]!.style.fill.bgColor.argb).toBe('FFFFC7CE');
    expect(cf[1]!.rules[0]!.style.fill.bgColor.argb).toBe('FFC6EFCE');
  });

  it('Tổng hợp tiến độ: official completion per area as a percentage, indicators, budget', () => {
    const ws = sheet(wb, 'Tổng hợp tiến độ');
    let total = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (ws.getCell(`A${r}`).value === 'Tổng cộng' && total === 0) total = r;
    }
    expect([ws.getCell(`C${total}`).value, ws.getCell(`D${total}`).value]).toEqual([27, 3]);
    expect(ws.getCell(`E${total}`).value).toBe(0.1111); // 11,11%: rounded once, docs/numbers.md;
    expect(ws.getCell(`E${total}`).numFmt).toBe('0.00%');
    const budgetTotal = (() => {
      for (let r = ws.rowCount; r >= 1; r--) if (ws.getCell(`A${r}`).value === 'Tổng cộng') return r;
      return 0;
    })();
    expect(ws.getCell(`C${budgetTotal}`).value).toBe(20000000);
    expect(ws.getCell(`C${budgetTotal}`).numFmt).toBe('#,##0');
  });
});

describe('another plan (mini: issued, 3 areas, 5 tasks, 3 budget lines)', () => {
  it('exports with its own sizes and its own filled-in italic line', async () => {
    const { wb } = await exportPlan(fixturePlan('mini'), { asOf: '2023-12-14' });
    const a1 = sheet(wb, 'Phụ lục I');
    expect(a1.getCell('A2').value).toBe('NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH');
    expect(a1.getCell('A3').value).toBe('(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND huyện Tây Sơn)');
    expect(column(a1, 'A', 7)).toEqual(['Nội dung 1: CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 1, 2, 'Nội dung 2: CHUYỂN ĐỔI SỐ', 3, 4, 'Nội dung 3: TÀI CHÍNH CÔNG', 5]);
    expect(a1.headerFooter.oddHeader ?? '').not.toContain('DỰ THẢO');
    const a2 = sheet(wb, 'Phụ lục II');
    expect(a2.getCell('A5').value).toBe('STT');
    expect(column(a2, 'F', 6).slice(0, 4)).toEqual([13500000, 1500000, 1500000, { formula: 'SUM(F6:F8)', result: 16500000 }]);
    expect(a2.getCell('A10').value).toBe('(Bằng chữ: Mười sáu triệu năm trăm nghìn đồng)');
    expect(a2.pageSetup.printTitlesRow).toBe('5:5');
    const p = sheet(wb, 'Tiến độ');
    expect(p.getCell('A3').value).toBe('Tiến độ thực hiện đến ngày 14/12/2023');
  });

  it('exports only the sheets asked for, in English with --lang en', async () => {
    const { wb } = await exportPlan(fixturePlan('mini'), { sheets: ['appendix2'], lang: 'en' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Appendix II']);
    const ws = sheet(wb, 'Appendix II');
    expect(ws.getCell('A1').value).toBe('Appendix II');
    expect(ws.headerFooter.oddFooter).toContain('Page &P of &N');
    expect(ws.getCell('A9').value).toBe('TOTAL');
  });

  it('titles the progress sheet with the period', async () => {
    const { wb } = await exportPlan(PLAN_2022, { sheets: ['progress'], period: '2022-6M' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tiến độ', 'Tổng hợp tiến độ']);
    expect(sheet(wb, 'Tiến độ').getCell('A3').value).toBe('Kỳ báo cáo: 6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/06/2022)');
  });
});

describe('text from the plan is always text', () => {
  const hostile = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '=1+1', "'=quoted"];

  it('a task titled like a formula arrives as that literal text', async () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'), 'mini');
    try {
      const file = path.join(dir, 'tasks.yaml');
      let yaml = readFileSync(file, 'utf8');
      const titles = [
        'Rà soát, đơn giản hóa thủ tục hành chính',
        'Công khai thủ tục hành chính',
        'Số hóa hồ sơ một cửa',
        'Triển khai chữ ký số',
        'Rà soát quy chế chi tiêu nội bộ',
      ];
      titles.forEach((t, i) => {
        yaml = yaml.replace(`title: ${t}`, `title: ${JSON.stringify(hostile[i])}`);
      });
      // A product and a deadline too: every text column.
      yaml = yaml.replace('product: Báo cáo rà soát', `product: ${JSON.stringify(hostile[5])}`);
      writeFileSync(file, yaml);
      const { wb } = await exportPlan(dir, { asOf: '2023-12-14' });
      for (const name of ['Phụ lục I', 'Tiến độ']) {
        const ws = sheet(wb, name);
        const found: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (hostile.includes(c.value as string)) {
              expect(c.type).toBe(ExcelJS.ValueType.String);
              expect(c.formula).toBeUndefined();
              found.push(c.value as string);
            }
          }),
        );
        expect(new Set(found)).toEqual(new Set(name === 'Phụ lục I' ? hostile : hostile.slice(0, 5)));
      }
      // The only formula in the workbook is the tool's own SUM.
      const formulas: string[] = [];
      for (const ws of wb.worksheets)
        ws.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formulas.push(`${ws.name}!${c.address}=${c.formula}`)));
      expect(formulas).toEqual(['Phụ lục II!F9=SUM(F6:F8)']);
    } finally {
      cleanup();
    }
  });
});

describe('writeFileAtomic', () => {
  it('replaces the target in one step and leaves no temporary file', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'out.xlsx');
      writeFileSync(file, 'old');
      writeFileAtomic(file, Buffer.from('new'));
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(readdirSync(dir)).toEqual(['out.xlsx']);
    } finally {
      cleanup();
    }
  });

  it('on failure removes its temporary file and leaves the target as it was', () => {
    const { dir, cleanup } = tempDir();
    try {
      // The target is a folder with something in it: the rename fails.
      const target = path.join(dir, 'out.xlsx');
      mkdirSync(target);
      writeFileSync(path.join(target, 'keep'), 'x');
      expect(() => writeFileAtomic(target, Buffer.from('new'))).toThrow();
      expect(readdirSync(dir)).toEqual(['out.xlsx']);
      expect(readFileSync(path.join(target, 'keep'), 'utf8')).toBe('x');
      // A folder that does not exist: nothing is created.
      expect(() => writeFileAtomic(path.join(dir, 'missing', 'out.xlsx'), Buffer.from('x'))).toThrow(/ENOENT/);
      expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('the title of Phụ lục I', () => {
  it('comes from tasks.yaml through the checked plan', () => {
    for (const [dir, title] of [
      [PLAN_2022, 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH'],
      [fixturePlan('mini'), 'NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH'],
    ] as const) {
      const { docs } = loadPlanFolder(dir, dir);
      expect(checkPlan(docs).plan?.tasksTitle).toBe(title);
    }
  });
});
