/**
 * Issue 12.4: a literal "_xHHHH_" goes through export unchanged, read back by openpyxl
 * (/usr/bin/python3) and by LibreOffice. The text checks themselves are in
 * tests/integration/text-survives.test.ts.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { miniWithFirstTitle, runCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A copy of the mini plan whose first task has this title, written as YAML (quotes included). */
function withTitle(title: string): string {
  const { dir, cleanup } = miniWithFirstTitle(title);
  cleanups.push(cleanup);
  return dir;
}

describe('export writes text exactly', () => {
  it('a literal _x000D_ reads back as written, in openpyxl and in LibreOffice', async () => {
    const literal = 'Mã _x000D_ và _x0041_ giữ nguyên';
    const dir = withTitle(`"${literal}"`);
    const { dir: out, cleanup } = tempDir();
    cleanups.push(cleanup);
    const xlsx = path.join(out, 'x.xlsx');
    const r = await runCli(['export', dir, '--sheets', 'appendix1', '-o', xlsx]);
    expect(r.code).toBe(0);
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint("\\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))',
        xlsx,
      ],
      { encoding: 'utf8' },
    );
    expect(py.status).toBe(0);
    expect(py.stdout.split('\n')).toContain(literal);
    const lo = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${out}/profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        out,
        xlsx,
      ],
      { encoding: 'utf8' },
    );
    expect(lo.status).toBe(0);
    expect(readFileSync(path.join(out, 'x.csv'), 'utf8')).toContain(literal);
  }, 60_000);
});
