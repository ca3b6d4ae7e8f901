/**
 * Reads the repository's scoring frame for a command (plans/scoring.yaml beside the plan
 * folder, src/report/scoring-file.ts); prints its located errors and gives exit 1 when it
 * is not a valid frame, like any plan file.
 */
import { scoringFrameFromText, type LoadedFrame } from '../report/scoring-file.js';
import { readScoringText, scoringFile } from './plan-dir.js';
import { displayPath } from '../load/plan-texts.js';
import { printDiagnostics } from './plan-loader.js';
import { writeErr, type Env } from './io.js';
import { summaryAsText } from '../render/diagnostics.js';
import { EXIT } from '../errors.js';

export function loadScoringFrame(planDir: string, env: Env): LoadedFrame | { exit: number } {
  const file = scoringFile(planDir, env.cwd);
  const text = readScoringText(file);
  const loaded = scoringFrameFromText(displayPath(file, env.cwd), text);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(errors, env);
    writeErr(summaryAsText(errors, 1, env.lang, env.chalk));
    return { exit: EXIT.findings };
  }
  return loaded;
}
