/**
 * Editors (VS Code's YAML extension) validate and complete through the first-line
 * `# yaml-language-server: $schema=…` comment: it must resolve, from the file as written,
 * to the schema of the file's kind.
 */
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { ROOT, schemaCommentProblems, yamlFiles } from '../helpers.js';

describe('$schema comments', () => {
  it('resolve to the right schema in plans/', () => {
    expect(yamlFiles(path.join(ROOT, 'plans')).length).toBeGreaterThan(5);
    expect(schemaCommentProblems(path.join(ROOT, 'plans'))).toEqual([]);
  });

  it('resolve to the right schema in the test fixtures', () => {
    expect(schemaCommentProblems(path.join(ROOT, 'tests', 'fixtures', 'plans', 'mini'))).toEqual([]);
  });

  it('a wrong path is caught', () => {
    expect(schemaCommentProblems(path.join(ROOT, 'tests', 'fixtures', 'schema-comment-wrong'))).toHaveLength(2);
  });
});
