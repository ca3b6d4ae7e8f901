/**
 * Shared by the hostile suites (hostile.test.ts, bounded.test.ts): hostile and broken
 * input, as CI will meet it: each case breaks a copy of the `mini`
 * fixture (or the path itself) in one way and runs the CLI: in-process on the current
 * source (runCli), or, where the size of the input is the point, the built CLI spawned with a
 * 300 MB heap and a hang guard (killed after 20 s). Every case must end with its exit code
 * and diagnostic code, name the file (and the line and column where there is one), print no
 * stack trace and leave no file behind. The 2-second budget is measured by `npm run bench`,
 * not asserted here.
 */
import { expect } from 'vitest';
import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, copyPlan, fixturePlan, runCli, type CliResult } from '../helpers.js';

export interface HostileCase {
  name: string;
  /** Break the plan copy at `dir`; return the CLI arguments (default: validate the folder). */
  setup(dir: string): string[] | void;
  exit: 1 | 2;
  code: string;
  /** Where the finding must point: `file` or `file:line:col` (relative to the copy's parent). */
  at: string;
  /** Run as an unprivileged user (a permission test is meaningless as root). */
  unprivileged?: boolean;
  /** Text that must not reach the output (content from outside the repository). */
  absent?: string;
}

export const SECRET = 'SECRET-TOKEN-do-not-print';

export const edit = (dir: string, file: string, f: (t: string) => string) => {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
};
export const replace = (dir: string, file: string, from: string, to: string) =>
  edit(dir, file, (t) => {
    if (!t.includes(from)) throw new Error(`${from} not in ${file}`);
    return t.replace(from, to);
  });

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The built CLI, spawned with a 300 MB heap (issue 12) and a 20 s hang guard. */
function spawnGuarded(args: string[], cwd: string, unprivileged: boolean): CliResult & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=300', BIN, 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(unprivileged ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/**
 * Run one case and check its answer. `spawned`: through the built CLI under the memory and
 * hang guards (bounded work); otherwise in-process. A case that must run as an unprivileged
 * user is always spawned.
 */
export async function runCase(c: HostileCase, cleanups: Array<() => void>, how: 'in-process' | 'spawned' = 'in-process'): Promise<void> {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'), 'plan');
  cleanups.push(cleanup);
  const root = path.dirname(dir);
  const args = c.setup(dir) ?? [dir];
  const before = listTree(root);
  const unprivileged = Boolean(c.unprivileged && isRoot);
  if (unprivileged) {
    // Let "nobody" reach the copy; the test's point is the unreadable file itself.
    chmodSync(root, 0o755);
  }
  const r =
    how === 'spawned' || unprivileged ? spawnGuarded(args, root, unprivileged) : { ...(await runCli(['validate', ...args], { cwd: root })), signal: null };
  const out = r.stdout + r.stderr;
  expect(r.signal, 'killed by the hang guard').toBeNull();
  expect({ exit: r.code, code: out.includes(` ${c.code}:`) }).toEqual({ exit: c.exit, code: true });
  // The finding names the file, and the line and column where the input has them.
  const lines = out.split('\n').filter((l) => l.includes(` ${c.code}:`));
  expect(lines.some((l) => l.startsWith(c.at))).toBe(true);
  expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(out).not.toMatch(/lỗi nội bộ|internal error|TypeError|RangeError|ReferenceError|Warning:/);
  // The terminal is not driven by the file's own escape codes.
  expect(r.stdout).not.toMatch(/\u001b/);
  expect(listTree(root)).toEqual(before);
  if (c.absent) expect(out).not.toContain(c.absent);
}
