import type { RunFailure } from '../../components/state/lab-types';
import { InputError } from '../../engine/core/errors';
import { PolicySourceError } from '../policy-source-error';
import { describePolicyFailure } from '../policy-stack';

/** How a run's errors become RunFailures, the same for every engine, so the editor marks lines the same way. */

/** A policy source that did not compile or load: its line (and column, for a syntax error) go to the editor. */
export function compileFailure(error: unknown, fileName: string): RunFailure {
  if (error instanceof PolicySourceError) {
    return { kind: 'compile', message: error.message, line: error.line, column: error.column };
  }
  const { message, line } = describePolicyFailure(error, fileName);
  return { kind: 'compile', message, line };
}

/** An error while simulating: bad input (scenario, options, parameters) or a policy that threw or decided wrong. */
export function simulationFailure(error: unknown, fileName: string): RunFailure {
  if (error instanceof InputError) return { kind: 'input', message: error.message };
  const { message, line } = describePolicyFailure(error, fileName);
  return { kind: 'policy', message, line };
}
