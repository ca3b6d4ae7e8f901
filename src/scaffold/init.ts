/**
 * A new plan repository, for `cchc init`: the files it holds (plans/<year>/ with minimal
 * valid files, the schemas their `$schema` comments point to, a CI workflow, a pre-commit
 * configuration and a README for the clerk), and writing them without overwriting anything.
 *
 * The workflow installs exactly the cchc that ran init: by default a tarball of it packed
 * into .cchc/ of the new repository (no registry, no host, no build step), checked by its
 * SHA-256; a named source (a fork's release, an internal mirror) instead. See docs/install.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, renameSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usage } from '../errors.js';

/** The schemas/ folder of the installed cchc (found by walking up from this module, in dist/ or src/scaffold). */
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
    'units.yaml':
      head('Units', 'units') + `units:\n  - id: van-phong\n    name: Văn phòng\n  - id: cac-don-vi\n    name: Các phòng, đơn vị liên quan\n    group: true\n`,
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

/** Where the generated workflow installs cchc from (docs/install.md). */
export interface InstallSource {
  /** A path inside the plan repository, or an https:// URL of a tarball. */
  package: string;
  /** The tarball's SHA-256, checked before installing; empty to skip the check. */
  sha256: string;
}

export function workflow(version: string, source: InstallSource): string {
  return `# Kiểm tra kế hoạch CCHC trên mỗi lần đẩy mã và mỗi yêu cầu hợp nhất (pull request).
# Validates the plans on every push and pull request; findings appear as annotations.
name: cchc
on: [push, pull_request]
permissions:
  contents: read
env:
  # cchc ${version}, ghim đúng phiên bản đã tạo kho này / pinned to the version that made this repository.
  # CCHC_PACKAGE: một tệp trong kho (.cchc/…) hoặc URL https:// của tệp .tgz (bản fork, máy chủ nội bộ);
  # CCHC_SHA256: mã băm SHA-256 của tệp đó (sha256sum TỆP). Xem docs/install.md của cchc.
  CCHC_PACKAGE: ${JSON.stringify(source.package)}
  CCHC_SHA256: "${source.sha256}"
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install cchc
        run: |
          set -eu
          tarball="$RUNNER_TEMP/cchc.tgz"
          case "$CCHC_PACKAGE" in
            https://*) curl -fsSL --retry 3 -o "$tarball" "$CCHC_PACKAGE" ;;
            *) cp "$CCHC_PACKAGE" "$tarball" ;;
          esac
          if [ -n "$CCHC_SHA256" ]; then echo "$CCHC_SHA256  $tarball" | sha256sum --check --strict; fi
          npm install --global --omit=dev --no-audit --no-fund "$tarball"
      - run: cchc validate --format github plans
`;
}

function precommit(version: string, source: InstallSource): string {
  return `# pre-commit (https://pre-commit.com): cchc validate on every commit that touches a plan.
# Cần cchc ${version} trên PATH / needs cchc ${version} on PATH:  npm install --global ${source.package}
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

/** The folder of the running cchc (the one holding its package.json). */
function packageRoot(): string {
  return path.dirname(schemasDir());
}

/**
 * Pack the running cchc into a tarball inside `dest` (npm pack, scripts off, so nothing is
 * built: the installed dist/ is what is packed). Returns the tarball's path.
 */
function packSelf(dest: string): string {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let out: string;
  try {
    out = execFileSync(npm, ['pack', packageRoot(), '--ignore-scripts', '--json', '--pack-destination', dest], {
      cwd: dest,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    throw usage('packFailed', { detail: (e.stderr || e.message || '').trim().split('\n')[0] ?? '' });
  }
  const [entry] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  if (!entry) throw usage('packEmpty', {});
  return path.join(dest, path.basename(entry.filename));
}

/** What `cchc init` asks for; the year is already checked. */
export interface InitRequest {
  year: number;
  agency: string;
  /** Install source written into the workflow instead of a vendored tarball. */
  package?: string;
  sha256?: string;
  /** The cchc version that runs init, pinned in the workflow. */
  version: string;
}

/** Refuse a target that would be overwritten or is not a folder; `shown` names it in messages. */
export function checkInitTarget(root: string, year: number, shown: { dir: string; cwd: string }): void {
  const planDir = path.join(root, 'plans', String(year));
  if (existsSync(planDir)) {
    throw usage('exists', { path: path.relative(shown.cwd, planDir) || planDir, command: 'cchc init' });
  }
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw usage('notFolder', { path: shown.dir });
  }
}

/** A named source: an https:// URL, or a path inside the plan repository, pinned when it is there. */
function namedSource(root: string, pkg: string, sha256: string | undefined): InstallSource {
  // The workflow downloads an https:// URL and copies anything else from the checkout.
  const url = /^https:\/\/\S+$/.test(pkg);
  if (/[\u0000-\u001f\u007f]/.test(pkg) || (!url && (path.isAbsolute(pkg) || pkg.split(/[\\/]/).includes('..') || /^[a-z][a-z0-9+.-]*:/i.test(pkg)))) {
    throw usage('badPackage', { value: JSON.stringify(pkg) });
  }
  let hash = (sha256 ?? '').toLowerCase();
  // A tarball already in the repository: its hash is known, so pin it.
  if (!url && !hash && existsSync(path.join(root, pkg))) {
    hash = createHash('sha256')
      .update(readFileSync(path.join(root, pkg)))
      .digest('hex');
  }
  return { package: pkg, sha256: hash };
}

/** The running cchc packed into the new repository's .cchc/, as a file to write and its source. */
function vendoredSource(version: string): { source: InstallSource; rel: string; tarball: Buffer } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cchc-init-'));
  try {
    const tarball = readFileSync(packSelf(scratch));
    const rel = `.cchc/cchc-${version}.tgz`;
    return { source: { package: rel, sha256: createHash('sha256').update(tarball).digest('hex') }, rel, tarball };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every file of the new repository, by its path relative to `root`. */
export function repositoryFiles(root: string, req: InitRequest): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  // The install source first: if packing fails, nothing has been written yet.
  let source: InstallSource;
  if (req.package) source = namedSource(root, req.package, req.sha256);
  else {
    const vendored = vendoredSource(req.version);
    files[vendored.rel] = vendored.tarball;
    source = vendored.source;
  }
  for (const [name, text] of Object.entries(planFiles(req.year, req.agency))) files[path.join('plans', String(req.year), name)] = text;
  const schemas = schemasDir();
  for (const f of readdirSync(schemas).filter((n) => n.endsWith('.schema.json'))) files[path.join('schemas', f)] = readFileSync(path.join(schemas, f), 'utf8');
  files[path.join('.github', 'workflows', 'cchc.yml')] = workflow(req.version, source);
  files['.pre-commit-config.yaml'] = precommit(req.version, source);
  files['README.md'] = clerkReadme(req.year);
  return files;
}

/** Write one new file through an exclusive temporary file, so a reader never sees half of it. */
function writeNew(target: string, text: string | Buffer): void {
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Write the files that do not exist yet; an existing one is kept and reported. On an I/O error
 * half-way (disk full, a file where a folder must go) what this run created is removed.
 */
export function writeNewFiles(
  root: string,
  files: Record<string, string | Buffer>,
  shown: { dir: string; cwd: string },
): { created: string[]; kept: string[] } {
  const created: string[] = [];
  const kept: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const [rel, text] of Object.entries(files)) {
      const target = path.join(root, rel);
      if (existsSync(target)) {
        kept.push(rel);
        continue;
      }
      const made = mkdirSync(path.dirname(target), { recursive: true });
      if (made) madeDirs.push(made);
      writeNew(target, text);
      created.push(rel);
    }
  } catch (err) {
    // Newest first, so the folder is as it was.
    for (const rel of [...created].reverse()) rmSync(path.join(root, rel), { force: true });
    for (const d of madeDirs.reverse()) rmSync(d, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException;
    throw usage('initFailed', { dir: shown.dir, detail: `${e.code ?? e.message}: ${e.path ? path.relative(shown.cwd, e.path) : ''}` });
  }
  return { created, kept };
}
