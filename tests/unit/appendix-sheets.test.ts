/**
 * The sheet models of `cchc export`, before any spreadsheet library sees them: what each
 * cell holds, which cells are merged, and how the page is set up. The fixture plans are
 * loaded once; everything asserted here is computed by pure functions.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { PLAN_2022, checkFolder, fixturePlan } from '../helpers.js';
import { diffPlans } from '../../src/report/diff.js';
import { diffAsText, sectionTitle } from '../../src/render/diff-text.js';
import { makeChalk } from '../../src/render/style.js';
import type { Plan } from '../../src/model/plan.js';
import { coordinatingLabel, leadLabel } from '../../src/model/plan.js';
import { computeStatus } from '../../src/report/status.js';
import { parsePeriod } from '../../src/model/period.js';
import {
  appendix1AsSheet,
  appendix2AsSheet,
  attachedToLine,
  progressAsSheet,
  progressSummaryAsSheet,
  sheetNames,
  targetText,
  workbookSheets,
  DRAFT_DATE,
  DRAFT_NUMBER,
} from '../../src/render/appendix-sheets.js';
import type { Cell, Sheet } from '../../src/render/sheet.js';
import { rangeRef, checkSheetName, pageWidthUnits } from '../../src/render/sheet.js';

function load(dir: string): Plan {
  const { plan, diagnostics } = checkFolder(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan!;
}

let p2022: Plan;
let mini: Plan;
beforeAll(() => {
  p2022 = load(PLAN_2022);
  mini = load(fixturePlan('mini'));
});

/** The text a cell shows, for assertions: text as is, numbers as numbers. */
function valueOf(c: Cell | undefined): string | number | undefined {
  const v = c?.value;
  if (!v) return undefined;
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return v.value;
    case 'date':
      return v.date;
    case 'formula':
      return `=${v.formula}`;
  }
}

function row(sheet: Sheet, r: number): Array<string | number | undefined> {
  return (sheet.rows[r - 1]?.cells ?? []).map(valueOf);
}

function merges(sheet: Sheet): string[] {
  return sheet.merges.map(rangeRef);
}

/** Rows whose first cell spans the whole table: the group rows and title lines. */
function spanningRows(sheet: Sheet, from: number): Array<{ row: number; text: string | number | undefined }> {
  const width = sheet.columns.length;
  return sheet.merges
    .filter((m) => m.top === m.bottom && m.left === 1 && m.right === width && m.top >= from)
    .map((m) => ({ row: m.top, text: valueOf(sheet.rows[m.top - 1]?.cells[0]) }));
}

describe('Phụ lục I (2022)', () => {
  let s: Sheet;
  beforeAll(() => {
    s = appendix1AsSheet(p2022, { lang: 'vi', title: 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH' });
  });

  it('has the title block of Nghị định 30/2020: "Phụ lục I", the title in capitals, the italic line', () => {
    expect(s.name).toBe('Phụ lục I');
    expect(row(s, 1)[0]).toBe('Phụ lục 1'); // the 2022 source's own label (plan.yaml appendices);
    expect(s.rows[0]!.cells[0]!.style).toMatchObject({ bold: true, size: 14, align: 'center' });
    expect(row(s, 2)[0]).toBe('NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
    expect(s.rows[1]!.cells[0]!.style).toMatchObject({ bold: true, align: 'center' });
    // A draft: number and date left as dots to fill in by hand.
    expect(row(s, 3)[0]).toBe(`(Kèm theo Kế hoạch số ${DRAFT_NUMBER}/KH-SLĐTBXH ngày ${DRAFT_DATE} của Sở LĐ-TB&XH)`);
    expect(s.rows[2]!.cells[0]!.style).toMatchObject({ italic: true, align: 'center' });
    expect(merges(s)).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A3:F3']));
  });

  it('has the two-row header with "Trách nhiệm cụ thể" over the lead and coordinating units', () => {
    expect(row(s, 5)).toEqual(['Số TT', 'Nhiệm vụ cụ thể', 'Trách nhiệm cụ thể', undefined, 'Sản phẩm', 'Thời gian hoàn thành']);
    expect(row(s, 6)).toEqual([undefined, undefined, 'Đơn vị chủ trì', 'Đơn vị phối hợp', undefined, undefined]);
    expect(merges(s)).toEqual(expect.arrayContaining(['A5:A6', 'B5:B6', 'C5:D5', 'E5:E6', 'F5:F6']));
    for (const c of [...s.rows[4]!.cells, ...s.rows[5]!.cells]) expect(c?.style).toMatchObject({ bold: true, border: true });
    expect(s.print.titleRows).toEqual([5, 6]);
    expect(s.freeze).toEqual({ rows: 6 });
  });

  it('has a bold group row per area, merged across, in the plan order', () => {
    const groups = spanningRows(s, 7);
    expect(groups.map((g) => g.text)).toEqual([
      'Nội dung 1: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH',
      'Nội dung 2: CẢI CÁCH THỂ CHẾ',
      'Nội dung 3: CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      'Nội dung 4: CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC',
      'Nội dung 5: CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
      'Nội dung 6: CẢI CÁCH TÀI CHÍNH CÔNG',
      'Nội dung 7: XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ',
    ]);
    // 4, 4, 4, 3, 4, 2 and 6 tasks under them.
    const rowsOf = groups.map((g, i) => (groups[i + 1]?.row ?? s.rows.length + 1) - g.row - 1);
    expect(rowsOf).toEqual([4, 4, 4, 3, 4, 2, 6]);
    expect(s.rows[groups[0]!.row - 1]!.cells[0]!.style).toMatchObject({ bold: true });
  });

  it('lists all 27 tasks in order, with their units and deadlines as written', () => {
    const taskRows = s.rows.slice(6).filter((r) => typeof valueOf(r.cells[0]) === 'number');
    expect(taskRows).toHaveLength(27);
    taskRows.forEach((r, i) => {
      const t = p2022.tasks[i]!;
      expect(r.cells.map(valueOf)).toEqual([t.no, t.title, leadLabel(t, p2022.units), coordinatingLabel(t, p2022.units), t.product ?? '', t.deadline]);
      for (const c of r.cells) expect(c?.style?.border).toBe(true);
    });
    const byNo = (n: number) => taskRows[n - 1]!.cells.map(valueOf);
    expect(byNo(1)).toEqual([
      1,
      expect.stringMatching(/^Truyền truyền, quán triệt/),
      'Văn phòng Sở',
      'Các phòng, đơn vị liên quan',
      'Các văn bản chỉ đạo, hướng dẫn; các lớp tập huấn',
      'Thường xuyên',
    ]);
    expect(byNo(5).slice(2, 4)).toEqual(['Các phòng, đơn vị', 'Văn phòng Sở tổng hợp']);
    expect(byNo(8)[2]).toBe('Các phòng nghiệp vụ;');
    expect(byNo(8)[5]).toBe('Theo đăng ký năm 2022 và khi có yêu cầu');
    expect(byNo(27)[2]).toBe('Các phòng, đơn vị trực thuộc, Văn phòng Sở');
  });

  it('sets up an A4 landscape page, one page wide, with page numbers and a DỰ THẢO mark on a draft', () => {
    expect(s.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(s.print.footer).toContain('Trang &P/&N');
    expect(s.print.header).toContain('DỰ THẢO');
    expect(s.font).toEqual({ name: 'Times New Roman', size: 13 });
  });

  it('fits the columns to the page width, the task column taking the room', () => {
    const total = s.columns.reduce((a, c) => a + c.width, 0);
    expect(total).toBeLessThanOrEqual(pageWidthUnits('landscape', s.print.margins) + 0.5);
    expect(total).toBeGreaterThan(pageWidthUnits('landscape', s.print.margins) - 2);
    const widest = Math.max(...s.columns.map((c) => c.width));
    expect(s.columns[1]!.width).toBe(widest);
    // Every row got a height, and a long task gets a tall row.
    for (const r of s.rows) expect(r.height).toBeGreaterThan(0);
    const t2 = s.rows.find((r) => valueOf(r.cells[0]) === 2)!;
    const t3 = s.rows.find((r) => valueOf(r.cells[0]) === 3)!;
    expect(t2.height!).toBeGreaterThan(3 * t3.height!);
  });

  it('falls back to the standard title when tasks.yaml has none', () => {
    expect(row(appendix1AsSheet(p2022, { lang: 'vi' }), 2)[0]).toBe('NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
  });
});

describe('Phụ lục I (mini: an issued plan of another size)', () => {
  it('fills the italic line from the plan and lists its 3 areas and 5 tasks', () => {
    const s = appendix1AsSheet(mini, { lang: 'vi', title: 'NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH' });
    expect(row(s, 2)[0]).toBe('NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH');
    expect(row(s, 3)[0]).toBe('(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND huyện Tây Sơn)');
    expect(s.print.header).toBeUndefined();
    expect(spanningRows(s, 7).map((g) => g.text)).toEqual([
      'Nội dung 1: CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      'Nội dung 2: CHUYỂN ĐỔI SỐ',
      'Nội dung 3: TÀI CHÍNH CÔNG',
    ]);
    const tasks = s.rows.filter((r, i) => i >= 6 && typeof valueOf(r.cells[0]) === 'number').map((r) => r.cells.map(valueOf));
    expect(tasks).toEqual([
      [1, 'Rà soát, đơn giản hóa thủ tục hành chính', 'Phòng Tư pháp', 'Các phòng, ban liên quan', 'Báo cáo rà soát', 'Quý II/2023'],
      [2, 'Công khai thủ tục hành chính', 'Phòng Nội vụ', 'Các phòng, ban liên quan', '', 'Thường xuyên'],
      [3, 'Số hóa hồ sơ một cửa', 'Phòng Nội vụ', 'Phòng Tư pháp, Các phòng, ban liên quan', 'Hồ sơ được số hóa', '30/09/2023'],
      [4, 'Triển khai chữ ký số', 'Phòng Nội vụ', '', '', 'Quý I/2023'],
      [5, 'Rà soát quy chế chi tiêu nội bộ', 'Phòng Tài chính - Kế hoạch', 'Các phòng, ban liên quan', 'Quyết định ban hành quy chế', 'Cả năm'],
    ]);
  });

  it('groups tasks under their area even when the file lists them out of order', () => {
    const shuffled: Plan = { ...mini, tasks: [mini.tasks[4]!, mini.tasks[0]!, mini.tasks[2]!, mini.tasks[1]!, mini.tasks[3]!] };
    const s = appendix1AsSheet(shuffled, { lang: 'vi' });
    const order = s.rows.slice(6).map((r) => valueOf(r.cells[0]));
    expect(order).toEqual(['Nội dung 1: CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 1, 2, 'Nội dung 2: CHUYỂN ĐỔI SỐ', 3, 4, 'Nội dung 3: TÀI CHÍNH CÔNG', 5]);
  });
});

describe('the "(Kèm theo Kế hoạch số …)" line', () => {
  const meta = () => structuredClone(mini.meta);
  it('leaves each missing part as dots', () => {
    const m = meta();
    m.number = null;
    expect(attachedToLine(m, 'vi')).toBe(`(Kèm theo Kế hoạch số ${DRAFT_NUMBER}/KH-UBND ngày 10/01/2023 của UBND huyện Tây Sơn)`);
    const d = meta();
    d.date = null;
    expect(attachedToLine(d, 'vi')).toBe(`(Kèm theo Kế hoạch số 45/KH-UBND ngày ${DRAFT_DATE} của UBND huyện Tây Sơn)`);
  });
  it('uses the full agency name without a short name, and says it in English with --lang en', () => {
    const m = meta();
    delete m.agency.shortName;
    expect(attachedToLine(m, 'vi')).toBe('(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của Ủy ban nhân dân huyện Tây Sơn)');
    expect(attachedToLine(mini.meta, 'en')).toBe('(Attached to Plan No. 45/KH-UBND dated 10/01/2023 of UBND huyện Tây Sơn)');
  });
});

describe('Phụ lục II (2022)', () => {
  let s: Sheet;
  beforeAll(() => {
    s = appendix2AsSheet(p2022, { lang: 'vi' });
  });

  it('has the title, the subtitle and the header', () => {
    expect(s.name).toBe('Phụ lục II');
    expect(row(s, 1)[0]).toBe('Phụ lục 2');
    expect(row(s, 2)[0]).toBe('KẾ HOẠCH DỰ TRÙ KINH PHÍ');
    expect(row(s, 3)[0]).toBe('Hoạt động cải cách hành chính, kiểm soát thủ tục hành chính');
    expect(row(s, 4)[0]).toMatch(/^\(Kèm theo Kế hoạch số/);
    expect(row(s, 6)).toEqual(['STT', 'Nội dung chi tiết', 'Đơn vị tính', 'Số lượng', 'Định mức', 'Số tiền']);
    expect(s.print.titleRows).toEqual([6, 6]);
    expect(s.freeze).toEqual({ rows: 6 });
  });

  it('writes money as numbers formatted #,##0, quantities as written and "-" where a cell is empty', () => {
    expect(row(s, 7)).toEqual([1, 'Hỗ trợ công chức làm việc tại Trung tâm hành chính công tỉnh', 'Người', '12 tháng', 500000, 6000000]);
    expect(row(s, 8)).toEqual([2, expect.any(String), 'Lớp', '01', 2000000, 2000000]);
    expect(row(s, 12)).toEqual([6, 'Chi khác (Văn phòng phẩm, xăng xe, công tác phí, họp triển khai...)', '-', '-', '-', 2000000]);
    expect(row(s, 13)).toEqual([7, 'Tiết kiệm chi 10%', '-', '-', '-', 2000000]);
    expect(s.rows[6]!.cells[4]!.style?.numFmt).toBe('#,##0');
    expect(s.rows[6]!.cells[5]!.style?.numFmt).toBe('#,##0');
    // "12 tháng" and "01" are text, not numbers.
    expect(s.rows[6]!.cells[3]!.value).toEqual({ kind: 'text', text: '12 tháng' });
    expect(s.rows[7]!.cells[3]!.value).toEqual({ kind: 'text', text: '01' });
  });

  it('ends with a bold TỔNG CỘNG row whose SUM carries 20.000.000, then the amount in words', () => {
    expect(row(s, 14)[0]).toBe('TỔNG CỘNG');
    expect(s.rows[13]!.cells[5]!.value).toEqual({ kind: 'formula', formula: 'SUM(F7:F13)', result: 20000000 });
    expect(s.rows[13]!.cells[5]!.style).toMatchObject({ bold: true, numFmt: '#,##0' });
    expect(merges(s)).toContain('A14:E14');
    expect(row(s, 15)[0]).toBe('(Bằng chữ: Hai mươi triệu đồng)');
    expect(s.rows[14]!.cells[0]!.style?.italic).toBe(true);
    expect(s.rows).toHaveLength(15);
  });

  it("sums another plan's lines (mini: 3 lines, 16.500.000)", () => {
    const m = appendix2AsSheet(mini, { lang: 'vi' });
    expect(row(m, 2)[0]).toBe('KẾ HOẠCH DỰ TRÙ KINH PHÍ');
    // No subtitle: the italic line follows the title.
    expect(row(m, 3)[0]).toMatch(/^\(Kèm theo Kế hoạch số 45\/KH-UBND/);
    const total = m.rows.find((r) => valueOf(r.cells[0]) === 'TỔNG CỘNG')!;
    expect(total.cells[5]!.value).toEqual({ kind: 'formula', formula: 'SUM(F6:F8)', result: 16500000 });
    expect(valueOf(m.rows.at(-1)!.cells[0])).toBe('(Bằng chữ: Mười sáu triệu năm trăm nghìn đồng)');
  });
});

describe('the progress sheets', () => {
  it('show each task as of a date, with real dates, percentages and the overdue mark', () => {
    const report = computeStatus(p2022, { asOf: '2022-03-14', today: '2022-03-20' });
    const s = progressAsSheet(report, p2022, { lang: 'vi' });
    expect(s.name).toBe('Tiến độ');
    expect(row(s, 1)[0]).toBe('TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2022');
    expect(row(s, 3)[0]).toBe('Tiến độ thực hiện đến ngày 14/03/2022');
    expect(row(s, 4)[0]).toBe('SỐ LIỆU MINH HỌA — không phải kết quả chính thức');
    const head = s.print.titleRows![0];
    expect(row(s, head)).toEqual([
      'Số TT',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Trạng thái',
      'Tỷ lệ (%)',
      'Thời hạn',
      'Hạn',
      'Quá hạn',
      'Ngày hoàn thành',
      'Minh chứng, ghi chú',
    ]);
    expect(s.freeze).toEqual({ rows: head });
    const tasks = s.rows.filter((r, i) => i >= head && typeof valueOf(r.cells[0]) === 'number');
    expect(tasks).toHaveLength(27);
    const t2 = tasks[1]!;
    expect(t2.cells.map(valueOf)).toEqual([
      2,
      expect.stringMatching(/^Xây dựng, tổ chức triển khai/),
      'Văn phòng Sở',
      'Hoàn thành',
      1,
      'Quý I/2022',
      '2022-03-31',
      '',
      '2022-01-20',
      'Quyết định số 25/QĐ-SLĐTBXH ngày 20/01/2022: Quyết định của Giám đốc Sở ban hành các kế hoạch CCHC năm 2022',
    ]);
    expect(t2.cells[4]!.style?.numFmt).toBe('0%');
    expect(t2.cells[6]!.style?.numFmt).toBe('dd/mm/yyyy');
    expect(tasks[0]!.cells.map(valueOf).slice(3, 5)).toEqual(['Đang thực hiện', 0.25]);
    expect(valueOf(tasks[3]!.cells[9])).toBe('Ghi chú: Đang tổng hợp báo cáo quý I/2022');
    // Conditional formatting over the task rows: overdue red, finished green.
    expect(s.conditional.map((c) => c.expression)).toEqual([`$H${head + 1}="Quá hạn"`, `$D${head + 1}="Hoàn thành"`]);
    expect(s.conditional[0]!.range).toEqual({ top: head + 1, left: 1, bottom: s.rows.length, right: 10 });
  });

  it('mark an overdue task and a period title', () => {
    // Quý I tasks not done by 15/04/2022 are overdue.
    const report = computeStatus(p2022, { asOf: '2022-04-15', today: '2022-04-20' });
    const s = progressAsSheet(report, p2022, { lang: 'vi' });
    const overdue = s.rows.filter((r) => typeof valueOf(r.cells[0]) === 'number' && valueOf(r.cells[7]) === 'Quá hạn').map((r) => valueOf(r.cells[0]));
    expect(overdue).toEqual(report.tasks.filter((t) => t.overdue).map((t) => t.no));
    expect(overdue).toEqual([9, 25]);
    const period = computeStatus(p2022, { period: parsePeriod('2022-Q1')!, today: '2022-04-20' });
    expect(row(progressAsSheet(period, p2022, { lang: 'vi' }), 3)[0]).toBe('Kỳ báo cáo: Quý I/2022 (từ ngày 15/12/2021 đến ngày 14/03/2022)');
  });

  it('summarise areas (finished ÷ planned), indicators and the budget', () => {
    const report = computeStatus(mini, { asOf: '2023-12-14', today: '2024-01-10' });
    const s = progressSummaryAsSheet(report, mini, { lang: 'vi', criterion: 'mức độ thực hiện kế hoạch CCHC' });
    expect(s.name).toBe('Tổng hợp tiến độ');
    const texts = s.rows.map((r) => r.cells.map(valueOf));
    const at = (first: string | number) => texts.find((r) => r[0] === first || r[1] === first)!;
    expect(at('Cải cách thủ tục hành chính')).toEqual([1, 'Cải cách thủ tục hành chính', 2, 1, 0.5, 0.95, 0]);
    expect(at('Chuyển đổi số')).toEqual([2, 'Chuyển đổi số', 2, 2, 1, 1, 0]);
    expect(at('Tổng cộng')).toEqual(['Tổng cộng', undefined, 5, 3, 0.6, expect.closeTo(0.78, 5), 0]);
    const pct = s.rows.find((r) => valueOf(r.cells[1]) === 'Chuyển đổi số')!.cells[4]!;
    expect(pct.style?.numFmt).toBe('0.00%');
    expect(texts.some((r) => r[0] === 'Điểm tiêu chí mức độ thực hiện kế hoạch CCHC: 0/2')).toBe(true);
    // Indicators: target as "≥ 50%", actual as a number in the target's unit (52 → 52%), achieved or not.
    expect(at('1.1').slice(2, 5)).toEqual(['100%', 1, 'Đạt']);
    expect(at('2.1a').slice(2, 5)).toEqual(['≥ 50%', 0.52, 'Đạt']);
    expect(at('2.1b').slice(2, 5)).toEqual(['≤ 20 phút', 25, 'Không đạt']);
    // Budget: planned, spent, remaining, share used.
    expect(at('Tập huấn nghiệp vụ')).toEqual([1, 'Tập huấn nghiệp vụ', 13500000, 13500000, 0, 1, undefined]);
    expect(at('Tiết kiệm chi 10%')).toEqual([3, 'Tiết kiệm chi 10%', 1500000, 0, 1500000, 0, undefined]);
    const totals = texts.filter((r) => r[0] === 'Tổng cộng');
    expect(totals[1]).toEqual(['Tổng cộng', undefined, 16500000, 15000000, 1500000, 0.9091, undefined]);
  });

  it('say "Chưa có số liệu" for an indicator with no record yet', () => {
    const report = computeStatus(mini, { asOf: '2023-03-01', today: '2023-03-01' });
    const s = progressSummaryAsSheet(report, mini, { lang: 'vi' });
    const r = s.rows.find((x) => valueOf(x.cells[0]) === '2.1a')!;
    expect(r.cells.map(valueOf).slice(2, 5)).toEqual(['≥ 50%', undefined, 'Chưa có số liệu']);
    expect(s.rows.some((x) => valueOf(x.cells[0]) === 'SỐ LIỆU MINH HỌA — không phải kết quả chính thức')).toBe(false);
  });

  it('are in English with --lang en', () => {
    const report = computeStatus(mini, { asOf: '2023-12-14', today: '2024-01-10' });
    const s = progressAsSheet(report, mini, { lang: 'en' });
    expect(s.name).toBe('Progress');
    expect(s.conditional[1]!.expression).toMatch(/="Done"$/);
    expect(sheetNames('progress', 'en')).toEqual(['Progress', 'Progress summary']);
  });
});

describe('workbookSheets', () => {
  it('keeps the workbook order whatever order --sheets names them in', () => {
    const report = computeStatus(mini, { asOf: '2023-12-14', today: '2024-01-10' });
    const names = workbookSheets(['progress', 'appendix1'], { plan: mini, report }, 'vi').map((s) => s.name);
    expect(names).toEqual(['Phụ lục I', 'Tiến độ', 'Tổng hợp tiến độ']);
    for (const s of workbookSheets(['appendix1', 'appendix2', 'progress'], { plan: mini, report }, 'vi')) expect(checkSheetName(s.name)).toBeUndefined();
  });
});

describe('targetText', () => {
  it('writes comparators as the reports do', () => {
    expect(targetText({ comparator: '>=', value: 30, unit: '%' }, 'vi')).toBe('≥ 30%');
    expect(targetText({ comparator: '<=', value: 30, unit: 'phút' }, 'vi')).toBe('≤ 30 phút');
    expect(targetText({ comparator: '>', value: 85.5, unit: '%' }, 'vi')).toBe('> 85,5%');
    expect(targetText({ comparator: '=', value: 100, unit: '%' }, 'vi')).toBe('100%');
  });
});

describe('appendix labels from the plan (issue 16.6)', () => {
  it("default to Phụ lục I/II (Nghị định 30/2020) and are the plan's own where it gives them", () => {
    expect(row(appendix1AsSheet(mini, { lang: 'vi' }), 1)[0]).toBe('Phụ lục I');
    expect(row(appendix2AsSheet(mini, { lang: 'vi' }), 1)[0]).toBe('Phụ lục II');
    expect(row(appendix1AsSheet(p2022, { lang: 'vi' }), 1)[0]).toBe('Phụ lục 1');
    expect(row(appendix2AsSheet(p2022, { lang: 'vi' }), 1)[0]).toBe('Phụ lục 2');
    const own = { ...mini, meta: { ...mini.meta, appendices: { tasks: 'Phụ lục A', budget: 'Phụ lục B' } } };
    expect(row(appendix1AsSheet(own, { lang: 'vi' }), 1)[0]).toBe('Phụ lục A');
    expect(row(appendix2AsSheet(own, { lang: 'vi' }), 1)[0]).toBe('Phụ lục B');
    // diff names its sections after the newer side's labels, as export does.
    const tasks = own.tasks.map((t, i) => (i === 0 ? { ...t, title: t.title + ' (sửa)' } : t));
    const text = diffAsText(diffPlans(mini, { ...own, tasks }), 'vi', makeChalk(false), 80);
    expect(text).toContain('Nhiệm vụ (Phụ lục A)');
    expect(diffAsText(diffPlans(own, { ...mini, tasks }), 'vi', makeChalk(false), 80)).toContain('Nhiệm vụ (Phụ lục I)');
    expect(sectionTitle(diffPlans(p2022, p2022), 'budget', 'vi')).toBe('Kinh phí (Phụ lục 2)');
  });
});
