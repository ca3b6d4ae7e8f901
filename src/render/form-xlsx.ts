/**
 * The progress form as an .xlsx workbook (exceljs, loaded only by `cchc form`). Layout and
 * the reasons for it are in docs/reporting-period.md: the columns follow the progress sheet
 * of `cchc export`; only the input cells are unlocked; the sheet is protected without a
 * password (it guards against slips, not people); every input cell has data validation;
 * the identity sits in a hidden sheet that `cchc import` reads first.
 */
import type { Workbook, Worksheet, Cell, Style } from 'exceljs';
import { parseIsoDate } from '../model/dates.js';
import { STATUS_LABEL_VI, ASSESSMENT_LABEL_VI } from '../input/labels.js';
import { isoAsVi } from '../input/date.js';
import { BUDGET_SHEET, IDENTITY_SHEET, INDICATORS_SHEET, INSTRUCTIONS_SHEET, TASKS_SHEET, type FormModel, type FormTaskRow } from '../report/form-model.js';

type ExcelJSModule = typeof import('exceljs');

/**
 * exceljs's in-memory Workbook, loaded on demand: its own module rather than the package's
 * entry point, which also loads the streaming reader and writer (about a quarter of a second
 * that form and import do not need; bench/forms.mjs). Falls back to the entry point should a
 * later exceljs close the path (it is pinned in package.json).
 */
export async function loadExcelJS(): Promise<Pick<ExcelJSModule, 'Workbook'>> {
  try {
    const mod = (await import('exceljs/lib/doc/workbook.js' as string)) as { default?: ExcelJSModule['Workbook'] };
    if (typeof mod.default === 'function') return { Workbook: mod.default };
  } catch {
    /* fall back to the entry point */
  }
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}

/** The exact column headers; `cchc import` finds the columns by them. */
export const TASK_HEADERS = {
  no: 'Số TT',
  title: 'Nhiệm vụ',
  deadline: 'Thời hạn',
  status: 'Trạng thái',
  percent: 'Tỷ lệ hoàn thành (%)',
  completed: 'Ngày hoàn thành',
  evidence: 'Minh chứng (số, ký hiệu và ngày văn bản)',
  note: 'Ghi chú',
} as const;
export const INDICATOR_HEADERS = {
  id: 'Mã',
  text: 'Chỉ tiêu',
  target: 'Mục tiêu',
  value: 'Kết quả đạt được',
  assessment: 'Đánh giá (chỉ tiêu định tính)',
  source: 'Nguồn số liệu',
} as const;
export const BUDGET_HEADERS = { no: 'STT', content: 'Nội dung', planned: 'Dự toán (đồng)', spent: 'Đã chi lũy kế (đồng)' } as const;

/** The marker row above the coordinated tasks; import stops reading inputs there. */
export const COORDINATED_MARKER = 'NHIỆM VỤ PHỐI HỢP (để tham khảo, không điền)';
export const HEADER_ROW = 4;

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF9DB' } };
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };
const STATUS_LIST = `"${Object.values(STATUS_LABEL_VI).join(',')}"`;
const ASSESSMENT_LIST = `"${Object.values(ASSESSMENT_LABEL_VI).join(',')}"`;

function excelDate(iso: string): Date {
  const p = parseIsoDate(iso)!;
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

type Spec = Partial<Style> & { size?: number; bold?: boolean; italic?: boolean; input?: boolean };

/**
 * Cells share one style object per distinct look: exceljs recognises a style object it has
 * seen and skips comparing it with every other (most of the writing time otherwise).
 */
const STYLES = new Map<string, Partial<Style>>();
const SPECS = new WeakMap<Cell, Spec>();

function style(cell: Cell, s: Spec): void {
  const key = JSON.stringify(s);
  let st = STYLES.get(key);
  if (!st) {
    st = {
      font: { name: FONT, size: s.size ?? 12, bold: s.bold ?? false, italic: s.italic ?? false, ...(s.font?.color ? { color: s.font.color } : {}) },
      alignment: s.alignment ?? { vertical: 'top', wrapText: true },
    };
    if (s.border) st.border = s.border;
    if (s.fill) st.fill = s.fill;
    if (s.numFmt) st.numFmt = s.numFmt;
    if (s.input) {
      st.fill = INPUT_FILL;
      st.protection = { locked: false };
    }
    STYLES.set(key, st);
  }
  cell.style = st;
  SPECS.set(cell, s);
}

/** An input cell: unlocked, yellow. */
function input(cell: Cell): void {
  style(cell, { ...(SPECS.get(cell) ?? {}), input: true });
}

function setupSheet(ws: Worksheet, widths: number[], headerRow: number): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}

function title(ws: Worksheet, row: number, text: string, lastCol: number, opts: { size?: number; bold?: boolean; italic?: boolean } = {}): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = text;
  style(c, { size: opts.size ?? 13, bold: opts.bold ?? true, italic: opts.italic, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
}

function header(ws: Worksheet, row: number, labels: readonly string[]): void {
  const r = ws.getRow(row);
  labels.forEach((l, i) => {
    const c = r.getCell(i + 1);
    c.value = l;
    style(c, { bold: true, border: BORDER, fill: HEAD_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  });
  r.height = 36;
}

function taskRow(ws: Worksheet, row: number, t: FormTaskRow, editable: boolean): void {
  const r = ws.getRow(row);
  const vals: unknown[] = [
    t.no,
    t.title,
    t.deadline,
    STATUS_LABEL_VI[t.status],
    t.percent,
    t.completed ? excelDate(t.completed) : null,
    t.evidence?.document ? (t.evidence.date ? `${t.evidence.document} ngày ${isoAsVi(t.evidence.date)}` : t.evidence.document) : null,
    t.note ?? null,
  ];
  vals.forEach((v, i) => {
    const c = r.getCell(i + 1);
    c.value = v as never;
    style(c, {
      border: BORDER,
      alignment:
        i === 0 || i === 2 || i === 3 || i === 4 || i === 5 ? { horizontal: 'center', vertical: 'top', wrapText: true } : { vertical: 'top', wrapText: true },
      numFmt: i === 5 ? 'dd/mm/yyyy' : undefined,
      font: editable ? undefined : { color: { argb: 'FF595959' } },
    });
  });
  if (!editable) return;
  for (let col = 4; col <= 8; col++) input(r.getCell(col));
  r.getCell(4).dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [STATUS_LIST],
    showErrorMessage: true,
    errorTitle: 'Trạng thái',
    error: 'Chọn một trạng thái trong danh sách: Chưa thực hiện, Đang thực hiện, Hoàn thành.',
  };
  r.getCell(5).dataValidation = {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: 'Tỷ lệ hoàn thành',
    error: 'Nhập số nguyên từ 0 đến 100.',
  };
  r.getCell(6).dataValidation = {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(1999, 11, 31))],
    showErrorMessage: true,
    errorTitle: 'Ngày hoàn thành',
    error: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 20/01/2022.',
  };
  r.getCell(7).dataValidation = {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [500],
    showErrorMessage: true,
    error: 'Tối đa 500 ký tự.',
  };
  r.getCell(8).dataValidation = {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [2000],
    showErrorMessage: true,
    error: 'Tối đa 2000 ký tự.',
  };
}

const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

function instructions(wb: Workbook, m: FormModel): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET, { properties: { tabColor: { argb: 'FF2F5597' } } });
  ws.getColumn(1).width = 110;
  const id = m.identity;
  const lines: Array<[string, { bold?: boolean; size?: number; italic?: boolean }]> = [
    [`BIỂU CẬP NHẬT TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${id.year}`, { bold: true, size: 14 }],
    [`${id.agency} — ${id.planTitle}`, { italic: true }],
    [`Đơn vị: ${id.unitName} — số liệu tính đến ngày ${isoAsVi(id.asOf)}`, { bold: true }],
    ['', {}],
    ['Cách điền', { bold: true }],
    [`1. Mở trang "${TASKS_SHEET}". Mỗi dòng là một nhiệm vụ đơn vị chủ trì, đã điền sẵn tình trạng đã báo cáo gần nhất; chỉ sửa những gì đã thay đổi.`, {}],
    ['2. Chỉ điền vào các ô màu vàng; các ô khác được khóa để biểu mẫu không bị lệch (khóa không có mật khẩu).', {}],
    ['3. Trạng thái: chọn trong danh sách "Chưa thực hiện", "Đang thực hiện" hoặc "Hoàn thành".', {}],
    ['4. Tỷ lệ hoàn thành (%): số nguyên từ 0 đến 100, ví dụ 50 (không cần dấu %). Nhiệm vụ hoàn thành là 100.', {}],
    ['5. Ngày hoàn thành: chỉ điền khi đã hoàn thành, dạng dd/mm/yyyy, ví dụ 20/01/2022; không được sau ngày số liệu.', {}],
    ['6. Minh chứng: số, ký hiệu và ngày văn bản, ví dụ "Quyết định số 600/QĐ-UBND ngày 25/03/2022".', {}],
    ['7. Số tiền (trang Kinh phí, nếu có) ghi nguyên đồng, có thể dùng dấu chấm ngăn cách hàng nghìn: 500.000. Số thập phân dùng dấu phẩy: 50,5.', {}],
    [`8. Các nhiệm vụ đơn vị phối hợp nằm cuối trang "${TASKS_SHEET}" để tham khảo, không cần điền.`, {}],
    ['', {}],
    ['Gửi lại', { bold: true }],
    [`Lưu tệp với định dạng .xlsx, giữ nguyên tên tệp (${id.unit}.xlsx) và gửi lại Văn phòng. Không đổi tên, thêm hay xóa trang, dòng, cột.`, {}],
    ['Biểu mẫu mở được bằng Microsoft Excel, LibreOffice Calc hoặc Google Trang tính (khi tải về chọn định dạng .xlsx).', {}],
  ];
  lines.forEach(([text, s], i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    style(c, { ...s, alignment: { vertical: 'top', wrapText: true } });
  });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function identitySheet(wb: Workbook, m: FormModel): void {
  const ws = wb.addWorksheet(IDENTITY_SHEET, { state: 'hidden' });
  const id = m.identity;
  const rows: Array<[string, string | number]> = [
    ['form', 'cchc-progress-form'],
    ['version', id.version],
    ['agency', id.agency],
    ['plan', id.planTitle],
    ['year', id.year],
    ['unit', id.unit],
    ['unitName', id.unitName],
    ['asOf', id.asOf],
    ['hash', id.hash],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 2).value = v;
  });
  let r = rows.length + 1;
  for (const item of id.items) {
    ws.getCell(r, 1).value = 'item';
    ws.getCell(r++, 2).value = item;
  }
  // What each task row said when sent, so import can tell a percent left as it was.
  for (const t of m.groups.flatMap((g) => g.rows)) {
    ws.getCell(r, 1).value = 'sent';
    ws.getCell(r++, 2).value = `${t.no}|${t.status}|${t.percent}`;
  }
}

/** One unit's form as a workbook (not yet written): instructions, one sheet per part, identity. */
export async function formAsWorkbook(m: FormModel): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  wb.title = `Biểu cập nhật tiến độ CCHC ${m.identity.year} — ${m.identity.unitName}`;
  instructions(wb, m);
  await tasksSheet(wb, m);
  if (m.indicators.length > 0) await indicatorsSheet(wb, m);
  if (m.budget.length > 0) await budgetSheet(wb, m);
  identitySheet(wb, m);
  // Open on the sheet to fill in.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}

/** A line across the whole table (an area's title, a note); returns the next row. */
function bannerRow(ws: Worksheet, row: number, value: string, spec: Spec): number {
  ws.mergeCells(row, 1, row, 8);
  const c = ws.getCell(row, 1);
  c.value = value;
  style(c, spec);
  return row + 1;
}

/** Tiến độ: the unit's tasks by area, then the tasks it coordinates. */
async function tasksSheet(wb: Workbook, m: FormModel): Promise<void> {
  const id = m.identity;
  const ws = wb.addWorksheet(TASKS_SHEET);
  setupSheet(ws, [7, 48, 16, 17, 12, 14, 36, 26], HEADER_ROW);
  title(ws, 1, `TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM ${id.year}`, 8);
  title(ws, 2, `${id.unitName} — số liệu tính đến ngày ${isoAsVi(id.asOf)}`, 8, { size: 12, bold: false, italic: true });
  title(ws, 3, `Điền vào các ô màu vàng; xem trang "${INSTRUCTIONS_SHEET}".`, 8, { size: 11, bold: false, italic: true });
  header(ws, HEADER_ROW, Object.values(TASK_HEADERS));
  let row = HEADER_ROW + 1;
  for (const g of m.groups) {
    row = bannerRow(ws, row, `Nội dung ${g.area}: ${g.title}`, { bold: true, border: BORDER, alignment: { vertical: 'middle', wrapText: true } });
    for (const t of g.rows) taskRow(ws, row++, t, true);
  }
  if (m.groups.length === 0) row = bannerRow(ws, row, 'Đơn vị không chủ trì nhiệm vụ nào trong kế hoạch.', { italic: true, border: BORDER });
  if (m.coordinated.length > 0) {
    row = bannerRow(ws, row + 1, COORDINATED_MARKER, { bold: true, italic: true, border: BORDER });
    for (const t of m.coordinated) taskRow(ws, row++, t, false);
  }
  await ws.protect('', PROTECTION);
}

/** Chỉ tiêu: a result to type for a measurable indicator, Đạt / Không đạt for a qualitative one. */
async function indicatorsSheet(wb: Workbook, m: FormModel): Promise<void> {
  const id = m.identity;
  const wi = wb.addWorksheet(INDICATORS_SHEET);
  setupSheet(wi, [8, 60, 14, 16, 18, 30], HEADER_ROW);
  title(wi, 1, `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM ${id.year}`, 6);
  title(wi, 2, `Số liệu tính đến ngày ${isoAsVi(id.asOf)}`, 6, { size: 12, bold: false, italic: true });
  title(wi, 3, 'Chỉ tiêu đo được: ghi kết quả (số, dùng dấu phẩy cho phần thập phân). Chỉ tiêu định tính: chọn Đạt hoặc Không đạt.', 6, {
    size: 11,
    bold: false,
    italic: true,
  });
  header(wi, HEADER_ROW, Object.values(INDICATOR_HEADERS));
  m.indicators.forEach((ind, k) => {
    const r = wi.getRow(HEADER_ROW + 1 + k);
    const vals = [
      ind.id,
      ind.text,
      ind.target ?? 'Định tính',
      ind.value ?? null,
      ind.assessment ? ASSESSMENT_LABEL_VI[ind.assessment] : null,
      ind.source ?? null,
    ];
    vals.forEach((v, i) => {
      const c = r.getCell(i + 1);
      c.value = v as never;
      style(c, {
        border: BORDER,
        alignment: i === 1 || i === 5 ? { vertical: 'top', wrapText: true } : { horizontal: 'center', vertical: 'top', wrapText: true },
      });
    });
    if (ind.qualitative) {
      input(r.getCell(5));
      r.getCell(5).dataValidation = { type: 'list', allowBlank: true, formulae: [ASSESSMENT_LIST], showErrorMessage: true, error: 'Chọn Đạt hoặc Không đạt.' };
    } else {
      input(r.getCell(4));
      r.getCell(4).dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: 'Nhập một số không âm.',
      };
    }
    input(r.getCell(6));
  });
  await wi.protect('', PROTECTION);
}

/** Kinh phí: the amount spent so far on each budget line the unit leads. */
async function budgetSheet(wb: Workbook, m: FormModel): Promise<void> {
  const id = m.identity;
  const wk = wb.addWorksheet(BUDGET_SHEET);
  setupSheet(wk, [7, 60, 18, 20], HEADER_ROW);
  title(wk, 1, `KINH PHÍ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${id.year}`, 4);
  title(wk, 2, `Số đã chi lũy kế đến ngày ${isoAsVi(id.asOf)}`, 4, { size: 12, bold: false, italic: true });
  title(wk, 3, 'Ghi số tiền nguyên đồng, ví dụ 500.000.', 4, { size: 11, bold: false, italic: true });
  header(wk, HEADER_ROW, Object.values(BUDGET_HEADERS));
  m.budget.forEach((l, k) => {
    const r = wk.getRow(HEADER_ROW + 1 + k);
    [l.no, l.content, l.planned, l.spent].forEach((v, i) => {
      const c = r.getCell(i + 1);
      c.value = v;
      style(c, {
        border: BORDER,
        numFmt: i >= 2 ? '#,##0' : undefined,
        alignment: i === 1 ? { vertical: 'top', wrapText: true } : { horizontal: i >= 2 ? 'right' : 'center', vertical: 'top' },
      });
    });
    input(r.getCell(4));
    r.getCell(4).dataValidation = {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: 'Nhập số tiền nguyên đồng, không âm.',
    };
  });
  await wk.protect('', PROTECTION);
}
