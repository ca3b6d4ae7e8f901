/**
 * Help in the user's language (issue 13, item 6) and usage errors that respect --lang
 * (issue 14, item 7): Vietnamese by default, English with --lang en or CCHC_LANG=en,
 * commander's own words included; two or three examples per command within 80 columns.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/i18n/help.js';
import { USAGE, usageText } from '../../src/i18n/usage.js';
import { COMMANDS, longName, optionsOf } from '../../src/cli/spec.js';
import { fixturePlan, ROOT, runCli, tempDir } from '../helpers.js';

const LANGS = ['vi', 'en'] as const;

describe('--help', () => {
  it('is Vietnamese by default, commander’s headings included', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: cchc \[tùy chọn\] \[lệnh\]\n/);
    expect(r.stdout).toContain('\nTùy chọn:\n');
    expect(r.stdout).toContain('\nLệnh:\n');
    expect(r.stdout).toContain('hiện trợ giúp của lệnh');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });

  it('is English with --lang en, before or after the command, and with CCHC_LANG=en', async () => {
    for (const args of [
      ['--lang', 'en', '--help'],
      ['status', '--help', '--lang', 'en'],
      ['--lang=en', 'status', '--help'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: cchc/);
      expect(r.stdout).toContain('\nOptions:\n');
      expect(r.stdout).not.toMatch(/Cách dùng|Tùy chọn/);
    }
    const env = await runCli(['status', '--help'], { env: { CCHC_LANG: 'en' } });
    expect(env.stdout).toMatch(/^Usage: cchc status \[options\] \[plan\]\n/);
    expect(env.stdout).toContain('\nExamples:\n');
  });

  it('a command’s help: its arguments, options with choices and default, and examples', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.stdout).toMatch(/^Cách dùng: cchc validate \[tùy chọn\] \[đường-dẫn\.\.\.\]\n/);
    expect(r.stdout).toContain('\nTham số:\n');
    expect(r.stdout).toMatch(/-f, --format <định-dạng> +định dạng kết quả \(chọn: text, json, github, sarif;\s+mặc\s+định: text\)/);
    expect(r.stdout).toContain('\nVí dụ:\n  # kiểm tra mọi kế hoạch trong kho\n  cchc validate\n');
  });

  it.each(LANGS)('every command has 2 or 3 examples within 80 columns, and every option a description (%s)', async (lang) => {
    for (const spec of COMMANDS) {
      const help = HELP[lang].commands[spec.name]!;
      expect(help.examples.length, spec.name).toBeGreaterThanOrEqual(2);
      expect(help.examples.length, spec.name).toBeLessThanOrEqual(3);
      for (const o of optionsOf(spec)) {
        const name = longName(o.flags);
        expect(help.options?.[name] ?? HELP[lang].options[name], `${spec.name} --${name}`).toBeTruthy();
      }
      const r = await runCli([spec.name, '--help', '--lang', lang], { env: { COLUMNS: '80' } });
      expect(r.code, spec.name).toBe(0);
      const examples = r.stdout.slice(r.stdout.indexOf(HELP[lang].examples));
      for (const [, command] of help.examples) expect(examples, spec.name).toContain(`  ${command}\n`);
      for (const line of examples.split('\n')) expect(line.length, `${spec.name}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('the examples run: each one names a command and only options that command has', () => {
    for (const spec of COMMANDS) {
      const flags = new Set(optionsOf(spec).flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('-'))));
      for (const lang of LANGS) {
        for (const [, command] of HELP[lang].commands[spec.name]!.examples) {
          if (!command.startsWith('cchc ')) continue;
          expect(command.split(' ')[1], command).toBe(spec.name);
          for (const word of command.split(' ').filter((w) => w.startsWith('-'))) expect(flags.has(word), `${command}: ${word}`).toBe(true);
        }
      }
    }
  });
});

/** A help example's words, as a shell splits them ("…" kept together, the quotes dropped). */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('cchc alone and cchc help', () => {
  it('cchc alone prints the help on stdout and exits 0', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: cchc \[tùy chọn\] \[lệnh\]\n/);
    expect(r.stderr).toBe('');
    expect((await runCli(['--lang', 'en'])).stdout).toMatch(/^Usage: cchc \[options\] \[command\]\n/);
  });

  it('cchc help COMMAND is the command’s help; an unknown one is an unknown command (exit 2)', async () => {
    expect((await runCli(['help', 'budget'])).stdout).toMatch(/^Cách dùng: cchc budget /);
    const r = await runCli(['help', 'statsu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lỗi: không có lệnh 'statsu'\n(có phải status?)\n");
  });
});

describe('the width of the help', () => {
  it('follows COLUMNS, as the reports do (80 by default)', async () => {
    const narrow = (await runCli(['status', '--help'])).stdout.split('\n');
    expect(narrow.some((l) => l.startsWith('  --lang') && l.endsWith('(chọn: vi, en)'))).toBe(false);
    const wide = (await runCli(['status', '--help'], { env: { COLUMNS: '120' } })).stdout.split('\n');
    expect(wide.some((l) => l.startsWith('  --lang') && l.endsWith('(chọn: vi, en)'))).toBe(true);
    for (const line of wide) expect([...line].length).toBeLessThanOrEqual(120);
  });
});

describe('a required option', () => {
  it('says so in its help line', async () => {
    expect((await runCli(['form', '--help'])).stdout).toMatch(/-o, --out <thư-mục> +thư mục ghi biểu mẫu \(bắt buộc\)\n/);
    expect((await runCli(['form', '--help', '--lang', 'en'])).stdout).toMatch(/-o, --out <dir> +folder for the forms \(required\)\n/);
  });
});

describe('CCHC_LANG and --lang', () => {
  it('the flag wins: an invalid CCHC_LANG is not an error when --lang is given', async () => {
    const r = await runCli(['--lang', 'en', 'status', '--help'], { env: { CCHC_LANG: 'fr' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cchc status/);
    const bad = await runCli(['status', '--help'], { env: { CCHC_LANG: 'fr' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CCHC_LANG');
  });
});

describe('the examples of the help', () => {
  // Run as written on a copy of the bundled plan. Left out: diff (git history), import (filled
  // forms), init and new (new repositories and plans, tested in their own files), completion
  // (a redirection).
  const RUNNABLE = ['validate', 'status', 'budget', 'export', 'doc', 'report', 'refs', 'record', 'form', 'fmt'];
  it.each(LANGS)(
    'succeed on the bundled plan (%s)',
    async (lang) => {
      const { dir, cleanup } = tempDir();
      try {
        cpSync(path.join(ROOT, 'plans', '2022'), path.join(dir, 'plans', '2022'), { recursive: true });
        for (const name of RUNNABLE) {
          for (const [, command] of HELP[lang].commands[name]!.examples) {
            const r = await runCli(words(command).slice(1), { cwd: dir });
            // 0, or 1 where --strict turns the plan's one warning into a failure.
            expect(r.code, `${command}\n${r.stderr}`).toBe(command.includes('--strict') ? 1 : 0);
          }
        }
      } finally {
        cleanup();
      }
    },
    120_000,
  );
});

describe('commander’s errors in the language of the run', () => {
  it.each([
    [['status', '--formt', 'json'], "lỗi: không có tùy chọn '--formt'\n(có phải --format?)\n", "error: unknown option '--formt'\n(Did you mean --format?)\n"],
    [['stauts'], "lỗi: không có lệnh 'stauts'\n(có phải status?)\n", "error: unknown command 'stauts'\n(Did you mean status?)\n"],
    [['diff'], "lỗi: thiếu tham số bắt buộc 'a'\n", "error: missing required argument 'a'\n"],
    [['status', '--as-of'], "lỗi: tùy chọn '--as-of <ngày>' cần một giá trị\n", "error: option '--as-of <date>' argument missing\n"],
    [
      ['validate', '-f', 'xml'],
      "lỗi: tùy chọn '-f, --format <định-dạng>' không nhận giá trị 'xml'; chọn một trong: text, json, github, sarif\n",
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, github, sarif.\n",
    ],
    [['form', fixturePlan('mini')], "lỗi: thiếu tùy chọn bắt buộc '-o, --out <thư-mục>'\n", "error: required option '-o, --out <dir>' not specified\n"],
    [
      ['new', '2024', '2025'],
      "lỗi: thừa tham số cho lệnh 'new': cần tối đa 1, có 2\n",
      "error: too many arguments for 'new'. Expected 1 argument but got 2.\n",
    ],
  ])('%j', async (args, vi, en) => {
    const v = await runCli(args);
    expect(v.code).toBe(2);
    expect(v.stderr).toBe(vi);
    const e = await runCli(args, { env: { CCHC_LANG: 'en' } });
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(en);
  });
});

describe('usage errors follow --lang, including those raised while loading', () => {
  it.each([
    [['status', 'no-such-folder'], 'cchc: không tìm thấy đường dẫn: no-such-folder\n', 'cchc: path does not exist: no-such-folder\n'],
    [['status', 'docs'], 'cchc: docs: không phải thư mục kế hoạch (thiếu plan.yaml)\n', 'cchc: docs: not a plan folder (no plan.yaml)\n'],
    [['new', '23'], 'cchc: năm phải là số có 4 chữ số, có "23"\n', 'cchc: the year must have 4 digits, got "23"\n'],
    [
      ['diff', 'plans/2022', 'docs'],
      'cchc: docs: không phải thư mục kế hoạch (thiếu plan.yaml)\n  so sánh hai thư mục: cchc diff PLAN_A PLAN_B\n',
      'cchc: docs: not a plan folder (no plan.yaml)\n  to compare two folders: cchc diff PLAN_A PLAN_B\n',
    ],
  ])('%j', async (args, vi, en) => {
    expect((await runCli(args)).stderr).toBe(vi);
    expect((await runCli([...args, '--lang', 'en'])).stderr).toBe(en);
  });

  it('no plan found, from a folder outside any plan repository', async () => {
    const vi = await runCli(['validate'], { cwd: '/' });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(
      'cchc: không tìm thấy kế hoạch nào trong / hay các thư mục cha (cần plans/ hoặc plan.yaml)\n  tạo kho kế hoạch mới bằng: cchc init\n',
    );
    const en = await runCli(['validate', '--lang', 'en'], { cwd: '/' });
    expect(en.stderr).toBe('cchc: no plan found in / or above (looked for plans/ or plan.yaml)\n  start a plan repository with: cchc init\n');
  });

  it('the catalogue has both languages for every key, and neither mixes in the other', () => {
    for (const key of Object.keys(USAGE) as Array<keyof typeof USAGE>) {
      expect(Object.keys(USAGE[key]).sort(), key).toEqual(['en', 'vi']);
    }
    const vi = usageText('notPlanFolder', { path: 'x', compare: true }, 'vi');
    const en = usageText('notPlanFolder', { path: 'x', compare: true }, 'en');
    expect(vi.message).not.toContain(' / ');
    expect(en.message).not.toMatch(/[ăâđêôơư]/);
  });

  it('no usage error in src is written inline: each comes from a catalogue', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
    const inline = files(path.join(ROOT, 'src')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/new UsageError\(\s*['"`]/g)].map((m) => `${path.relative(ROOT, f)}: ${m[0]}`),
    );
    expect(inline).toEqual([]);
  });
});
