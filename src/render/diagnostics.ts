/**
 * Renderers for findings: text (file:line:col, an excerpt with a caret), json, GitHub
 * Actions workflow commands, and SARIF 2.1.0. They take computed diagnostics; none checks.
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { ALL_CODES, codeInfo, describeCode, hintOf, messageOf, formatTemplate, type Lang } from '../diagnostics/codes.js';
import { escapeControls } from './escape.js';
import { graphemes, graphemeWidth } from './style.js';

const L = {
  vi: { error: 'lỗi', warning: 'cảnh báo', hint: 'gợi ý' },
  en: { error: 'error', warning: 'warning', hint: 'hint' },
};

export function location(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

/**
 * The excerpt line, cut to fit the terminal around the column, with a caret under it. The
 * line is measured in graphemes and terminal columns, not code units: in NFD text (macOS)
 * "ế" is three code points but one column, so the caret still lands under the finding.
 */
function excerptLines(d: Diagnostic, width: number, c: ChalkInstance): string[] {
  if (d.line <= 0 || d.excerpt === undefined) return [];
  const gutter = String(d.line).length + 1;
  const room = Math.max(20, width - gutter - 3);
  // Control and bidi characters are shown as U+FFFD, so a hostile file cannot drive the terminal.
  const unsafe = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;
  // A long line (a minified file) is cut to a window around the column before segmenting.
  const line = d.excerpt;
  const from = line.length > room * 8 ? Math.max(0, d.column - 1 - room * 4) : 0;
  const to = line.length > room * 8 ? Math.min(line.length, d.column - 1 + room * 4) : line.length;
  const gs = graphemes(line.slice(from, to).replace(/\t/g, ' ')).map((g) => {
    const text = g.text.replace(unsafe, '\uFFFD');
    return { text, index: g.index + from, width: graphemeWidth(text) };
  });
  // Prefix sums of widths: widthOf(a, b) is the columns of graphemes a..b-1.
  const sums = [0];
  for (const g of gs) sums.push(sums[sums.length - 1]! + g.width);
  const widthOf = (a: number, b: number) => sums[b]! - sums[a]!;
  // Column (1-based UTF-16 units) to grapheme index: the grapheme that holds that unit.
  const at = (unit: number) => {
    let lo = 0;
    let hi = gs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gs[mid]!.index <= unit) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1) < gs.length && unit < to ? Math.max(0, lo - 1) : gs.length;
  };
  const col = at(Math.max(0, d.column - 1));
  const end = Math.max(col + 1, d.endLine === d.line && d.endColumn ? at(d.endColumn - 1) : col + 1);
  let start = 0;
  let stop = gs.length;
  if (from > 0 || to < line.length || widthOf(0, gs.length) > room) {
    // Keep the finding about a third of the way in.
    start = Math.min(col, gs.length);
    while (start > 0 && widthOf(start - 1, start === gs.length ? start : Math.min(col, gs.length)) <= Math.floor(room / 3)) start--;
    stop = start;
    while (stop < gs.length && widthOf(start, stop + 1) <= room) stop++;
    while (start > 0 && widthOf(start - 1, stop) <= room) start--;
  }
  const shown = gs.slice(start, stop).map((g) => ({ ...g }));
  if ((start > 0 || from > 0) && shown[0]) shown[0] = { ...shown[0], text: '…', width: 1 };
  if ((stop < gs.length || to < line.length) && shown.length > 0) shown[shown.length - 1] = { ...shown[shown.length - 1]!, text: '…', width: 1 };
  const pad = shown.slice(0, Math.max(0, col - start)).reduce((n, g) => n + g.width, 0);
  const len = Math.max(
    1,
    shown.slice(Math.max(0, col - start), Math.max(0, end - start)).reduce((n, g) => n + g.width, 0),
  );
  const gutterPad = ' '.repeat(gutter);
  return [
    `${c.dim(String(d.line).padStart(gutter - 1))} ${c.dim('|')} ${shown.map((g) => g.text).join('')}`,
    `${gutterPad}${c.dim('|')} ${' '.repeat(pad)}${c.bold(d.severity === 'error' ? c.red('^'.repeat(len)) : c.yellow('^'.repeat(len)))}`,
  ];
}

export function diagnosticAsText(d: Diagnostic, lang: Lang, c: ChalkInstance, width = 80): string {
  const sev = d.severity === 'error' ? c.red.bold(L[lang].error) : c.yellow.bold(L[lang].warning);
  const head = `${c.bold(escapeControls(location(d)))}: ${sev} ${c.dim(d.code)}: ${escapeControls(messageOf(d.code, d.params, lang))}`;
  const lines = [head, ...excerptLines(d, width, c)];
  const hint = hintOf(d.code, d.params, lang);
  if (hint) lines.push(`${' '.repeat(String(d.line).length + 1)}${c.cyan('= ' + L[lang].hint + ':')} ${escapeControls(hint)}`);
  return lines.join('\n');
}

/** What a run checked: plan folders and lone files. */
export interface Checked {
  plans: number;
  files?: number;
}

function checkedWhat({ plans, files = 0 }: Checked, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'vi') {
    if (plans || !files) parts.push(`${plans} kế hoạch`);
    if (files) parts.push(`${files} tệp`);
    return parts.join(' và ');
  }
  if (plans || !files) parts.push(`${plans} plan${plans === 1 ? '' : 's'}`);
  if (files) parts.push(`${files} file${files === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

export function summaryAsText(ds: readonly Diagnostic[], checked: Checked | number, lang: Lang, c: ChalkInstance): string {
  const { errors, warnings } = countBySeverity(ds);
  const what = checkedWhat(typeof checked === 'number' ? { plans: checked } : checked, lang);
  if (lang === 'vi') {
    if (errors === 0 && warnings === 0) return c.green(`✓ Đã kiểm tra ${what}: không có lỗi.`);
    const parts = [errors ? c.red(`${errors} lỗi`) : '', warnings ? c.yellow(`${warnings} cảnh báo`) : ''].filter(Boolean);
    return `${errors ? c.red('✗') : c.yellow('!')} Đã kiểm tra ${what}: ${parts.join(', ')}.`;
  }
  if (errors === 0 && warnings === 0) return c.green(`✓ Checked ${what}: no problems.`);
  const parts = [
    errors ? c.red(`${errors} error${errors === 1 ? '' : 's'}`) : '',
    warnings ? c.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`) : '',
  ].filter(Boolean);
  return `${errors ? c.red('✗') : c.yellow('!')} Checked ${what}: ${parts.join(', ')}.`;
}

function plainParams(d: Diagnostic, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d.params)) {
    if (typeof v === 'string' && /^#-?\d+$/.test(v)) out[k] = v.slice(1);
    else if (typeof v === 'string' && v.startsWith('@')) out[k] = formatTemplate(`{${k}}`, { [k]: v }, lang);
    else out[k] = v;
  }
  return out;
}

/** The documented JSON shape (docs/commands.md, "cchc validate", JSON). */
export function diagnosticAsJson(d: Diagnostic, lang: Lang) {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine ?? d.line,
    endColumn: d.endColumn ?? d.column,
    message: messageOf(d.code, d.params, lang),
    hint: hintOf(d.code, d.params, lang) ?? null,
    params: plainParams(d, lang),
  };
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: findings appear as annotations on the pull request. */
export function diagnosticAsGithub(d: Diagnostic, lang: Lang): string {
  const cmd = d.severity === 'error' ? 'error' : 'warning';
  const props = [`file=${escapeProperty(escapeControls(d.file))}`];
  if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
  if (d.endLine && d.endLine === d.line && d.endColumn) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.code)}`);
  return `::${cmd} ${props.join(',')}::${escapeData(escapeControls(messageOf(d.code, d.params, lang)))}`;
}

export function diagnosticsAsSarif(ds: readonly Diagnostic[], lang: Lang, version: string): object {
  const used = [...new Set(ds.map((d) => d.code))].sort();
  const allCodes = [...ALL_CODES].sort();
  const ruleIndex = new Map(allCodes.map((c, i) => [c, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cchc',
            version,
            // informationUri is left out: the project has no public home yet (docs/install.md).
            rules: allCodes.map((code) => {
              const info = codeInfo(code);
              return {
                id: code,
                name: code.replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/^\w/, (ch) => ch.toUpperCase()),
                shortDescription: { text: describeCode(code, lang) },
                defaultConfiguration: { level: info.severity === 'error' ? 'error' : 'warning' },
              };
            }),
          },
        },
        results: ds.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code) ?? -1,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: escapeControls(messageOf(d.code, d.params, lang)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split(/[\\/]/).map(encodeURIComponent).join('/') },
                ...(d.line > 0
                  ? { region: { startLine: d.line, startColumn: d.column, endLine: d.endLine ?? d.line, endColumn: d.endColumn ?? d.column + 1 } }
                  : {}),
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
        properties: { codesUsed: used },
      },
    ],
  };
}
