/**
 * cchc diff: what changed between two versions of a plan.
 *
 *   cchc diff REV              the newest ./plans/<year> at REV against the working tree
 *   cchc diff REV PLAN         PLAN at REV against the working tree
 *   cchc diff REV REV2 [PLAN]  the plan at two revisions
 *   cchc diff PLAN             PLAN at HEAD against the working tree (like `git diff`)
 *   cchc diff PLAN_A PLAN_B    two folders, no git
 *
 * An argument naming an existing plan folder (a folder with plan.yaml) is a folder;
 * anything else is a git revision. Exit 0 with or without differences; --exit-code makes
 * differences exit 1. Findings of either side are printed after the diff (located, REV:path);
 * errors in the newer side exit 1. Only a side that cannot be read as a plan stops the diff.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { codeInfo } from '../../diagnostics/codes.js';
import type { Plan } from '../../model/plan.js';
import { loadPlan } from '../../load/index.js';
import { displayPath } from '../../load/plan-texts.js';
import { locateInRepository, resolveCommit, insideRepository } from '../../load/git.js';
import { diffPlans, hasDifferences, type DiffSide, type PlanDiff } from '../../report/diff.js';
import { diffAsText } from '../../render/diff-text.js';
import { diffAsMarkdown } from '../../render/diff-markdown.js';
import { diffAsJson } from '../../render/diff-json.js';
import { diagnosticAsJson, summaryAsText } from '../../render/diagnostics.js';
import { outputFormat, writeJson } from '../json-out.js';
import { printDiagnostics } from '../plan-loader.js';
import { defaultPlanDir } from '../plan-dir.js';
import { makeEnv, write, writeErr, type Env, type GlobalOptions } from '../io.js';
import { EXIT, usage } from '../../errors.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  exitCode?: boolean;
}

/** The folder when `arg` names an existing plan folder, else undefined. */
function planFolder(arg: string, cwd: string): string | undefined {
  const abs = path.resolve(cwd, arg);
  try {
    return statSync(abs).isDirectory() && statSync(path.join(abs, 'plan.yaml')).isFile() ? abs : undefined;
  } catch {
    return undefined;
  }
}

type SideSpec = { kind: 'folder'; dir: string; worktree: boolean } | { kind: 'git'; rev: string };

interface Plan2 {
  planDir: string;
  a: SideSpec;
  b: SideSpec;
}

/** Decide what the arguments mean (see the module comment). */
function interpret(a: string, b: string | undefined, plan: string | undefined, env: Env): Plan2 {
  const aDir = planFolder(a, env.cwd);
  if (aDir) {
    if (b === undefined) return { planDir: aDir, a: { kind: 'git', rev: 'HEAD' }, b: { kind: 'folder', dir: aDir, worktree: true } };
    const bDir = planFolder(b, env.cwd);
    if (!bDir) throw usage('notPlanFolder', { path: b, compare: true });
    if (plan !== undefined) throw usage('extraDiffArgument', { arg: plan });
    return { planDir: aDir, a: { kind: 'folder', dir: aDir, worktree: false }, b: { kind: 'folder', dir: bDir, worktree: false } };
  }
  if (b !== undefined && plan === undefined) {
    const bDir = planFolder(b, env.cwd);
    if (bDir) return { planDir: bDir, a: { kind: 'git', rev: a }, b: { kind: 'folder', dir: bDir, worktree: true } };
  }
  const planDir = plan !== undefined ? path.resolve(env.cwd, plan) : defaultPlanDir(env.cwd);
  if (plan !== undefined && existsSync(planDir) && !planFolder(plan, env.cwd)) {
    throw usage('notPlanFolder', { path: plan });
  }
  return { planDir, a: { kind: 'git', rev: a }, b: b !== undefined ? { kind: 'git', rev: b } : { kind: 'folder', dir: planDir, worktree: true } };
}

interface LoadedSide {
  plan?: Plan;
  diagnostics: Diagnostic[];
  side: DiffSide;
}

/**
 * A diff, with the findings of each side to print after it: `exit` is 1 when the newer side
 * has errors (the change broke something), else 0. Or, when a side cannot be read into a
 * plan at all, just the exit code (its errors already printed, the side named).
 */
export type Compared = { diff: PlanDiff; findings: () => void; errors: Diagnostic[]; exit: number } | { exit: number; errors: Diagnostic[] };

function printFindings(s: LoadedSide, env: Env): void {
  const shown = s.diagnostics.filter((d) => d.severity === 'error');
  if (shown.length === 0) return;
  printDiagnostics(shown, env);
  writeErr(summaryAsText(shown, 1, env.lang, env.chalk));
}

/**
 * Load both sides and compare them (issue 16.2). A reviewer needs to see what changed most
 * when something broke, so findings do not stop the diff: only a side that cannot be read
 * into a plan does, with a message naming it. Bad arguments throw UsageError. In-process
 * tests call this directly.
 */
export function comparePlans(a: string, b: string | undefined, plan: string | undefined, env: Env): Compared {
  const spec = interpret(a, b, plan, env);
  const shownPlan = displayPath(spec.planDir, env.cwd);
  const needsGit = spec.a.kind === 'git' || spec.b.kind === 'git';
  const loc = needsGit ? locateInRepository(spec.planDir, shownPlan) : undefined;

  const load = (s: SideSpec): LoadedSide => {
    if (s.kind === 'folder') {
      const { diagnostics, plan } = loadPlan(s.dir, { cwd: env.cwd });
      const source = s.worktree && insideRepository(s.dir) ? 'worktree' : 'folder';
      return { plan, diagnostics, side: { source, path: displayPath(s.dir, env.cwd) } };
    }
    const commit = resolveCommit(s.rev, loc!.top);
    if (!commit) {
      const looksLikePath = existsSync(path.resolve(env.cwd, s.rev));
      const kind = looksLikePath ? 'path' : /[/\\]|^\./.test(s.rev) ? 'pathlike' : undefined;
      throw usage('unknownRevision', { rev: s.rev, ...(kind ? { kind } : {}) });
    }
    const { diagnostics, plan } = loadPlan(spec.planDir, { cwd: env.cwd, revision: s.rev });
    return { plan, diagnostics, side: { source: 'git', path: shownPlan, revision: s.rev, commit } };
  };

  const sides = [load(spec.a), load(spec.b)] as [LoadedSide, LoadedSide];
  const errors = sides.flatMap((s) => s.diagnostics.filter((d) => d.severity === 'error'));
  const unreadable = sides.flatMap((s, i) => (s.plan ? [] : [reportUnreadable(s, i, env)]));
  if (unreadable.length > 0) return { exit: unreadable.some((s) => s.io) ? EXIT.usage : EXIT.findings, errors };
  const [sa, sb] = sides;
  const newerBroken = sb.diagnostics.some((d) => d.severity === 'error');
  return {
    diff: diffPlans(sa.plan!, sb.plan!, { a: sa.side, b: sb.side }),
    findings: () => sides.forEach((s) => printFindings(s, env)),
    errors,
    exit: newerBroken ? EXIT.findings : EXIT.ok,
  };
}

/** A side that cannot be read into a plan: its errors and a line naming it, on stderr. */
function reportUnreadable(s: LoadedSide, i: number, env: Env): { io: boolean } {
  const errors = s.diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(errors, env);
  const M = CLI.diff[env.lang];
  const name = i === 0 ? M.sideA : M.sideB;
  const where = s.side.revision ? `${s.side.revision}:${s.side.path}` : s.side.path;
  writeErr(M.unreadable(name, where));
  return { io: errors.some((d) => codeInfo(d.code)?.io) };
}

export async function run(a: string, b: string | undefined, plan: string | undefined, opts: Options): Promise<number> {
  const format = outputFormat(opts);
  const env = makeEnv(opts, 'diff');
  const r = comparePlans(a, b, plan, env);
  const diagnostics = () => r.errors.map((d) => diagnosticAsJson(d, env.lang));
  if (!('diff' in r)) {
    if (format === 'json') writeJson('diff', false, { diagnostics: diagnostics() });
    return r.exit;
  }
  const { diff } = r;
  const exit = r.exit !== EXIT.ok ? r.exit : opts.exitCode && hasDifferences(diff) ? EXIT.findings : EXIT.ok;
  switch (format) {
    case 'json':
      writeJson('diff', exit === EXIT.ok, { ...diffAsJson(diff, env.lang), diagnostics: diagnostics() });
      break;
    case 'markdown':
      write(diffAsMarkdown(diff, env.lang));
      break;
    default:
      write(diffAsText(diff, env.lang, env.chalk, env.width));
  }
  r.findings();
  return exit;
}
