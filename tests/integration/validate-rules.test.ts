/**
 * The error catalogue, one case per code: a copy of the `mini` fixture broken in one place
 * must report that code at the line:col of the offending YAML node (not the wording).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { copyPlan, checkFolder, fixturePlan, where } from '../helpers.js';

interface Case {
  code: string;
  file: string;
  /** Text to replace (first occurrence) and its replacement; or a function over the text. */
  edit: [string, string] | ((text: string) => string);
  /** Expected `file:line:col` of the finding. */
  at: string;
  /** Name of the copied plan folder (the year check compares it with the plan year). */
  folder?: string;
}

const CASES: Case[] = [
  // YAML level
  { code: 'yaml/duplicate-key', file: 'tasks.yaml', edit: ['    id: a1\n', '    id: a1\n    id: a9\n'], at: 'tasks.yaml:8:5' },
  { code: 'yaml/tab-indent', file: 'units.yaml', edit: ['  - id: noi-vu\n    name', '  - id: noi-vu\n\tname'], at: 'units.yaml:6:1' },
  { code: 'yaml/multiple-documents', file: 'units.yaml', edit: (t) => t + '---\nkind: Units\n', at: 'units.yaml:14:1' },
  { code: 'yaml/empty-file', file: 'indicators.yaml', edit: () => '# nothing here\n', at: 'indicators.yaml:1:1' },
  { code: 'yaml/syntax', file: 'budget.yaml', edit: ['title: KẾ HOẠCH DỰ TRÙ KINH PHÍ', 'title: [KẾ HOẠCH'], at: 'budget.yaml:5:1' },
  // schema
  { code: 'schema/unknown-property', file: 'tasks.yaml', edit: ['    product: Báo cáo rà soát', '    prodcut: Báo cáo rà soát'], at: 'tasks.yaml:12:5' },
  { code: 'schema/missing-property', file: 'tasks.yaml', edit: ['    deadline: Quý II/2023\n', ''], at: 'tasks.yaml:6:5' },
  { code: 'schema/type', file: 'tasks.yaml', edit: ['    area: 1\n    title: Rà', '    area: một\n    title: Rà'], at: 'tasks.yaml:8:11' },
  { code: 'schema/enum', file: 'plan.yaml', edit: ['status: issued', 'status: published'], at: 'plan.yaml:13:9' },
  { code: 'schema/pattern', file: 'plan.yaml', edit: ['date: 2023-01-10', 'date: 10/01/2023'], at: 'plan.yaml:12:7' },
  { code: 'schema/empty', file: 'tasks.yaml', edit: ['    product: Báo cáo rà soát', '    product: ""'], at: 'tasks.yaml:12:14' },
  { code: 'schema/range', file: 'plan.yaml', edit: ['year: 2023', 'year: 1999'], at: 'plan.yaml:4:7' },
  { code: 'schema/too-few', file: 'units.yaml', edit: (t) => t.replace(/units:\n[\s\S]*$/, 'units: []\n'), at: 'units.yaml:4:8' },
  // money
  { code: 'money/not-integer', file: 'budget.yaml', edit: ['    amount: 1500000\n  - no: 3', '    amount: 1500000.5\n  - no: 3'], at: 'budget.yaml:15:13' },
  { code: 'money/negative', file: 'budget.yaml', edit: ['    rate: 4500000', '    rate: -4500000'], at: 'budget.yaml:11:11' },
  { code: 'money/too-large', file: 'budget.yaml', edit: ['total: 16500000', 'total: 1e308'], at: 'budget.yaml:20:8' },
  // text
  { code: 'text/not-nfc', file: 'plan.yaml', edit: ['place: Tây Sơn', 'place: ' + 'Tây Sơn'.normalize('NFD')], at: 'plan.yaml:9:8' },
  { code: 'text/control-char', file: 'plan.yaml', edit: ['place: Tây Sơn', 'place: "Tây\\u0007Sơn"'], at: 'plan.yaml:9:8' },
  { code: 'text/invisible-char', file: 'plan.yaml', edit: ['place: Tây Sơn', 'place: Tây\u200bSơn'], at: 'plan.yaml:9:8' },
  { code: 'date/invalid', file: 'plan.yaml', edit: ['date: 2023-01-10', 'date: 2023-02-30'], at: 'plan.yaml:12:7' },
  // plan and areas
  { code: 'plan/year-mismatch', file: 'plan.yaml', edit: ['year: 2023', 'year: 2024'], at: 'plan.yaml:4:7', folder: '2023' },
  { code: 'plan/issued-without-number', file: 'plan.yaml', edit: ['number: "45"', 'number: null'], at: 'plan.yaml:13:9' },
  { code: 'plan/annex-count', file: 'plan.yaml', edit: ['danh mục 5 nhiệm vụ', 'danh mục 6 nhiệm vụ'], at: 'plan.yaml:29:12' },
  { code: 'area/duplicate-id', file: 'plan.yaml', edit: ['  - id: 3\n', '  - id: 2\n'], at: 'plan.yaml:24:9' },
  { code: 'area/numbering', file: 'plan.yaml', edit: ['  - id: 3\n', '  - id: 4\n'], at: 'plan.yaml:24:9' },
  { code: 'area/no-tasks', file: 'tasks.yaml', edit: ['    area: 3\n', '    area: 2\n'], at: 'plan.yaml:24:9' },
  // units
  { code: 'unit/duplicate-id', file: 'units.yaml', edit: ['  - id: tu-phap', '  - id: noi-vu'], at: 'units.yaml:7:9' },
  { code: 'unit/unused', file: 'units.yaml', edit: (t) => t + '  - id: van-thu\n    name: Văn thư\n', at: 'units.yaml:14:9' },
  // tasks
  { code: 'task/unknown-unit', file: 'tasks.yaml', edit: ['    lead: [tu-phap]', '    lead: [tu-phapp]'], at: 'tasks.yaml:10:12' },
  { code: 'task/duplicate-number', file: 'tasks.yaml', edit: ['  - no: 2\n', '  - no: 1\n'], at: 'tasks.yaml:14:9' },
  { code: 'task/numbering', file: 'tasks.yaml', edit: ['  - no: 3\n', '  - no: 7\n'], at: 'tasks.yaml:21:9' },
  { code: 'task/duplicate-id', file: 'tasks.yaml', edit: ['    id: a2\n', '    id: a1\n'], at: 'tasks.yaml:15:9' },
  { code: 'task/unknown-area', file: 'tasks.yaml', edit: ['    area: 3\n', '    area: 9\n'], at: 'tasks.yaml:37:11' },
  { code: 'task/area-order', file: 'tasks.yaml', edit: ['    id: b2\n    area: 2\n', '    id: b2\n    area: 1\n'], at: 'tasks.yaml:31:11' },
  { code: 'task/no-lead', file: 'tasks.yaml', edit: ['    lead: [tai-chinh]', '    lead: []'], at: 'tasks.yaml:39:11' },
  { code: 'task/deadline-invalid', file: 'tasks.yaml', edit: ['deadline: Quý II/2023', 'deadline: Quý V/2023'], at: 'tasks.yaml:13:15' },
  { code: 'task/deadline-year', file: 'tasks.yaml', edit: ['deadline: Quý II/2023', 'deadline: Quý II/2022'], at: 'tasks.yaml:13:15' },
  // indicators
  { code: 'indicator/duplicate-id', file: 'indicators.yaml', edit: ['  - id: "3.1"', '  - id: "1.1"'], at: 'indicators.yaml:26:9' },
  { code: 'indicator/unknown-area', file: 'indicators.yaml', edit: ['    area: 3\n', '    area: 5\n'], at: 'indicators.yaml:27:11' },
  { code: 'indicator/percent-range', file: 'indicators.yaml', edit: ['        value: 100\n', '        value: 120\n'], at: 'indicators.yaml:10:16' },
  { code: 'indicator/target-id', file: 'indicators.yaml', edit: ['      - id: 2.1b\n        comparator', '      - comparator'], at: 'indicators.yaml:22:9' },
  // budget
  { code: 'budget/line-arithmetic', file: 'budget.yaml', edit: ['    amount: 13500000', '    amount: 13000000'], at: 'budget.yaml:12:13' },
  { code: 'budget/percent-line', file: 'budget.yaml', edit: ['percent: 10,', 'percent: 12,'], at: 'budget.yaml:19:13' },
  { code: 'budget/total-mismatch', file: 'budget.yaml', edit: ['total: 16500000', 'total: 16000000'], at: 'budget.yaml:20:8' },
  { code: 'budget/words-mismatch', file: 'budget.yaml', edit: ['Mười sáu triệu năm trăm nghìn đồng', 'Mười sáu triệu đồng'], at: 'budget.yaml:21:15' },
  // Issue 16.3: located on `kind` when the field is absent.
  { code: 'budget/no-funding', file: 'plan.yaml', edit: ['funding:\n  source: Ngân sách huyện năm 2023.\n', ''], at: 'plan.yaml:3:1' },
  // Issue 16.3: with a wrong total, the words are judged against the sum of the lines.
  {
    code: 'budget/words-mismatch-sum',
    file: 'budget.yaml',
    edit: ['total: 16500000\ntotalInWords: Mười sáu triệu năm trăm nghìn đồng', 'total: 16000000\ntotalInWords: Mười sáu triệu đồng'],
    at: 'budget.yaml:21:15',
  },
  { code: 'budget/duplicate-line', file: 'budget.yaml', edit: ['  - no: 2\n', '  - no: 1\n'], at: 'budget.yaml:13:9' },
  { code: 'budget/numbering', file: 'budget.yaml', edit: ['  - no: 3\n', '  - no: 4\n'], at: 'budget.yaml:16:9' },
  // progress
  { code: 'progress/unknown-task', file: 'progress/2023-q2.yaml', edit: ['  - task: 4\n', '  - task: 8\n'], at: 'progress/2023-q2.yaml:14:11' },
  {
    code: 'progress/unknown-indicator',
    file: 'progress/2023-q2.yaml',
    edit: ['  - indicator: 2.1a', '  - indicator: 2.1c'],
    at: 'progress/2023-q2.yaml:20:16',
  },
  {
    code: 'progress/non-indicator-value',
    file: 'progress/2023-q2.yaml',
    edit: ['  - indicator: 2.1a', '  - indicator: "2.1"'],
    at: 'progress/2023-q2.yaml:20:16',
  },
  { code: 'progress/unknown-line', file: 'progress/2023-q2.yaml', edit: ['  - line: 1\n', '  - line: 9\n'], at: 'progress/2023-q2.yaml:25:11' },
  {
    code: 'progress/date-outside-year',
    file: 'progress/2023-q2.yaml',
    edit: ['completed: 2023-04-20', 'completed: 2022-04-20'],
    at: 'progress/2023-q2.yaml:17:16',
  },
  { code: 'progress/done-without-date', file: 'progress/2023-q2.yaml', edit: ['    completed: 2023-04-20\n', ''], at: 'progress/2023-q2.yaml:15:13' },
  {
    code: 'progress/completed-after-as-of',
    file: 'progress/2023-q2.yaml',
    edit: ['completed: 2023-04-20', 'completed: 2023-07-20'],
    at: 'progress/2023-q2.yaml:17:16',
  },
  { code: 'progress/percent-status', file: 'progress/2023-q2.yaml', edit: ['    percent: 100\n', '    percent: 90\n'], at: 'progress/2023-q2.yaml:16:14' },
  { code: 'progress/duplicate', file: 'progress/2023-q2.yaml', edit: ['  - task: 2\n', '  - task: 1\n'], at: 'progress/2023-q2.yaml:11:11' },
  {
    code: 'progress/indicator-record',
    file: 'progress/2023-q2.yaml',
    edit: ['    value: 18\n', '    value: 18\n  - indicator: "3.1"\n    value: 1\n'],
    at: 'progress/2023-q2.yaml:24:5',
  },
  { code: 'progress/overspent', file: 'progress/2023-q2.yaml', edit: ['    spent: 4500000', '    spent: 14500000'], at: 'progress/2023-q2.yaml:26:12' },
];

const copies: Array<() => void> = [];
afterAll(() => copies.forEach((c) => c()));

function broken(c: Case): string {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'), c.folder);
  copies.push(cleanup);
  const file = path.join(dir, c.file);
  const text = readFileSync(file, 'utf8');
  let next: string;
  if (typeof c.edit === 'function') next = c.edit(text);
  else {
    if (!text.includes(c.edit[0])) throw new Error(`fixture text not found in ${c.file}: ${JSON.stringify(c.edit[0])}`);
    next = text.replace(c.edit[0], c.edit[1]);
  }
  writeFileSync(file, next);
  return dir;
}

describe('the mini fixture', () => {
  it('is clean', () => {
    expect(checkFolder(fixturePlan('mini')).diagnostics).toEqual([]);
  });
});

describe('each diagnostic code at its position', () => {
  it.each(CASES.map((c) => [c.code, c] as const))('%s', (_code, c) => {
    const { diagnostics } = checkFolder(broken(c));
    expect(where(diagnostics)).toContain(`${c.code} ${c.at}`);
  });
});

describe('file-level findings', () => {
  it('file/missing names the missing file', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    unlinkSync(path.join(dir, 'budget.yaml'));
    const { diagnostics } = checkFolder(dir);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'file/missing', params: { name: 'budget.yaml' } }));
  });

  it('file/encoding locates the first invalid byte', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    const file = path.join(dir, 'units.yaml');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Phòng Nội vụ'));
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0x41]), bytes.subarray(at)]));
    const { diagnostics } = checkFolder(dir);
    expect(where(diagnostics)).toContain('file/encoding units.yaml:6:11');
  });

  it('file/utf16 refuses a UTF-16 file', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    const file = path.join(dir, 'units.yaml');
    const text = readFileSync(file, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(file, le);
    expect(checkFolder(dir).diagnostics.map((d) => d.code)).toContain('file/utf16');
  });

  it('a BOM and CRLF line ends are accepted', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    const file = path.join(dir, 'tasks.yaml');
    writeFileSync(file, '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(checkFolder(dir).diagnostics).toEqual([]);
  });

  it('positions follow aliases to the anchored value', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    const file = path.join(dir, 'tasks.yaml');
    const text = readFileSync(file, 'utf8').replace('    lead: [tu-phap]', '    lead: &le [tu-phapx]').replace('    lead: [tai-chinh]', '    lead: *le');
    writeFileSync(file, text);
    const found = where(checkFolder(dir).diagnostics).filter((w) => w.startsWith('task/unknown-unit'));
    // Both uses point at the anchored text, where the clerk must fix it.
    expect(found).toEqual(['task/unknown-unit tasks.yaml:10:16', 'task/unknown-unit tasks.yaml:10:16']);
  });

  it('reports every finding of a file in one run', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('mini'));
    copies.push(cleanup);
    const file = path.join(dir, 'tasks.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('    lead: [tu-phap]', '    lead: [x1]')
        .replace('    lead: [tai-chinh]', '    lead: [x2]')
        .replace('Quý I/2023', 'Quý V/2023'),
    );
    const codes = checkFolder(dir).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'task/unknown-unit')).toHaveLength(2);
    expect(codes).toContain('task/deadline-invalid');
  });
});
