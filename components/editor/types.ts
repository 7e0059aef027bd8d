/** Types shared by the policy editor, its generated modules and its users (no runtime code, no Monaco types). */

/** A built-in policy file offered as a starting point in the editor. */
export interface PolicyTemplate {
  /** The policy's id ("mwkr"). */
  readonly id: string;
  /** Display name ("MWKR"). */
  readonly label: string;
  /** One line: what the policy does. */
  readonly description: string;
  /** File name under engine/<engine>/policies/ ("mwkr.ts", "greedy.ts"). */
  readonly file: string;
  /** The whole policy file, as the user will edit it. */
  readonly source: string;
}

/**
 * A problem to show on a line of the policy: a compile or run-time error from a run (from the worker's
 * PolicyFailure / PolicySourceError), or one of Monaco's own type-checker diagnostics (see `onDiagnostics`).
 */
export interface EditorMarker {
  /** 1-based line. Lines past the end are shown on the last line. */
  readonly line: number;
  /** 1-based column; without it the marker covers the line from its first non-blank character. */
  readonly column?: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** A type-checker diagnostic reported by the editor (Monaco's TypeScript service). */
export interface EditorDiagnostic extends EditorMarker {
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** TypeScript error code, e.g. "2322". */
  readonly code?: string;
}
