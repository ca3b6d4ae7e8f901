/** The text `cchc new` prints: what was carried over to the new plan, and what to review. */
import type { Lang } from '../diagnostics/codes.js';
import { formatDate, formatInt } from '../i18n/format.js';
import { moneyToWords } from '../model/money-words.js';
import type { NewPlanResult, NoteSubject, ReviewNote } from '../scaffold/new-plan.js';
import { fieldLabel } from './diff-text.js';
import { textWidth, wrapText } from './style.js';

const WORDS = {
  vi: {
    created: (to: string, from: string) => `Đã tạo ${to} từ ${from}:`,
    carried: (y: number) => `Năm ${y}; số và ngày ban hành để trống; trạng thái: dự thảo. Không chép tiến độ thực hiện.`,
    review: (n: number) => `Cần rà soát (${n} mục):`,
    nothing: 'Không có mục nào cần rà soát.',
    moved: (y: number) => `Thời hạn đã chuyển sang năm ${y}`,
    free: 'Thời hạn ghi bằng lời, giữ nguyên: xem lại',
    textMoved: (y: number) => `Ngày tháng trong văn bản đã chuyển sang năm ${y}`,
    unmoved: (y: number) => `Ngày của năm ${y} không chuyển được (không phải ngày có thật): sửa tay`,
    legal: 'Căn cứ pháp lý cần cập nhật',
    funding: (y: number) => `Nguồn kinh phí: cập nhật quyết định giao dự toán năm ${y}`,
    budget: (y: number) => `Dự toán kinh phí cần lập lại cho năm ${y}`,
    mentions: (y: number) => `Văn bản còn nhắc đến năm ${y}`,
    unfinished: (y: number) => `Nhiệm vụ chưa hoàn thành năm ${y}: cân nhắc chuyển tiếp`,
    unresolved: 'Các dòng tính theo tỷ lệ không tính lại được chính xác: kiểm tra bằng cchc budget',
    task: 'Nhiệm vụ',
    clamped: '(năm thường: 28/02)',
    due: 'ngày đến hạn',
    budgetLine: (n: number, total: string, words: string, y: number) => `${n} dòng giữ nguyên từ năm ${y}; tổng ${total} đồng (${words})`,
    unfinishedLine: (list: string, asOf: string, ex: boolean) => `Nhiệm vụ ${list} (theo tiến độ đến ${asOf}${ex ? ', số liệu minh họa' : ''})`,
    next: (to: string) => `Tiếp theo: sửa các mục trên, rồi chạy cchc validate ${to}`,
    subject: {
      area: (id: string, f: string) => `Nội dung ${id}, ${f.toLowerCase()}`,
      task: (id: string, f: string) => `Nhiệm vụ ${id}, ${f.toLowerCase()}`,
      indicator: (id: string) => `Chỉ tiêu ${id}`,
      line: (id: string) => `Dòng dự toán ${id}`,
      unit: (id: string) => `Đơn vị ${id}`,
      budget: (f: string) => `Phụ lục kinh phí, ${f.toLowerCase()}`,
      comment: 'Ghi chú (#)',
      tasksTitle: 'Tên phụ lục nhiệm vụ',
    },
  },
  en: {
    created: (to: string, from: string) => `Created ${to} from ${from}:`,
    carried: (y: number) => `Year ${y}; number and date blank; status: draft. Progress records not copied.`,
    review: (n: number) => `To review (${n} item${n === 1 ? '' : 's'}):`,
    nothing: 'Nothing to review.',
    moved: (y: number) => `Deadlines moved to ${y}`,
    free: 'Deadlines written in words, kept: check them',
    textMoved: (y: number) => `Dates in the text moved to ${y}`,
    unmoved: (y: number) => `Dates of ${y} that could not be moved (not real dates): fix by hand`,
    legal: 'Legal bases to update',
    funding: (y: number) => `Funding: update the budget allocation decision for ${y}`,
    budget: (y: number) => `Budget to re-estimate for ${y}`,
    mentions: (y: number) => `Text still mentioning ${y}`,
    unfinished: (y: number) => `Tasks not finished in ${y}: consider carrying them over`,
    unresolved: 'Percentage lines could not be recomputed exactly: check with cchc budget',
    task: 'Task',
    clamped: '(common year: 28/02)',
    due: 'due date',
    budgetLine: (n: number, total: string, words: string, y: number) => `${n} line${n === 1 ? '' : 's'} kept from ${y}; total ${total} VND (${words})`,
    unfinishedLine: (list: string, asOf: string, ex: boolean) => `Tasks ${list} (progress as of ${asOf}${ex ? ', illustrative data' : ''})`,
    next: (to: string) => `Next: fix the items above, then run cchc validate ${to}`,
    subject: {
      area: (id: string, f: string) => `Area ${id}, ${f.toLowerCase()}`,
      task: (id: string, f: string) => `Task ${id}, ${f.toLowerCase()}`,
      indicator: (id: string) => `Indicator ${id}`,
      line: (id: string) => `Budget line ${id}`,
      unit: (id: string) => `Unit ${id}`,
      budget: (f: string) => `Budget appendix, ${f.toLowerCase()}`,
      comment: 'Comment (#)',
      tasksTitle: 'Task appendix title',
    },
  },
};

function subjectText(s: NoteSubject, lang: Lang): string {
  const S = WORDS[lang].subject;
  const f = s.field ? fieldLabel(s.field === 'appendixTitle' ? 'appendixTitle' : s.field, lang) : '';
  const id = String(s.id ?? '');
  switch (s.kind) {
    case 'area':
      return S.area(id, f);
    case 'task':
      return S.task(id, f);
    case 'indicator':
      return S.indicator(id);
    case 'line':
      return S.line(id);
    case 'unit':
      return S.unit(id);
    case 'budget':
      return S.budget(f);
    case 'comment':
      return S.comment;
    default:
      return s.field === 'tasksTitle' ? S.tasksTitle : f;
  }
}

function clip(s: string, max = 70): string {
  const cps = [...s.replace(/\s+/g, ' ')];
  return cps.length <= max
    ? cps.join('')
    : cps
        .slice(0, max - 1)
        .join('')
        .replace(/\s\S*$/, '') + '…';
}

function noteText(n: ReviewNote, r: NewPlanResult, lang: Lang): string {
  const W = WORDS[lang];
  switch (n.kind) {
    case 'deadline-moved':
      return `${W.task} ${n.task}: ${n.before} → ${n.after}${n.clamped ? ` ${W.clamped}` : ''}`;
    case 'due-moved':
      return `${W.task} ${n.task}, ${W.due}: ${formatDate(n.before, lang)} → ${formatDate(n.after, lang)}${n.clamped ? ` ${W.clamped}` : ''}`;
    case 'deadline-free':
      return `${W.task} ${n.task}: ${n.deadline}`;
    case 'text-dates-moved':
      return `${subjectText(n.subject, lang)}: “${clip(n.after)}”`;
    case 'date-unmoved':
      return `${subjectText(n.subject, lang)}: ${n.date}`;
    case 'legal-basis':
    case 'funding':
      return clip(n.text);
    case 'year-mention':
      return `${subjectText(n.subject, lang)}: “${n.excerpt}”`;
    case 'budget':
      return W.budgetLine(n.lines, formatInt(n.total, lang), moneyToWords(n.total), r.fromYear);
    case 'budget-unresolved':
      return W.unresolved;
    case 'unfinished':
      return W.unfinishedLine(n.tasks.join(', '), formatDate(n.asOf, lang), n.example);
  }
}

const GROUPS: { kinds: ReviewNote['kind'][]; title: (r: NewPlanResult, lang: Lang) => string }[] = [
  { kinds: ['deadline-moved', 'due-moved'], title: (r, l) => WORDS[l].moved(r.year) },
  { kinds: ['deadline-free'], title: (_r, l) => WORDS[l].free },
  { kinds: ['text-dates-moved'], title: (r, l) => WORDS[l].textMoved(r.year) },
  { kinds: ['date-unmoved'], title: (r, l) => WORDS[l].unmoved(r.fromYear) },
  { kinds: ['legal-basis'], title: (_r, l) => WORDS[l].legal },
  { kinds: ['funding'], title: (r, l) => WORDS[l].funding(r.year) },
  { kinds: ['budget', 'budget-unresolved'], title: (r, l) => WORDS[l].budget(r.year) },
  { kinds: ['year-mention'], title: (r, l) => WORDS[l].mentions(r.fromYear) },
  { kinds: ['unfinished'], title: (r, l) => WORDS[l].unfinished(r.fromYear) },
];

/** "file:line  text", the text wrapped under itself; a long location puts the text below. */
function located(loc: string, text: string, width: number): string[] {
  const lead = `  ${loc}  `;
  if (textWidth(lead) > width / 2) return [`  ${loc}`, ...wrapText(text, width - 6).map((l) => `      ${l}`)];
  const pad = ' '.repeat(textWidth(lead));
  return wrapText(text, width - textWidth(lead)).map((l, i) => (i === 0 ? lead : pad) + l);
}

export function reportAsText(r: NewPlanResult, from: string, to: string, lang: Lang, width = 80): string {
  const W = WORDS[lang];
  const out: string[] = [];
  out.push(...wrapText(`${W.created(to, from)} ${r.files.map((f) => f.name).join(', ')}.`, width));
  out.push(...wrapText(W.carried(r.year), width - 2).map((l) => `  ${l}`));
  out.push('');
  if (r.notes.length === 0) out.push(W.nothing);
  else {
    out.push(W.review(r.notes.length));
    for (const g of GROUPS) {
      const notes = r.notes.filter((n) => g.kinds.includes(n.kind));
      if (notes.length === 0) continue;
      out.push('');
      out.push(...wrapText(`${g.title(r, lang)} (${notes.length}):`, width));
      for (const n of notes) out.push(...located(`${n.file}:${n.line}`, noteText(n, r, lang), width));
    }
  }
  out.push('');
  out.push(...wrapText(W.next(to), width));
  return out.join('\n') + '\n';
}
