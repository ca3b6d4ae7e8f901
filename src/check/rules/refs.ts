/**
 * Citation rules: the documents the plan's text cites, checked against the registry of
 * cited documents (references.yaml).
 *
 * What is read: every string of plan.yaml, tasks.yaml, indicators.yaml and budget.yaml
 * (purposes, requirements, preamble, legal bases, solutions, funding, duties, task titles
 * and products, indicator texts, budget lines...). Progress files are not read: the
 * documents they name are the plan's products, issued after it. A citation of the plan
 * itself (its own number and symbol) is not a cited document.
 *
 * When: only when the plan folder has a references.yaml that passed its schema. A plan
 * without a registry gets no ref/* finding (registries are optional and lag behind the
 * text); `cchc refs` still lists what its text cites.
 *
 * What is found (codes in diagnostics/codes-refs.ts):
 * - ref/unknown-type, ref/bad-symbol, ref/duplicate: registry entries cchc cannot read or
 *   that list one document twice;
 * - ref/unknown: a citation that is not in the registry (a warning: registries lag);
 * - ref/likely-typo: not in the registry but close to an entry (same type code and issuer,
 *   a number one digit off or with two adjacent digits swapped, or the same type and the
 *   entry's subject right after it), naming the entry and where the text cites it;
 * - ref/conflicting-type: the text calls a registered document by another type;
 * - ref/invalid-date: a date that does not exist (31/9/2021);
 * - ref/conflicting-date: one document with two dates, text against registry or, when the
 *   registry has no date, text against the first dated citation;
 * - ref/after-plan: a citation dated (in the text, or else in the registry) after the plan:
 *   after `date` in plan.yaml or, for a plan without a date (a draft), after 31/12 of the
 *   year before the plan year: a plan for 2022 is drafted in 2021. A draft written in
 *   January that cites a document of that month sets its expected date in plan.yaml.
 * - ref/unused: a registry entry the text never cites.
 *
 * Documents are the same when their number (leading zeros aside), symbol year, type code
 * and issuer code agree, with a plain "D" read as "Đ" and case ignored in the codes: so
 * "09-CTr/TU" and "9-CTr/TU", or "1847/QD-TTg" and "1847/QĐ-TTg", are one document.
 */
import { defineRule, type Doc, type PlanDocs, type Rule, type RuleReporter } from '../context.js';
import type { Code, ParamsOf, Position } from '../../diagnostics/diagnostic.js';
import { DOC_TYPES, findCitations, similarCitation, type Citation } from '../../model/citation.js';
import { isoDate, isValidIsoDate, type IsoDate } from '../../model/dates.js';
import type { CitedDocument, PlanFile, ReferencesFile } from '../../model/plan.js';
import { locateSpan, offsetPosition, positionOf, type PathSegment, type SourceFile } from '../../yaml/source.js';

/** The files whose text is searched for citations, in the order their places are listed. */
export const CITING_FILES = ['plan', 'tasks', 'indicators', 'budget'] as const;

// ---------------------------------------------------------------------------------------
// Positions inside a string

/**
 * Where the characters `[offset, offset + length)` of the string `value` at `path` stand in
 * the file. A one-line plain scalar maps directly (node start + offset; + 1 past the quote
 * of a quoted scalar without escapes). Otherwise (multi-line, folded or literal blocks,
 * escapes) the same occurrence of those characters is searched in the node's source text;
 * when they are not there as written (a citation folded across a line break, a non-NFC
 * file), the node's start is returned.
 */
export function positionInString(src: SourceFile, path: readonly PathSegment[], value: string, offset: number, length: number): Position {
  const { node } = locateSpan(src, path);
  if (node?.kind !== 'scalar') return positionOf(src, path);
  const { start, end: valueEnd } = node;
  const raw = src.text.slice(start, valueEnd);
  let at: number | undefined;
  if (!raw.includes('\n')) {
    if (node.style === 'PLAIN' && raw === value) at = start + offset;
    else if ((node.style === 'QUOTE_DOUBLE' || node.style === 'QUOTE_SINGLE') && raw.slice(1, -1) === value) at = start + 1 + offset;
  }
  if (at === undefined && length > 0) {
    const needle = value.slice(offset, offset + length);
    let nth = 0;
    for (let i = value.indexOf(needle); i >= 0 && i < offset; i = value.indexOf(needle, i + needle.length)) nth++;
    let i = raw.indexOf(needle);
    for (let k = 0; k < nth && i >= 0; k++) i = raw.indexOf(needle, i + needle.length);
    if (i >= 0) at = start + i;
  }
  if (at === undefined) return offsetPosition(src, start);
  const end = offsetPosition(src, at + length);
  return { ...offsetPosition(src, at), endLine: end.line, endColumn: end.column };
}

/** "plan.yaml:83:170": a place as the messages name it. */
export function placeLabel(file: string, pos: Position): string {
  return `${file}:${pos.line}:${pos.column}`;
}

// ---------------------------------------------------------------------------------------
// Documents and their identity

/** Codes compared without case, with a plain "D" read as "Đ" (a common typing slip). */
function foldCode(s: string): string {
  return s.toUpperCase().replace(/D/g, 'Đ');
}

/** One key per document: "1847||QĐ|TTG", "107|2020|NĐ|CP", "9||CTR|TU". */
export function documentKey(c: Pick<Citation, 'number' | 'year' | 'typeCode' | 'issuerCode'>): string {
  return [c.number.replace(/^0+(?=\d)/, ''), c.year ?? '', foldCode(c.typeCode), foldCode(c.issuerCode)].join('|');
}

/** A citation's date as YYYY-MM-DD, when it exists. */
export function citationIsoDate(c: Citation): IsoDate | undefined {
  const d = c.date;
  return d?.valid ? isoDate(d.year, d.month, d.day) : undefined;
}

/** dd/mm/yyyy, the form the messages use in both languages. */
export function shortDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Chương trình" is the short name of "Chương trình hành động". */
export function sameType(a: string, b: string): boolean {
  const short = (t: string) => (t === 'Chương trình hành động' ? 'Chương trình' : t);
  return short(a) === short(b);
}

/** One entry of references.yaml, read. */
export interface RegistryEntry {
  index: number;
  document: CitedDocument;
  /** The entry's type and symbol read as a citation; undefined when cchc cannot read them. */
  citation?: Citation;
  key?: string;
  /** references.yaml, as shown to the user. */
  file: string;
  /** Where the entry's symbol is. */
  position: Position;
  /** Where the entry's date is (its symbol when it has none). */
  datePosition: Position;
  /** The entry's problem, when it has one. */
  problem?: 'unknown-type' | 'bad-symbol';
}

/**
 * Define `key` on `obj` as a position computed on first read. Finding a position may need
 * the file's syntax tree, which a file read on the fast path does not have: computing only
 * the positions a finding or `cchc refs` actually shows keeps `cchc validate` fast.
 */
function lazyPosition<T extends object>(obj: T, key: string, compute: () => Position): T {
  let value: Position | undefined;
  Object.defineProperty(obj, key, { get: () => (value ??= compute()), enumerable: true, configurable: true });
  return obj;
}

export function readRegistry(doc: Doc<ReferencesFile>): RegistryEntry[] {
  const src = doc.source;
  return (doc.data?.documents ?? []).map((d, index): RegistryEntry => {
    const base = { index, document: d, file: src.path } as Pick<RegistryEntry, 'index' | 'document' | 'file' | 'position' | 'datePosition'>;
    lazyPosition(base, 'position', () => positionOf(src, ['documents', index, 'symbol']));
    lazyPosition(base, 'datePosition', () => (d.date !== undefined ? positionOf(src, ['documents', index, 'date']) : base.position));
    // Extend `base` in place: spreading it would read (and so compute) the lazy positions.
    const entry = base as RegistryEntry;
    if (!(DOC_TYPES as readonly string[]).includes(d.type)) return Object.assign(entry, { problem: 'unknown-type' as const });
    const probe = `${d.type} số ${d.symbol}`;
    const found = findCitations(probe);
    const c = found[0];
    if (found.length !== 1 || !c || c.start !== 0 || c.end !== probe.length || c.date) return Object.assign(entry, { problem: 'bad-symbol' as const });
    return Object.assign(entry, { citation: c, key: documentKey(c) });
  });
}

// ---------------------------------------------------------------------------------------
// Citations in the plan's text

/** One citation in the plan's text, with where it stands. */
export interface CitationPlace {
  citation: Citation;
  /** The file, as shown to the user. */
  file: string;
  src: SourceFile;
  /** The string's path in its file (["tasks", 15, "title"]). */
  path: PathSegment[];
  /** The citation, from its type word (or number) to the end of its symbol or date. */
  position: Position;
  /** The date after the citation, when it has one. */
  datePosition?: Position;
  /** The words after the citation up to the next one, for matching a subject. */
  context: string;
  key: string;
}

const SKIP_KEYS = new Set(['apiVersion', 'kind']);

function eachString(data: unknown, visit: (value: string, path: PathSegment[]) => void): void {
  const path: PathSegment[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      visit(v, [...path]);
      return;
    }
    if (v === null || typeof v !== 'object' || depth > 64) return;
    const entries: [PathSegment, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      if (depth === 0 && typeof k === 'string' && SKIP_KEYS.has(k)) continue;
      path.push(k);
      walk(x, depth + 1);
      path.pop();
    }
  };
  walk(data, 0);
}

/** The plan's own number and symbol ("45/KH-UBND"), which its text may name. */
function ownKey(docs: PlanDocs): string | undefined {
  const data = docs.plan?.source.data as { number?: unknown; symbol?: unknown } | undefined;
  if (typeof data?.number !== 'string' || typeof data.symbol !== 'string') return undefined;
  const c = findCitations(`${data.number}/${data.symbol}`)[0];
  return c ? documentKey(c) : undefined;
}

/** Where, inside a citation, its date starts (after the last "ngày"). */
function dateOffset(c: Citation): number | undefined {
  if (!c.date) return undefined;
  const m = [...c.text.matchAll(/ngày\s*/giu)].at(-1);
  return m ? c.start + m.index + m[0].length : undefined;
}

/** Every citation in the plan's text (not the plan's own symbol), in file and text order. */
export function findCitationPlaces(docs: PlanDocs): CitationPlace[] {
  const own = ownKey(docs);
  const out: CitationPlace[] = [];
  for (const kind of CITING_FILES) {
    const doc = docs[kind] as Doc<unknown> | undefined;
    const src = doc?.source;
    if (!src || src.data === undefined) continue;
    eachString(src.data, (value, path) => {
      const found = findCitations(value);
      found.forEach((c, i) => {
        const key = documentKey(c);
        if (key === own) return;
        const at = dateOffset(c);
        const place = {
          citation: c,
          file: src.path,
          src,
          path,
          context: value.slice(c.end, found[i + 1]?.start ?? value.length),
          key,
        } as CitationPlace;
        lazyPosition(place, 'position', () => positionInString(src, path, value, c.start, c.end - c.start));
        if (at !== undefined) lazyPosition(place, 'datePosition', () => positionInString(src, path, value, at, c.end - at));
        out.push(place);
      });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Matching citations to the registry

/** Text compared for a subject: NFC, lower case, no quotes, single spaces. */
function normaliseSubject(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/["“”'‘’«»]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^(về việc|về)\s+/, '')
    .trim();
}

export type Likeness = 'one-digit' | 'swapped' | 'subject';

/**
 * The registered document a citation not in the registry most likely means: same type
 * code and issuer with a number one digit off or two adjacent digits swapped (preferred),
 * or the same type with the entry's subject (three words or more) in the words after the
 * citation.
 */
export function likelyIntended(place: CitationPlace, registry: readonly RegistryEntry[]): { entry: RegistryEntry; likeness: Likeness } | undefined {
  // Only an entry of the same codes whose number is one digit off or has two digits
  // swapped can match: its numbers are looked up, not compared with every entry (a plan
  // citing thousands of documents of one issuer stays linear). The first in registry order wins.
  const index = sameNumbers(registry);
  const codes = codesKey(place.citation);
  let best: { entry: RegistryEntry; likeness: Likeness } | undefined;
  for (const n of numberVariants(place.citation.number)) {
    for (const entry of index.get(`${codes}|${n}`) ?? []) {
      const s = similarCitation(place.citation, entry.citation!);
      if (s && (!best || entry.index < best.entry.index)) best = { entry, likeness: s };
    }
  }
  if (best) return best;
  const subjects = subjectEntries(registry);
  if (subjects.length === 0) return undefined;
  const context = normaliseSubject(place.context);
  for (const { entry, subject } of subjects) {
    if (sameType(place.citation.type, entry.document.type) && context.includes(subject)) return { entry, likeness: 'subject' };
  }
  return undefined;
}

const subjectLists = new WeakMap<readonly RegistryEntry[], { entry: RegistryEntry; subject: string }[]>();

/** The readable entries with a subject of three words or more, normalised once per registry. */
function subjectEntries(registry: readonly RegistryEntry[]): { entry: RegistryEntry; subject: string }[] {
  let list = subjectLists.get(registry);
  if (!list) {
    list = [];
    for (const entry of registry) {
      const subject = entry.document.subject ? normaliseSubject(entry.document.subject) : '';
      if (entry.citation && subject.split(' ').length >= 3) list.push({ entry, subject });
    }
    subjectLists.set(registry, list);
  }
  return list;
}

/** The codes similarCitation compares, folded as it folds them. */
function codesKey(c: Citation): string {
  const fold = (x: string): string => x.replace(/D/g, 'Đ');
  return `${fold(c.typeCode)}|${fold(c.issuerCode)}`;
}

/** The numbers one digit off `n`, and those with two adjacent digits swapped (similarNumber). */
function numberVariants(n: string): string[] {
  if (!/^\d+$/.test(n)) return [];
  const out: string[] = [];
  for (let i = 0; i < n.length; i++) {
    for (const d of '0123456789') if (d !== n[i]) out.push(n.slice(0, i) + d + n.slice(i + 1));
    if (i + 1 < n.length && n[i] !== n[i + 1]) out.push(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2));
  }
  return out;
}

const numberIndexes = new WeakMap<readonly RegistryEntry[], Map<string, RegistryEntry[]>>();

/** The readable entries of a registry by type code, issuer and number. */
function sameNumbers(registry: readonly RegistryEntry[]): Map<string, RegistryEntry[]> {
  let index = numberIndexes.get(registry);
  if (!index) {
    index = new Map();
    for (const e of registry) {
      if (!e.citation) continue;
      const k = `${codesKey(e.citation)}|${e.citation.number}`;
      const list = index.get(k);
      if (list) list.push(e);
      else index.set(k, [e]);
    }
    numberIndexes.set(registry, index);
  }
  return index;
}

export interface RefsAnalysis {
  /** undefined when the plan has no references.yaml, or it failed its schema. */
  registry?: RegistryEntry[];
  /** The first readable entry of each document. */
  byKey: Map<string, RegistryEntry>;
  places: CitationPlace[];
  /** The bound for ref/after-plan; undefined when plan.yaml did not pass its schema. */
  cutoff?: IsoDate;
}

/**
 * The plan's date, or for a plan without one (a draft) 31/12 of the year before the plan
 * year: a citation dated later than that cannot be right.
 */
export function planCutoff(plan: PlanFile): IsoDate {
  return plan.date && isValidIsoDate(plan.date) ? plan.date : `${plan.year - 1}-12-31`;
}

/** One analysis per plan: the seven ref rules and `cchc refs` share it (BENCHMARKS.md). */
const analyses = new WeakMap<PlanDocs, RefsAnalysis>();

export function analyzeRefs(docs: PlanDocs): RefsAnalysis {
  let a = analyses.get(docs);
  if (!a) analyses.set(docs, (a = analyzeRefsOnce(docs)));
  return a;
}

function analyzeRefsOnce(docs: PlanDocs): RefsAnalysis {
  const registry = docs.references?.data ? readRegistry(docs.references as Doc<ReferencesFile>) : undefined;
  const byKey = new Map<string, RegistryEntry>();
  for (const e of registry ?? []) if (e.key !== undefined && !byKey.has(e.key)) byKey.set(e.key, e);
  const analysis: RefsAnalysis = { byKey, places: findCitationPlaces(docs) };
  if (registry) analysis.registry = registry;
  if (docs.plan?.data) analysis.cutoff = planCutoff(docs.plan.data);
  return analysis;
}

/** Where the text first cites a registered document, else where the registry lists it. */
const firstPlaces = new WeakMap<readonly CitationPlace[], Map<string, CitationPlace>>();

export function whereCited(entry: RegistryEntry, places: readonly CitationPlace[]): string {
  let byKey = firstPlaces.get(places);
  if (!byKey) {
    byKey = new Map();
    for (const p of places) if (!byKey.has(p.key)) byKey.set(p.key, p);
    firstPlaces.set(places, byKey);
  }
  const first = entry.key === undefined ? undefined : byKey.get(entry.key);
  return placeLabel(first?.file ?? entry.file, first?.position ?? entry.position);
}

// ---------------------------------------------------------------------------------------
// The rules

function reportAt<R extends Code, K extends R>(report: RuleReporter<R>, src: SourceFile, pos: Position, code: K, params: ParamsOf<K>): void {
  report.atPosition(src, pos, code, params);
}

/** Runs `check` only for a plan with a registry that passed its schema; it may emit `codes`. */
function withRegistry<const C extends Code>(
  name: string,
  codes: readonly C[],
  check: (a: RefsAnalysis & { registry: RegistryEntry[] }, docs: PlanDocs, report: RuleReporter<C>) => void,
): Rule {
  return defineRule({
    name,
    codes,
    run(docs, report) {
      if (!docs.references?.data) return;
      const a = analyzeRefs(docs);
      if (a.registry) check(a as RefsAnalysis & { registry: RegistryEntry[] }, docs, report);
    },
  });
}

export const refRegistryReadable = withRegistry(
  'ref-registry-readable',
  ['ref/unknown-type', 'ref/bad-symbol', 'ref/duplicate'],
  ({ registry }, docs, report) => {
    const src = docs.references!.source;
    const first = new Map<string, RegistryEntry>();
    for (const e of registry) {
      const d = e.document;
      if (e.problem === 'unknown-type') {
        reportAt(report, src, positionOf(src, ['documents', e.index, 'type']), 'ref/unknown-type', { actual: d.type, expected: DOC_TYPES.join(', ') });
      } else if (e.problem === 'bad-symbol') {
        reportAt(report, src, e.position, 'ref/bad-symbol', { actual: d.symbol });
      } else if (e.key !== undefined) {
        const prev = first.get(e.key);
        if (prev) reportAt(report, src, e.position, 'ref/duplicate', { symbol: d.symbol, other: prev.position.line });
        else first.set(e.key, e);
      }
    }
  },
);

export const refCitationsRegistered = withRegistry(
  'ref-citations-registered',
  ['ref/likely-typo', 'ref/unknown'],
  ({ registry, byKey, places }, _docs, report) => {
    for (const p of places) {
      if (byKey.has(p.key)) continue;
      const c = p.citation;
      const likely = likelyIntended(p, registry);
      if (likely) {
        reportAt(report, p.src, p.position, 'ref/likely-typo', {
          type: c.type,
          symbol: c.symbol,
          intended: likely.entry.document.symbol,
          place: whereCited(likely.entry, places),
          likeness: likely.likeness,
        });
      } else {
        reportAt(report, p.src, p.position, 'ref/unknown', { type: c.type, symbol: c.symbol });
      }
    }
  },
);

export const refTypesAgree = withRegistry('ref-types-agree', ['ref/conflicting-type'], ({ byKey, places }, _docs, report) => {
  for (const p of places) {
    const entry = byKey.get(p.key);
    if (!entry?.citation || sameType(entry.document.type, p.citation.type)) continue;
    reportAt(report, p.src, p.position, 'ref/conflicting-type', {
      symbol: p.citation.symbol,
      expected: entry.document.type,
      actual: p.citation.type,
      place: placeLabel(entry.file, entry.position),
    });
  }
});

export const refDatesExist = withRegistry('ref-dates-exist', ['ref/invalid-date'], ({ places }, _docs, report) => {
  for (const p of places) {
    const d = p.citation.date;
    if (d && !d.valid) reportAt(report, p.src, p.datePosition ?? p.position, 'ref/invalid-date', { actual: d.text, symbol: p.citation.symbol });
  }
});

export const refDatesAgree = withRegistry('ref-dates-agree', ['ref/conflicting-date'], ({ byKey, places }, _docs, report) => {
  const firstDated = new Map<string, CitationPlace>();
  for (const p of places) {
    const date = citationIsoDate(p.citation);
    if (!date) continue;
    const entry = byKey.get(p.key);
    const registered = entry?.document.date;
    const pos = p.datePosition ?? p.position;
    if (entry && registered) {
      if (registered !== date) {
        reportAt(report, p.src, pos, 'ref/conflicting-date', {
          symbol: p.citation.symbol,
          actual: shortDate(date),
          expected: shortDate(registered),
          place: placeLabel(entry.file, entry.datePosition),
        });
      }
      continue;
    }
    const first = firstDated.get(p.key);
    if (!first) {
      firstDated.set(p.key, p);
      continue;
    }
    const firstDate = citationIsoDate(first.citation)!;
    if (firstDate !== date) {
      reportAt(report, p.src, pos, 'ref/conflicting-date', {
        symbol: p.citation.symbol,
        actual: shortDate(date),
        expected: shortDate(firstDate),
        place: placeLabel(first.file, first.datePosition ?? first.position),
      });
    }
  }
});

export const refDatesBeforePlan = withRegistry('ref-dates-before-plan', ['ref/after-plan'], ({ byKey, places, cutoff }, _docs, report) => {
  if (!cutoff) return;
  for (const p of places) {
    const date = citationIsoDate(p.citation) ?? (p.citation.date ? undefined : byKey.get(p.key)?.document.date);
    if (!date || !isValidIsoDate(date) || date <= cutoff) continue;
    reportAt(report, p.src, p.datePosition ?? p.position, 'ref/after-plan', {
      symbol: p.citation.symbol,
      date: shortDate(date),
      bound: shortDate(cutoff),
    });
  }
});

export const refRegistryUsed = withRegistry('ref-registry-used', ['ref/unused'], ({ registry, byKey, places }, docs, report) => {
  const cited = new Set(places.map((p) => p.key));
  for (const e of registry) {
    if (e.key === undefined || byKey.get(e.key) !== e || cited.has(e.key)) continue;
    reportAt(report, docs.references!.source, e.position, 'ref/unused', { symbol: e.document.symbol });
  }
});

export const refRules: Rule[] = [refRegistryReadable, refCitationsRegistered, refTypesAgree, refDatesExist, refDatesAgree, refDatesBeforePlan, refRegistryUsed];
