/**
 * A run whose output is stored reads its inputs once (src/load/run-inputs.ts): the plan
 * folders, the targets of validate, the plan folder chosen and the scoring frame give the
 * same answer all run long, so a file changed, or changed and changed back, while the run
 * is on never makes its stored output disagree with its key (a race found in review).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planFileText, readPlanFolder, resolveTargets } from '../../src/load/plan-texts.js';
import { forgetInputs, recalledSource, rememberedInputs, rememberInputs, rememberSource } from '../../src/load/run-inputs.js';
import { parseSource } from '../../src/yaml/source.js';
import { readScoringText, resolvePlanDir, scoringFile } from '../../src/cli/plan-dir.js';
import { copyPlan, fixturePlan } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  forgetInputs();
  cleanups.splice(0).forEach((c) => c());
});

function plan(): { dir: string; cwd: string } {
  const { dir, cleanup } = copyPlan(fixturePlan('mini'), '2023');
  cleanups.push(cleanup);
  return { dir, cwd: path.dirname(dir) };
}

describe('the inputs a run remembers', () => {
  it('a plan folder, its files and the targets read once answer the same after the disk changed', () => {
    const { dir, cwd } = plan();
    const tasks = path.join(dir, 'tasks.yaml');
    rememberInputs();
    const before = readPlanFolder(dir, cwd);
    const targets = resolveTargets(['.'], cwd);
    writeFileSync(tasks, '');
    rmSync(path.join(dir, 'progress'), { recursive: true });
    expect(readPlanFolder(dir, cwd)).toBe(before);
    expect(planFileText(dir, cwd, 'tasks.yaml')).toBe(before.texts.find((t) => t.kind === 'tasks')!.text);
    expect(resolveTargets(['.'], cwd)).toBe(targets);
    forgetInputs();
    expect(planFileText(dir, cwd, 'tasks.yaml')).toBe('');
    expect(readPlanFolder(dir, cwd).texts.find((t) => t.kind === 'tasks')!.text).toBe('');
  });

  it('the plan folder chosen and the scoring frame too, and they can be handed to another part of the run', () => {
    const { dir } = plan();
    const cwd = dir; // inside the plan folder: it is the plan chosen
    const file = scoringFile(dir, cwd);
    rememberInputs();
    expect(resolvePlanDir(undefined, { cwd })).toBe(dir);
    expect(readScoringText(file)).toBeUndefined();
    const handed = rememberedInputs();
    forgetInputs();
    writeFileSync(file, 'frame: changed\n');
    expect(readScoringText(file)).toBe('frame: changed\n');
    rememberInputs(handed);
    expect(readScoringText(file)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('frame: changed\n');
  });

  it('remembers nothing when no run is keyed', () => {
    const { dir, cwd } = plan();
    readPlanFolder(dir, cwd);
    expect(rememberedInputs()).toEqual([]);
  });
});

describe('the files a run parsed', () => {
  it('are found again by path while the run remembers, only with the same text', () => {
    const src = parseSource('plans/x/tasks.yaml', 'tasks: []\n');
    rememberSource(src);
    expect(recalledSource('plans/x/tasks.yaml', 'tasks: []\n')).toBeUndefined();
    rememberInputs();
    rememberSource(src);
    expect(recalledSource('plans/x/tasks.yaml', 'tasks: []\n')).toBe(src);
    expect(recalledSource('plans/x/tasks.yaml', 'tasks: [1]\n')).toBeUndefined();
    expect(recalledSource('plans/y/tasks.yaml', 'tasks: []\n')).toBeUndefined();
    forgetInputs();
    expect(recalledSource('plans/x/tasks.yaml', 'tasks: []\n')).toBeUndefined();
  });
});
