/**
 * Diagnostic codes of the citation checks (ref/*); merged into CODES in codes.ts.
 *
 * They come from src/check/rules/refs.ts and run only when the plan folder has a
 * references.yaml (the registry of cited documents). Places in messages ({place}, {other})
 * are "file:line:col" or a line number; dates are dd/mm/yyyy.
 */
import type { CodeInfo } from './codes.js';

export const REF_CODES = {
  'ref/unknown': {
    severity: 'warning',
    vi: '{type} số {symbol} chưa có trong danh mục văn bản viện dẫn (references.yaml)',
    en: 'The cited {type} {symbol} is not in the registry of cited documents (references.yaml)',
    hintVi: 'Thêm văn bản vào references.yaml, hoặc sửa lại số, ký hiệu cho đúng.',
    hintEn: 'Add the document to references.yaml, or correct its number and symbol.',
  },
  'ref/likely-typo': {
    severity: 'warning',
    vi: '{type} số {symbol} không có trong danh mục văn bản; có phải là {intended} ({place})?',
    en: '{type} {symbol} is not in the registry of cited documents; did you mean {intended} ({place})?',
    hintVi: 'Số, ký hiệu gần giống một văn bản đã có trong danh mục: kiểm tra lại với bản gốc.',
    hintEn: 'The number is close to a registered document: check it against the original.',
  },
  'ref/conflicting-date': {
    severity: 'error',
    vi: 'Văn bản {symbol} ở đây ghi ngày {actual}, nhưng ở {place} ghi ngày {expected}',
    en: '{symbol} is dated {actual} here but {expected} at {place}',
    hintVi: 'Một văn bản chỉ có một ngày ban hành: đối chiếu với bản gốc và sửa cho thống nhất.',
    hintEn: 'A document has one date of issue: check the original and make the citations agree.',
  },
  'ref/invalid-date': {
    severity: 'error',
    vi: 'Ngày không tồn tại: {actual} (văn bản {symbol})',
    en: 'No such date: {actual} ({symbol})',
  },
  'ref/after-plan': {
    severity: 'warning',
    vi: 'Văn bản {symbol} ngày {date} có sau ngày của kế hoạch ({bound})',
    en: '{symbol} is dated {date}, after the plan itself ({bound})',
    hintVi:
      'Mốc là ngày ban hành kế hoạch (date trong plan.yaml); kế hoạch chưa có ngày thì mốc là 31/12 năm trước năm kế hoạch. Kiểm tra lại ngày, số của văn bản, hoặc ghi ngày dự kiến vào plan.yaml.',
    hintEn:
      "The bound is the plan's date (date in plan.yaml); for a plan without a date it is 31/12 of the year before the plan year. Check the document's date and number, or set the expected date in plan.yaml.",
  },
  'ref/duplicate': {
    severity: 'error',
    vi: 'Văn bản {symbol} đã có trong danh mục (dòng {other})',
    en: '{symbol} is listed twice (also on line {other})',
  },
  'ref/unknown-type': {
    severity: 'error',
    vi: 'Loại văn bản không rõ "{actual}"; cần một trong: {expected}',
    en: 'Unknown document type "{actual}"; expected one of: {expected}',
  },
  'ref/bad-symbol': {
    severity: 'error',
    vi: 'Không đọc được số, ký hiệu "{actual}"',
    en: 'Cannot read the number and symbol "{actual}"',
    hintVi: 'Ghi như trong văn bản: 1847/QĐ-TTg, 107/2020/NĐ-CP, 09-CTr/TU (không kèm loại văn bản và ngày).',
    hintEn: 'Write it as the document does: 1847/QĐ-TTg, 107/2020/NĐ-CP, 09-CTr/TU (no type word, no date).',
  },
  'ref/conflicting-type': {
    severity: 'warning',
    vi: 'Văn bản {symbol} là {expected} ({place}) nhưng ở đây ghi là {actual}',
    en: '{symbol} is a {expected} ({place}) but is called {actual} here',
  },
  'ref/unused': {
    severity: 'warning',
    vi: 'Văn bản {symbol} có trong danh mục nhưng kế hoạch không viện dẫn ở đâu',
    en: '{symbol} is in the registry but the plan does not cite it anywhere',
    hintVi: 'Bỏ văn bản khỏi references.yaml nếu kế hoạch không còn viện dẫn.',
    hintEn: 'Remove it from references.yaml if the plan no longer cites it.',
  },
} as const satisfies Record<string, CodeInfo>;
