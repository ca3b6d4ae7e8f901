/**
 * `cchc report`, spawned from the built CLI, its .docx read back by python-docx: the
 * outline, every figure equal to `cchc status --json` for the same period, the placeholders,
 * the illustrative mark on every page; a plan of another shape; the flags.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, fixturePlan, runCli, tempDir } from '../helpers.js';
import { readDocx, type ReadDocx } from '../docx/read.js';

interface StatusJson {
  example: boolean;
  overall: { planned: number; finished: number; percent: number; overdue: number };
  areas: Array<{ id: number; title: string; planned: number; finished: number; percent: number; overdue: number }>;
  tasks: Array<{ no: number; area: number; status: string; percent: number; overdue: boolean; finishedLate: boolean; due: string; note?: string }>;
  indicators: Array<{ id: string; achieved: boolean | null }>;
  budget: { planned: number; spent: number; percentUsed: number };
}

/** Written here, not imported: the test's own reading of the Vietnamese conventions. */
const pct = (x: number) => `${x.toFixed(2).replace('.', ',')}%`;
const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const state = (t: StatusJson['tasks'][number]) =>
  t.status === 'done'
    ? t.finishedLate
      ? 'Hoàn thành trễ hạn'
      : 'Hoàn thành'
    : t.overdue
      ? 'Quá hạn'
      : t.status === 'in-progress'
        ? 'Đang thực hiện'
        : 'Chưa thực hiện';

async function status(args: string[]): Promise<StatusJson> {
  const r = await runCli(['status', ...args, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as StatusJson;
}

const MARK = 'SỐ LIỆU MINH HỌA — không phải kết quả chính thức';

describe('cchc report --period 2022-9M on the 2022 plan', () => {
  let tmp: { dir: string; cleanup: () => void };
  let doc: ReadDocx;
  let s: StatusJson;
  let stdout = '';

  beforeAll(async () => {
    tmp = tempDir();
    const r = await runCli(['report', PLAN_2022, '--period', '2022-9M'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    stdout = r.stdout;
    doc = readDocx(path.join(tmp.dir, 'BC-CCHC-2022-9M.docx'));
    s = await status([PLAN_2022, '--period', '2022-9M']);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('writes BC-CCHC-<period>.docx and says the data are illustrative', () => {
    expect(stdout).toMatch(/^Đã ghi BC-CCHC-2022-9M\.docx \(\d+ KB\); số liệu minh họa, không phải kết quả chính thức\n$/);
    expect(readdirSync(tmp.dir)).toEqual(['BC-CCHC-2022-9M.docx']);
  });

  it('has the same header as the plan, a report number and the title', () => {
    expect(doc.text.filter(Boolean).slice(0, 8)).toEqual([
      'UBND TỈNH BÌNH ĐỊNH',
      'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'Số: ....../BC-SLĐTBXH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bình Định, ngày ..... tháng ..... năm .......',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính 9 tháng năm 2022',
    ]);
    const sec = doc.sections[0]!;
    expect([Math.round(sec.width_mm), Math.round(sec.height_mm), sec.orientation]).toEqual([210, 297, 'portrait']);
    expect(sec.left_mm >= 30 && sec.left_mm <= 35 && sec.right_mm >= 15 && sec.right_mm <= 20).toBe(true);
    expect(sec.top_mm >= 20 && sec.top_mm <= 25 && sec.bottom_mm >= 20 && sec.bottom_mm <= 25).toBe(true);
    expect(doc.runs.find((r) => r.text === 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(doc.text).toContain('Nguyễn Mỹ Quang');
  });

  it('follows the outline I–V, with placeholders for what only a person can write', () => {
    const heads = doc.text.filter((t) => /^[IV]+\. /.test(t));
    expect(heads).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN THEO TỪNG NỘI DUNG',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    expect(doc.text.filter((t) => t === '[Nội dung do đơn vị bổ sung]').length).toBeGreaterThanOrEqual(s.areas.length + 4);
    // I: the documents recorded on the tasks of Nội dung 1.
    expect(doc.text).toContain('- Quyết định số 25/QĐ-SLĐTBXH ngày 20/01/2022: Quyết định của Giám đốc Sở ban hành các kế hoạch CCHC năm 2022 (nhiệm vụ 2).');
  });

  it('states every figure as cchc status --json does', () => {
    const o = s.overall;
    expect(doc.text).toContain(`Đã hoàn thành ${o.finished}/${o.planned} nhiệm vụ, đạt ${pct(o.percent)} so với kế hoạch; ${o.overdue} nhiệm vụ quá hạn.`);
    s.areas.forEach((a, i) => {
      const at = doc.text.indexOf(`${i + 1}. ${a.title}`);
      expect(at).toBeGreaterThan(0);
      expect(doc.text[at + 1]).toMatch(
        new RegExp(
          `^Hoàn thành ${a.finished}/${a.planned} nhiệm vụ, đạt ${pct(a.percent).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .* ${a.overdue} nhiệm vụ quá hạn\\.$`,
        ),
      );
    });
    const rows = doc.tables.flat().filter((r) => !r.header);
    const taskRows = new Map(rows.filter((r) => r.cells.length === 6 && /^\d+$/.test(r.cells[0]!)).map((r) => [Number(r.cells[0]), r.cells]));
    expect(taskRows.size).toBe(s.tasks.length);
    for (const t of s.tasks) {
      const cells = taskRows.get(t.no)!;
      expect([cells[2], cells[3]]).toEqual([state(t), `${String(t.percent).replace('.', ',')}%`]);
    }
    const indRows = new Map(rows.filter((r) => r.cells.length === 5 && /^\d+\.\d+[a-z]?$/.test(r.cells[0]!)).map((r) => [r.cells[0], r.cells[4]]));
    expect(indRows.size).toBe(s.indicators.length);
    for (const i of s.indicators) expect(indRows.get(i.id)).toBe(i.achieved === null ? 'Chưa có số liệu' : i.achieved ? 'Đạt' : 'Không đạt');
    const b = s.budget;
    expect(rows.find((r) => r.cells[0] === 'TỔNG CỘNG')!.cells).toEqual(['TỔNG CỘNG', int(b.planned), int(b.spent), pct(b.percentUsed)]);
    expect(doc.text.join('\n')).toContain(`Dự toán ${int(b.planned)} đồng; đã chi ${int(b.spent)} đồng, đạt ${pct(b.percentUsed)} dự toán`);
  });

  it('lists the overdue and late tasks in III and the unfinished tasks due by the next cut-off in IV', () => {
    const late = s.tasks.filter((t) => t.overdue || t.finishedLate);
    expect(late.length).toBeGreaterThan(0);
    const iii = doc.text.slice(doc.text.indexOf('III. ĐÁNH GIÁ CHUNG'), doc.text.indexOf('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'));
    expect(iii.filter((t) => /^- Nhiệm vụ \d+ /.test(t)).map((t) => Number(/\d+/.exec(t)![0]))).toEqual(late.map((t) => t.no));
    const iv = doc.tables.at(-2)!; // the last is the closing table
    const due = s.tasks.filter((t) => t.status !== 'done' && t.due <= '2022-12-14').map((t) => t.no);
    expect(
      iv
        .filter((r) => !r.header)
        .map((r) => Number(r.cells[0]))
        .sort((x, y) => x - y),
    ).toEqual(due.sort((x, y) => x - y));
  });

  it('marks illustrative data on every page, first pages included', () => {
    expect(s.example).toBe(true);
    for (const sec of doc.sections) {
      expect(sec.header.text).toContain(MARK);
      expect(sec.first_header.text).toContain(MARK);
      expect(sec.header.page).toBe(true);
    }
  });
});

describe('cchc report on a plan of another shape', () => {
  it('writes the report as of a date, with status --json figures, and no illustrative mark for official data', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const plan = fixturePlan('status-ten');
      const r = await runCli(['report', plan, '--as-of', '2024-07-01', '--out', path.join(dir, 'bc.docx')]);
      expect(r.code).toBe(0);
      const d = readDocx(path.join(dir, 'bc.docx'));
      const st = await status([plan, '--as-of', '2024-07-01']);
      const o = st.overall;
      expect(d.text).toContain(`Đã hoàn thành ${o.finished}/${o.planned} nhiệm vụ, đạt ${pct(o.percent)} so với kế hoạch; ${o.overdue} nhiệm vụ quá hạn.`);
      expect(d.text).toContain('Kết quả thực hiện công tác cải cách hành chính đến ngày 01/07/2024');
      expect(d.text).toContain(
        'Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 về cải cách hành chính năm 2024 của thị xã An Nhơn, Ủy ban nhân dân thị xã An Nhơn báo cáo kết quả thực hiện công tác cải cách hành chính đến ngày 01/07/2024 như sau:',
      );
      expect(st.example).toBe(false);
      expect(d.sections[0]!.header.text).not.toContain(MARK);
      expect(d.text.join('\n')).not.toContain(MARK);
    } finally {
      cleanup();
    }
  });
});

describe('cchc report: flags', () => {
  it('needs --period or --as-of (exit 2)', async () => {
    const r = await runCli(['report', PLAN_2022]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cần --period hoặc --as-of');
  });

  it('refuses a period of another year (exit 2)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['report', PLAN_2022, '--period', '2023-Q1'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
