/**
 * Issue 12.4: a YAML key holding "ESC ] 0 ; … BEL ESC [2J" reaches no terminal, annotation or
 * SARIF log raw: every control character is written as its \u escape.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { copyPlan, fixturePlan, runCli } from '../helpers.js';
import { escapeControls } from '../../src/render/escape.js';

const c = copyPlan(fixturePlan('mini'));
afterAll(() => c.cleanup());
appendFileSync(path.join(c.dir, 'units.yaml'), 'x\u001b]0;pwned\u0007\u001b[2J: 1\n');

const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('control characters in messages', () => {
  it('are escaped in text, GitHub annotations and SARIF', async () => {
    for (const format of ['text', 'github', 'sarif']) {
      const r = await runCli(['validate', c.dir, ...(format === 'text' ? [] : ['-f', format])]);
      expect(r.code, format).toBe(1);
      const raw = r.stdout + r.stderr;
      expect(raw, format).not.toMatch(RAW);
      // SARIF is JSON: its message texts are read back as JSON.
      const out =
        format === 'sarif'
          ? (JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> }).runs[0]!.results.map((x) => x.message.text).join('\n')
          : raw;
      expect(out, format).not.toMatch(RAW);
      expect(out, format).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    }
  });

  it('escapeControls keeps Vietnamese text and makes controls visible', () => {
    expect(escapeControls('Nhiệm vụ 1\u001b[2J\u202E')).toBe('Nhiệm vụ 1\\u001b[2J\\u202e');
    expect(escapeControls('Thường xuyên')).toBe('Thường xuyên');
  });
});
