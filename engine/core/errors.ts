/**
 * The two kinds of failure a user can cause, each carrying where it happened so the CLI and the editor can point
 * at it: bad input (a file, a line, a column) and a policy that decided something impossible or threw.
 */

export interface SourceLocation {
  /** File name or other label of the input ("ft06.txt", "pasted text"). */
  readonly source?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
}

function formatLocation(where: SourceLocation): string {
  const parts = [where.source, where.line, where.column].filter((p) => p !== undefined);
  return parts.length > 0 ? `${parts.join(':')}: ` : '';
}

/** A malformed scenario file or an out-of-range option. The message already names where. */
export class InputError extends Error {
  readonly where: SourceLocation;
  readonly detail: string;
  constructor(detail: string, where: SourceLocation = {}) {
    super(`${formatLocation(where)}${detail}`);
    this.name = 'InputError';
    this.where = where;
    this.detail = detail;
  }
}

/** A policy threw, returned something that is not a valid decision, or ran past its budget. */
export class PolicyError extends Error {
  readonly policyId: string;
  /** Simulation time of the decision, when there was one. */
  readonly time: number | undefined;
  constructor(policyId: string, detail: string, time?: number, options?: { cause?: unknown }) {
    super(`policy "${policyId}"${time === undefined ? '' : ` at t=${time}`}: ${detail}`, options);
    this.name = 'PolicyError';
    this.policyId = policyId;
    this.time = time;
  }
}
