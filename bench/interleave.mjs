#!/usr/bin/env node
// Commands timed side by side, round by round: each round runs every command once, in turn,
// each with a new, empty cache folder (a fresh CI machine), so that a busy moment of a shared
// machine slows them alike. Prints the minimum, first quartile and median of each, and
// their ratios to the first command's. Used for the before/after figures of BENCHMARKS.md
// (section 7): two builds compared as copies of bin/ and dist/ in temporary folders.
//
//   node bench/interleave.mjs [--rounds N] [--pipe] -- 'node -e 0' 'node bin/cchc.cjs validate plans/2022' ...
//
// Output goes to /dev/null, or with --pipe into pipes read by this process, as bench/run.mjs
// runs them (Node makes process.stdout a socket on a pipe, a file stream on /dev/null).
//
// A command is split at spaces (no quoting); prefix `env NAME=value` for its environment.
// The first two rounds are not counted (the page cache, the machine settling).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const opts = dash < 0 ? [] : argv.slice(0, dash);
const commands = dash < 0 ? argv : argv.slice(dash + 1);
const rounds = opts.includes('--rounds') ? Number(opts[opts.indexOf('--rounds') + 1]) : 20;
const stdio = opts.includes('--pipe') ? 'pipe' : 'ignore';
if (commands.length === 0 || !(rounds > 0)) {
  console.error("usage: node bench/interleave.mjs [--rounds N] [--pipe] -- 'COMMAND' ...");
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'cchc-interleave-'));
const cache = path.join(work, 'cache');
const times = commands.map(() => []);
try {
  for (let round = 0; round < rounds + 2; round++) {
    commands.forEach((command, k) => {
      rmSync(cache, { recursive: true, force: true });
      const [cmd, ...args] = command.split(' ');
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env: { ...process.env, CCHC_CACHE_DIR: cache, NO_COLOR: '1' }, stdio, maxBuffer: 1 << 30 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${command} exited ${r.status}`);
      if (round >= 2) times[k].push(ms);
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
const [base, baseMin] = [quantile(times[0], 0.5), quantile(times[0], 0)];
console.log(`${rounds} rounds; ratios to the first command`);
commands.forEach((command, k) => {
  const [min, p25, med] = [0, 0.25, 0.5].map((q) => quantile(times[k], q));
  console.log(
    `${command.slice(0, 60).padEnd(60)}  min ${min.toFixed(1)}  p25 ${p25.toFixed(1)}  median ${med.toFixed(1)} ms  × ${(med / base).toFixed(2)} (median), × ${(min / baseMin).toFixed(2)} (min)`,
  );
});
