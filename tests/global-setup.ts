/**
 * Spawned tests run dist/, so dist/ must be the current source: before any test, build
 * unless dist/BUILD already holds the hash of the source (scripts/build.mjs --hash).
 * With a bug put into src/, a spawned test then fails as an in-process one does.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): void {
  const build = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const want = build('--hash').trim();
  let have = '';
  try {
    have = readFileSync(path.join(ROOT, 'dist', 'BUILD'), 'utf8').trim();
  } catch {
    /* never built */
  }
  if (have !== want) build();
}
