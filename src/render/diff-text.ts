/**
 * `cchc diff` for the terminal: grouped, plain Vietnamese (English with --lang en), wrapped
 * at word boundaries to the width. Also the labels and value formats the markdown renderer
 * shares, so both say the same thing the same way.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../diagnostics/codes.js';
import { formatDate, formatInt } from '../i18n/format.js';
import {
  diffCounts,
  hasDifferences,
  type Change,
  type ChangeValue,
  type DiffSide,
  type ListChange,
  type PlanDiff,
  type RenumberRange,
  type WordHunk,
} from '../report/diff.js';
import { wrapText, textWidth } from './style.js';
import { appendixLabel } from './appendix-sheets.js';

// ---------------------------------------------------------------------------------------
// Shared vocabulary

const FIELDS: Record<Lang, Record<string, string>> = {
  vi: {
    year: 'Năm kế hoạch',
    title: 'Tên',
    status: 'Trạng thái',
    number: 'Số văn bản',
    symbol: 'Ký hiệu',
    date: 'Ngày ban hành',
    signer: 'Người ký',
    agency: 'Cơ quan ban hành',
    agencyShortName: 'Tên viết tắt',
    agencyParent: 'Cơ quan chủ quản',
    place: 'Địa danh',
    preamble: 'Đoạn mở đầu',
    funding: 'Nguồn kinh phí',
    annexNote: 'Ghi chú phụ lục',
    closing: 'Đoạn kết',
    legalBases: 'Căn cứ pháp lý',
    purposes: 'Mục đích',
    requirements: 'Yêu cầu',
    implementation: 'Tổ chức thực hiện',
    recipients: 'Nơi nhận',
    solutions: 'Nhiệm vụ và giải pháp',
    appendixTitle: 'Tên trong phụ lục',
    id: 'Mã',
    area: 'Nội dung',
    lead: 'Đơn vị chủ trì',
    coordinating: 'Đơn vị phối hợp',
    product: 'Sản phẩm',
    deadline: 'Thời gian hoàn thành',
    due: 'Ngày đến hạn',
    text: 'Chỉ tiêu',
    target: 'Mục tiêu',
    content: 'Nội dung chi',
    unit: 'Đơn vị tính',
    quantity: 'Số lượng',
    rate: 'Định mức',
    amount: 'Số tiền',
    percentOf: 'Tỷ lệ',
    name: 'Tên đơn vị',
    group: 'Nhóm đơn vị',
    words: 'Bằng chữ',
    declaredTotal: 'Tổng cộng ghi',
  },
  en: {
    year: 'Plan year',
    title: 'Title',
    status: 'Status',
    number: 'Number',
    symbol: 'Symbol',
    date: 'Date of issue',
    signer: 'Signer',
    agency: 'Agency',
    agencyShortName: 'Short name',
    agencyParent: 'Parent agency',
    place: 'Place',
    preamble: 'Preamble',
    funding: 'Funding',
    annexNote: 'Annex note',
    closing: 'Closing',
    legalBases: 'Legal bases',
    purposes: 'Purposes',
    requirements: 'Requirements',
    implementation: 'Implementation',
    recipients: 'Recipients',
    solutions: 'Tasks and solutions',
    appendixTitle: 'Appendix title',
    id: 'Id',
    area: 'Area',
    lead: 'Lead unit',
    coordinating: 'Coordinating units',
    product: 'Product',
    deadline: 'Deadline',
    due: 'Due date',
    text: 'Indicator',
    target: 'Target',
    content: 'Content',
    unit: 'Unit',
    quantity: 'Quantity',
    rate: 'Rate',
    amount: 'Amount',
    percentOf: 'Percentage',
    name: 'Unit name',
    group: 'Group of units',
    words: 'In words',
    declaredTotal: 'Declared total',
  },
};

export const DIFF_WORDS = {
  vi: {
    heading: 'So sánh kế hoạch',
    before: 'trước',
    after: 'sau',
    worktree: 'cây làm việc',
    folder: 'thư mục',
    metadata: 'Thông tin chung',
    units: 'Đơn vị',
    areas: 'Nội dung',
    tasks: 'Nhiệm vụ',
    indicators: 'Chỉ tiêu',
    budget: 'Kinh phí',
    added: 'Thêm',
    removed: 'Bỏ',
    renumbered: 'Đánh số lại',
    changed: 'Sửa',
    empty: '(trống)',
    task: 'Nhiệm vụ',
    areaN: 'Nội dung',
    line: 'Dòng',
    total: 'Tổng cộng',
    words: 'Bằng chữ',
    wasNo: 'trước là',
    lead: 'chủ trì',
    deadline: 'thời hạn',
    noDiff: 'Không có khác biệt.',
    summary: 'Tóm tắt',
    draft: 'dự thảo',
    issued: 'đã ban hành',
    yes: 'có',
    no: 'không',
    ofTotal: 'của tổng cộng',
    ofOthers: 'của các dòng khác',
    shifted: (n: number, y: number) => `${n} thời hạn chỉ chuyển sang năm ${y} (cùng quý, tháng hoặc ngày), không liệt kê.`,
    tasksN: (n: number) => `${n} nhiệm vụ`,
    item: 'Mục',
    beforeCol: 'Trước',
    afterCol: 'Sau',
    changeCol: 'Thay đổi',
    deltaCol: 'Chênh lệch',
    noCol: 'STT',
  },
  en: {
    heading: 'Plan comparison',
    before: 'before',
    after: 'after',
    worktree: 'working tree',
    folder: 'folder',
    metadata: 'General information',
    units: 'Units',
    areas: 'Areas',
    tasks: 'Tasks',
    indicators: 'Indicators',
    budget: 'Budget',
    added: 'Added',
    removed: 'Removed',
    renumbered: 'Renumbered',
    changed: 'Changed',
    empty: '(empty)',
    task: 'Task',
    areaN: 'Area',
    line: 'Line',
    total: 'Total',
    words: 'In words',
    wasNo: 'was',
    lead: 'lead',
    deadline: 'deadline',
    noDiff: 'No differences.',
    summary: 'Summary',
    draft: 'draft',
    issued: 'issued',
    yes: 'yes',
    no: 'no',
    ofTotal: 'of the total',
    ofOthers: 'of the other lines',
    shifted: (n: number, y: number) => `${n} deadline${n === 1 ? '' : 's'} only moved to ${y} (same quarter, month or day), not listed.`,
    tasksN: (n: number) => `${n} task${n === 1 ? '' : 's'}`,
    item: 'Item',
    beforeCol: 'Before',
    afterCol: 'After',
    changeCol: 'Change',
    deltaCol: 'Difference',
    noCol: 'No.',
  },
} as const;

/** "Nhiệm vụ (Phụ lục I)": a section named after the plan's own appendix label. */
export function sectionTitle(d: Pick<PlanDiff, 'appendices'>, which: 'tasks' | 'budget', lang: Lang): string {
  return `${DIFF_WORDS[lang][which]} (${appendixLabel({ appendices: d.appendices }, which, lang)})`;
}

export function fieldLabel(field: string, lang: Lang): string {
  const m = /^target (.+)$/.exec(field);
  if (m) return `${FIELDS[lang].target} ${m[1]}`;
  return FIELDS[lang][field] ?? field;
}

/** A signed figure: +2.000.000, -500.000, 0. */
export function signedInt(n: bigint, lang: Lang): string {
  return (n > 0n ? '+' : '') + formatInt(n, lang);
}

/** A value as the reader expects it: dates dd/mm/yyyy, money grouped, status in words. */
export function formatValue(c: Pick<Change, 'field'>, v: ChangeValue, lang: Lang): string {
  const W = DIFF_WORDS[lang];
  if (v === null || v === '') return W.empty;
  if (typeof v === 'bigint') return formatInt(v, lang);
  if (typeof v === 'boolean') return v ? W.yes : W.no;
  if (typeof v === 'number') return c.field === 'year' ? String(v) : formatInt(v, lang);
  if (c.field === 'status') return v === 'draft' ? W.draft : v === 'issued' ? W.issued : v;
  if ((c.field === 'date' || c.field === 'due') && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, lang);
  if (c.field === 'percentOf')
    return v
      .replace(/ total$/, ` ${W.ofTotal}`)
      .replace(/ others$/, ` ${W.ofOthers}`)
      .replace(/\./g, lang === 'vi' ? ',' : '.');
  if (c.field.startsWith('target') && lang === 'vi') return v.replace(/(\d)\.(\d)/g, '$1,$2');
  return v;
}

export function sideLabel(s: DiffSide, lang: Lang): string {
  const W = DIFF_WORDS[lang];
  if (s.source === 'git') return `${s.revision ?? ''} (${(s.commit ?? '').slice(0, 7)})`;
  if (s.source === 'worktree') return `${W.worktree} (${s.path})`;
  return s.path;
}

export function renumberText(r: RenumberRange): string {
  const span = (x: [number, number]) => (x[0] === x[1] ? String(x[0]) : `${x[0]}–${x[1]}`);
  return `${span(r.before)} → ${span(r.after)}`;
}

export function summaryText(d: PlanDiff, lang: Lang): string {
  const W = DIFF_WORDS[lang];
  const c = diffCounts(d);
  if (c.total === 0) return W.noDiff;
  const parts: string[] = [];
  if (lang === 'vi') {
    if (c.metadata) parts.push(`thông tin chung: ${c.metadata} thay đổi`);
    if (c.units) parts.push(`đơn vị: ${c.units}`);
    if (c.areas) parts.push(`nội dung: ${c.areas}`);
    const t = [
      c.tasksAdded && `thêm ${c.tasksAdded}`,
      c.tasksRemoved && `bỏ ${c.tasksRemoved}`,
      c.tasksRenumbered && `đánh số lại ${c.tasksRenumbered}`,
      c.tasksChanged && `sửa ${c.tasksChanged}`,
    ].filter(Boolean);
    if (t.length) parts.push(`nhiệm vụ: ${t.join(', ')}`);
    if (c.indicators) parts.push(`chỉ tiêu: ${c.indicators}`);
    if (c.budgetLines) parts.push(`dòng kinh phí: ${c.budgetLines}`);
    if (d.budget.total.delta !== 0n) parts.push(`tổng kinh phí ${signedInt(d.budget.total.delta, lang)} đồng`);
  } else {
    if (c.metadata) parts.push(`general information: ${c.metadata} change${c.metadata === 1 ? '' : 's'}`);
    if (c.units) parts.push(`units: ${c.units}`);
    if (c.areas) parts.push(`areas: ${c.areas}`);
    const t = [
      c.tasksAdded && `${c.tasksAdded} added`,
      c.tasksRemoved && `${c.tasksRemoved} removed`,
      c.tasksRenumbered && `${c.tasksRenumbered} renumbered`,
      c.tasksChanged && `${c.tasksChanged} changed`,
    ].filter(Boolean);
    if (t.length) parts.push(`tasks: ${t.join(', ')}`);
    if (c.indicators) parts.push(`indicators: ${c.indicators}`);
    if (c.budgetLines) parts.push(`budget lines: ${c.budgetLines}`);
    if (d.budget.total.delta !== 0n) parts.push(`budget total ${signedInt(d.budget.total.delta, lang)} VND`);
  }
  if (parts.length === 0 && d.budget.totalInWords) parts.push(`${W.total} (${W.words.toLowerCase()})`);
  if (parts.length === 0 && d.budget.declaredTotal) parts.push(fieldLabel('declaredTotal', lang));
  return `${W.summary}: ${parts.join('; ')}.`;
}

export function hunkText(h: WordHunk, side: 'before' | 'after'): string {
  return [h.contextBefore, h[side], h.contextAfter].filter((x) => x !== '').join(' ');
}

// ---------------------------------------------------------------------------------------
// Text layout

class Out {
  readonly lines: string[] = [];
  constructor(readonly width: number) {}

  /** `prefix` then the text wrapped so that continuation lines align under the text. */
  item(indent: number, prefix: string, text: string): void {
    const lead = ' '.repeat(indent) + prefix;
    const room = Math.max(20, this.width - textWidth(lead));
    const wrapped = wrapText(text, room);
    wrapped.forEach((l, i) => this.lines.push((i === 0 ? lead : ' '.repeat(textWidth(lead))) + l));
  }

  raw(s: string): void {
    this.lines.push(s);
  }
}

function changeLines(out: Out, indent: number, c: Change, lang: Lang, ch: ChalkInstance): void {
  const label = fieldLabel(c.field, lang);
  if (c.words && c.words.length > 0) {
    out.raw(' '.repeat(indent) + `${label}:`);
    for (const h of c.words) {
      out.item(indent + 2, ch.red('- '), `“${hunkText(h, 'before')}”`);
      out.item(indent + 2, ch.green('+ '), `“${hunkText(h, 'after')}”`);
    }
    return;
  }
  const before = formatValue(c, c.before, lang);
  const after = formatValue(c, c.after, lang);
  const delta = c.delta !== undefined ? ` (${signedInt(c.delta, lang)})` : '';
  const long = textWidth(before) + textWidth(after) + textWidth(label) + indent + 6 > out.width;
  if (!long) {
    out.item(indent, `${label}: `, `${before} → ${after}${delta}`);
    return;
  }
  out.raw(' '.repeat(indent) + `${label}:`);
  out.item(indent + 2, ch.red('- '), before);
  out.item(indent + 2, ch.green('+ '), after + delta);
}

function listLines(out: Out, indent: number, l: ListChange, lang: Lang, ch: ChalkInstance): void {
  out.raw(' '.repeat(indent) + `${fieldLabel(l.field, lang)}:`);
  for (const x of l.removed) out.item(indent + 2, ch.red('- '), x);
  for (const x of l.added) out.item(indent + 2, ch.green('+ '), x);
}

/** What every section writes with: the diff, the output, its language, words and colour. */
interface Sink {
  d: PlanDiff;
  out: Out;
  lang: Lang;
  ch: ChalkInstance;
  W: (typeof DIFF_WORDS)[Lang];
}

/** The diff for a terminal: a heading, then one section per part that changed, then counts. */
export function diffAsText(d: PlanDiff, lang: Lang, ch: ChalkInstance, width = 80): string {
  const W = DIFF_WORDS[lang];
  const out = new Out(width);
  out.raw(ch.bold(`${W.heading} ${d.a.path === d.b.path ? d.a.path : `${d.a.path} → ${d.b.path}`}`));
  out.item(2, `${W.before}: `, sideLabel(d.a, lang));
  out.item(2, `${W.after}: `, sideLabel(d.b, lang));
  if (!hasDifferences(d)) {
    out.raw('');
    out.raw(W.noDiff);
    return out.lines.join('\n') + '\n';
  }
  const s: Sink = { d, out, lang, ch, W };
  metadataSection(s);
  unitsSection(s);
  areasSection(s);
  tasksSection(s);
  indicatorsSection(s);
  budgetSection(s);
  out.raw('');
  out.item(0, '', summaryText(d, lang));
  return out.lines.join('\n') + '\n';
}

function section(out: Out, ch: ChalkInstance, title: string): void {
  out.raw('');
  out.raw(ch.bold(title));
}

function metadataSection({ d, out, lang, ch, W }: Sink): void {
  if (d.metadata.changes.length + d.metadata.lists.length === 0) return;
  section(out, ch, W.metadata);
  for (const c of d.metadata.changes) changeLines(out, 2, c, lang, ch);
  for (const l of d.metadata.lists) listLines(out, 2, l, lang, ch);
}

function unitsSection({ d, out, lang, ch, W }: Sink): void {
  const u = d.units;
  if (u.added.length + u.removed.length + u.changed.length === 0) return;
  section(out, ch, W.units);
  for (const x of u.removed) out.item(2, ch.red('- '), `${x.id}: ${x.name}`);
  for (const x of u.added) out.item(2, ch.green('+ '), `${x.id}: ${x.name}`);
  for (const x of u.changed) {
    out.item(2, ch.yellow('~ '), x.id);
    for (const c of x.changes) changeLines(out, 6, c, lang, ch);
  }
}

function areasSection({ d, out, lang, ch, W }: Sink): void {
  const ar = d.areas;
  if (ar.added.length + ar.removed.length + ar.changed.length === 0) return;
  section(out, ch, W.areas);
  for (const x of ar.removed) out.item(2, ch.red('- '), `${x.id}. ${x.title}`);
  for (const x of ar.added) out.item(2, ch.green('+ '), `${x.id}. ${x.title}`);
  for (const x of ar.changed) {
    out.item(2, ch.yellow('~ '), `${x.id}. ${x.title}`);
    for (const c of x.changes) changeLines(out, 6, c, lang, ch);
    for (const l of x.lists) listLines(out, 6, l, lang, ch);
  }
}

function tasksSection({ d, out, lang, ch, W }: Sink): void {
  const t = d.tasks;
  if (t.added.length + t.removed.length + t.renumbered.length + t.changed.length === 0 && t.deadlinesShifted === 0) return;
  section(out, ch, sectionTitle(d, 'tasks', lang));
  if (t.added.length > 0) {
    out.raw(`  ${W.added} (${t.added.length}):`);
    for (const x of t.added) {
      out.item(4, ch.green('+ '), `${x.no}. ${x.title}`);
      out.item(8, '', `${W.areaN} ${x.area}; ${W.lead}: ${x.lead}; ${W.deadline}: ${x.deadline}`);
    }
  }
  if (t.removed.length > 0) {
    out.raw(`  ${W.removed} (${t.removed.length}):`);
    for (const x of t.removed) out.item(4, ch.red('- '), `${x.no}. ${x.title}`);
  }
  if (t.renumbered.length > 0) {
    out.item(2, `${W.renumbered} (${t.renumbered.length}): `, t.renumberedRanges.map(renumberText).join(', '));
  }
  if (t.changed.length > 0) {
    out.raw(`  ${W.changed} (${t.changed.length}):`);
    for (const x of t.changed) {
      const no = x.before.no !== x.after.no ? `${x.after.no} (${W.wasNo} ${x.before.no})` : String(x.after.no);
      const id = x.after.id ?? x.before.id;
      out.item(4, ch.yellow('~ '), `${W.task} ${no}${id ? ` [${id}]` : ''}: ${x.title}`);
      for (const c of x.changes) changeLines(out, 8, c, lang, ch);
    }
  }
  if (t.deadlinesShifted > 0) out.item(2, '', W.shifted(t.deadlinesShifted, d.b.year));
}

function indicatorsSection({ d, out, lang, ch, W }: Sink): void {
  const ind = d.indicators;
  if (ind.added.length + ind.removed.length + ind.changed.length === 0) return;
  section(out, ch, W.indicators);
  for (const x of ind.removed) out.item(2, ch.red('- '), `${x.id}: ${x.text}`);
  for (const x of ind.added) out.item(2, ch.green('+ '), `${x.id}: ${x.text}`);
  for (const x of ind.changed) {
    const id = x.before !== x.after ? `${x.after} (${W.wasNo} ${x.before})` : x.after;
    out.item(2, ch.yellow('~ '), `${id}: ${x.text}`);
    for (const c of x.changes) changeLines(out, 6, c, lang, ch);
  }
}

function budgetSection({ d, out, lang, ch, W }: Sink): void {
  const b = d.budget;
  if (b.added.length + b.removed.length + b.changed.length === 0 && b.total.delta === 0n && !b.totalInWords && !b.declaredTotal) return;
  section(out, ch, sectionTitle(d, 'budget', lang));
  for (const x of b.removed) out.item(2, ch.red('- '), `${W.line} ${x.no}. ${x.content}: ${formatInt(x.amount, lang)}`);
  for (const x of b.added) out.item(2, ch.green('+ '), `${W.line} ${x.no}. ${x.content}: ${formatInt(x.amount, lang)}`);
  for (const x of b.changed) {
    const no = x.before.no !== x.after.no ? `${x.after.no} (${W.wasNo} ${x.before.no})` : String(x.after.no);
    out.item(2, ch.yellow('~ '), `${W.line} ${no}. ${x.content}`);
    for (const c of x.changes) changeLines(out, 6, c, lang, ch);
  }
  if (b.total.delta !== 0n) {
    out.item(2, `${W.total}: `, `${formatInt(b.total.before, lang)} → ${formatInt(b.total.after, lang)} (${signedInt(b.total.delta, lang)})`);
  }
  if (b.declaredTotal) changeLines(out, 2, { field: 'declaredTotal', before: b.declaredTotal.before, after: b.declaredTotal.after }, lang, ch);
  if (b.totalInWords) changeLines(out, 2, { field: 'words', before: b.totalInWords.before, after: b.totalInWords.after }, lang, ch);
}
