/**
 * The process's surroundings, checked once before any command runs: the CCHC_* variables
 * (a wrong value is a usage error naming the variable and what it accepts, never a silent
 * fallback), and stdout/stderr (a closed pipe ends output quietly and keeps the exit code the
 * findings give; any other failed write — a full disk, /dev/full, an I/O error — is exit 2
 * with a message where one can still be written). See docs/repository-tooling.md.
 */
import { writeSync } from 'node:fs';
import { usage, EXIT } from '../errors.js';
import type { Lang } from '../diagnostics/codes.js';
import { CLI } from '../i18n/cli.js';
import { outputFailure } from './stdio.js';

/**
 * The language of the run, before commander has parsed anything (the help and commander's
 * own messages need it): --lang, else CCHC_LANG, else Vietnamese. A value that is neither
 * is reported by commander (--lang) or checkEnvironment (CCHC_LANG).
 */
export function runLang(argv: readonly string[], env: Record<string, string | undefined> = process.env): Lang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') flag = argv[i + 1];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
  }
  const v = (flag ?? env.CCHC_LANG ?? '').toLowerCase();
  return v === 'en' ? 'en' : 'vi';
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Throws a UsageError for the first CCHC_* variable whose value is not one cchc accepts.
 * `langFlag`: --lang was given, and wins over CCHC_LANG (docs/environment.md), so CCHC_LANG
 * is not checked.
 */
export function checkEnvironment(env: Record<string, string | undefined>, langFlag = false): void {
  const today = env.CCHC_TODAY;
  if (today !== undefined && today !== '' && !isIsoDate(today)) {
    throw usage('badEnv', { name: 'CCHC_TODAY', value: today, expected: 'date' });
  }
  const lang = env.CCHC_LANG;
  if (!langFlag && lang !== undefined && lang !== '' && !['vi', 'en'].includes(lang.toLowerCase())) {
    throw usage('badEnv', { name: 'CCHC_LANG', value: lang, expected: 'lang' });
  }
}

/**
 * Report a failed output at exit. A closed pipe (EPIPE) ends output; the command runs on
 * and exits with its own code. Any other write error makes the exit code 2 (the writes and
 * their failures: src/cli/stdio.ts).
 */
let guarded = false;
/** The language of the last message, that of the run (main() may run many times in one process). */
let outputLang: Lang = 'vi';

export function guardOutput(lang: Lang = 'vi'): void {
  outputLang = lang;
  // Once per process: main() may run many times in one process (in-process tests).
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    const failure = outputFailure();
    if (!failure) return;
    process.exitCode = EXIT.usage;
    const msg = CLI.process[outputLang].outputFailed(failure.code ?? failure.message);
    try {
      writeSync(2, msg);
    } catch {
      /* stderr is the one that failed: the exit code says it */
    }
  });
}
