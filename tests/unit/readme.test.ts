/**
 * The README is the front page (issue 14, item 8): short, a quick start that is exactly two
 * commands, the reporting-period walkthrough, one line per command, the exit codes, and
 * links into docs/ that resolve. The reference it points to (docs/commands.md) documents
 * every command and every long option.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../src/cli/version.js';
import { COMMANDS, longName, optionsOf } from '../../src/cli/spec.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const commandsDoc = readFileSync(path.join(ROOT, 'docs', 'commands.md'), 'utf8');
const commands = COMMANDS.map((c) => c.name);

/** The section of a Markdown text under a heading that starts with `title`. */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Relative link targets of a Markdown file, resolved from the repository root. */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^[a-z]+:/.test(t))
    .map((t) => path.relative(ROOT, path.resolve(path.dirname(file), t)));
}

describe('README', () => {
  it('is at most 200 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('has a quick start of exactly two commands', () => {
    const quick = section(readme, 'Bắt đầu nhanh').split('```sh')[1]!.split('```')[0]!.trim().split('\n');
    expect(quick).toEqual(['npm install && npx cchc validate', 'npm test']);
  });

  it('walks through a reporting period: record, form, import, report', () => {
    const walk = section(readme, 'Mỗi kỳ báo cáo').split('```sh')[1]!.split('```')[0]!;
    const order = ['record', 'form', 'import', 'report'].map((c) => walk.indexOf(`cchc ${c} `));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has one line per command, and one for shell completion', () => {
    expect(commands.length).toBeGreaterThanOrEqual(14);
    const table = section(readme, 'Lệnh');
    for (const c of new Set([...commands, 'completion'])) {
      expect(table.match(new RegExp('^\\| `cchc ' + c + '\\b', 'gm'))?.length ?? 0, c).toBe(1);
    }
    expect(table).toContain('--format json');
  });

  it('lists the exit codes 0, 1 and 2', () => {
    const exits = section(readme, 'Exit codes');
    expect([...exits.matchAll(/^\| (\d) \|/gm)].map((m) => m[1])).toEqual(['0', '1', '2']);
  });

  it('and every page in docs/ link only to files that exist', () => {
    const pages = [
      path.join(ROOT, 'README.md'),
      ...readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(ROOT, 'docs', f)),
    ];
    const broken = pages.flatMap((p) =>
      links(p)
        .filter((t) => !existsSync(path.join(ROOT, t)))
        .map((t) => `${path.relative(ROOT, p)} → ${t}`),
    );
    expect(broken).toEqual([]);
    const readmeDocs = links(path.join(ROOT, 'README.md')).filter((t) => t.startsWith('docs/'));
    for (const page of ['commands', 'file-format', 'codes', 'integrations', 'environment', 'development', 'reporting-period', 'domain']) {
      expect(readmeDocs, page).toContain(`docs/${page}.md`);
    }
  });

  it('names the version package.json has', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('docs/commands.md', () => {
  it('documents every command and every long option', () => {
    for (const c of commands) expect(commandsDoc, c).toContain(`cchc ${c}`);
    const options = new Set(COMMANDS.flatMap((c) => optionsOf(c)).map((o) => `--${longName(o.flags)}`));
    for (const o of options) expect(commandsDoc, o).toContain(o);
  });
});
