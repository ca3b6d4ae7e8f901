/**
 * `cchc report`: the periodic report (báo cáo kết quả thực hiện công tác cải cách hành
 * chính) in the outline provincial Sở Nội vụ ask for, computed from the same StatusReport
 * `cchc status` shows, so every figure is that report's figure. What only a person can
 * write appears as a marked placeholder, never as invented prose. Pure: the report and the
 * plan in, a document out.
 *
 * I.   Công tác chỉ đạo, điều hành: the documents recorded as evidence on the tasks of
 *      Nội dung 1 (the first area when there is no area 1).
 * II.  Kết quả thực hiện theo từng nội dung: per area, the tasks with their state and
 *      evidence, the indicators with target, result and đạt/không đạt; then the budget.
 * III. Đánh giá chung: the notes recorded on overdue and late tasks.
 * IV.  Phương hướng, nhiệm vụ kỳ tới: unfinished tasks due by the next cut-off.
 * V.   Đề xuất, kiến nghị: a placeholder.
 */
import type { Plan } from '../../model/plan.js';
import { isoDate, type IsoDate } from '../../model/dates.js';
import { formatDate, formatDecimal, formatInt, formatPercent, formatPeriod } from '../../i18n/format.js';
import type { IndicatorLine, StatusReport, TaskLine } from '../../report/status.js';
import { labelsFor, targetText } from '../appendix-sheets.js';
import { body, bullet, cell, heading, para, roman, run, SIZE, type Block, type OfficialDocument, type Para, type Table, type TableCell } from './document.js';
import { closingTable, DRAFT_MARK, headerTable, numberLine, placeAndDate, subjectOf, titleBlock } from './official.js';

export const PLACEHOLDER = '[Nội dung do đơn vị bổ sung]';
const VI = labelsFor('vi');

function placeholder(): Para {
  return para([run(PLACEHOLDER, { italic: true })], { indent: true });
}

/** "9 tháng năm 2022", or "đến ngày 20/07/2022" for a plain as-of date. */
export function periodLabel(report: StatusReport): string {
  return report.period ? formatPeriod(report.period as Parameters<typeof formatPeriod>[0], 'vi') : `đến ngày ${formatDate(report.asOf, 'vi')}`;
}

/** The report's symbol from the plan's: KH-SLĐTBXH → BC-SLĐTBXH. */
export function reportSymbol(planSymbol: string | null | undefined): string {
  const s = planSymbol?.trim();
  if (!s) return 'BC-......';
  return /^KH-/i.test(s) ? `BC-${s.slice(3)}` : `BC-${s}`;
}

/** The state of a task as the report states it. */
export function taskResult(t: TaskLine): string {
  if (t.status === 'done') return t.finishedLate ? 'Hoàn thành trễ hạn' : 'Hoàn thành';
  if (t.overdue) return 'Quá hạn';
  return t.status === 'in-progress' ? 'Đang thực hiện' : 'Chưa thực hiện';
}

function evidenceText(t: TaskLine): string {
  const parts: string[] = [];
  const e = t.evidence;
  if (e) {
    const head = [e.document, e.date ? `ngày ${formatDate(e.date, 'vi')}` : undefined].filter(Boolean).join(' ');
    parts.push(head && e.product ? `${head}: ${e.product}` : head || e.product || '');
  }
  if (t.note) parts.push(`Ghi chú: ${t.note}`);
  return parts.filter(Boolean).join('\n');
}

const TH = (s: string): TableCell => cell([para([run(s, { bold: true })], { align: 'center', size: SIZE.table, before: 2, after: 2 })], { valign: 'middle' });
const TD = (s: string, align: Para['align'] = 'left', bold = false): TableCell =>
  cell(
    s.split('\n').map((line) => para([run(line, { bold })], { align, size: SIZE.table, before: 2, after: 2 })),
    { valign: 'top' },
  );

function table(widths: number[], head: string[], rows: TableCell[][]): Table {
  return { kind: 'table', widths, rows: [head.map(TH), ...rows], headerRows: 1, borders: true };
}

function percent(x: number): string {
  return formatPercent(x, 'vi');
}

function tasksTable(tasks: readonly TaskLine[]): Table {
  return table(
    [6, 33, 13, 9, 15, 28],
    ['Số TT', 'Nhiệm vụ', 'Kết quả', 'Tiến độ', 'Thời hạn', 'Minh chứng, ghi chú'],
    tasks.map((t) => [
      TD(String(t.no), 'center'),
      TD(t.title),
      TD(taskResult(t), 'center'),
      TD(`${formatDecimal(t.percent, 'vi')}%`, 'center'),
      TD(t.completed ? `${t.deadline}\n(xong ${formatDate(t.completed, 'vi')})` : t.deadline, 'center'),
      TD(evidenceText(t)),
    ]),
  );
}

function indicatorsTable(inds: readonly IndicatorLine[]): Table {
  return table(
    [8, 44, 14, 14, 20],
    ['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Kết quả'],
    inds.map((i) => [
      TD(i.id, 'center'),
      TD(i.target.of ? `${i.text}\n(${i.target.of})` : i.text),
      TD(targetText(i.target, 'vi'), 'center'),
      TD(i.actual === null ? '' : `${formatDecimal(i.actual, 'vi')}${i.target.unit === '%' ? '%' : ` ${i.target.unit}`}`, 'center'),
      TD(i.achieved === null ? VI.noData : i.achieved ? VI.achieved : VI.notAchieved, 'center'),
    ]),
  );
}

function budgetTable(b: StatusReport['budget']): Table {
  const rows = b.lines.map((l) => [
    TD(String(l.no), 'center'),
    TD(l.content),
    TD(formatInt(l.planned, 'vi'), 'right'),
    TD(formatInt(l.spent, 'vi'), 'right'),
    TD(percent(l.percentUsed), 'right'),
  ]);
  const total = [
    { ...TD('TỔNG CỘNG', 'center', true), colSpan: 2 },
    TD(formatInt(b.planned, 'vi'), 'right', true),
    TD(formatInt(b.spent, 'vi'), 'right', true),
    TD(percent(b.percentUsed), 'right', true),
  ];
  return table([7, 45, 17, 17, 14], ['STT', 'Nội dung chi', 'Dự toán', 'Đã chi', 'Tỷ lệ'], [...rows, total]);
}

/** The next official cut-off after the as-of date (14/3, 14/6, 14/9, 14/12), else the year's end. */
export function nextCutOff(asOf: IsoDate, year: number): IsoDate {
  for (const m of [3, 6, 9, 12]) {
    const d = isoDate(year, m, 14);
    if (d > asOf) return d;
  }
  return isoDate(year, 12, 31);
}

/** The report's body, section by section: opening, I to V as the official form numbers them. */
export function reportBody(report: StatusReport, plan: Pick<Plan, 'meta'>): Block[] {
  return [
    ...reportOpening(report, plan),
    heading(`${roman(1)}. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH`),
    ...directionSection(report),
    heading(`${roman(2)}. KẾT QUẢ THỰC HIỆN THEO TỪNG NỘI DUNG`),
    ...resultsSection(report),
    heading(`${roman(3)}. ĐÁNH GIÁ CHUNG`),
    ...assessmentSection(report),
    heading(`${roman(4)}. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI`),
    ...nextPeriodSection(report),
    heading(`${roman(5)}. ĐỀ XUẤT, KIẾN NGHỊ`),
    placeholder(),
  ];
}

/** Which plan is reported on, for which period, and the overall figure. */
function reportOpening(report: StatusReport, plan: Pick<Plan, 'meta'>): Block[] {
  const out: Block[] = [];
  const o = report.overall;
  const label = periodLabel(report);
  const m = plan.meta;
  const planRef = m.number ? `Kế hoạch số ${m.number}/${m.symbol ?? ''}${m.date ? ` ngày ${formatDate(m.date, 'vi')}` : ''}` : m.title;
  const subject = subjectOf(m.title);
  const about = `${subject.charAt(0).toLocaleLowerCase('vi')}${subject.slice(1)}`;
  out.push(
    body(
      `Thực hiện ${planRef === m.title ? m.title : `${planRef} về ${about}`}, ${m.agency.name} báo cáo kết quả thực hiện công tác cải cách hành chính ${label} như sau:`,
    ),
  );
  if (report.period)
    out.push(
      body([
        run(
          VI.period(
            formatPeriod(report.period as Parameters<typeof formatPeriod>[0], 'vi'),
            formatDate(report.period.start, 'vi'),
            formatDate(report.period.end, 'vi'),
          ),
          { italic: true },
        ),
      ]),
    );
  else out.push(body([run(VI.asOf(formatDate(report.asOf, 'vi')), { italic: true })]));
  if (report.example) out.push(para([run(VI.example, { bold: true, color: 'C00000' })], { align: 'center' }));
  out.push(body(VI.overallLine(o.finished, o.planned, percent(o.percent), o.overdue)));
  return out;
}

/** I. Chỉ đạo, điều hành: the documents issued, from the evidence on Nội dung 1. */
function directionSection(report: StatusReport): Block[] {
  const out: Block[] = [];
  const firstArea = report.areas.find((a) => a.id === 1)?.id ?? report.areas[0]?.id;
  const issued = report.tasks.filter((t) => t.area === firstArea && t.evidence && (t.evidence.document || t.evidence.product));
  if (issued.length) {
    out.push(body('Các văn bản đã ban hành, triển khai:'));
    for (const t of issued) out.push(bullet(`${evidenceText({ ...t, note: undefined } as TaskLine)} (nhiệm vụ ${t.no}).`));
  } else out.push(body('Chưa có văn bản chỉ đạo, điều hành được ghi nhận trong kỳ.'));
  out.push(placeholder());
  return out;
}

/** II. Results by area, then the budget. */
function resultsSection(report: StatusReport): Block[] {
  const out: Block[] = [];
  let n = 0;
  for (const a of report.areas) {
    out.push(heading(`${++n}. ${a.title}`));
    const tasks = report.tasks.filter((t) => t.area === a.id);
    const late = tasks.filter((t) => t.finishedLate).length;
    const inProgress = tasks.filter((t) => t.status !== 'done' && !t.overdue).length;
    out.push(
      body(
        `Hoàn thành ${a.finished}/${a.planned} nhiệm vụ, đạt ${percent(a.percent)} so với kế hoạch (trong đó ${late} nhiệm vụ hoàn thành trễ hạn); ${inProgress} nhiệm vụ đang thực hiện hoặc chưa đến hạn; ${a.overdue} nhiệm vụ quá hạn.`,
      ),
    );
    if (tasks.length) out.push(tasksTable(tasks));
    const inds = report.indicators.filter((i) => i.area === a.id);
    if (inds.length) {
      out.push(body([run('Kết quả thực hiện các chỉ tiêu:', { italic: true })]));
      out.push(indicatorsTable(inds));
    }
    out.push(placeholder());
  }
  const b = report.budget;
  out.push(heading(`${n + 1}. Tình hình sử dụng kinh phí`));
  out.push(
    body(
      `Dự toán ${formatInt(b.planned, 'vi')} đồng; đã chi ${formatInt(b.spent, 'vi')} đồng, đạt ${percent(b.percentUsed)} dự toán; còn lại ${formatInt(b.remaining, 'vi')} đồng.`,
    ),
  );
  if (b.lines.length) out.push(budgetTable(b));
  return out;
}

/** III. Đánh giá chung: strengths left to write, overdue and late tasks listed. */
function assessmentSection(report: StatusReport): Block[] {
  const out: Block[] = [heading('1. Ưu điểm'), placeholder(), heading('2. Tồn tại, hạn chế và nguyên nhân')];
  const problems = report.tasks.filter((t) => t.overdue || t.finishedLate);
  for (const t of problems) {
    const what = t.overdue
      ? `quá hạn (hạn ${formatDate(t.due, 'vi')})`
      : `hoàn thành trễ hạn (hạn ${formatDate(t.due, 'vi')}, xong ${formatDate(t.completed!, 'vi')})`;
    out.push(bullet(`Nhiệm vụ ${t.no} ${what}${t.note ? `: ${t.note}` : '.'}`));
  }
  if (!problems.length) out.push(body('Không có nhiệm vụ quá hạn hoặc hoàn thành trễ hạn.'));
  out.push(placeholder());
  return out;
}

/** IV. Next period: unfinished tasks due by the next cut-off (overdue ones first). */
function nextPeriodSection(report: StatusReport): Block[] {
  const until = nextCutOff(report.asOf, report.plan.year);
  const next = report.tasks
    .filter((t) => t.status !== 'done' && t.due <= until)
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.due < y.due ? -1 : x.due > y.due ? 1 : x.no - y.no));
  const out: Block[] = [body(`Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành có thời hạn đến ngày ${formatDate(until, 'vi')}:`)];
  if (next.length) {
    out.push(
      table(
        [6, 44, 22, 14, 14],
        ['Số TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
        next.map((t) => [
          TD(String(t.no), 'center'),
          TD(t.title),
          TD(t.lead),
          TD(t.overdue ? `${t.deadline}\n(quá hạn)` : t.deadline, 'center'),
          TD(`${formatDecimal(t.percent, 'vi')}%`, 'center'),
        ]),
      ),
    );
  } else out.push(body('Không có nhiệm vụ chưa hoàn thành đến hạn trong kỳ tới.'));
  out.push(placeholder());
  return out;
}

/** Nơi nhận of the report: the plan's recipients that receive it "(báo cáo)", and its Lưu line; all of them when none is marked. */
export function reportRecipients(recipients: readonly string[]): string[] {
  const marked = recipients.filter((r) => /báo cáo/i.test(r) || /^Lưu\b/i.test(r));
  return marked.some((r) => !/^Lưu\b/i.test(r)) ? marked : [...recipients];
}

export function statusAsReportDocument(report: StatusReport, plan: Pick<Plan, 'meta'>): OfficialDocument {
  const m = plan.meta;
  const subject = `Kết quả thực hiện công tác cải cách hành chính ${periodLabel(report)}`;
  const blocks: Block[] = [
    headerTable(m, numberLine(null, reportSymbol(m.symbol)), placeAndDate(m.place, null)),
    ...titleBlock('Báo cáo', subject),
    ...reportBody(report, plan),
    closingTable(reportRecipients(m.recipients ?? []), m.signer),
  ];
  const doc: OfficialDocument = {
    title: `Báo cáo ${subject.charAt(0).toLocaleLowerCase('vi')}${subject.slice(1)}`,
    subject: m.agency.name,
    firstPageMark: DRAFT_MARK,
    sections: [{ orientation: 'portrait', blocks }],
  };
  if (report.example) doc.everyPageMark = VI.example;
  return doc;
}
