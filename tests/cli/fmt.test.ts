/**
 * NFD input (issue 13, item 8): a plan saved in NFD (macOS) gets one `text/not-nfc` warning
 * per file; carets are placed by grapheme width; `cchc fmt --nfc` rewrites the files to NFC
 * and changes nothing else (comments, quoting, order, line ends, BOM), atomically, and does
 * not touch a file already in NFC.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePlan, runCli, tempDir } from '../helpers.js';
import { makeChalk } from '../../src/render/style.js';
import { diagnosticAsText } from '../../src/render/diagnostics.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { nfcRewrite } from '../../src/cli/commands/fmt.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A copy of the mini fixture with every file saved in NFD, as macOS editors may. */
function nfdPlan(): { root: string; dir: string; files: string[]; original: Map<string, Buffer> } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'plans', '2023');
  cpSync(fixturePlan('mini'), dir, { recursive: true });
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.yaml')), ...readdirSync(path.join(dir, 'progress')).map((f) => `progress/${f}`)];
  const original = new Map<string, Buffer>();
  for (const f of files) {
    const p = path.join(dir, f);
    original.set(f, readFileSync(p));
    writeFileSync(p, readFileSync(p, 'utf8').normalize('NFD'));
  }
  return { root: t.dir, dir, files, original };
}

describe('NFD input', () => {
  it('one text/not-nfc warning per file, not one per string', async () => {
    const { root, files } = nfdPlan();
    const r = await runCli(['validate', '-f', 'json', 'plans/2023'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const nfc = (JSON.parse(r.stdout).diagnostics as Diagnostic[]).filter((d) => d.code === 'text/not-nfc');
    // Every file of the fixture has Vietnamese strings; each is named once.
    expect(nfc.map((d) => d.file).sort()).toEqual(files.map((f) => `plans/2023/${f}`).sort());
    for (const d of nfc) expect(d.line).toBeGreaterThan(0);
  });

  it('cchc fmt --nfc restores every file byte for byte: comments, quoting and order kept', async () => {
    const { root, dir, files, original } = nfdPlan();
    const check = await runCli(['fmt', '--nfc', '--check', 'plans/2023'], { cwd: root });
    expect(check.code).toBe(1);
    expect(readFileSync(path.join(dir, 'tasks.yaml'), 'utf8')).not.toBe(original.get('tasks.yaml')!.toString('utf8'));
    const r = await runCli(['fmt', '--nfc', 'plans/2023'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('plans/2023/tasks.yaml');
    for (const f of files) expect(readFileSync(path.join(dir, f)).equals(original.get(f)!), f).toBe(true);
    const v = await runCli(['validate', '-f', 'json', 'plans/2023'], { cwd: root });
    expect((JSON.parse(v.stdout).diagnostics as Diagnostic[]).filter((d) => d.code === 'text/not-nfc')).toEqual([]);
    // No temporary file left beside them.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a file already in NFC is not written at all; run from inside the plan it finds the plan', async () => {
    const { dir, files } = nfdPlan();
    expect((await runCli(['fmt', '--nfc'], { cwd: dir })).code).toBe(0);
    const before = files.map((f) => statSync(path.join(dir, f)).mtimeMs);
    const again = await runCli(['fmt', '--nfc'], { cwd: path.join(dir, 'progress') });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Đã chuẩn hoá 0\/\d+ tệp/);
    expect(files.map((f) => statSync(path.join(dir, f)).mtimeMs)).toEqual(before);
    expect((await runCli(['fmt', '--nfc', '--check'], { cwd: dir })).code).toBe(0);
  });

  it('keeps a BOM, CRLF line ends, comments in NFD, single and double quotes, and the file mode', async () => {
    const { root, dir } = nfdPlan();
    const units = path.join(dir, 'units.yaml');
    const nfcText = '\uFEFF' + readFileSync(units, 'utf8').normalize('NFC').replace(/\n/g, '\r\n') + "# ghi chú: 'Phòng' \"Tư pháp\"\r\nextra: 'Tiến độ'\r\n";
    writeFileSync(units, nfcText.normalize('NFD'));
    chmodSync(units, 0o640);
    expect((await runCli(['fmt', '--nfc', 'plans/2023/units.yaml'], { cwd: root })).code).toBe(0);
    expect(readFileSync(units, 'utf8')).toBe(nfcText);
    expect(statSync(units).mode & 0o777).toBe(0o640);
  });

  it('refuses what it must not rewrite: no --nfc, a link out of the folder', async () => {
    const { root, dir } = nfdPlan();
    const noNfc = await runCli(['fmt', 'plans/2023'], { cwd: root });
    expect(noNfc.code).toBe(2);
    // The hint is the command to run: the same paths, with --nfc.
    expect(noNfc.stderr).toContain('\n  cchc fmt --nfc plans/2023\n');
    const outside = path.join(root, 'outside.yaml');
    writeFileSync(outside, 'x: Tie\u0302\u0301n\n');
    symlinkSync(outside, path.join(dir, 'references.yaml'));
    const r = await runCli(['fmt', '--nfc', 'plans/2023'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('references.yaml');
    expect(readFileSync(outside, 'utf8')).toBe('x: Tie\u0302\u0301n\n');
    // The other files were still fixed.
    expect(readFileSync(path.join(dir, 'tasks.yaml'), 'utf8')).toBe(readFileSync(path.join(dir, 'tasks.yaml'), 'utf8').normalize('NFC'));
  });

  it('nfcRewrite counts the lines it changes and leaves NFC text alone', () => {
    expect(nfcRewrite('a: Tiến\nb: x\n')).toBeUndefined();
    expect(nfcRewrite('a: Tie\u0302\u0301n\nb: x\nc: Ca\u0309i\n\u1EBF\u0301\n')).toEqual({ text: 'a: Tiến\nb: x\nc: Cải\n\u1EBF\u0301\n', lines: 2 });
  });
});

describe('carets by grapheme width', () => {
  const c = makeChalk(false);
  const caretColumn = (out: string) => {
    const [, excerpt, caret] = out.split('\n');
    return { excerpt: excerpt!, pad: caret!.indexOf('^') - caret!.indexOf('|') - 2, len: caret!.trim().replace(/^\|\s*/, '').length };
  };
  const diag = (excerpt: string, target: string): Diagnostic => {
    const col = excerpt.indexOf(target) + 1;
    return {
      code: 'task/unknown-unit',
      severity: 'error',
      file: 'tasks.yaml',
      line: 3,
      column: col,
      endLine: 3,
      endColumn: col + target.length,
      params: { id: 'x', suggestion: '' },
      excerpt,
    };
  };

  it('NFD letters count one column each, so the caret is under the finding', () => {
    const excerpt = '    title: Tie\u0302\u0301n \u0111o\u0323\u0302 ca\u0309i ca\u0301ch, lead: [van-phong2]';
    const out = caretColumn(diagnosticAsText(diag(excerpt, 'van-phong2'), 'vi', c, 120));
    const nfcPrefix = excerpt.slice(0, excerpt.indexOf('van-phong2')).normalize('NFC');
    expect(out.pad).toBe(nfcPrefix.length);
    expect(out.len).toBe('van-phong2'.length);
  });

  it('wide characters count two columns', () => {
    const excerpt = '  note: 行政改革 😀 lead: [sai]';
    const out = caretColumn(diagnosticAsText(diag(excerpt, 'sai'), 'vi', c, 120));
    expect(out.pad).toBe('  note: '.length + 4 * 2 + 1 + 2 + ' lead: ['.length);
  });

  it('a long NFD line is cut around the finding and the caret still lines up', () => {
    const word = 'Tie\u0302\u0301n \u0111o\u0323\u0302 ';
    const excerpt = '    title: ' + word.repeat(400) + 'X' + word.repeat(400);
    const out = diagnosticAsText(diag(excerpt, 'X'), 'vi', c, 80);
    const [, line, caret] = out.split('\n');
    const shown = line!.slice(line!.indexOf('|') + 2);
    const at = caret!.indexOf('^') - caret!.indexOf('|') - 2;
    expect([...new Intl.Segmenter().segment(shown)].map((s) => s.segment)[at]).toBe('X');
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
  });
});
