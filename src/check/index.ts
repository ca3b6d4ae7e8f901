/**
 * checkPlan: the whole rule set over one plan's files. Pure: takes parsed sources, returns
 * diagnostics and, when the plan is sound, the domain model built from it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { Reporter, SINGLE_FILES, type PlanDocs, type Doc } from './context.js';
import { validateSchema, FILE_KINDS, type FileKind } from './schema.js';
import { checkText } from './rules/text.js';
import { RULES } from './rules/index.js';
import type { Plan, ProgressRecord } from '../model/plan.js';
import type { SourceFile } from '../yaml/source.js';
import { diagnosticAt } from '../yaml/source.js';

function checkDoc(kind: FileKind, doc: Doc<unknown> | undefined, report: Reporter): void {
  if (!doc || doc.source.data === undefined) return;
  checkText(doc.source, report);
  const ds = validateSchema(kind, doc.source);
  report.diagnostics.push(...ds);
  if (ds.length === 0) doc.data = doc.source.data;
}

export interface PlanCheck {
  diagnostics: Diagnostic[];
  /** The plan, when every file is present and passed its schema (rules may still have found problems). */
  plan?: Plan;
}

export function checkPlan(docs: PlanDocs): PlanCheck {
  const report = new Reporter();
  for (const kind of SINGLE_FILES) checkDoc(kind, docs[kind] as Doc<unknown> | undefined, report);
  for (const p of docs.progress) checkDoc('progress', p, report);
  for (const rule of RULES) rule.run(docs, report);
  const diagnostics = report.diagnostics.sort(compareDiagnostics);
  return { diagnostics, plan: toPlan(docs) };
}

function toPlan(docs: PlanDocs): Plan | undefined {
  const { plan, units, tasks, indicators, budget } = docs;
  if (!plan?.data || !units?.data || !tasks?.data || !indicators?.data || !budget?.data) return undefined;
  if (docs.progress.some((p) => !p.data) || (docs.references && !docs.references.data)) return undefined;
  return {
    dir: docs.dir,
    meta: plan.data,
    units: units.data.units,
    tasksTitle: tasks.data.title,
    tasks: tasks.data.tasks,
    indicators: indicators.data.indicators,
    budget: budget.data,
    progress: docs.progress.map((p): ProgressRecord => ({ ...p.data!, file: p.source.path })),
    references: docs.references?.data?.documents,
  };
}

/** A lone file: its `kind` picks the schema; cross-file rules need the whole plan and do not run. */
export function checkLoneFile(src: SourceFile): Diagnostic[] {
  const report = new Reporter();
  if (src.data === undefined) return [];
  const kindName = (src.data as { kind?: unknown } | null)?.kind;
  const kind = typeof kindName === 'string' ? FILE_KINDS[kindName] : undefined;
  if (!kind) {
    report.diagnostics.push(
      diagnosticAt(src, { line: 1, column: 1 }, 'file/unknown-kind', { kind: String(kindName ?? '—'), expected: Object.keys(FILE_KINDS).join(', ') }),
    );
    return report.diagnostics;
  }
  checkDoc(kind, { source: src }, report);
  return report.diagnostics.sort(compareDiagnostics);
}
