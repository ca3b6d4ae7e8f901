/**
 * What the command layer prints (summaries, notes, and the refusals that are not shared usage
 * errors), grouped by command, Vietnamese and English side by side. A command takes its
 * group in the language of the run, `const M = CLI.export[env.lang]`, and prints `M.wrote(file)`.
 * Each group's English must have the keys, and the parameters, of its Vietnamese, or it does
 * not compile; tests/unit/catalogues.test.ts checks the same at run time. Usage errors shared
 * below the command line live in usage.ts, help in help.ts, diagnostics in
 * src/diagnostics/codes.ts; the renderers (src/render) keep their own labels.
 */
import type { Lang } from '../diagnostics/codes.js';
import { formatInt } from './format.js';

/** One group: its English has the shape of its Vietnamese. */
function group<T extends object>(g: { vi: T; en: NoInfer<T> }): Record<Lang, T> {
  return g;
}

export const CLI = {
  // --as-of, --period and the warnings note (src/cli/as-of.ts)
  asOf: group({
    vi: {
      both: '--as-of và --period không dùng cùng nhau',
      bothHint: 'chọn một: --as-of NGÀY (một ngày bất kỳ) hoặc --period (mốc chốt số liệu chính thức)',
      badDate: (v: string) => `--as-of "${v}" không phải ngày hợp lệ`,
      badDateHint: 'viết ngày theo dạng dd/mm/yyyy hoặc YYYY-MM-DD, ví dụ 30/06/2022',
      badPeriod: (v: string) => `--period "${v}" không phải kỳ báo cáo hợp lệ`,
      periodHint: (y: string) => `dùng ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quý), ${y}-6M (6 tháng), ${y}-9M (9 tháng) hoặc ${y} (cả năm)`,
      periodYear: (v: string, y: number) => `--period ${v} không thuộc năm kế hoạch ${y}`,
      warnings: (n: number, dir: string) => `cchc: kiểm tra kế hoạch còn ${n} cảnh báo không hiện ở đây; xem bằng "cchc validate ${dir}"`,
    },
    en: {
      both: '--as-of and --period cannot be used together',
      bothHint: 'pick one: --as-of DATE (any date) or --period (the official cut-off)',
      badDate: (v: string) => `--as-of "${v}" is not a valid date`,
      badDateHint: 'write the date as dd/mm/yyyy or YYYY-MM-DD, for example 30/06/2022',
      badPeriod: (v: string) => `--period "${v}" is not a reporting period`,
      periodHint: (y: string) => `use ${y}-Q1, ${y}-Q2, ${y}-Q3, ${y}-Q4 (quarter), ${y}-6M (six months), ${y}-9M (nine months) or ${y} (the year)`,
      periodYear: (v: string, y: number) => `--period ${v} is not in the plan year ${y}`,
      warnings: (n: number, dir: string) =>
        `cchc: the plan's check has ${n} more warning${n === 1 ? '' : 's'}, not shown here; run "cchc validate ${dir}" to see ${n === 1 ? 'it' : 'them'}`,
    },
  }),

  // --out of cchc doc and cchc report (src/cli/commands/docx-out.ts)
  docxOut: group({
    vi: {
      notDocx: (v: string) => `--out "${v}" phải là tệp .docx`,
      notDocxHint: (eg: string) => `ví dụ: --out ${eg}`,
      isDir: (v: string) => `không ghi được ${v}: đó là một thư mục`,
      isDirHint: 'cho tên tệp, ví dụ --out van-ban/KH-CCHC.docx',
      noDir: (d: string) => `không ghi được: thư mục ${d} không tồn tại`,
      noDirHint: 'tạo thư mục trước, hoặc chọn thư mục khác cho --out',
      notDir: (d: string) => `không ghi được: ${d} không phải thư mục`,
      denied: (v: string) => `không ghi được ${v}: không có quyền ghi`,
      deniedHint: 'chọn thư mục khác cho --out',
      failed: (v: string, why: string) => `không ghi được ${v}: ${why}`,
    },
    en: {
      notDocx: (v: string) => `--out "${v}" must be a .docx file`,
      notDocxHint: (eg: string) => `for example: --out ${eg}`,
      isDir: (v: string) => `cannot write ${v}: it is a folder`,
      isDirHint: 'give a file name, for example --out documents/KH-CCHC.docx',
      noDir: (d: string) => `cannot write: the folder ${d} does not exist`,
      noDirHint: 'create the folder first, or choose another folder for --out',
      notDir: (d: string) => `cannot write: ${d} is not a folder`,
      denied: (v: string) => `cannot write ${v}: permission denied`,
      deniedHint: 'choose another folder for --out',
      failed: (v: string, why: string) => `cannot write ${v}: ${why}`,
    },
  }),

  // cchc doc (src/cli/commands/doc.ts)
  doc: group({
    vi: { written: (file: string, size: string) => `Đã ghi ${file} (kế hoạch, Phụ lục I, Phụ lục II; ${size})` },
    en: { written: (file: string, size: string) => `Wrote ${file} (the plan, Appendix I, Appendix II; ${size})` },
  }),

  // cchc export (src/cli/commands/export.ts)
  export: group({
    vi: {
      badSheet: (v: string) => `--sheets: không có trang "${v}"`,
      noSheet: '--sheets: cần ít nhất một trang',
      sheetsHint: (list: string) => `các trang: ${list} (phân cách bằng dấu phẩy)`,
      progressOnly: '--as-of và --period chỉ dùng cho trang progress',
      progressOnlyHint: 'thêm progress vào --sheets, hoặc bỏ --as-of/--period',
      notXlsx: (v: string) => `--out "${v}" phải là tệp .xlsx`,
      notXlsxHint: (eg: string) => `ví dụ: --out ${eg}`,
      isDir: (v: string) => `không ghi được ${v}: đó là một thư mục`,
      isDirHint: 'cho tên tệp, ví dụ --out bao-cao/KH-CCHC.xlsx',
      noDir: (d: string) => `không ghi được: thư mục ${d} không tồn tại`,
      noDirHint: 'tạo thư mục trước, hoặc chọn thư mục khác cho --out',
      notDir: (d: string) => `không ghi được: ${d} không phải thư mục`,
      denied: (v: string) => `không ghi được ${v}: không có quyền ghi`,
      deniedHint: 'chọn thư mục khác cho --out',
      failed: (v: string, why: string) => `không ghi được ${v}: ${why}`,
      written: (file: string, sheets: string, size: string) => `Đã ghi ${file} (${sheets}; ${size})`,
    },
    en: {
      badSheet: (v: string) => `--sheets: there is no sheet "${v}"`,
      noSheet: '--sheets: name at least one sheet',
      sheetsHint: (list: string) => `sheets: ${list} (comma-separated)`,
      progressOnly: '--as-of and --period only apply to the progress sheet',
      progressOnlyHint: 'add progress to --sheets, or leave out --as-of/--period',
      notXlsx: (v: string) => `--out "${v}" must be an .xlsx file`,
      notXlsxHint: (eg: string) => `for example: --out ${eg}`,
      isDir: (v: string) => `cannot write ${v}: it is a folder`,
      isDirHint: 'give a file name, for example --out reports/KH-CCHC.xlsx',
      noDir: (d: string) => `cannot write: the folder ${d} does not exist`,
      noDirHint: 'create the folder first, or choose another folder for --out',
      notDir: (d: string) => `cannot write: ${d} is not a folder`,
      denied: (v: string) => `cannot write ${v}: permission denied`,
      deniedHint: 'choose another folder for --out',
      failed: (v: string, why: string) => `cannot write ${v}: ${why}`,
      written: (file: string, sheets: string, size: string) => `Wrote ${file} (${sheets}; ${size})`,
    },
  }),

  // cchc fmt (src/cli/commands/fmt.ts)
  fmt: group({
    vi: {
      needNfc: 'cchc fmt cần --nfc (hiện chỉ có chuẩn hoá Unicode NFC)',
      needNfcHint: (paths: string) => `cchc fmt --nfc${paths}`,
      changed: (f: string, n: number) => `  ~ ${f}: chuẩn hoá NFC ${formatInt(n, 'vi')} dòng`,
      wouldChange: (f: string, n: number) => `  ~ ${f}: chưa ở dạng NFC (${formatInt(n, 'vi')} dòng)`,
      summary: (changed: number, total: number) => `Đã chuẩn hoá ${formatInt(changed, 'vi')}/${formatInt(total, 'vi')} tệp sang NFC.`,
      summaryCheck: (changed: number, total: number) =>
        changed
          ? `${formatInt(changed, 'vi')}/${formatInt(total, 'vi')} tệp chưa ở dạng NFC; chạy: cchc fmt --nfc`
          : `Cả ${formatInt(total, 'vi')} tệp đã ở dạng NFC.`,
      notRegular: (f: string) => `${f}: không phải tệp thường (liên kết, thiết bị…); bỏ qua`,
      tooLarge: (f: string) => `${f}: tệp quá lớn; bỏ qua`,
      notUtf8: (f: string) => `${f}: không phải UTF-8; bỏ qua`,
      ioFail: (f: string, code: string) => `${f}: không ghi được (${code}); tệp giữ nguyên`,
    },
    en: {
      needNfc: 'cchc fmt needs --nfc (Unicode NFC is the only formatting it does)',
      needNfcHint: (paths: string) => `cchc fmt --nfc${paths}`,
      changed: (f: string, n: number) => `  ~ ${f}: ${formatInt(n, 'en')} line${n === 1 ? '' : 's'} normalised to NFC`,
      wouldChange: (f: string, n: number) => `  ~ ${f}: not in NFC (${formatInt(n, 'en')} line${n === 1 ? '' : 's'})`,
      summary: (changed: number, total: number) => `Normalised ${formatInt(changed, 'en')} of ${formatInt(total, 'en')} files to NFC.`,
      summaryCheck: (changed: number, total: number) =>
        changed
          ? `${formatInt(changed, 'en')} of ${formatInt(total, 'en')} files are not in NFC; run: cchc fmt --nfc`
          : `All ${formatInt(total, 'en')} files are in NFC.`,
      notRegular: (f: string) => `${f}: not a regular file (a link, a device…); skipped`,
      tooLarge: (f: string) => `${f}: file too large; skipped`,
      notUtf8: (f: string) => `${f}: not UTF-8; skipped`,
      ioFail: (f: string, code: string) => `${f}: could not be written (${code}); left as it was`,
    },
  }),

  // cchc form (src/cli/commands/form.ts)
  form: group({
    vi: {
      noUnit: (v: string, s: string) => `kế hoạch không có đơn vị "${v}"${s ? ` (có phải "${s}"?)` : ''}`,
      notDir: (v: string) => `--out ${v} không phải là thư mục`,
      wrote: (n: number, dir: string, d: string) => `Đã ghi ${n} biểu mẫu, số liệu tính đến ngày ${d}, vào ${dir}:`,
      line: (file: string, name: string, tasks: number, coord: number, extra: string) =>
        `  ${file}  ${name}: ${tasks} nhiệm vụ chủ trì${coord ? `, ${coord} phối hợp` : ''}${extra}`,
      extra: (i: number, l: number) => `; ${i} chỉ tiêu, ${l} dòng kinh phí`,
      next: 'Gửi mỗi tệp cho đơn vị; khi nhận lại: cchc import <các tệp>',
    },
    en: {
      noUnit: (v: string, s: string) => `the plan has no unit "${v}"${s ? ` (did you mean "${s}"?)` : ''}`,
      notDir: (v: string) => `--out ${v} is not a folder`,
      wrote: (n: number, dir: string, d: string) => `Wrote ${n} form${n === 1 ? '' : 's'}, as of ${d}, to ${dir}:`,
      line: (file: string, name: string, tasks: number, coord: number, extra: string) =>
        `  ${file}  ${name}: ${tasks} task${tasks === 1 ? '' : 's'} led${coord ? `, ${coord} coordinated` : ''}${extra}`,
      extra: (i: number, l: number) => `; ${i} indicators, ${l} budget lines`,
      next: 'Send each file to its unit; when they come back: cchc import <files>',
    },
  }),

  // cchc import (src/cli/commands/import.ts)
  import: group({
    vi: {
      noFiles: 'cần ít nhất một tệp biểu mẫu .xlsx',
      noFilesHint: 'ví dụ: cchc import bieu-mau/*.xlsx',
      twoPlans: (a: string, b: string) => `chỉ một thư mục kế hoạch, có "${a}" và "${b}"`,
      notFound: (f: string) => `không tìm thấy tệp: ${f}`,
      badAsOf: (m: string) => `--as-of: ${m}`,
      mixedAsOf: (list: string) => `các biểu mẫu có ngày số liệu khác nhau (${list}); chọn ngày ghi bằng --as-of`,
      conflict: (what: string, a: string, b: string, va: string, vb: string) => `${what} được ghi khác nhau ở hai biểu mẫu: ${a} ghi ${va}, ${b} ghi ${vb}`,
      task: (n: number) => `nhiệm vụ ${n}`,
      indicator: (id: string) => `chỉ tiêu ${id}`,
      line: (n: number) => `dòng dự toán ${n}`,
      problems: (n: number) => `✗ ${n} lỗi trong biểu mẫu; chưa ghi gì. Sửa các ô trên rồi nhập lại.`,
      refused: 'cchc: không ghi vì kế hoạch sẽ có lỗi; tệp giữ nguyên',
      read: (f: string, unit: string, n: number) => `  ${f}: ${unit}, ${n} thay đổi`,
      header: (n: number, d: string) => `Đã đọc ${n} biểu mẫu; số liệu ghi vào ngày ${d}:`,
      nothing: (f: string) => `Không có gì thay đổi; ${f} giữ nguyên.`,
      target: (f: string, isNew: boolean) => `${f}${isNew ? ' (tệp mới)' : ''}:`,
      summary: (n: number) => `${n} thay đổi.`,
      dryRun: 'không ghi (--dry-run)',
    },
    en: {
      noFiles: 'at least one .xlsx form is needed',
      noFilesHint: 'for example: cchc import forms/*.xlsx',
      twoPlans: (a: string, b: string) => `one plan folder only, got "${a}" and "${b}"`,
      notFound: (f: string) => `no such file: ${f}`,
      badAsOf: (m: string) => `--as-of: ${m}`,
      mixedAsOf: (list: string) => `the forms have different as-of dates (${list}); choose the date with --as-of`,
      conflict: (what: string, a: string, b: string, va: string, vb: string) => `${what} is set differently by two forms: ${a} says ${va}, ${b} says ${vb}`,
      task: (n: number) => `task ${n}`,
      indicator: (id: string) => `indicator ${id}`,
      line: (n: number) => `budget line ${n}`,
      problems: (n: number) => `✗ ${n} problem${n === 1 ? '' : 's'} in the forms; nothing written. Fix the cells above and import again.`,
      refused: 'cchc: nothing written because the plan would have errors; the file is unchanged',
      read: (f: string, unit: string, n: number) => `  ${f}: ${unit}, ${n} change${n === 1 ? '' : 's'}`,
      header: (n: number, d: string) => `Read ${n} form${n === 1 ? '' : 's'}; recorded as of ${d}:`,
      nothing: (f: string) => `Nothing changes; ${f} is left as it is.`,
      target: (f: string, isNew: boolean) => `${f}${isNew ? ' (new file)' : ''}:`,
      summary: (n: number) => `${n} change${n === 1 ? '' : 's'}.`,
      dryRun: 'not written (--dry-run)',
    },
  }),

  // cchc record (src/cli/commands/record.ts)
  record: group({
    vi: {
      oneTarget: 'cần đúng một trong --task, --indicator, --line',
      oneTargetHint: 'ví dụ: cchc record --task 3 --status "hoàn thành" --completed 25/03/2022',
      notFor: (flag: string, target: string) => `${flag} không dùng với ${target}`,
      nothing: (target: string) => `${target}: chưa có gì để ghi`,
      nothingHint: {
        '--task': 'thêm --status, --percent, --completed, --evidence hoặc --note',
        '--indicator': 'thêm --value (chỉ tiêu định lượng) hoặc --assessment dat|khong-dat (định tính)',
        '--line': 'thêm --spent SỐ_TIỀN',
      } as Record<string, string>,
      bad: (flag: string, msg: string) => `${flag}: ${msg}`,
      noTask: (v: string) => `kế hoạch không có nhiệm vụ "${v}"`,
      noIndicator: (v: string, s: string) => `kế hoạch không có chỉ tiêu "${v}"${s ? ` (có phải "${s}"?)` : ''}`,
      noLine: (v: string) => `dự toán không có dòng "${v}"`,
      qualitative: (id: string) => `chỉ tiêu ${id} là chỉ tiêu định tính: dùng --assessment dat|khong-dat thay cho --value`,
      measurable: (id: string) => `chỉ tiêu ${id} là chỉ tiêu định lượng: dùng --value thay cho --assessment`,
      several: (id: string, targets: string) => `chỉ tiêu ${id} có nhiều mục tiêu; ghi theo mã mục tiêu: ${targets}`,
      refused: 'cchc: không ghi thay đổi này vì kế hoạch sẽ có lỗi; tệp giữ nguyên',
      unchanged: (f: string) => `${f}: không có gì thay đổi`,
      newFile: (f: string) => `${f} (tệp mới)`,
      dryRun: 'không ghi (--dry-run)',
    },
    en: {
      oneTarget: 'exactly one of --task, --indicator, --line is needed',
      oneTargetHint: 'for example: cchc record --task 3 --status done --completed 25/03/2022',
      notFor: (flag: string, target: string) => `${flag} does not go with ${target}`,
      nothing: (target: string) => `${target}: nothing to record`,
      nothingHint: {
        '--task': 'add --status, --percent, --completed, --evidence or --note',
        '--indicator': 'add --value (measurable) or --assessment dat|khong-dat (qualitative)',
        '--line': 'add --spent AMOUNT',
      } as Record<string, string>,
      bad: (flag: string, msg: string) => `${flag}: ${msg}`,
      noTask: (v: string) => `the plan has no task "${v}"`,
      noIndicator: (v: string, s: string) => `the plan has no indicator "${v}"${s ? ` (did you mean "${s}"?)` : ''}`,
      noLine: (v: string) => `the budget has no line "${v}"`,
      qualitative: (id: string) => `indicator ${id} is qualitative: use --assessment dat|khong-dat instead of --value`,
      measurable: (id: string) => `indicator ${id} is measurable: use --value instead of --assessment`,
      several: (id: string, targets: string) => `indicator ${id} has several targets; record by target id: ${targets}`,
      refused: 'cchc: this change is not written because the plan would have errors; the file is unchanged',
      unchanged: (f: string) => `${f}: nothing changes`,
      newFile: (f: string) => `${f} (new file)`,
      dryRun: 'not written (--dry-run)',
    },
  }),

  // cchc report (src/cli/commands/report.ts)
  report: group({
    vi: {
      needWhen: 'cần --period hoặc --as-of: báo cáo cho kỳ nào?',
      needWhenHint: 'ví dụ: cchc report --period 2022-9M, hoặc --as-of 2022-07-20',
      written: (file: string, size: string, example: boolean) =>
        `Đã ghi ${file} (${size})${example ? '; số liệu minh họa, không phải kết quả chính thức' : ''}`,
    },
    en: {
      needWhen: 'give --period or --as-of: which period does the report cover?',
      needWhenHint: 'for example: cchc report --period 2022-9M, or --as-of 2022-07-20',
      written: (file: string, size: string, example: boolean) => `Wrote ${file} (${size})${example ? '; illustrative data, not official results' : ''}`,
    },
  }),

  // cchc status (src/cli/commands/status.ts)
  status: group({
    vi: {
      badArea: (v: string) => `--area cần số thứ tự của nội dung, có "${v}"`,
      noArea: (v: number) => `kế hoạch không có nội dung ${v}`,
      areas: (list: string) => `các nội dung: ${list}`,
      noUnit: (v: string) => `kế hoạch không có đơn vị "${v}"`,
      units: (list: string, suggestion: string) => `${suggestion ? `có phải "${suggestion}"? ` : ''}các đơn vị (mã hoặc tên): ${list}`,
    },
    en: {
      badArea: (v: string) => `--area needs an area number, got "${v}"`,
      noArea: (v: number) => `the plan has no area ${v}`,
      areas: (list: string) => `areas: ${list}`,
      noUnit: (v: string) => `the plan has no unit "${v}"`,
      units: (list: string, suggestion: string) => `${suggestion ? `did you mean "${suggestion}"? ` : ''}units (id or name): ${list}`,
    },
  }),

  // cchc diff (src/cli/commands/diff.ts)
  diff: group({
    vi: {
      sideA: 'bản cũ',
      sideB: 'bản mới',
      unreadable: (name: string, where: string) => `cchc diff: không đọc được ${name} (${where}) thành kế hoạch; sửa các lỗi trên rồi so sánh lại`,
    },
    en: {
      sideA: 'the older side',
      sideB: 'the newer side',
      unreadable: (name: string, where: string) => `cchc diff: ${name} (${where}) cannot be read as a plan; fix the errors above and compare again`,
    },
  }),

  // cchc init (src/cli/commands/init.ts)
  init: group({
    vi: {
      /** The placeholder agency written into plan.yaml: the plan's own language, in both. */
      defaultAgency: 'Tên cơ quan',
      created: (where: string) => `Đã tạo kho kế hoạch trong ${where}:`,
      kept: (file: string) => `${file} (đã có, giữ nguyên)`,
      next: (year: number) => `Tiếp theo: sửa các tệp trong plans/${year}/, rồi chạy: cchc validate`,
    },
    en: {
      defaultAgency: 'Tên cơ quan',
      created: (where: string) => `Created a plan repository in ${where}:`,
      kept: (file: string) => `${file} (exists, kept)`,
      next: (year: number) => `Next: edit the files in plans/${year}/, then run: cchc validate`,
    },
  }),

  // cchc new (src/cli/commands/new.ts)
  new: group({
    vi: {
      fixSource: 'Sửa các lỗi của kế hoạch gốc trước khi tạo kế hoạch năm mới.',
      wouldNotValidate: (dir: string) => `cchc: kế hoạch mới sẽ có lỗi nên chưa ghi ${dir}; đây là lỗi của chương trình, xin báo lại kèm lệnh đã chạy.`,
    },
    en: {
      fixSource: 'Fix the source plan before starting a new one from it.',
      wouldNotValidate: (dir: string) =>
        `cchc: the new plan would not validate, so ${dir} was not written; this is a bug, please report it with the command you ran.`,
    },
  }),

  // The program itself (src/cli/program.ts)
  program: group({
    vi: { helpCommand: 'help [lệnh]' },
    en: { helpCommand: 'help [command]' },
  }),

  // The process boundary: a failed write (src/cli/environment.ts), an internal error (src/cli/main.ts)
  process: group({
    vi: {
      outputFailed: (why: string) => `cchc: không ghi được kết quả (${why})\n`,
      internal: (m: string, debug: boolean) =>
        `cchc: lỗi nội bộ, đây là lỗi của chương trình: ${m}\n` + `cchc: xin báo lỗi kèm lệnh đã chạy${debug ? '' : ' (đặt CCHC_DEBUG=1 để xem chi tiết)'}.`,
    },
    en: {
      outputFailed: (why: string) => `cchc: could not write the output (${why})\n`,
      internal: (m: string, debug: boolean) =>
        `cchc: internal error, this is a bug: ${m}\n` + `cchc: please report it with the command you ran${debug ? '' : ' (set CCHC_DEBUG=1 for details)'}.`,
    },
  }),

  // The progress line of long work (src/cli/progress.ts)
  progress: group({
    vi: { checking: 'Đang kiểm tra', writing: 'Đang ghi tệp Excel', reading: 'Đang đọc' },
    en: { checking: 'Checking', writing: 'Writing the workbook', reading: 'Reading' },
  }),
} as const;

export type CliGroup = keyof typeof CLI;
