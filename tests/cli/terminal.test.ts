/**
 * Terminal manners (issue 13, item 7): FORCE_COLOR=0 turns colour off on a terminal; a
 * progress line appears only on a terminal outside CI and is erased at the end; SARIF URIs
 * are percent-encoded and name no home page the project does not have.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, fixturePlan, spawnCli, tempDir } from '../helpers.js';
import { colorEnabled } from '../../src/render/style.js';
import { progressWanted, startProgress } from '../../src/cli/progress.js';

/** The parts of a SARIF 2.1.0 log that the test below reads. */
interface SarifLog {
  runs: {
    tool: { driver: { informationUri?: string } };
    results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

/** Run the built CLI on a pseudo-terminal (util-linux `script`), stdout and stderr both. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'CI'].includes(k)) clean[k] = v;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...clean, TERM: 'xterm', ...env } });
  return r.stdout;
}

describe('colour', () => {
  it('FORCE_COLOR=0 turns colour off even on a terminal', () => {
    expect(colorEnabled({ env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { FORCE_COLOR: 'false' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: {}, isTTY: true })).toBe(true);
    expect(colorEnabled({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(colorEnabled({ env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false })).toBe(false);
  });

  it('through the real CLI on a pseudo-terminal', () => {
    const plan = fixturePlan('budget-float');
    expect(onTerminal(['validate', plan], {})).toContain('\u001b[');
    const off = onTerminal(['validate', plan], { FORCE_COLOR: '0' });
    expect(off).toContain('budget.yaml:');
    expect(off).not.toContain('\u001b[');
  });
});

describe('progress line', () => {
  const fakeStream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, stream: { isTTY, columns: 60, write: (s: string) => out.push(s) } };
  };

  it('draws in place on a terminal, counted, and erases itself at the end', () => {
    const { out, stream } = fakeStream(true);
    let t = 0;
    const p = startProgress('vi', { stream, env: {}, delayMs: 0, now: () => t });
    p.update('Đang kiểm tra', 0, 12000);
    t = 1500;
    p.update('Đang kiểm tra', 6000, 12000);
    p.end();
    expect(out).toEqual(['\rĐang kiểm tra 0/12.000 (0%) · 0 s\u001b[K', '\rĐang kiểm tra 6.000/12.000 (50%) · 1 s\u001b[K', '\r\u001b[K']);
  });

  it('shows nothing for short work, in a pipe or in CI', () => {
    for (const [isTTY, env, delayMs] of [
      [true, {}, 400],
      [false, {}, 0],
      [true, { CI: 'true' }, 0],
      [true, { TERM: 'dumb' }, 0],
    ] as const) {
      const { out, stream } = fakeStream(isTTY);
      const p = startProgress('en', { stream, env, delayMs, now: () => 100 });
      p.update('Checking', 1, 2);
      p.end();
      expect(out, JSON.stringify({ isTTY, env, delayMs })).toEqual([]);
    }
    expect(progressWanted({ isTTY: true, write: () => true }, { CI: '0' })).toBe(true);
  });

  it('validate of many folders writes no progress to a pipe', () => {
    const r = spawnCli(['validate', path.dirname(fixturePlan('mini'))], { env: { CI: undefined } });
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\u001b[K');
  });
});

describe('SARIF', () => {
  it('percent-encodes file URIs and has no informationUri', () => {
    const { dir, cleanup } = tempDir();
    try {
      const plan = path.join(dir, 'kế hoạch #1', '2024 50%');
      mkdirSync(path.dirname(plan), { recursive: true });
      cpSync(fixturePlan('mini'), plan, { recursive: true });
      const tasks = path.join(plan, 'tasks.yaml');
      writeFileSync(tasks, readFileSync(tasks, 'utf8').replace(/lead: \[([a-z-]+)\]/, 'lead: [$1-khong-co]'));
      const r = spawnCli(['validate', '-f', 'sarif', 'kế hoạch #1'], { cwd: dir });
      expect(r.code).toBe(1);
      const sarif = JSON.parse(r.stdout) as SarifLog;
      expect(sarif.runs[0]!.tool.driver.informationUri).toBeUndefined();
      const uris: string[] = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(uris).toContain('k%E1%BA%BF%20ho%E1%BA%A1ch%20%231/2024%2050%25/tasks.yaml');
      for (const u of uris) expect(u).toMatch(/^[A-Za-z0-9\-._~%/]+$/);
    } finally {
      cleanup();
    }
  });
});
