#!/usr/bin/env node
// Just the corpus comparison of `npm run bench` (bench/run.mjs, section 2): cold
// `cchc validate CORPUS --format json` (CCHC_NO_CACHE=1) against ajv-cli validating the same
// files against the same schemas, run once per file kind (6 processes, times summed).
//
//   node scripts/build.mjs && node bench/corpus-vs-ajv.mjs [SIZES] [--reps N] [--keep DIR]
//
// SIZES: comma-separated folder counts, default 1000,10000. Each corpus is generated once
// by bench/corpus.mjs into DIR/corpus-N (default DIR: $TMPDIR/cchc-corpus) and reused by
// later runs when its marker file is there (same generator and seed). Runs alternate
// cchc / ajv-cli so a burst of load hits both; the table shows medians of --reps runs
// (default 3, 1 at 10.000 folders and above) and the ratio. Extra environment for cchc
// (CCHC_THREADS, ...) is passed through. Not a test: nothing here passes or fails.
//
// Before each run of either tool every file of the corpus is read once: on the shared
// machine the page cache holds about 1.5 GB and other work evicts the corpus, so whichever
// tool ran first after a pause read the disk (a cold 10.000-folder run of cchc measured
// 37 s against 25 s warm) and the one after it did not.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { AJV_KINDS, ajvArgs, warmPageCache } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const sizes = (positional[0] ?? '1000,10000').split(',').map(Number);
const base = opt('--keep') ?? path.join(tmpdir(), 'cchc-corpus');

function timed(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log('| plan folders | errors | cchc ms | ajv-cli ms | cchc ÷ ajv-cli |');
console.log('|---|---|---|---|---|');
for (const n of sizes) {
  const corpus = path.join(base, `corpus-${n}`);
  const marker = `${corpus}.complete`;
  if (!existsSync(marker)) {
    mkdirSync(base, { recursive: true });
    writeCorpus(corpus, n);
    writeFileSync(marker, '');
  }
  const reps = Number(opt('--reps') ?? (n >= 10000 ? 1 : 3));
  const c = [];
  const a = [];
  let errors = 0;
  for (let i = 0; i < reps; i++) {
    warmPageCache(corpus);
    const { ms, r } = timed([BIN, 'validate', corpus, '--format', 'json'], { CCHC_NO_CACHE: '1' });
    c.push(ms);
    errors = JSON.parse(r.stdout).diagnostics.filter((d) => d.severity === 'error').length;
    let sum = 0;
    warmPageCache(corpus);
    for (const [kind, glob] of AJV_KINDS) {
      sum += timed(ajvArgs(kind, glob, corpus)).ms;
    }
    a.push(sum);
  }
  console.log(`| ${n} | ${errors} | ${median(c).toFixed(0)} | ${median(a).toFixed(0)} | ${(median(c) / median(a)).toFixed(2)} |`);
}
console.log(
  `load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
