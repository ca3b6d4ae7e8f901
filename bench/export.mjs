#!/usr/bin/env node
// Benchmark of `cchc export` (issue 5, "Speed and size"): a benchmark, not a timed test.
//
//   node scripts/build.mjs && node bench/export.mjs [--runs N] [--keep]
//
// 1. The 2022 plan: median wall time of N runs of `cchc export plans/2022` (all sheets)
//    against N runs of `node -e 0` (bare Node start-up).
// 2. Scale: a generated plan with 10.000 tasks (the 2022 plan's areas, units, indicators
//    and budget; task titles of realistic lengths; a progress file with a record for most
//    tasks: the generator of bench/lib.mjs), exported with all sheets: wall time and peak memory, against the targets of
//    the issue (under 5 s, under 400 MB).
//
// Each export is run cold (CCHC_NO_CACHE=1: every file read, parsed and checked, as after an
// edit) and warm (the check-result cache of load/cache.ts, kept in the benchmark's own
// temporary folder and primed by a first run: the plan unchanged since last time).
//
// Wall time is measured around the spawned process, so it includes Node's start-up, as a
// clerk experiences it. Peak memory is the child's own process.resourceUsage().maxRSS,
// reported on exit by a small module preloaded with --import.
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, PLAN_2022, fmt, generateLargePlan, printTable, repeat, requireBuild, runner, stats } from './lib.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 10;
const KEEP = argv.includes('--keep');
const TASKS = 10_000;
const TARGET_SECONDS = 5;
const TARGET_MB = 400;

requireBuild();
const work = mkdtempSync(path.join(tmpdir(), 'cchc-bench-export-'));
const run = runner(work);

const rows = [];
const bare = stats(repeat(run, RUNS, ['-e', '0']).map((x) => x.ms));
rows.push(['node -e 0', RUNS, fmt(bare.median), `${fmt(bare.min)} – ${fmt(bare.max)}`, '', '']);

const out2022 = path.join(work, 'KH-CCHC-2022.xlsx');
let ok = true;
for (const cold of [true, false]) {
  const e2022 = repeat(run, RUNS, [BIN, 'export', PLAN_2022, '--out', out2022], { cold });
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
generateLargePlan(big, TASKS);
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

console.log(`cchc export benchmark (node ${process.version}, ${process.platform}/${process.arch})\n`);
printTable(['case', 'runs', 'median', 'min – max', 'peak RSS', 'note'], rows);

if (KEEP) console.log(`\nkept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
