import { PolicyError } from '../engine/core/errors';
import { PolicySourceError } from './policy-source-error';

/**
 * Maps errors raised while a compiled policy runs back to the policy file's lines. policy-compile.ts evaluates the
 * policy with `//# sourceURL=<file name>` and keeps its lines 1:1, so a stack frame naming that file carries the
 * line the author sees in the editor. Works with V8 frames ("at priority (my-policy.ts:12:5)") and with
 * Firefox/Safari frames ("priority@my-policy.ts:12:5").
 */

/** The name the evaluated code is known by in stack frames: the file name without whitespace (it ends a comment line). */
export function policySourceName(fileName: string): string {
  return fileName.replace(/\s/g, '_');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function frameLine(stack: string, fileName: string): number | undefined {
  // The file name must start the location (after "(", "@" or a space), so a real file whose path merely ends in
  // the same name ("/src/my-policy.ts:12:5") is not mistaken for the evaluated policy.
  const frame = new RegExp(`(?:^|[\\s(@])${escapeRegExp(policySourceName(fileName))}:(\\d+):(\\d+)\\)?\\s*$`);
  for (const line of stack.split('\n')) {
    const match = frame.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * The policy file's line where an error was thrown: the first stack frame in the policy file, looking at the error
 * and then at its `cause` chain (the engine wraps whatever a policy throws in a PolicyError with the original as
 * cause). Undefined when no frame is in the policy, e.g. the engine rejected what the policy returned.
 */
export function policyLineOf(error: unknown, fileName: string): number | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    const line = current.stack ? frameLine(current.stack, fileName) : undefined;
    if (line !== undefined) return line;
  }
  return undefined;
}

export interface PolicyFailure {
  /** One line for a terminal or a status bar; names the file and, when known, the line. */
  readonly message: string;
  /** 1-based line in the policy file, for an editor marker. */
  readonly line?: number;
  /** Simulation time of the decision, when the failure happened during one. */
  readonly time?: number;
}

/**
 * Describes a failure of a user policy in one line. A policy that threw reads
 * "policy threw at my-policy.ts:12: TypeError: x is undefined (decision at t=40)"; a decision the engine rejected
 * reads "my-policy.ts: policy "mine" at t=40: choose() returned job 9, which is not a candidate; ...".
 */
export function describePolicyFailure(error: unknown, fileName: string): PolicyFailure {
  if (error instanceof PolicySourceError) return { message: error.message, line: error.line };
  const line = policyLineOf(error, fileName);
  const at = line === undefined ? fileName : `${fileName}:${line}`;
  if (error instanceof PolicyError) {
    const time = error.time;
    const cause = error.cause;
    if (cause !== undefined && !(cause instanceof PolicyError)) {
      const thrown = cause instanceof Error ? `${cause.name}: ${cause.message}` : `${String(cause)}`;
      const when = time === undefined ? '' : ` (decision at t=${time})`;
      return { message: `policy threw at ${at}: ${thrown}${when}`, line, time };
    }
    return { message: `${at}: ${error.message}`, line, time };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: `policy threw at ${at}: ${text}`, line };
}
