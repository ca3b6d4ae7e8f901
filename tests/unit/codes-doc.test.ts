/**
 * docs/codes.md is generated from the catalogue (scripts/gen-codes.mjs); it must say what
 * CODES says. The check runs the script as a person or CI would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES, CODES } from '../../src/diagnostics/codes.js';
import { ROOT } from '../helpers.js';

const SCRIPT = path.join(ROOT, 'scripts', 'gen-codes.mjs');
const DOC = path.join(ROOT, 'docs', 'codes.md');

function check(file: string): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--check', '--out', file], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('docs/codes.md', () => {
  it('is in step with CODES (node scripts/gen-codes.mjs)', () => {
    expect(check(DOC)).toEqual({ status: 0, stderr: '' });
  });

  it('has one section per code, with its severity and both messages', () => {
    const doc = readFileSync(DOC, 'utf8');
    const sections = [...doc.matchAll(/^### `([a-z]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual([...ALL_CODES].sort());
    const info = CODES['task/unknown-unit'];
    const section = doc.split('### `task/unknown-unit`')[1]!.split('###')[0]!;
    expect(section).toContain(`*${info.severity}*`);
    expect(section).toContain('`{id}`');
  });

  it('the check fails on a copy that has drifted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-codes-doc-'));
    try {
      const stale = path.join(dir, 'codes.md');
      writeFileSync(stale, readFileSync(DOC, 'utf8').replace('### `unit/unused`', '### `unit/not-used`'));
      const r = check(stale);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('out of date');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
