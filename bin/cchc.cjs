#!/usr/bin/env node
'use strict';
// Starts the built CLI (dist/cli.cjs, one CommonJS file: Node 20 starts that faster than ES
// modules) with V8's code cache, so that the bundle is not compiled again on every run
// (BENCHMARKS.md, start-up). The cache is what V8 compiled during an earlier run:
// dist/cli.cjs.<node>.v8cache, written by the build for the Node that built it, else one in
// the result cache folder, written at the end of the first run (docs/engine.md). V8
// rejects a cache made for other code, another V8 or other flags; then the bundle is
// simply compiled, and a new cache written. CCHC_NO_CACHE=1 turns both off;
// CCHC_NO_CODE_CACHE=1 only this one (to measure what it gains).
const fs = require('node:fs');
const path = require('node:path');

/** The cache folder (src/load/cache-dir.ts says the same), or '' when there is none or it is off. */
function cacheBase() {
  const env = process.env;
  if (env.CCHC_NO_CACHE) return '';
  if (env.CCHC_CACHE_DIR) return env.CCHC_CACHE_DIR;
  const home = require('node:os').homedir();
  return env.XDG_CACHE_HOME ? path.join(env.XDG_CACHE_HOME, 'cchc') : home ? path.join(home, '.cache', 'cchc') : '';
}

// First the front (dist/front.cjs, src/cli/front.ts): `--version`, and a validate or status
// whose output is in the output cache, are answered there without loading the bundle. With
// no stored output at all (a fresh CI machine) it would only cost time: the bundle then
// works out the run's key itself (src/cli/output-cache.ts, keyAtStart).
const base = cacheBase();
const argv = process.argv;
const version = argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V');
let answered = false;
if (version || (base && fs.existsSync(path.join(base, 'out')))) answered = require('../dist/front.cjs').front(argv);
else if (base) globalThis[Symbol.for('cchc.keyAtStart')] = true;
if (!answered) startBundle();

function startBundle() {
  const vm = require('node:vm');
  const Module = require('node:module');

  const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
  // ASCII only (scripts/build.mjs asciiOnly): read as Latin-1, a one-byte string, faster than UTF-8.
  const source = fs.readFileSync(file, 'latin1');
  const tag = `${process.version}-${process.arch}`;

  function userCacheFile() {
    if (!base) return undefined;
    let id = 'unknown';
    try {
      id = fs.readFileSync(path.join(__dirname, '..', 'dist', 'BUILD'), 'utf8').trim();
    } catch {
      /* V8 still checks that the cache fits the source */
    }
    return path.join(base, 'v8', `cli-${id}-${tag}.v8cache`);
  }

  const off = Boolean(process.env.CCHC_NO_CACHE || process.env.CCHC_NO_CODE_CACHE);
  // The build writes the shipped cache by running the CLI once with CCHC_V8CACHE_OUT set.
  const out = process.env.CCHC_V8CACHE_OUT;
  // The user's own first: it exists only because V8 rejected the shipped one (other V8 flags,
  // NODE_OPTIONS), and trying the shipped one first would compile and rewrite it every run.
  const candidates = off || out ? [] : [userCacheFile(), path.join(__dirname, '..', 'dist', `cli.cjs.${tag}.v8cache`)];
  let cachedData;
  for (const c of candidates) {
    if (!c) continue;
    try {
      cachedData = fs.readFileSync(c);
      break;
    } catch {
      /* not there */
    }
  }

  // The bundle has no import(): the build turns it into require().
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const target = out || (off ? undefined : (cachedData === undefined || script.cachedDataRejected) && userCacheFile());
  if (target) {
    // At the end of the run, so the cache holds every function this run compiled.
    process.once('exit', () => {
      // No node:crypto (2-3 ms to load): the process, the moment and random bits, created exclusively.
      const tmp = `${target}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        fs.writeFileSync(tmp, script.createCachedData(), { flag: 'wx', mode: out ? 0o644 : 0o600 });
        fs.renameSync(tmp, target);
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          /* never written */
        }
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}
