/**
 * Both documents open without repair in a second, independent consumer: LibreOffice
 * (headless Writer) converts the 2022 plan, its 9-month report and both documents of a plan
 * of another shape to PDF in one start, each with pages; poppler's pdfinfo and pdftotext
 * then show the landscape appendix pages, the Quốc hiệu on one line of each first page, and
 * the illustrative mark on every report page.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLAN_2022, fixturePlan, spawnCli, tempDir } from '../helpers.js';

/** Page sizes in points, from pdfinfo, one per page. */
function pageSizes(pdf: string): Array<{ w: number; h: number }> {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * A page's lines as pdftotext -layout prints them, runs of spaces closed up: where a
 * column is too narrow, a line break shows here, whatever the reading order.
 */
function pageLines(pdf: string, page: number): string[] {
  const out = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
  return out.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
}

/**
 * A page's text in reading order, one column after the other (pdftotext without -layout):
 * the two header columns do not interleave, whatever their widths and line breaks.
 */
function columnText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('LibreOffice opens and prints both documents', () => {
  it('converts doc and report, for two plans, to PDF with pages', () => {
    const { dir, cleanup } = tempDir();
    const profile = mkdtempSync(path.join(tmpdir(), 'cchc-lo-profile-'));
    try {
      const files = {
        doc2022: path.join(dir, 'doc-2022.docx'),
        report2022: path.join(dir, 'report-2022.docx'),
        docTen: path.join(dir, 'doc-ten.docx'),
        reportTen: path.join(dir, 'report-ten.docx'),
      };
      const runs = [
        spawnCli(['doc', PLAN_2022, '--out', files.doc2022]),
        spawnCli(['report', PLAN_2022, '--period', '2022-9M', '--out', files.report2022]),
        spawnCli(['doc', fixturePlan('status-ten'), '--out', files.docTen]),
        spawnCli(['report', fixturePlan('status-ten'), '--period', '2024-6M', '--out', files.reportTen]),
      ];
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);

      const out = path.join(dir, 'pdf');
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--nologo',
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          out,
          ...Object.values(files),
        ],
        { encoding: 'utf8', timeout: 170_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = (f: string) => path.join(out, path.basename(f, '.docx') + '.pdf');
      for (const f of Object.values(files)) expect(existsSync(pdf(f)), f).toBe(true);

      // The plan: portrait pages, then the landscape appendices.
      const sizes = pageSizes(pdf(files.doc2022));
      expect(sizes.length).toBeGreaterThanOrEqual(6);
      expect(sizes[0]!.h).toBeGreaterThan(sizes[0]!.w);
      expect(sizes.at(-1)!.w).toBeGreaterThan(sizes.at(-1)!.h);
      expect(Math.round(sizes[0]!.w / 2.8346)).toBe(210); // A4: 210 mm wide
      // The header's two columns: the issuing body, and the national motto.
      const header = columnText(pdf(files.doc2022), 1);
      expect(header).toContain('UBND TỈNH BÌNH ĐỊNH');
      expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(header).toContain('Độc lập - Tự do - Hạnh phúc');
      // The Quốc hiệu on one line, at its 12 pt, in each document's header (Nghị định 30/2020).
      for (const f of Object.values(files)) {
        const lines = pageLines(pdf(f), 1);
        const motto = lines.filter((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
        expect(motto, `${path.basename(f)}:\n${lines.join('\n')}`).toHaveLength(1);
      }
      // Page numbers start on page 2.
      expect(pageText(pdf(files.doc2022), 2).trim()).toMatch(/^2 /);

      // The report: illustrative data marked on every page.
      const reportPages = pageSizes(pdf(files.report2022)).length;
      expect(reportPages).toBeGreaterThanOrEqual(2);
      for (let p = 1; p <= reportPages; p++) expect(pageText(pdf(files.report2022), p), `page ${p}`).toContain('SỐ LIỆU MINH HỌA');

      expect(pageSizes(pdf(files.docTen)).length).toBeGreaterThanOrEqual(3);
      expect(pageSizes(pdf(files.reportTen)).length).toBeGreaterThanOrEqual(1);
      expect(pageText(pdf(files.reportTen), 1)).toContain('BÁO CÁO');
    } finally {
      cleanup();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
