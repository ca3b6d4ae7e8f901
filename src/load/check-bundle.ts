/** The entry of check.cjs: parsing and the whole rule set, loaded when a result is not cached. */
export { checkFolderTexts, loadLoneFile } from './plan-folder.js';
export { checkLoneFile } from '../check/index.js';
