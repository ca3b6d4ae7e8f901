/**
 * The module that runs each command (src/cli/spec.ts names the commands), imported only
 * when that command runs: `cchc validate` never loads exceljs. The type makes a command
 * without a module a compile error.
 */
import type { CommandName } from '../spec.js';

type CommandModule = { run: (...args: never[]) => Promise<number> | number };

export const COMMAND_MODULES: { readonly [K in CommandName]: () => Promise<CommandModule> } = {
  validate: () => import('./validate.js'),
  status: () => import('./status.js'),
  budget: () => import('./budget.js'),
  export: () => import('./export.js'),
  doc: () => import('./doc.js'),
  report: () => import('./report.js'),
  refs: () => import('./refs.js'),
  diff: () => import('./diff.js'),
  new: () => import('./new.js'),
  init: () => import('./init.js'),
  record: () => import('./record.js'),
  form: () => import('./form.js'),
  import: () => import('./import.js'),
  fmt: () => import('./fmt.js'),
  completion: () => import('../completion.js'),
};
