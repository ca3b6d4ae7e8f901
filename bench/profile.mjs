#!/usr/bin/env node
// Where a run of the built CLI spends its time: `node --cpu-prof` of bin/cchc.cjs, self
// time summed per source module (and the top functions), averaged over several runs.
//
//   node scripts/build.mjs && node bench/profile.mjs [--runs N] [--warm] [--top N] [-- ARGS...]
//
// ARGS default to `validate plans/2022`. Each run is cold (a new, empty cache folder: what
// a fresh CI machine meets) unless --warm (the result cache primed by a first run), or with
// no result cache at all with --no-cache (CCHC_NO_CACHE=1, as bench/corpus-vs-ajv.mjs runs). The
// bundle is minified, so this builds it again with an external source map (same options,
// scripts/build.mjs: the code must come out byte for byte the same) and maps each sampled
// function back to the file it came from: src/check/rules/refs.ts, the yaml package,
// js-yaml, the schema validators... Node's own frames are grouped as module loading, other
// Node internals, garbage collection and "(program)" (V8 compiling and starting up).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
const DIST = path.join(ROOT, 'dist', 'cli.cjs');

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const opts = dash < 0 ? argv : argv.slice(0, dash);
const args = dash < 0 ? ['validate', 'plans/2022'] : argv.slice(dash + 1);
const flag = (name, dflt) => (opts.includes(name) ? Number(opts[opts.indexOf(name) + 1]) : dflt);
const RUNS = flag('--runs', 5);
const TOP = flag('--top', 15);
const WARM = opts.includes('--warm');
const NO_CACHE = opts.includes('--no-cache');

/** The bundle's source map, from a build with the same options; undefined when the code differs. */
async function sourceMap(work) {
  const { bundleOptions } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href);
  const esbuild = await import('esbuild');
  const out = path.join(work, 'cli.cjs');
  const hash = readFileSync(path.join(ROOT, 'dist', 'BUILD'), 'utf8').trim();
  const { asciiOnly } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href);
  await esbuild.build({ ...bundleOptions(out, hash), sourcemap: 'external' });
  // The build escapes the few non-ASCII characters of regex literals (asciiOnly): the map's
  // columns after one on those lines are off by a few characters.
  if (asciiOnly(readFileSync(out, 'utf8')) !== readFileSync(DIST, 'utf8')) {
    console.error('dist/cli.cjs is not the current source: run `node scripts/build.mjs` first');
    process.exit(2);
  }
  return new SourceMap(JSON.parse(readFileSync(`${out}.map`, 'utf8')));
}

/** What a source file of the bundle is called in the table. */
function moduleName(source) {
  const s = source.replace(/\\/g, '/').replace(/^.*?(node_modules\/|src\/)/, '$1');
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (pkg) return `${pkg[1]} (package)`;
  return s;
}

function groupOf(frame, map, distUrl) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url === distUrl || url === DIST) {
    const e = map.findEntry(lineNumber, columnNumber);
    return e?.originalSource ? moduleName(e.originalSource) : 'dist/cli.cjs (unmapped)';
  }
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')) return 'node: loading modules';
  if (url.startsWith('node:')) return 'node: other internals';
  return path.relative(ROOT, url.replace(/^file:\/\//, ''));
}

function functionLabel(frame, map, distUrl) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (url === distUrl || url === DIST) {
    const e = map.findEntry(lineNumber, columnNumber);
    if (e?.originalSource) return `${e.name ?? (functionName || '(anonymous)')} ${moduleName(e.originalSource)}:${e.originalLine + 1}`;
  }
  return `${functionName || '(anonymous)'} ${url ? url.replace(/^.*\//, '') : ''}`.trim();
}

/** Self time per node of one profile, in ms. */
function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas, nodes } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    self.set(n, (self.get(n) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  }
  return self;
}

function addTo(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'cchc-profile-'));
  const map = await sourceMap(work);
  const distUrl = pathToFileURL(DIST).href;
  const byModule = new Map();
  const byFunction = new Map();
  let total = 0;
  const warmCache = path.join(work, 'warm');
  if (WARM) spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CCHC_CACHE_DIR: warmCache }, stdio: 'ignore' });
  for (let r = 0; r < RUNS; r++) {
    const profDir = path.join(work, `prof-${r}`);
    const cache = WARM ? warmCache : path.join(work, `cache-${r}`);
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', profDir, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, CCHC_CACHE_DIR: cache, CCHC_NO_CACHE: NO_CACHE ? '1' : '' },
      stdio: 'ignore',
    });
    const file = existsSync(profDir) ? readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
    if (!file) throw new Error('no profile written');
    const profile = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
    for (const [node, ms] of selfTimes(profile)) {
      if (node.callFrame.functionName === '(idle)') continue;
      addTo(byModule, groupOf(node.callFrame, map, distUrl), ms / RUNS);
      addTo(byFunction, functionLabel(node.callFrame, map, distUrl), ms / RUNS);
      total += ms / RUNS;
    }
  }
  rmSync(work, { recursive: true, force: true });
  const rows = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const pct = (ms) => `${((100 * ms) / total).toFixed(0)}%`;
  console.log(
    `cchc ${args.join(' ')}, ${NO_CACHE ? 'no result cache' : WARM ? 'warm (result cached)' : 'cold (empty cache folder)'}: self time per module, mean of ${RUNS} runs (node ${process.version}, --cpu-prof-interval 100 µs)\n`,
  );
  console.log('| module | ms | share |\n|---|---|---|');
  for (const [k, ms] of rows(byModule, 25)) console.log(`| ${k} | ${ms.toFixed(1)} | ${pct(ms)} |`);
  console.log(`| total (not idle) | ${total.toFixed(1)} | |\n`);
  console.log(`Top ${TOP} functions by self time:\n`);
  console.log('| function | ms |\n|---|---|');
  for (const [k, ms] of rows(byFunction, TOP)) console.log(`| ${k.replace(/\|/g, '\\|')} | ${ms.toFixed(1)} |`);
}

await main();
