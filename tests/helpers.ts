/**
 * Shared by all three tiers: fixture paths, in-process checks over a fixture folder, the
 * command line run in-process (runCli: the current source, with its output captured), and
 * a spawned run of the built CLI with NO_COLOR=1 (spawnCli; tests/global-setup.ts builds
 * it first when the source changed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlan } from '../src/load/index.js';
import { parseSource } from '../src/yaml/source.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'cchc.cjs');
export const PLAN_2022 = path.join(ROOT, 'plans', '2022');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

export function fixturePlan(name: string): string {
  return path.join(FIXTURES, 'plans', name);
}

/** Check a plan folder in-process; diagnostics have paths relative to the folder. */
export function checkFolder(dir: string) {
  const { plan, diagnostics } = loadPlan(dir, { cwd: dir });
  return { plan, diagnostics };
}

/** Copy a plan to a temporary folder (named like the original) so a test can break it. */
export function copyPlan(src: string, name = path.basename(src)): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'cchc-test-'));
  const dir = path.join(root, name);
  cpSync(src, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a run sees: the test process's, with NO_COLOR=1 and no FORCE_COLOR or CCHC_LANG unless asked. */
function runEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CCHC_LANG: undefined, COLUMNS: undefined, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

/** The built CLI (dist/), spawned: for what only a real process shows (pipes, stdin, exit). */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: runEnv(opts.env),
    encoding: 'utf8',
    input: opts.input,
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The command line run in-process on the current source: the same main() the built CLI
 * runs, with the working folder, environment and standard streams of this call only. Runs
 * one at a time (a test file's tests are sequential; each file has its own process).
 */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const { main } = await import('../src/cli/main.js');
  const { redirectOutput, resetOutput } = await import('../src/cli/stdio.js');
  const savedEnv = process.env;
  const savedCwd = process.cwd();
  const savedExit = process.exitCode;
  let stdout = '';
  let stderr = '';
  process.env = runEnv(opts.env);
  process.chdir(opts.cwd ?? ROOT);
  process.exitCode = undefined;
  resetOutput();
  redirectOutput((fd, text) => {
    if (fd === 1) stdout += text;
    else stderr += text;
  });
  try {
    await main([process.execPath, BIN, ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    redirectOutput(undefined);
    process.env = savedEnv;
    process.chdir(savedCwd);
    process.exitCode = savedExit;
  }
}

/** Parse YAML text as a named file, for unit tests of the source layer. */
export function source(text: string, name = 'test.yaml') {
  return parseSource(name, text);
}

/** The code and position of each diagnostic, for assertions that do not depend on wording. */
export function where(ds: readonly { code: string; file: string; line: number; column: number }[]) {
  return ds.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
}

/** Every YAML file below a folder. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Problems with the first-line `$schema` comments of the YAML files below a folder. */
export function schemaCommentProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const file of yamlFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const m = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    if (!m) {
      problems.push(`${file}: no $schema comment on the first line`);
      continue;
    }
    const target = path.resolve(path.dirname(file), m[1]!);
    if (!existsSync(target) || !statSync(target).isFile()) {
      problems.push(`${file}: ${m[1]} does not resolve`);
      continue;
    }
    const kind = /^kind: (\w+)$/m.exec(text)?.[1]?.toLowerCase();
    const id = JSON.parse(readFileSync(target, 'utf8')).$id as string;
    if (!kind || !id.endsWith(`:${kind}`)) problems.push(`${file}: kind ${kind} but schema ${id}`);
  }
  return problems;
}

/** git with a fixed identity and no user or system configuration, for repositories made by tests. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'cchc test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'cchc test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Stage everything and commit (empty commits allowed), optionally tagging the commit. */
export function commitAll(cwd: string, message: string, tag?: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
  if (tag) git(cwd, 'tag', tag);
}

/** A report as it comes out of JSON: bigint money becomes a number (or a string beyond 2^53). */
export type Json<T> = T extends bigint ? number | string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** A copy of the mini fixture plan whose first task's title is `title`, as written in YAML (quotes included). */
export function miniWithFirstTitle(title: string): { dir: string; cleanup: () => void } {
  const copy = copyPlan(fixturePlan('mini'));
  const file = path.join(copy.dir, 'tasks.yaml');
  const text = readFileSync(file, 'utf8');
  const m = /^( {4}title: )(.+)$/m.exec(text)!;
  writeFileSync(file, text.replace(m[0], `${m[1]}${title}`));
  return copy;
}
