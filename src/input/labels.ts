/**
 * Trạng thái and đánh giá as people type them: the file's words (done, khong-dat) or the
 * Vietnamese labels, in any case, with or without diacritics.
 */
import type { TaskStatus } from '../model/plan.js';
import { foldVi } from '../model/fold.js';
import { accept, refuse, type Read } from './problem.js';

/** Đánh giá of a qualitative indicator: đạt (achieved) or không đạt (not achieved). */
export type Assessment = 'dat' | 'khong-dat';

export const STATUS_LABEL_VI: Record<TaskStatus, string> = {
  'not-started': 'Chưa thực hiện',
  'in-progress': 'Đang thực hiện',
  done: 'Hoàn thành',
};

export const ASSESSMENT_LABEL_VI: Record<Assessment, string> = { dat: 'Đạt', 'khong-dat': 'Không đạt' };

const STATUS: Record<string, TaskStatus> = {
  'not started': 'not-started',
  'chua thuc hien': 'not-started',
  'chua bat dau': 'not-started',
  'in progress': 'in-progress',
  'dang thuc hien': 'in-progress',
  done: 'done',
  'hoan thanh': 'done',
  'da hoan thanh': 'done',
};

const ASSESSMENT: Record<string, Assessment> = {
  dat: 'dat',
  'da dat': 'dat',
  'khong dat': 'khong-dat',
  'chua dat': 'khong-dat',
};

export function readStatus(input: unknown): Read<TaskStatus> {
  if (typeof input !== 'string' || input.trim() === '') return refuse(input === undefined || input === null || input === '' ? 'empty' : 'status', input ?? '');
  const s = STATUS[foldVi(input)];
  return s ? accept(s) : refuse('status', input.trim());
}

export function readAssessment(input: unknown): Read<Assessment> {
  if (typeof input !== 'string' || input.trim() === '') return refuse('empty', input ?? '');
  const a = ASSESSMENT[foldVi(input)];
  return a ? accept(a) : refuse('assessment', input.trim());
}
