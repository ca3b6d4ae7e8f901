#!/usr/bin/env node
// Benchmark of `cchc doc` and `cchc report` (issue 15, item 4): a benchmark, not a timed test.
//
//   node scripts/build.mjs && node bench/docx.mjs [--runs N] [--keep]
//
// 1. The 2022 plan: median wall time of N runs of `cchc doc plans/2022` and of
//    `cchc report plans/2022 --period 2022-9M`, against N runs of `node -e 0`.
// 2. Scale: a generated plan with 10.000 tasks (the 2022 plan's areas, units, indicators and
//    budget; task titles of realistic lengths; a progress file with a record for most tasks,
//    the generator of bench/lib.mjs, shared with bench/export.mjs), written as the plan document (Phụ lục I with
//    10.000 rows) and as the 6-month report: wall time and peak memory against the targets
//    of the issue (doc under 5 s and 400 MB; report under 3 s).
//
// Each command runs cold (CCHC_NO_CACHE=1: every file read, parsed and checked, as after an
// edit) and warm (the check-result cache primed by a first run). Wall time is measured
// around the spawned process, so it includes Node's start-up; peak memory and CPU time (user +
// system: less sensitive than wall time to other work on a shared machine) are the child's
// own process.resourceUsage(), reported on exit by a module preloaded with --import. The load
// average at the start is printed with the table.
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, PLAN_2022, fmt, generateLargePlan, printTable, repeat, requireBuild, runner, stats } from './lib.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const KEEP = argv.includes('--keep');
const TASKS = 10_000;
const LOAD = loadavg();
const TARGET = { doc: { seconds: 5, mb: 400 }, report: { seconds: 3, mb: Infinity } };

requireBuild();
const work = mkdtempSync(path.join(tmpdir(), 'cchc-bench-docx-'));
const run = runner(work);

const rows = [];
const bare = stats(repeat(run, RUNS, ['-e', '0']).map((x) => x.ms));
rows.push(['node -e 0', RUNS, fmt(bare.median), `${fmt(bare.min)} – ${fmt(bare.max)}`, '', '', '']);

const commands = (plan, out) => ({
  doc: [BIN, 'doc', plan, '--out', `${out}-doc.docx`],
  report: [BIN, 'report', plan, '--period', '2022-6M', '--out', `${out}-report.docx`],
});

const small = commands(PLAN_2022, path.join(work, '2022'));
for (const [name, args] of Object.entries(small)) {
  for (const cold of [true, false]) {
    const s = stats(repeat(run, RUNS, args, { cold }).map((x) => x.ms));
    const m = run(args, { measure: true, cold });
    rows.push([
      `${name} plans/2022, ${cold ? 'cold' : 'warm'}`,
      RUNS,
      fmt(s.median),
      `${fmt(s.min)} – ${fmt(s.max)}`,
      fmt(m.cpu),
      `${m.rss.toFixed(0)} MB`,
      `${(s.median / bare.median).toFixed(1)} × node -e 0; ${Math.round(statSync(args.at(-1)).size / 1024)} KB`,
    ]);
  }
}

const big = path.join(work, 'plans', '2022');
mkdirSync(path.dirname(big), { recursive: true });
generateLargePlan(big, TASKS);
let ok = true;
const large = commands(big, path.join(work, '10000'));
for (const [name, args] of Object.entries(large)) {
  const target = TARGET[name];
  for (const cold of [true, false]) {
    if (!cold) run(args); // prime the cache
    const runs = Array.from({ length: Math.min(RUNS, 3) }, () => run(args, { measure: true, cold }));
    const s = stats(runs.map((x) => x.ms));
    const rss = Math.max(...runs.map((x) => x.rss));
    const met = s.max < target.seconds * 1000 && rss < target.mb;
    ok &&= met;
    const goal = `target < ${target.seconds} s${Number.isFinite(target.mb) ? `, < ${target.mb} MB` : ''}`;
    const cpu = stats(runs.map((x) => x.cpu));
    rows.push([
      `${name} ${TASKS.toLocaleString('vi-VN')} tasks, ${cold ? 'cold' : 'warm'}`,
      runs.length,
      fmt(s.median),
      `${fmt(s.min)} – ${fmt(s.max)}`,
      fmt(cpu.median),
      `${rss.toFixed(0)} MB`,
      `${goal}: ${met ? 'met' : 'MISSED'}; ${(statSync(args.at(-1)).size / 1024 / 1024).toFixed(1)} MB file`,
    ]);
  }
}

console.log(
  `cchc doc / report benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${LOAD.map((x) => x.toFixed(1)).join(' ')} at the start)\n`,
);
printTable(['case', 'runs', 'median', 'min – max', 'CPU', 'peak RSS', 'note'], rows);

if (KEEP) console.log(`\nkept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
