/**
 * A date in a task's free text that falls outside the plan year (issue 16.5): "Trước ngày
 * 15/12/2024" left in a 2025 plan by a copy that did not move it. A deadline written in words
 * is checked whole; a title or product only where a date reads as a deadline ("trước ngày",
 * "đến ngày", "hạn", "chậm nhất", "hoàn thành"), since they also cite older documents.
 */
import { defineRule } from '../context.js';
import { datesInText } from '../../model/text-dates.js';
import { parseDeadline } from '../../model/deadline.js';

const DEADLINE_WORDS = /(?:trước|đến|hạn|chậm nhất|hoàn thành|xong)\s*(?:ngày|trong|vào)?\s*$/iu;

export const taskTextDatesInYear = defineRule({
  name: 'task-text-dates-in-year',
  codes: ['task/date-outside-year'],
  run(docs, report) {
    const doc = docs.tasks;
    const year = docs.plan?.data?.year;
    if (!doc?.data || year === undefined) return;
    doc.data.tasks.forEach((t, i) => {
      const fields: Array<[string, string | undefined, boolean]> = [
        ['deadline', parseDeadline(t.deadline).kind === 'free' ? t.deadline : undefined, true],
        ['title', t.title, false],
        ['product', t.product, false],
      ];
      for (const [field, text, whole] of fields) {
        if (!text) continue;
        const off = datesInText(text).find((d) => d.year !== year && (whole || DEADLINE_WORDS.test(text.slice(Math.max(0, d.index - 24), d.index))));
        if (off) report.at(doc.source, ['tasks', i, field], 'task/date-outside-year', { actual: text.slice(off.index, off.index + off.length), year });
      }
    });
  },
});
