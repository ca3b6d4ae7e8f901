/**
 * cchc's command line: the definition of the interface and the glue. Each command's work is
 * in its own module, imported only when that command runs, so `cchc validate` never loads
 * exceljs. One top-level catch keeps the exit contract: 0 clean, 1 findings, 2 usage or I/O.
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError, EXIT } from './errors.js';
import { writeErr } from './io.js';
import { checkEnvironment, guardOutput } from './environment.js';
import { VERSION } from './version.js';

type Loader = () => Promise<{ run: (...args: any[]) => Promise<number> | number }>;

function addCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', 'ngôn ngữ: vi (mặc định) hoặc en / language').choices(['vi', 'en']))
    .option('--no-color', 'không dùng màu / no colour');
}

function lazy(load: Loader) {
  return async (...args: unknown[]) => {
    const mod = await load();
    // commander passes (...positionals, options, command)
    process.exitCode = await mod.run(...args.slice(0, -1));
  };
}

export function buildProgram(): Command {
  const program = new Command('cchc')
    .description('Kế hoạch cải cách hành chính dưới dạng mã — plan-as-code for administrative-reform plans')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  addCommon(
    program
      .command('validate')
      .description('kiểm tra các tệp kế hoạch / check plan files')
      .argument('[paths...]', 'thư mục kế hoạch, tệp, hoặc thư mục chứa các kế hoạch (mặc định ./plans)')
      .addOption(new Option('-f, --format <format>', 'định dạng kết quả / output format').choices(['text', 'json', 'github', 'sarif']).default('text'))
      .option('--strict', 'cảnh báo cũng làm lệnh thất bại / warnings fail too'),
  ).action(lazy(() => import('./commands/validate.js')));

  addCommon(
    program
      .command('status')
      .description('tiến độ thực hiện kế hoạch / plan progress')
      .argument('[plan]', 'thư mục kế hoạch (mặc định: kế hoạch mới nhất trong ./plans)')
      .option('--as-of <date>', 'tính đến ngày YYYY-MM-DD / as of a date')
      .option('--period <period>', 'kỳ báo cáo: 2022-Q1, 2022-6M, 2022-9M, 2022 / reporting period')
      .option('--unit <unit>', 'lọc theo đơn vị chủ trì (mã hoặc tên) / filter by lead unit')
      .option('--area <area>', 'lọc theo nội dung (số) / filter by area')
      .option('--overdue', 'chỉ nhiệm vụ quá hạn / overdue tasks only')
      .option('--json', 'xuất JSON / JSON output'),
  ).action(lazy(() => import('./commands/status.js')));

  addCommon(
    program
      .command('budget')
      .description('dự toán kinh phí và các phép kiểm tra / the budget and its checks')
      .argument('[plan]', 'thư mục kế hoạch')
      .option('--as-of <date>', 'số đã chi tính đến ngày / spending as of a date')
      .option('--json', 'xuất JSON / JSON output'),
  ).action(lazy(async () => import('./commands/budget.js')));

  addCommon(
    program
      .command('export')
      .description('xuất phụ lục và báo cáo tiến độ ra Excel / write the Excel appendices')
      .argument('[plan]', 'thư mục kế hoạch')
      .option('-o, --out <file>', 'tệp .xlsx (mặc định KH-CCHC-<năm>.xlsx) / output file')
      .option('--sheets <list>', 'appendix1,appendix2,progress')
      .option('--as-of <date>', 'tiến độ tính đến ngày / progress as of')
      .option('--period <period>', 'kỳ báo cáo / reporting period'),
  ).action(lazy(async () => import('./commands/export.js')));

  addCommon(program.command('doc').description('kế hoạch thành văn bản .docx (Nghị định 30/2020) / the plan as a .docx document').argument('[plan]', 'thư mục kế hoạch').option('-o, --out <file>', 'tệp .docx (mặc định KH-CCHC-<năm>.docx) / output file')).action(lazy(async () => import('./commands/doc.js')));
  addCommon(program.command('report').description('báo cáo kết quả thực hiện kế hoạch (.docx) / the periodic report').argument('[plan]', 'thư mục kế hoạch').option('--period <period>', 'kỳ báo cáo: 2022-Q1, 2022-6M, 2022-9M, 2022 / reporting period').option('--as-of <date>', 'tính đến ngày YYYY-MM-DD / as of a date').option('-o, --out <file>', 'tệp .docx (mặc định BC-CCHC-<kỳ>.docx) / output file')).action(lazy(async () => import('./commands/report.js')));

  addCommon(
    program
      .command('refs')
      .description('danh mục văn bản được viện dẫn / the documents the plan cites')
      .argument('[plan]', 'thư mục kế hoạch')
      .option('--strict', 'cảnh báo cũng làm lệnh thất bại / warnings fail too')
      .option('--json', 'xuất JSON / JSON output'),
  ).action(lazy(async () => import('./commands/refs.js')));

  addCommon(
    program
      .command('diff')
      .description('so sánh hai phiên bản kế hoạch / compare two versions of a plan')
      .argument('<a>', 'phiên bản git (REV) hoặc thư mục kế hoạch')
      .argument('[b]', 'phiên bản thứ hai hoặc thư mục (mặc định: cây làm việc)')
      .argument('[plan]', 'thư mục kế hoạch khi so sánh theo phiên bản git')
      .addOption(new Option('-f, --format <format>', 'định dạng / format').choices(['text', 'json', 'markdown']).default('text'))
      .option('--exit-code', 'thoát với mã 1 khi có khác biệt / exit 1 when there are differences'),
  ).action(lazy(async () => import('./commands/diff.js')));

  addCommon(
    program
      .command('new')
      .description('tạo kế hoạch năm mới từ kế hoạch trước / start next year\'s plan')
      .argument('<year>', 'năm kế hoạch mới')
      .option('--from <plan>', 'kế hoạch gốc (mặc định: kế hoạch mới nhất trong ./plans)'),
  ).action(lazy(async () => import('./commands/new.js')));

  addCommon(
    program
      .command('init')
      .description('tạo kho kế hoạch mới / create a new plan repository')
      .argument('[dir]', 'thư mục (mặc định: thư mục hiện tại)', '.')
      .option('--year <year>', 'năm kế hoạch (mặc định: năm nay)')
      .option('--agency <name>', 'tên cơ quan / agency name')
      .option('--package <tarball>', 'nguồn cài cchc ghi vào workflow thay cho .cchc/*.tgz (URL https:// hoặc đường dẫn) / install source (docs/install.md)')
      .option('--sha256 <hex>', 'SHA-256 của tệp --package / its SHA-256'),
  ).action(lazy(() => import('./commands/init.js')));

  // The reporting period without YAML (docs/reporting-period.md).
  addCommon(
    program
      .command('record')
      .description('ghi một cập nhật tiến độ / record one progress update')
      .argument('[plan]', 'thư mục kế hoạch')
      .option('--task <n>', 'nhiệm vụ (số TT hoặc mã) / task number or id')
      .option('--status <status>', 'chưa thực hiện | đang thực hiện | hoàn thành (not-started|in-progress|done)')
      .option('--percent <p>', 'tỷ lệ hoàn thành 0-100 / percent done')
      .option('--completed <date>', 'ngày hoàn thành dd/mm/yyyy / completion date')
      .option('--evidence <text>', 'minh chứng, ví dụ "Quyết định số 600/QĐ-UBND ngày 25/03/2022"')
      .option('--note <text>', 'ghi chú / note')
      .option('--indicator <id>', 'chỉ tiêu hoặc mục tiêu / indicator or target id')
      .option('--value <v>', 'giá trị đo được / measured value')
      .option('--source <text>', 'nguồn số liệu / source of the figure')
      .option('--assessment <a>', 'chỉ tiêu định tính: dat | khong-dat / qualitative indicator')
      .option('--line <n>', 'dòng dự toán / budget line')
      .option('--spent <amount>', 'số đã chi lũy kế, ví dụ 500.000 / amount spent so far')
      .option('--as-of <date>', 'ngày số liệu (mặc định hôm nay) / as-of date (default today)')
      .option('--dry-run', 'chỉ in, không ghi / print without writing'),
  ).action(lazy(async () => import('./commands/record.js')));

  addCommon(
    program
      .command('form')
      .description('biểu mẫu Excel cập nhật tiến độ cho từng đơn vị / progress forms for the units')
      .argument('[plan]', 'thư mục kế hoạch')
      .option('--unit <unit>', 'chỉ đơn vị này, lặp lại được (mã hoặc tên) / only this unit, repeatable', (v: string, prev: string[] = []) => [...prev, v])
      .option('--as-of <date>', 'số liệu tính đến ngày / as-of date')
      .option('--period <period>', 'kỳ báo cáo / reporting period')
      .requiredOption('-o, --out <dir>', 'thư mục ghi biểu mẫu / output folder'),
  ).action(lazy(async () => import('./commands/form.js')));

  addCommon(
    program
      .command('import')
      .description('nhập các biểu mẫu tiến độ đã điền / import the filled-in progress forms')
      .argument('<files...>', 'các tệp .xlsx, và thư mục kế hoạch nếu cần / the .xlsx files, then the plan folder if needed')
      .option('--as-of <date>', 'ngày ghi số liệu (mặc định: ngày của biểu mẫu) / as-of date (default: the forms\' date)')
      .option('--dry-run', 'chỉ in, không ghi / print without writing'),
  ).action(lazy(async () => import('./commands/import.js')));

  addCommon(
    program
      .command('fmt')
      .description('chuẩn hoá tệp kế hoạch (Unicode NFC), giữ nguyên mọi thứ khác / normalise plan files to NFC')
      .argument('[paths...]', 'thư mục kế hoạch hoặc tệp (mặc định: kế hoạch nơi đang đứng)')
      .option('--nfc', 'chuyển văn bản sang Unicode dựng sẵn (NFC) / rewrite text in NFC')
      .option('--check', 'chỉ kiểm tra, không ghi; thoát 1 nếu có tệp chưa NFC / write nothing, exit 1 if a file is not NFC'),
  ).action(lazy(() => import('./commands/fmt.js')));

  return program;
}

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (cchc validate | head -1) ends output quietly, as ripgrep does, and keeps
  // the findings' exit code; another failed write is exit 2 (src/cli/environment.ts).
  guardOutput();
  try {
    checkEnvironment(process.env);
    await buildProgram().parseAsync(argv);
  } catch (err) {
    process.exitCode = handleError(err);
  }
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    return EXIT.usage; // commander has printed the message
  }
  // By name, not instanceof: a command bundle has its own copy of the class.
  if (err instanceof UsageError || (err as Error | undefined)?.name === 'UsageError') {
    const u = err as UsageError;
    writeErr(`cchc: ${u.message}`);
    if (u.hint) writeErr(`  ${u.hint}`);
    return EXIT.usage;
  }
  const e = err as Error;
  writeErr(
    `cchc: lỗi nội bộ, đây là lỗi của chương trình (bug): ${e?.message ?? String(err)}\n` +
      `cchc: internal error, this is a bug. Please report it with the command you ran${process.env.CCHC_DEBUG ? '' : ' (set CCHC_DEBUG=1 for details)'}.`,
  );
  if (process.env.CCHC_DEBUG) writeErr(String(e?.stack ?? ''));
  return EXIT.usage;
}

