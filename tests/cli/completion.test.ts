/**
 * Shell completion (issue 13, item 6; docs/completion.md). The bash script is loaded into a
 * real bash, which is then asked as it asks on Tab: COMP_WORDS and COMP_CWORD set, the
 * completion function called, COMPREPLY read; the fish script is asked by a real fish
 * (`complete -C`), the zsh script called in a real zsh with compsys's builtins stood in
 * for. The scripts call the built cchc (a `cchc` on PATH that runs bin/cchc.cjs). The candidates themselves are also checked in-process
 * through the hidden `cchc __complete`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyPlan, fixturePlan, ROOT, runCli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A folder with a `cchc` that runs the built CLI, for PATH. */
function shim(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'cchc');
  writeFileSync(file, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(file, 0o755);
  return t.dir;
}
const BIN_DIR = shim();

/** Run bash with the completion script loaded; `script` follows. */
function bash(script: string, cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `source <(cchc completion bash)\n${script}`], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${BIN_DIR}:${process.env.PATH}`, HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** COMPREPLY for a command line typed so far (the last word is the one being completed). */
function complete(words: string[], cwd = ROOT): string[] {
  const quoted = ['cchc', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = bash(`COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}; _cchc; printf '%s\\n' "\${COMPREPLY[@]}"`, cwd);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('cchc completion bash, in a real bash', () => {
  it('registers the function for cchc', () => {
    const r = bash('complete -p cchc');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('complete -F _cchc cchc');
  });

  it('completes commands', () => {
    expect(complete(['sta'])).toEqual(['status']);
    expect(complete([''])).toEqual(expect.arrayContaining(['validate', 'status', 'budget', 'export', 'record', 'form', 'import', 'completion']));
    expect(complete([''])).not.toContain('__complete');
  });

  it('completes flags, and the values of flags with choices', () => {
    expect(complete(['status', '--p'])).toEqual(['--period']);
    expect(complete(['validate', '--format', ''])).toEqual(['text', 'json', 'github', 'sarif']);
    expect(complete(['diff', '-f', 'm'])).toEqual(['markdown']);
    expect(complete(['record', '--status', ''])).toEqual(['not-started', 'in-progress', 'done']);
    expect(complete(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes plan folders, unit ids and periods of the plan', () => {
    expect(complete(['status', ''])).toEqual(['plans/2022']);
    expect(complete(['status', '--unit', 'th'])).toEqual(['thanh-tra']);
    expect(complete(['status', 'plans/2022', '--period', '2022-'])).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2022-6M', '2022-9M']);
  });

  it('inside a plan folder: that plan’s units, even when the plan has errors (no check is run)', () => {
    const { dir, cleanup } = copyPlan(fixturePlan('status-ten'));
    cleanups.push(cleanup);
    const tasks = path.join(dir, 'tasks.yaml');
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace(/lead: \[([a-z-]+)\]/, 'lead: [$1-x]'));
    expect(complete(['form', '--unit', 'kt', '--unit', 'k'], dir)).toEqual(['kt']);
    expect(complete(['report', '--period', ''], dir)).toContain('2024-9M');
  });

  it('falls back to file names where a file is expected', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    writeFileSync(path.join(t.dir, 'bao-cao.xlsx'), '');
    mkdirSync(path.join(t.dir, 'bieu-mau'));
    expect(complete(['export', '-o', 'bao'], t.dir)).toEqual(['bao-cao.xlsx']);
    expect(complete(['import', 'bi'], t.dir)).toEqual(['bieu-mau']);
  });

  it('validate and fmt take files as well as folders', () => {
    expect(complete(['validate', 'plans/2022/ta'])).toEqual(['plans/2022/tasks.yaml']);
    expect(complete(['fmt', '--nfc', 'plans/2022/bu'])).toEqual(['plans/2022/budget.yaml']);
  });

  it('--lang before the command: its values, then the command as usual', () => {
    expect(complete(['--lang', ''])).toEqual(['vi', 'en']);
    expect(complete(['--lang', 'en', 'sta'])).toEqual(['status']);
    expect(complete(['--lang', 'en', 'status', '--unit', 'th'])).toEqual(['thanh-tra']);
    expect(complete(['status', '--lang', ''])).toEqual(['vi', 'en']);
  });

  it('cchc help COMMAND', () => {
    expect(complete(['help', 'bu'])).toEqual(['budget']);
  });
});

describe('the scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('cchc completion %s asks cchc __complete', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cchc __complete --');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('each script is valid in its shell (bash -n, zsh -n, fish --no-execute)', async () => {
    for (const [shell, args] of [
      ['bash', ['-n']],
      ['zsh', ['-n']],
      ['fish', ['--no-execute']],
    ] as const) {
      const file = path.join(BIN_DIR, `completion.${shell}`);
      writeFileSync(file, (await runCli(['completion', shell])).stdout);
      const r = spawnSync(shell, [...args, file], { encoding: 'utf8' });
      expect(r.error, `${shell} is needed by the tests (.ci/run installs it)`).toBeUndefined();
      expect(r.status, `${shell}: ${r.stderr}`).toBe(0);
    }
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cchc: không có mã hoàn thành lệnh cho "tcsh"\n  chọn bash, zsh hoặc fish, ví dụ: cchc completion bash\n');
  });
});

describe('cchc __complete, in-process', () => {
  it('prints the candidates one per line and exits 0, also for words it does not know', async () => {
    const r = await runCli(['__complete', '--', 'status', '--unit', 'van']);
    expect(r).toEqual({ code: 0, stdout: 'van-phong\n', stderr: '' });
    expect(await runCli(['__complete', '--', 'nosuch', ''])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a year for cchc new: the one after the newest plan', async () => {
    expect((await runCli(['__complete', '--', 'new', ''])).stdout).toBe('2023\n');
  });

  it('a value flag consumes the next word: the plan after it is still the first argument', async () => {
    expect((await runCli(['__complete', '--', 'status', '--as-of', '2022-06-30', 'pl'])).stdout).toBe('plans/2022\n');
    expect((await runCli(['__complete', '--', 'status', '--as-of', ''])).stdout).toBe('');
  });
});

/** Run a shell with PATH holding the built cchc, in the bundled repository. */
function shell(cmd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: `${BIN_DIR}:${process.env.PATH}`, HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cchc completion fish, in a real fish', () => {
  it('completes commands and the periods of the plan, as fish asks on Tab (complete -C)', () => {
    const r = shell('fish', [
      '--no-config',
      '-c',
      'cchc completion fish | source; complete -C "cchc val"; echo ---; complete -C "cchc status --period 2022-Q"',
    ]);
    expect(r.stderr).toBe('');
    const [commands, periods] = r.stdout.split('---\n');
    expect(commands!.split('\n').filter(Boolean)).toEqual(['validate']);
    expect(periods!.split('\n').filter(Boolean)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
  });
});

describe('cchc completion zsh, in a real zsh', () => {
  // compsys needs a terminal; its builtins are stood in for by functions that print what
  // they are given, and the completion function is called as zsh calls it on Tab.
  const stubs = 'compdef() { :; }; compadd() { shift; print -l -- "$@"; }; _files() { print -- ":files $*"; };';
  const call = (words: string[]) => `words=(cchc ${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length + 1}; _cchc`;

  it('completes commands, flag values, and falls back to files where a file is expected', () => {
    const r = shell('zsh', [
      '-f',
      '-c',
      `${stubs} source <(cchc completion zsh); ${call(['val'])}; print -r -- ---; ${call(['status', '--lang', ''])}; print -r -- ---; ${call(['import', ''])}`,
    ]);
    expect(r.stderr).toBe('');
    const [commands, langs, files] = r.stdout.split('---\n').map((x) => x.split('\n').filter(Boolean));
    expect(commands).toEqual(['validate']);
    expect(langs).toEqual(['vi', 'en']);
    expect(files).toEqual([':files ']);
  });
});
