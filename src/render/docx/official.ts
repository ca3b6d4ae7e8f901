/**
 * The parts every administrative document shares (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the header table (agency on the left, Quốc hiệu and Tiêu ngữ on the right, the number
 * line and the place and date), the title, and the closing table (Nơi nhận on the left, the
 * signer on the right). Pure: a plan's metadata in, blocks out.
 */
import type { Plan } from '../../model/plan.js';
import { DRAFT_NUMBER } from '../appendix-sheets.js';
import { body, cell, para, run, SIZE, type Block, type Para, type Table } from './document.js';

type Meta = Plan['meta'];

export const MOTTO_NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DRAFT_MARK = 'DỰ THẢO';
/** The day and month a clerk fills in by hand on a draft. */
export const DRAFT_DAY = '.....';
export const DRAFT_YEAR = '.......';

function upper(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi');
}

/** "Bình Định, ngày 05 tháng 01 năm 2023", or dotted on a draft without a date. */
export function placeAndDate(place: string | undefined, date: string | null | undefined): string {
  const where = place ? `${place}, ` : '';
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return `${where}ngày ${DRAFT_DAY} tháng ${DRAFT_DAY} năm ${DRAFT_YEAR}`;
  const month = Number(m[2]);
  return `${where}ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}

/** "Số: 45/KH-UBND", or "Số: ....../KH-SLĐTBXH" on a draft. */
export function numberLine(number: string | null | undefined, symbol: string | undefined): string {
  const no = number ? String(number).trim() : DRAFT_NUMBER;
  return `Số: ${no}/${symbol?.trim() || 'KH-......'}`;
}

/**
 * The header table, two columns without borders. Left: the parent agency (regular) and the
 * agency (bold) in upper case, a short rule under the agency, then the number. Right: the
 * Quốc hiệu (bold, upper case), the Tiêu ngữ (bold) with a rule as long as the line, then
 * the place and date in italics.
 */
export function headerTable(meta: Pick<Meta, 'agency' | 'place'>, number: string, date: string): Table {
  const left: Para[] = [];
  if (meta.agency.parent) left.push(para([run(upper(meta.agency.parent))], { align: 'center', size: SIZE.agency, before: 0, after: 0 }));
  left.push(para([run(upper(meta.agency.name), { bold: true })], { align: 'center', size: SIZE.agency, before: 0, after: 0, rule: 0.4 }));
  left.push(para([run(number)], { align: 'center', size: SIZE.header, before: 6, after: 0 }));
  const right: Para[] = [
    para([run(MOTTO_NATION, { bold: true })], { align: 'center', size: SIZE.header, before: 0, after: 0 }),
    para([run(MOTTO, { bold: true })], { align: 'center', size: 14, before: 0, after: 0, rule: 0.62 }),
    para([run(date, { italic: true })], { align: 'center', size: 14, before: 6, after: 0 }),
  ];
  return { kind: 'table', widths: HEADER_WIDTHS, rows: [[cell(left), cell(right)]], headerRows: 0, borders: false, outdent: HEADER_OUTDENT };
}

/**
 * The header's columns: 40% for the agency, 60% for the Quốc hiệu, of a table that reaches
 * 10 mm into the left margin and 5 mm into the right one (180 mm on A4 with the 30/15 mm
 * margins: 72 and 108 mm). The Quốc hiệu, bold at 12 pt, then stays on one line in Times New
 * Roman (about 88 mm) and in DejaVu Serif, the widest face LibreOffice puts in its place
 * where Times New Roman is missing (about 103 mm, with 105 mm inside the cell's margins).
 */
export const HEADER_WIDTHS = [40, 60];
export const HEADER_OUTDENT = { left: 10, right: 5 } as const;

/** "KẾ HOẠCH" and the subject below it, with the short rule under the subject. */
export function titleBlock(kind: string, subject: string): Para[] {
  return [
    para([run(upper(kind), { bold: true })], { align: 'center', before: 18, after: 0, keepNext: true }),
    para([run(subject, { bold: true })], { align: 'center', before: 0, after: 12, keepNext: true, rule: 0.25 }),
  ];
}

/** The subject of a plan from its title: "Kế hoạch cải cách hành chính năm 2022" → "Cải cách hành chính năm 2022". */
export function subjectOf(title: string, kind = 'Kế hoạch'): string {
  const t = title.normalize('NFC').trim();
  const k = kind.toLocaleLowerCase('vi');
  if (t.toLocaleLowerCase('vi').startsWith(k + ' ') && t.length > k.length + 1) {
    const rest = t.slice(k.length + 1);
    return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
  }
  return t;
}

/** Nơi nhận: "- X;" each, the last with ".". */
function recipientParas(recipients: readonly string[]): Para[] {
  const out: Para[] = [para([run('Nơi nhận:', { bold: true, italic: true })], { size: SIZE.recipientsHead, before: 12, after: 0 })];
  recipients.forEach((r, i) => {
    const text = r.replace(/[;.]\s*$/, '');
    out.push(para([run(`- ${text}${i === recipients.length - 1 ? '.' : ';'}`)], { size: SIZE.recipients, before: 0, after: 0 }));
  });
  return out;
}

/** The signer: the KT./TM. line where there is one, the title, room for the signature, the name. */
function signerParas(signer: Meta['signer']): Para[] {
  const out: Para[] = [];
  const s = signer;
  if (s?.authority) out.push(para([run(upper(s.authority), { bold: true })], { align: 'center', before: 12, after: 0 }));
  out.push(para([run(upper(s?.title ?? ''), { bold: true })], { align: 'center', before: s?.authority ? 0 : 12, after: 0 }));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) out.push(para([run('')], { before: 0, after: 0 }));
  out.push(para([run(s?.name ?? '', { bold: true })], { align: 'center', before: 0, after: 0 }));
  return out;
}

/** The closing table: Nơi nhận on the left, the signer block on the right, without borders. */
export function closingTable(recipients: readonly string[], signer: Meta['signer']): Table {
  return {
    kind: 'table',
    widths: [50, 50],
    rows: [[cell(recipients.length ? recipientParas(recipients) : [para('')]), cell(signerParas(signer))]],
    headerRows: 0,
    borders: false,
  };
}

/** A paragraph that italicises a trailing "(…)" note, as the source prints "(Phụ lục 2 kèm theo)". */
export function bodyWithNote(text: string): Block {
  const m = /^(.*?)(\([^()]*\))(\.?)$/.exec(text);
  if (!m || !m[1]) return body(text);
  return body([run(m[1]), run(m[2]!, { italic: true }), run(m[3]!)]);
}
