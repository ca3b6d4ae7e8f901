// Types for the validators that scripts/build.mjs generates from schemas/ (ajv standalone).
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
  message?: string;
}
export interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export const plan: Validator;
export const units: Validator;
export const tasks: Validator;
export const indicators: Validator;
export const budget: Validator;
export const progress: Validator;
export const references: Validator;
