/**
 * Expected failures of an invocation and the exit contract. Below every folder that may
 * raise one (load/, cli/), so loading a plan never imports the command line.
 */

/** Expected failures of the invocation (exit 2). Anything else reaching the top is a bug. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes are a contract: 0 clean, 1 findings, 2 usage or I/O. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
