/**
 * The writer: an OfficialDocument (document.ts) as .docx bytes, through the `docx` package
 * (docs/documents.md says why a library), imported here on demand so that only `cchc doc`
 * and `cchc report` load it.
 *
 * The page follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top and bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; body 14 pt; 6 pt after each paragraph, lines
 * at 1,15; a first-line indent of 1,27 cm; page numbers at the top centre, not on the first
 * page. Appendices are landscape sections with the same margins, numbered on their own.
 */
import type { Block, OfficialDocument, Para, Section, Table } from './document.js';
import { SIZE } from './document.js';

type Docx = typeof import('docx');

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

let loaded: Docx | undefined;
async function loadDocx(): Promise<Docx> {
  loaded ??= (await import('docx')) as Docx;
  return loaded;
}

function textWidth(s: Section): number {
  const w = s.orientation === 'landscape' ? PAGE.height : PAGE.width;
  return w - PAGE.margin.left - PAGE.margin.right;
}

export async function documentAsDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const d = await loadDocx();
  const { AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType, ShadingType, TableBorders } = d;

  const align = (a: Para['align']) =>
    a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : a === 'justify' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT;

  /** A paragraph, and for a ruled one an empty paragraph after it whose top border is the rule. */
  const paragraphs = (p: Para, width: number): InstanceType<typeof Paragraph>[] => {
    const size = (p.size ?? SIZE.body) * 2;
    const out = [
      new Paragraph({
        alignment: align(p.align),
        keepNext: p.keepNext ?? false,
        // A ruled paragraph's space after goes below its rule.
        spacing: { before: (p.before ?? 0) * 20, after: p.rule ? 0 : (p.after ?? PAGE.after) * 20, line: PAGE.line },
        ...(p.indent ? { indent: { firstLine: PAGE.firstLine } } : {}),
        children: p.runs.map(
          (r) =>
            new TextRun({
              text: r.text,
              bold: r.bold ?? false,
              italics: r.italic ?? false,
              size: r.size ? r.size * 2 : size,
              font: FONT,
              ...(r.color ? { color: r.color } : {}),
            }),
        ),
      }),
    ];
    if (p.rule) {
      const side = Math.round((width * (1 - p.rule)) / 2);
      out.push(
        new Paragraph({
          spacing: { before: 0, after: (p.after ?? 0) * 20, line: 80, lineRule: 'exact' },
          indent: { left: side, right: side },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 0, color: '000000' } },
          children: [new TextRun({ text: '', size: 4, font: FONT })],
        }),
      );
    }
    return out;
  };

  const table = (t: Table, avail: number) => {
    const width = avail + (t.outdent ? Math.round((t.outdent.left + t.outdent.right) * MM) : 0);
    const total = t.widths.reduce((a, b) => a + b, 0) || 1;
    const cols = t.widths.map((w) => Math.floor((w / total) * width));
    // Which grid column each cell starts at, with the columns that spans from above occupy.
    const busy: number[] = cols.map(() => 0);
    const rows = t.rows.map((row, ri) => {
      let c = 0;
      const cells = row.map((tc) => {
        while (c < cols.length && busy[c]! > 0) c++;
        const span = tc.colSpan ?? 1;
        const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
        for (let k = c; k < c + span; k++) busy[k] = tc.rowSpan ?? 1;
        c += span;
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          ...(tc.colSpan ? { columnSpan: tc.colSpan } : {}),
          ...(tc.rowSpan ? { rowSpan: tc.rowSpan } : {}),
          verticalAlign: tc.valign === 'middle' ? VerticalAlignTable.CENTER : tc.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
          margins: { left: 80, right: 80, top: 0, bottom: 0 },
          ...(tc.fill ? { shading: { type: ShadingType.CLEAR, fill: tc.fill, color: 'auto' } } : {}),
          children: tc.paras.flatMap((p) => paragraphs(p, w - 160)),
        });
      });
      for (let k = 0; k < busy.length; k++) if (busy[k]! > 0) busy[k]!--;
      // Only set when true: the package writes an explicit "false" otherwise, which some readers take as set.
      return new TableRow({ children: cells, ...(ri < t.headerRows ? { tableHeader: true, cantSplit: true } : {}) });
    });
    return new Table({
      rows,
      width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: cols,
      layout: TableLayoutType.FIXED,
      ...(t.outdent ? { indent: { size: -Math.round(t.outdent.left * MM), type: WidthType.DXA } } : {}),
      ...(t.borders ? {} : { borders: TableBorders.NONE }),
    });
  };

  const blocks = (bs: Block[], width: number) =>
    bs.flatMap((b) => {
      if (b.kind === 'para') return paragraphs(b, width);
      if (b.kind === 'table') return [table(b, width), new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })];
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    });

  /** The page header: the page number centred (not on a first page), then each mark on its own line at the right. */
  const header = (withNumber: boolean, marks: string[]) =>
    new Header({
      children: [
        ...(withNumber
          ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body * 2 })] })]
          : []),
        ...marks.map(
          (mark) =>
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: { before: 0, after: 0 },
              children: [new TextRun({ text: mark, bold: true, font: FONT, size: 11 * 2, color: mark === doc.everyPageMark ? 'C00000' : '000000' })],
            }),
        ),
        ...(withNumber || marks.length ? [] : [new Paragraph({ children: [] })]),
      ],
    });

  const sections = doc.sections.map((s) => {
    const width = textWidth(s);
    return {
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: s.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          ...(s.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
        },
      },
      headers: {
        first: header(false, [doc.firstPageMark, doc.everyPageMark].filter((x): x is string => Boolean(x))),
        default: header(true, doc.everyPageMark ? [doc.everyPageMark] : []),
      },
      children: blocks(s.blocks, width),
    };
  });

  const document = new Document({
    creator: 'cchc',
    title: doc.title,
    subject: doc.subject,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body * 2 },
          paragraph: { spacing: { after: PAGE.after * 20, line: PAGE.line } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
