/**
 * The references report behind `cchc refs`: the registry of cited documents
 * (references.yaml) with, for each document, the places in the plan's text that cite it,
 * and the citations the registry does not have. Pure: it takes the loaded plan files (the
 * places need their sources) and returns data; renderers format it.
 *
 * Order ("Căn cứ" order), see {@link compareLegalOrder}:
 * 1. by the level of the issuer: central (Đảng trung ương, Quốc hội, Chủ tịch nước, Chính
 *    phủ, Thủ tướng, bộ), then the province (Tỉnh ủy, HĐND, UBND tỉnh), then departments
 *    (Sở ...), then districts and communes (huyện, xã), then anything else;
 * 2. within a level, the Party's documents first ("09-CTr/TU"): the state documents of
 *    that level put them into effect (3809/QĐ-UBND carries out 09-CTr/TU);
 * 3. then by type, in the hierarchy of the Law on legal documents (Luật Ban hành văn bản
 *    quy phạm pháp luật 2015, Điều 4) followed by administrative documents (Nghị định
 *    30/2020/NĐ-CP, Điều 7): Hiến pháp, Bộ luật, Luật, Pháp lệnh, Nghị quyết, Nghị định,
 *    Nghị quyết liên tịch, Quyết định, Chỉ thị, Thông tư, Thông tư liên tịch, Chương trình
 *    hành động, Chương trình, Kế hoạch, Đề án, Quy định, Kết luận, Hướng dẫn, Thông báo,
 *    Công điện, Công văn, Báo cáo, Tờ trình; an unknown type last;
 * 4. then by date, oldest first; a document without a date by the year in its symbol
 *    (130/2005/NĐ-CP before 117/2013/NĐ-CP), else after the dated ones; then by number.
 */
import type { PlanDocs } from '../check/context.js';
import { analyzeRefs, citationIsoDate, likelyIntended, whereCited, type CitationPlace, type Likeness, type RegistryEntry } from '../check/rules/refs.js';
import type { DocType } from '../model/citation.js';
import type { IsoDate } from '../model/dates.js';

/** The level of the issuing authority, for the order of a "Căn cứ" section. */
export type Level = 'central' | 'province' | 'department' | 'district' | 'other';

export const LEVELS: readonly Level[] = ['central', 'province', 'department', 'district', 'other'];

/** Document types in the order a "Căn cứ" section lists them within one level. */
export const TYPE_ORDER: readonly DocType[] = [
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Nghị quyết liên tịch',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Thông tư liên tịch',
  'Chương trình hành động',
  'Chương trình',
  'Kế hoạch',
  'Đề án',
  'Quy định',
  'Kết luận',
  'Hướng dẫn',
  'Thông báo',
  'Công điện',
  'Công văn',
  'Báo cáo',
  'Tờ trình',
];

/** A place in the plan's text that cites a document. */
export interface RefPlace {
  file: string;
  line: number;
  column: number;
  /** The citation as written ("Quyết định số 1847/QĐ-TTg ngày 27/12/2018"). */
  text: string;
  /** The date the text gives, YYYY-MM-DD, when it gives a valid one. */
  date?: IsoDate;
}

/** What orders documents: see {@link compareLegalOrder}. */
export interface OrderKey {
  level: Level;
  /** A document of the Communist Party (Đảng): "09-CTr/TU", "18-NQ/TW". */
  party: boolean;
  type: string;
  date?: IsoDate;
  /** The year inside the symbol (2005 in 130/2005/NĐ-CP): orders a document without a date. */
  year?: number;
  number: string;
  symbol: string;
}

/** One document of the registry. */
export interface RefDocument extends OrderKey {
  issuer: string;
  subject?: string;
  /** Where references.yaml lists it. */
  registry: { file: string; line: number };
  places: RefPlace[];
}

/** A document the text cites that the registry does not list. */
export interface UnregisteredDocument extends OrderKey {
  places: RefPlace[];
  /** The registered document it most likely means (ref/likely-typo). */
  suggestion?: { symbol: string; likeness: Likeness; place: string };
}

export interface RefsReport {
  /** The plan folder, as shown to the user. */
  dir: string;
  /** references.yaml as shown to the user; undefined when the plan has none. */
  registryFile?: string;
  /** The registry, in "Căn cứ" order. */
  documents: RefDocument[];
  /** Documents cited but not registered (all of them when there is no registry), in "Căn cứ" order. */
  unregistered: UnregisteredDocument[];
  /** How many citations the text has. */
  citations: number;
}

const PARTY_CENTRAL = new Set(['TW', 'BCT', 'BBT', 'BCHTW', 'BCHTƯ', 'TƯ']);
const PARTY_PROVINCE = new Set(['TU', 'THU', 'TỈNHỦY']);
const PARTY_DISTRICT = new Set(['HU', 'QU', 'TXU', 'ĐU']);
const CENTRAL_STATE = /^(QH\d*|UBTVQH\d*|CTN|CP|TTG|VPCP|TANDTC|VKSNDTC|KTNN|NHNN|B[A-ZĐ&]+)$/;
const LOCAL_STATE = /^(UBND|HĐND)$/;

/**
 * The level of a document's issuer, from its issuer code ("TTg", "UBND", "TU", "SLĐTBXH";
 * for joint codes the first), with the issuer's name deciding between a province and a
 * district for UBND and HĐND ("UBND huyện Tây Sơn"). Party documents are those in the
 * party form (NUMBER-CODE/ISSUER) or issued by a Party committee.
 */
export function issuerLevel(issuerCode: string, symbol: string, issuer = ''): { level: Level; party: boolean } {
  const code = (issuerCode.split('-')[0] ?? '').toUpperCase();
  const partyForm = /^\d+-/.test(symbol);
  if (PARTY_CENTRAL.has(code)) return { level: 'central', party: true };
  if (PARTY_PROVINCE.has(code)) return { level: 'province', party: true };
  if (PARTY_DISTRICT.has(code)) return { level: 'district', party: true };
  if (CENTRAL_STATE.test(code)) return { level: 'central', party: partyForm };
  if (LOCAL_STATE.test(code)) {
    const name = issuer.normalize('NFC').toLowerCase();
    const district = /huyện|quận|thị xã|thị trấn|(?<!\p{L})xã(?!\p{L})|phường/u.test(name);
    return { level: district ? 'district' : 'province', party: partyForm };
  }
  if (/^S[A-ZĐ&]+$/.test(code)) return { level: 'department', party: partyForm };
  return { level: 'other', party: partyForm };
}

function typeRank(type: string): number {
  const i = (TYPE_ORDER as readonly string[]).indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
}

/** "2013-10-07", or "2005" for an undated 130/2005/NĐ-CP: sorts before any date of 2005. */
function sortDate(k: OrderKey): string | undefined {
  return k.date ?? (k.year !== undefined ? String(k.year) : undefined);
}

/** Undefined last. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** The "Căn cứ" order described at the top of this module. */
export function compareLegalOrder(a: OrderKey, b: OrderKey): number {
  return (
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
    Number(b.party) - Number(a.party) ||
    typeRank(a.type) - typeRank(b.type) ||
    compareOptional(sortDate(a), sortDate(b)) ||
    (Number(a.number) || 0) - (Number(b.number) || 0) ||
    (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0)
  );
}

function placeOf(p: CitationPlace): RefPlace {
  const out: RefPlace = { file: p.file, line: p.position.line, column: p.position.column, text: p.citation.text.replace(/\s+/g, ' ') };
  const date = citationIsoDate(p.citation);
  if (date) out.date = date;
  return out;
}

function documentOf(e: RegistryEntry, places: readonly CitationPlace[]): RefDocument {
  const d = e.document;
  const c = e.citation;
  const doc: RefDocument = {
    ...issuerLevel(c?.issuerCode ?? '', c?.symbol ?? d.symbol, d.issuer),
    type: d.type,
    number: c?.number ?? '',
    symbol: d.symbol,
    ...(c?.year !== undefined ? { year: c.year } : {}),
    issuer: d.issuer,
    registry: { file: e.file, line: e.position.line },
    places: e.key === undefined ? [] : places.filter((p) => p.key === e.key).map(placeOf),
  };
  if (d.date !== undefined) doc.date = d.date;
  if (d.subject !== undefined) doc.subject = d.subject;
  return doc;
}

export function refsReport(docs: PlanDocs): RefsReport {
  const a = analyzeRefs(docs);
  const registry = a.registry ?? [];
  const documents = registry.filter((e) => e.key === undefined || a.byKey.get(e.key) === e).map((e) => documentOf(e, a.places));

  const groups = new Map<string, CitationPlace[]>();
  for (const p of a.places) {
    if (a.byKey.has(p.key)) continue;
    const g = groups.get(p.key);
    if (g) g.push(p);
    else groups.set(p.key, [p]);
  }
  const unregistered = [...groups.values()].map((ps): UnregisteredDocument => {
    const first = ps[0]!;
    const c = first.citation;
    const u: UnregisteredDocument = {
      ...issuerLevel(c.issuerCode, c.symbol),
      type: c.type,
      number: c.number,
      symbol: c.symbol,
      ...(c.year !== undefined ? { year: c.year } : {}),
      places: ps.map(placeOf),
    };
    const date = ps.map((p) => citationIsoDate(p.citation)).find((d) => d !== undefined);
    if (date) u.date = date;
    const likely = a.registry ? likelyIntended(first, registry) : undefined;
    if (likely) u.suggestion = { symbol: likely.entry.document.symbol, likeness: likely.likeness, place: whereCited(likely.entry, a.places) };
    return u;
  });

  const report: RefsReport = {
    dir: docs.dir,
    documents: documents.sort(compareLegalOrder),
    unregistered: unregistered.sort(compareLegalOrder),
    citations: a.places.length,
  };
  if (docs.references) report.registryFile = docs.references.source.path;
  return report;
}
