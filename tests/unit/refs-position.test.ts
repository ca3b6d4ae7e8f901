/** positionInString: where a citation inside a YAML string stands in the file, per scalar style. */
import { describe, expect, it } from 'vitest';
import { positionInString } from '../../src/check/rules/refs.js';
import { findCitations } from '../../src/model/citation.js';
import { source } from '../helpers.js';
import type { PathSegment } from '../../src/yaml/source.js';

/** The position of the first citation of the string at `path`, as "line:col-endCol". */
function at(text: string, path: PathSegment[]): string {
  const src = source(text);
  let value: unknown = src.data;
  for (const seg of path) value = (value as Record<PathSegment, unknown>)[seg];
  const c = findCitations(value as string)[0]!;
  const p = positionInString(src, path, value as string, c.start, c.end - c.start);
  return p.endLine === p.line ? `${p.line}:${p.column}-${p.endColumn}` : `${p.line}:${p.column}`;
}

/** Where `needle` starts in `text`, 1-based "line:col". */
function find(text: string, needle: string): string {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const CITE = 'Quyết định số 1487/QĐ-TTg';

describe('positionInString', () => {
  it('a plain one-line scalar: node column + offset, with the span of the citation', () => {
    const text = `title: Thực hiện ${CITE} của Thủ tướng\n`;
    expect(at(text, ['title'])).toBe(`${find(text, CITE)}-${Number(find(text, CITE).split(':')[1]) + CITE.length}`);
    expect(at(text, ['title'])).toBe('1:18-43');
  });

  it('a plain scalar followed by a comment on the same line', () => {
    const text = `tasks:\n  - title: Theo ${CITE} # nguyên văn (sic)\n`;
    expect(at(text, ['tasks', 0, 'title'])).toBe('2:17-42');
    expect(find(text, CITE)).toBe('2:17');
  });

  it('a double-quoted scalar: one more column for the quote', () => {
    const text = `title: "Theo ${CITE}: thực hiện"\n`;
    expect(at(text, ['title'])).toBe(`${find(text, CITE)}-${13 + 1 + CITE.length}`);
  });

  it('a single-quoted scalar', () => {
    const text = `a:\n  title: 'Theo ${CITE}'\n`;
    expect(at(text, ['a', 'title']).split('-')[0]).toBe(find(text, CITE));
  });

  it('a double-quoted scalar with an escape before the citation: found in the source text', () => {
    const text = `title: "Đề án \\"Văn hóa\\" theo ${CITE}"\n`;
    expect(at(text, ['title']).split('-')[0]).toBe(find(text, CITE));
  });

  it('a single-quoted scalar with a doubled quote before the citation', () => {
    const text = `title: 'Đề án ''Văn hóa'' theo ${CITE}'\n`;
    expect(at(text, ['title']).split('-')[0]).toBe(find(text, CITE));
  });

  it('a folded block scalar: the line of the citation, not the line of the key', () => {
    const text = `funding:\n  source: >-\n    Ngân sách tỉnh theo\n    ${CITE} ngày 27/12/2018\n    của Thủ tướng.\n`;
    expect(at(text, ['funding', 'source']).split('-')[0]).toBe('4:5');
  });

  it('a literal block scalar', () => {
    const text = `note: |\n  Dòng một.\n  Dòng hai theo ${CITE}.\n`;
    expect(at(text, ['note']).split('-')[0]).toBe(find(text, CITE));
  });

  it('a multi-line plain scalar', () => {
    const text = `items:\n  - Dòng một\n    tiếp theo ${CITE}\n`;
    expect(at(text, ['items', 0]).split('-')[0]).toBe(find(text, CITE));
  });

  it('the second of two equal citations in one string', () => {
    const text = `note: >-\n  ${CITE} và\n  lại ${CITE}\n`;
    const src = source(text);
    const value = (src.data as { note: string }).note;
    const cs = findCitations(value);
    expect(cs).toHaveLength(2);
    const p = positionInString(src, ['note'], value, cs[1]!.start, cs[1]!.end - cs[1]!.start);
    expect(`${p.line}:${p.column}`).toBe('3:7');
  });

  it('a citation folded across a line break: the start of the node', () => {
    const text = `source: >-\n  Theo Quyết định số\n  1487/QĐ-TTg của Thủ tướng\n`;
    expect(at(text, ['source'])).toBe('1:9');
  });

  it('CRLF line ends', () => {
    const text = `a: x\r\ntitle: Theo ${CITE}\r\n`;
    expect(at(text, ['title'])).toBe('2:13-38');
  });

  it('a value reached through an alias points at the anchor', () => {
    const text = `base: &b Theo ${CITE}\ncopy: *b\n`;
    expect(at(text, ['copy']).split('-')[0]).toBe(find(text, CITE));
  });

  it('text that is not NFC in the file: the start of the node', () => {
    const nfd = `Theo ${CITE}`.normalize('NFD');
    const text = `title: ${nfd}\n`;
    const src = source(text);
    const value = (src.data as { title: string }).title.normalize('NFC');
    const c = findCitations(value)[0]!;
    const p = positionInString(src, ['title'], value, c.start, c.end - c.start);
    expect(`${p.line}:${p.column}`).toBe('1:8');
  });
});
