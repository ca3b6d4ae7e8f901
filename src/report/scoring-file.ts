/**
 * The scoring frame as data of the plan repository (issue 16.7): an optional
 * `plans/scoring.yaml` beside the plan folders (schema: schemas/scoring.schema.json), read,
 * checked and located like every plan file; the built-in frame (scoring-default.json) when
 * there is none. The file is read by the caller; this module is pure.
 */
import { parseSource, positionOf, diagnosticAt, type PathSegment } from '../yaml/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_FRAME, parseScoringFrame, type ScoringFrame } from './scoring.js';

export interface LoadedFrame {
  frame: ScoringFrame;
  /** The file it came from, as shown; undefined for the built-in frame. */
  file?: string;
  diagnostics: Diagnostic[];
}

/**
 * The frame from a scoring.yaml text (shown as `shownPath`), or the built-in frame with the
 * file's located errors (scoring/invalid) when it is not a valid frame.
 */
export function scoringFrameFromText(shownPath: string, text: string | undefined): LoadedFrame {
  if (text === undefined) return { frame: DEFAULT_FRAME, diagnostics: [] };
  const src = parseSource(shownPath, text);
  if (src.diagnostics.some((d) => d.severity === 'error') || src.data === undefined)
    return { frame: DEFAULT_FRAME, file: shownPath, diagnostics: src.diagnostics };
  const data = src.data as Record<string, unknown> | null;
  // The editor's header fields are allowed; the rest is the frame.
  const body =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'apiVersion' && k !== 'kind'))
      : data;
  const { frame, problems } = parseScoringFrame(body);
  if (frame) return { frame, file: shownPath, diagnostics: src.diagnostics };
  const diagnostics = problems.map((p) => {
    const path: PathSegment[] = p.path
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return diagnosticAt(src, positionOf(src, path, p.message.startsWith('unknown field')), 'scoring/invalid', { detail: p.message });
  });
  return { frame: DEFAULT_FRAME, file: shownPath, diagnostics: [...src.diagnostics, ...diagnostics] };
}
