// What the benchmark scripts share (bench/docx.mjs, bench/export.mjs, bench/forms.mjs and the
// seeded text of bench/corpus.mjs): spawning a run with its wall time, peak memory and CPU time,
// the median / min / max of a series, the table they print, a seeded random generator, and
// one generator of a plan folder of N tasks.
//
// Wall time is measured around the spawned process, so it includes Node's start-up, as a clerk
// experiences it. Peak memory and CPU time (user + system: less sensitive than wall time to
// other work on a shared machine) are the child's own process.resourceUsage(), reported on
// exit by a small module preloaded with --import.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
export const PLAN_2022 = path.join(ROOT, 'plans', '2022');

/** Exit with a hint when the CLI has not been built. */
export function requireBuild() {
  try {
    statSync(path.join(ROOT, 'dist', 'cli.cjs'));
  } catch {
    console.error('dist/cli.cjs is missing: run `node scripts/build.mjs` first');
    process.exit(2);
  }
}

/**
 * A runner spawning `node <args>` in the folder `work` (its cache folder work/cache), with the
 * probe written there: run(args, { measure, cold }) gives wall milliseconds, and when measured
 * the peak RSS in MB and CPU milliseconds; cold sets CCHC_NO_CACHE=1. A failed run ends the
 * benchmark.
 */
export function runner(work) {
  const usageFile = path.join(work, 'rss.txt');
  const probe = path.join(work, 'rss.mjs');
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
  );
  return function run(args, { measure = false, cold = false } = {}) {
    const nodeArgs = measure ? ['--import', pathToFileURL(probe).href, ...args] : args;
    rmSync(usageFile, { force: true });
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
    const usage = measure ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined;
    return { ms, rss: usage ? usage.rss / 1024 : undefined, cpu: usage?.cpu };
  };
}

/** Median, min and max of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

/** n runs of the same command after one warm-up run (file-system caches). */
export function repeat(run, n, args, opts) {
  run(args, opts); // warm-up: file-system caches
  return Array.from({ length: n }, () => run(args, opts));
}

/** Milliseconds as seconds with three decimals. */
export const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;

/** A Markdown table with its columns padded to the widest cell. */
export function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------
// Seeded text
// ---------------------------------------------------------------------------------------

/** A seeded generator of numbers in [0, 1): the same seed, the same numbers. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export const WORDS =
  'rà soát công khai thủ tục hành chính kiểm soát số hóa hồ sơ tập huấn nghiệp vụ văn bản quy phạm pháp luật đơn vị trực thuộc báo cáo kế hoạch ứng dụng công nghệ thông tin dịch vụ công trực tuyến một cửa liên thông'.split(
    ' ',
  );
/** WORDS and the words of the staff, for longer titles. */
export const MORE_WORDS = [...WORDS, ...'cán bộ công chức viên chức người lao động'.split(' ')];

/** The deadlines a task of year y may have. */
export const deadlines = (y) => [`Quý I/${y}`, `Quý II/${y}`, `Quý III/${y}`, `Quý IV/${y}`, 'Thường xuyên', 'Cả năm', 'Theo quy định', `30/06/${y}`];

/** A seeded source of text: r() a number in [0, 1), pick(list) an item, sentence(n) n words. */
export function randomText(seed, words = WORDS) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => pick(words)).join(' ');
    return w[0].toUpperCase() + w.slice(1);
  };
  return { r, pick, sentence };
}

// ---------------------------------------------------------------------------------------
// The generated plan
// ---------------------------------------------------------------------------------------

/**
 * A plan folder of `count` tasks in `dir`: the 2022 plan (metadata, units, indicators, budget)
 * with its tasks.yaml replaced by `count` generated tasks spread over its 7 areas, and its
 * progress folder by one file, progress/2022-6m.yaml. task(no, area, text) gives a task's YAML
 * lines and those of its progress record ([] for none); text is randomText(seed, words).
 */
export function generatePlan(dir, count, { seed, words, title, example = false, task }) {
  cpSync(PLAN_2022, dir, { recursive: true });
  rmSync(path.join(dir, 'progress'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'progress'));
  const text = randomText(seed, words);
  const perArea = Math.ceil(count / 7);
  const tasks = ['apiVersion: cchc/v1', 'kind: Tasks', `title: ${title}`, 'tasks:'];
  const progress = ['apiVersion: cchc/v1', 'kind: Progress', 'asOf: "2022-06-14"', ...(example ? ['example: true'] : []), 'tasks:'];
  for (let no = 1; no <= count; no++) {
    const lines = task(no, Math.min(7, Math.floor((no - 1) / perArea) + 1), text);
    tasks.push(...lines.task);
    progress.push(...lines.progress);
  }
  writeFileSync(path.join(dir, 'tasks.yaml'), tasks.join('\n') + '\n');
  writeFileSync(path.join(dir, 'progress', '2022-6m.yaml'), progress.join('\n') + '\n');
}

const UNITS = ['van-phong', 'thanh-tra', 'ke-hoach-tai-chinh', 'phong-nghiep-vu'];
const GROUPS = ['cac-phong-don-vi-lien-quan', 'cac-phong-don-vi-truc-thuoc-so'];

/**
 * The plan of bench/docx.mjs and bench/export.mjs: task titles of realistic lengths, the 2022
 * plan's units, and a progress record for most tasks (three in ten done, five in progress).
 */
export function generateLargePlan(dir, count) {
  generatePlan(dir, count, {
    seed: 2022,
    words: MORE_WORDS,
    title: 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
    example: true,
    task: (no, area, { r, pick, sentence }) => {
      const task = [
        `  - no: ${no}`,
        `    area: ${area}`,
        `    title: ${JSON.stringify(sentence(8 + Math.floor(r() * 40)))}`,
        `    lead: [${pick(UNITS)}]`,
        `    coordinating: [${pick(GROUPS)}]`,
        `    product: ${JSON.stringify(sentence(3 + Math.floor(r() * 6)))}`,
        `    deadline: ${pick(deadlines(2022))}`,
      ];
      const x = r();
      if (x < 0.3) {
        const evidence = ['    evidence:', `      document: "Quyết định số ${no}/QĐ-SLĐTBXH"`, '      date: "2022-03-10"'];
        return { task, progress: [`  - task: ${no}`, '    status: done', '    percent: 100', '    completed: "2022-03-10"', ...evidence] };
      }
      if (x < 0.8) return { task, progress: [`  - task: ${no}`, '    status: in-progress', `    percent: ${10 * (1 + Math.floor(r() * 9))}`] };
      return { task, progress: [] };
    },
  });
}

/**
 * Read every file below `dir` once, so that the tool timed next finds it in the page cache:
 * on a machine whose page cache is smaller than the work, whichever tool runs first after a
 * pause would otherwise pay for the disk (a 10.000-folder corpus: 37 s cold against 25 s).
 */
export function warmPageCache(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) warmPageCache(p);
    else readFileSync(p);
  }
}

/** The file kinds of a plan folder, with the glob of their files in a corpus of folders. */
export const AJV_KINDS = [
  ['plan', '*/plan.yaml'],
  ['units', '*/units.yaml'],
  ['tasks', '*/tasks.yaml'],
  ['indicators', '*/indicators.yaml'],
  ['budget', '*/budget.yaml'],
  ['progress', '*/progress/*.yaml'],
];

/** ajv-cli's arguments for checking one kind of file of `corpus` against its schema, every error, none printed. */
export function ajvArgs(kind, glob, corpus) {
  const ajv = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  return [
    ajv,
    'validate',
    '--spec=draft2020',
    '--all-errors',
    '--errors=no',
    '-s',
    path.join(ROOT, 'schemas', `${kind}.schema.json`),
    '-d',
    path.join(corpus, glob),
  ];
}
