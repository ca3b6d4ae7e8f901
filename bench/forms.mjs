// The reporting period at scale (issue 11): `cchc form` for a generated plan of 1.000 tasks
// led by 30 units (target: all 30 forms written in < 2 s), and `cchc import` of the 30 forms
// filled in (target < 2 s), each with its peak memory. Standalone: `node bench/forms.mjs`
// (builds nothing; run `npm run build` first). Wall time is measured around the spawned CLI,
// so it includes Node's start-up, as a clerk experiences it. The plan is checked warm (its
// result cached), as on the second command of a session. The CPU column (user + system time
// of the process) is less sensitive to a busy machine than the wall time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'cchc.cjs');
const PLAN_2022 = path.join(root, 'plans', '2022');
const TASKS = 1000;
const UNITS = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_SECONDS = 2;

const work = mkdtempSync(path.join(tmpdir(), 'cchc-bench-forms-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const rssFile = path.join(work, 'rss.txt');
const preload = path.join(work, 'rss.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(rssFile)}, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000); });\n`,
);

function run(args) {
  rmSync(rssFile, { force: true });
  const env = { ...process.env, NO_COLOR: '1', CCHC_TODAY: '2022-12-31', CCHC_CACHE_DIR: path.join(work, 'cache') };
  delete env.CCHC_NO_CACHE;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, ...args], { cwd: work, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`failed (exit ${r.status}): cchc ${args.join(' ')}\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rss: rss / 1024, cpu, stdout: r.stdout };
}

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const WORDS =
  'rà soát công khai thủ tục hành chính kiểm soát số hóa hồ sơ tập huấn nghiệp vụ văn bản quy phạm pháp luật đơn vị trực thuộc báo cáo kế hoạch ứng dụng công nghệ thông tin dịch vụ công trực tuyến một cửa liên thông'.split(
    ' ',
  );
const DEADLINES = ['Quý I/2022', 'Quý II/2022', 'Quý III/2022', 'Quý IV/2022', 'Thường xuyên', 'Cả năm', '30/06/2022'];

/** The 2022 plan's metadata, indicators and budget; 30 units; 1.000 tasks; one progress file. */
function generatePlan(dir) {
  cpSync(PLAN_2022, dir, { recursive: true });
  rmSync(path.join(dir, 'progress'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'progress'));
  const r = rng(11);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => pick(WORDS)).join(' ');
    return w[0].toUpperCase() + w.slice(1);
  };
  const units = ['van-phong', ...Array.from({ length: UNITS - 1 }, (_, i) => `phong-${i + 1}`)];
  const unitLines = ['apiVersion: cchc/v1', 'kind: Units', 'units:', '  - id: van-phong', '    name: Văn phòng Sở'];
  for (const u of units.slice(1)) unitLines.push(`  - id: ${u}`, `    name: Phòng ${u.slice(6)}`);
  writeFileSync(path.join(dir, 'units.yaml'), unitLines.join('\n') + '\n');
  const perArea = Math.ceil(TASKS / 7);
  const tasks = ['apiVersion: cchc/v1', 'kind: Tasks', 'title: NHIỆM VỤ TRỌNG TÂM', 'tasks:'];
  const progress = ['apiVersion: cchc/v1', 'kind: Progress', 'asOf: "2022-06-14"', 'tasks:'];
  for (let no = 1; no <= TASKS; no++) {
    const lead = units[(no - 1) % UNITS];
    tasks.push(
      `  - no: ${no}`,
      `    area: ${Math.min(7, Math.floor((no - 1) / perArea) + 1)}`,
      `    title: ${JSON.stringify(sentence(8 + Math.floor(r() * 30)))}`,
      `    lead: [${lead}]`,
      `    coordinating: [${pick(units)}]`,
      `    deadline: ${pick(DEADLINES)}`,
    );
    if (r() < 0.6) progress.push(`  - task: ${no}`, '    status: in-progress', `    percent: ${10 * (1 + Math.floor(r() * 8))}`);
  }
  writeFileSync(path.join(dir, 'tasks.yaml'), tasks.join('\n') + '\n');
  writeFileSync(path.join(dir, 'progress', '2022-6m.yaml'), progress.join('\n') + '\n');
}

/** Fill every form as a unit would: every task in progress at 90%, line 1 spent. Uses exceljs (the bench's own writer). */
async function fillForms(dir) {
  const ExcelJS = createRequire(path.join(root, 'package.json'))('exceljs');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.xlsx'))) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, name));
    const ws = wb.getWorksheet('Tiến độ');
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number' && row.getCell(4).protection?.locked === false) {
        row.getCell(4).value = 'Đang thực hiện';
        row.getCell(5).value = 90;
        row.getCell(8).value = 'Đã triển khai';
      }
    });
    const wk = wb.getWorksheet('Kinh phí');
    if (wk) wk.getCell('D5').value = '3.000.000';
    await wb.xlsx.writeFile(path.join(dir, name));
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
const plan = path.join(work, 'plans', '2022');
mkdirSync(path.dirname(plan), { recursive: true });
generatePlan(plan);
run(['validate', plan]); // check once, so the runs below read the cached result

const rows = [];
let ok = true;
const forms = path.join(work, 'forms');
const formRuns = Array.from({ length: RUNS }, () => run(['form', plan, '--as-of', '2022-09-14', '--out', forms]));
const nForms = readdirSync(forms).filter((n) => n.endsWith('.xlsx')).length;
const formMax = Math.max(...formRuns.map((x) => x.ms));
ok &&= formMax < TARGET_SECONDS * 1000 && nForms === UNITS;
rows.push([
  `form: ${nForms} workbooks, ${TASKS.toLocaleString('vi-VN')} tasks`,
  RUNS,
  fmt(Math.min(...formRuns.map((x) => x.ms))),
  fmt(formMax),
  fmt(Math.min(...formRuns.map((x) => x.cpu))),
  `${Math.max(...formRuns.map((x) => x.rss)).toFixed(0)} MB`,
  formMax < TARGET_SECONDS * 1000 ? 'met' : 'MISSED',
]);

await fillForms(forms);
const files = readdirSync(forms)
  .filter((n) => n.endsWith('.xlsx'))
  .map((n) => path.join(forms, n));
const importRuns = [];
for (let i = 0; i < RUNS; i++) {
  // each run imports into a fresh copy of the plan, so every run writes the same change
  const copy = path.join(work, `copy-${i}`, '2022');
  cpSync(plan, copy, { recursive: true });
  importRuns.push(run(['import', ...files, copy]));
}
const impMax = Math.max(...importRuns.map((x) => x.ms));
ok &&= impMax < TARGET_SECONDS * 1000;
rows.push([
  `import: ${files.length} filled forms`,
  RUNS,
  fmt(Math.min(...importRuns.map((x) => x.ms))),
  fmt(impMax),
  fmt(Math.min(...importRuns.map((x) => x.cpu))),
  `${Math.max(...importRuns.map((x) => x.rss)).toFixed(0)} MB`,
  impMax < TARGET_SECONDS * 1000 ? 'met' : 'MISSED',
]);
const again = run(['import', ...files, path.join(work, 'copy-0', '2022')]);
rows.push([`import again (nothing changes)`, 1, fmt(again.ms), fmt(again.ms), fmt(again.cpu), `${again.rss.toFixed(0)} MB`, '']);

const head = ['case', 'runs', 'min', 'max', 'CPU (min)', 'peak RSS', `target < ${TARGET_SECONDS} s`];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nNode ${process.version}, ${process.platform}-${process.arch}`);
process.exitCode = ok ? 0 : 1;
