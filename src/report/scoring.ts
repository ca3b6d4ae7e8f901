/**
 * Khung điểm: the scoring frame of the PAR-index criterion "mức độ thực hiện kế hoạch CCHC"
 * (degree of implementation of the plan), kept as data. Provinces set their own thresholds,
 * so they live in a JSON file (scoring-default.json: above 90% → 2 points, 70–90% → 1,
 * below 70% → 0), are checked by parseScoringFrame, and scoring compares exactly, in
 * integers, so that a completion on a bound (9 of 10 is 90%: 1 point, not 2) falls in the
 * band the frame says whatever floating point would make of the quotient.
 */
import defaultFrameData from './scoring-default.json' with { type: 'json' };

/** One band, read top down: the first band whose bound the completion meets gives the points. */
export interface ScoreBand {
  /** Strictly above this percentage ("trên 90%"). */
  above?: number;
  /** At or above this percentage ("từ 70%"). */
  atLeast?: number;
  points: number;
}

export interface ScoringFrame {
  /** A stable name, reported as score.frame. */
  id: string;
  /** The criterion's name, as a phrase that follows "Điểm tiêu chí" / "score on". */
  criterion: { vi: string; en: string };
  /** What the percentage is taken of (documentation only). */
  basis?: string;
  /** Where the thresholds come from (documentation only). */
  source?: string;
  max: number;
  bands: ScoreBand[];
}

export interface FrameProblem {
  /** JSON pointer of the offending value. */
  path: string;
  message: string;
}

export interface Score {
  points: number;
  max: number;
  /** points ÷ max × 100. */
  percent: number;
  /** The frame's id. */
  frame: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPct = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Check a frame read from JSON or YAML; every problem is reported, not just the first. */
export function parseScoringFrame(data: unknown): { frame?: ScoringFrame; problems: FrameProblem[] } {
  const problems: FrameProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObj(data)) return { problems: [{ path: '', message: 'a scoring frame must be an object' }] };
  const known = new Set(['id', 'criterion', 'basis', 'source', 'max', 'bands']);
  for (const k of Object.keys(data)) if (!known.has(k)) bad(`/${k}`, `unknown field "${k}"`);
  if (typeof data.id !== 'string' || data.id.trim() === '') bad('/id', 'id must be a non-empty string');
  const c = data.criterion;
  if (!isObj(c) || typeof c.vi !== 'string' || typeof c.en !== 'string' || !c.vi || !c.en) bad('/criterion', 'criterion needs non-empty "vi" and "en"');
  for (const k of ['basis', 'source'] as const) if (data[k] !== undefined && typeof data[k] !== 'string') bad(`/${k}`, `${k} must be a string`);
  const max = data.max;
  if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) bad('/max', 'max must be a positive number');
  const bands = data.bands;
  if (!Array.isArray(bands) || bands.length === 0) {
    bad('/bands', 'bands must be a non-empty list');
  } else {
    let prev: { value: number; strict: boolean; points: number } | undefined;
    bands.forEach((b: unknown, i) => {
      const at = `/bands/${i}`;
      if (!isObj(b)) return void bad(at, 'a band must be an object');
      for (const k of Object.keys(b)) if (!['above', 'atLeast', 'points'].includes(k)) bad(`${at}/${k}`, `unknown field "${k}"`);
      const hasAbove = b.above !== undefined;
      if (hasAbove === (b.atLeast !== undefined)) return void bad(at, 'a band needs exactly one of "above" and "atLeast"');
      const value = hasAbove ? b.above : b.atLeast;
      if (!isPct(value)) return void bad(`${at}/${hasAbove ? 'above' : 'atLeast'}`, 'a bound must be a percentage from 0 to 100');
      if (Math.round(value * 100) !== value * 100) bad(`${at}/${hasAbove ? 'above' : 'atLeast'}`, 'a bound has at most two decimals');
      const points = b.points;
      if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || (typeof max === 'number' && points > max)) {
        return void bad(`${at}/points`, 'points must be from 0 to max');
      }
      const cur = { value, strict: hasAbove, points };
      // Read top down, so each bound must be lower than the one before ("above 90" before "at least 90" is fine).
      if (prev && !(cur.value < prev.value || (cur.value === prev.value && prev.strict && !cur.strict))) {
        bad(at, 'bands must go from the highest bound down');
      }
      if (prev && cur.points > prev.points) bad(`${at}/points`, 'a lower band cannot give more points');
      prev = cur;
    });
    const last = bands.at(-1) as Record<string, unknown> | undefined;
    if (isObj(last) && !(last.atLeast === 0 && last.above === undefined)) {
      bad(`/bands/${bands.length - 1}`, 'the last band must be "atLeast: 0" so that every completion gets a score');
    }
  }
  if (problems.length > 0) return { problems };
  const d = data as unknown as ScoringFrame;
  const frame: ScoringFrame = {
    id: d.id,
    criterion: { vi: d.criterion.vi, en: d.criterion.en },
    max: d.max,
    bands: d.bands.map((b) => (b.above !== undefined ? { above: b.above, points: b.points } : { atLeast: b.atLeast!, points: b.points })),
  };
  if (d.basis !== undefined) frame.basis = d.basis;
  if (d.source !== undefined) frame.source = d.source;
  return { frame, problems };
}

function loadDefault(): ScoringFrame {
  const { frame, problems } = parseScoringFrame(defaultFrameData);
  if (!frame) throw new Error(`scoring-default.json is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return frame;
}

/** Above 90% → 2 points, 70–90% → 1, below 70% → 0. */
export const DEFAULT_FRAME: ScoringFrame = loadDefault();

/** Whether finished ÷ planned × 100 meets a band's bound, compared in integers (bounds in hundredths of a percent). */
function meets(band: ScoreBand, finished: number, planned: number): boolean {
  const bound = BigInt(Math.round((band.above ?? band.atLeast ?? 0) * 100));
  const lhs = BigInt(finished) * 10000n;
  const rhs = bound * BigInt(planned);
  return band.above !== undefined ? lhs > rhs : lhs >= rhs;
}

/** The band a completion falls in; a plan with no tasks counts as 0%. */
export function bandOf(frame: ScoringFrame, finished: number, planned: number): ScoreBand | undefined {
  // 0 of 0 would meet every "at least" bound; a plan with nothing planned has done 0%.
  const [f, p] = planned > 0 ? [finished, planned] : [0, 1];
  return frame.bands.find((b) => meets(b, f, p));
}

export function scoreCompletion(frame: ScoringFrame, finished: number, planned: number): Score {
  const points = bandOf(frame, finished, planned)?.points ?? 0;
  return { points, max: frame.max, percent: (points / frame.max) * 100, frame: frame.id };
}
