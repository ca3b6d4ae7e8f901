/**
 * The .docx tests' independent reader: python-docx under /usr/bin/python3 (Debian's
 * python3-docx), through tests/docx/read-docx.py, which prints what it reads as JSON.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export interface ReadHeader {
  linked: boolean;
  text: string;
  page: boolean;
}

export interface ReadSection {
  width_mm: number;
  height_mm: number;
  orientation: 'portrait' | 'landscape';
  top_mm: number;
  bottom_mm: number;
  left_mm: number;
  right_mm: number;
  title_page: boolean;
  page_start: number | null;
  header: ReadHeader;
  first_header: ReadHeader;
}

export interface ReadDocx {
  text: string[];
  tables: Array<Array<{ header: boolean; cells: string[] }>>;
  sections: ReadSection[];
  runs: Array<{ font: string | null; size: number | null; bold: boolean; italic: boolean; text: string }>;
  paras: Array<{ text: string; first_line_cm: number | null; after_pt: number | null; align: number | null }>;
}

export const PYTHON = '/usr/bin/python3';

export function readDocx(file: string): ReadDocx {
  const out = execFileSync(PYTHON, [path.join(ROOT, 'tests', 'docx', 'read-docx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as ReadDocx;
}

/** Whitespace folded to single spaces, NFC: how the sentence check compares text. */
export function fold(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}
