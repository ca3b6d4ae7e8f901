/**
 * Names of temporary files (an atomic write's, a cache entry's): from this process (its
 * id), this moment, this write (a counter) and 48 random bits, so that two writers never
 * share one, even processes of the same id in two containers sharing a folder; the file is
 * still created exclusively ('wx'), and only the writer that created it removes it. Made
 * without node:crypto, which would cost every run that writes anything some 2-3 ms to load
 * (BENCHMARKS.md, start-up).
 */
let written = 0;

/** `${file}.${unique}.tmp`, or `.${name}.${unique}.tmp` beside it when `hidden`. */
export function tempName(file: string, hidden = false): string {
  const random = Math.floor(Math.random() * 2 ** 48).toString(36);
  const unique = `${process.pid.toString(36)}-${Date.now().toString(36)}-${(written++).toString(36)}-${random}`;
  if (!hidden) return `${file}.${unique}.tmp`;
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.${unique}.tmp`;
}
