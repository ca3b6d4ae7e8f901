/**
 * The writer: an OfficialDocument (document.ts) as .docx bytes (WordprocessingML in a zip
 * package), written as strings. Our own, not a library: the `docx` package needed 42 s and
 * 1,7 GB for a 10.000-task plan against a target of 5 s and 400 MB, its object tree per run
 * and per cell being the cost (docs/documents.md has the measurements). The parts written
 * are the few a Word document needs (content types, relationships, document, styles,
 * settings, two headers, properties), each read back in the tests by python-docx and
 * LibreOffice.
 *
 * The page follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top and bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; body 14 pt; 6 pt after each paragraph, lines at
 * 1,15; a first-line indent of 1,27 cm; page numbers at the top centre, not on a section's
 * first page. Appendices are landscape sections with the same margins, numbered on their own.
 */
import type { Block, OfficialDocument, Para, Section, Table } from './document.js';
import { SIZE } from './document.js';
import { zip } from './zip.js';

/** Twips (1/20 pt) per millimetre. */
const MM = 1440 / 25.4;
export const PAGE = {
  /** A4 portrait, twips. */
  width: 11906,
  height: 16838,
  // Rounded up, so that 15 mm stays at least 15 mm in whole twips.
  margin: { top: Math.ceil(20 * MM), bottom: Math.ceil(20 * MM), left: Math.ceil(30 * MM), right: Math.ceil(15 * MM) },
  /** The header (page number, marks) sits 10 mm from the top edge, inside the top margin. */
  header: Math.round(10 * MM),
  footer: Math.round(10 * MM),
  /** 1,27 cm. */
  firstLine: 720,
  /** Points after a paragraph of the body. */
  after: 6,
  /** Line spacing in 240ths of a line. */
  line: 276,
};
export const FONT = 'Times New Roman';

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data: escaped, and without the characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  // Most text needs nothing: one test instead of five replacements per run.
  if (!/[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const FONTS = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>`;

/**
 * A run. The font is the document's default (styles.xml), so runs do not repeat it; the size
 * only when it differs from the paragraph style's. A 10.000-row appendix is 60.000 runs: what
 * each one leaves out is what keeps `cchc doc` within its time and memory (bench/docx.mjs).
 */
function runXml(
  text: string,
  o: { bold?: boolean | undefined; italic?: boolean | undefined; size: number; color?: string | undefined },
  styleSize: number,
): string {
  const sz = Math.round(o.size * 2);
  const props =
    (o.bold ? '<w:b/><w:bCs/>' : '') +
    (o.italic ? '<w:i/><w:iCs/>' : '') +
    (o.color ? `<w:color w:val="${o.color}"/>` : '') +
    (o.size !== styleSize ? `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** The paragraph styles of styles.xml: the body (Normal) and table cells (Cell). */
interface ParaStyle {
  id?: string;
  size: number;
  before: number;
  after: number;
  line: number;
}
const NORMAL: ParaStyle = { size: SIZE.body, before: 0, after: PAGE.after, line: PAGE.line };
const CELL: ParaStyle = { id: 'Cell', size: SIZE.table, before: 2, after: 2, line: 240 };

const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

/** A paragraph, and for a ruled one an empty paragraph after it whose bottom border is the rule. */
function paraXml(p: Para, width: number, style: ParaStyle = NORMAL): string {
  const size = p.size ?? SIZE.body;
  const before = p.before ?? 0;
  // A ruled paragraph's space after goes below its rule.
  const after = p.rule ? 0 : (p.after ?? PAGE.after);
  const spacing =
    before !== style.before || after !== style.after
      ? `<w:spacing w:before="${Math.round(before * 20)}" w:after="${Math.round(after * 20)}" w:line="${style.line}" w:lineRule="auto"/>`
      : '';
  const ppr =
    (style.id ? `<w:pStyle w:val="${style.id}"/>` : '') +
    (p.keepNext ? '<w:keepNext/>' : '') +
    spacing +
    (p.indent ? `<w:ind w:firstLine="${PAGE.firstLine}"/>` : '') +
    (p.align && p.align !== 'left' ? `<w:jc w:val="${JC[p.align]}"/>` : '');
  let out = `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}`;
  for (const r of p.runs) out += runXml(r.text, { bold: r.bold, italic: r.italic, color: r.color, size: r.size ?? size }, style.size);
  out += '</w:p>';
  if (p.rule) {
    const side = Math.round((width * (1 - p.rule)) / 2);
    out +=
      `<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>` +
      `<w:spacing w:before="0" w:after="${Math.round((p.after ?? 0) * 20)}" w:line="80" w:lineRule="exact"/>` +
      `<w:ind w:left="${side}" w:right="${side}"/></w:pPr></w:p>`;
  }
  return out;
}

const BORDER = (v: string) =>
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="${v}" w:sz="4" w:space="0" w:color="000000"/>`).join('');
const VALIGN = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

function tableXml(t: Table, avail: number): string {
  const width = avail + (t.outdent ? Math.round((t.outdent.left + t.outdent.right) * MM) : 0);
  const total = t.widths.reduce((a, b) => a + b, 0) || 1;
  const cols = t.widths.map((w) => Math.floor((w / total) * width));
  const span = (c: number, n: number) => cols.slice(c, c + n).reduce((a, b) => a + b, 0);
  const parts: string[] = [];
  parts.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${span(0, cols.length)}" w:type="dxa"/>` +
      (t.outdent ? `<w:tblInd w:w="${-Math.round(t.outdent.left * MM)}" w:type="dxa"/>` : '') +
      `<w:tblBorders>${BORDER(t.borders ? 'single' : 'nil')}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
      `<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  // Cells a span from above covers: how many more rows, and how many columns wide.
  const below: Array<{ rows: number; cols: number } | undefined> = cols.map(() => undefined);
  t.rows.forEach((row, ri) => {
    const header = ri < t.headerRows;
    parts.push(`<w:tr>${header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : ''}`);
    let c = 0;
    let k = 0;
    while (c < cols.length) {
      const cover = below[c];
      if (cover && cover.rows > 0) {
        const w = span(c, cover.cols);
        parts.push(
          `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${cover.cols > 1 ? `<w:gridSpan w:val="${cover.cols}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`,
        );
        cover.rows--;
        c += cover.cols;
        continue;
      }
      const tc = row[k++];
      if (!tc) break;
      const n = Math.min(tc.colSpan ?? 1, cols.length - c);
      const w = span(c, n);
      const rs = tc.rowSpan ?? 1;
      below[c] = rs > 1 ? { rows: rs - 1, cols: n } : undefined;
      const tcpr =
        `<w:tcW w:w="${w}" w:type="dxa"/>` +
        (n > 1 ? `<w:gridSpan w:val="${n}"/>` : '') +
        (rs > 1 ? '<w:vMerge w:val="restart"/>' : '') +
        (tc.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${tc.fill}"/>` : '') +
        `<w:vAlign w:val="${VALIGN[tc.valign ?? 'top']}"/>`;
      const body = tc.paras.map((p) => paraXml(p, w - 160, t.borders ? CELL : NORMAL)).join('') || '<w:p/>';
      parts.push(`<w:tc><w:tcPr>${tcpr}</w:tcPr>${body}</w:tc>`);
      c += n;
    }
    parts.push('</w:tr>');
  });
  parts.push('</w:tbl>');
  return parts.join('');
}

function textWidth(s: Section): number {
  return (s.orientation === 'landscape' ? PAGE.height : PAGE.width) - PAGE.margin.left - PAGE.margin.right;
}

function sectPrXml(s: Section): string {
  const [w, h] = s.orientation === 'landscape' ? [PAGE.height, PAGE.width] : [PAGE.width, PAGE.height];
  const m = PAGE.margin;
  return (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    '<w:type w:val="nextPage"/>' +
    `<w:pgSz w:w="${w}" w:h="${h}"${s.orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    (s.restartNumbering ? '<w:pgNumType w:start="1"/>' : '') +
    '<w:titlePg/></w:sectPr>'
  );
}

/** An empty paragraph: between two tables (else they merge into one) and after a table that ends the document. */
const SPACER = '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>';

function blocksXml(bs: Block[], width: number, last: boolean): string[] {
  const out: string[] = [];
  bs.forEach((b, i) => {
    if (b.kind === 'para') out.push(paraXml(b, width));
    else if (b.kind === 'break') out.push('<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>');
    else {
      out.push(tableXml(b, width));
      const next = bs[i + 1];
      if (next ? next.kind === 'table' : last) out.push(SPACER);
    }
  });
  return out;
}

function documentXml(doc: OfficialDocument): string {
  const parts: string[] = [XML_HEAD, `<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>`];
  doc.sections.forEach((s, i) => {
    const last = i === doc.sections.length - 1;
    for (const x of blocksXml(s.blocks, textWidth(s), last)) parts.push(x);
    // A section ends with a paragraph carrying its properties; the last one's close the body.
    if (!last) parts.push(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>${sectPrXml(s)}</w:pPr></w:p>`);
    else parts.push(sectPrXml(s));
  });
  parts.push('</w:body></w:document>');
  return parts.join('');
}

/** The page header: the page number centred (not on a first page), then each mark on its own line at the right. */
function headerXml(withNumber: boolean, marks: string[], red: string | undefined): string {
  const size = SIZE.body * 2;
  const rpr = `<w:rPr>${FONTS}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const number = withNumber
    ? `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>` +
      `<w:r>${rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
      `<w:r>${rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rpr}<w:t>2</w:t></w:r><w:r>${rpr}<w:fldChar w:fldCharType="end"/></w:r></w:p>`
    : '';
  const lines = marks.map(
    (m) =>
      `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="right"/></w:pPr>${runXml(m, { bold: true, size: 11, color: m === red ? 'C00000' : undefined }, SIZE.body)}</w:p>`,
  );
  const body = number + lines.join('') || '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>';
  return `${XML_HEAD}<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}">${body}</w:hdr>`;
}

function stylesXml(): string {
  const sz = SIZE.body * 2;
  return (
    `${XML_HEAD}<w:styles xmlns:w="${NS_W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${FONTS}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="${PAGE.after * 20}" w:line="${PAGE.line}" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="${PAGE.after * 20}" w:line="${PAGE.line}" w:lineRule="auto"/></w:pPr><w:rPr>${FONTS}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="Cell"><w:name w:val="Cell"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="${CELL.before * 20}" w:after="${CELL.after * 20}" w:line="${CELL.line}" w:lineRule="auto"/></w:pPr>` +
    `<w:rPr>${FONTS}<w:sz w:val="${CELL.size * 2}"/><w:szCs w:val="${CELL.size * 2}"/></w:rPr></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    '</w:styles>'
  );
}

function coreXml(doc: OfficialDocument, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(doc.title)}</dc:title><dc:subject>${xmlText(doc.subject)}</dc:subject><dc:creator>cchc</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdHeaderDefault" Type="${REL}/header" Target="header1.xml"/>` +
  `<Relationship Id="rIdHeaderFirst" Type="${REL}/header" Target="header2.xml"/></Relationships>`;

const SETTINGS =
  `${XML_HEAD}<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cchc</Application></Properties>`;

export interface DocxOptions {
  /** The document's creation time (its properties); fixed by tests and CCHC_TODAY. */
  created: Date;
}

export function documentAsDocx(doc: OfficialDocument, opts: DocxOptions): Uint8Array {
  const firstMarks = [doc.firstPageMark, doc.everyPageMark].filter((x): x is string => Boolean(x));
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: PACKAGE_RELS },
    { name: 'word/document.xml', data: documentXml(doc) },
    { name: 'word/_rels/document.xml.rels', data: DOCUMENT_RELS },
    { name: 'word/styles.xml', data: stylesXml() },
    { name: 'word/settings.xml', data: SETTINGS },
    { name: 'word/header1.xml', data: headerXml(true, doc.everyPageMark ? [doc.everyPageMark] : [], doc.everyPageMark) },
    { name: 'word/header2.xml', data: headerXml(false, firstMarks, doc.everyPageMark) },
    { name: 'docProps/core.xml', data: coreXml(doc, opts.created) },
    { name: 'docProps/app.xml', data: APP },
  ]);
}
