import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { diffPlans } from '../../src/report/diff.js';
import { diffAsText, formatValue, summaryText } from '../../src/render/diff-text.js';
import { diffAsMarkdown, escapeMarkdown } from '../../src/render/diff-markdown.js';
import { diffAsJson } from '../../src/render/diff-json.js';
import { makeChalk, textWidth } from '../../src/render/style.js';
import { checkFolder, PLAN_2022, fixturePlan } from '../helpers.js';

const plain = makeChalk(false);
const P2022 = checkFolder(PLAN_2022).plan!;
const MINI = checkFolder(fixturePlan('mini')).plan!;

/** Money in the JSON: a number of đồng, or a string of digits beyond 2^53 − 1. */
type JsonMoney = number | string;
/** The fields of diffAsJson's output that these tests read. */
interface DiffJson {
  changed: boolean;
  a: unknown;
  counts: Record<string, number>;
  tasks: { renumberedRanges: unknown[] };
  budget: {
    total: { before: JsonMoney; after: JsonMoney; delta: JsonMoney };
    changed: { changes: unknown[] }[];
  };
}

function edited(): Plan {
  const b = structuredClone(P2022);
  b.meta.status = 'issued';
  b.meta.number = '45';
  b.meta.date = '2022-01-15';
  b.tasks = [
    { no: 1, area: 1, title: 'Nhiệm vụ mới | có dấu *sao*', lead: ['van-phong'], deadline: 'Quý II/2022' },
    ...b.tasks.map((t) => ({ ...t, no: t.no + 1 })),
  ];
  b.tasks[7]!.deadline = 'Quý II/2022';
  b.tasks[1]!.title = b.tasks[1]!.title.replace('Truyền truyền', 'Tuyên truyền');
  b.budget.lines[1]!.rate = 2_900_000;
  b.budget.lines[1]!.amount = 2_900_000;
  b.budget.lines[6]!.amount = 2_100_000;
  b.budget.total = 21_000_000;
  b.budget.totalInWords = 'Hai mươi mốt triệu đồng';
  return b;
}

const sides = {
  a: { source: 'git' as const, path: 'plans/2022', revision: 'v1', commit: 'a'.repeat(40) },
  b: { source: 'worktree' as const, path: 'plans/2022' },
};

describe('text', () => {
  const text = diffAsText(diffPlans(P2022, edited(), sides), 'vi', plain, 80);

  it('fits 80 columns, even for a diff between two unrelated plans', () => {
    const big = diffAsText(diffPlans(P2022, MINI), 'vi', plain, 80);
    for (const t of [text, big]) for (const line of t.split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('says what changed in plain Vietnamese', () => {
    expect(text).toContain('trước: v1 (aaaaaaa)');
    expect(text).toContain('Trạng thái: dự thảo → đã ban hành');
    expect(text).toContain('Số văn bản: (trống) → 45');
    expect(text).toContain('Ngày ban hành: (trống) → 15/01/2022');
    expect(text).toContain('Đánh số lại (27): 1–27 → 2–28');
    expect(text).toContain('Thời gian hoàn thành: Quý I/2022 → Quý II/2022');
    expect(text).toContain('- “Truyền truyền, quán triệt …”');
    expect(text).toContain('Số tiền: 2.000.000 → 2.900.000 (+900.000)');
    expect(text).toContain('Tổng cộng: 20.000.000 → 21.000.000 (+1.000.000)');
    expect(text).toMatch(/Tóm tắt: .*nhiệm vụ: thêm 1, đánh số lại 27, sửa 2/s);
  });

  it('speaks English with --lang en, numbers grouped with commas', () => {
    const en = diffAsText(diffPlans(P2022, edited(), sides), 'en', plain, 80);
    expect(en).toContain('Status: draft → issued');
    expect(en).toContain('Renumbered (27): 1–27 → 2–28');
    expect(en).toContain('Total: 20,000,000 → 21,000,000 (+1,000,000)');
  });

  it('says so when nothing changed', () => {
    const d = diffPlans(P2022, structuredClone(P2022));
    expect(diffAsText(d, 'vi', plain)).toContain('Không có khác biệt.');
    expect(summaryText(d, 'en')).toBe('No differences.');
  });

  it('formats values for the reader', () => {
    expect(formatValue({ field: 'date' }, '2023-01-10', 'vi')).toBe('10/01/2023');
    expect(formatValue({ field: 'amount' }, 20_000_000n, 'vi')).toBe('20.000.000');
    expect(formatValue({ field: 'status' }, 'issued', 'en')).toBe('issued');
    expect(formatValue({ field: 'year' }, 2023, 'vi')).toBe('2023');
    expect(formatValue({ field: 'percentOf' }, '12.5% total', 'vi')).toBe('12,5% của tổng cộng');
    expect(formatValue({ field: 'target 1.1' }, '≥ 30.5%', 'vi')).toBe('≥ 30,5%');
    expect(formatValue({ field: 'number' }, null, 'vi')).toBe('(trống)');
  });
});

describe('markdown', () => {
  const md = diffAsMarkdown(diffPlans(P2022, edited(), sides), 'vi');

  it('has a heading, a summary and tables', () => {
    expect(md.split('\n')[0]).toBe('## So sánh kế hoạch plans/2022');
    expect(md).toContain('### Nhiệm vụ (Phụ lục 1)');
    expect(md).toContain('| STT | Nội dung chi | Trước | Sau | Chênh lệch | Thay đổi |');
    expect(md).toContain('|  | **Tổng cộng** | **20.000.000** | **21.000.000** | **+1.000.000** |  |');
    expect(md).toContain('**Đánh số lại (27):** 1–27 → 2–28');
    expect(md).toContain('~~Truyền~~ **Tuyên** truyền, quán triệt …');
  });

  it('escapes what would break a table or add markup', () => {
    expect(md).toContain('Nhiệm vụ mới \\| có dấu \\*sao\\*');
    expect(escapeMarkdown('a|b\nc <x> _y_')).toBe('a\\|b c \\<x\\> \\_y\\_');
  });

  it('every table row has as many cells as its header', () => {
    const lines = md.split('\n');
    let cols = 0;
    for (const l of lines) {
      if (!l.startsWith('|')) {
        cols = 0;
        continue;
      }
      const n = l.replace(/\\\|/g, '').split('|').length - 2;
      if (cols === 0) cols = n;
      else expect(n, l).toBe(cols);
    }
  });
});

describe('json', () => {
  it('keeps the documented shape, money as whole-đồng numbers', () => {
    const j = diffAsJson(diffPlans(P2022, edited(), sides), 'vi') as DiffJson;
    expect(j).not.toHaveProperty('version');
    expect(j.changed).toBe(true);
    expect(j.a).toEqual({ source: 'git', path: 'plans/2022', revision: 'v1', commit: 'a'.repeat(40), year: 2022 });
    expect(j.counts).toMatchObject({ metadata: 3, tasksAdded: 1, tasksRenumbered: 27, tasksChanged: 2, budgetLines: 2 });
    expect(j.budget.total).toEqual({ before: 20_000_000, after: 21_000_000, delta: 1_000_000 });
    expect(j.budget.changed[0]?.changes[1]).toEqual({ field: 'amount', before: 2_000_000, after: 2_900_000, delta: 900_000 });
    expect(j.tasks.renumberedRanges).toEqual([{ before: [1, 27], after: [2, 28], shift: 1, count: 27 }]);
    expect(() => JSON.stringify(j)).not.toThrow();
  });

  it('writes an amount beyond 2^53 as a string of digits, exactly', () => {
    const a = structuredClone(MINI);
    const b = structuredClone(MINI);
    // Two lines near the safe limit: their sum is not a safe integer.
    a.budget.lines = [
      { no: 1, content: 'A', amount: Number.MAX_SAFE_INTEGER },
      { no: 2, content: 'B', amount: Number.MAX_SAFE_INTEGER },
    ] as Plan['budget']['lines'];
    b.budget.lines = [{ no: 1, content: 'A', amount: Number.MAX_SAFE_INTEGER }] as Plan['budget']['lines'];
    const j = diffAsJson(diffPlans(a, b), 'en') as DiffJson;
    expect(j.budget.total.before).toBe((2n * BigInt(Number.MAX_SAFE_INTEGER)).toString());
    expect(j.budget.total.after).toBe(Number.MAX_SAFE_INTEGER);
  });
});
