/** Readers of what people type (flags of cchc record, cells of a returned form). Pure. */
export * from './problem.js';
export * from './number.js';
export * from './date.js';
export * from './labels.js';
export * from './evidence.js';
export { foldVi } from '../model/fold.js';
