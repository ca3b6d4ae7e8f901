/** The refs report rendered for the terminal and as JSON, from a report built by hand. */
import { describe, expect, it } from 'vitest';
import { refsAsJson, refsAsText } from '../../src/render/refs-text.js';
import { makeChalk, textWidth } from '../../src/render/style.js';
import type { RefsReport } from '../../src/report/refs.js';

const plain = makeChalk(false);

const REPORT: RefsReport = {
  dir: 'plans/2022',
  registryFile: 'plans/2022/references.yaml',
  citations: 5,
  documents: [
    {
      level: 'central',
      party: false,
      type: 'Quyết định',
      number: '1847',
      symbol: '1847/QĐ-TTg',
      date: '2018-12-27',
      issuer: 'Thủ tướng Chính phủ',
      subject: 'phê duyệt Đề án Văn hóa công vụ',
      registry: { file: 'plans/2022/references.yaml', line: 12 },
      places: [{ file: 'plans/2022/plan.yaml', line: 70, column: 182, text: 'Quyết định số 1847/QĐ-TTg ngày 27/12/2018', date: '2018-12-27' }],
    },
    {
      level: 'province',
      party: true,
      type: 'Chương trình hành động',
      number: '09',
      symbol: '09-CTr/TU',
      date: '2021-05-14',
      issuer: 'Tỉnh ủy',
      subject:
        'thực hiện Nghị quyết Đại hội XX Đảng bộ tỉnh, Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII về cải cách hành chính, trọng tâm là tiếp tục đẩy mạnh cải cách thủ tục hành chính giai đoạn 2020 - 2025',
      registry: { file: 'plans/2022/references.yaml', line: 20 },
      places: [
        { file: 'plans/2022/plan.yaml', line: 22, column: 5, text: 'Chương trình hành động số 09-CTr/TU ngày 14 tháng 5 năm 2021', date: '2021-05-14' },
        { file: 'plans/2022/plan.yaml', line: 25, column: 144, text: 'Chương trình hành động số 09-CTr/TU ngày 14 tháng 5 năm 2021', date: '2021-05-14' },
      ],
    },
    {
      level: 'department',
      party: false,
      type: 'Quyết định',
      number: '71',
      symbol: '71/QĐ-SLĐTBXH',
      date: '2017-02-28',
      issuer: 'Giám đốc Sở Lao động - Thương binh và Xã hội',
      registry: { file: 'plans/2022/references.yaml', line: 30 },
      places: [],
    },
    {
      level: 'department',
      party: false,
      type: 'Nghị định',
      number: '130',
      symbol: '130/2005/NĐ-CP',
      year: 2005,
      issuer: 'Chính phủ',
      registry: { file: 'plans/2022/references.yaml', line: 40 },
      places: [{ file: 'plans/2022/plan.yaml', line: 85, column: 105, text: 'Nghị định 130/2005/NĐ-CP' }],
    },
  ],
  unregistered: [
    {
      level: 'central',
      party: false,
      type: 'Quyết định',
      number: '1487',
      symbol: '1487/QĐ-TTg',
      places: [{ file: 'plans/2022/tasks.yaml', line: 138, column: 112, text: 'Quyết định số 1487/QĐ-TTg' }],
      suggestion: { symbol: '1847/QĐ-TTg', likeness: 'swapped', place: 'plans/2022/plan.yaml:70:182' },
    },
  ],
};

describe('refsAsText', () => {
  const text = refsAsText(REPORT, 'vi', plain, 80);
  const lines = text.split('\n');

  it('fits 80 columns, and 50 when asked', () => {
    expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(80);
    const narrow = refsAsText(REPORT, 'vi', plain, 50).split('\n');
    expect(Math.max(...narrow.map(textWidth))).toBeLessThanOrEqual(50);
    // Too narrow for the columns: one block per document.
    expect(narrow).toContain('1. Quyết định 1847/QĐ-TTg');
    expect(narrow).toContain('   Ngày: 27/12/2018');
    expect(narrow).toContain('   Cơ quan ban hành: Thủ tướng Chính phủ');
  });

  it('has a header row and one row per document with its date dd/mm/yyyy and count', () => {
    expect(lines[2]).toMatch(/^STT {2}Loại văn bản {2}Số, ký hiệu {5}Ngày {8}Cơ quan ban hành +Số lần$/);
    expect(textWidth(lines[2]!)).toBe(80);
    expect(lines.find((l) => l.includes('1847/QĐ-TTg') && l.startsWith('  1'))).toMatch(
      /^ {2}1 {2}Quyết định +1847\/QĐ-TTg +27\/12\/2018 +Thủ tướng Chính phủ +1$/,
    );
    expect(lines.find((l) => l.includes('130/2005/NĐ-CP'))).toMatch(/130\/2005\/NĐ-CP +— +Chính phủ +1$/);
  });

  it('groups by level, wraps long types and subjects, lists the places under each row', () => {
    const heads = lines.filter((l) => /^VĂN BẢN|^VIỆN DẪN/.test(l));
    expect(heads).toEqual(['VĂN BẢN CỦA TRUNG ƯƠNG', 'VĂN BẢN CỦA TỈNH', 'VĂN BẢN CỦA SỞ, NGÀNH', 'VIỆN DẪN NHƯNG CHƯA CÓ TRONG DANH MỤC (1)']);
    const row = lines.findIndex((l) => l.includes('09-CTr/TU'));
    expect(lines[row]).toMatch(/^ {2}2 {2}Chương trình +09-CTr\/TU/);
    expect(lines[row + 1]).toBe('     hành động');
    expect(lines.slice(row + 2, row + 5).every((l) => l.startsWith('     ') && !l.startsWith('      '))).toBe(true);
    expect(text).toContain('     Viện dẫn tại: plans/2022/plan.yaml:22:5, plans/2022/plan.yaml:25:144');
    expect(text).toContain('     Không được viện dẫn ở đâu trong kế hoạch.');
  });

  it('shows the unregistered citation with the document it likely means', () => {
    expect(text).toContain('     Có phải là 1847/QĐ-TTg (plans/2022/plan.yaml:70:182)?\n     Viện dẫn tại: plans/2022/tasks.yaml:138:112');
    expect(lines.at(-1)).toBe('4 văn bản trong danh mục; 5 lần viện dẫn; 1 văn bản chưa có trong danh mục.');
  });

  it('speaks English with --lang en, keeping the Vietnamese document types', () => {
    const en = refsAsText(REPORT, 'en', plain, 80);
    expect(en).toContain('No.  Type');
    expect(en).toContain('CENTRAL DOCUMENTS');
    expect(en).toContain('Did you mean 1847/QĐ-TTg (plans/2022/plan.yaml:70:182)?');
    expect(en).toMatch(/Quyết định +1847\/QĐ-TTg +27\/12\/2018/);
    expect(en.split('\n').at(-1)).toBe('4 documents in the registry; 5 citations; 1 not in the registry.');
  });

  it('colours only when asked', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(refsAsText(REPORT, 'vi', makeChalk(true), 80)).toMatch(/\u001b\[/);
  });

  it('without a registry: says so, lists what the text cites, and says how to start one', () => {
    const none: RefsReport = { dir: 'plans/2023', citations: 1, documents: [], unregistered: [{ ...REPORT.unregistered[0]!, suggestion: undefined }] };
    delete none.unregistered[0]!.suggestion;
    const t = refsAsText(none, 'vi', plain, 80);
    expect(t).toContain('Kế hoạch chưa có danh mục văn bản viện dẫn (references.yaml)');
    expect(t).toContain('VĂN BẢN ĐƯỢC VIỆN DẪN TRONG KẾ HOẠCH');
    expect(t).not.toContain('Có phải là');
    expect(t).toContain('Tạo plans/2023/references.yaml');
  });

  it('a plan that cites nothing', () => {
    expect(refsAsText({ dir: 'x', citations: 0, documents: [], unregistered: [] }, 'vi', plain)).toContain('Kế hoạch không viện dẫn văn bản nào.');
  });
});

describe('refsAsJson', () => {
  it('has the documented fields: ISO dates or null, places, counts, the suggestion', () => {
    const j = refsAsJson(REPORT, [], { errors: 0, warnings: 1 });
    expect(j.plan).toBe('plans/2022');
    expect(j.registry).toBe('plans/2022/references.yaml');
    expect(j.documents[0]).toEqual({
      no: 1,
      level: 'central',
      party: false,
      type: 'Quyết định',
      symbol: '1847/QĐ-TTg',
      date: '2018-12-27',
      issuer: 'Thủ tướng Chính phủ',
      subject: 'phê duyệt Đề án Văn hóa công vụ',
      registryLine: 12,
      citations: 1,
      places: [{ file: 'plans/2022/plan.yaml', line: 70, column: 182, text: 'Quyết định số 1847/QĐ-TTg ngày 27/12/2018', date: '2018-12-27' }],
    });
    expect(j.documents[3]).toMatchObject({ date: null, subject: null, places: [{ date: null }] });
    expect(j.unregistered[0]).toMatchObject({ symbol: '1487/QĐ-TTg', date: null, citations: 1, suggestion: { symbol: '1847/QĐ-TTg', likeness: 'swapped' } });
    expect(j.summary).toEqual({ documents: 4, citations: 5, unregistered: 1, errors: 0, warnings: 1 });
    expect(j.diagnostics).toEqual([]);
  });
});
