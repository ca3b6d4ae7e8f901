/**
 * `cchc export`, run in-process on the current source: the file it
 * writes and where, what it prints, its exit codes, and what it never does (leave a
 * temporary file, touch the plan, load exceljs for other commands).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { BIN, PLAN_2022, ROOT, copyPlan, fixturePlan, runCli, tempDir } from '../helpers.js';

const MINI = fixturePlan('mini');

/** sha256 of every file under a folder, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('cchc export', () => {
  it('writes KH-CCHC-<year>.xlsx in the current folder, says so in one line, and leaves the plan untouched', async () => {
    const { dir, cleanup } = tempDir();
    const plan = copyPlan(PLAN_2022, '2022');
    try {
      const before = hashes(plan.dir);
      const r = await runCli(['export', plan.dir], { cwd: dir, env: { CCHC_TODAY: '2022-03-20' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Đã ghi KH-CCHC-2022\.xlsx \(Phụ lục I, Phụ lục II, Tiến độ, Tổng hợp tiến độ; \d+ KB\)\n$/);
      expect(readdirSync(dir)).toEqual(['KH-CCHC-2022.xlsx']);
      const file = path.join(dir, 'KH-CCHC-2022.xlsx');
      expect(Number(/; (\d+) KB/.exec(r.stdout)![1])).toBe(Math.round(statSync(file).size / 1024));
      expect(await sheetNames(file)).toEqual(['Phụ lục I', 'Phụ lục II', 'Tiến độ', 'Tổng hợp tiến độ']);
      // The plan's files are byte for byte the same, and nothing was added beside them.
      expect(hashes(plan.dir)).toEqual(before);
    } finally {
      cleanup();
      plan.cleanup();
    }
  });

  it('writes --out, with the sheets asked for, as of a date', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'bao-cao.xlsx');
      const r = await runCli(['export', MINI, '-o', out, '--sheets', 'progress, appendix2', '--as-of', '2023-07-10']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('(Phụ lục II, Tiến độ, Tổng hợp tiến độ;');
      expect(await sheetNames(out)).toEqual(['Phụ lục II', 'Tiến độ', 'Tổng hợp tiến độ']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.getWorksheet('Tiến độ')!.getCell('A3').value).toBe('Tiến độ thực hiện đến ngày 10/07/2023');
      expect(readdirSync(dir)).toEqual(['bao-cao.xlsx']);
    } finally {
      cleanup();
    }
  });

  it('replaces an existing workbook', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'KH.xlsx');
      writeFileSync(out, 'not a workbook');
      const r = await runCli(['export', MINI, '--out', out, '--sheets', 'appendix1']);
      expect(r.code).toBe(0);
      expect(await sheetNames(out)).toEqual(['Phụ lục I']);
      expect(readdirSync(dir)).toEqual(['KH.xlsx']);
    } finally {
      cleanup();
    }
  });

  it('speaks English with --lang en', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['export', MINI, '--lang', 'en', '--sheets', 'appendix1,appendix2'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Wrote KH-CCHC-2023\.xlsx \(Appendix I, Appendix II; \d+ KB\)\n$/);
    } finally {
      cleanup();
    }
  });
});

describe('a plan with errors', () => {
  it('gets the located messages, exit 1, and no workbook', async () => {
    const plan = copyPlan(MINI, 'mini');
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(plan.dir, 'tasks.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('    deadline: Quý II/2023\n', ''));
      const r = await runCli(['export', plan.dir], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/tasks\.yaml:\d+:\d+: lỗi/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
      plan.cleanup();
    }
  });
});

describe('usage errors (exit 2, nothing written)', () => {
  async function refused(args: string[], message: RegExp, cwd?: string) {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['export', MINI, ...args], { cwd: cwd ?? dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
    }
  }

  it('an unknown sheet, listing the valid ones', async () => {
    await refused(['--sheets', 'appendix1,tong-hop'], /--sheets: không có trang "tong-hop"\n {2}các trang: appendix1, appendix2, progress/);
    await refused(['--sheets', ' , '], /--sheets: cần ít nhất một trang/);
  });

  it('bad dates and periods, both at once, or with no progress sheet', async () => {
    await refused(['--as-of', '2023-02-30'], /--as-of "2023-02-30" không phải ngày hợp lệ/);
    await refused(['--period', '2023-Q5'], /--period "2023-Q5" không phải kỳ báo cáo hợp lệ/);
    await refused(['--period', '2022-Q1'], /--period 2022-Q1 không thuộc năm kế hoạch 2023/);
    await refused(['--as-of', '2023-06-30', '--period', '2023-6M'], /--as-of và --period không dùng cùng nhau/);
    await refused(['--sheets', 'appendix1', '--as-of', '2023-06-30'], /chỉ dùng cho trang progress/);
  });

  it('an --out that is not .xlsx', async () => {
    await refused(['--out', 'bao-cao.xls'], /--out "bao-cao\.xls" phải là tệp \.xlsx/);
  });

  it('an --out in a folder that does not exist', async () => {
    await refused(['--out', 'missing/KH.xlsx'], /không ghi được: thư mục missing không tồn tại/);
  });

  it('an --out that is a folder', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'KH.xlsx'));
      const r = await runCli(['export', MINI, '--out', 'KH.xlsx'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/không ghi được KH\.xlsx: đó là một thư mục/);
      expect(readdirSync(dir)).toEqual(['KH.xlsx']);
      expect(readdirSync(path.join(dir, 'KH.xlsx'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('an --out where writing is not permitted, leaving no temporary file', async () => {
    const { dir, cleanup } = tempDir();
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    try {
      // root may write anywhere on a normal file system, but not in sysfs.
      const target = process.getuid?.() === 0 && existsSync('/sys/kernel') ? '/sys/KH.xlsx' : path.join(locked, 'KH.xlsx');
      chmodSync(locked, 0o555);
      const r = await runCli(['export', MINI, '--out', target], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`không ghi được ${target}: không có quyền ghi`);
      expect(readdirSync(locked)).toEqual([]);
      expect(existsSync(target)).toBe(false);
    } finally {
      chmodSync(locked, 0o755);
      cleanup();
    }
  });
});

describe('exceljs is loaded by export only', () => {
  /** Run the CLI in a process that reports whether any exceljs module was loaded. */
  function loadsExceljs(args: string[], cwd: string): boolean {
    const script = `
      import { createRequire } from 'node:module';
      process.argv = [process.execPath, 'cchc', ...JSON.parse(process.env.CCHC_ARGS)];
      const cache = createRequire(import.meta.url).cache;
      // Asked when the command has finished: the CLI's work is asynchronous.
      process.on('exit', () => {
        process.stderr.write('EXCELJS=' + Object.keys(cache).some((k) => k.includes('node_modules/exceljs/')) + '\\n');
      });
      await import(${JSON.stringify(pathToFileURL(BIN).href)});
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CCHC_ARGS: JSON.stringify(args) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const m = /EXCELJS=(true|false)/.exec(r.stderr);
    if (!m) throw new Error(`no report from the child: ${r.stderr}`);
    return m[1] === 'true';
  }

  it('validate and status do not load it; export does', async () => {
    const { dir, cleanup } = tempDir();
    try {
      expect(loadsExceljs(['validate', PLAN_2022], ROOT)).toBe(false);
      expect(loadsExceljs(['status', MINI, '--as-of', '2023-07-10'], ROOT)).toBe(false);
      expect(loadsExceljs(['export', MINI, '--out', path.join(dir, 'x.xlsx')], ROOT)).toBe(true);
    } finally {
      cleanup();
    }
  });
});
