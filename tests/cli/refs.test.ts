/** cchc refs, run in-process as a user runs it (NO_COLOR=1): the table, --json, --strict, --lang en, exit codes. */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, copyPlan, fixturePlan, runCli } from '../helpers.js';
import { textWidth } from '../../src/render/style.js';

const PLANS = path.join(FIXTURES, 'plans');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function copy(name: string): string {
  const { dir, cleanup } = copyPlan(fixturePlan(name));
  cleanups.push(cleanup);
  return dir;
}

const MINI_TABLE = `Danh mục văn bản viện dẫn — refs-mini

STT  Loại văn bản  Số, ký hiệu     Ngày        Cơ quan ban hành    Số lần

VĂN BẢN CỦA TRUNG ƯƠNG
  1  Nghị quyết    76/NQ-CP        15/07/2021  Chính phủ                2
     ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021
     - 2030
     Viện dẫn tại: refs-mini/plan.yaml:17:5, refs-mini/tasks.yaml:9:59
  2  Nghị định     91/2017/NĐ-CP   31/07/2017  Chính phủ                1
     Viện dẫn tại: refs-mini/budget.yaml:15:31
  3  Nghị định     60/2021/NĐ-CP   —           Chính phủ                1
     quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập
     Viện dẫn tại: refs-mini/indicators.yaml:28:57
  4  Nghị định     107/2021/NĐ-CP  06/12/2021  Chính phủ                1
     Viện dẫn tại: refs-mini/plan.yaml:21:48

VĂN BẢN CỦA TỈNH
  5  Chương trình  09-CTr/TU       14/05/2021  Tỉnh ủy                  1
     hành động
     cải cách hành chính
     Viện dẫn tại: refs-mini/plan.yaml:18:5
  6  Kế hoạch      150/KH-UBND     28/12/2022  UBND tỉnh                2
     cải cách hành chính năm 2023
     Viện dẫn tại: refs-mini/plan.yaml:15:22, refs-mini/plan.yaml:19:5

VĂN BẢN CỦA HUYỆN, XÃ
  7  Quyết định    2345/QĐ-UBND    30/12/2022  UBND huyện Tây Sơn       1
     giao dự toán ngân sách năm 2023
     Viện dẫn tại: refs-mini/plan.yaml:35:5

7 văn bản trong danh mục; 9 lần viện dẫn; 0 văn bản chưa có trong danh mục.
`;

describe('cchc refs', () => {
  it('prints the registry of the mini-based fixture as a table; exit 0, nothing on stderr', async () => {
    const r = await runCli(['refs', 'refs-mini'], { cwd: PLANS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MINI_TABLE);
  });

  it('--json: the documented fields', async () => {
    const r = await runCli(['refs', 'refs-mini', '--json'], { cwd: PLANS });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['format', 'command', 'ok', 'plan', 'registry', 'documents', 'unregistered', 'summary', 'diagnostics']);
    expect(j.plan).toBe('refs-mini');
    expect(j.registry).toBe('refs-mini/references.yaml');
    expect(j.documents.map((d: { symbol: string }) => d.symbol)).toEqual([
      '76/NQ-CP',
      '91/2017/NĐ-CP',
      '60/2021/NĐ-CP',
      '107/2021/NĐ-CP',
      '09-CTr/TU',
      '150/KH-UBND',
      '2345/QĐ-UBND',
    ]);
    expect(j.documents[6]).toEqual({
      no: 7,
      level: 'district',
      party: false,
      type: 'Quyết định',
      symbol: '2345/QĐ-UBND',
      date: '2022-12-30',
      issuer: 'UBND huyện Tây Sơn',
      subject: 'giao dự toán ngân sách năm 2023',
      registryLine: 12,
      citations: 1,
      places: [{ file: 'refs-mini/plan.yaml', line: 35, column: 5, text: 'Quyết định số 2345/QĐ-UBND ngày 30/12/2022', date: '2022-12-30' }],
    });
    expect(j.documents[4]).toMatchObject({ level: 'province', party: true, symbol: '09-CTr/TU' });
    expect(j.unregistered).toEqual([]);
    expect(j.summary).toEqual({ documents: 7, citations: 9, unregistered: 0, errors: 0, warnings: 0 });
    expect(j.diagnostics).toEqual([]);
  });

  it('the 2022 plan: the 1487/QĐ-TTg slip is a warning (exit 0), with --strict exit 1', async () => {
    const r = await runCli(['refs', 'plans/2022']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VIỆN DẪN NHƯNG CHƯA CÓ TRONG DANH MỤC (1)');
    expect(r.stdout).toMatch(
      / {2}1 {2}Quyết định +1487\/QĐ-TTg +— +1\n {5}Có phải là 1847\/QĐ-TTg \(plans\/2022\/plan\.yaml:70:182\)\?\n {5}Viện dẫn tại: plans\/2022\/tasks\.yaml:138:112\n/,
    );
    expect(r.stdout).toContain('19 văn bản trong danh mục; 24 lần viện dẫn; 1 văn bản chưa có trong danh mục.');
    expect(r.stderr).toContain(
      'plans/2022/tasks.yaml:138:112: cảnh báo ref/likely-typo: Quyết định số 1487/QĐ-TTg không có trong danh mục văn bản; có phải là 1847/QĐ-TTg (plans/2022/plan.yaml:70:182)?',
    );
    expect(r.stderr).toContain('! Đã kiểm tra 1 kế hoạch: 1 cảnh báo.');
    expect(Math.max(...r.stdout.split('\n').map(textWidth))).toBeLessThanOrEqual(80);

    const strict = await runCli(['refs', 'plans/2022', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(r.stdout);
  });

  it('--json on the 2022 plan carries the warning and the suggestion', async () => {
    const r = await runCli(['refs', 'plans/2022', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.unregistered).toHaveLength(1);
    expect(j.unregistered[0]).toMatchObject({
      symbol: '1487/QĐ-TTg',
      date: null,
      places: [{ file: 'plans/2022/tasks.yaml', line: 138, column: 112 }],
      suggestion: { symbol: '1847/QĐ-TTg', likeness: 'swapped', place: 'plans/2022/plan.yaml:70:182' },
    });
    expect(j.diagnostics).toHaveLength(1);
    expect(j.diagnostics[0]).toMatchObject({ code: 'ref/likely-typo', severity: 'warning', file: 'plans/2022/tasks.yaml', line: 138, column: 112 });
    expect(j.summary).toEqual({ documents: 19, citations: 24, unregistered: 1, errors: 0, warnings: 1 });
  });

  it('cchc validate reports the slip too: exit 0, and 1 with --strict', async () => {
    const lax = await runCli(['validate', 'plans/2022']);
    expect(lax.code).toBe(0);
    expect(lax.stdout).toContain('plans/2022/tasks.yaml:138:112: cảnh báo ref/likely-typo');
    expect((await runCli(['validate', '--strict', 'plans/2022'])).code).toBe(1);
  });

  it('ref/* errors: the table is still shown, the errors go to stderr, exit 1', async () => {
    const r = await runCli(['refs', 'refs-dates'], { cwd: PLANS });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Danh mục văn bản viện dẫn — refs-dates');
    expect(r.stderr).toContain('refs-dates/plan.yaml:21:137: lỗi ref/conflicting-date');
    expect(r.stderr).toContain('refs-dates/budget.yaml:18:69: lỗi ref/conflicting-date');
    expect(r.stderr).toContain('✗ Đã kiểm tra 1 kế hoạch: 2 lỗi.');
  });

  it('any other error stops the command as it stops every command: no table, exit 1', async () => {
    const dir = copy('refs-mini');
    const file = path.join(dir, 'tasks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    lead: [tu-phap]', '    lead: [tu-phapp]'));
    const r = await runCli(['refs', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tasks.yaml:10:12: lỗi task/unknown-unit');
  });

  it('--lang en', async () => {
    const r = await runCli(['refs', 'refs-typo', '--lang', 'en'], { cwd: PLANS });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Registry of cited documents — refs-typo');
    expect(r.stdout).toMatch(/^No\. {2}Type {10}Number {10}Date {8}Issuer +Cited$/m);
    expect(r.stdout).toContain('CITED BUT NOT IN THE REGISTRY (3)');
    expect(r.stdout).toContain('Did you mean 76/NQ-CP (refs-typo/plan.yaml:17:5)?');
    expect(r.stderr).toContain('refs-typo/tasks.yaml:17:46: warning ref/likely-typo: Nghị quyết 67/NQ-CP is not in the registry');
    expect(r.stderr).toContain('! Checked 1 plan: 3 warnings.');
  });

  it('a plan without references.yaml: what the text cites, how to start a registry; exit 0 even with --strict', async () => {
    const dir = copy('refs-typo');
    rmSync(path.join(dir, 'references.yaml'));
    const r = await runCli(['refs', '.', '--strict'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Kế hoạch chưa có danh mục văn bản viện dẫn (references.yaml)');
    expect(r.stdout).toMatch(/Nghị quyết +67\/NQ-CP +— +1/);
    expect(r.stdout).toContain('10 văn bản, 12 lần viện dẫn.');
  });

  it('a path that does not exist is a usage error: exit 2', async () => {
    const r = await runCli(['refs', 'khong-co']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('khong-co');
  });
});
