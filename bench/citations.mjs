#!/usr/bin/env node
// The citation rules grow with the plan's text, not faster (issue 14): plans whose
// tasks.yaml holds 1, 4, 16 and 64 times as many generated tasks, each citing documents
// (one in four a new document registered in references.yaml, one in eight with a digit
// off, the likely-typo case), checked cold, with the self time of the citation module and
// the ref rules taken from a CPU profile (bench/profile.mjs).
//
//   node scripts/build.mjs && node bench/citations.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;
const BASE_TASKS = 100;

function task(no) {
  const n = 1000 + no;
  const cites =
    no % 8 === 0
      ? `Quyết định số ${n + 1}/QĐ-UBND ngày 14/9/2021` // a digit off a registered one: ref/likely-typo
      : `Quyết định số ${n}/QĐ-UBND ngày 14/9/2021 và Nghị định số 107/2020/NĐ-CP`;
  return `  - no: ${no}\n    id: g${no}\n    area: 1\n    title: Triển khai ${cites} về rà soát thủ tục hành chính số ${no}\n    lead: [van-phong]\n    product: Báo cáo kết quả theo Kế hoạch số ${n}/KH-SLĐTBXH\n    deadline: Quý IV/2022\n`;
}

function entry(no) {
  return `  - type: Quyết định\n    symbol: ${1000 + no}/QĐ-UBND\n    date: 2021-09-14\n    issuer: Ủy ban nhân dân tỉnh\n`;
}

function makePlan(dir, scale) {
  cpSync(path.join(ROOT, 'plans', '2022'), dir, { recursive: true });
  const n = BASE_TASKS * scale;
  const tasks = Array.from({ length: n }, (_, i) => task(i + 1)).join('');
  writeFileSync(path.join(dir, 'tasks.yaml'), `apiVersion: cchc/v1\nkind: Tasks\ntasks:\n${tasks}`);
  const refs = readFileSync(path.join(dir, 'references.yaml'), 'utf8');
  const extra = Array.from({ length: n }, (_, i) => i + 1)
    .filter((no) => no % 4 === 0)
    .map(entry)
    .join('');
  writeFileSync(path.join(dir, 'references.yaml'), refs.trimEnd() + '\n' + extra);
  return { tasks: n, bytes: statSync(path.join(dir, 'tasks.yaml')).size };
}

const work = mkdtempSync(path.join(tmpdir(), 'cchc-citations-'));
const rows = [];
try {
  for (const scale of [1, 4, 16, 64]) {
    const dir = path.join(work, `s${scale}`, '2022');
    const { tasks, bytes } = makePlan(dir, scale);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'profile.mjs'), '--runs', String(RUNS), '--', 'validate', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`bench/profile.mjs failed:\n${r.stderr}`);
    const ms = (name) => Number(new RegExp(`^\\| ${name.replace(/[.]/g, '\\.')} \\| ([0-9.]+) \\|`, 'm').exec(r.stdout)?.[1] ?? 0);
    const citation = ms('src/model/citation.ts') + ms('src/check/rules/refs.ts');
    const total = Number(/^\| total \(not idle\) \| ([0-9.]+) \|/m.exec(r.stdout)?.[1] ?? NaN);
    rows.push({ scale, tasks, bytes, citation, total });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `Citation rules at growing text: self ms of src/model/citation.ts + src/check/rules/refs.ts in a cold \`cchc validate\`, mean of ${RUNS} CPU profiles\n`,
);
console.log('| generated tasks | tasks.yaml KiB | citation rules ms | ms per 100 KiB | whole run ms (CPU) |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.tasks.toLocaleString('vi-VN')} | ${(r.bytes / 1024).toFixed(0)} | ${r.citation.toFixed(1)} | ${((r.citation * 102400) / r.bytes).toFixed(1)} | ${r.total.toFixed(0)} |`,
  );
const first = rows[0];
const last = rows[rows.length - 1];
console.log(
  `\n${(last.bytes / first.bytes).toFixed(0)} × the text: citation rules × ${(last.citation / first.citation).toFixed(1)} (linear would be × ${(last.bytes / first.bytes).toFixed(0)} at most, less while a cold start costs the same at any size).`,
);
