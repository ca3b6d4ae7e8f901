/**
 * What a rule sees: the plan's files (each with its source for positions and its data when
 * it passed the schema) and a way to report a located finding.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeInfo } from '../diagnostics/codes.js';
import { diagnosticAt, positionOf, type PathSegment, type SourceFile } from '../yaml/source.js';
import type { FileKind } from './schema.js';
import type { PlanFile, UnitsFile, TasksFile, IndicatorsFile, BudgetFile, ProgressFile, ReferencesFile } from '../model/plan.js';

export interface Doc<T> {
  source: SourceFile;
  /** Present only when the file parsed and passed its schema. */
  data?: T;
}

export interface PlanDocs {
  /** The plan folder as shown to the user ('' for a lone file). */
  dir: string;
  /** The folder's own name (2022), to compare with the plan year. */
  folderName: string;
  plan?: Doc<PlanFile>;
  units?: Doc<UnitsFile>;
  tasks?: Doc<TasksFile>;
  indicators?: Doc<IndicatorsFile>;
  budget?: Doc<BudgetFile>;
  references?: Doc<ReferencesFile>;
  progress: Doc<ProgressFile>[];
}

export const SINGLE_FILES: Exclude<FileKind, 'progress'>[] = ['plan', 'units', 'tasks', 'indicators', 'budget', 'references'];

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  at(src: SourceFile, path: readonly PathSegment[], code: string, params: Diagnostic['params'] = {}, onKey = false): void {
    const info = codeInfo(code);
    this.diagnostics.push(diagnosticAt(src, positionOf(src, path, onKey), code, info?.severity ?? 'error', params));
  }
}

export interface Rule {
  name: string;
  run(docs: PlanDocs, report: Reporter): void;
}
