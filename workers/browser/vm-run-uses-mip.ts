import { vmEngine } from '../../engine/vm';
import type { VmRunRequest } from './run-protocol';

/**
 * Whether a VM run needs the MIP solver, decided before the run so the worker awaits HiGHS only then. A built-in
 * says so with `usesMip`; editor source is not compiled yet at this point, so its text is read for the same
 * declaration (`usesMip: true`). A policy that calls view.solveMip without declaring it gets the engine's error.
 */
export function vmRunUsesMip(request: Pick<VmRunRequest, 'policy'>): boolean {
  const choice = request.policy;
  if (choice.kind === 'builtin') return vmEngine.findPolicy(choice.id)?.usesMip === true;
  return /\busesMip\s*:\s*true\b/.test(choice.source);
}
