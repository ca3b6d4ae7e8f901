/**
 * `cchc doc`: the whole plan as its official document. The body follows the plan's own
 * order and numbering (I., 1., a), "-" bullets) and reproduces every sentence of the files
 * as written, slips included; the appendices are the sheets `cchc export` computes
 * (appendix-sheets.ts), laid out as landscape sections. Pure: the plan in, a document out.
 */
import type { Indicator, Plan } from '../../model/plan.js';
import { appendix1AsSheet, appendix2AsSheet } from '../appendix-sheets.js';
import { body, bullet, heading, para, roman, run, type Block, type OfficialDocument } from './document.js';
import { bodyWithNote, closingTable, DRAFT_MARK, headerTable, numberLine, placeAndDate, subjectOf, titleBlock } from './official.js';
import { sheetAsBlocks } from './sheet-blocks.js';

/** The legal bases the text does not already cite word for word get their own "Căn cứ" lines. */
function uncitedBases(plan: Plan): string[] {
  const m = plan.meta;
  const text = [m.preamble ?? '', ...(m.purposes ?? []), ...(m.requirements ?? [])].join('\n');
  return (m.legalBases ?? []).filter((b) => !text.includes(b.trim()));
}

/** "a) Chỉ tiêu:" with the indicators: inline when there is one, a "-" list otherwise. */
function indicatorBlocks(letter: string, inds: readonly Indicator[]): Block[] {
  const label = `${letter}) Chỉ tiêu:`;
  if (inds.length === 1) return [body([run(label, { bold: true }), run(` ${inds[0]!.text}`)])];
  return [heading(label), ...inds.map((i) => bullet(i.text))];
}

export function planBody(plan: Plan): Block[] {
  const m = plan.meta;
  const out: Block[] = [];
  for (const b of uncitedBases(plan)) out.push(body(`Căn cứ ${b};`));
  if (m.preamble) out.push(body(m.preamble));

  let section = 0;
  const next = () => roman(++section);

  const purposes = m.purposes ?? [];
  const requirements = m.requirements ?? [];
  if (purposes.length || requirements.length) {
    out.push(heading(`${next()}. ${purposes.length && requirements.length ? 'MỤC ĐÍCH, YÊU CẦU' : purposes.length ? 'MỤC ĐÍCH' : 'YÊU CẦU'}`));
    let n = 0;
    if (purposes.length) {
      out.push(heading(`${++n}. Mục đích`));
      for (const p of purposes) out.push(bullet(p));
    }
    if (requirements.length) {
      out.push(heading(`${n + 1}. Yêu cầu`));
      for (const r of requirements) out.push(bullet(r));
    }
  }

  if (m.areas.length) {
    out.push(heading(`${next()}. CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP`));
    for (const area of m.areas) {
      out.push(heading(`${area.id}. ${area.title}`));
      const inds = plan.indicators.filter((i) => i.area === area.id);
      let letter = 0;
      const nextLetter = () => String.fromCharCode(97 + letter++);
      if (inds.length) out.push(...indicatorBlocks(nextLetter(), inds));
      const solutions = area.solutions ?? [];
      if (solutions.length) {
        out.push(heading(`${nextLetter()}) Nhiệm vụ và giải pháp:`));
        for (const s of solutions) out.push(bullet(s));
      }
    }
    if (m.annexNote) out.push(para([run(m.annexNote, { italic: true })], { indent: true, align: 'justify' }));
  }

  if (m.funding?.source) {
    out.push(heading(`${next()}. KINH PHÍ THỰC HIỆN`));
    out.push(bodyWithNote(m.funding.source));
  }

  const impl = m.implementation ?? [];
  if (impl.length) {
    out.push(heading(`${next()}. TỔ CHỨC THỰC HIỆN`));
    impl.forEach((u, i) => {
      out.push(heading(`${i + 1}. ${u.unit}`));
      for (const d of u.duties ?? []) out.push(bullet(d));
    });
  }
  if (m.closing) out.push(body(m.closing));
  return out;
}

export interface PlanDocumentOptions {
  /** The appendix title from tasks.yaml. */
  tasksTitle?: string;
}

export function planAsDocument(plan: Plan, opts: PlanDocumentOptions = {}): OfficialDocument {
  const m = plan.meta;
  const first: Block[] = [
    headerTable(m, numberLine(m.number, m.symbol), placeAndDate(m.place, m.date)),
    ...titleBlock('Kế hoạch', subjectOf(m.title)),
    ...planBody(plan),
    closingTable(m.recipients ?? [], m.signer),
  ];
  const a1 = appendix1AsSheet(plan, opts.tasksTitle !== undefined ? { lang: 'vi', title: opts.tasksTitle } : { lang: 'vi' });
  const a2 = appendix2AsSheet(plan, { lang: 'vi' });
  const doc: OfficialDocument = {
    title: m.title,
    subject: m.agency.name,
    sections: [
      { orientation: 'portrait', blocks: first },
      { orientation: 'landscape', blocks: sheetAsBlocks(a1), restartNumbering: true },
      { orientation: 'landscape', blocks: sheetAsBlocks(a2), restartNumbering: true },
    ],
  };
  if (m.status === 'draft') doc.firstPageMark = DRAFT_MARK;
  return doc;
}
