/**
 * Reading plan files with the folders a run has resolved (src/load/read.ts PathMemo): the
 * real path of a folder from its parent's, and the plan repository, must be what
 * realpath(3) and a fresh walk give, through linked folders too; a link out of the
 * repository is still refused when sibling folders share the memo.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, mkdirSync, realpathSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newPathMemo, realFolder, repositoryRoot } from '../../src/load/read.js';
import { readPlanTexts } from '../../src/load/plan-texts.js';
import { fixturePlan, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A temp folder: repo/.git, repo/plans/a and repo/plans/b (copies of the mini plan), and a link to repo. */
function layout() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const base = realpathSync.native(t.dir);
  const repo = path.join(base, 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  for (const name of ['a', 'b']) cpSync(fixturePlan('mini'), path.join(repo, 'plans', name), { recursive: true });
  const link = path.join(base, 'link');
  symlinkSync(repo, link);
  return { base, repo, link };
}

describe('realFolder', () => {
  it('is realpath(3) for plain folders, folders under a link, a link itself, and /', () => {
    const { repo, link } = layout();
    const memo = newPathMemo();
    for (const dir of [repo, path.join(repo, 'plans', 'a'), link, path.join(link, 'plans', 'b', 'progress'), '/']) {
      expect(realFolder(dir, memo)).toBe(realpathSync.native(dir));
    }
  });

  it('throws as realpath does for a folder that is not there', () => {
    const { repo } = layout();
    expect(() => realFolder(path.join(repo, 'nowhere', 'x'), newPathMemo())).toThrow();
  });
});

describe('repositoryRoot', () => {
  it('is the same with a shared memo as with a fresh walk, and through a linked path', () => {
    const { repo, link, base } = layout();
    const memo = newPathMemo();
    for (const dir of [path.join(repo, 'plans', 'a'), path.join(repo, 'plans', 'b'), path.join(link, 'plans', 'a')]) {
      expect(repositoryRoot(dir, memo)).toBe(repositoryRoot(dir));
      expect(repositoryRoot(dir, memo)).toBe(repo);
    }
    // No .git above: the folder itself.
    mkdirSync(path.join(base, 'loose'));
    expect(repositoryRoot(path.join(base, 'loose'), memo)).toBe(path.join(base, 'loose'));
  });
});

describe('readPlanTexts with a shared memo', () => {
  it('reads a plan reached through a linked folder, and files linked inside the repository', () => {
    const { repo, link } = layout();
    const a = path.join(repo, 'plans', 'a');
    unlinkSync(path.join(a, 'units.yaml'));
    symlinkSync(path.join(repo, 'plans', 'b', 'units.yaml'), path.join(a, 'units.yaml'));
    const memo = newPathMemo();
    for (const dir of [a, path.join(link, 'plans', 'a'), path.join(link, 'plans', 'b')]) {
      const r = readPlanTexts(dir, dir, memo);
      expect(r.diagnostics).toEqual([]);
      expect(r.texts.map((t) => t.path)).toContain('units.yaml');
    }
  });

  it('still refuses a link out of the repository in one folder while its sibling is read', () => {
    const { repo, base } = layout();
    writeFileSync(path.join(base, 'outside.yaml'), 'secret: x\n');
    const b = path.join(repo, 'plans', 'b');
    unlinkSync(path.join(b, 'tasks.yaml'));
    symlinkSync(path.join(base, 'outside.yaml'), path.join(b, 'tasks.yaml'));
    const memo = newPathMemo();
    const ra = readPlanTexts(path.join(repo, 'plans', 'a'), repo, memo);
    const rb = readPlanTexts(b, repo, memo);
    expect(ra.diagnostics).toEqual([]);
    expect(rb.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['file/outside-repository plans/b/tasks.yaml']);
    expect(rb.texts.map((t) => t.path)).not.toContain('plans/b/tasks.yaml');
  });

  it('a missing required file is file/missing, a missing references.yaml nothing', () => {
    const { repo } = layout();
    const a = path.join(repo, 'plans', 'a');
    unlinkSync(path.join(a, 'budget.yaml'));
    const r = readPlanTexts(a, repo, newPathMemo());
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['file/missing plans/a']);
  });
});
