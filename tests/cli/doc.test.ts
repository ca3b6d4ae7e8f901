/**
 * `cchc doc`, spawned from the built CLI, its .docx read back by python-docx: the source's
 * sentences in order (plans/2022 against the seed text), the header, the page, the
 * landscape appendices with their tables, the fonts; a plan of another shape; the flags.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FIXTURES, PLAN_2022, copyPlan, fixturePlan, runCli, tempDir } from '../helpers.js';
import { fold, readDocx, type ReadDocx } from '../docx/read.js';

/** The source document, as the repository keeps it. */
const SEED_FILE = path.join(FIXTURES, 'seed', '000_794019feac947687.txt');

/** A line of the seed (markdown-ish text) as plain text. */
function plain(line: string): string {
  return fold(
    line
      .replace(/<\/?b>/g, '')
      .replace(/^#+\s*/, '')
      .replace(/\*+/g, ''),
  );
}

/**
 * The seed's text, piece by piece, in order: the body from the opening paragraph to the
 * signer's name line by line, then every cell of the appendices' task, area, budget and
 * total rows. Left out, and checked on their own: the number and date lines and the
 * "(Kèm theo …)" lines (placeholders of a draft, dotted in the document), the appendix
 * numbers ("Phụ lục 1", written "Phụ lục I" by the decree), the tables' column labels, and
 * the label of the words line, which the seed misspells "Bảng chữ" (the words are checked).
 */
function seedPieces(): string[] {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('## **KẾ HOẠCH**'));
  const end = lines.findIndex((l) => l.includes('Nguyễn Mỹ Quang'));
  const pieces: string[] = [];
  for (const l of lines.slice(start, end + 1)) {
    const t = plain(l);
    if (t) pieces.push(t);
  }
  for (const l of lines.slice(end + 1)) {
    const cells = l.split('\t').map(plain);
    const first = cells[0] ?? '';
    if (/^\d+$/.test(first) || /^Nội dung \d+:/.test(first) || first === 'TỔNG CỘNG') pieces.push(...cells.filter(Boolean));
    else if (/^(NHIỆM VỤ TRỌNG TÂM|KẾ HOẠCH DỰ TRÙ|Hoạt động cải cách)/.test(first)) pieces.push(first);
    else if (/^\(Bảng chữ: /.test(first)) pieces.push(first.replace(/^\(Bảng chữ: (.*)\)$/, '$1'));
  }
  return pieces;
}

describe('cchc doc: the 2022 plan', () => {
  let tmp: { dir: string; cleanup: () => void };
  let doc: ReadDocx;
  let stdout = '';

  beforeAll(async () => {
    tmp = tempDir();
    const r = await runCli(['doc', PLAN_2022], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    stdout = r.stdout;
    doc = readDocx(path.join(tmp.dir, 'KH-CCHC-2022.docx'));
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('writes KH-CCHC-<year>.docx in the current folder and says so in one line', () => {
    expect(stdout).toMatch(/^Đã ghi KH-CCHC-2022\.docx \(kế hoạch, Phụ lục I, Phụ lục II; \d+ KB\)\n$/);
    expect(readdirSync(tmp.dir)).toEqual(['KH-CCHC-2022.docx']);
  });

  it('reproduces every sentence of the source, in order, slips included', () => {
    const text = fold(doc.text.join('\n'));
    const pieces = seedPieces();
    expect(pieces.length).toBeGreaterThan(150);
    let at = 0;
    const missing: string[] = [];
    for (const p of pieces) {
      const i = text.indexOf(p, at);
      if (i < 0) missing.push(p);
      else at = i + p.length;
    }
    expect(missing).toEqual([]);
    // The slips, by name.
    for (const slip of ['Truyền truyền', 'phân đầu nâng cao', 'góp ý của công dân, tổ.', 'Quyết định số 1487/QĐ-TTg', 'Quyết định số 1847/QĐ-TTg'])
      expect(text).toContain(slip);
  });

  it('has the header of Nghị định 30/2020: agency, Quốc hiệu, Tiêu ngữ, dotted number and date, DỰ THẢO', () => {
    expect(doc.text.slice(0, 11).filter(Boolean)).toEqual([
      'UBND TỈNH BÌNH ĐỊNH',
      'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'Số: ....../KH-SLĐTBXH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bình Định, ngày ..... tháng ..... năm .......',
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2022',
    ]);
    const run = (t: string) => doc.runs.find((r) => r.text === t)!;
    expect(run('UBND TỈNH BÌNH ĐỊNH').bold).toBe(false);
    expect(run('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI').bold).toBe(true);
    expect(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').bold).toBe(true);
    expect(run('Bình Định, ngày ..... tháng ..... năm .......').italic).toBe(true);
    expect(doc.sections[0]!.first_header.text).toBe('DỰ THẢO');
    // The header is a table without borders; the rules are their own (empty) paragraphs.
    expect(doc.tables[0]![0]!.cells).toHaveLength(2);
  });

  it('lays the page out as the decree says: A4, margins, Times New Roman 14 pt, indent, spacing, page numbers from page 2', () => {
    for (const s of doc.sections) {
      expect([s.width_mm, s.height_mm].sort((a, b) => a - b)).toEqual([210.01, 297]);
      expect(s.top_mm).toBeGreaterThanOrEqual(20);
      expect(s.top_mm).toBeLessThanOrEqual(25);
      expect(s.bottom_mm).toBeGreaterThanOrEqual(20);
      expect(s.bottom_mm).toBeLessThanOrEqual(25);
      expect(s.left_mm).toBeGreaterThanOrEqual(30);
      expect(s.left_mm).toBeLessThanOrEqual(35);
      expect(s.right_mm).toBeGreaterThanOrEqual(15);
      expect(s.right_mm).toBeLessThanOrEqual(20);
      // Page numbers in the header, not on a section's first page.
      expect(s.title_page).toBe(true);
      expect(s.header.page).toBe(true);
      expect(s.first_header.page).toBe(false);
    }
    const texts = doc.runs.filter((r) => r.text.trim());
    expect(new Set(texts.map((r) => r.font))).toEqual(new Set(['Times New Roman']));
    const bodyPara = doc.paras.find((p) => p.text.startsWith('Thực hiện Kế hoạch số 122/KH-UBND'))!;
    expect(bodyPara.first_line_cm).toBeGreaterThanOrEqual(1);
    expect(bodyPara.first_line_cm).toBeLessThanOrEqual(1.27);
    expect(bodyPara.after_pt).toBeGreaterThanOrEqual(6);
    const bodyRun = doc.runs.find((r) => r.text.startsWith('Thực hiện Kế hoạch số 122/KH-UBND'))!;
    expect(bodyRun.size).toBeGreaterThanOrEqual(13);
    expect(bodyRun.size).toBeLessThanOrEqual(14);
  });

  it('closes with Nơi nhận (bold italic 12 pt, list 11 pt) and the signer', () => {
    const noiNhan = doc.runs.find((r) => r.text === 'Nơi nhận:')!;
    expect(noiNhan).toMatchObject({ bold: true, italic: true, size: 12 });
    const at = doc.runs.indexOf(noiNhan);
    const list = doc.runs.slice(at + 1, at + 5);
    expect(list.map((r) => r.text)).toEqual([
      '- UBND tỉnh (báo cáo);',
      '- Sở Nội vụ (báo cáo);',
      '- Các phòng, đơn vị trực thuộc Sở (t/hiện);',
      '- Lưu: VT, VP.',
    ]);
    for (const r of list) expect(r.size).toBe(11);
    expect(doc.runs.find((r) => r.text === 'GIÁM ĐỐC')!.bold).toBe(true);
    expect(doc.runs.find((r) => r.text === 'Nguyễn Mỹ Quang')!.bold).toBe(true);
  });

  it('puts Phụ lục I and II in landscape sections with the export tables, header rows repeated', () => {
    expect(doc.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape', 'landscape']);
    // Each appendix is numbered on its own.
    expect(doc.sections.slice(1).map((s) => s.page_start)).toEqual([1, 1]);
    const [a1, a2] = doc.tables.slice(-2) as [ReadDocx['tables'][number], ReadDocx['tables'][number]];
    expect(a1.slice(0, 2).map((r) => r.header)).toEqual([true, true]);
    expect(a1[2]!.header).toBe(false);
    // The merged "Trách nhiệm cụ thể" header over its two columns.
    expect(a1[0]!.cells).toEqual(['Số TT', 'Nhiệm vụ cụ thể', 'Trách nhiệm cụ thể', 'Sản phẩm', 'Thời gian hoàn thành']);
    expect(a1[1]!.cells).toEqual(['Đơn vị chủ trì', 'Đơn vị phối hợp']);
    expect(a1[2]!.cells).toEqual(['Nội dung 1: CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH']);
    expect(a1.filter((r) => /^\d+$/.test(r.cells[0] ?? '')).map((r) => Number(r.cells[0]))).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(a1.filter((r) => r.cells[0]?.startsWith('Nội dung '))).toHaveLength(7);
    expect(a2[0]).toEqual({ header: true, cells: ['STT', 'Nội dung chi tiết', 'Đơn vị tính', 'Số lượng', 'Định mức', 'Số tiền'] });
    expect(a2[1]!.cells).toEqual(['1', 'Hỗ trợ công chức làm việc tại Trung tâm hành chính công tỉnh', 'Người', '12 tháng', '500.000', '6.000.000']);
    expect(a2.at(-1)!.cells).toEqual(['TỔNG CỘNG', '20.000.000']);
    const text = doc.text.join('\n');
    expect(text).toContain('Phụ lục 1\n'); // plans/2022 keeps the source's own labels (appendices: Phụ lục 1/2)
    expect(text).toContain('Phụ lục 2\n');
    expect(text).toContain('(Kèm theo Kế hoạch số ....../KH-SLĐTBXH ngày ...../...../......... của Sở LĐ-TB&XH)');
    expect(text).toContain('(Bằng chữ: Hai mươi triệu đồng)');
  });
});

describe('cchc doc: a plan of another shape', () => {
  it('writes an issued plan with its number and date, a TM. line, and no DỰ THẢO', async () => {
    const plan = copyPlan(fixturePlan('mini'), 'mini');
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(plan.dir, 'plan.yaml');
      const src = readFileSync(file, 'utf8').replace('signer:\n', 'signer:\n  authority: TM. Ủy ban nhân dân\n');
      writeFileSync(file, src);
      const out = path.join(dir, 'mini.docx');
      const r = await runCli(['doc', plan.dir, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const d = readDocx(out);
      const text = d.text.filter(Boolean);
      expect(text.slice(0, 7)).toEqual([
        'UBND TỈNH BÌNH ĐỊNH',
        'ỦY BAN NHÂN DÂN HUYỆN TÂY SƠN',
        'Số: 45/KH-UBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Tây Sơn, ngày 10 tháng 01 năm 2023',
        'KẾ HOẠCH',
      ]);
      expect(text).toContain('Cải cách hành chính năm 2023');
      expect(text).toContain('I. MỤC ĐÍCH');
      expect(text).toContain('- Nâng cao chất lượng phục vụ người dân.');
      expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
      expect(text).toContain('CHỦ TỊCH');
      expect(d.sections[0]!.first_header.text).toBe('');
      expect(d.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape', 'landscape']);
      expect(text.join('\n')).toContain('(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND huyện Tây Sơn)');
    } finally {
      cleanup();
      plan.cleanup();
    }
  });
});

describe('cchc doc: flags and failures', () => {
  it('refuses an --out that is not .docx, before loading the plan (exit 2)', async () => {
    const r = await runCli(['doc', PLAN_2022, '--out', 'x.pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out "x.pdf" phải là tệp .docx');
    expect(r.stdout).toBe('');
  });

  it('refuses a missing folder for --out (exit 2) and writes nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['doc', PLAN_2022, '--out', path.join('nowhere', 'x.docx')], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('thư mục nowhere không tồn tại');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('gives a plan with errors its located messages and no document (exit 1)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['doc', fixturePlan('budget-wrong-total'), '--out', path.join(dir, 'x.docx')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/budget\.yaml:\d+:\d+: lỗi budget\/total-mismatch/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
    }
  });
});

describe('the package', () => {
  it('is a zip whose every entry passes its CRC check, with the parts a Word document needs', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'x.docx');
      expect((await runCli(['doc', fixturePlan('mini'), '--out', out])).code).toBe(0);
      const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nprint("\\n".join(sorted(z.namelist())))';
      const [bad, ...names] = execFileSync('/usr/bin/python3', ['-c', script, out], { encoding: 'utf8' }).trim().split('\n');
      expect(bad).toBe('None');
      expect(names).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/header1.xml',
        'word/header2.xml',
        'word/settings.xml',
        'word/styles.xml',
      ]);
    } finally {
      cleanup();
    }
  });
});
