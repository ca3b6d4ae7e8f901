#!/usr/bin/env node
// `npm run bench`: every speed and memory figure of cchc, measured in one run as ratios
// against baselines measured in the same run (these machines are shared and noisy), then
// written to BENCHMARKS.md. Not a test: nothing here passes or fails.
//
//   npm run bench                 # everything (the 10.000-folder corpus takes minutes)
//   BENCH_QUICK=1 npm run bench   # fewer runs, corpora of 100 and 1.000 folders only
//
// 1. Start-up: median wall time of `cchc validate|status|budget plans/2022` and
//    `cchc export` against `node -e 0`, runs interleaved (A B A B …) so that a burst of
//    load hits both. Warm (the result cache primed, as on a clerk's machine), cold (an
//    empty cache folder, as on a fresh CI machine: the package's own V8 code cache only)
//    and with no cache at all (CCHC_NO_CACHE=1).
// 2. A corpus of plan folders (bench/corpus.mjs; one in ten with errors): `cchc validate`
//    cold against ajv-cli validating the same files against the same schemas (schema
//    checks only: no positions, no cross-file rules), time and peak memory, at 100, 1.000
//    and 10.000 folders.
// 3. Hostile input: the slowest of a few worst cases, against the 2-second budget.
// 4. bench/status-scale.mjs, bench/export.mjs and bench/citations.mjs, whose tables are copied in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg, release, platform } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { AJV_KINDS, ajvArgs, warmPageCache } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const QUICK = !!process.env.BENCH_QUICK;
const RUNS = QUICK ? 7 : 21;
const work = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
const cacheDir = path.join(work, 'cache');
const rssProbe = path.join(work, 'rss.cjs');
writeFileSync(
  rssProbe,
  "process.on('exit', () => { try { require('fs').appendFileSync(process.env.CCHC_RSS_FILE, process.resourceUsage().maxRSS + '\\n'); } catch {} });\n",
);

let fresh = 0;
function run(cmd, args, { env = {}, cwd = ROOT, rss = false } = {}) {
  // A new, empty cache folder for each cold run.
  if (env.CCHC_CACHE_DIR === 'FRESH') env = { ...env, CCHC_CACHE_DIR: path.join(work, `fresh-${fresh++}`) };
  const rssFile = path.join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const fullArgs = rss && cmd === process.execPath ? ['--require', rssProbe, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, fullArgs, { cwd, env: { ...process.env, ...env, CCHC_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let peak = 0;
  if (rss && existsSync(rssFile)) peak = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024;
  return { ms, peakMiB: peak, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const out = [];
const say = (s = '') => {
  console.log(s);
  out.push(s);
};

say('# Benchmarks');
say();
say(
  `Measured by \`npm run bench\`${QUICK ? ' (BENCH_QUICK)' : ''} on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}; load average at start ${loadavg().map(f2).join(' ')}. Shared machines are noisy: read the ratios, which compare runs made side by side, more than the milliseconds.`,
);
say();

// ---------------------------------------------------------------------------------------
say('## 1. Start-up on the bundled plan');
say();
const plan = 'plans/2022';
const exportOut = path.join(work, 'KH.xlsx');
const cases = [
  ['node -e 0', [process.execPath, ['-e', '0']], {}],
  ['cchc --version', [process.execPath, [BIN, '--version']], {}],
  ['cchc validate plans/2022 (warm)', [process.execPath, [BIN, 'validate', plan]], { CCHC_CACHE_DIR: cacheDir }],
  ['cchc validate plans/2022 (cold)', [process.execPath, [BIN, 'validate', plan]], { CCHC_CACHE_DIR: 'FRESH' }],
  ['cchc validate plans/2022 (no cache)', [process.execPath, [BIN, 'validate', plan]], { CCHC_NO_CACHE: '1' }],
  ['cchc status plans/2022 (warm)', [process.execPath, [BIN, 'status', plan, '--period', '2022']], { CCHC_CACHE_DIR: cacheDir }],
  ['cchc status plans/2022 (cold)', [process.execPath, [BIN, 'status', plan, '--period', '2022']], { CCHC_CACHE_DIR: 'FRESH' }],
  ['cchc status plans/2022 (no cache)', [process.execPath, [BIN, 'status', plan, '--period', '2022']], { CCHC_NO_CACHE: '1' }],
  ['cchc budget plans/2022 (warm)', [process.execPath, [BIN, 'budget', plan]], { CCHC_CACHE_DIR: cacheDir }],
  ['cchc export plans/2022 (warm)', [process.execPath, [BIN, 'export', plan, '--out', exportOut]], { CCHC_CACHE_DIR: cacheDir }],
];
for (const [, [cmd, args], env] of cases) run(cmd, args, { env }); // warm-up; primes the cache
const times = cases.map(() => []);
const peaks = cases.map(() => 0);
for (let i = 0; i < RUNS; i++) {
  cases.forEach(([, [cmd, args], env], k) => {
    const r = run(cmd, args, { env, rss: true });
    times[k].push(r.ms);
    peaks[k] = Math.max(peaks[k], r.peakMiB);
  });
}
const base = median(times[0]);
say(
  table(
    ['command', 'median ms', 'min ms', '× node -e 0', 'peak RSS MiB'],
    cases.map(([name], k) => [name, f1(median(times[k])), f1(Math.min(...times[k])), f2(median(times[k]) / base), f1(peaks[k])]),
  ),
);
say();
const ratio = (name) => median(times[cases.findIndex(([n]) => n === name)]) / base;
say(
  `Targets (issue 14): cold \`validate\` and \`status\` at most 2.0 × \`node -e 0\`, warm at most 1.3 ×. Warm: validate ${f2(ratio('cchc validate plans/2022 (warm)'))} ×, status ${f2(ratio('cchc status plans/2022 (warm)'))} ×. Cold (an empty cache folder, a fresh CI machine): validate ${f2(ratio('cchc validate plans/2022 (cold)'))} ×, status ${f2(ratio('cchc status plans/2022 (cold)'))} ×. With no cache at all: validate ${f2(ratio('cchc validate plans/2022 (no cache)'))} ×, status ${f2(ratio('cchc status plans/2022 (no cache)'))} ×.`,
);
say();

// ---------------------------------------------------------------------------------------
say('## 2. A corpus of plan folders: cchc validate against ajv-cli');
say();
say(
  'ajv-cli checks each file against its schema only. It is run once per file kind (6 processes) with the same schemas; its times and peaks are the sum and the maximum over those. cchc runs cold (no result cache) and does everything it always does: positions, excerpts, cross-file rules, citations.',
);
say();
const sizes = QUICK ? [100, 1000] : [100, 1000, 10000];
const rows = [];
for (const n of sizes) {
  const corpus = path.join(work, `corpus-${n}`);
  writeCorpus(corpus, n);
  cpSync(path.join(ROOT, 'schemas'), path.join(work, 'schemas'), { recursive: true });
  const reps = n >= 10000 ? 1 : QUICK ? 3 : 5;
  const c = [];
  const a = [];
  let cPeak = 0;
  let aPeak = 0;
  let findings = '';
  for (let i = 0; i < reps; i++) {
    warmPageCache(corpus); // both tools read the corpus from memory, not one of them from disk
    const r = run(process.execPath, [BIN, 'validate', corpus, '--format', 'json'], { env: { CCHC_NO_CACHE: '1' }, rss: true });
    c.push(r.ms);
    cPeak = Math.max(cPeak, r.peakMiB);
    if (i === 0) {
      const ds = JSON.parse(r.stdout).diagnostics;
      findings = `${ds.filter((d) => d.severity === 'error').length} errors`;
    }
    let sum = 0;
    warmPageCache(corpus);
    for (const [kind, glob] of AJV_KINDS) {
      const r2 = run(process.execPath, ajvArgs(kind, glob, corpus), { rss: true });
      sum += r2.ms;
      aPeak = Math.max(aPeak, r2.peakMiB);
    }
    a.push(sum);
  }
  rows.push([n.toLocaleString('vi-VN'), findings, f1(median(c)), f1(cPeak), f1(median(a)), f1(aPeak), f2(median(c) / median(a))]);
  rmSync(corpus, { recursive: true, force: true });
}
say(table(['plan folders', 'cchc findings', 'cchc ms', 'cchc peak MiB', 'ajv-cli ms', 'ajv-cli peak MiB', 'cchc ÷ ajv-cli'], rows));
say();
say(
  'Target (issue 6): cchc takes no longer than ajv-cli (ratio ≤ 1), while doing more. Growth: compare the rows (10 × the folders should cost about 10 × the time; memory grows with the findings kept for sorting, not with the folders read).',
);
say();

// ---------------------------------------------------------------------------------------
say('## 3. Hostile input');
say();
const hostile = path.join(work, 'hostile');
const mk = (name, files) => {
  const dir = path.join(hostile, name);
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'plans', 'mini'), dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
};
const bomb =
  'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(',')}]\n`).join('');
const hcases = [
  ['billion laughs', mk('bomb', { 'tasks.yaml': bomb })],
  ['16 MiB + 1 file', mk('large', { 'tasks.yaml': 'x'.repeat(16 * 1024 * 1024 + 1) })],
  ['15 MiB of comments', mk('big', { 'tasks.yaml': ('# ' + 'x'.repeat(1022) + '\n').repeat(15 * 1024) })],
  ['5.000 nested brackets', mk('deep', { 'plan.yaml': 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' })],
  ['a 2 MB string', mk('long', { 'tasks.yaml': 'apiVersion: cchc/v1\nkind: Tasks\ntasks:\n  - title: ' + 'x'.repeat(2_000_000) + '\n' })],
  [
    '40.000 keys in one mapping',
    mk('keys40k', {
      'units.yaml': 'apiVersion: cchc/v1\nkind: Units\nunits: []\nextra:\n' + Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}\n`).join(''),
    }),
  ],
  [
    '1.000.000 keys',
    mk('keys1m', {
      'units.yaml': 'apiVersion: cchc/v1\nkind: Units\nextra:\n' + Array.from({ length: 1_000_000 }, (_, i) => ` ${i.toString(36)}: 0\n`).join(''),
    }),
  ],
  ['1.000.000 items', mk('items1m', { 'units.yaml': 'apiVersion: cchc/v1\nkind: Units\nextra:\n' + '  - 1\n'.repeat(1_000_000) })],
  ['block nesting 5.000 deep', mk('block5k', { 'plan.yaml': 'deep:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 1) + 'k:\n').join('') })],
  [
    '10.000 progress files',
    (() => {
      const dir = mk('prog10k', {});
      const text = readFileSync(path.join(dir, 'progress', '2023-q2.yaml'));
      for (let i = 0; i < 10_000; i++) writeFileSync(path.join(dir, 'progress', `p${i}.yaml`), text);
      return dir;
    })(),
  ],
];
const hrows = hcases.map(([name, dir]) => {
  const r = run(process.execPath, [BIN, 'validate', dir], { env: { CCHC_NO_CACHE: '1' }, rss: true });
  return [name, String(r.status), f1(r.ms), f1(r.peakMiB)];
});
say(table(['case', 'exit', 'ms', 'peak RSS MiB'], hrows));
say();
say(
  `Budget (issue 12): each under 2 s and 300 MB. Slowest: ${f1(Math.max(...hrows.map((r) => Number(r[2]))))} ms; largest peak: ${f1(Math.max(...hrows.map((r) => Number(r[3]))))} MiB. The hostile cases of tests/hostile/ run in the test suite with a 300 MB heap and a 20-second hang guard.`,
);
say();

// ---------------------------------------------------------------------------------------
for (const [title, script] of [
  ['4. cchc status at scale', 'status-scale.mjs'],
  ['5. cchc export', 'export.mjs'],
  ['6. The citation rules at growing text', 'citations.mjs'],
]) {
  if (!existsSync(path.join(ROOT, 'bench', script))) continue;
  say(`## ${title}`);
  say();
  say(`Output of \`node bench/${script}${QUICK ? ' --runs 5' : ''}\`:`);
  say();
  const r = run(process.execPath, [path.join(ROOT, 'bench', script), ...(QUICK ? ['--runs', '5'] : [])]);
  say('```');
  say((r.stdout + r.stderr).trim());
  say('```');
  say();
}

// What the numbers above do not say by themselves: before and after, profiles, decisions.
const notes = path.join(ROOT, 'bench', 'NOTES.md');
if (existsSync(notes)) say(readFileSync(notes, 'utf8').trim());
writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), out.join('\n') + '\n');
rmSync(work, { recursive: true, force: true });
console.log('\nwrote BENCHMARKS.md');
