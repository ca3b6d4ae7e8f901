/** Every cross-file rule, in the order they run. Adding a rule is adding it here, with a fixture and a test. */
import type { Rule } from '../context.js';
import { planYearMatchesFolder, issuedPlanHasNumber, areasNumbered, areasHaveTasks, annexCountMatches, unitsUnique, unitsUsed } from './plan.js';
import { tasksNumbered, taskIdsUnique, taskUnitsResolve, taskAreasExist, taskDeadlinesValid } from './tasks.js';
import { indicatorsValid } from './indicators.js';
import { budgetLinesNumbered, budgetArithmetic, budgetHasFunding } from './budget.js';
import { progressValid } from './progress.js';
import { refRules } from './refs.js';
import { taskTextDatesInYear } from './dates.js';

export const RULES: readonly Rule[] = [
  planYearMatchesFolder,
  issuedPlanHasNumber,
  areasNumbered,
  areasHaveTasks,
  annexCountMatches,
  unitsUnique,
  unitsUsed,
  tasksNumbered,
  taskIdsUnique,
  taskUnitsResolve,
  taskAreasExist,
  taskDeadlinesValid,
  taskTextDatesInYear,
  indicatorsValid,
  budgetLinesNumbered,
  budgetArithmetic,
  budgetHasFunding,
  progressValid,
  ...refRules,
];
