/**
 * Reading a plan as it was at a git revision, through git itself (`git ls-tree`,
 * `git show REV:path`), so a clerk can compare with "the version we sent on 20/12". Git is
 * always run with an argument list, never through a shell. Expected failures (git not
 * installed, not a repository, an unknown revision, a revision where the plan folder did
 * not exist yet) are usage errors: exit 2, with a message from src/i18n/usage.ts in the
 * language of the run.
 */
import { createRequire } from 'node:module';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { usage } from '../errors.js';
import { decodeUtf8, fileDiagnostic, MAX_FILE_BYTES } from './read.js';
import { REQUIRED_FILES, displayPath, type FolderRead, type PlanText } from './plan-texts.js';

/** The files a comparison needs; references and progress are not compared. */
const DIFF_FILES = REQUIRED_FILES;

interface GitFailure {
  status: number | null;
  stderr: string;
}

/** child_process, required on first use: most runs never start git (BENCHMARKS.md, start-up). */
function execFileSync(...args: Parameters<typeof import('node:child_process').execFileSync>): Buffer {
  const cp = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return cp.execFileSync(...args) as Buffer;
}

function gitEnv(): NodeJS.ProcessEnv {
  // No pager, no prompt, messages in English so they can be recognised.
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANGUAGE: 'C' };
}

/** Run git; a non-zero exit is returned as a failure, a missing git is a UsageError. */
function git(args: readonly string[], cwd: string, maxBuffer = MAX_FILE_BYTES + 1024 * 1024): { ok: true; out: Buffer } | { ok: false; fail: GitFailure } {
  try {
    // core.fsmonitor off: a repository's config could name a program for git to run.
    const out = execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
      cwd,
      env: gitEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer,
      windowsHide: true,
    });
    return { ok: true, out };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { status?: number | null; stderr?: Buffer };
    if (e.code === 'ENOENT') {
      throw usage('noGit', {});
    }
    if (e.code === 'ENOBUFS') return { ok: false, fail: { status: null, stderr: 'output too large' } };
    return { ok: false, fail: { status: e.status ?? null, stderr: (e.stderr ?? Buffer.alloc(0)).toString('utf8').trim() } };
  }
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.replace(/^(fatal|error):\s*/, '').trim();
}

/** The nearest existing folder at or above `p` (a plan folder may exist only in history). */
function nearestExisting(p: string): string {
  let cur = p;
  while (!existsSync(cur)) {
    const up = path.dirname(cur);
    if (up === cur) return cur;
    cur = up;
  }
  return cur;
}

export interface GitLocation {
  /** The repository's top-level folder (real path). */
  top: string;
  /** The plan folder relative to the top, with forward slashes ('' for the top itself). */
  rel: string;
}

/**
 * The repository holding `planDir` (absolute; it need not exist in the working tree) and
 * the folder's path inside it.
 */
export function locateInRepository(planDir: string, shown: string): GitLocation {
  const existing = nearestExisting(planDir);
  const r = git(['rev-parse', '--show-toplevel'], existing);
  if (!r.ok) {
    if (/not a git repository/i.test(r.fail.stderr)) {
      throw usage('notInRepository', { path: shown });
    }
    throw usage('gitFailed', { detail: firstLine(r.fail.stderr) });
  }
  const topRaw = r.out.toString('utf8').trim();
  if (!topRaw) {
    throw usage('notInWorkTree', { path: shown });
  }
  const top = realpathSync(topRaw);
  const realExisting = realpathSync(existing);
  const full = path.join(realExisting, path.relative(existing, planDir));
  const rel = path.relative(top, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw usage('outsideRepository', { path: shown, top });
  }
  return { top, rel: rel.split(path.sep).join('/') };
}

/** The commit a revision names, or undefined when there is no such revision. */
export function resolveCommit(rev: string, cwd: string): string | undefined {
  // A leading "-" would be read as an option by git.
  if (rev === '' || rev.startsWith('-')) return undefined;
  // ":path" names a staged file and ":/text" searches every commit message: not a version.
  if (rev.startsWith(':')) {
    throw usage('colonRevision', { rev });
  }
  const r = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  if (!r.ok) return undefined;
  const sha = r.out.toString('utf8').trim();
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** True when `dir` (existing) is inside a git working tree; false without git too. */
export function insideRepository(dir: string): boolean {
  try {
    const r = git(['rev-parse', '--is-inside-work-tree'], dir);
    return r.ok && r.out.toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  size: number | undefined;
  name: string;
}

function listFolder(loc: GitLocation, commit: string): TreeEntry[] {
  const args = ['ls-tree', '-l', '-z', commit];
  if (loc.rel) args.push('--', `${loc.rel}/`);
  const r = git(args, loc.top);
  if (!r.ok) throw usage('gitFailed', { detail: `ls-tree: ${firstLine(r.fail.stderr)}` });
  const out: TreeEntry[] = [];
  for (const rec of r.out.toString('utf8').split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, , size] = rec.slice(0, tab).split(/\s+/);
    const full = rec.slice(tab + 1);
    out.push({ mode: mode ?? '', type: type ?? '', size: size && size !== '-' ? Number(size) : undefined, name: path.posix.basename(full) });
  }
  return out;
}

/**
 * The plan files at a commit, as text; paths are shown as `REV:plans/2022/tasks.yaml`.
 * File-level problems (a missing file, not UTF-8, too large) come back as diagnostics, like
 * the folder reader's; a folder that did not exist at the revision is a UsageError.
 */
export function readPlanAtRevision(opts: { rev: string; commit: string; loc: GitLocation; planDir: string; cwd: string }): FolderRead {
  const { rev, commit, loc, planDir, cwd } = opts;
  const shownDir = displayPath(planDir, cwd);
  const short = commit.slice(0, 7);
  const entries = listFolder(loc, commit);
  if (entries.length === 0) {
    throw usage('absentAtRevision', { rev, short, dir: shownDir });
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (byName.get('plan.yaml')?.type !== 'blob') {
    throw usage('notPlanAtRevision', { rev, short, dir: shownDir });
  }
  const prefix = shownDir === '.' ? '' : `${shownDir}/`;
  const read: FolderRead = { texts: [], diagnostics: [], displayDir: `${rev}:${shownDir}`, folderName: path.basename(planDir) };
  for (const kind of DIFF_FILES) {
    const name = `${kind}.yaml`;
    const shown = `${rev}:${prefix}${name}`;
    const entry = byName.get(name);
    if (!entry || entry.type !== 'blob') {
      read.diagnostics.push(fileDiagnostic(read.displayDir, 'file/missing', { name }));
      continue;
    }
    if (entry.size !== undefined && entry.size > MAX_FILE_BYTES) {
      read.diagnostics.push(fileDiagnostic(shown, 'file/too-large', { size: entry.size, max: MAX_FILE_BYTES }));
      continue;
    }
    const spec = `${commit}:${loc.rel ? `${loc.rel}/` : ''}${name}`;
    const r = git(['show', spec], loc.top);
    if (!r.ok) {
      read.diagnostics.push(fileDiagnostic(shown, 'io/unreadable', { detail: firstLine(r.fail.stderr) || 'git show' }));
      continue;
    }
    const { text, diagnostic } = decodeUtf8(shown, new Uint8Array(r.out));
    if (diagnostic) read.diagnostics.push(diagnostic);
    else read.texts.push({ kind: kind as PlanText['kind'], path: shown, text: text! });
  }
  return read;
}
