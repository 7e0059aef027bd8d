/**
 * One run of a sweep, from plain data to plain data: builds the scenario, picks the built-in or compiles the policy
 * source, simulates with Math.random seeded as in every other run path, and reports metrics and a compact artifact.
 * Shared by the local pool's threads (sweep-thread.ts) and the isolated child process of queue workers
 * (isolated-child.ts), so a run gives the same metrics to the bit either way.
 *
 * A problem of the run itself (bad parameter, bad scenario, a policy that throws) is an outcome, not an exception:
 * it is stored as a failed run and the sweep goes on.
 */
import { InputError } from '../../engine/core/errors';
import { resolveParams, type ParamValues } from '../../engine/core/params';
import type { PolicyMeta } from '../../engine/core/policy';
import { findBuiltinPolicy as findJobshopPolicy } from '../../engine/jobshop/policies';
import { simulate as simulateJobshop } from '../../engine/jobshop/simulate';
import { findBuiltinPolicy as findVmPolicy } from '../../engine/vm/policies';
import type { MipSolver } from '../../engine/vm/run-types';
import type { VmPolicy } from '../../engine/vm/policy-api';
import { simulate as simulateVm } from '../../engine/vm/simulate';
import { combinePolicies, findBuiltinPolicy as findLlmPolicy } from '../../engine/llm/policies';
import type { LlmPolicy } from '../../engine/llm/policy-api';
import { simulate as simulateLlm } from '../../engine/llm/simulate';
import type { JobShopPolicy } from '../../engine/jobshop/policy-api';
import { sweepArtifact } from '../sweep-artifact';
import type { SweepPolicy, SweepScenario } from '../../db/sweep-expand';
import type { SweepEngineId } from '../../db/sweep-spec';
import { compileLlmPolicy, compilePolicy, compileVmPolicy } from '../policy-compile';
import { describePolicyFailure } from '../policy-stack';
import { withSeededMathRandom } from '../seeded-math-random';
import { sweepRunInputs, type JobshopRunInputs, type LlmRunInputs, type VmRunInputs } from '../sweep-run-inputs';

/** What a thread or the isolated child is asked to run: plain data only. */
export interface SweepTask {
  readonly engine: SweepEngineId;
  readonly scenario: SweepScenario;
  readonly policy: SweepPolicy;
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly artifacts: boolean;
}

/** params, input, policy: see FailureKind in worker-messages.ts; budget, memory, crash are set by the host. */
export interface SweepRunError {
  readonly kind: 'params' | 'input' | 'policy' | 'budget' | 'memory' | 'crash';
  readonly message: string;
  readonly line?: number;
}

export interface SweepTaskOutcome {
  readonly status: 'done' | 'failed';
  readonly metrics: Readonly<Record<string, number>>;
  /** Parameter values used (defaults filled in); the given ones when the policy never loaded. */
  readonly params: Readonly<Record<string, number>>;
  readonly artifact: string | null;
  readonly error: SweepRunError | null;
  /** Wall time of compile + simulate in the runner (not stored in metrics: it differs between machines). */
  readonly elapsedMs: number;
}

export interface SweepHost {
  /** HiGHS for VM policies that call view.solveMip; each host loads it its own way. */
  readonly loadMipSolver?: () => Promise<MipSolver>;
}

type Prepared = { policy: PolicyMeta; run: (params: ParamValues) => Promise<unknown> | unknown };

function compileOrFind<P>(policy: SweepPolicy, find: (id: string) => P | undefined, compile: (source: string, fileName: string) => P): P {
  if (policy.source !== undefined) return compile(policy.source, policy.fileName ?? 'policy.ts');
  const found = find(policy.builtin!);
  if (!found) throw new InputError(`unknown built-in policy "${policy.builtin}"`);
  return found;
}

function prepare(task: SweepTask, host: SweepHost): Prepared {
  const { seed } = task;
  if (task.engine === 'vm') {
    const policy = compileOrFind<VmPolicy>(task.policy, findVmPolicy, compileVmPolicy);
    return {
      policy,
      run: async (params) => {
        const mipSolver = policy.usesMip && host.loadMipSolver ? await host.loadMipSolver() : undefined;
        const inputs = sweepRunInputs('vm', task.scenario, seed, task.options) as VmRunInputs;
        return withSeededMathRandom(seed, () => simulateVm(inputs.scenario, policy, { ...inputs.options, params, mipSolver }));
      },
    };
  }
  if (task.engine === 'llm') {
    let policy = compileOrFind<LlmPolicy>(task.policy, findLlmPolicy, compileLlmPolicy);
    if (task.policy.dispatch !== undefined) policy = combinePolicies(policy, compileOrFind<LlmPolicy>({ label: '', builtin: task.policy.dispatch }, findLlmPolicy, compileLlmPolicy)) as LlmPolicy;
    return {
      policy,
      run: (params) => {
        const inputs = sweepRunInputs('llm', task.scenario, seed, task.options) as LlmRunInputs;
        return withSeededMathRandom(seed, () => simulateLlm(inputs.scenario, policy, { ...inputs.options, params }));
      },
    };
  }
  const policy = compileOrFind<JobShopPolicy>(task.policy, findJobshopPolicy, compilePolicy);
  return {
    policy,
    run: (params) => {
      const inputs = sweepRunInputs('jobshop', task.scenario, seed, task.options) as JobshopRunInputs;
      return withSeededMathRandom(seed, () => simulateJobshop(inputs.instance, policy, { ...inputs.options, params }));
    },
  };
}

function failed(task: SweepTask, error: SweepRunError, started: number, params: Readonly<Record<string, number>> = task.params): SweepTaskOutcome {
  return { status: 'failed', metrics: {}, params, artifact: null, error, elapsedMs: performance.now() - started };
}

export async function executeSweepTask(task: SweepTask, host: SweepHost = {}): Promise<SweepTaskOutcome> {
  const started = performance.now();
  const fileName = task.policy.fileName ?? task.policy.label;
  let prepared: Prepared;
  try {
    prepared = prepare(task, host);
  } catch (error) {
    if (error instanceof InputError) return failed(task, { kind: 'input', message: error.message }, started);
    return failed(task, { kind: 'policy', ...describePolicyFailure(error, fileName) }, started);
  }
  let params: ParamValues;
  try {
    params = resolveParams(prepared.policy.params, task.params, `policy "${prepared.policy.id}"`);
  } catch (error) {
    return failed(task, { kind: 'params', message: error instanceof Error ? error.message : String(error) }, started);
  }
  try {
    const result = (await prepared.run(params)) as { metrics: Readonly<Record<string, number>> };
    const artifact = task.artifacts ? sweepArtifact(task.engine, result) : null;
    return { status: 'done', metrics: { ...result.metrics }, params, artifact, error: null, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof InputError) return failed(task, { kind: 'input', message: error.message }, started, params);
    const { message, line } = describePolicyFailure(error, fileName);
    return failed(task, { kind: 'policy', message, ...(line === undefined ? {} : { line }) }, started, params);
  }
}
