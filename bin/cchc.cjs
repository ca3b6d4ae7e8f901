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
// First the front (dist/front.cjs, src/cli/front.ts): `--version`, and a validate or status
// whose output is in the output cache, are answered there without loading the bundle.
if (!require('../dist/front.cjs').front(process.argv)) startBundle();

function startBundle() {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const Module = require('node:module');
  const os = require('node:os');

  const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
  const source = fs.readFileSync(file, 'utf8');
  const tag = `${process.version}-${process.arch}`;

  function userCacheFile() {
    const env = process.env;
    const home = os.homedir();
    const base = env.CCHC_CACHE_DIR || (env.XDG_CACHE_HOME ? path.join(env.XDG_CACHE_HOME, 'cchc') : home ? path.join(home, '.cache', 'cchc') : '');
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
      const tmp = `${target}.${require('node:crypto').randomBytes(8).toString('hex')}.tmp`;
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
