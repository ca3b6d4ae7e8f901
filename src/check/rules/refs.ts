/** Citation rules (references.yaml and the documents cited in the plan's text). */
import type { Rule } from '../context.js';

export const refRules: Rule[] = [];
