import { InputError, PolicyError } from '../../engine/core/errors';
import { resolveParams, type ParamValues } from '../../engine/core/params';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { JobShopResult } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';
import { runPolicyFile, PolicyRunError } from '../../workers/node/run-policy-file';
import type { PolicyInfo, PortableRunOptions } from '../../workers/node/worker-messages';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { RunFailure, UsageError } from './cli-error';
import type { PolicyChoice } from './policy-choice';

export interface RunRequest {
  readonly instance: JobShopInstance;
  readonly policy: PolicyChoice;
  /** `params` as given on the command line (text); the policy's declared ranges check them. */
  readonly options: PortableRunOptions;
  /** For policy files: seconds before the worker is stopped, and its heap limit. */
  readonly budgetSeconds: number;
  readonly memoryMb: number;
}

export interface RunOutcome {
  readonly result: JobShopResult;
  readonly policy: PolicyInfo;
  readonly params: ParamValues;
}

/** Runs a built-in policy in-process, or a policy file in a worker thread; failures become one-line CLI errors. */
export async function executeRun(request: RunRequest): Promise<RunOutcome> {
  const choice = request.policy;
  if (choice.kind === 'file') {
    try {
      return await runPolicyFile({
        source: choice.source,
        fileName: choice.file,
        instance: request.instance,
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
  try {
    const options = { ...request.options, params };
    // Same as in a policy worker, so a built-in and its copy in a user file see the same Math.random.
    const result = withSeededMathRandom(options.seed ?? 1, () => simulate(request.instance, policy, options));
    const { id, label, description, paper } = policy;
    return { result, policy: { id, label, description, paper, params: policy.params }, params };
  } catch (error) {
    if (error instanceof InputError || error instanceof PolicyError) throw new RunFailure(error.message);
    throw error;
  }
}
