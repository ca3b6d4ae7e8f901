/**
 * The usage errors raised below the command line (load/, edit/) and shared by several
 * commands, Vietnamese and English side by side. `throw usage('notPlanFolder', { path })`
 * (src/errors.ts) carries the key and its parameters; the top-level catch renders the
 * message in the language of the run (--lang, CCHC_LANG), so a usage error raised where the
 * language is not known still respects it. A key or a parameter that does not exist does
 * not compile.
 */
import type { Lang } from '../diagnostics/codes.js';

/** What a usage error says: the message, and a suggested fix. */
export interface UsageText {
  message: string;
  hint?: string;
}

type Render<P> = (p: P) => UsageText;

function entry<P>(vi: Render<P>, en: Render<P>): Record<Lang, Render<P>> {
  return { vi, en };
}

type NoParams = Record<string, never>;

export const USAGE = {
  // Finding the plan (src/load/discover.ts, src/cli/plan-loader.ts)
  noPlan: entry<{ cwd: string }>(
    (p) => ({
      message: `không tìm thấy kế hoạch nào trong ${p.cwd} hay các thư mục cha (cần plans/ hoặc plan.yaml)`,
      hint: 'tạo kho kế hoạch mới bằng: cchc init',
    }),
    (p) => ({ message: `no plan found in ${p.cwd} or above (looked for plans/ or plan.yaml)`, hint: 'start a plan repository with: cchc init' }),
  ),
  pathNotFound: entry<{ path: string }>(
    (p) => ({ message: `không tìm thấy đường dẫn: ${p.path}` }),
    (p) => ({ message: `path does not exist: ${p.path}` }),
  ),
  notPlanFolder: entry<{ path: string; compare?: boolean }>(
    (p) => ({
      message: `${p.path}: không phải thư mục kế hoạch (thiếu plan.yaml)`,
      ...(p.compare ? { hint: 'so sánh hai thư mục: cchc diff PLAN_A PLAN_B' } : {}),
    }),
    (p) => ({ message: `${p.path}: not a plan folder (no plan.yaml)`, ...(p.compare ? { hint: 'to compare two folders: cchc diff PLAN_A PLAN_B' } : {}) }),
  ),
  notFolder: entry<{ path: string }>(
    (p) => ({ message: `${p.path}: không phải thư mục` }),
    (p) => ({ message: `${p.path}: not a folder` }),
  ),

  // Options and the environment (src/cli)
  badLang: entry<{ value: string }>(
    (p) => ({ message: `--lang phải là vi hoặc en (có "${p.value}")` }),
    (p) => ({ message: `--lang must be vi or en (got "${p.value}")` }),
  ),
  badEnv: entry<{ name: string; value: string; expected: 'date' | 'lang' }>(
    (p) => ({ message: `biến môi trường ${p.name}="${p.value}" không hợp lệ; ${ENV_EXPECTED.vi[p.expected]}` }),
    (p) => ({ message: `environment variable ${p.name}="${p.value}" is invalid; ${ENV_EXPECTED.en[p.expected]}` }),
  ),
  formatConflict: entry<{ format: string }>(
    (p) => ({ message: `--json không dùng cùng --format ${p.format}`, hint: '--json là cách viết ngắn của --format json' }),
    (p) => ({ message: `--json does not go with --format ${p.format}`, hint: '--json is short for --format json' }),
  ),

  // Writing files (src/edit/write.ts, form)
  cannotWrite: entry<{ file: string; reason: string }>(
    (p) => ({ message: `không ghi được ${p.file}: ${p.reason}` }),
    (p) => ({ message: `cannot write ${p.file}: ${p.reason}` }),
  ),

  // Git revisions (src/load/git.ts, src/load/index.ts, diff)
  noGit: entry<NoParams>(
    () => ({
      message: 'không tìm thấy chương trình git; hãy cài git để so sánh theo phiên bản',
      hint: 'so sánh hai thư mục không cần git: cchc diff plans/2022 plans/2023',
    }),
    () => ({ message: 'git is not installed (or not on PATH)', hint: 'comparing two folders needs no git: cchc diff plans/2022 plans/2023' }),
  ),
  gitFailed: entry<{ detail: string }>(
    (p) => ({ message: `git: ${p.detail || 'lỗi không rõ'}` }),
    (p) => ({ message: `git: ${p.detail || 'unknown error'}` }),
  ),
  notInRepository: entry<{ path: string }>(
    (p) => ({
      message: `${p.path} không nằm trong kho git nào, nên không đọc được phiên bản cũ`,
      hint: 'so sánh hai thư mục kế hoạch thì không cần git: cchc diff <thư mục A> <thư mục B>',
    }),
    (p) => ({ message: `${p.path} is not inside a git repository`, hint: 'to compare two folders: cchc diff PLAN_A PLAN_B' }),
  ),
  notInWorkTree: entry<{ path: string }>(
    (p) => ({ message: `${p.path} không nằm trong cây làm việc của kho git` }),
    (p) => ({ message: `${p.path} is not inside a git working tree` }),
  ),
  outsideRepository: entry<{ path: string; top: string }>(
    (p) => ({ message: `${p.path} nằm ngoài kho git ${p.top}` }),
    (p) => ({ message: `${p.path} is outside the repository ${p.top}` }),
  ),
  colonRevision: entry<{ rev: string }>(
    (p) => ({ message: `phiên bản git không được bắt đầu bằng ":" (có "${p.rev}")`, hint: 'dùng tên nhánh, thẻ hoặc mã commit' }),
    (p) => ({ message: `a git revision must not start with ":" (got "${p.rev}")`, hint: 'use a branch, a tag or a commit id' }),
  ),
  unknownRevision: entry<{ rev: string; kind?: 'path' | 'pathlike' }>(
    (p) => ({
      message:
        p.kind === 'path'
          ? `${p.rev}: không phải thư mục kế hoạch (thiếu plan.yaml) cũng không phải phiên bản git`
          : p.kind === 'pathlike'
            ? `không có phiên bản git "${p.rev}", cũng không có thư mục kế hoạch này`
            : `không có phiên bản git "${p.rev}"`,
      hint: 'xem các phiên bản: git log --oneline',
    }),
    (p) => ({
      message:
        p.kind === 'path'
          ? `${p.rev}: neither a plan folder (no plan.yaml) nor a git revision`
          : p.kind === 'pathlike'
            ? `unknown git revision "${p.rev}" (and no plan folder by that name)`
            : `unknown git revision "${p.rev}"`,
      hint: 'list revisions with: git log --oneline',
    }),
  ),
  absentAtRevision: entry<{ rev: string; short: string; dir: string }>(
    (p) => ({
      message: `ở phiên bản ${p.rev} (${p.short}) chưa có thư mục ${p.dir}`,
      hint: 'chỉ rõ thư mục kế hoạch có ở cả hai phiên bản: cchc diff REV REV2 plans/<năm>',
    }),
    (p) => ({ message: `${p.dir} did not exist at revision ${p.rev} (${p.short})`, hint: 'name a plan folder that exists in both: cchc diff REV REV2 PLAN' }),
  ),
  notPlanAtRevision: entry<{ rev: string; short: string; dir: string }>(
    (p) => ({ message: `ở phiên bản ${p.rev} (${p.short}), ${p.dir} không phải thư mục kế hoạch (thiếu plan.yaml)` }),
    (p) => ({ message: `at revision ${p.rev} (${p.short}), ${p.dir} is not a plan folder (no plan.yaml)` }),
  ),
  extraDiffArgument: entry<{ arg: string }>(
    (p) => ({ message: `thừa tham số "${p.arg}" khi so sánh hai thư mục` }),
    (p) => ({ message: `unexpected argument "${p.arg}" when comparing two folders` }),
  ),

  // new and init
  yearDigits: entry<{ value: string }>(
    (p) => ({ message: `năm phải là số có 4 chữ số, có "${p.value}"` }),
    (p) => ({ message: `the year must have 4 digits, got "${p.value}"` }),
  ),
  yearRange: entry<{ value: string; flag?: string }>(
    (p) => ({ message: `${p.flag ? `${p.flag} phải là năm` : 'năm phải'} từ 2000 đến 2100, có "${p.value}"` }),
    (p) => ({ message: `${p.flag ? `${p.flag} must be a year` : 'the year must be'} from 2000 to 2100, got "${p.value}"` }),
  ),
  yearNotAfter: entry<{ year: number; from: string; fromYear: number }>(
    (p) => ({
      message: `năm ${p.year} không sau năm của kế hoạch gốc ${p.from} (${p.fromYear})`,
      hint: `cchc new lập kế hoạch các năm sau; chọn năm từ ${p.fromYear + 1}`,
    }),
    (p) => ({
      message: `${p.year} is not after the year of the source plan ${p.from} (${p.fromYear})`,
      hint: `cchc new starts a later year's plan: use ${p.fromYear + 1} or later`,
    }),
  ),
  exists: entry<{ path: string; command: string }>(
    (p) => ({ message: `${p.path} đã có; ${p.command} không ghi đè`, hint: 'xóa hoặc đổi tên thư mục đó nếu muốn tạo lại' }),
    (p) => ({ message: `${p.path} already exists; ${p.command} does not overwrite`, hint: 'remove or rename it to start again' }),
  ),
  badSha256: entry<{ value: string }>(
    (p) => ({ message: `--sha256 phải là 64 chữ số hex (có "${p.value}")` }),
    (p) => ({ message: `--sha256 must be 64 hex digits (got "${p.value}")` }),
  ),
  badPackage: entry<{ value: string }>(
    (p) => ({ message: `--package phải là URL https:// hoặc đường dẫn trong kho kế hoạch (có ${p.value})` }),
    (p) => ({ message: `--package must be an https:// URL or a path inside the plan repository (got ${p.value})` }),
  ),
  packFailed: entry<{ detail: string }>(
    (p) => ({
      message: `không đóng gói được cchc bằng npm pack: ${p.detail}`,
      hint: 'cần npm trên PATH, hoặc chỉ nguồn cài đặt bằng --package URL --sha256 HEX',
    }),
    (p) => ({ message: `npm pack of cchc failed: ${p.detail}`, hint: 'npm must be on PATH, or name the source with --package URL --sha256 HEX' }),
  ),
  packEmpty: entry<NoParams>(
    () => ({ message: 'npm pack không cho tệp nào' }),
    () => ({ message: 'npm pack produced no tarball' }),
  ),
  initFailed: entry<{ dir: string; detail: string }>(
    (p) => ({ message: `không tạo được kho kế hoạch trong ${p.dir} (${p.detail}); đã gỡ những gì vừa tạo` }),
    (p) => ({ message: `could not create the plan repository in ${p.dir} (${p.detail}); what was created has been removed` }),
  ),

  // completion
  badShell: entry<{ value: string }>(
    (p) => ({ message: `không có mã hoàn thành lệnh cho "${p.value}"`, hint: 'chọn bash, zsh hoặc fish, ví dụ: cchc completion bash' }),
    (p) => ({ message: `no completion script for "${p.value}"`, hint: 'choose bash, zsh or fish, for example: cchc completion bash' }),
  ),
} as const;

const ENV_EXPECTED = {
  vi: { date: 'cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2022-09-30', lang: 'cần vi hoặc en' },
  en: { date: 'expected a real date as YYYY-MM-DD, e.g. 2022-09-30', lang: 'expected vi or en' },
} as const;

export type UsageKey = keyof typeof USAGE;
export type UsageParams<K extends UsageKey> = Parameters<(typeof USAGE)[K]['vi']>[0];

/** The text of a usage error in one language. */
export function usageText<K extends UsageKey>(key: K, params: UsageParams<K>, lang: Lang): UsageText {
  return (USAGE[key][lang] as Render<UsageParams<K>>)(params);
}
