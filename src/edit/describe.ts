/** The before → after lines that record and import print. */
import type { Lang } from '../diagnostics/codes.js';
import { formatDate, formatInt, formatDecimal } from '../i18n/format.js';
import { STATUS_LABEL_VI, ASSESSMENT_LABEL_VI } from '../input/labels.js';
import type { FieldChange } from '../input/changes.js';

const WORDS = {
  vi: {
    tasks: 'Nhiệm vụ',
    indicators: 'Chỉ tiêu',
    budget: 'Dòng dự toán',
    status: 'trạng thái',
    percent: 'tỷ lệ hoàn thành',
    completed: 'ngày hoàn thành',
    evidence: 'minh chứng',
    note: 'ghi chú',
    value: 'giá trị',
    assessment: 'đánh giá',
    source: 'nguồn số liệu',
    spent: 'đã chi',
  },
  en: {
    tasks: 'Task',
    indicators: 'Indicator',
    budget: 'Budget line',
    status: 'status',
    percent: 'percent done',
    completed: 'completed',
    evidence: 'evidence',
    note: 'note',
    value: 'value',
    assessment: 'assessment',
    source: 'source',
    spent: 'spent',
  },
} as const;

function valueText(field: string, v: unknown, lang: Lang): string {
  if (v === undefined || v === null || v === '') return '–';
  if (field === 'status') return lang === 'vi' ? (STATUS_LABEL_VI[v as keyof typeof STATUS_LABEL_VI]?.toLocaleLowerCase('vi') ?? String(v)) : String(v);
  if (field === 'assessment') return ASSESSMENT_LABEL_VI[v as keyof typeof ASSESSMENT_LABEL_VI]?.toLocaleLowerCase('vi') ?? String(v);
  if (field === 'percent') return `${formatDecimal(Number(v), lang)}%`;
  if (field === 'spent') return `${formatInt(Number(v), lang)} ${lang === 'vi' ? 'đồng' : 'VND'}`;
  if (field === 'value') return formatDecimal(Number(v), lang);
  if (field === 'completed' && /^\d{4}-\d{2}-\d{2}$/.test(String(v))) return formatDate(String(v), lang);
  if (field === 'evidence') return String(v).replace(/\((\d{4}-\d{2}-\d{2})\)$/, (_, d: string) => `(${formatDate(d, lang)})`);
  return `"${String(v)}"`;
}

export function changeAsText(c: FieldChange, lang: Lang): string {
  const W = WORDS[lang];
  const field = (W as Record<string, string>)[c.field] ?? c.field;
  return `${W[c.section]} ${c.id} · ${field}: ${valueText(c.field, c.before, lang)} → ${valueText(c.field, c.after, lang)}`;
}
