/**
 * cchc diff in-process, on repositories built in a temporary folder with real git commits.
 * Git runs with a throw-away identity and no global or system configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { comparePlans, type Compared } from '../../src/cli/commands/diff.js';
import { redirectOutput } from '../../src/cli/stdio.js';
import { UsageError } from '../../src/errors.js';
import type { Env } from '../../src/cli/io.js';
import { makeChalk } from '../../src/render/style.js';
import type { PlanDiff } from '../../src/report/diff.js';
import { PLAN_2022, commitAll, git, tempDir } from '../helpers.js';

function editYaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}

function editText(file: string, edit: (s: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(file, after);
}

function env(cwd: string, lang: 'vi' | 'en' = 'vi'): Env {
  return { lang, chalk: makeChalk(false), color: false, width: 80, cwd, now: new Date('2022-06-01T12:00:00') };
}

function diffOf(r: Compared): PlanDiff {
  if (!('diff' in r)) throw new Error(`expected a diff, got exit ${r.exit}`);
  return r.diff;
}

/** Insert a task at the top of tasks.yaml: every number shifts by one. */
function insertTaskAtTop(file: string): void {
  editYaml(file, (doc) => {
    const tasks = doc.get('tasks') as YAMLSeq<YAMLMap>;
    for (const t of tasks.items) t.set('no', (t.get('no') as number) + 1);
    tasks.items.unshift(
      doc.createNode({
        no: 1,
        id: 't00',
        area: 1,
        title: 'Rà soát, cập nhật quy chế làm việc của Sở',
        lead: ['van-phong'],
        deadline: 'Quý II/2022',
      }) as YAMLMap,
    );
  });
}

/** Two lines changed and the total, the percentage line and the words kept right. */
function raiseBudget(file: string): void {
  editText(file, (s) =>
    s
      .replace('rate: 2000000\n    amount: 2000000', 'rate: 2900000\n    amount: 2900000')
      .replace(/amount: 2000000\n(\s+)percentOf/, 'amount: 2100000\n$1percentOf')
      .replace('total: 20000000', 'total: 21000000')
      .replace('totalInWords: Hai mươi triệu đồng', 'totalInWords: Hai mươi mốt triệu đồng'),
  );
}

describe('diff between git revisions', () => {
  let repo: { dir: string; cleanup: () => void };
  let plan: string;

  beforeAll(() => {
    repo = tempDir();
    git(repo.dir, 'init', '-q');
    writeFileSync(path.join(repo.dir, 'README.md'), '# Kế hoạch CCHC\n');
    commitAll(repo.dir, 'README', 'empty');
    plan = path.join(repo.dir, 'plans', '2022');
    mkdirSync(path.dirname(plan), { recursive: true });
    cpSync(PLAN_2022, plan, { recursive: true });
    commitAll(repo.dir, 'Dự thảo gửi ngày 20/12', 'sent');

    // v2: a renamed task, a moved deadline and a new lead unit, a changed amount.
    editYaml(path.join(plan, 'tasks.yaml'), (doc) => {
      doc.setIn(
        ['tasks', 0, 'title'],
        'Tuyên truyền, quán triệt nâng cao nhận thức cho công chức, viên chức và người lao động về công tác cải cách hành chính',
      );
      doc.setIn(['tasks', 6, 'deadline'], 'Quý II/2022');
      doc.setIn(['tasks', 6, 'lead'], doc.createNode(['thanh-tra']));
    });
    raiseBudget(path.join(plan, 'budget.yaml'));
    commitAll(repo.dir, 'Sửa theo góp ý', 'v2');

    // v3: a task inserted at the top (all 27 renumbered); issued with a number and a date.
    insertTaskAtTop(path.join(plan, 'tasks.yaml'));
    editText(path.join(plan, 'plan.yaml'), (s) =>
      s
        .replace('27 nhiệm vụ', '28 nhiệm vụ')
        .replace('number: null', 'number: "45"')
        .replace('date: null', 'date: 2022-01-15')
        .replace('status: draft', 'status: issued'),
    );
    commitAll(repo.dir, 'Ban hành', 'v3');
  });

  afterAll(() => repo.cleanup());

  it('REV REV2: a rename, a moved deadline, a new lead unit and a changed amount', () => {
    const d = diffOf(comparePlans('sent', 'v2', undefined, env(repo.dir)));
    expect(d.a).toMatchObject({ source: 'git', revision: 'sent', path: 'plans/2022', year: 2022 });
    expect(d.a.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(d.b).toMatchObject({ source: 'git', revision: 'v2' });
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    expect(d.tasks.renumbered).toEqual([]);
    expect(d.tasks.changed.map((t) => [t.after.no, t.match, t.changes.map((c) => c.field)])).toEqual([
      [1, 'id', ['title']],
      [7, 'id', ['lead', 'deadline']],
    ]);
    expect(d.tasks.changed[0]!.changes[0]!.words).toEqual([{ before: 'Truyền', after: 'Tuyên', contextBefore: '', contextAfter: 'truyền, quán triệt …' }]);
    expect(d.tasks.changed[1]!.changes).toEqual([
      { field: 'lead', before: 'Văn phòng Sở', after: 'Thanh tra Sở', ids: { before: ['van-phong'], after: ['thanh-tra'] } },
      { field: 'deadline', before: 'Quý I/2022', after: 'Quý II/2022' },
    ]);
    expect(d.budget.changed.map((l) => [l.after.no, l.changes.find((c) => c.field === 'amount')?.delta])).toEqual([
      [2, 900_000n],
      [7, 100_000n],
    ]);
    expect(d.budget.total).toEqual({ before: 20_000_000n, after: 21_000_000n, delta: 1_000_000n });
    expect(d.metadata.changes).toEqual([]);
  });

  it('REV REV2: a task inserted at the top is one addition and a renumbering, and the plan is issued', () => {
    const d = diffOf(comparePlans('v2', 'v3', undefined, env(repo.dir)));
    expect(d.tasks.added).toMatchObject([{ no: 1, id: 't00', title: 'Rà soát, cập nhật quy chế làm việc của Sở' }]);
    expect(d.tasks.renumberedRanges).toEqual([{ before: [1, 27], after: [2, 28], shift: 1, count: 27 }]);
    expect(d.tasks.changed).toEqual([]);
    expect(d.metadata.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['status', 'draft', 'issued'],
      ['number', null, '45'],
      ['date', null, '2022-01-15'],
      ['annexNote', '(Kèm theo Phụ lục danh mục 27 nhiệm vụ trọng tâm)', '(Kèm theo Phụ lục danh mục 28 nhiệm vụ trọng tâm)'],
    ]);
  });

  it('REV REV2 PLAN names the plan folder; REV alone compares with the working tree', () => {
    const explicit = diffOf(comparePlans('sent', 'v3', 'plans/2022', env(repo.dir)));
    expect(explicit.tasks.added).toHaveLength(1);
    expect(explicit.tasks.changed.map((t) => t.after.no)).toEqual([2, 8]);
    const worktree = diffOf(comparePlans('v3', undefined, undefined, env(repo.dir)));
    expect(worktree.b).toEqual({ source: 'worktree', path: 'plans/2022', year: 2022 });
    expect(worktree.tasks.changed).toEqual([]);
  });

  it('REV PLAN: the second argument is a plan folder, so it is the working tree', () => {
    editYaml(path.join(plan, 'indicators.yaml'), (doc) => doc.setIn(['indicators', 1, 'targets', 0, 'value'], 90));
    try {
      const d = diffOf(comparePlans('HEAD', 'plans/2022', undefined, env(repo.dir)));
      expect(d.b.source).toBe('worktree');
      expect(d.indicators.changed).toEqual([
        {
          before: '1.2',
          after: '1.2',
          text: expect.any(String),
          changes: [
            {
              field: 'target',
              before: '= 100% (đơn vị trực thuộc có ban hành Kế hoạch cải cách hành chính)',
              after: '= 90% (đơn vị trực thuộc có ban hành Kế hoạch cải cách hành chính)',
            },
          ],
        },
      ]);
      // PLAN alone: HEAD against the working tree, as `git diff` does.
      const alone = diffOf(comparePlans('plans/2022', undefined, undefined, env(repo.dir)));
      expect(alone.a).toMatchObject({ source: 'git', revision: 'HEAD' });
      expect(alone.indicators.changed).toHaveLength(1);
    } finally {
      git(repo.dir, 'checkout', '--', '.');
    }
  });

  it('works from a sub-folder of the repository', () => {
    const d = diffOf(comparePlans('sent', 'v2', '.', env(plan)));
    expect(d.a.path).toBe('.');
    expect(d.tasks.changed).toHaveLength(2);
  });

  it('refuses an unknown revision (exit 2)', () => {
    expect(() => comparePlans('v9', undefined, undefined, env(repo.dir))).toThrow(UsageError);
    expect(() => comparePlans('v9', undefined, undefined, env(repo.dir))).toThrow(/không có phiên bản git "v9"/);
    expect(() => comparePlans('--output=x', 'v2', undefined, env(repo.dir))).toThrow(/không có phiên bản git/);
  });

  it('refuses a revision where the plan folder did not exist yet (exit 2)', () => {
    expect(() => comparePlans('empty', undefined, undefined, env(repo.dir))).toThrow(/ở phiên bản empty \([0-9a-f]{7}\) chưa có thư mục plans\/2022/);
  });

  it('issue 16.2: a broken newer revision still gives the diff, then its errors at REV:path, and exit 1', () => {
    editText(path.join(plan, 'tasks.yaml'), (s) => s.replace('lead: [van-phong]', 'lead: [van-phongg]'));
    commitAll(repo.dir, 'hỏng', 'broken');
    const err: string[] = [];
    redirectOutput((fd, text) => void (fd === 2 && err.push(text)));
    try {
      const r = comparePlans('v3', 'broken', undefined, env(repo.dir));
      expect(r.exit).toBe(1);
      expect(diffOf(r).tasks.changed.length).toBeGreaterThan(0);
      expect(err).toEqual([]);
      if ('findings' in r) r.findings();
      // The older side broken and the newer clean: the diff, the findings, exit 0.
      expect(comparePlans('broken', 'v3', undefined, env(repo.dir)).exit).toBe(0);
      const printed = err.join('');
      expect(printed).toMatch(/^broken:plans\/2022\/tasks\.yaml:\d+:\d+: lỗi task\/unknown-unit/m);
    } finally {
      redirectOutput(undefined);
      git(repo.dir, 'reset', '-q', '--hard', 'v3');
    }
  });
});

describe('diff without git', () => {
  it('compares two folders: plans/2022 and a modified copy', () => {
    const t = tempDir();
    try {
      const a = path.join(t.dir, 'a', '2022');
      const b = path.join(t.dir, 'b', '2022');
      cpSync(PLAN_2022, a, { recursive: true });
      cpSync(PLAN_2022, b, { recursive: true });
      insertTaskAtTop(path.join(b, 'tasks.yaml'));
      raiseBudget(path.join(b, 'budget.yaml'));
      const d = diffOf(comparePlans('a/2022', 'b/2022', undefined, env(t.dir)));
      expect(d.a).toEqual({ source: 'folder', path: 'a/2022', year: 2022 });
      expect(d.tasks.added.map((x) => x.no)).toEqual([1]);
      expect(d.tasks.renumbered).toHaveLength(27);
      expect(d.budget.total.delta).toBe(1_000_000n);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a revision when the plan folder is outside any git repository (exit 2)', () => {
    const t = tempDir();
    try {
      cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
      expect(() => comparePlans('HEAD', undefined, undefined, env(t.dir))).toThrow(/plans\/2022 không nằm trong kho git nào/);
      expect(() => comparePlans('plans/2022', undefined, undefined, env(t.dir))).toThrow(UsageError);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a second argument that is neither a plan folder nor a revision', () => {
    const t = tempDir();
    try {
      cpSync(PLAN_2022, path.join(t.dir, '2022'), { recursive: true });
      mkdirSync(path.join(t.dir, 'empty'));
      expect(() => comparePlans('2022', 'empty', undefined, env(t.dir))).toThrow(/empty: không phải thư mục kế hoạch/);
      expect(() => comparePlans('2022', '2022', 'x', env(t.dir))).toThrow(UsageError);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
