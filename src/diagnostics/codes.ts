/**
 * The error catalogue: every diagnostic code, its severity and its message in Vietnamese and
 * English. Messages are templates over the diagnostic's params ({name}); the parameters a
 * code takes are read from its templates at compile time (ParamsOf), so a call site that
 * forgets one does not compile. Severity lives here only: no call site passes it.
 * docs/codes.md is generated from this table (scripts/gen-codes.mjs, kept in step by
 * tests/unit/codes-doc.test.ts); every code has a fixture case (tests/unit/rule-codes.test.ts).
 */
/** Whether a finding fails the run (exit 1) or only informs; set per code, never per call. */
export type Severity = 'error' | 'warning';

export interface CodeInfo {
  severity: Severity;
  /** Exit 2 instead of 1: the problem is with the invocation or the file system. */
  io?: boolean;
  vi: string;
  en: string;
  hintVi?: string;
  hintEn?: string;
}

import { REF_CODES } from './codes-refs.js';

const BASE_CODES = {
  // --- the file system and the invocation (exit 2)
  'io/not-found': { severity: 'error', io: true, vi: 'Không tìm thấy đường dẫn', en: 'Path does not exist' },
  'io/unreadable': { severity: 'error', io: true, vi: 'Không đọc được tệp: {detail}', en: 'Cannot read the file: {detail}' },
  'io/no-plan': {
    severity: 'error',
    io: true,
    vi: 'Không có kế hoạch nào ở đây (thư mục kế hoạch phải có plan.yaml)',
    en: 'No plan here (a plan folder has a plan.yaml)',
  },
  // --- the file as bytes
  'file/too-large': {
    severity: 'error',
    vi: 'Tệp quá lớn ({size} byte, tối đa {max})',
    en: 'File too large ({size} bytes, at most {max})',
  },
  'file/encoding': {
    severity: 'error',
    vi: 'Tệp không phải UTF-8 hợp lệ (byte {offset})',
    en: 'The file is not valid UTF-8 (byte {offset})',
    hintVi: 'Lưu lại tệp với bảng mã UTF-8.',
    hintEn: 'Save the file as UTF-8.',
  },
  'file/utf16': {
    severity: 'error',
    vi: 'Tệp được lưu dạng UTF-16; cchc chỉ đọc UTF-8',
    en: 'The file is saved as UTF-16; cchc reads UTF-8 only',
    hintVi: 'Lưu lại tệp với bảng mã UTF-8.',
    hintEn: 'Save the file as UTF-8.',
  },
  'file/missing': {
    severity: 'error',
    vi: 'Thư mục kế hoạch thiếu tệp {name}',
    en: 'The plan folder has no {name}',
  },
  'file/unknown-kind': {
    severity: 'error',
    vi: 'Không rõ loại tệp (kind: {kind}); cần một trong: {expected}',
    en: 'Unknown file kind ({kind}); expected one of: {expected}',
  },
  // --- YAML syntax and structure
  'yaml/syntax': { severity: 'error', vi: 'Lỗi cú pháp YAML: {detail}', en: 'YAML syntax error: {detail}' },
  // The parser's own warnings (an unknown directive, a tag it cannot resolve): the data is read.
  'yaml/warning': { severity: 'warning', vi: 'Cảnh báo YAML: {detail}', en: 'YAML warning: {detail}' },
  'yaml/duplicate-key': {
    severity: 'error',
    vi: 'Khóa bị lặp lại trong cùng một bảng',
    en: 'Duplicate key in the same mapping',
  },
  'yaml/multiple-documents': {
    severity: 'error',
    vi: 'Tệp chứa nhiều tài liệu YAML (---); mỗi tệp chỉ một',
    en: 'The file holds several YAML documents (---); one per file',
  },
  'yaml/tab-indent': {
    severity: 'error',
    vi: 'Thụt lề bằng ký tự tab; YAML chỉ cho phép dấu cách',
    en: 'Tab used for indentation; YAML allows spaces only',
  },
  'yaml/unknown-alias': {
    severity: 'error',
    vi: 'Bí danh *{name} chưa được khai báo (&{name}) trước đó',
    en: 'Alias *{name} has no anchor (&{name}) before it',
  },
  'yaml/complex-key': {
    severity: 'error',
    vi: 'Khóa là một bảng hoặc danh sách; khóa phải là văn bản',
    en: 'A key is a mapping or a list; keys must be text',
  },
  'yaml/empty-file': { severity: 'error', vi: 'Tệp rỗng', en: 'The file is empty' },
  'yaml/too-deep': { severity: 'error', vi: 'Cấu trúc lồng nhau quá sâu (tối đa {max} cấp)', en: 'Nesting too deep (at most {max} levels)' },
  'yaml/alias-limit': {
    severity: 'error',
    vi: 'Quá nhiều bí danh (alias) YAML, tối đa {max}: có thể là tệp độc hại',
    en: 'Too many YAML aliases (at most {max}): possibly a hostile file',
  },
  // --- JSON Schema
  'schema/unknown-property': {
    severity: 'error',
    vi: 'Trường không hợp lệ "{name}"{suggestion}',
    en: 'Unknown field "{name}"{suggestion}',
  },
  'schema/missing-property': { severity: 'error', vi: 'Thiếu trường bắt buộc "{name}"', en: 'Missing required field "{name}"' },
  'schema/type': { severity: 'error', vi: 'Sai kiểu dữ liệu: cần {expected}, có {actual}', en: 'Wrong type: expected {expected}, got {actual}' },
  'schema/enum': {
    severity: 'error',
    vi: 'Giá trị không hợp lệ {actual}; cần một trong: {expected}',
    en: 'Invalid value {actual}; expected one of: {expected}',
  },
  'schema/pattern': { severity: 'error', vi: 'Sai định dạng: {expected}', en: 'Wrong format: {expected}' },
  'schema/too-long': { severity: 'error', vi: 'Quá dài: tối đa {max} ký tự', en: 'Too long: at most {max} characters' },
  'schema/empty': { severity: 'error', vi: 'Không được để trống', en: 'Must not be empty' },
  'schema/range': { severity: 'error', vi: 'Giá trị {actual} ngoài khoảng cho phép ({expected})', en: 'Value {actual} out of range ({expected})' },
  'schema/too-many': { severity: 'error', vi: 'Quá nhiều phần tử (tối đa {max})', en: 'Too many items (at most {max})' },
  'schema/too-few': { severity: 'error', vi: 'Cần ít nhất {min} phần tử', en: 'At least {min} items are needed' },
  'schema/invalid': { severity: 'error', vi: 'Không hợp lệ: {detail}', en: 'Invalid: {detail}' },
  // --- money
  'money/not-integer': {
    severity: 'error',
    vi: 'Số tiền phải là số nguyên đồng, có {actual}',
    en: 'Money must be a whole number of đồng, got {actual}',
    hintVi: 'Viết số đồng chỉ bằng chữ số, không dấu phân cách{digits}.',
    hintEn: 'Write whole đồng as plain digits, without separators{digits}.',
  },
  'money/negative': { severity: 'error', vi: 'Số tiền không được âm ({actual})', en: 'Money must not be negative ({actual})' },
  'money/too-large': {
    severity: 'error',
    vi: 'Số tiền vượt quá giới hạn tính chính xác ({max} đồng)',
    en: 'Amount beyond exact arithmetic ({max} đồng)',
  },
  // --- text
  'text/not-nfc': {
    severity: 'warning',
    vi: 'Văn bản chưa ở dạng Unicode dựng sẵn (NFC)',
    en: 'Text is not in Unicode NFC',
    hintVi: 'Lưu lại bằng bộ gõ Unicode dựng sẵn; cchc đọc như NFC.',
    hintEn: 'cchc reads it as NFC; re-save as precomposed Unicode.',
  },
  'text/control-char': {
    severity: 'error',
    vi: 'Văn bản chứa ký tự điều khiển U+{char}',
    en: 'Text contains the control character U+{char}',
  },
  'text/invisible-char': {
    severity: 'warning',
    vi: 'Văn bản chứa ký tự ẩn độ rộng 0 U+{char}',
    en: 'Text contains the zero-width character U+{char}',
  },
  'text/bidi-char': {
    severity: 'error',
    vi: 'Văn bản chứa ký tự đổi chiều chữ U+{char}: chữ hiển thị khác với chữ được lưu',
    en: 'Text contains the bidirectional control U+{char}: what is shown differs from what is stored',
  },
  'date/invalid': { severity: 'error', vi: 'Ngày không tồn tại: {actual}', en: 'No such date: {actual}' },
  // --- plan metadata and areas
  'plan/year-mismatch': {
    severity: 'error',
    vi: 'Thư mục {folder} nhưng kế hoạch ghi năm {year}',
    en: 'Folder {folder} but the plan says year {year}',
  },
  'plan/issued-without-number': {
    severity: 'error',
    vi: 'Kế hoạch đã ban hành phải có số và ngày',
    en: 'An issued plan needs a number and a date',
  },
  'plan/annex-count': {
    severity: 'warning',
    vi: 'Văn bản ghi {declared} nhiệm vụ trọng tâm nhưng phụ lục có {actual}',
    en: 'The text says {declared} key tasks but the appendix has {actual}',
  },
  'area/duplicate-id': { severity: 'error', vi: 'Nội dung {id} bị khai báo hai lần', en: 'Area {id} declared twice' },
  'area/numbering': {
    severity: 'warning',
    vi: 'Nội dung đánh số không liên tục: cần {expected}, có {actual}',
    en: 'Areas not numbered in order: expected {expected}, got {actual}',
  },
  'area/no-tasks': { severity: 'warning', vi: 'Nội dung {id} không có nhiệm vụ nào trong phụ lục', en: 'Area {id} has no task in the appendix' },
  // --- units
  'unit/duplicate-id': { severity: 'error', vi: 'Mã đơn vị "{id}" bị lặp', en: 'Unit id "{id}" is used twice' },
  'unit/unused': { severity: 'warning', vi: 'Đơn vị "{id}" không được nhiệm vụ nào dùng', en: 'Unit "{id}" is not used by any task' },
  // --- tasks
  'task/unknown-unit': {
    severity: 'error',
    vi: 'Đơn vị "{id}" không có trong units.yaml{suggestion}',
    en: 'Unit "{id}" is not in units.yaml{suggestion}',
  },
  'task/duplicate-number': { severity: 'error', vi: 'Số TT {no} bị lặp (đã có ở dòng {other})', en: 'Task number {no} is used twice (also on line {other})' },
  'task/numbering': {
    severity: 'error',
    vi: 'Số TT không liên tục: cần {expected}, có {actual}',
    en: 'Task numbers must run 1..N without gaps: expected {expected}, got {actual}',
  },
  'task/duplicate-id': { severity: 'error', vi: 'Mã nhiệm vụ "{id}" bị lặp', en: 'Task id "{id}" is used twice' },
  'task/unknown-area': { severity: 'error', vi: 'Nội dung {area} không có trong plan.yaml', en: 'Area {area} is not in plan.yaml' },
  'task/area-order': {
    severity: 'warning',
    vi: 'Nhiệm vụ {no} thuộc nội dung {area} nằm sau nội dung {previous}',
    en: 'Task {no} of area {area} comes after area {previous}',
  },
  'task/no-lead': { severity: 'error', vi: 'Nhiệm vụ {no} chưa có đơn vị chủ trì', en: 'Task {no} has no lead unit' },
  'task/deadline-invalid': { severity: 'error', vi: 'Thời hạn không hợp lệ: {actual}', en: 'Invalid deadline: {actual}' },
  'task/deadline-year': {
    severity: 'error',
    vi: 'Thời hạn {actual} nằm ngoài năm kế hoạch {year}',
    en: 'Deadline {actual} is outside the plan year {year}',
  },
  // --- indicators
  'indicator/duplicate-id': { severity: 'error', vi: 'Mã chỉ tiêu "{id}" bị lặp', en: 'Indicator id "{id}" is used twice' },
  'indicator/unknown-area': { severity: 'error', vi: 'Nội dung {area} không có trong plan.yaml', en: 'Area {area} is not in plan.yaml' },
  'indicator/percent-range': { severity: 'error', vi: 'Tỷ lệ phần trăm phải từ 0 đến 100, có {actual}', en: 'A percentage must be within 0-100, got {actual}' },
  'indicator/target-id': {
    severity: 'error',
    vi: 'Chỉ tiêu có nhiều mục tiêu: mỗi mục tiêu cần một mã (id)',
    en: 'An indicator with several targets needs an id on each',
  },
  // --- budget
  'budget/total-mismatch': {
    severity: 'error',
    vi: 'Tổng các dòng là {expected} nhưng tổng cộng ghi {actual} (chênh {diff})',
    en: 'The lines add up to {expected} but the total says {actual} (difference {diff})',
  },
  'budget/line-arithmetic': {
    severity: 'error',
    vi: 'Dòng {no}: {quantity} × {rate} = {expected}, nhưng số tiền ghi {actual} (chênh {diff})',
    en: 'Line {no}: {quantity} × {rate} = {expected}, but the amount says {actual} (difference {diff})',
  },
  'budget/percent-line': {
    severity: 'error',
    vi: 'Dòng {no}: {percent}% của {base} là {expected}, nhưng số tiền ghi {actual} (chênh {diff})',
    en: 'Line {no}: {percent}% of {base} is {expected}, but the amount says {actual} (difference {diff})',
  },
  'budget/words-mismatch': {
    severity: 'error',
    vi: 'Số tiền bằng chữ "{actual}" không khớp với {total}; đúng là "{expected}"',
    en: 'The words "{actual}" do not match {total}; they should read "{expected}"',
  },
  'budget/no-funding': {
    severity: 'error',
    vi: 'Chưa ghi nguồn kinh phí (quyết định giao dự toán) trong plan.yaml',
    en: 'No funding source (the allocating decision) in plan.yaml',
  },
  'budget/duplicate-line': { severity: 'error', vi: 'STT {no} bị lặp', en: 'Line number {no} is used twice' },
  'budget/numbering': {
    severity: 'error',
    vi: 'STT không liên tục: cần {expected}, có {actual}',
    en: 'Lines must run 1..N: expected {expected}, got {actual}',
  },
  // --- progress records
  'progress/unknown-task': { severity: 'error', vi: 'Không có nhiệm vụ số {no} trong kế hoạch', en: 'The plan has no task {no}' },
  'progress/unknown-indicator': {
    severity: 'error',
    vi: 'Không có chỉ tiêu hoặc mục tiêu "{id}"{suggestion}',
    en: 'No indicator or target "{id}"{suggestion}',
  },
  'progress/unknown-line': { severity: 'error', vi: 'Không có dòng dự toán STT {no}', en: 'The budget has no line {no}' },
  'progress/date-outside-year': {
    severity: 'error',
    vi: 'Ngày {actual} nằm ngoài năm kế hoạch {year}',
    en: 'Date {actual} is outside the plan year {year}',
  },
  'progress/done-without-date': {
    severity: 'error',
    vi: 'Nhiệm vụ {no} hoàn thành nhưng chưa có ngày hoàn thành',
    en: 'Task {no} is done but has no completion date',
  },
  'progress/completed-after-as-of': {
    severity: 'error',
    vi: 'Ngày hoàn thành {actual} sau ngày số liệu {asOf}',
    en: 'Completion date {actual} is after the as-of date {asOf}',
  },
  'progress/percent-status': {
    severity: 'warning',
    vi: 'Trạng thái "{status}" không khớp với {percent}%',
    en: 'Status "{status}" does not match {percent}%',
  },
  'progress/duplicate': { severity: 'error', vi: '{what} {id} được ghi hai lần trong cùng tệp', en: '{what} {id} appears twice in the same file' },
  'progress/overspent': {
    severity: 'warning',
    vi: 'Dòng {no} đã chi {actual}, vượt dự toán {expected} (vượt {diff})',
    en: 'Line {no} spent {actual}, above its {expected} (over by {diff})',
  },
  'progress/non-indicator-value': {
    severity: 'error',
    vi: 'Chỉ tiêu "{id}" có {count} mục tiêu; ghi số liệu theo mã mục tiêu ({targets})',
    en: 'Indicator "{id}" has {count} targets; record values by target id ({targets})',
  },
  // --- bounded input (issue 12; caps documented in docs/engine.md)
  'file/not-regular': {
    severity: 'error',
    io: true,
    vi: 'Không phải tệp thường ({kind}); cchc chỉ đọc tệp thường',
    en: 'Not a regular file ({kind}); cchc reads regular files only',
  },
  'file/outside-repository': {
    severity: 'error',
    io: true,
    vi: 'Liên kết (symlink) trỏ ra ngoài kho kế hoạch {root}; cchc không đọc',
    en: 'A symbolic link to outside the plan repository {root}; not read',
    hintVi: 'Chép tệp vào kho kế hoạch thay cho liên kết.',
    hintEn: 'Copy the file into the plan repository instead of linking to it.',
  },
  'yaml/too-many-nodes': {
    severity: 'error',
    vi: 'Tệp có quá nhiều phần tử YAML (hơn {max})',
    en: 'Too many YAML nodes in the file (more than {max})',
  },
  'limit/findings': {
    severity: 'warning',
    vi: 'Còn {count} phát hiện khác trong tệp này không hiển thị (tối đa {max} mỗi tệp)',
    en: '{count} more findings in this file not shown (at most {max} per file)',
  },
  'limit/plan-files': {
    severity: 'error',
    vi: 'Thư mục có {count} tệp, quá giới hạn {max}',
    en: 'The folder holds {count} files, more than {max}',
  },
  'limit/plan-size': {
    severity: 'error',
    vi: 'Kế hoạch quá lớn: các tệp vượt {max} byte; tệp này và các tệp sau không được đọc',
    en: 'The plan is too large: its files exceed {max} bytes; this file and those after it were not read',
  },
  'progress/indicator-record': {
    severity: 'error',
    vi: 'Chỉ tiêu "{id}" là chỉ tiêu {kind}: ghi {field}',
    en: 'Indicator "{id}" is {kind}: record its {field}',
  },
  'task/deadline-unresolved': {
    severity: 'warning',
    vi: 'Nhiệm vụ {no}: thời hạn "{deadline}" không chứa ngày nào; được tính là 31/12/{year}',
    en: 'Task {no}: the deadline "{deadline}" names no date; it is taken as 31/12/{year}',
    hintVi: 'Ghi ngày đến hạn bằng trường due: YYYY-MM-DD bên cạnh deadline.',
    hintEn: 'Give the due date with a due: YYYY-MM-DD field beside deadline.',
  },
  'budget/words-mismatch-sum': {
    severity: 'error',
    vi: 'Số tiền bằng chữ "{actual}" không khớp với tổng các dòng {sum} (tổng cộng ghi {total} cũng sai); đúng là "{expected}"',
    en: 'The words "{actual}" do not match the sum of the lines, {sum} (the declared total {total} is wrong too); they should read "{expected}"',
  },
  'task/date-outside-year': {
    severity: 'warning',
    vi: 'Ngày {actual} trong văn bản nằm ngoài năm kế hoạch {year}',
    en: 'The date {actual} in the text is outside the plan year {year}',
    hintVi: 'Kế hoạch chép từ năm trước? cchc new chuyển các ngày đọc được; sửa tay ngày này.',
    hintEn: 'Copied from last year? cchc new moves the dates it can read; fix this one by hand.',
  },
  'scoring/invalid': {
    severity: 'error',
    vi: 'Khung điểm không hợp lệ: {detail}',
    en: 'Invalid scoring frame: {detail}',
    hintVi: 'Xem schemas/scoring.schema.json; bỏ tệp này để dùng khung điểm mặc định.',
    hintEn: 'See schemas/scoring.schema.json; remove the file to use the built-in frame.',
  },
  'text/noncharacter': {
    severity: 'error',
    vi: 'Văn bản chứa ký tự không phải chữ (noncharacter) U+{char}: tệp Excel xuất ra sẽ hỏng',
    en: 'Text contains the noncharacter U+{char}: an exported workbook would not open',
  },
  'text/lone-surrogate': {
    severity: 'error',
    vi: 'Văn bản chứa nửa cặp ký tự thay thế U+{char}, không mã hóa được',
    en: 'Text contains the unpaired surrogate U+{char}, which cannot be encoded',
  },
  'text/carriage-return': {
    severity: 'error',
    vi: 'Văn bản chứa ký tự về đầu dòng (CR) đứng riêng',
    en: 'Text contains a carriage return (CR) on its own',
    hintVi: 'Xuống dòng bằng LF (\\n).',
    hintEn: 'Break lines with LF (\\n).',
  },
} as const satisfies Record<string, CodeInfo>;

export const CODES = { ...BASE_CODES, ...REF_CODES } as const;

/** A diagnostic code: a key of the catalogue, so a misspelt code does not compile. */
export type Code = keyof typeof CODES;

export type Lang = 'vi' | 'en';

/** The `{name}` placeholders of one template. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type Templates<I> = I extends { vi: infer V; en: infer E }
  ? V | E | (I extends { hintVi: infer H } ? H : never) | (I extends { hintEn: infer H } ? H : never)
  : never;

/**
 * Params a code carries beyond its templates: read by renderers (SARIF, JSON) or kept for
 * a sibling code a call site may switch to.
 */
interface ExtraParams {
  /** How close the cited number is to the registered one (JSON consumers sort by it). */
  'ref/likely-typo': { likeness: string | number };
  /** The parser's own words, kept in the JSON output. */
  'yaml/alias-limit': { detail: string | number };
}

type Extras<C extends Code> = C extends keyof ExtraParams ? ExtraParams[C] : unknown;

/** The parameters of code C: one per placeholder of its messages and hints, plus its extras. */
export type ParamsOf<C extends Code> = { [K in Placeholders<Templates<(typeof CODES)[C]>>]: string | number } & Extras<C>;

/** Params as stored on a diagnostic (and read back from the cache or JSON). */
export type Params = Record<string, string | number>;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

export function codeInfo(code: Code): CodeInfo;
export function codeInfo(code: string): CodeInfo | undefined;
export function codeInfo(code: string): CodeInfo | undefined {
  return isCode(code) ? (CODES as Record<Code, CodeInfo>)[code] : undefined;
}

/** Every placeholder name of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

/** Words used inside params ("@integer"), localized when the message is rendered. */
const VOCAB: Record<Lang, Record<string, string>> = {
  vi: {
    string: 'văn bản',
    integer: 'số nguyên',
    number: 'số',
    boolean: 'true/false',
    array: 'danh sách',
    object: 'bảng khóa: giá trị',
    null: 'để trống',
    nan: '.nan (không phải số)',
    infinity: 'vô cực (.inf)',
    'date-format': 'ngày dạng YYYY-MM-DD',
    'id-format': 'mã gồm chữ cái Latinh, chữ số, dấu gạch',
    task: 'Nhiệm vụ',
    indicator: 'Chỉ tiêu',
    line: 'Dòng dự toán',
    qualitative: 'định tính',
    measurable: 'định lượng',
    'permission-denied': 'không có quyền đọc',
    'link-loop': 'liên kết tượng trưng vòng quanh',
    'is-folder': 'đây là thư mục',
  },
  en: {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true/false',
    array: 'a list',
    object: 'a mapping',
    null: 'empty',
    nan: '.nan (not a number)',
    infinity: 'infinity (.inf)',
    'date-format': 'a date as YYYY-MM-DD',
    'id-format': 'an id of Latin letters, digits and dashes',
    task: 'Task',
    indicator: 'Indicator',
    line: 'Budget line',
    qualitative: 'qualitative',
    measurable: 'measurable',
    'permission-denied': 'permission denied',
    'link-loop': 'symbolic link loop',
    'is-folder': 'is a folder',
  },
};

/** "#20000000" is a whole number to group for the reader: 20.000.000 or 20,000,000. */
export function figure(n: bigint | number): string {
  return '#' + n.toString();
}

function localize(v: string, lang: Lang): string {
  if (/^#-?\d+$/.test(v)) {
    const digits = v.replace(/^#-?/, '');
    const sep = lang === 'vi' ? '.' : ',';
    return (v[1] === '-' ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }
  if (!v.startsWith('@')) return v;
  return v
    .split('|')
    .map((w) => VOCAB[lang][w.slice(1)] ?? w.slice(1))
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
}

const SUGGEST = { vi: ' (có phải "{x}"?)', en: ' (did you mean "{x}"?)' };

export function formatTemplate(template: string, params: Params, lang: Lang = 'vi'): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    // A missing parameter is a bug at the call site: show it rather than hide it.
    if (!(k in params)) return `{${k}}`;
    const v = String(params[k]);
    // A suggestion is a bare value; its wording belongs to the language.
    if (k === 'suggestion') return v ? SUGGEST[lang].replace('{x}', v) : '';
    return localize(v, lang);
  });
}

export function messageOf(code: Code, params: Params, lang: Lang): string {
  return formatTemplate(codeInfo(code)[lang], params, lang);
}

export function hintOf(code: Code, params: Params, lang: Lang): string | undefined {
  const info = codeInfo(code);
  const t = lang === 'vi' ? info.hintVi : info.hintEn;
  return t ? formatTemplate(t, params, lang) : undefined;
}

/**
 * The code's message with its parameters left open ("…"), for a rule's description (SARIF,
 * docs/codes.md) where there is no finding to fill them in; a "did you mean" is left out.
 */
export function describeCode(code: Code, lang: Lang): string {
  const open = CODES[code][lang].replace(/\{suggestion\}/g, '').replace(/\{\w+\}/g, '…');
  return open.replace(/\s+/g, ' ').trim();
}
