/**
 * cchc import FILE... [PLAN] [--as-of DATE] [--dry-run]: read the returned progress forms
 * and merge them into the progress file of the as-of date (docs/reporting-period.md).
 * Every bad cell is reported as FILE › SHEET!CELL, all in one run, and then nothing is
 * written (exit 1). Two forms that set a task differently are a conflict naming both
 * cells. The merge follows the rules of `cchc record`: edited in place, the whole plan
 * checked first, an atomic write; importing the same forms again changes nothing.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../model/dates.js';
import { readDate, problemMessage } from '../../input/index.js';
import { cellProblemAsText, readFormWorkbook, unreadableProblem, type CellProblem, type CellRef, type FormRead } from '../../input/form-read.js';
import { loadExcelJS } from '../../render/form-xlsx.js';
import { noChanges, type ProgressChanges } from '../../input/changes.js';
import { prepareUpdate } from '../../edit/update.js';
import { loadPlanForPeriod } from '../plan-access.js';
import { writeAtomic } from '../../edit/write.js';
import { changeAsText } from '../../edit/describe.js';
import { summaryAsText } from '../../render/diagnostics.js';
import { displayPath } from '../../load/plan-texts.js';
import { formatDate } from '../../i18n/format.js';
import { makeEnv, write, writeErr, type Env, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import type { PreparedUpdate } from '../../edit/update.js';
import type { Plan } from '../../model/plan.js';
import type { Lang } from '../../i18n/format.js';
import { printDiagnostics } from '../plan-loader.js';
import { EXIT, UsageError } from '../../errors.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  asOf?: string;
  dryRun?: boolean;
}

const MSG = CLI.import;

const IGNORED_NODES = [
  'dataValidations',
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'mergeCells',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'sheetProtection',
  'conditionalFormatting',
  'rowBreaks',
  'autoFilter',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
];

const at = (r: CellRef) => `${r.file} › ${r.sheet}!${r.cell}`;

/** FILE... [PLAN] [--as-of]: the .xlsx files, at most one folder (the plan), and the date. */
function parseArgs(args: string[], asOfFlag: string | undefined, env: Env): { files: string[]; planArg?: string; asOf?: IsoDate } {
  const M = MSG[env.lang];
  const files: string[] = [];
  let planArg: string | undefined;
  for (const a of args) {
    let isDir: boolean;
    try {
      isDir = statSync(path.resolve(env.cwd, a)).isDirectory();
    } catch {
      throw new UsageError(M.notFound(a));
    }
    if (isDir) {
      if (planArg !== undefined) throw new UsageError(M.twoPlans(planArg, a));
      planArg = a;
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError(M.noFiles, M.noFilesHint);
  if (asOfFlag === undefined) return { files, ...(planArg !== undefined ? { planArg } : {}) };
  const d = readDate(asOfFlag);
  if (!d.ok) throw new UsageError(M.badAsOf(problemMessage(d.problem, env.lang)));
  return { files, ...(planArg !== undefined ? { planArg } : {}), asOf: d.value };
}

interface Reads {
  reads: Array<{ file: string; read: FormRead }>;
  problems: CellProblem[];
  unreadable: boolean;
}

/** Read every form; what cannot be opened or read is a problem naming the file or cell. */
async function readForms(files: string[], plan: Plan, asOf: IsoDate | undefined, env: Env): Promise<Reads> {
  const ExcelJS = await loadExcelJS();
  const out: Reads = { reads: [], problems: [], unreadable: false };
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    try {
      // What import does not look at is not parsed: validations, layout, protection, printing.
      await wb.xlsx.readFile(path.resolve(env.cwd, f), { ignoreNodes: IGNORED_NODES } as never);
    } catch (err) {
      out.problems.push(unreadableProblem(f, (err as Error).message.split('\n')[0]!, env.lang));
      out.unreadable = true;
      continue;
    }
    const read = readFormWorkbook(wb, f, plan, asOf, env.lang);
    out.problems.push(...read.problems);
    out.reads.push({ file: f, read });
  }
  return out;
}

/** The changes of all forms together; the same task, indicator or line set differently by two forms is a conflict. */
function mergeForms(reads: Reads['reads'], problems: CellProblem[], lang: Lang): ProgressChanges {
  const M = MSG[lang];
  const changes: ProgressChanges = noChanges();
  const seen = new Map<string, { value: string; at: CellRef }>();
  const merge = <T>(key: string, what: string, change: T, ref: CellRef, list: T[]) => {
    const value = JSON.stringify(change);
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, { value, at: ref });
      list.push(change);
    } else if (prev.value !== value) {
      problems.push({
        file: ref.file,
        sheet: ref.sheet,
        cell: ref.cell,
        message: M.conflict(what, at(prev.at), at(ref), describe(prev.value), describe(value)),
      });
    }
  };
  for (const { read } of reads) {
    for (const t of read.tasks) merge(`t${t.change.task}`, M.task(t.change.task), t.change, t.at, changes.tasks);
    for (const i of read.indicators) merge(`i${i.change.indicator}`, M.indicator(i.change.indicator), i.change, i.at, changes.indicators);
    for (const b of read.budget) merge(`b${b.change.line}`, M.line(b.change.line), b.change, b.at, changes.budget);
  }
  changes.tasks.sort((a, b) => a.task - b.task);
  changes.budget.sort((a, b) => a.line - b.line);
  return changes;
}

/** The as-of date: --as-of, else the one date all forms carry. */
function asOfOf(reads: Reads['reads'], asOf: IsoDate | undefined, lang: Lang): IsoDate | undefined {
  if (asOf !== undefined) return asOf;
  const dates = [...new Set(reads.map((r) => r.read.asOf).filter((d): d is string => d !== undefined))];
  if (dates.length > 1) throw new UsageError(MSG[lang].mixedAsOf(dates.map((d) => formatDate(d, lang)).join(', ')));
  return dates[0];
}

export async function run(args: string[], opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'import');
  const M = MSG[env.lang];
  const parsed = parseArgs(args, opts.asOf, env);
  const loaded = await loadPlanForPeriod(parsed.planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;

  const { reads, problems, unreadable } = await readForms(parsed.files, plan, parsed.asOf, env);
  const asOf = asOfOf(reads, parsed.asOf, env.lang);
  const changes = mergeForms(reads, problems, env.lang);
  if (problems.length > 0) {
    if (json) writeJson('import', false, { problems });
    for (const p of problems) writeErr(cellProblemAsText(p));
    writeErr(M.problems(problems.length));
    return unreadable ? EXIT.usage : EXIT.findings;
  }
  if (asOf === undefined) return EXIT.findings; // every form was refused above
  const u = await prepareUpdate(plan, loaded.absDir!, env.cwd, asOf, changes);
  return writeImport(u, reads, asOf, opts.dryRun === true, json, env);
}

/** Write the merged change (unless --dry-run or it would break the plan) and say what it did. */
function writeImport(u: PreparedUpdate, reads: Reads['reads'], asOf: IsoDate, dryRun: boolean, json: boolean, env: Env): number {
  const M = MSG[env.lang];
  const shown = displayPath(u.file, env.cwd);
  const forms = reads.map(({ file, read }) => ({ file, unit: read.unit ?? null, changes: read.tasks.length + read.indicators.length + read.budget.length }));
  const fields = { asOf, forms, file: shown, isNew: u.isNew, dryRun, changes: u.changed };
  const errors = u.check?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (errors.length > 0) {
    if (json) writeJson('import', false, { ...fields, written: false, ...diagnosticsFields(errors, env.lang) });
    printDiagnostics(errors, env);
    writeErr(summaryAsText(errors, 1, env.lang, env.chalk));
    writeErr(M.refused);
    return EXIT.findings;
  }
  const written = u.changed.length > 0 && !dryRun;
  if (written) writeAtomic(u.file, u.after);
  if (json) {
    writeJson('import', true, { ...fields, written });
    return EXIT.ok;
  }
  const lines = [M.header(reads.length, formatDate(asOf, env.lang)), ...forms.map((f) => M.read(f.file, f.unit ?? '?', f.changes))];
  if (u.changed.length === 0) lines.push(M.nothing(u.isNew ? displayPath(path.dirname(u.file), env.cwd) : shown));
  else
    lines.push(M.target(shown, u.isNew), ...u.changed.map((c) => '  ' + changeAsText(c, env.lang)), M.summary(u.changed.length), ...(dryRun ? [M.dryRun] : []));
  write(lines.join('\n'));
  return EXIT.ok;
}

/** A change as a short value for the conflict message. */
function describe(json: string): string {
  const c = JSON.parse(json) as Record<string, unknown>;
  const parts = Object.entries(c)
    .filter(([k]) => k !== 'task' && k !== 'indicator' && k !== 'line')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return `"${parts.join(', ')}"`;
}
