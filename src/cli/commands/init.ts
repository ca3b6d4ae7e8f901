/**
 * cchc init [DIR]: a new plan repository — plans/<year>/ with minimal valid files whose
 * `$schema` comments resolve (the schemas are copied beside them), a CI workflow that
 * validates on every push and pull request, a pre-commit configuration, and a README for
 * the clerk. Never overwrites: an existing file is left as it is and reported.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeEnv, write, type GlobalOptions } from '../io.js';
import { UsageError, EXIT } from '../errors.js';

interface Options extends GlobalOptions {
  year?: string;
  agency?: string;
}

/** The schemas/ folder of the installed cchc (two levels above dist/chunks or src/cli/commands). */
function schemasDir(): string {
  let d = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(d, 'schemas', 'plan.schema.json'))) return path.join(d, 'schemas');
    d = path.dirname(d);
  }
  throw new Error('schemas/ not found beside the cchc installation');
}

const q = (s: string) => JSON.stringify(s);

export function planFiles(year: number, agency: string): Record<string, string> {
  const head = (kind: string, file: string) => `# yaml-language-server: $schema=../../schemas/${file}.schema.json\napiVersion: cchc/v1\nkind: ${kind}\n`;
  return {
    'plan.yaml':
      head('Plan', 'plan') +
      `year: ${year}\nagency:\n  name: ${q(agency)}\n  parent: UBND tỉnh …\nplace: …\nnumber: null\nsymbol: KH-…\ndate: null\nstatus: draft\n` +
      `title: Kế hoạch cải cách hành chính năm ${year}\npurposes:\n  - Mục đích thứ nhất.\nrequirements:\n  - Yêu cầu thứ nhất.\n` +
      `areas:\n  - id: 1\n    title: Công tác chỉ đạo, điều hành\n    appendixTitle: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH\n    solutions:\n      - Nhiệm vụ, giải pháp thứ nhất.\n` +
      `funding:\n  source: Nguồn ngân sách … theo Quyết định số …\nannexNote: (Kèm theo Phụ lục danh mục 1 nhiệm vụ trọng tâm)\n` +
      `signer:\n  title: GIÁM ĐỐC\n  name: …\nrecipients:\n  - UBND tỉnh (báo cáo)\n  - "Lưu: VT"\n`,
    'units.yaml': head('Units', 'units') + `units:\n  - id: van-phong\n    name: Văn phòng\n  - id: cac-don-vi\n    name: Các phòng, đơn vị liên quan\n    group: true\n`,
    'tasks.yaml':
      head('Tasks', 'tasks') +
      `title: NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH\ntasks:\n  - no: 1\n    id: t01\n    area: 1\n` +
      `    title: Xây dựng Kế hoạch cải cách hành chính năm ${year}\n    lead: [van-phong]\n    coordinating: [cac-don-vi]\n    product: Quyết định ban hành\n    deadline: Quý I/${year}\n`,
    'indicators.yaml':
      head('Indicators', 'indicators') +
      `indicators:\n  - id: "1.1"\n    area: 1\n    text: 100% đơn vị trực thuộc ban hành kế hoạch cải cách hành chính.\n    targets:\n      - comparator: "="\n        value: 100\n        unit: "%"\n        of: đơn vị trực thuộc\n`,
    'budget.yaml':
      head('Budget', 'budget') +
      `title: KẾ HOẠCH DỰ TRÙ KINH PHÍ\nlines:\n  - no: 1\n    content: Chi khác\n    amount: 0\ntotal: 0\ntotalInWords: Không đồng\n`,
  };
}

function workflow(): string {
  return `# Kiểm tra kế hoạch CCHC trên mỗi lần đẩy mã và mỗi yêu cầu hợp nhất (pull request).
# Validates the plans on every push and pull request; findings appear as annotations.
name: cchc
on: [push, pull_request]
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # CCHC_PACKAGE: where cchc is installed from (a package name, a tarball or a git URL).
      - run: npm install --global "\${CCHC_PACKAGE:-cchc}"
      - run: cchc validate --format github plans
`;
}

function precommit(): string {
  return `# pre-commit (https://pre-commit.com): cchc validate on every commit that touches a plan.
repos:
  - repo: local
    hooks:
      - id: cchc-validate
        name: cchc validate
        entry: cchc validate
        language: system
        files: ^plans/.*\\.ya?ml$
`;
}

function clerkReadme(year: number): string {
  return `# Kế hoạch cải cách hành chính

Kho này giữ kế hoạch CCHC dưới dạng tệp YAML, kiểm tra bằng \`cchc\`.

- \`plans/${year}/\`: kế hoạch năm ${year} — \`plan.yaml\` (thông tin chung, mục đích, nội dung),
  \`units.yaml\` (đơn vị), \`tasks.yaml\` (nhiệm vụ trọng tâm), \`indicators.yaml\` (chỉ tiêu),
  \`budget.yaml\` (dự trù kinh phí), \`progress/\` (tiến độ, mỗi lần báo cáo một tệp).
- \`schemas/\`: lược đồ để trình soạn thảo (VS Code với phần mở rộng YAML) gợi ý và kiểm tra khi gõ.

Lệnh thường dùng:

    cchc validate          # kiểm tra mọi kế hoạch trong plans/
    cchc status            # tiến độ đến hôm nay
    cchc budget            # dự toán và các phép kiểm tra
    cchc export            # xuất phụ lục Excel

Mỗi lần đẩy mã, \`.github/workflows/cchc.yml\` chạy \`cchc validate\` và ghi lỗi lên yêu cầu hợp nhất.
`;
}

export async function run(dirArg: string, opts: Options): Promise<number> {
  const env = makeEnv(opts);
  const year = opts.year === undefined ? env.now.getFullYear() : Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new UsageError(`--year phải là năm từ 2000 đến 2100 (có "${opts.year}") / --year must be a year 2000-2100`);
  }
  const root = path.resolve(env.cwd, dirArg);
  const planDir = path.join(root, 'plans', String(year));
  if (existsSync(planDir)) {
    throw new UsageError(`${path.relative(env.cwd, planDir) || planDir} đã tồn tại; không ghi đè / already exists; nothing overwritten`);
  }
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(planFiles(year, opts.agency ?? 'Tên cơ quan'))) files[path.join('plans', String(year), name)] = text;
  const schemas = schemasDir();
  for (const f of readdirSync(schemas).filter((n) => n.endsWith('.schema.json'))) files[path.join('schemas', f)] = readFileSync(path.join(schemas, f), 'utf8');
  files[path.join('.github', 'workflows', 'cchc.yml')] = workflow();
  files['.pre-commit-config.yaml'] = precommit();
  files['README.md'] = clerkReadme(year);

  const created: string[] = [];
  const kept: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(root, rel);
    if (existsSync(target)) {
      kept.push(rel);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, target);
    created.push(rel);
  }
  const c = env.chalk;
  const shown = path.relative(env.cwd, root) || '.';
  const lines =
    env.lang === 'vi'
      ? [`Đã tạo kho kế hoạch trong ${shown}:`, ...created.map((f) => `  ${c.green('+')} ${f}`), ...kept.map((f) => `  ${c.yellow('=')} ${f} (đã có, giữ nguyên)`), '', `Tiếp theo: sửa các tệp trong plans/${year}/, rồi chạy: cchc validate`]
      : [`Created a plan repository in ${shown}:`, ...created.map((f) => `  ${c.green('+')} ${f}`), ...kept.map((f) => `  ${c.yellow('=')} ${f} (exists, kept)`), '', `Next: edit the files in plans/${year}/, then run: cchc validate`];
  write(lines.join('\n'));
  return EXIT.ok;
}
