/**
 * What reading typed input says (src/input): a refused value, from record's flags and
 * import's cells (problem.ts), and a returned progress form that cannot be taken
 * (form-read.ts). Vietnamese and English side by side; a reader takes its group in the
 * language of the run, `INPUT.form[lang]`. Each group's English must have the keys and the
 * parameters of its Vietnamese, or it does not compile; tests/unit/catalogues.test.ts
 * checks the same at run time.
 */
import type { Lang } from '../diagnostics/codes.js';

/** One group: its English has the shape of its Vietnamese. */
function group<T extends object>(g: { vi: T; en: NoInfer<T> }): Record<Lang, T> {
  return g;
}

export const INPUT = {
  // A value refused by a reader, by its InputProblemId (src/input/problem.ts: every id has its message)
  problem: group({
    vi: {
      empty: () => 'ô bỏ trống',
      'not-number': (a: string) => `"${a}" không phải là số`,
      'ambiguous-number': (a: string) =>
        `"${a}" không rõ nghĩa; viết theo cách Việt Nam: dấu chấm ngăn cách hàng nghìn (500.000), dấu phẩy là dấu thập phân (50,5)`,
      'fraction-not-allowed': (a: string) => `"${a}" có phần thập phân; ở đây cần số nguyên (số tiền là nguyên đồng)`,
      negative: (a: string) => `"${a}" là số âm`,
      'too-large': (a: string) => `"${a}" quá lớn`,
      'percent-range': (a: string) => `tỷ lệ "${a}" phải từ 0 đến 100`,
      'not-date': (a: string) => `"${a}" không phải là ngày; viết ngày dạng dd/mm/yyyy, ví dụ 20/01/2022`,
      'no-such-date': (a: string) => `ngày "${a}" không tồn tại`,
      status: (a: string) => `trạng thái "${a}" không hợp lệ; chọn "chưa thực hiện", "đang thực hiện" hoặc "hoàn thành"`,
      assessment: (a: string) => `đánh giá "${a}" không hợp lệ; chọn "đạt" hoặc "không đạt"`,
    },
    en: {
      empty: () => 'the cell is empty',
      'not-number': (a: string) => `"${a}" is not a number`,
      'ambiguous-number': (a: string) => `"${a}" is ambiguous; write it the Vietnamese way: a dot groups thousands (500.000), a comma marks decimals (50,5)`,
      'fraction-not-allowed': (a: string) => `"${a}" has a fraction; a whole number is needed here (money is whole đồng)`,
      negative: (a: string) => `"${a}" is negative`,
      'too-large': (a: string) => `"${a}" is too large`,
      'percent-range': (a: string) => `the percentage "${a}" must be within 0-100`,
      'not-date': (a: string) => `"${a}" is not a date; write it as dd/mm/yyyy, for example 20/01/2022`,
      'no-such-date': (a: string) => `there is no date "${a}"`,
      status: (a: string) => `status "${a}" is not valid; pick "chưa thực hiện" (not started), "đang thực hiện" (in progress) or "hoàn thành" (done)`,
      assessment: (a: string) => `assessment "${a}" is not valid; pick "đạt" (achieved) or "không đạt" (not achieved)`,
    },
  }),

  // A returned progress form (src/input/form-read.ts)
  form: group({
    vi: {
      notForm: 'không phải biểu mẫu của cchc (không có trang nhận dạng); hãy dùng biểu mẫu do "cchc form" tạo ra',
      newer: (v: string, reads: number) => `biểu mẫu phiên bản ${v}, mới hơn phiên bản cchc này đọc được (${reads}); hãy cập nhật cchc`,
      otherPlan: (got: string, want: string) => `biểu mẫu của kế hoạch khác: ${got}; kế hoạch đang nhập là ${want}`,
      otherUnit: (u: string) => `biểu mẫu của đơn vị "${u}", đơn vị này không có trong kế hoạch`,
      changed: (diff: string, unit: string) => `danh sách nhiệm vụ đã thay đổi từ khi gửi biểu mẫu (${diff}); hãy gửi biểu mẫu mới: cchc form --unit ${unit}`,
      added: (n: number, list: string) => `thêm ${n}: ${list}`,
      removed: (n: number, list: string) => `bỏ ${n}: ${list}`,
      noSheet: (s: string) => `không có trang "${s}"`,
      noHeader: (h: string) => `không tìm thấy cột "${h}" ở dòng tiêu đề`,
      noTask: (v: string) => `Số TT "${v}" không phải nhiệm vụ đơn vị chủ trì trong biểu mẫu này`,
      doneNoDate: 'nhiệm vụ hoàn thành cần ngày hoàn thành',
      dateNotDone: (s: string) => `chỉ ghi ngày hoàn thành khi đã hoàn thành (trạng thái đang là "${s}")`,
      afterAsOf: (d: string, a: string) => `ngày hoàn thành ${d} sau ngày số liệu ${a}`,
      percentStatus: (p: string, s: string) => `tỷ lệ ${p}% không khớp với trạng thái "${s}"`,
      noIndicator: (v: string) => `không có chỉ tiêu "${v}" trong kế hoạch`,
      noLine: (v: string) => `không có dòng dự toán "${v}"`,
      qualitativeValue: (id: string) => `chỉ tiêu ${id} là chỉ tiêu định tính: chọn Đạt hoặc Không đạt ở cột Đánh giá, không ghi số`,
      measurableAssessment: (id: string) => `chỉ tiêu ${id} là chỉ tiêu định lượng: ghi kết quả bằng số`,
      unreadable: (d: string) => `không đọc được tệp .xlsx: ${d}`,
    },
    en: {
      notForm: 'not a cchc form (it has no identity sheet); use a form made by "cchc form"',
      newer: (v: string, reads: number) => `form version ${v} is newer than this cchc reads (${reads}); update cchc`,
      otherPlan: (got: string, want: string) => `a form of another plan: ${got}; the plan being imported is ${want}`,
      otherUnit: (u: string) => `a form of unit "${u}", which the plan does not have`,
      changed: (diff: string, unit: string) => `the task list changed since the form was sent (${diff}); send a new form: cchc form --unit ${unit}`,
      added: (n: number, list: string) => `added ${n}: ${list}`,
      removed: (n: number, list: string) => `removed ${n}: ${list}`,
      noSheet: (s: string) => `no sheet "${s}"`,
      noHeader: (h: string) => `no column "${h}" in the header row`,
      noTask: (v: string) => `Số TT "${v}" is not a task this form's unit leads`,
      doneNoDate: 'a task done needs its completion date',
      dateNotDone: (s: string) => `a completion date goes only with a task done (status is "${s}")`,
      afterAsOf: (d: string, a: string) => `completion date ${d} is after the as-of date ${a}`,
      percentStatus: (p: string, s: string) => `${p}% does not match the status "${s}"`,
      noIndicator: (v: string) => `the plan has no indicator "${v}"`,
      noLine: (v: string) => `the budget has no line "${v}"`,
      qualitativeValue: (id: string) => `indicator ${id} is qualitative: pick Đạt or Không đạt in the assessment column, not a number`,
      measurableAssessment: (id: string) => `indicator ${id} is measurable: give the result as a number`,
      unreadable: (d: string) => `cannot read the .xlsx file: ${d}`,
    },
  }),
} as const;

export type InputGroup = keyof typeof INPUT;
