#!/usr/bin/env node
// Benchmark of `cchc export` (issue 5, "Speed and size"): a benchmark, not a timed test.
//
//   node scripts/build.mjs && node bench/export.mjs [--runs N] [--keep]
//
// 1. The 2022 plan: median wall time of N runs of `cchc export plans/2022` (all sheets)
//    against N runs of `node -e 0` (bare Node start-up).
// 2. Scale: a generated plan with 10.000 tasks (the 2022 plan's areas, units, indicators
//    and budget; task titles of realistic lengths; a progress file with a record for every
//    task), exported with all sheets: wall time and peak memory, against the targets of
//    the issue (under 5 s, under 400 MB).
//
// Each export is run cold (CCHC_NO_CACHE=1: every file read, parsed and checked, as after an
// edit) and warm (the check-result cache of load/cache.ts, kept in the benchmark's own
// temporary folder and primed by a first run: the plan unchanged since last time).
//
// Wall time is measured around the spawned process, so it includes Node's start-up, as a
// clerk experiences it. Peak memory is the child's own process.resourceUsage().maxRSS,
// reported on exit by a small module preloaded with --import.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const PLAN_2022 = path.join(ROOT, 'plans', '2022');

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 10;
const KEEP = argv.includes('--keep');
const TASKS = 10_000;
const TARGET_SECONDS = 5;
const TARGET_MB = 400;

try {
  statSync(path.join(ROOT, 'dist', 'cli.cjs'));
} catch {
  console.error('dist/cli.cjs is missing: run `node scripts/build.mjs` first');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'cchc-bench-export-'));
const rssFile = path.join(work, 'rss.txt');
const preload = path.join(work, 'rss.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);

/** One spawned run: wall milliseconds, peak RSS in MB (when measured), exit code. */
function run(args, { measure = false, cold = false } = {}) {
  const nodeArgs = measure ? ['--import', pathToFileURL(preload).href, ...args] : args;
  rmSync(rssFile, { force: true });
  const env = { ...process.env, NO_COLOR: '1', CCHC_TODAY: '2022-12-31', CCHC_CACHE_DIR: path.join(work, 'cache') };
  if (cold) env.CCHC_NO_CACHE = '1';
  else delete env.CCHC_NO_CACHE;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, nodeArgs, { cwd: work, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`failed (exit ${r.status}): node ${args.join(' ')}\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  const rss = measure ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  return { ms, rss, stdout: r.stdout };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

function repeat(n, args, opts) {
  run(args, opts); // warm-up: file-system caches
  return Array.from({ length: n }, () => run(args, opts));
}

// ---------------------------------------------------------------------------------------
// The generated plan
// ---------------------------------------------------------------------------------------

const WORDS =
  'rà soát công khai thủ tục hành chính kiểm soát số hóa hồ sơ tập huấn nghiệp vụ văn bản quy phạm pháp luật đơn vị trực thuộc báo cáo kế hoạch ứng dụng công nghệ thông tin dịch vụ công trực tuyến một cửa liên thông cán bộ công chức viên chức người lao động'.split(
    ' ',
  );
const DEADLINES = ['Quý I/2022', 'Quý II/2022', 'Quý III/2022', 'Quý IV/2022', 'Thường xuyên', 'Cả năm', 'Theo quy định', '30/06/2022'];
const UNITS = ['van-phong', 'thanh-tra', 'ke-hoach-tai-chinh', 'phong-nghiep-vu'];
const GROUPS = ['cac-phong-don-vi-lien-quan', 'cac-phong-don-vi-truc-thuoc-so'];

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function generatePlan(dir, count) {
  cpSync(PLAN_2022, dir, { recursive: true });
  rmSync(path.join(dir, 'progress'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'progress'));
  const r = rng(2022);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => pick(WORDS)).join(' ');
    return w[0].toUpperCase() + w.slice(1);
  };
  const perArea = Math.ceil(count / 7);
  const tasks = ['apiVersion: cchc/v1', 'kind: Tasks', 'title: NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', 'tasks:'];
  const progress = ['apiVersion: cchc/v1', 'kind: Progress', 'asOf: "2022-06-14"', 'example: true', 'tasks:'];
  for (let no = 1; no <= count; no++) {
    const area = Math.min(7, Math.floor((no - 1) / perArea) + 1);
    tasks.push(
      `  - no: ${no}`,
      `    area: ${area}`,
      `    title: ${JSON.stringify(sentence(8 + Math.floor(r() * 40)))}`,
      `    lead: [${pick(UNITS)}]`,
      `    coordinating: [${pick(GROUPS)}]`,
      `    product: ${JSON.stringify(sentence(3 + Math.floor(r() * 6)))}`,
      `    deadline: ${pick(DEADLINES)}`,
    );
    const x = r();
    if (x < 0.3) {
      progress.push(
        `  - task: ${no}`,
        '    status: done',
        '    percent: 100',
        '    completed: "2022-03-10"',
        '    evidence:',
        `      document: "Quyết định số ${no}/QĐ-SLĐTBXH"`,
        '      date: "2022-03-10"',
      );
    } else if (x < 0.8) {
      progress.push(`  - task: ${no}`, '    status: in-progress', `    percent: ${10 * (1 + Math.floor(r() * 9))}`);
    }
  }
  writeFileSync(path.join(dir, 'tasks.yaml'), tasks.join('\n') + '\n');
  writeFileSync(path.join(dir, 'progress', '2022-6m.yaml'), progress.join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------

const rows = [];
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;

const bare = stats(repeat(RUNS, ['-e', '0']).map((x) => x.ms));
rows.push(['node -e 0', RUNS, fmt(bare.median), `${fmt(bare.min)} – ${fmt(bare.max)}`, '', '']);

const out2022 = path.join(work, 'KH-CCHC-2022.xlsx');
let ok = true;
for (const cold of [true, false]) {
  const e2022 = repeat(RUNS, [BIN, 'export', PLAN_2022, '--out', out2022], { cold });
  const s2022 = stats(e2022.map((x) => x.ms));
  const m2022 = run([BIN, 'export', PLAN_2022, '--out', out2022], { measure: true, cold });
  rows.push([
    `export plans/2022 (27 tasks, 4 sheets), ${cold ? 'cold' : 'warm'}`,
    RUNS,
    fmt(s2022.median),
    `${fmt(s2022.min)} – ${fmt(s2022.max)}`,
    `${m2022.rss.toFixed(0)} MB`,
    `${(s2022.median / bare.median).toFixed(1)} × node -e 0; ${Math.round(statSync(out2022).size / 1024)} KB`,
  ]);
}

const big = path.join(work, 'plans', '2022');
mkdirSync(path.dirname(big), { recursive: true });
generatePlan(big, TASKS);
const outBig = path.join(work, 'KH-CCHC-10000.xlsx');
for (const cold of [true, false]) {
  if (!cold) run([BIN, 'export', big, '--out', outBig]); // prime the cache
  const bigRuns = Array.from({ length: Math.min(RUNS, 3) }, () => run([BIN, 'export', big, '--out', outBig], { measure: true, cold }));
  const sBig = stats(bigRuns.map((x) => x.ms));
  const rssBig = Math.max(...bigRuns.map((x) => x.rss));
  const met = sBig.max < TARGET_SECONDS * 1000 && rssBig < TARGET_MB;
  ok &&= met;
  rows.push([
    `export ${TASKS.toLocaleString('vi-VN')} tasks (4 sheets), ${cold ? 'cold' : 'warm'}`,
    bigRuns.length,
    fmt(sBig.median),
    `${fmt(sBig.min)} – ${fmt(sBig.max)}`,
    `${rssBig.toFixed(0)} MB`,
    `target < ${TARGET_SECONDS} s, < ${TARGET_MB} MB: ${met ? 'met' : 'MISSED'}; ${(statSync(outBig).size / 1024 / 1024).toFixed(1)} MB file`,
  ]);
}

const head = ['case', 'runs', 'median', 'min – max', 'peak RSS', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
console.log(`cchc export benchmark (node ${process.version}, ${process.platform}/${process.arch})\n`);
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));

if (KEEP) console.log(`\nkept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
