import { InputError, PolicyError } from '../../engine/core/errors';
import { resolveParams, type ParamValues } from '../../engine/core/params';
import type { VmScenario } from '../../engine/vm/model';
import type { VmPolicy } from '../../engine/vm/policy-api';
import type { VmResult } from '../../engine/vm/run-types';
import { simulate } from '../../engine/vm/simulate';
import { loadNodeMipSolver } from '../../workers/node/highs-node';
import { PolicyRunError, runPolicyFile } from '../../workers/node/run-policy-file';
import type { PolicyInfo, PortableVmRunOptions } from '../../workers/node/worker-messages';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { RunFailure, UsageError } from './cli-error';
import type { PolicyChoice } from './policy-choice';

export interface VmRunRequest {
  readonly scenario: VmScenario;
  readonly policy: PolicyChoice<VmPolicy>;
  /** `params` as given on the command line (text); the policy's declared ranges check them. */
  readonly options: PortableVmRunOptions;
  readonly budgetSeconds: number;
  readonly memoryMb: number;
}

export interface VmRunOutcome {
  readonly result: VmResult;
  readonly policy: PolicyInfo;
  readonly params: ParamValues;
}

/**
 * Runs a built-in VM policy in-process, or a policy file in a worker thread with a time and memory budget (the same
 * boundary as the job shop's); failures become one-line CLI errors.
 */
export async function executeVmRun(request: VmRunRequest): Promise<VmRunOutcome> {
  const choice = request.policy;
  if (choice.kind === 'file') {
    try {
      return await runPolicyFile({
        engine: 'vm',
        source: choice.source,
        fileName: choice.file,
        scenario: request.scenario,
        options: request.options,
        budgetSeconds: request.budgetSeconds,
        memoryMb: request.memoryMb,
      });
    } catch (error) {
      if (!(error instanceof PolicyRunError)) throw error;
      if (error.kind === 'params') throw new UsageError(`bad --param: ${error.message}`);
      throw new RunFailure(error.message);
    }
  }
  const policy = choice.policy;
  let params: ParamValues;
  try {
    params = resolveParams(policy.params, request.options.params, `policy "${policy.id}"`);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`bad --param: ${error.message}`);
    throw error;
  }
  // HiGHS takes ~0.2 s to load, so only the runs that call view.solveMip pay for it.
  const mipSolver = policy.usesMip ? await loadNodeMipSolver() : undefined;
  try {
    const options = { ...request.options, params, mipSolver };
    // As in the policy worker, so a built-in and its copy in a user file see the same Math.random.
    const result = withSeededMathRandom(options.seed ?? 1, () => simulate(request.scenario, policy, options));
    const { id, label, description, paper } = policy;
    return { result, policy: { id, label, description, paper, params: policy.params }, params };
  } catch (error) {
    if (error instanceof InputError || error instanceof PolicyError) throw new RunFailure(error.message);
    throw error;
  }
}
