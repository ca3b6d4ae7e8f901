/**
 * Issue 16.7: the scoring frame as data of the plan repository. plans/scoring.yaml beside the
 * plan folders replaces the built-in frame in status and export, is cited by its source
 * document, and is checked and located like every plan file.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_2022, runCli, tempDir } from '../helpers.js';

const FRAME = `# yaml-language-server: $schema=../schemas/scoring.schema.json
id: tinh-x
criterion:
  vi: mức độ hoàn thành kế hoạch CCHC năm
  en: completion of the annual reform plan
source: Quyết định số 99/QĐ-UBND ngày 01/02/2021 của UBND tỉnh X
max: 3
bands:
  - { atLeast: 20, points: 3 }
  - { atLeast: 0, points: 0 }
`;

function repoWith(frame: string | undefined) {
  const t = tempDir();
  mkdirSync(path.join(t.dir, 'plans'), { recursive: true });
  cpSync(PLAN_2022, path.join(t.dir, 'plans', '2022'), { recursive: true });
  if (frame !== undefined) writeFileSync(path.join(t.dir, 'plans', 'scoring.yaml'), frame);
  return t;
}

describe('plans/scoring.yaml', () => {
  it('replaces the built-in frame in status, which cites its source document', async () => {
    const t = repoWith(FRAME);
    try {
      const j = await runCli(['status', 'plans/2022', '--as-of', '2022-09-14', '--json'], { cwd: t.dir });
      expect(j.code).toBe(0);
      // 6 of 27 done = 22,22%: at least 20% gives 3 of 3 in this frame (0 of 2 in the built-in one).
      expect(JSON.parse(j.stdout).score).toMatchObject({ points: 3, max: 3, frame: 'tinh-x' });
      const text = await runCli(['status', 'plans/2022', '--as-of', '2022-09-14'], { cwd: t.dir });
      expect(text.stdout.replace(/\s+/g, ' ')).toContain('Quyết định số 99/QĐ-UBND ngày 01/02/2021 của UBND tỉnh X');
      const builtIn = repoWith(undefined);
      try {
        const d = await runCli(['status', 'plans/2022', '--as-of', '2022-09-14', '--json'], { cwd: builtIn.dir });
        expect(JSON.parse(d.stdout).score).toMatchObject({ points: 0, max: 2, frame: 'default' });
      } finally {
        builtIn.cleanup();
      }
    } finally {
      t.cleanup();
    }
  });

  it('is cited in the workbook, read back by openpyxl', async () => {
    const t = repoWith(FRAME);
    try {
      const r = await runCli(['export', 'plans/2022', '--as-of', '2022-09-14', '-o', 'x.xlsx'], { cwd: t.dir });
      expect(r.code).toBe(0);
      const py = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          'import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])["Tổng hợp tiến độ"]\nprint("\\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))',
          path.join(t.dir, 'x.xlsx'),
        ],
        { encoding: 'utf8' },
      );
      expect(py.status).toBe(0);
      expect(py.stdout).toContain('Điểm tiêu chí mức độ hoàn thành kế hoạch CCHC năm: 3/3');
      expect(py.stdout).toContain('(Khung điểm theo Quyết định số 99/QĐ-UBND ngày 01/02/2021 của UBND tỉnh X)');
    } finally {
      t.cleanup();
    }
  });

  it('an invalid frame is a located error, exit 1', async () => {
    const t = repoWith(FRAME.replace('  - { atLeast: 0, points: 0 }\n', '  - { atLeast: 50, points: 1 }\n').replace('colour', ''));
    try {
      const r = await runCli(['status', 'plans/2022', '--as-of', '2022-09-14'], { cwd: t.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^plans\/scoring\.yaml:10:5: lỗi scoring\/invalid/m);
    } finally {
      t.cleanup();
    }
  });
});
