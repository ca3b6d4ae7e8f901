#!/usr/bin/env node
// Benchmark of `cchc status` (issue 3, "Speed and scale"): a benchmark, not a timed test.
//
//   node scripts/build.mjs && node bench/status-scale.mjs [--runs N] [--keep]
//
// 1. The bundled plan: wall time of `cchc status plans/2022` against `node -e 0` (target: a
//    median at most 1.5 ×), beside `cchc --version` and `cchc validate` for comparison.
// 2. Scale: generates valid plans into a temporary folder (1.000 tasks with 10.000 and
//    100.000 progress records, 10.000 tasks with 100.000 records; progress split into files
//    of at most one record per task, each well under the 16 MiB file cap), runs
//    `cchc status DIR --as-of <year>-12-31` (so that every record counts) as JSON and as the
//    terminal report on each, and prints wall time and peak memory (target: 10.000 tasks +
//    100.000 records under 1 second). Each is run cold (CCHC_NO_CACHE=1: read, parse and
//    check every file, as after any edit) and warm (the check-result cache of load/cache.ts,
//    in a temporary folder, primed by the warm-up run: the plan unchanged since last time).
//
// Wall time is measured around the spawned process, so it includes Node's start-up, as a
// clerk experiences it. Peak memory and CPU time (user + system) are the child's own
// process.resourceUsage(), read by a small wrapper that runs the built CLI in-process and
// reports them on exit: on a machine shared with other work, CPU time moves less than wall
// time, and a wall time far above it says the machine was busy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const DIST = path.join(ROOT, 'dist', 'cli.cjs');
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const KEEP = argv.includes('--keep');

try {
  statSync(DIST);
} catch {
  console.error('dist/cli.cjs is missing: run `node scripts/build.mjs` first');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// Generating a valid plan
// ---------------------------------------------------------------------------------------

const YEAR = 2030;
const AREAS = 10;
const UNITS = 40;
const DEADLINES = [`Quý I/${YEAR}`, `Quý II/${YEAR}`, `Quý III/${YEAR}`, `Quý IV/${YEAR}`, 'Thường xuyên', 'Cả năm', `Tháng 6/${YEAR}`, 'Theo quy định'];

/** A deterministic number in [0, 1) from an integer, so runs are comparable. */
function hash01(n) {
  let x = (n + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 2 ** 32;
}

function dayOfYear(n) {
  const d = new Date(Date.UTC(YEAR, 0, 1) + (n - 1) * 86400000);
  return d.toISOString().slice(0, 10);
}

function generatePlan(dir, tasks, records) {
  mkdirSync(path.join(dir, 'progress'), { recursive: true });
  const areas = Array.from({ length: AREAS }, (_, i) => `  - id: ${i + 1}\n    title: Nội dung cải cách số ${i + 1}\n`).join('');
  writeFileSync(
    path.join(dir, 'plan.yaml'),
    `apiVersion: cchc/v1\nkind: Plan\nyear: ${YEAR}\nagency:\n  name: Cơ quan thử tải\nstatus: draft\ntitle: Kế hoạch cải cách hành chính năm ${YEAR} (thử tải ${tasks} nhiệm vụ)\nareas:\n${areas}funding:\n  source: Ngân sách năm ${YEAR}.\n`,
  );
  const units = Array.from({ length: UNITS }, (_, i) => `  - id: u${i + 1}\n    name: Phòng chuyên môn số ${i + 1}\n`).join('');
  writeFileSync(path.join(dir, 'units.yaml'), `apiVersion: cchc/v1\nkind: Units\nunits:\n${units}`);

  // Tasks in area order, every area and every unit used.
  const perArea = Math.ceil(tasks / AREAS);
  const lines = [];
  for (let no = 1; no <= tasks; no++) {
    const area = Math.min(AREAS, Math.floor((no - 1) / perArea) + 1);
    const lead = no % 5 === 0 ? `[u${(no % UNITS) + 1}, u${((no + 7) % UNITS) + 1}]` : `[u${(no % UNITS) + 1}]`;
    lines.push(
      `  - no: ${no}\n    area: ${area}\n    title: Rà soát, cập nhật quy trình nội bộ giải quyết công việc số ${no} theo hướng đơn giản hóa thủ tục\n    lead: ${lead}\n    deadline: ${DEADLINES[no % DEADLINES.length]}\n`,
    );
  }
  writeFileSync(path.join(dir, 'tasks.yaml'), `apiVersion: cchc/v1\nkind: Tasks\ntasks:\n${lines.join('')}`);

  const inds = Array.from({ length: 50 }, (_, i) => {
    const area = (i % AREAS) + 1;
    return `  - id: "${area}.${Math.floor(i / AREAS) + 1}"\n    area: ${area}\n    text: Tối thiểu 50% hồ sơ loại ${i + 1} được giải quyết trực tuyến.\n    targets:\n      - comparator: ">="\n        value: 50\n        unit: "%"\n`;
  }).join('');
  writeFileSync(path.join(dir, 'indicators.yaml'), `apiVersion: cchc/v1\nkind: Indicators\nindicators:\n${inds}`);

  const budgetLines = Array.from({ length: 10 }, (_, i) => `  - no: ${i + 1}\n    content: Nội dung chi số ${i + 1}\n    amount: 2000000\n`).join('');
  writeFileSync(path.join(dir, 'budget.yaml'), `apiVersion: cchc/v1\nkind: Budget\nlines:\n${budgetLines}total: 20000000\ntotalInWords: Hai mươi triệu đồng\n`);

  // Progress: one file per update, each a full state of every task (one record per task per file).
  const files = Math.ceil(records / tasks);
  const doneAt = Array.from({ length: tasks }, (_, i) => Math.floor(hash01(i) * files * 1.2));
  const dates = Array.from({ length: files }, (_, k) => dayOfYear(Math.max(1, Math.floor(((k + 1) * 345) / files))));
  let written = 0;
  let largest = 0;
  for (let k = 0; k < files; k++) {
    const n = Math.min(tasks, records - written);
    const out = [`apiVersion: cchc/v1\nkind: Progress\nasOf: ${dates[k]}\nexample: true\ntasks:\n`];
    for (let i = 0; i < n; i++) {
      const d = doneAt[i];
      if (k >= d) out.push(`  - { task: ${i + 1}, status: done, percent: 100, completed: ${dates[d]} }\n`);
      else {
        const pct = Math.floor((k / Math.max(1, d)) * 99);
        out.push(pct === 0 ? `  - { task: ${i + 1}, status: not-started, percent: 0 }\n` : `  - { task: ${i + 1}, status: in-progress, percent: ${pct} }\n`);
      }
    }
    out.push('indicators:\n');
    for (let a = 0; a < 50; a++)
      out.push(`  - { indicator: "${(a % AREAS) + 1}.${Math.floor(a / AREAS) + 1}", value: ${Math.round(30 + (k / files) * 40 + hash01(a + k) * 10)} }\n`);
    out.push('budget:\n');
    for (let l = 1; l <= 10; l++) out.push(`  - { line: ${l}, spent: ${Math.floor(((k + 1) / files) * 2000000)} }\n`);
    const text = out.join('');
    const file = path.join(dir, 'progress', `${String(k + 1).padStart(4, '0')}.yaml`);
    writeFileSync(file, text);
    const bytes = Buffer.byteLength(text);
    if (bytes >= MAX_FILE_BYTES) throw new Error(`${file} is ${bytes} bytes, above the 16 MiB cap`);
    largest = Math.max(largest, bytes);
    written += n;
  }
  return { files, records: written, largest };
}

// ---------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------

// bin/cchc.cjs itself, as `cchc` runs: an earlier version imported dist/cli.cjs as an ES
// module, which no user does, and paid 35-50 ms for Node's translation of a CommonJS file
// into a module (BENCHMARKS.md, status at scale). CCHC_NO_CACHE=1 (cold) turns off the
// bundle's code cache there as well.
const WRAPPER = `
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...JSON.parse(process.env.CCHC_BENCH_ARGS)];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('\\n@@cchc-bench ' + JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }) + '\\n');
});
require(${JSON.stringify(BIN)});
`;

function timeOnce(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const full = { ...process.env, NO_COLOR: '1', ...env };
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  const r = spawnSync(cmd, args, { env: full, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stderr: r.stderr ?? '' };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time and peak memory of `cchc ARGS`, run in-process by the wrapper. */
function cchc(args, runs, cache) {
  const env = { CCHC_BENCH_ARGS: JSON.stringify(args), ...(cache ? { CCHC_CACHE_DIR: cache, CCHC_NO_CACHE: undefined } : { CCHC_NO_CACHE: '1' }) };
  const cmd = process.execPath;
  const cargs = ['-e', WRAPPER];
  timeOnce(cmd, cargs, env);
  const times = [];
  const rss = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = timeOnce(cmd, cargs, env);
    const m = /@@cchc-bench (\{.*\})/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`cchc ${args.join(' ')} exited ${r.status}\n${r.stderr.slice(0, 4000)}`);
    times.push(r.ms);
    const used = JSON.parse(m[1]);
    rss.push(used.maxRSS / 1024);
    cpu.push(used.cpu / 1000);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), rssMiB: Math.max(...rss), cpuMs: median(cpu) };
}

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`cchc status benchmark — node ${process.version}, ${cpus().length} CPUs, load average ${load()}; ${RUNS} runs per case\n`);

// 1. The bundled plan against a bare Node start. The commands are interleaved run by run so
//    that a busy machine slows them alike; `cchc --version` and `cchc validate` show how much
//    of the time is the CLI's start-up and the plan's loading, common to every command.
const root = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
const rows = [];
const results = [];
try {
  const plan2022 = path.join(ROOT, 'plans', '2022');
  const warmCache = { CCHC_CACHE_DIR: path.join(root, 'cache-2022'), CCHC_NO_CACHE: undefined };
  const startCases = [
    ['node -e 0', ['-e', '0'], {}],
    ['cchc --version', [BIN, '--version'], {}],
    ['cchc validate plans/2022 (warm)', [BIN, 'validate', plan2022], warmCache],
    ['cchc status plans/2022 (warm)', [BIN, 'status', plan2022], warmCache],
    ['cchc status plans/2022 --json (warm)', [BIN, 'status', plan2022, '--json'], warmCache],
    ['cchc status plans/2022 (cold)', [BIN, 'status', plan2022], { CCHC_NO_CACHE: '1' }],
  ];
  const startRuns = Math.max(RUNS * 3, 15);
  const startTimes = startCases.map(([, args, env]) => (timeOnce(process.execPath, args, env), []));
  for (let i = 0; i < startRuns; i++) {
    startCases.forEach(([name, args, env], k) => {
      const r = timeOnce(process.execPath, args, env);
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}\n${r.stderr}`);
      startTimes[k].push(r.ms);
    });
  }
  const baseMedian = median(startTimes[0]);
  const baseMin = Math.min(...startTimes[0]);
  console.log(
    table(
      startCases.map(([name], k) => {
        const xs = startTimes[k];
        return [name, fmt(median(xs), 1), fmt(Math.min(...xs), 1), fmt(median(xs) / baseMedian, 2), fmt(Math.min(...xs) / baseMin, 2)];
      }),
      [`bundled plan (${startRuns} interleaved runs)`, 'median ms', 'min ms', '× node (median)', '× node (min)'],
    ),
  );
  const statusRatio = median(startTimes[3]) / baseMedian;
  console.log(`target: cchc status plans/2022 at most 1.50 × node -e 0 → ${fmt(statusRatio, 2)} ×: ${statusRatio <= 1.5 ? 'met' : 'NOT met'}\n`);

  // 2. Generated plans.
  const cases = [
    { tasks: 1000, records: 10000 },
    { tasks: 1000, records: 100000 },
    { tasks: 10000, records: 100000 },
  ];
  for (const c of cases) {
    const dir = path.join(root, `t${c.tasks}-r${c.records}`);
    const g = generatePlan(dir, c.tasks, c.records);
    for (const [mode, cache] of [
      ['cold', undefined],
      ['warm', path.join(root, 'cache')],
    ]) {
      for (const [out, extra] of [
        ['--json', ['--json']],
        ['text', []],
      ]) {
        const label = `${mode} ${out}`;
        const r = cchc(['status', dir, '--as-of', `${YEAR}-12-31`, ...extra], RUNS, cache);
        results.push({ ...c, label, ...r });
        rows.push([
          `${fmt(c.tasks)} / ${fmt(g.records)}`,
          `${g.files} × ≤ ${fmt(g.largest / 1024)} KiB`,
          label,
          fmt(r.median),
          fmt(r.min),
          fmt(r.max),
          fmt(r.cpuMs),
          fmt(r.rssMiB, 1),
        ]);
      }
    }
  }
} finally {
  if (KEEP) console.log(`generated plans kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(table(rows, ['tasks / records', 'progress files', 'run', 'median ms', 'min ms', 'max ms', 'CPU ms (median)', 'peak RSS MiB']));
console.log('');

const pick = (tasks, records, label) => results.find((r) => r.tasks === tasks && r.records === records && r.label === label);
for (const label of ['cold --json', 'cold text', 'warm --json', 'warm text']) {
  const small = pick(1000, 100000, label);
  const big = pick(10000, 100000, label);
  const recs = pick(1000, 10000, label);
  console.log(
    `${label.padEnd(11)}: 1.000 → 10.000 tasks (100.000 records): time × ${fmt(big.median / small.median, 2)}, memory × ${fmt(big.rssMiB / small.rssMiB, 2)}; ` +
      `10.000 → 100.000 records (1.000 tasks): time × ${fmt(small.median / recs.median, 2)}, memory × ${fmt(small.rssMiB / recs.rssMiB, 2)}`,
  );
}
console.log(`load average at the end: ${load()}`);
for (const mode of ['cold', 'warm']) {
  const j = pick(10000, 100000, `${mode} --json`);
  const t = pick(10000, 100000, `${mode} text`);
  console.log(
    `target (${mode}): 10.000 tasks + 100.000 records under 1.000 ms → --json ${fmt(j.median)} ms, text ${fmt(t.median)} ms: ${Math.max(j.median, t.median) < 1000 ? 'met' : 'NOT met'} (CPU --json ${fmt(j.cpuMs)} ms, text ${fmt(t.cpuMs)} ms)`,
  );
}
