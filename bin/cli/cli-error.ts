/**
 * The CLI's exit codes and the two errors it raises itself. Everything a user can get wrong ends in exactly one
 * line on stderr; a stack trace is only for bugs, and only with SCHEDLAB_DEBUG=1.
 */

export const EXIT = {
  ok: 0,
  /** The inputs were read but the run failed: a malformed scenario file, a policy that threw or ran too long. */
  failure: 1,
  /** The command line itself is wrong: unknown command, engine, scenario, policy or option; a bad value. */
  usage: 2,
} as const;

/** The command line is wrong; exit code 2. The message should say what would have been right. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A run failed for a reason already explained in the message; exit code 1. */
export class RunFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFailure';
  }
}

/** "a, b or c" for lists of valid choices in messages. */
export function choices(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
