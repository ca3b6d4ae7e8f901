/**
 * Parsing and checking a plan folder's texts (plan-texts.ts reads them; index.ts puts the
 * cache around this). Returns sources and diagnostics; never throws for bad input.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanDocs, Doc } from '../check/context.js';
import { checkPlan, type PlanCheck } from '../check/index.js';
import { compareDiagnostics, makeDiagnostic } from '../diagnostics/diagnostic.js';
import { parseSource } from '../yaml/source.js';
import { readText, type ReadResult } from './read.js';
import { displayPath, readPlanTexts, type FolderRead, type PlanText } from './plan-texts.js';

export * from './plan-texts.js';

/** Parse the texts into the documents the rules read. Pure. */
export function docsFromTexts(displayDir: string, folderName: string, texts: readonly PlanText[]): { docs: PlanDocs; diagnostics: Diagnostic[] } {
  const docs: PlanDocs = { dir: displayDir, folderName, progress: [] };
  const diagnostics: Diagnostic[] = [];
  for (const t of texts) {
    const source = parseSource(t.path, t.text);
    diagnostics.push(...source.diagnostics);
    const doc: Doc<never> = { source };
    if (t.kind === 'progress') docs.progress.push(doc);
    else (docs as unknown as Record<string, Doc<never>>)[t.kind] = doc;
  }
  return { docs, diagnostics };
}

export function loadPlanFolder(dir: string, cwd: string): { docs: PlanDocs; diagnostics: Diagnostic[] } {
  const { texts, diagnostics } = readPlanTexts(dir, cwd);
  const parsed = docsFromTexts(displayPath(dir, cwd), path.basename(dir), texts);
  return { docs: parsed.docs, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}

/** At most this many findings are reported per file; one limit/findings says how many more. */
export const MAX_FINDINGS_PER_FILE = 200;

/** Parse and check texts already read: the findings, sorted, the plan when it is sound. */
export function checkFolderTexts(read: FolderRead): PlanCheck & { docs: PlanDocs } {
  const { docs, diagnostics: yamlDs } = docsFromTexts(read.displayDir, read.folderName, read.texts);
  const result = checkPlan(docs);
  const diagnostics = capFindings([...read.diagnostics, ...yamlDs, ...result.diagnostics].sort(compareDiagnostics));
  return { diagnostics, plan: result.plan, docs };
}

/** The first MAX_FINDINGS_PER_FILE findings of each file (sorted input), and a note of the rest. */
export function capFindings(sorted: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < sorted.length) {
    const file = sorted[i]!.file;
    let j = i;
    while (j < sorted.length && sorted[j]!.file === file) j++;
    out.push(...sorted.slice(i, Math.min(j, i + MAX_FINDINGS_PER_FILE)));
    if (j - i > MAX_FINDINGS_PER_FILE) {
      // After the file's last finding shown, so the sorted order holds.
      const last = sorted[j - 1]!;
      out.push(
        makeDiagnostic(
          'limit/findings',
          file,
          { line: last.line, column: last.column + 1 },
          { count: j - i - MAX_FINDINGS_PER_FILE, max: MAX_FINDINGS_PER_FILE },
        ),
      );
    }
    i = j;
  }
  return out;
}

/** A lone YAML file, not inside a plan folder: checked against the schema its `kind` names. */
export function loadLoneFile(file: string, cwd: string): { source?: import('../yaml/source.js').SourceFile; diagnostics: Diagnostic[] } {
  const r = readSource(file, displayPath(file, cwd));
  return { source: r.source, diagnostics: r.diagnostics };
}

/** Read and parse one YAML file. Never throws for bad input. */
export function readSource(file: string, displayPath = file): ReadResult {
  const { text, diagnostics } = readText(file, displayPath);
  if (text === undefined) return { diagnostics };
  const source = parseSource(displayPath, text);
  return { source, diagnostics: source.diagnostics };
}
