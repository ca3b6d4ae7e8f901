/** The TypeScript types are generated from the JSON Schemas; this fails when they drift apart. */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generateTypes } from '../../scripts/gen-types.mjs';

const schemaDir = path.join(ROOT, 'schemas');

/** The JSON Schema keywords the checks below read. */
interface SchemaNode {
  $schema?: string;
  $id?: string;
  description?: unknown;
  type?: string | string[];
  additionalProperties?: unknown;
  maxLength?: number;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}
const schemas = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'));

describe('schemas', () => {
  it('src/generated/files.ts is what scripts/gen-types.mjs makes of schemas/ (run it after editing a schema)', async () => {
    const committed = readFileSync(path.join(ROOT, 'src', 'generated', 'files.ts'), 'utf8');
    expect(await generateTypes()).toBe(committed);
  });

  it.each(schemas)('%s: draft 2020-12, an $id, descriptions, closed objects, bounded strings', (f) => {
    const schema = JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) as SchemaNode;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^urn:cchc:schema:v1:/);
    const problems: string[] = [];
    const visit = (node: SchemaNode | undefined, where: string, isProperty: boolean) => {
      if (!node || typeof node !== 'object') return;
      if (isProperty && typeof node.description !== 'string') problems.push(`${where}: no description`);
      if (isProperty && typeof node.description === 'string' && !/ — /.test(node.description))
        problems.push(`${where}: description not "Vietnamese — English"`);
      if (node.type === 'object' && node.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
      const types = Array.isArray(node.type) ? node.type : [node.type];
      if (types.includes('string') && node.maxLength === undefined && !node.enum) problems.push(`${where}: string without maxLength`);
      for (const [k, v] of Object.entries(node.properties ?? {})) visit(v, `${where}/properties/${k}`, true);
      for (const [k, v] of Object.entries(node.$defs ?? {})) visit(v, `${where}/$defs/${k}`, false);
      if (node.items) visit(node.items, `${where}/items`, false);
      for (const alt of node.anyOf ?? []) visit(alt, `${where}/anyOf`, false);
    };
    visit(schema, f, false);
    expect(problems).toEqual([]);
  });

  it('money is an integer everywhere it appears', () => {
    for (const f of ['budget.schema.json', 'progress.schema.json']) {
      const schema = JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8'));
      expect(schema.$defs.money.type).toBe('integer');
    }
  });
});
