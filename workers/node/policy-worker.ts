import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../engine/core/errors';
import { resolveParams, type ParamValues } from '../../engine/core/params';
import type { JobShopPolicy } from '../../engine/jobshop/policy-api';
import { simulate } from '../../engine/jobshop/simulate';
import { compilePolicy } from '../policy-compile';
import { describePolicyFailure } from '../policy-stack';
import { withSeededMathRandom } from '../seeded-math-random';
import type { PolicyFailureReport, PolicyJob, WorkerMessage } from './worker-messages';

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

function run(job: PolicyJob): void {
  let policy: JobShopPolicy;
  try {
    policy = compilePolicy(job.source, job.fileName);
  } catch (error) {
    fail({ kind: 'policy', ...describePolicyFailure(error, job.fileName) });
    return;
  }
  let params: ParamValues;
  try {
    params = resolveParams(policy.params, job.options.params, `policy "${policy.id}"`);
  } catch (error) {
    fail({ kind: 'params', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    const options = { ...job.options, params };
    const result = withSeededMathRandom(job.options.seed ?? 1, () => simulate(job.instance, policy, options));
    const { id, label, description, paper } = policy;
    post({ type: 'done', result, policy: { id, label, description, paper, params: policy.params }, params });
  } catch (error) {
    if (error instanceof InputError) fail({ kind: 'input', message: error.message });
    else fail({ kind: 'policy', ...describePolicyFailure(error, job.fileName) });
  }
}

post({ type: 'started' });
run(workerData as PolicyJob);
