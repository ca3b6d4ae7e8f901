/**
 * Standard output and error, written without Node's stream objects where that is safe.
 * `process.stdout` is made on first use, and making it loads Node's stream modules, and on a
 * pipe its socket modules: some 2-3 ms of every run that CI or a script starts
 * (BENCHMARKS.md, start-up). So output to a file, a pipe, a socket or /dev/null is written
 * with fs.writeSync, whole, in order. A terminal, or a descriptor this cannot tell, gets the
 * stream as before (colours, width and the terminal's own handling), and so does the rest of
 * an output the system refused to take at once (EAGAIN: a descriptor left non-blocking).
 *
 * Failures are kept as the streams' were (src/cli/environment.ts guardOutput): a closed
 * reader (EPIPE) ends that output quietly; any other failed write is remembered and makes
 * the exit code 2. Either way later writes to that descriptor go nowhere.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

type Fd = 1 | 2;

interface Channel {
  /** 'direct': fs.writeSync; 'stream': process.stdout or process.stderr; 'closed': nothing more. */
  mode?: 'direct' | 'stream' | 'closed';
  guarded?: boolean;
}

const channels: Record<Fd, Channel> = { 1: {}, 2: {} };
let failure: NodeJS.ErrnoException | undefined;

/** The first write error other than a closed reader, if any. */
export function outputFailure(): NodeJS.ErrnoException | undefined {
  return failure;
}

/** Forget the failure and every choice made (in-process tests run many commands). */
export function resetOutput(): void {
  failure = undefined;
  for (const c of Object.values(channels)) if (c.mode !== 'stream') delete c.mode;
}

let devNull: number | undefined | null;

/** Whether `fd` is certainly not a terminal: a file, a pipe, a socket or /dev/null. */
function notTerminal(fd: Fd): boolean {
  try {
    const st = fstatSync(fd);
    if (st.isFile() || st.isFIFO() || st.isSocket()) return true;
    if (!st.isCharacterDevice()) return false;
    if (devNull === undefined) {
      try {
        devNull = statSync('/dev/null').rdev;
      } catch {
        devNull = null;
      }
    }
    return devNull !== null && st.rdev === devNull;
  } catch {
    return false;
  }
}

function channel(fd: Fd): Channel {
  const c = channels[fd];
  c.mode ??= notTerminal(fd) ? 'direct' : 'stream';
  return c;
}

/** process.stdout or process.stderr, with the handler that keeps a failure as a direct write's. */
function streamOf(fd: Fd): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  const c = channels[fd];
  if (!c.guarded) {
    c.guarded = true;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      // A stream that failed stays failed; later writes go nowhere instead of erroring again.
      c.mode = 'closed';
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') failure ??= err;
    });
  }
  return stream;
}

let sink: ((fd: Fd, text: string) => void) | undefined;

/** Send all output to `to` instead, or again to the descriptors (undefined): a run in-process (tests/helpers.ts runCli). */
export function redirectOutput(to: ((fd: Fd, text: string) => void) | undefined): void {
  sink = to;
}

/** Write all of `text` to standard output (1) or error (2). */
export function writeTo(fd: Fd, text: string): void {
  if (!text) return;
  if (sink) return sink(fd, text);
  const c = channel(fd);
  if (c.mode === 'closed') return;
  if (c.mode === 'stream') {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      const n = writeSync(fd, bytes, off, bytes.length - off);
      // Nothing taken (a Windows pipe without waiting): as EAGAIN, the stream waits for the reader.
      if (n === 0) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      off += n;
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EAGAIN') {
        // The rest through the stream, which waits until the reader takes it.
        c.mode = 'stream';
        streamOf(fd).write(bytes.subarray(off));
        return;
      }
      c.mode = 'closed';
      if (e.code !== 'EPIPE') failure ??= e;
      return;
    }
  }
}

/** Whether standard output (1) or error (2) is a terminal. */
export function isTerminal(fd: Fd): boolean {
  if (sink) return false;
  return channel(fd).mode === 'stream' && Boolean(streamOf(fd).isTTY);
}

/** The terminal's width, or 0 when `fd` is not a terminal. */
export function terminalWidth(fd: Fd): number {
  return isTerminal(fd) ? (streamOf(fd).columns ?? 0) : 0;
}

/** Whether everything written has left the process (a stream may still hold some). */
export function outputDrained(): boolean {
  for (const fd of [1, 2] as const) {
    if (channels[fd].guarded && streamOf(fd).writableLength > 0) return false;
  }
  return true;
}
