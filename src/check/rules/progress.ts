/** Rules on progress/*.yaml: every record refers to something in the plan and makes sense on its date. */
import { defineRule } from '../context.js';
import { measurables } from '../../model/plan.js';
import { closest } from '../../model/text.js';
import { figure } from '../../diagnostics/codes.js';

export const progressValid = defineRule({
  name: 'progress-valid',
  codes: [
    'progress/date-outside-year',
    'progress/duplicate',
    'progress/unknown-task',
    'progress/done-without-date',
    'progress/completed-after-as-of',
    'progress/percent-status',
    'progress/indicator-record',
    'progress/non-indicator-value',
    'progress/unknown-indicator',
    'progress/unknown-line',
    'progress/overspent',
  ],
  run(docs, report) {
    const year = docs.plan?.data?.year;
    const tasks = docs.tasks?.data ? new Set(docs.tasks.data.tasks.map((t) => t.no)) : undefined;
    const inds = docs.indicators?.data?.indicators;
    const measurableIds = inds ? new Set(measurables(inds).map((m) => m.id)) : undefined;
    const lines = docs.budget?.data ? new Map(docs.budget.data.lines.map((l) => [l.no, l.amount])) : undefined;
    const yearText = year === undefined ? undefined : String(year).padStart(4, '0');
    for (const doc of docs.progress) {
      const p = doc.data;
      if (!p) continue;
      const src = doc.source;
      // Dates are YYYY-MM-DD (the schema): the year is the first four characters.
      const inYear = (d: string | undefined, path: (string | number)[]) => {
        if (d && yearText !== undefined && !d.startsWith(yearText)) report.at(src, path, 'progress/date-outside-year', { actual: d, year: year! });
      };
      // A report cut off on 14/12 may be dated after 15/12 of the year before: allow the
      // as-of date from 15/12 of the previous year.
      if ((year !== undefined && p.asOf < `${year - 1}-12-15`) || (year !== undefined && p.asOf > `${year}-12-31`)) {
        report.at(src, ['asOf'], 'progress/date-outside-year', { actual: p.asOf, year });
      }
      const seenTasks = new Set<number>();
      (p.tasks ?? []).forEach((r, i) => {
        if (seenTasks.has(r.task)) report.at(src, ['tasks', i, 'task'], 'progress/duplicate', { what: '@task', id: r.task });
        seenTasks.add(r.task);
        if (tasks && !tasks.has(r.task)) report.at(src, ['tasks', i, 'task'], 'progress/unknown-task', { no: r.task });
        if (r.status === 'done' && !r.completed) report.at(src, ['tasks', i, 'status'], 'progress/done-without-date', { no: r.task });
        if (r.completed) {
          inYear(r.completed, ['tasks', i, 'completed']);
          if (r.completed > p.asOf) report.at(src, ['tasks', i, 'completed'], 'progress/completed-after-as-of', { actual: r.completed, asOf: p.asOf });
        }
        if (r.evidence?.date) inYear(r.evidence.date, ['tasks', i, 'evidence', 'date']);
        if (r.percent !== undefined) {
          const mismatch =
            (r.status === 'done' && r.percent !== 100) || (r.status === 'not-started' && r.percent !== 0) || (r.status === 'in-progress' && r.percent === 100);
          if (mismatch) report.at(src, ['tasks', i, 'percent'], 'progress/percent-status', { status: r.status, percent: r.percent });
        }
      });
      const seenInd = new Set<string>();
      (p.indicators ?? []).forEach((r, i) => {
        if (seenInd.has(r.indicator)) report.at(src, ['indicators', i, 'indicator'], 'progress/duplicate', { what: '@indicator', id: r.indicator });
        seenInd.add(r.indicator);
        const ind = inds?.find((x) => x.id === r.indicator);
        // A qualitative indicator (no targets) is assessed, đạt / không đạt; a measurable one has a value.
        if (ind && (ind.targets?.length ?? 0) === 0) {
          if (r.assessment === undefined)
            report.at(src, ['indicators', i], 'progress/indicator-record', { id: r.indicator, kind: '@qualitative', field: 'assessment: dat|khong-dat' });
          return;
        }
        if (measurableIds?.has(r.indicator) && r.value === undefined) {
          report.at(src, ['indicators', i], 'progress/indicator-record', { id: r.indicator, kind: '@measurable', field: 'value' });
        }
        if (!measurableIds || measurableIds.has(r.indicator)) return;
        if (ind && (ind.targets?.length ?? 0) > 1) {
          const targets = ind.targets!.map((t) => t.id ?? '?').join(', ');
          report.at(src, ['indicators', i, 'indicator'], 'progress/non-indicator-value', { id: r.indicator, count: ind.targets!.length, targets });
        } else {
          report.at(src, ['indicators', i, 'indicator'], 'progress/unknown-indicator', {
            id: r.indicator,
            suggestion: closest(r.indicator, [...measurableIds]) ?? '',
          });
        }
      });
      const seenLines = new Set<number>();
      (p.budget ?? []).forEach((r, i) => {
        if (seenLines.has(r.line)) report.at(src, ['budget', i, 'line'], 'progress/duplicate', { what: '@line', id: r.line });
        seenLines.add(r.line);
        if (!lines) return;
        const planned = lines.get(r.line);
        if (planned === undefined) report.at(src, ['budget', i, 'line'], 'progress/unknown-line', { no: r.line });
        else if (r.spent > planned) {
          report.at(src, ['budget', i, 'spent'], 'progress/overspent', {
            no: r.line,
            actual: figure(r.spent),
            expected: figure(planned),
            diff: figure(BigInt(r.spent) - BigInt(planned)),
          });
        }
      });
    }
  },
});
