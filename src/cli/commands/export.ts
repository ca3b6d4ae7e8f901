/**
 * cchc export [PLAN] [-o FILE.xlsx] [--sheets appendix1,appendix2,progress]
 *             [--as-of DATE | --period P]
 *
 * Check the flags, load and check the plan (a plan with errors gets the located messages,
 * exit 1, and no workbook), compute the status report when the progress sheets are asked
 * for, build the sheet models, and write the workbook atomically: a temporary file beside
 * the target, then a rename, so that a failure never leaves half a workbook behind and the
 * plan's own files are never opened for writing.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { todayIso, type IsoDate } from '../../model/dates.js';
import type { Period } from '../../model/period.js';
import { computeStatus } from '../../report/status.js';
import { loadScoringFrame } from '../scoring.js';
import { sheetsAsXlsx } from '../../render/xlsx.js';
import { SHEET_KEYS, sheetNames, workbookSheets, type SheetKey } from '../../render/appendix-sheets.js';
import { formatInt, type Lang } from '../../i18n/format.js';
import { startProgress } from '../progress.js';
import { makeEnv, write, writeErr, writeOutputFile, type GlobalOptions } from '../io.js';
import { diagnosticsFields, outputFormat, writeJson } from '../json-out.js';
import { loadCheckedPlan } from '../plan-loader.js';
import { EXIT, UsageError } from '../../errors.js';
import { checkPeriodYear, parseAsOfFlags, warningsNote } from '../as-of.js';
import { CLI } from '../../i18n/cli.js';

interface Options extends GlobalOptions {
  out?: string;
  sheets?: string;
  asOf?: string;
  period?: string;
}

const MSG = CLI.export;

type Messages = (typeof MSG)['vi'];

interface Flags {
  sheets: SheetKey[];
  asOf?: IsoDate;
  period?: Period;
}

/** --sheets as a set of known keys; an unknown name is a usage error listing the valid ones. */
export function parseSheets(v: string | undefined, lang: Lang): SheetKey[] {
  const M = MSG[lang];
  if (v === undefined) return [...SHEET_KEYS];
  const names = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(M.noSheet, M.sheetsHint(SHEET_KEYS.join(', ')));
  const out = new Set<SheetKey>();
  for (const n of names) {
    const k = n.toLowerCase();
    if (!(SHEET_KEYS as readonly string[]).includes(k)) throw new UsageError(M.badSheet(n), M.sheetsHint(SHEET_KEYS.join(', ')));
    out.add(k as SheetKey);
  }
  return SHEET_KEYS.filter((k) => out.has(k));
}

/** The flags that do not need the plan, checked before it is loaded. */
function parseFlags(opts: Options, lang: Lang): Flags {
  const M = MSG[lang];
  const flags: Flags = { sheets: parseSheets(opts.sheets, lang) };
  Object.assign(flags, parseAsOfFlags(opts, lang));
  if ((flags.asOf || flags.period) && !flags.sheets.includes('progress')) throw new UsageError(M.progressOnly, M.progressOnlyHint);
  if (opts.out !== undefined && path.extname(opts.out).toLowerCase() !== '.xlsx')
    throw new UsageError(M.notXlsx(opts.out), M.notXlsxHint(asXlsxName(opts.out)));
  return flags;
}

/** The name the user gave, with the .xlsx extension (the hint for a wrong --out names their own file). */
function asXlsxName(out: string): string {
  const ext = path.extname(out);
  return (ext ? out.slice(0, -ext.length) : out) + '.xlsx';
}

/** Where the workbook goes: --out, or KH-CCHC-<year>.xlsx in the working folder. */
export function outputPath(out: string | undefined, year: number, cwd: string): string {
  return path.resolve(cwd, out ?? `KH-CCHC-${year}.xlsx`);
}

/** Refuse a target that cannot be written, before any work is done. */
function checkTarget(file: string, shown: string, M: Messages): void {
  const dir = path.dirname(file);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(M.noDir(path.dirname(shown) || '.'), M.noDirHint);
  }
  if (!st.isDirectory()) throw new UsageError(M.notDir(path.dirname(shown)), M.noDirHint);
  try {
    if (statSync(file).isDirectory()) throw new UsageError(M.isDir(shown), M.isDirHint);
  } catch (err) {
    if (err instanceof UsageError || (err as Error | undefined)?.name === 'UsageError') throw err;
    // Not there yet: the usual case.
  }
}

function ioMessage(err: unknown, shown: string, M: Messages): UsageError {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UsageError(M.denied(shown), M.deniedHint);
    case 'ENOENT':
      return new UsageError(M.noDir(path.dirname(shown) || '.'), M.noDirHint);
    case 'ENOTDIR':
      return new UsageError(M.notDir(path.dirname(shown)), M.noDirHint);
    case 'EISDIR':
      return new UsageError(M.isDir(shown), M.isDirHint);
    default:
      return new UsageError(M.failed(shown, e?.code ?? String(e?.message ?? err)));
  }
}

function humanSize(n: number, lang: Lang): string {
  if (n < 1024) return `${n} B`;
  const kb = Math.round(n / 1024);
  if (kb < 10_240) return `${formatInt(kb, lang)} KB`;
  return `${formatInt(Math.round(n / (1024 * 1024)), lang)} MB`;
}

/** Write the workbook atomically; an interrupt meanwhile takes effect after the rename. */
function writeWorkbook(file: string, shown: string, bytes: Uint8Array, M: Messages): void {
  writeOutputFile(file, bytes, (err) => ioMessage(err, shown, M));
}

export async function run(planArg: string | undefined, opts: Options): Promise<number> {
  const json = outputFormat(opts) === 'json';
  const env = makeEnv(opts, 'export');
  const M = MSG[env.lang];
  const flags = parseFlags(opts, env.lang);

  const loaded = await loadCheckedPlan(planArg, env);
  if ('exit' in loaded) return loaded.exit;
  const { plan } = loaded;
  const year = plan.meta.year;
  checkPeriodYear(flags.period, year, env.lang);

  const file = outputPath(opts.out, year, env.cwd);
  const shown = opts.out ?? path.basename(file);
  checkTarget(file, shown, M);

  const scoring = loadScoringFrame(plan.dir, env);
  if ('exit' in scoring) return scoring.exit;
  const { frame } = scoring;
  const report = flags.sheets.includes('progress')
    ? computeStatus(plan, { asOf: flags.asOf, period: flags.period, today: todayIso(env.now), frame })
    : undefined;
  const sheets = workbookSheets(
    flags.sheets,
    { plan, report, tasksTitle: plan.tasksTitle, criterion: frame.criterion[env.lang], ...(frame.source ? { frameSource: frame.source } : {}) },
    env.lang,
  );

  const writing = startProgress(env.lang);
  writing.update(CLI.progress[env.lang].writing);
  const bytes = await sheetsAsXlsx(sheets, { title: plan.meta.title, subject: plan.meta.agency.name, creator: 'cchc', created: env.now }).finally(() =>
    writing.end(),
  );
  writeWorkbook(file, shown, bytes, M);

  const names = flags.sheets.flatMap((k) => sheetNames(k, env.lang));
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (json) {
    const fields = { file: shown, bytes: bytes.length, sheets: flags.sheets, sheetNames: names, asOf: report?.asOf ?? null, period: flags.period?.id ?? null };
    writeJson('export', true, { ...fields, ...diagnosticsFields(warnings, env.lang) });
    return EXIT.ok;
  }
  write(M.written(shown, names.join(', '), humanSize(bytes.length, env.lang)));
  if (warnings.length > 0) writeErr(warningsNote(warnings.length, plan.dir, env.lang));
  return EXIT.ok;
}
