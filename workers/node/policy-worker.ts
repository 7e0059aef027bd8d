import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../engine/core/errors';
import { resolveParams, type ParamValues } from '../../engine/core/params';
import type { PolicyMeta } from '../../engine/core/policy';
import { simulate } from '../../engine/jobshop/simulate';
import type { MipSolver } from '../../engine/vm/run-types';
import { simulate as simulateVm } from '../../engine/vm/simulate';
import { simulate as simulateLlm } from '../../engine/llm/simulate';
import { loadNodeMipSolver } from './highs-node';
import { compileLlmPolicy, compilePolicy, compileVmPolicy } from '../policy-compile';
import { describePolicyFailure } from '../policy-stack';
import { withSeededMathRandom } from '../seeded-math-random';
import type { PolicyFailureReport, PolicyJob, WorkerMessage } from './worker-messages';

type WorkerResult = Extract<WorkerMessage, { type: 'done' }>['result'];

/**
 * Inside the worker thread: compile the user's policy file through the shared compile path, run it once, and post
 * the result or a one-line failure back. The parent owns the time budget and the memory limit; a policy that
 * loops forever never returns here, and the parent terminates the thread.
 */

const port = parentPort;
if (!port) throw new Error('policy-worker.ts must run in a worker thread (see run-policy-file.ts)');

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

function fail(failure: PolicyFailureReport): void {
  post({ type: 'failed', failure });
}

/** The engine's own run, once the policy compiled and its parameters resolved. */
function runFor(job: PolicyJob): { policy: PolicyMeta; prepare?: () => Promise<void>; simulate: (params: ParamValues) => unknown } {
  if (job.engine === 'vm') {
    const policy = compileVmPolicy(job.source, job.fileName);
    let mipSolver: MipSolver | undefined;
    // HiGHS loads asynchronously and solves synchronously: load it before the run, for the policies that use it.
    const prepare = policy.usesMip ? async () => void (mipSolver = await loadNodeMipSolver()) : undefined;
    return { policy, prepare, simulate: (params) => simulateVm(job.scenario, policy, { ...job.options, params, mipSolver }) };
  }
  if (job.engine === 'llm') {
    const policy = compileLlmPolicy(job.source, job.fileName);
    return { policy, simulate: (params) => simulateLlm(job.scenario, policy, { ...job.options, params }) };
  }
  const policy = compilePolicy(job.source, job.fileName);
  return { policy, simulate: (params) => simulate(job.instance, policy, { ...job.options, params }) };
}

async function run(job: PolicyJob): Promise<void> {
  let compiled: ReturnType<typeof runFor>;
  try {
    compiled = runFor(job);
  } catch (error) {
    fail({ kind: 'policy', ...describePolicyFailure(error, job.fileName) });
    return;
  }
  const { policy } = compiled;
  let params: ParamValues;
  try {
    params = resolveParams(policy.params, job.options.params, `policy "${policy.id}"`);
  } catch (error) {
    fail({ kind: 'params', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    await compiled.prepare?.();
    const result = withSeededMathRandom(job.options.seed ?? 1, () => compiled.simulate(params)) as WorkerResult;
    const { id, label, description, paper } = policy;
    post({ type: 'done', result, policy: { id, label, description, paper, params: policy.params }, params });
  } catch (error) {
    if (error instanceof InputError) fail({ kind: 'input', message: error.message });
    else fail({ kind: 'policy', ...describePolicyFailure(error, job.fileName) });
  }
}

post({ type: 'started' });
void run(workerData as PolicyJob);
