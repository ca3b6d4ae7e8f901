/**
 * The help of the command line, Vietnamese and English side by side: what each command,
 * argument and option is for, two or three examples per command, and the words commander
 * itself prints ("Usage", "Options", "did you mean", its error messages). src/cli/program.ts
 * builds the commands from this in the language of the run (--lang, CCHC_LANG).
 * Example lines stay within 80 columns (tests/cli/help.test.ts).
 */
import type { Lang } from '../diagnostics/codes.js';

export interface CommandHelp {
  description: string;
  /** By argument name. */
  args?: Record<string, string>;
  /** By long option name without dashes (`as-of`, `no-color`); overrides OPTION_HELP. */
  options?: Record<string, string>;
  /** A short line saying what the example does, then the command. */
  examples: Array<[what: string, command: string]>;
}

interface HelpText {
  program: string;
  titles: Record<string, string>;
  examples: string;
  options: Record<string, string>;
  commands: Record<string, CommandHelp>;
}

const VI: HelpText = {
  program: 'Kế hoạch cải cách hành chính dưới dạng mã: kiểm tra, theo dõi tiến độ, dự toán, xuất phụ lục',
  titles: { 'Usage:': 'Cách dùng:', 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:' },
  examples: 'Ví dụ:',
  options: {
    lang: 'ngôn ngữ của thông báo và trợ giúp (mặc định: vi, hoặc CCHC_LANG)',
    'no-color': 'không dùng màu',
    format: 'định dạng kết quả',
    json: 'xuất JSON, như --format json',
    'as-of': 'tính đến ngày (30/06/2022 hoặc 2022-06-30)',
    period: 'kỳ báo cáo: 2022-Q1 … 2022-Q4, 2022-6M, 2022-9M, 2022',
    strict: 'cảnh báo cũng làm lệnh thất bại',
    'dry-run': 'chỉ in, không ghi',
    help: 'hiện trợ giúp của lệnh',
    version: 'in số phiên bản',
  },
  commands: {
    validate: {
      description: 'kiểm tra các tệp kế hoạch',
      args: { paths: 'thư mục kế hoạch, tệp, hoặc thư mục chứa các kế hoạch (mặc định: ./plans)' },
      examples: [
        ['kiểm tra mọi kế hoạch trong kho', 'cchc validate'],
        ['một kế hoạch, cảnh báo cũng tính là lỗi', 'cchc validate plans/2022 --strict'],
        ['chú thích lỗi ngay trên GitHub', 'cchc validate --format github plans'],
      ],
    },
    status: {
      description: 'tiến độ thực hiện kế hoạch',
      args: { plan: 'thư mục kế hoạch (mặc định: kế hoạch mới nhất trong ./plans)' },
      options: { unit: 'lọc theo đơn vị chủ trì (mã hoặc tên)', area: 'lọc theo nội dung (số)', overdue: 'chỉ nhiệm vụ quá hạn' },
      examples: [
        ['tiến độ 9 tháng đầu năm', 'cchc status plans/2022 --period 2022-9M'],
        ['nhiệm vụ quá hạn của một đơn vị', 'cchc status --unit van-phong --overdue'],
        ['số liệu cho chương trình khác', 'cchc status --as-of 2022-06-30 --format json'],
      ],
    },
    budget: {
      description: 'dự toán kinh phí và các phép kiểm tra',
      args: { plan: 'thư mục kế hoạch' },
      options: { 'as-of': 'số đã chi tính đến ngày (30/06/2022)' },
      examples: [
        ['dự toán và số đã chi đến hôm nay', 'cchc budget'],
        ['số đã chi đến hết tháng 6', 'cchc budget plans/2022 --as-of 2022-06-30'],
      ],
    },
    export: {
      description: 'xuất phụ lục và báo cáo tiến độ ra Excel',
      args: { plan: 'thư mục kế hoạch' },
      options: { out: 'tệp .xlsx (mặc định: KH-CCHC-<năm>.xlsx)', sheets: 'các trang: appendix1,appendix2,progress' },
      examples: [
        ['cả hai phụ lục và tiến độ', 'cchc export plans/2022'],
        ['chỉ Phụ lục I, vào tệp đã chọn', 'cchc export --sheets appendix1 -o PL-I.xlsx'],
        ['tiến độ quý III', 'cchc export --sheets progress --period 2022-Q3'],
      ],
    },
    doc: {
      description: 'kế hoạch thành văn bản .docx (Nghị định 30/2020)',
      args: { plan: 'thư mục kế hoạch' },
      options: { out: 'tệp .docx (mặc định: KH-CCHC-<năm>.docx)' },
      examples: [
        ['văn bản kế hoạch năm 2022', 'cchc doc plans/2022'],
        ['vào tệp đã chọn', 'cchc doc -o KH-CCHC-2022-ban-in.docx'],
      ],
    },
    report: {
      description: 'báo cáo kết quả thực hiện kế hoạch (.docx)',
      args: { plan: 'thư mục kế hoạch' },
      options: { out: 'tệp .docx (mặc định: BC-CCHC-<kỳ>.docx)' },
      examples: [
        ['báo cáo 9 tháng', 'cchc report --period 2022-9M'],
        ['báo cáo đến một ngày, vào tệp đã chọn', 'cchc report --as-of 2022-07-20 -o BC.docx'],
      ],
    },
    refs: {
      description: 'danh mục văn bản được viện dẫn',
      args: { plan: 'thư mục kế hoạch' },
      examples: [
        ['các văn bản kế hoạch viện dẫn', 'cchc refs plans/2022'],
        ['thất bại cả khi chỉ có cảnh báo', 'cchc refs --strict'],
        ['danh mục dạng JSON', 'cchc refs --format json'],
      ],
    },
    diff: {
      description: 'so sánh hai phiên bản kế hoạch',
      args: {
        a: 'phiên bản git (REV) hoặc thư mục kế hoạch',
        b: 'phiên bản thứ hai hoặc thư mục (mặc định: cây làm việc)',
        plan: 'thư mục kế hoạch khi so sánh theo phiên bản git',
      },
      options: { 'exit-code': 'thoát với mã 1 khi có khác biệt' },
      examples: [
        ['những gì đã sửa so với lần commit trước', 'cchc diff HEAD plans/2022'],
        ['hai thư mục, không cần git', 'cchc diff plans/2022 plans/2023'],
        ['nhận xét cho yêu cầu hợp nhất', 'cchc diff main HEAD plans/2022 --format markdown'],
      ],
    },
    new: {
      description: 'tạo kế hoạch năm mới từ kế hoạch trước',
      args: { year: 'năm kế hoạch mới' },
      options: { from: 'kế hoạch gốc (mặc định: kế hoạch mới nhất trong ./plans)' },
      examples: [
        ['kế hoạch 2023 từ kế hoạch mới nhất', 'cchc new 2023'],
        ['từ một kế hoạch đã chọn', 'cchc new 2024 --from plans/2022'],
      ],
    },
    init: {
      description: 'tạo kho kế hoạch mới',
      args: { dir: 'thư mục (mặc định: thư mục hiện tại)' },
      options: {
        year: 'năm kế hoạch (mặc định: năm nay)',
        agency: 'tên cơ quan',
        package: 'nguồn cài cchc ghi vào workflow (URL https:// hoặc đường dẫn)',
        sha256: 'SHA-256 của tệp --package',
      },
      examples: [
        ['kho kế hoạch trong thư mục hiện tại', 'cchc init'],
        ['kho mới cho năm 2024', 'cchc init kh-cchc --year 2024 --agency "Sở Nội vụ"'],
      ],
    },
    record: {
      description: 'ghi một cập nhật tiến độ',
      args: { plan: 'thư mục kế hoạch' },
      options: {
        task: 'nhiệm vụ (số TT hoặc mã)',
        status: 'chưa thực hiện | đang thực hiện | hoàn thành',
        percent: 'tỷ lệ hoàn thành 0-100',
        completed: 'ngày hoàn thành dd/mm/yyyy',
        evidence: 'minh chứng, ví dụ "Quyết định số 600/QĐ-UBND ngày 25/03/2022"',
        note: 'ghi chú',
        indicator: 'chỉ tiêu hoặc mục tiêu',
        value: 'giá trị đo được',
        source: 'nguồn số liệu',
        assessment: 'chỉ tiêu định tính: dat | khong-dat',
        line: 'dòng dự toán',
        spent: 'số đã chi lũy kế, ví dụ 500.000',
        'as-of': 'ngày số liệu (mặc định: hôm nay)',
      },
      examples: [
        ['nhiệm vụ 3 đã xong', 'cchc record --task 3 --status "hoàn thành" --completed 25/03/2022'],
        ['giá trị một chỉ tiêu', 'cchc record --indicator 2.1 --value 45,5'],
        ['số đã chi của dòng dự toán 2, chỉ xem', 'cchc record --line 2 --spent 1.500.000 --dry-run'],
      ],
    },
    form: {
      description: 'biểu mẫu Excel cập nhật tiến độ cho từng đơn vị',
      args: { plan: 'thư mục kế hoạch' },
      options: { unit: 'chỉ đơn vị này, lặp lại được (mã hoặc tên)', out: 'thư mục ghi biểu mẫu' },
      examples: [
        ['biểu mẫu cho mọi đơn vị', 'cchc form -o bieu-mau'],
        ['cho hai đơn vị, kỳ 6 tháng', 'cchc form --unit van-phong --unit thanh-tra --period 2022-6M -o bm'],
      ],
    },
    import: {
      description: 'nhập các biểu mẫu tiến độ đã điền',
      args: { files: 'các tệp .xlsx, và thư mục kế hoạch nếu cần' },
      options: { 'as-of': 'ngày ghi số liệu (mặc định: ngày của biểu mẫu)' },
      examples: [
        ['nhập các biểu mẫu đã nhận', 'cchc import bieu-mau/*.xlsx'],
        ['xem trước, không ghi', 'cchc import bieu-mau/*.xlsx plans/2022 --dry-run'],
      ],
    },
    fmt: {
      description: 'chuẩn hoá tệp kế hoạch (Unicode NFC), giữ nguyên mọi thứ khác',
      args: { paths: 'thư mục kế hoạch hoặc tệp (mặc định: kế hoạch nơi đang đứng)' },
      options: { nfc: 'chuyển văn bản sang Unicode dựng sẵn (NFC)', check: 'chỉ kiểm tra, không ghi; thoát 1 nếu có tệp chưa NFC' },
      examples: [
        ['chuẩn hoá một kế hoạch', 'cchc fmt --nfc plans/2022'],
        ['chỉ kiểm tra (trong CI)', 'cchc fmt --nfc --check'],
      ],
    },
    completion: {
      description: 'in mã hoàn thành lệnh cho bash, zsh hoặc fish',
      args: { shell: 'bash, zsh hoặc fish' },
      examples: [
        ['dùng ngay trong bash', 'source <(cchc completion bash)'],
        ['cài cho zsh', 'cchc completion zsh > ~/.zfunc/_cchc'],
        ['cài cho fish', 'cchc completion fish > ~/.config/fish/completions/cchc.fish'],
      ],
    },
  },
};

const EN: HelpText = {
  program: 'Administrative-reform plans as code: check, track progress, budget, export appendices',
  titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' },
  examples: 'Examples:',
  options: {
    lang: 'language of messages and help (default: vi, or CCHC_LANG)',
    'no-color': 'no colour',
    format: 'output format',
    json: 'JSON output, as --format json',
    'as-of': 'as of a date (30/06/2022 or 2022-06-30)',
    period: 'reporting period: 2022-Q1 … 2022-Q4, 2022-6M, 2022-9M, 2022',
    strict: 'warnings fail too',
    'dry-run': 'print without writing',
    help: 'display help for command',
    version: 'output the version number',
  },
  commands: {
    validate: {
      description: 'check plan files',
      args: { paths: 'plan folders, files, or folders of plans (default: ./plans)' },
      examples: [
        ['check every plan of the repository', 'cchc validate'],
        ['one plan, warnings count as failures', 'cchc validate plans/2022 --strict'],
        ['annotations on GitHub', 'cchc validate --format github plans'],
      ],
    },
    status: {
      description: 'plan progress',
      args: { plan: 'plan folder (default: the newest in ./plans)' },
      options: { unit: 'only this lead unit (id or name)', area: 'only this area (number)', overdue: 'overdue tasks only' },
      examples: [
        ['progress over nine months', 'cchc status plans/2022 --period 2022-9M'],
        ["one unit's overdue tasks", 'cchc status --unit van-phong --overdue'],
        ['the figures as JSON, for a script', 'cchc status --as-of 2022-06-30 --format json'],
      ],
    },
    budget: {
      description: 'the budget and its checks',
      args: { plan: 'plan folder' },
      options: { 'as-of': 'spending as of a date (30/06/2022)' },
      examples: [
        ['the budget and spending to date', 'cchc budget'],
        ['spending to the end of June', 'cchc budget plans/2022 --as-of 2022-06-30'],
      ],
    },
    export: {
      description: 'write the Excel appendices and progress report',
      args: { plan: 'plan folder' },
      options: { out: '.xlsx file (default: KH-CCHC-<year>.xlsx)', sheets: 'sheets: appendix1,appendix2,progress' },
      examples: [
        ['both appendices and progress', 'cchc export plans/2022'],
        ['Appendix I only, to a chosen file', 'cchc export --sheets appendix1 -o PL-I.xlsx'],
        ['progress of the third quarter', 'cchc export --sheets progress --period 2022-Q3'],
      ],
    },
    doc: {
      description: 'the plan as a .docx document (Decree 30/2020)',
      args: { plan: 'plan folder' },
      options: { out: '.docx file (default: KH-CCHC-<year>.docx)' },
      examples: [
        ['the 2022 plan as a document', 'cchc doc plans/2022'],
        ['to a chosen file', 'cchc doc -o KH-CCHC-2022-print.docx'],
      ],
    },
    report: {
      description: 'the periodic report (.docx)',
      args: { plan: 'plan folder' },
      options: { out: '.docx file (default: BC-CCHC-<period>.docx)' },
      examples: [
        ['the nine-month report', 'cchc report --period 2022-9M'],
        ['as of a date, to a chosen file', 'cchc report --as-of 2022-07-20 -o BC.docx'],
      ],
    },
    refs: {
      description: 'the documents the plan cites',
      args: { plan: 'plan folder' },
      examples: [
        ['the documents a plan cites', 'cchc refs plans/2022'],
        ['fail on warnings too', 'cchc refs --strict'],
        ['the registry as JSON', 'cchc refs --format json'],
      ],
    },
    diff: {
      description: 'compare two versions of a plan',
      args: {
        a: 'git revision (REV) or plan folder',
        b: 'second revision or folder (default: the working tree)',
        plan: 'plan folder when comparing git revisions',
      },
      options: { 'exit-code': 'exit 1 when there are differences' },
      examples: [
        ['what changed since the last commit', 'cchc diff HEAD plans/2022'],
        ['two folders, no git', 'cchc diff plans/2022 plans/2023'],
        ['a comment for a merge request', 'cchc diff main HEAD plans/2022 --format markdown'],
      ],
    },
    new: {
      description: "start next year's plan from the last one",
      args: { year: 'the new plan year' },
      options: { from: 'source plan (default: the newest in ./plans)' },
      examples: [
        ['the 2023 plan from the newest one', 'cchc new 2023'],
        ['from a chosen plan', 'cchc new 2024 --from plans/2022'],
      ],
    },
    init: {
      description: 'create a new plan repository',
      args: { dir: 'folder (default: the current folder)' },
      options: {
        year: 'plan year (default: this year)',
        agency: 'agency name',
        package: 'install source for the workflow (https:// URL or path)',
        sha256: 'SHA-256 of the --package file',
      },
      examples: [
        ['a plan repository in the current folder', 'cchc init'],
        ['a new repository for 2024', 'cchc init kh-cchc --year 2024 --agency "Sở Nội vụ"'],
      ],
    },
    record: {
      description: 'record one progress update',
      args: { plan: 'plan folder' },
      options: {
        task: 'task number or id',
        status: 'not-started | in-progress | done',
        percent: 'percent done, 0-100',
        completed: 'completion date, dd/mm/yyyy',
        evidence: 'evidence, e.g. "Quyết định số 600/QĐ-UBND ngày 25/03/2022"',
        note: 'note',
        indicator: 'indicator or target id',
        value: 'measured value',
        source: 'source of the figure',
        assessment: 'qualitative indicator: dat | khong-dat',
        line: 'budget line',
        spent: 'amount spent so far, e.g. 500.000',
        'as-of': 'date of the figures (default: today)',
      },
      examples: [
        ['task 3 is done', 'cchc record --task 3 --status done --completed 25/03/2022'],
        ["an indicator's value", 'cchc record --indicator 2.1 --value 45,5'],
        ['spending on budget line 2, shown only', 'cchc record --line 2 --spent 1.500.000 --dry-run'],
      ],
    },
    form: {
      description: 'progress forms (Excel) for the units',
      args: { plan: 'plan folder' },
      options: { unit: 'only this unit, repeatable (id or name)', out: 'folder for the forms' },
      examples: [
        ['forms for every unit', 'cchc form -o forms'],
        ['two units, the half-year', 'cchc form --unit van-phong --unit thanh-tra --period 2022-6M -o f'],
      ],
    },
    import: {
      description: 'import the filled-in progress forms',
      args: { files: 'the .xlsx files, then the plan folder if needed' },
      options: { 'as-of': "date of the figures (default: the forms' date)" },
      examples: [
        ['import the forms that came back', 'cchc import forms/*.xlsx'],
        ['preview without writing', 'cchc import forms/*.xlsx plans/2022 --dry-run'],
      ],
    },
    fmt: {
      description: 'normalise plan files to Unicode NFC, changing nothing else',
      args: { paths: 'plan folders or files (default: the plan you are in)' },
      options: { nfc: 'rewrite text in precomposed Unicode (NFC)', check: 'write nothing; exit 1 if a file is not NFC' },
      examples: [
        ['normalise one plan', 'cchc fmt --nfc plans/2022'],
        ['check only (in CI)', 'cchc fmt --nfc --check'],
      ],
    },
    completion: {
      description: 'print the shell completion script for bash, zsh or fish',
      args: { shell: 'bash, zsh or fish' },
      examples: [
        ['use it now in bash', 'source <(cchc completion bash)'],
        ['install for zsh', 'cchc completion zsh > ~/.zfunc/_cchc'],
        ['install for fish', 'cchc completion fish > ~/.config/fish/completions/cchc.fish'],
      ],
    },
  },
};

export const HELP: Record<Lang, HelpText> = { vi: VI, en: EN };

/**
 * The value placeholders of flags and arguments in Vietnamese help (`--as-of <ngày>`,
 * `[kế-hoạch]`); English keeps the names of src/cli/spec.ts. Single letters stay.
 */
export const PLACEHOLDERS_VI: Readonly<Record<string, string>> = {
  amount: 'số-tiền',
  area: 'nội-dung',
  date: 'ngày',
  dir: 'thư-mục',
  file: 'tệp',
  files: 'tệp',
  format: 'định-dạng',
  id: 'mã',
  lang: 'ngôn-ngữ',
  list: 'danh-sách',
  name: 'tên',
  number: 'số',
  period: 'kỳ',
  plan: 'kế-hoạch',
  paths: 'đường-dẫn',
  status: 'trạng-thái',
  tarball: 'tệp-tar',
  text: 'văn-bản',
  unit: 'đơn-vị',
  year: 'năm',
};

/** The words commander adds to an option's or argument's description. */
export const HELP_EXTRA: Record<Lang, { required: string; choices: string; default: string; usageOptions: string; usageCommand: string }> = {
  vi: { required: 'bắt buộc', choices: 'chọn', default: 'mặc định', usageOptions: '[tùy chọn]', usageCommand: '[lệnh]' },
  en: { required: 'required', choices: 'choices', default: 'default', usageOptions: '[options]', usageCommand: '[command]' },
};

type Rewrite = [RegExp, (m: RegExpExecArray) => string];

/**
 * commander's error messages in Vietnamese (commander 14, lib/command.js). English keeps
 * commander's own text. A message none of these match is shown as commander wrote it.
 */
const COMMANDER_VI: Rewrite[] = [
  [/^error: unknown option '(.*)'$/, (m) => `lỗi: không có tùy chọn '${m[1]}'`],
  [/^error: unknown command '(.*)'$/, (m) => `lỗi: không có lệnh '${m[1]}'`],
  [/^error: missing required argument '(.*)'$/, (m) => `lỗi: thiếu tham số bắt buộc '${m[1]}'`],
  [/^error: option '(.*)' argument missing$/, (m) => `lỗi: tùy chọn '${m[1]}' cần một giá trị`],
  [/^error: required option '(.*)' not specified$/, (m) => `lỗi: thiếu tùy chọn bắt buộc '${m[1]}'`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => `lỗi: thừa tham số${m[1] ? ` cho lệnh '${m[1]}'` : ''}: cần tối đa ${m[2]}, có ${m[3]}`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => `lỗi: tùy chọn '${m[1]}' không nhận giá trị '${m[2]}'; chọn một trong: ${m[3]}`,
  ],
  [/^error: (.*) cannot be used with (.*)$/, (m) => `lỗi: ${m[1]} không dùng cùng ${m[2]}`],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => `(có phải một trong: ${m[1]}?)`],
  [/^\(Did you mean (.*)\?\)$/, (m) => `(có phải ${m[1]}?)`],
];

/** A commander error message in the language of the run, line by line. */
export function commanderMessage(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [re, to] of COMMANDER_VI) {
        const m = re.exec(line);
        if (m) return to(m);
      }
      return line;
    })
    .join('\n');
}
