/**
 * Issue 11, item 5: the reporting period through real files. Forms written by `cchc form`
 * are read back and filled in by an independent writer (Python's openpyxl), re-saved by
 * LibreOffice (soffice --headless --convert-to xlsx), and imported by the built CLI.
 * Needs /usr/bin/python3 with python3-openpyxl and soffice (see .ci/run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyPlan, fixturePlan, PLAN_2022, spawnCli, tempDir, type Json } from '../helpers.js';
import type { StatusReport } from '../../src/report/status.js';

const PY = '/usr/bin/python3';
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Fill cells with openpyxl: each edit finds the row whose column A holds `key`. */
interface Edit {
  sheet: string;
  key: string | number;
  col: string;
  value: string | number | null;
  /** date: a real date cell; percent: a number in a cell formatted 0% */
  as?: 'date' | 'percent';
}
const FILL = `
import json, sys, datetime, openpyxl
path, edits = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.load_workbook(path)
for e in edits:
    ws = wb[e['sheet']]
    row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value) == str(e['key']))
    c = ws[e['col'] + str(row)]
    v = e['value']
    if e.get('as') == 'date':
        y, m, d = map(int, v.split('-')); c.value = datetime.datetime(y, m, d); c.number_format = 'dd/mm/yyyy'
    elif e.get('as') == 'percent':
        c.value = v; c.number_format = '0%'
    else:
        c.value = v
wb.save(path)
`;
function fill(file: string, edits: Edit[]): void {
  execFileSync(PY, ['-c', FILL, file, JSON.stringify(edits)]);
}

/** Read a sheet back with openpyxl: values, and the facts about the form. */
const INSPECT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Tiến độ']
out = {
  'sheets': [[n, wb[n].sheet_state] for n in wb.sheetnames],
  'rows': [[c if not hasattr(c, 'isoformat') else c.isoformat()[:10] for c in r] for r in ws.iter_rows(values_only=True)],
  'freeze': ws.freeze_panes, 'protected': ws.protection.sheet, 'password': ws.protection.password,
  'printTitles': ws.print_title_rows, 'orientation': ws.page_setup.orientation, 'paper': ws.page_setup.paperSize,
  'validations': {},
  'fonts': sorted({ws.cell(r, c).font.name for r in range(1, ws.max_row + 1) for c in range(1, 9) if ws.cell(r, c).value is not None}),
  'unlocked': sorted({ws.cell(r, c).coordinate for r in range(1, ws.max_row + 1) for c in range(1, 9) if not ws.cell(r, c).protection.locked}),
  'dateFormat': [ws.cell(r, 6).number_format for r in range(5, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)],
  'identity': [[r[0], r[1]] for r in wb['cchc'].iter_rows(values_only=True)],
}
from openpyxl.utils import get_column_letter
for dv in ws.data_validations.dataValidation:
    k = f"{dv.type} {dv.formula1}{' ' + dv.formula2 if dv.formula2 else ''}"
    out['validations'].setdefault(k, []).extend(f"{get_column_letter(c)}{r}" for rng in dv.sqref.ranges for (r, c) in rng.cells)
for k in out['validations']: out['validations'][k].sort()
print(json.dumps(out, ensure_ascii=False))
`;
/** What INSPECT prints. */
interface FormFacts {
  sheets: [name: string, state: string][];
  rows: unknown[][];
  freeze: string | null;
  protected: boolean;
  password: string | null;
  printTitles: string | null;
  orientation: string | null;
  paper: number | null;
  /** "type formula1[ formula2]" → the cells it covers, sorted. */
  validations: Record<string, string[]>;
  fonts: string[];
  unlocked: string[];
  dateFormat: string[];
  identity: [key: string, value: unknown][];
}
function inspect(file: string): FormFacts {
  return JSON.parse(execFileSync(PY, ['-c', INSPECT, file], { encoding: 'utf8' })) as FormFacts;
}

/** Re-save through LibreOffice Calc, as a clerk who opens and saves the form there. */
function resaveWithLibreOffice(files: string[], outDir: string): void {
  const profile = tempDir();
  cleanups.push(profile.cleanup);
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile.dir}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
}

function progressFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(path.join(dir, 'progress')).sort()) out[n] = readFileSync(path.join(dir, 'progress', n), 'utf8');
  return out;
}

function plan(src: string): string {
  const { dir, cleanup } = copyPlan(src);
  cleanups.push(cleanup);
  return dir;
}

describe('cchc form on a plan of another shape (status-ten)', () => {
  let dir: string;
  let forms: string;
  beforeAll(() => {
    dir = plan(fixturePlan('status-ten'));
    forms = path.join(dir, '..', 'forms');
    const r = spawnCli(['form', dir, '--period', '2024-6M', '--out', forms]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('writes one workbook per lead unit, named after the unit id', () => {
    expect(readdirSync(forms).sort()).toEqual(['kt.xlsx', 'ld.xlsx', 'vp.xlsx', 'xa.xlsx']);
  });

  it('is a protected, validated, print-ready form with a hidden identity, as openpyxl reads it', () => {
    const f = inspect(path.join(forms, 'kt.xlsx'));
    expect(f.sheets).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Tiến độ', 'visible'],
      ['cchc', 'hidden'],
    ]);
    expect(f.rows[3]).toEqual([
      'Số TT',
      'Nhiệm vụ',
      'Thời hạn',
      'Trạng thái',
      'Tỷ lệ hoàn thành (%)',
      'Ngày hoàn thành',
      'Minh chứng (số, ký hiệu và ngày văn bản)',
      'Ghi chú',
    ]);
    // kt leads tasks 2, 3 and 8, prefilled with the state on 14/06/2024
    const tasks = f.rows.filter((r: unknown[]) => typeof r[0] === 'number');
    expect(tasks.map((r: unknown[]) => r[0])).toEqual([2, 3, 8]);
    expect(tasks[0]?.slice(3, 6)).toEqual(['Hoàn thành', 100, '2024-06-01']);
    expect(tasks[1]?.slice(3, 8)).toEqual(['Đang thực hiện', 70, null, null, 'Chờ ý kiến các phòng']);
    expect(f.freeze).toBe('A5');
    expect(f.protected).toBe(true);
    expect(f.password).toBeNull();
    expect(f.printTitles).toBe('$4:$4');
    expect([f.orientation, f.paper]).toEqual(['landscape', 9]);
    expect(f.fonts).toEqual(['Times New Roman']);
    expect(f.dateFormat.every((x: string) => x === 'dd/mm/yyyy')).toBe(true);
    const rowsOf = (col: string) => f.unlocked.filter((a: string) => a.startsWith(col)).length;
    expect(['A', 'B', 'C'].map(rowsOf)).toEqual([0, 0, 0]);
    expect(['D', 'E', 'F', 'G', 'H'].map(rowsOf)).toEqual([3, 3, 3, 3, 3]);
    // every input cell of a task row carries its validation
    const taskRows = f.rows.map((r: unknown[], i: number) => (typeof r[0] === 'number' ? i + 1 : 0)).filter(Boolean);
    const cells = (col: string) => taskRows.map((n: number) => `${col}${n}`).sort();
    const v = f.validations;
    expect(v['list "Chưa thực hiện,Đang thực hiện,Hoàn thành"']).toEqual(cells('D'));
    expect(v['whole 0 100']).toEqual(cells('E'));
    expect(Object.entries(v).find(([k]) => k.startsWith('date'))?.[1]).toEqual(cells('F'));
    const identity = Object.fromEntries(f.identity.filter((r) => r[0] !== 'item'));
    expect(identity).toMatchObject({ form: 'cchc-progress-form', version: 1, year: 2024, unit: 'kt', asOf: '2024-06-14' });
    expect(identity.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('puts the indicators and the budget in the Văn phòng form only', () => {
    expect(inspect(path.join(forms, 'vp.xlsx')).sheets.map((s: string[]) => s[0])).toEqual(['Hướng dẫn', 'Tiến độ', 'Chỉ tiêu', 'Kinh phí', 'cchc']);
    expect(inspect(path.join(forms, 'ld.xlsx')).sheets.map((s: string[]) => s[0])).toEqual(['Hướng dẫn', 'Tiến độ', 'cchc']);
  });
});

describe('the round trip: form → openpyxl → LibreOffice → import', () => {
  let dir: string;
  let forms: string;
  beforeAll(() => {
    dir = plan(fixturePlan('status-ten'));
    forms = path.join(dir, '..', 'forms');
    expect(spawnCli(['form', dir, '--as-of', '2024-07-31', '--out', forms]).code).toBe(0);
    // kt: dates typed as text, a percentage typed with its sign
    fill(path.join(forms, 'kt.xlsx'), [
      { sheet: 'Tiến độ', key: 3, col: 'D', value: 'hoàn thành' },
      { sheet: 'Tiến độ', key: 3, col: 'E', value: '100%' },
      { sheet: 'Tiến độ', key: 3, col: 'F', value: '20/7/2024' },
      { sheet: 'Tiến độ', key: 3, col: 'G', value: 'Quyết định số 600/QĐ-UBND ngày 25/07/2024' },
      { sheet: 'Tiến độ', key: 8, col: 'E', value: 0.65, as: 'percent' },
    ]);
    // ld: a real date cell and a Vietnamese label without diacritics
    fill(path.join(forms, 'ld.xlsx'), [
      { sheet: 'Tiến độ', key: 9, col: 'D', value: 'Hoan thanh' },
      { sheet: 'Tiến độ', key: 9, col: 'F', value: '2024-07-15', as: 'date' },
    ]);
    // vp: an amount typed the Vietnamese way as text, an indicator value with a decimal comma
    fill(path.join(forms, 'vp.xlsx'), [
      { sheet: 'Kinh phí', key: 1, col: 'D', value: '6.500.000' },
      { sheet: 'Chỉ tiêu', key: '1.1', col: 'D', value: '75,5' },
    ]);
  });

  it('imports what openpyxl wrote, then importing again changes nothing (byte-identical)', () => {
    const before = progressFiles(dir);
    const files = readdirSync(forms)
      .sort()
      .map((n) => path.join(forms, n));
    const dry = spawnCli(['import', ...files, dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('không ghi (--dry-run)');
    expect(progressFiles(dir)).toEqual(before);
    const r = spawnCli(['import', ...files, dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(tệp mới)');
    const after = progressFiles(dir);
    expect(Object.keys(after).filter((n) => !(n in before))).toEqual(['2024-07-31.yaml']);
    const s = JSON.parse(spawnCli(['status', dir, '--as-of', '2024-07-31', '--json']).stdout) as Json<StatusReport>;
    const t = Object.fromEntries(s.tasks.map((x) => [x.no, x] as const));
    expect(t[3]).toMatchObject({ status: 'done', completed: '2024-07-20', evidence: { document: 'Quyết định số 600/QĐ-UBND', date: '2024-07-25' } });
    expect(t[8]).toMatchObject({ status: 'in-progress', percent: 65 });
    expect(t[9]).toMatchObject({ status: 'done', completed: '2024-07-15' });
    expect(s.budget.lines[0]?.spent).toBe(6500000);
    expect(s.indicators.find((i) => i.id === '1.1')?.actual).toBe(75.5);
    expect(spawnCli(['validate', dir]).code).toBe(0);

    const again = spawnCli(['import', ...files, dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Không có gì thay đổi');
    expect(progressFiles(dir)).toEqual(after);
  });

  it('reads the same forms re-saved by LibreOffice Calc to the same result', () => {
    const lo = path.join(dir, '..', 'lo');
    resaveWithLibreOffice(
      readdirSync(forms)
        .sort()
        .map((n) => path.join(forms, n)),
      lo,
    );
    const other = plan(fixturePlan('status-ten'));
    const r = spawnCli([
      'import',
      ...readdirSync(lo)
        .sort()
        .map((n) => path.join(lo, n)),
      other,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(progressFiles(other)['2024-07-31.yaml']).toBe(progressFiles(dir)['2024-07-31.yaml']);
  });
});

describe('import refuses, naming the cell, and writes nothing', () => {
  it('reports every bad cell of every form in one run as FILE › SHEET!CELL', () => {
    const dir = plan(fixturePlan('status-ten'));
    const forms = path.join(dir, '..', 'forms-bad');
    expect(spawnCli(['form', dir, '--as-of', '2024-07-31', '--out', forms]).code).toBe(0);
    fill(path.join(forms, 'kt.xlsx'), [
      { sheet: 'Tiến độ', key: 3, col: 'D', value: 'xong rồi' },
      { sheet: 'Tiến độ', key: 8, col: 'E', value: 150 },
      { sheet: 'Tiến độ', key: 8, col: 'D', value: 'Hoàn thành' },
      { sheet: 'Tiến độ', key: 8, col: 'F', value: '31/02/2024' },
    ]);
    fill(path.join(forms, 'vp.xlsx'), [{ sheet: 'Kinh phí', key: 2, col: 'D', value: '1.5' }]);
    const before = progressFiles(dir);
    const kt = path.join(forms, 'kt.xlsx');
    const vp = path.join(forms, 'vp.xlsx');
    const r = spawnCli(['import', kt, vp, dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes(' › ')).map((l) => l.replace(/: .*/, ''))).toEqual([
      `${kt} › Tiến độ!D7`,
      `${kt} › Tiến độ!E9`,
      `${kt} › Tiến độ!F9`,
      `${vp} › Kinh phí!D6`,
    ]);
    expect(r.stderr).toContain('Trạng thái: trạng thái "xong rồi" không hợp lệ');
    expect(r.stderr).toContain('không rõ nghĩa');
    expect(progressFiles(dir)).toEqual(before);
    expect(spawnCli(['import', kt, dir, '--lang', 'en']).stderr).toContain('is not valid');
  });

  it('names both cells when two forms set a task differently', () => {
    const dir = plan(fixturePlan('status-ten'));
    const forms = path.join(dir, '..', 'forms-conflict');
    expect(spawnCli(['form', dir, '--as-of', '2024-07-31', '--out', forms]).code).toBe(0);
    // task 2 is led by both vp and kt
    fill(path.join(forms, 'vp.xlsx'), [{ sheet: 'Tiến độ', key: 2, col: 'H', value: 'Đã tổng kết' }]);
    fill(path.join(forms, 'kt.xlsx'), [{ sheet: 'Tiến độ', key: 2, col: 'H', value: 'Chưa tổng kết' }]);
    const before = progressFiles(dir);
    const r = spawnCli(['import', path.join(forms, 'vp.xlsx'), path.join(forms, 'kt.xlsx'), dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /nhiệm vụ 2 được ghi khác nhau ở hai biểu mẫu: .*vp\.xlsx › Tiến độ!D\d+ ghi .*Đã tổng kết.*, .*kt\.xlsx › Tiến độ!D\d+ ghi .*Chưa tổng kết/,
    );
    expect(progressFiles(dir)).toEqual(before);
  });

  it('refuses an outdated form and a form of another plan, saying what differs', () => {
    const dir = plan(fixturePlan('status-ten'));
    const forms = path.join(dir, '..', 'forms-old');
    expect(spawnCli(['form', dir, '--as-of', '2024-07-31', '--out', forms, '--unit', 'kt']).code).toBe(0);
    const tasksFile = path.join(dir, 'tasks.yaml');
    writeFileSync(tasksFile, readFileSync(tasksFile, 'utf8').replace('Rà soát quy trình nội bộ', 'Rà soát lại quy trình nội bộ'));
    const before = progressFiles(dir);
    const r = spawnCli(['import', path.join(forms, 'kt.xlsx'), dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('danh sách nhiệm vụ đã thay đổi');
    expect(r.stderr).toContain('thêm 1: task 3: Rà soát lại quy trình nội bộ');
    expect(r.stderr).toContain('cchc form --unit kt');
    expect(progressFiles(dir)).toEqual(before);

    const y2022 = plan(PLAN_2022);
    const f2022 = path.join(y2022, '..', 'forms-2022');
    expect(spawnCli(['form', y2022, '--period', '2022-Q1', '--out', f2022, '--unit', 'thanh-tra']).code).toBe(0);
    const other = spawnCli(['import', path.join(f2022, 'thanh-tra.xlsx'), dir]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('biểu mẫu của kế hoạch khác');
    expect(progressFiles(dir)).toEqual(before);
  });
});

describe('the export shows qualitative indicators with their assessment', () => {
  it('đạt / không đạt / chưa đánh giá in the progress summary, as openpyxl reads it', () => {
    const dir = plan(fixturePlan('mini'));
    expect(spawnCli(['record', dir, '--indicator', '3.1', '--assessment', 'khong dat', '--as-of', '2023-12-14']).code).toBe(0);
    const out = path.join(dir, '..', 'KH.xlsx');
    const r = spawnCli(['export', dir, '--as-of', '2023-12-31', '--out', out]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(
      execFileSync(
        PY,
        [
          '-c',
          `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([[c for c in r if c not in (None, '')] for ws in wb for r in ws.iter_rows(values_only=True) if r[0] in ('3.1', '1.1')], ensure_ascii=False))
`,
          out,
        ],
        { encoding: 'utf8' },
      ),
    );
    expect(rows.find((x: unknown[]) => x[0] === '3.1')).toEqual(['3.1', 'Thực hiện nghiêm quy chế chi tiêu nội bộ.', 'Định tính', 'Không đạt']);
    const before = path.join(dir, '..', 'KH-before.xlsx');
    expect(spawnCli(['export', dir, '--as-of', '2023-07-01', '--out', before]).code).toBe(0);
    const early = execFileSync(
      PY,
      [
        '-c',
        `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print([[c for c in r if c is not None] for ws in wb for r in ws.iter_rows(values_only=True) if r[0] == '3.1'])
`,
        before,
      ],
      { encoding: 'utf8' },
    );
    expect(early).toContain('Chưa đánh giá');
  });
});
