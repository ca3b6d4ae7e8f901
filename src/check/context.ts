/**
 * What a rule sees: the plan's files (each with its source for positions and its data when
 * it passed the schema) and a way to report a located finding.
 */
import type { Code, Diagnostic, ParamsOf, Position } from '../diagnostics/diagnostic.js';
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

/** What a rule reports through: only the codes it declared, each with its own params. */
export interface RuleReporter<C extends Code> {
  /** A finding at the YAML node at `path` (at its key with `onKey`). */
  at<K extends C>(src: SourceFile, path: readonly PathSegment[], code: K, params: ParamsOf<K>, onKey?: boolean): void;
  /** A finding at a position already known (a citation inside a string). */
  atPosition<K extends C>(src: SourceFile, pos: Position, code: K, params: ParamsOf<K>): void;
}

export class Reporter implements RuleReporter<Code> {
  readonly diagnostics: Diagnostic[] = [];

  at<K extends Code>(src: SourceFile, path: readonly PathSegment[], code: K, params: ParamsOf<K>, onKey = false): void {
    this.diagnostics.push(diagnosticAt(src, positionOf(src, path, onKey), code, params));
  }

  atPosition<K extends Code>(src: SourceFile, pos: Position, code: K, params: ParamsOf<K>): void {
    this.diagnostics.push(diagnosticAt(src, pos, code, params));
  }
}

/** A cross-file rule: its name, the codes it may emit (docs/codes.md), and the check. */
export interface Rule {
  name: string;
  codes: readonly Code[];
  run(docs: PlanDocs, report: Reporter): void;
}

/**
 * A rule owns its codes, as an ESLint rule owns its message ids: `run` gets a reporter that
 * accepts only the declared codes, so emitting another does not compile, and
 * tests/unit/rule-codes.test.ts checks the same at run time over the fixture cases.
 */
export function defineRule<const C extends Code>(rule: { name: string; codes: readonly C[]; run(docs: PlanDocs, report: RuleReporter<C>): void }): Rule {
  return rule;
}
