/**
 * Schema validation with the precompiled validators, and the translation of ajv's errors
 * (English, JSON pointers) into located diagnostics with stable codes and our own
 * Vietnamese and English messages.
 */
import * as validators from '../generated/validators.js';
import type { AjvError, Validator } from '../generated/validators.js';
import type { Diagnostic, ParamsOf } from '../diagnostics/diagnostic.js';
import { diagnosticAt, positionOf, positionOfKey, type PathSegment, type SourceFile } from '../yaml/source.js';
import { closest } from '../model/text.js';

/** The codes a schema error can become (tests/unit/rule-codes.test.ts holds mapErrors to it). */
export const SCHEMA_CODES = [
  'schema/unknown-property',
  'schema/missing-property',
  'schema/type',
  'schema/enum',
  'schema/pattern',
  'schema/too-long',
  'schema/empty',
  'schema/range',
  'schema/too-many',
  'schema/too-few',
  'schema/invalid',
  'money/not-integer',
  'money/negative',
  'money/too-large',
] as const;

type SchemaCode = (typeof SCHEMA_CODES)[number];

export type FileKind = 'plan' | 'units' | 'tasks' | 'indicators' | 'budget' | 'progress' | 'references';
export const FILE_KINDS: Record<string, FileKind> = {
  Plan: 'plan',
  Units: 'units',
  Tasks: 'tasks',
  Indicators: 'indicators',
  Budget: 'budget',
  Progress: 'progress',
  References: 'references',
};

/** Property names per object schema path, for "did you mean" on a misspelt key. */
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import unitsSchema from '../../schemas/units.schema.json' with { type: 'json' };
import tasksSchema from '../../schemas/tasks.schema.json' with { type: 'json' };
import indicatorsSchema from '../../schemas/indicators.schema.json' with { type: 'json' };
import budgetSchema from '../../schemas/budget.schema.json' with { type: 'json' };
import progressSchema from '../../schemas/progress.schema.json' with { type: 'json' };
import referencesSchema from '../../schemas/references.schema.json' with { type: 'json' };

const SCHEMAS: Record<FileKind, unknown> = {
  plan: planSchema,
  units: unitsSchema,
  tasks: tasksSchema,
  indicators: indicatorsSchema,
  budget: budgetSchema,
  progress: progressSchema,
  references: referencesSchema,
};

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** A node of a JSON Schema, as far as the messages read it. */
interface SchemaNode {
  $ref?: unknown;
  properties?: Record<string, unknown>;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  [key: string]: unknown;
}

function schemaAt(kind: FileKind, schemaPath: string): SchemaNode | undefined {
  let node = SCHEMAS[kind] as SchemaNode | undefined;
  for (const seg of pointerToPath(schemaPath.replace(/^#/, ''))) {
    node = node?.[seg] as SchemaNode | undefined;
    if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      node = { ...schemaAt(kind, node.$ref), ...node };
    }
  }
  return node;
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let v = data;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return '@null';
  if (Array.isArray(v)) return '@array';
  if (typeof v === 'number') return Number.isNaN(v) ? '@nan' : !Number.isFinite(v) ? '@infinity' : Number.isInteger(v) ? '@integer' : '@number';
  return '@' + typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v);
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : String(v);
  if (v === null || v === undefined) return 'null';
  return Array.isArray(v) ? '[…]' : typeof v === 'object' ? '{…}' : String(v);
}

const MONEY_RE = /\$defs\/money\//;
const DATE_RE = /\$defs\/date\/|\/(asOf|date|due|completed)\//;

function describePattern(schemaPath: string): string {
  if (DATE_RE.test(schemaPath) || /\/(date|due|asOf|completed)\/pattern$/.test(schemaPath)) return '@date-format';
  return '@id-format';
}

export function validateSchema(kind: FileKind, src: SourceFile): Diagnostic[] {
  const validate = (validators as unknown as Record<string, Validator>)[kind];
  if (!validate) return [];
  if (validate(src.data)) return [];
  return mapErrors(kind, src, validate.errors ?? []);
}

export function mapErrors(kind: FileKind, src: SourceFile, errors: AjvError[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byPath = new Map<string, AjvError[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  for (const [pointer, errs] of byPath) mapPathErrors(kind, src, pointerToPath(pointer), errs, out);
  return out;
}

type Emit = <K extends SchemaCode>(code: K, params: ParamsOf<K>, onKeyName?: string, onKey?: boolean) => void;

/** The errors at one place of the file: one finding each, and one type error at most. */
function mapPathErrors(kind: FileKind, src: SourceFile, path: PathSegment[], errs: AjvError[], out: Diagnostic[]): void {
  const value = valueAt(src.data, path);
  const specific = errs.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  // For "a date or null", a wrong string fails the pattern and the null branch: the
  // pattern is what the user needs to hear.
  const hasShapeError = specific.some((e) => ['pattern', 'maxLength', 'minLength', 'minimum', 'maximum'].includes(e.keyword));
  const typeErrs = specific.filter((e) => e.keyword === 'type');
  const emit: Emit = (code, params, onKeyName, onKey = false) => {
    const pos = onKeyName !== undefined ? positionOfKey(src, path, onKeyName) : positionOf(src, path, onKey);
    out.push(diagnosticAt(src, pos, code, params));
  };
  let typeReported = false;
  for (const e of specific) {
    if (e.keyword === 'type') {
      if (typeReported || hasShapeError) continue;
      typeReported = true;
      if (MONEY_RE.test(e.schemaPath)) emit('money/not-integer', { actual: show(value), digits: '' });
      else
        emit('schema/type', {
          expected: [...new Set(typeErrs.flatMap((t) => String(t.params.type).split(',')))].map((t) => '@' + t).join('|'),
          actual: typeName(value),
        });
    } else emitError(kind, e, value, emit);
  }
  if (specific.length === 0 && errs.length > 0) {
    out.push(diagnosticAt(src, positionOf(src, path), 'schema/invalid', { detail: errs[0]!.message ?? errs[0]!.keyword }));
  }
}

/** One finding for one schema error other than a type error. */
function emitError(kind: FileKind, e: AjvError, value: unknown, emit: Emit): void {
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const parent = schemaAt(kind, e.schemaPath.replace(/\/additionalProperties$/, ''));
      return emit('schema/unknown-property', { name, suggestion: closest(name, Object.keys(parent?.properties ?? {})) ?? '' }, name);
    }
    case 'required':
      return emit('schema/missing-property', { name: String(e.params.missingProperty) }, undefined, true);
    case 'enum':
      return emit('schema/enum', { actual: show(value), expected: (e.params.allowedValues as unknown[]).map(show).join(', ') });
    case 'const':
      return emit('schema/enum', { actual: show(value), expected: show(e.params.allowedValue) });
    case 'pattern':
      return emit('schema/pattern', { expected: describePattern(e.schemaPath) });
    case 'maxLength':
      return emit('schema/too-long', { max: Number(e.params.limit) });
    case 'minLength':
      return emit('schema/empty', {});
    case 'maxItems':
      return emit('schema/too-many', { max: Number(e.params.limit) });
    case 'minItems':
      return emit('schema/too-few', { min: Number(e.params.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return emitRange(kind, e, value, emit);
    case 'multipleOf':
      return emit('schema/invalid', { detail: `multiple of ${e.params.multipleOf}` });
    default:
      return emit('schema/invalid', { detail: e.message ?? e.keyword });
  }
}

function emitRange(kind: FileKind, e: AjvError, value: unknown, emit: Emit): void {
  if (MONEY_RE.test(e.schemaPath)) {
    return emit(e.keyword.endsWith('aximum') ? 'money/too-large' : 'money/negative', { actual: show(value), max: '9.007.199.254.740.991' });
  }
  const s = schemaAt(kind, e.schemaPath.replace(/\/[^/]+$/, ''));
  const lo = s?.minimum ?? s?.exclusiveMinimum;
  const hi = s?.maximum ?? s?.exclusiveMaximum;
  emit('schema/range', { actual: show(value), expected: `${lo ?? '…'}–${hi ?? '…'}` });
}
