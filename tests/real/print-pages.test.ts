/**
 * Issue 16.1: the 2022 workbook as a clerk prints it. Written by the built CLI, read back by
 * independent readers: openpyxl (/usr/bin/python3) for the stored row heights and page
 * breaks, LibreOffice for the printed pages (PDF), and tests/tools/pdf_rows.py, which finds
 * the table rows in the PDF's pixels and the text in pdftotext's word boxes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PLAN_2022, ROOT, spawnCli } from '../helpers.js';

const PY = '/usr/bin/python3';
let dir: string;
let pdf: string;
let xlsx: string;

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cchc-pages-'));
  xlsx = path.join(dir, 'KH-CCHC-2022.xlsx');
  const r = spawnCli(['export', PLAN_2022, '--as-of', '2022-09-14', '-o', xlsx]);
  expect(r.code).toBe(0);
  run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', dir, xlsx]);
  pdf = path.join(dir, 'KH-CCHC-2022.pdf');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the printed 2022 workbook (as of 14/09/2022)', () => {
  it('takes at most 14 A4 pages in LibreOffice, with every task and figure present', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
    expect(pages).toBeLessThanOrEqual(14);
    const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
    const text = run('pdftotext', [pdf, '-']).normalize('NFC');
    const printed = squash(text);
    const words = new Set(text.split(/\s+/));
    const tasks = parse(readFileSync(path.join(PLAN_2022, 'tasks.yaml'), 'utf8')) as { tasks: Array<{ title: string }> };
    const titles = tasks.tasks.map((t) => t.title.trim());
    expect(titles.length).toBe(27);
    for (const t of titles) {
      // The start of the title as one run of text, and every word of it somewhere.
      expect(printed.includes(squash(t.slice(0, 24))), t).toBe(true);
      for (const w of t.split(/\s+/)) expect(words.has(w), `${w} in ${t}`).toBe(true);
    }
    // Figures as LibreOffice's locale groups them (20,000,000 or 20.000.000).
    for (const figure of [/20[.,]000[.,]000/, /6[.,]000[.,]000/, /22[.,]22%/, /75[.,]37%/, /85[.,]71%/]) expect(printed, String(figure)).toMatch(figure);
  });

  it('prints no row more than one line taller than its text, and clips none', () => {
    const out = JSON.parse(run(PY, [path.join(ROOT, 'tests/tools/pdf_rows.py'), pdf])) as {
      rows: Array<{ page: number; gap: number; line: number; first: string }>;
    };
    expect(out.rows.length).toBeGreaterThan(100);
    for (const r of out.rows) {
      // The space under a row's last line: at most one line (plus the row's padding).
      expect(r.gap, JSON.stringify(r)).toBeLessThanOrEqual(r.line + 4);
      expect(r.gap, JSON.stringify(r)).toBeGreaterThan(-2);
    }
  });

  it('never ends a page with a "Nội dung N" group row, in the stored breaks and on paper', () => {
    const script = `
import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    breaks = [b.id for b in ws.row_breaks.brk]
    last = [str(ws.cell(row=b, column=1).value or '') for b in breaks]
    heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
    out[ws.title] = {'breaks': breaks, 'last': last, 'heights': heights}
print(json.dumps(out, ensure_ascii=False))
`;
    const sheets = JSON.parse(run(PY, ['-c', script, xlsx])) as Record<string, { breaks: number[]; last: string[]; heights: Array<number | null> }>;
    expect(sheets['Phụ lục I']!.breaks.length).toBeGreaterThan(0);
    for (const [name, s] of Object.entries(sheets)) {
      for (const l of s.last) expect(l, name).not.toMatch(/^Nội dung \d/);
      // Every row has a height written from its text, none the 409 pt cap.
      for (const h of s.heights) expect(h === null || (h > 0 && h < 409), name).toBe(true);
    }
    const rows = JSON.parse(run(PY, [path.join(ROOT, 'tests/tools/pdf_rows.py'), pdf])) as { rows: Array<{ page: number; first: string }> };
    const byPage = new Map<number, string>();
    for (const r of rows.rows) byPage.set(r.page, r.first);
    for (const [page, first] of byPage) expect(first, `page ${page}`).not.toBe('Nội');
  });
});
