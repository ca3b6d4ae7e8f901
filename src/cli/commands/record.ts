/**
 * cchc record [PLAN]: one progress update per call, written into the progress file of its
 * date (docs/reporting-period.md). The values are read as typed in Vietnam (src/input), the
 * file is edited in place (src/edit), the whole plan is checked with the change before
 * anything is written, and the write is atomic. Prints before → after; --dry-run writes nothing.
 */
import path from 'node:path';
import { todayIso, type IsoDate } from '../../model/dates.js';
import { defaultAsOf } from '../../report/status.js';
import { measurables, type Plan } from '../../model/plan.js';
import type { Lang } from '../../diagnostics/codes.js';
import { closest } from '../../model/text.js';
import { problemMessage, readAmount, readAssessment, readDate, readEvidence, readNumber, readPercent, readStatus, type Read } from '../../input/index.js';
import { noChanges, type ProgressChanges, type TaskChange } from '../../input/changes.js';
import { prepareUpdate } from '../../edit/update.js';
import { loadPlanForPeriod } from '../plan-access.js';
import { writeAtomic } from '../../edit/write.js';
import { changeAsText } from '../../edit/describe.js';
import { summaryAsText } from '../../render/diagnostics.js';
import { displayPath } from '../../load/plan-texts.js';
import { makeEnv, write, writeErr, type Env, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import type { PreparedUpdate } from '../../edit/update.js';
import { printDiagnostics } from '../plan-loader.js';
import { EXIT, UsageError } from '../../errors.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  task?: string;
  status?: string;
  percent?: string;
  completed?: string;
  evidence?: string;
  note?: string;
  indicator?: string;
  value?: string;
  source?: string;
  assessment?: string;
  line?: string;
  spent?: string;
  asOf?: string;
  dryRun?: boolean;
}

const MSG = CLI.record;

const TASK_FLAGS = ['status', 'percent', 'completed', 'evidence', 'note'] as const;
const INDICATOR_FLAGS = ['value', 'source', 'assessment'] as const;
const LINE_FLAGS = ['spent'] as const;
const FLAG_NAME = (k: string) => `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

function must<T>(flag: string, r: Read<T>, lang: Lang): T {
  if (r.ok) return r.value;
  throw new UsageError(MSG[lang].bad(flag, problemMessage(r.problem, lang)));
}

/** What the flags ask for, read before the plan is loaded; ids are resolved against the plan later. */
interface Request {
  target: '--task' | '--indicator' | '--line';
  key: string;
  task?: Omit<TaskChange, 'task'>;
  indicator?: { value?: number; assessment?: 'dat' | 'khong-dat'; source?: string };
  spent?: number;
  asOf?: IsoDate;
}

export function parseRecordFlags(opts: Options, lang: Lang): Request {
  const M = MSG[lang];
  const targets = (['task', 'indicator', 'line'] as const).filter((k) => opts[k] !== undefined);
  if (targets.length !== 1) throw new UsageError(M.oneTarget, M.oneTargetHint);
  const t = targets[0]!;
  const target = `--${t}` as Request['target'];
  const own: readonly string[] = t === 'task' ? TASK_FLAGS : t === 'indicator' ? INDICATOR_FLAGS : LINE_FLAGS;
  for (const k of [...TASK_FLAGS, ...INDICATOR_FLAGS, ...LINE_FLAGS]) {
    if (opts[k] !== undefined && !own.includes(k)) throw new UsageError(M.notFor(FLAG_NAME(k), target));
  }
  if (!own.some((k) => opts[k as keyof Options] !== undefined)) throw new UsageError(M.nothing(target), M.nothingHint[target]);
  const req: Request = { target, key: String(opts[t]).normalize('NFC').trim() };
  if (opts.asOf !== undefined) req.asOf = must('--as-of', readDate(opts.asOf), lang);
  if (t === 'task') {
    const c: Omit<TaskChange, 'task'> = {};
    if (opts.status !== undefined) c.status = must('--status', readStatus(opts.status), lang);
    if (opts.percent !== undefined) c.percent = must('--percent', readPercent(opts.percent), lang);
    if (opts.completed !== undefined) c.completed = must('--completed', readDate(opts.completed), lang);
    if (opts.evidence !== undefined) {
      const e = readEvidence(opts.evidence);
      if (e.document === '') throw new UsageError(M.bad('--evidence', problemMessage({ id: 'empty', actual: '' }, lang)));
      c.evidence = e;
    }
    if (opts.note !== undefined) c.note = opts.note.normalize('NFC').trim();
    req.task = c;
  } else if (t === 'indicator') {
    const c: NonNullable<Request['indicator']> = {};
    if (opts.value !== undefined) c.value = must('--value', readNumber(opts.value, { fraction: true }), lang);
    if (opts.assessment !== undefined) c.assessment = must('--assessment', readAssessment(opts.assessment), lang);
    if (opts.source !== undefined) c.source = opts.source.normalize('NFC').trim();
    req.indicator = c;
  } else {
    req.spent = must('--spent', readAmount(opts.spent), lang);
  }
  return req;
}

/** The request against the plan: a task by number or id, an indicator or target id, a line number. */
export function resolveRequest(plan: Plan, req: Request, lang: Lang): ProgressChanges {
  const M = MSG[lang];
  const changes = noChanges();
  if (req.target === '--task') {
    const task = /^\d+$/.test(req.key) ? plan.tasks.find((t) => t.no === Number(req.key)) : plan.tasks.find((t) => t.id === req.key);
    if (!task) throw new UsageError(M.noTask(req.key));
    changes.tasks.push({ task: task.no, ...req.task });
  } else if (req.target === '--indicator') {
    const ids = measurables(plan.indicators).map((m) => m.id);
    const ind = plan.indicators.find((i) => i.id === req.key);
    const qualitative = ind !== undefined && (ind.targets?.length ?? 0) === 0;
    if (!ids.includes(req.key) && !qualitative) {
      if (ind) throw new UsageError(M.several(req.key, (ind.targets ?? []).map((t) => t.id ?? '?').join(', ')));
      throw new UsageError(M.noIndicator(req.key, closest(req.key, [...ids, ...plan.indicators.map((i) => i.id)]) ?? ''));
    }
    if (qualitative && req.indicator!.value !== undefined) throw new UsageError(M.qualitative(req.key));
    if (!qualitative && req.indicator!.assessment !== undefined) throw new UsageError(M.measurable(req.key));
    changes.indicators.push({ indicator: req.key, ...req.indicator });
  } else {
    const line = /^\d+$/.test(req.key) ? plan.budget.lines.find((l) => l.no === Number(req.key)) : undefined;
    if (!line) throw new UsageError(M.noLine(req.key));
    changes.budget.push({ line: line.no, spent: req.spent! });
  }
  return changes;
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'record');
  const req = parseRecordFlags(opts, env.lang);
  const loaded = await loadPlanForPeriod(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  const absDir = loaded.absDir!;
  const changes = resolveRequest(plan, req, env.lang);
  // Today, within the plan year, as status and form take it.
  const asOf = req.asOf ?? defaultAsOf(plan.meta.year, todayIso(env.now));

  const u = await prepareUpdate(plan, absDir, env.cwd, asOf, changes);
  return writeUpdate(u, asOf, opts.dryRun === true, json, env);
}

/** Write the prepared change (unless --dry-run or it would break the plan) and say what it did. */
function writeUpdate(u: PreparedUpdate, asOf: IsoDate, dryRun: boolean, json: boolean, env: Env): number {
  const M = MSG[env.lang];
  const shown = displayPath(u.file, env.cwd);
  const fields = { file: shown, asOf, isNew: u.isNew, dryRun, changes: u.changed };
  const errors = u.check?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (errors.length > 0) {
    if (json) writeJson('record', false, { ...fields, written: false, ...diagnosticsFields(errors, env.lang) });
    printDiagnostics(errors, env);
    writeErr(summaryAsText(errors, 1, env.lang, env.chalk));
    writeErr(M.refused);
    return EXIT.findings;
  }
  const written = u.changed.length > 0 && !dryRun;
  if (written) writeAtomic(u.file, u.after);
  if (json) writeJson('record', true, { ...fields, written });
  else if (u.changed.length === 0) write(M.unchanged(shown));
  else write([u.isNew ? M.newFile(shown) : shown, ...u.changed.map((c) => '  ' + changeAsText(c, env.lang)), ...(dryRun ? [M.dryRun] : [])].join('\n'));
  if (u.changed.length === 0) return EXIT.ok;
  // New warnings that concern the file just written (a status that does not match its percent).
  const rel = path.relative(env.cwd, u.file);
  printDiagnostics(
    u.check!.diagnostics.filter((d) => d.severity === 'warning' && (d.file === shown || d.file === rel)),
    env,
  );
  return EXIT.ok;
}
