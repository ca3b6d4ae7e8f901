/**
 * `cchc diff --format markdown`: the diff as a pull-request comment (GitHub-flavoured
 * Markdown): a heading, a one-line summary, then a section per part with tables. Long
 * task titles are shortened in tables; changed words are shown as ~~old~~ **new**.
 */
import type { Lang } from '../diagnostics/codes.js';
import { formatInt } from '../i18n/format.js';
import { hasDifferences, type Change, type ListChange, type PlanDiff, type WordHunk } from '../report/diff.js';
import { DIFF_WORDS, fieldLabel, formatValue, renumberText, sectionTitle, sideLabel, signedInt, summaryText } from './diff-text.js';

/** Titles longer than this are shortened in table cells. */
const CELL_MAX = 120;

/** Escape text for a table cell or a line: no markup, no line breaks, no cell breaks. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

function short(s: string, max = CELL_MAX): string {
  const cps = [...s];
  return cps.length <= max
    ? s
    : cps
        .slice(0, max - 1)
        .join('')
        .replace(/\s+\S*$/, '') + '…';
}

function cell(s: string, max = CELL_MAX): string {
  return escapeMarkdown(short(s, max));
}

function hunkMarkdown(h: WordHunk): string {
  const parts = [escapeMarkdown(h.contextBefore)];
  if (h.before) parts.push(`~~${escapeMarkdown(h.before)}~~`);
  if (h.after) parts.push(`**${escapeMarkdown(h.after)}**`);
  parts.push(escapeMarkdown(h.contextAfter));
  return parts.filter((p) => p !== '').join(' ');
}

function changeMarkdown(c: Change, lang: Lang): string {
  const label = escapeMarkdown(fieldLabel(c.field, lang));
  if (c.words && c.words.length > 0) return `${label}: ${c.words.map(hunkMarkdown).join('; ')}`;
  const delta = c.delta !== undefined ? ` (${signedInt(c.delta, lang)})` : '';
  return `${label}: ${cell(formatValue(c, c.before, lang), 300)} → **${cell(formatValue(c, c.after, lang), 300)}**${escapeMarkdown(delta)}`;
}

function listMarkdown(l: ListChange, lang: Lang): string[] {
  const out = [`**${escapeMarkdown(fieldLabel(l.field, lang))}**`, ''];
  for (const x of l.removed) out.push(`- ➖ ${escapeMarkdown(x)}`);
  for (const x of l.added) out.push(`- ➕ ${escapeMarkdown(x)}`);
  out.push('');
  return out;
}

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

type Words = (typeof DIFF_WORDS)[Lang];

/** The diff as a pull-request comment: a heading and summary, then one section per changed part. */
export function diffAsMarkdown(d: PlanDiff, lang: Lang): string {
  const W = DIFF_WORDS[lang];
  const title = d.a.path === d.b.path ? d.a.path : `${d.a.path} → ${d.b.path}`;
  const out: string[] = [`## ${escapeMarkdown(W.heading)} ${escapeMarkdown(title)}`, ''];
  out.push(
    `${escapeMarkdown(W.before)}: \`${sideLabel(d.a, lang).replace(/`/g, "'")}\` → ${escapeMarkdown(W.after)}: \`${sideLabel(d.b, lang).replace(/`/g, "'")}\``,
    '',
  );
  out.push(`**${escapeMarkdown(summaryText(d, lang))}**`, '');
  if (!hasDifferences(d)) return out.join('\n');
  const sections = [
    ...metadataMarkdown(d, lang, W),
    ...unitsMarkdown(d, lang, W),
    ...areasMarkdown(d, lang, W),
    ...tasksMarkdown(d, lang, W),
    ...indicatorsMarkdown(d, lang, W),
    ...budgetMarkdown(d, lang, W),
  ];
  return [...out, ...sections].join('\n').replace(/\n+$/, '\n');
}

function metadataMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const m = d.metadata;
  if (m.changes.length + m.lists.length === 0) return [];
  const out = [`### ${W.metadata}`, ''];
  if (m.changes.length > 0) {
    out.push(
      ...table(
        [W.item, W.beforeCol, W.afterCol],
        ['l', 'l', 'l'],
        m.changes.map((c) =>
          c.words
            ? [
                escapeMarkdown(fieldLabel(c.field, lang)),
                c.words.map((h) => hunkMarkdown({ ...h, after: '' })).join('; '),
                c.words.map((h) => hunkMarkdown({ ...h, before: '' })).join('; '),
              ]
            : [escapeMarkdown(fieldLabel(c.field, lang)), cell(formatValue(c, c.before, lang), 300), cell(formatValue(c, c.after, lang), 300)],
        ),
      ),
    );
  }
  for (const l of m.lists) out.push(...listMarkdown(l, lang));
  return out;
}

function unitsMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const u = d.units;
  if (u.added.length + u.removed.length + u.changed.length === 0) return [];
  const out = [`### ${W.units}`, ''];
  for (const x of u.removed) out.push(`- ➖ \`${x.id}\` ${escapeMarkdown(x.name)}`);
  for (const x of u.added) out.push(`- ➕ \`${x.id}\` ${escapeMarkdown(x.name)}`);
  for (const x of u.changed) out.push(`- ✏️ \`${x.id}\`: ${x.changes.map((c) => changeMarkdown(c, lang)).join('; ')}`);
  out.push('');
  return out;
}

function areasMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const ar = d.areas;
  if (ar.added.length + ar.removed.length + ar.changed.length === 0) return [];
  const out = [`### ${W.areas}`, ''];
  for (const x of ar.removed) out.push(`- ➖ ${x.id}. ${escapeMarkdown(x.title)}`);
  for (const x of ar.added) out.push(`- ➕ ${x.id}. ${escapeMarkdown(x.title)}`);
  for (const x of ar.changed) {
    out.push(`- ✏️ ${x.id}. ${escapeMarkdown(x.title)}`);
    for (const c of x.changes) out.push(`  - ${changeMarkdown(c, lang)}`);
    for (const l of x.lists) {
      out.push(`  - ${escapeMarkdown(fieldLabel(l.field, lang))}:`);
      for (const s of l.removed) out.push(`    - ➖ ${escapeMarkdown(s)}`);
      for (const s of l.added) out.push(`    - ➕ ${escapeMarkdown(s)}`);
    }
  }
  out.push('');
  return out;
}

function tasksMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const t = d.tasks;
  if (t.added.length + t.removed.length + t.renumbered.length + t.changed.length === 0 && t.deadlinesShifted === 0) return [];
  const out = [`### ${sectionTitle(d, 'tasks', lang)}`, ''];
  const refRows = (xs: typeof t.added) => xs.map((x) => [String(x.no), String(x.area), cell(x.title), cell(x.lead, 60), cell(x.deadline, 60)]);
  const refHead = [W.noCol, W.areaN, W.task, fieldLabel('lead', lang), fieldLabel('deadline', lang)];
  if (t.added.length > 0) out.push(`**${W.added} (${t.added.length})**`, '', ...table(refHead, ['r', 'r', 'l', 'l', 'l'], refRows(t.added)));
  if (t.removed.length > 0) out.push(`**${W.removed} (${t.removed.length})**`, '', ...table(refHead, ['r', 'r', 'l', 'l', 'l'], refRows(t.removed)));
  if (t.renumbered.length > 0) out.push(`**${W.renumbered} (${t.renumbered.length}):** ${t.renumberedRanges.map(renumberText).join(', ')}`, '');
  if (t.changed.length > 0) {
    out.push(
      `**${W.changed} (${t.changed.length})**`,
      '',
      ...table(
        [W.noCol, W.task, W.changeCol],
        ['r', 'l', 'l'],
        t.changed.map((x) => [
          x.before.no !== x.after.no ? `${x.after.no} (${x.before.no})` : String(x.after.no),
          cell(x.title),
          x.changes.map((c) => changeMarkdown(c, lang)).join('<br>'),
        ]),
      ),
    );
  }
  if (t.deadlinesShifted > 0) out.push(escapeMarkdown(W.shifted(t.deadlinesShifted, d.b.year)), '');
  return out;
}

function indicatorsMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const ind = d.indicators;
  if (ind.added.length + ind.removed.length + ind.changed.length === 0) return [];
  const rows: string[][] = [];
  for (const x of ind.removed) rows.push([`➖ ${escapeMarkdown(x.id)}`, cell(x.text), '']);
  for (const x of ind.added) rows.push([`➕ ${escapeMarkdown(x.id)}`, cell(x.text), '']);
  for (const x of ind.changed) {
    rows.push([
      `✏️ ${escapeMarkdown(x.before !== x.after ? `${x.after} (${x.before})` : x.after)}`,
      cell(x.text),
      x.changes.map((c) => changeMarkdown(c, lang)).join('<br>'),
    ]);
  }
  return [`### ${W.indicators}`, '', ...table([W.item, fieldLabel('text', lang), W.changeCol], ['l', 'l', 'l'], rows)];
}

function budgetMarkdown(d: PlanDiff, lang: Lang, W: Words): string[] {
  const b = d.budget;
  if (b.added.length + b.removed.length + b.changed.length === 0 && b.total.delta === 0n && !b.totalInWords && !b.declaredTotal) return [];
  const out = [`### ${sectionTitle(d, 'budget', lang)}`, ''];
  const rows = budgetRows(d, lang, W);
  out.push(...table([W.noCol, fieldLabel('content', lang), W.beforeCol, W.afterCol, W.deltaCol, W.changeCol], ['l', 'l', 'r', 'r', 'r', 'l'], rows));
  if (b.declaredTotal) {
    out.push(
      `${escapeMarkdown(fieldLabel('declaredTotal', lang))}: ${formatInt(b.declaredTotal.before, lang)} → **${formatInt(b.declaredTotal.after, lang)}**`,
      '',
    );
  }
  if (b.totalInWords) {
    out.push(`${W.words}: ${escapeMarkdown(b.totalInWords.before)} → **${escapeMarkdown(b.totalInWords.after)}**`, '');
  }
  return out;
}

/** The budget table's rows: removed, added and changed lines, then the total. */
function budgetRows(d: PlanDiff, lang: Lang, W: Words): string[][] {
  const b = d.budget;
  const rows: string[][] = [];
  const amountOf = (cs: Change[]) => cs.find((c) => c.field === 'amount');
  for (const x of b.removed) rows.push([`➖ ${x.no}`, cell(x.content), formatInt(x.amount, lang), '', signedInt(-x.amount, lang), '']);
  for (const x of b.added) rows.push([`➕ ${x.no}`, cell(x.content), '', formatInt(x.amount, lang), signedInt(x.amount, lang), '']);
  for (const x of b.changed) {
    const a = amountOf(x.changes);
    const others = x.changes.filter((c) => c.field !== 'amount').map((c) => changeMarkdown(c, lang));
    if (x.before.no !== x.after.no) others.unshift(`${escapeMarkdown(W.noCol)}: ${x.before.no} → **${x.after.no}**`);
    rows.push([
      `✏️ ${x.after.no}`,
      cell(x.content),
      a ? formatValue(a, a.before, lang) : '',
      a ? formatValue(a, a.after, lang) : '',
      a?.delta !== undefined ? signedInt(a.delta, lang) : '',
      others.join('<br>'),
    ]);
  }
  rows.push([
    '',
    `**${W.total}**`,
    `**${formatInt(b.total.before, lang)}**`,
    `**${formatInt(b.total.after, lang)}**`,
    `**${signedInt(b.total.delta, lang)}**`,
    '',
  ]);
  return rows;
}
