/**
 * What a reader says when it refuses a value: a message id and its values, worded in
 * Vietnamese or English at the edge (record's flags, import's cells). Readers never throw.
 */
import type { Lang } from '../diagnostics/codes.js';

export type InputProblemId =
  | 'empty'
  | 'not-number'
  | 'ambiguous-number'
  | 'fraction-not-allowed'
  | 'negative'
  | 'too-large'
  | 'percent-range'
  | 'not-date'
  | 'no-such-date'
  | 'status'
  | 'assessment';

export interface InputProblem {
  id: InputProblemId;
  /** The value as typed (or as the cell held it). */
  actual: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

export function accept<T>(value: T): Read<T> {
  return { ok: true, value };
}

export function refuse<T>(id: InputProblemId, actual: unknown): Read<T> {
  return { ok: false, problem: { id, actual: String(actual) } };
}

const MESSAGES: Record<Lang, Record<InputProblemId, (a: string) => string>> = {
  vi: {
    empty: () => 'ô bỏ trống',
    'not-number': (a) => `"${a}" không phải là số`,
    'ambiguous-number': (a) => `"${a}" không rõ nghĩa; viết theo cách Việt Nam: dấu chấm ngăn cách hàng nghìn (500.000), dấu phẩy là dấu thập phân (50,5)`,
    'fraction-not-allowed': (a) => `"${a}" có phần thập phân; ở đây cần số nguyên (số tiền là nguyên đồng)`,
    negative: (a) => `"${a}" là số âm`,
    'too-large': (a) => `"${a}" quá lớn`,
    'percent-range': (a) => `tỷ lệ "${a}" phải từ 0 đến 100`,
    'not-date': (a) => `"${a}" không phải là ngày; viết ngày dạng dd/mm/yyyy, ví dụ 20/01/2022`,
    'no-such-date': (a) => `ngày "${a}" không tồn tại`,
    status: (a) => `trạng thái "${a}" không hợp lệ; chọn "chưa thực hiện", "đang thực hiện" hoặc "hoàn thành"`,
    assessment: (a) => `đánh giá "${a}" không hợp lệ; chọn "đạt" hoặc "không đạt"`,
  },
  en: {
    empty: () => 'the cell is empty',
    'not-number': (a) => `"${a}" is not a number`,
    'ambiguous-number': (a) => `"${a}" is ambiguous; write it the Vietnamese way: a dot groups thousands (500.000), a comma marks decimals (50,5)`,
    'fraction-not-allowed': (a) => `"${a}" has a fraction; a whole number is needed here (money is whole đồng)`,
    negative: (a) => `"${a}" is negative`,
    'too-large': (a) => `"${a}" is too large`,
    'percent-range': (a) => `the percentage "${a}" must be within 0-100`,
    'not-date': (a) => `"${a}" is not a date; write it as dd/mm/yyyy, for example 20/01/2022`,
    'no-such-date': (a) => `there is no date "${a}"`,
    status: (a) => `status "${a}" is not valid; pick "chưa thực hiện" (not started), "đang thực hiện" (in progress) or "hoàn thành" (done)`,
    assessment: (a) => `assessment "${a}" is not valid; pick "đạt" (achieved) or "không đạt" (not achieved)`,
  },
};

export function problemMessage(p: InputProblem, lang: Lang): string {
  return MESSAGES[lang][p.id](p.actual);
}
