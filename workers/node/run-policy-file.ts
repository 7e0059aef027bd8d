import { Worker } from 'node:worker_threads';
import type { ParamValues } from '../../engine/core/params';
import type { FailureKind, PolicyInfo, PolicyJob, ResultOf, WorkerMessage } from './worker-messages';

/**
 * Runs a user's policy file in a worker thread, so a policy that loops forever or eats all memory ends its own run
 * with a clear message instead of hanging or killing the CLI. The thread is the kill boundary: a `while (true)`
 * never yields, so nothing but `worker.terminate()` from here can stop it.
 */

const ENTRY = new URL('./policy-worker-entry.mjs', import.meta.url);

export interface PolicyFileBudget {
  /** Seconds the policy may run (compile + simulate) before the worker is terminated. */
  readonly budgetSeconds: number;
  /** Heap limit of the worker in MB. */
  readonly memoryMb: number;
  /** Where the policy's console output goes; stdout is reserved for results (--json). Default: process.stderr. */
  readonly consoleOutput?: NodeJS.WritableStream;
}

export type PolicyFileRunRequest<J extends PolicyJob = PolicyJob> = J & PolicyFileBudget;

export interface PolicyFileRunOutcome<R> {
  readonly result: R;
  readonly policy: PolicyInfo;
  /** Parameter values used, defaults filled in. */
  readonly params: ParamValues;
}

export class PolicyRunError extends Error {
  readonly kind: FailureKind;
  readonly line: number | undefined;
  constructor(kind: FailureKind, message: string, line?: number) {
    super(message);
    this.name = 'PolicyRunError';
    this.kind = kind;
    this.line = line;
  }
}

/** How long loading the TypeScript loader and the engine in a fresh thread may take before we call it broken. */
const STARTUP_SECONDS = 60;

export function runPolicyFile<J extends PolicyJob>(request: PolicyFileRunRequest<J>): Promise<PolicyFileRunOutcome<ResultOf<J>>> {
  const { budgetSeconds, memoryMb, consoleOutput = process.stderr, ...job } = request;
  const workerData = job as unknown as PolicyJob;
  const worker = new Worker(ENTRY, {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)) },
    stdout: true,
    stderr: true,
  });
  worker.stdout.pipe(consoleOutput, { end: false });
  worker.stderr.pipe(consoleOutput, { end: false });

  return new Promise<PolicyFileRunOutcome<ResultOf<J>>>((resolve, reject) => {
    let settled = false;
    let timer = setTimeout(() => stop(new PolicyRunError('crash', `policy worker for ${job.fileName} did not start within ${STARTUP_SECONDS} s`)), STARTUP_SECONDS * 1000);

    const finish = (): void => {
      settled = true;
      clearTimeout(timer);
    };
    const stop = (error: PolicyRunError): void => {
      if (settled) return;
      finish();
      reject(error);
      void worker.terminate();
    };

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'started') {
        // The budget counts the policy's own time, not the start-up of the thread and the loader.
        clearTimeout(timer);
        timer = setTimeout(
          () => stop(new PolicyRunError('budget', `policy ${job.fileName} ran past its budget of ${budgetSeconds} s (did it loop forever? --budget sets the limit)`)),
          budgetSeconds * 1000,
        );
      } else if (message.type === 'done') {
        finish();
        resolve({ result: message.result as ResultOf<J>, policy: message.policy, params: message.params });
        void worker.terminate();
      } else {
        stop(new PolicyRunError(message.failure.kind, message.failure.message, message.failure.line));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        stop(new PolicyRunError('memory', `policy ${job.fileName} ran out of memory (limit ${memoryMb} MB)`));
      } else {
        stop(new PolicyRunError('crash', `policy worker for ${job.fileName} failed: ${error.message}`));
      }
    });
    worker.on('exit', (code) => {
      stop(new PolicyRunError('crash', `policy worker for ${job.fileName} stopped with exit code ${code} before reporting a result`));
    });
  });
}
