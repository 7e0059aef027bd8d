import { proxy } from 'comlink';
import type { RunFailure } from '../../components/state/lab-types';
import { estimateRemainingMs } from './run-eta';
import type { OutcomeOf, RunOutcome, RunRequest } from './run-protocol';
import { isWorkerDeath, WorkerSlot } from './worker-slot';

/**
 * Runs batches of simulations on a pool of Web Workers, several at once (DESIGN §6: one worker per core).
 *
 * Failure containment, per run: a run past its budget has its worker terminated (the only way to stop a policy
 * that never returns) and reports 'budget'; a worker that dies reports 'crash' (or 'memory' when the browser says
 * so); `stop()` terminates every busy worker at once and reports the unfinished runs as 'stopped'. A lost worker
 * is replaced; the other runs carry on. A worker is reused for the next run only while the last policy left the
 * worker's shared globals untouched (see global-fingerprint.ts), so a run gives the same bits whichever worker
 * it lands on.
 *
 * Memory exhaustion, measured in Chromium 156: a dedicated worker that keeps allocating does NOT fail alone. At
 * about 4 GB (the pointer-compression heap limit; about 10 s for a policy pushing 4 MB arrays in a loop) V8's
 * out-of-memory is fatal to the whole renderer process, so the tab crashes ("Aw, Snap!") with the worker, and no
 * event ever reaches this pool. What the pool can do in that process is the budget: a policy that leaks slower
 * than ~4 GB per budget is stopped as 'budget' before it gets there; a faster one takes the tab down. Chromium
 * does contain it when the workers live in another renderer process: measured with the same worker inside an
 * `<iframe sandbox="allow-scripts">` (Chromium isolates sandboxed frames) or a cross-site iframe, only the frame
 * crashed and the page kept running. Hosting the pool's workers in such a frame is the fix; it needs a page
 * route for the frame document, so it belongs to the app, and `createWorker` is the seam for it. Browsers that
 * survive a worker's OOM and report it as an error event (Firefox) get 'memory' from this pool today.
 */

export interface RunPoolOptions {
  /** The app passes `() => new Worker(new URL('./simulation-worker.ts', import.meta.url), { type: 'module' })`. */
  readonly createWorker: () => Worker;
  /** Workers at most; default: the machine's cores (navigator.hardwareConcurrency), from 1 to 8. */
  readonly size?: number;
}

/** `O` is the outcome type of the batch's requests (OutcomeOf<request type>): a VM batch reports VM results. */
export interface RunBatchHandlers<O extends RunOutcome = RunOutcome> {
  /** Runs finished (any outcome) of `total`, and the time left in ms (undefined until it can be estimated). */
  readonly onProgress?: (done: number, total: number, etaMs: number | undefined) => void;
  /** One run's fraction done, about ten times per run. */
  readonly onRunProgress?: (runId: string, fraction: number) => void;
  /** Each run's outcome as soon as it is known. */
  readonly onOutcome?: (runId: string, outcome: O) => void;
  /** Wall-clock budget of one run, from the moment a ready worker starts it (default 10 s). */
  readonly budgetMs?: number;
}

export const DEFAULT_BUDGET_MS = 10_000;
const MAX_POOL_SIZE = 8;

export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.min(MAX_POOL_SIZE, Math.max(1, Math.floor(cores)));
}

interface Batch {
  readonly total: number;
  readonly handlers: RunBatchHandlers;
  readonly budgetMs: number;
  readonly outcomes: Map<string, RunOutcome>;
  readonly order: readonly string[];
  readonly finishedElapsedMs: number[];
  readonly resolve: (outcomes: Map<string, RunOutcome>) => void;
}

interface Task {
  readonly request: RunRequest;
  readonly batch: Batch;
  startedAt?: number;
  fraction: number;
  settled: boolean;
}

interface Slot {
  readonly worker: WorkerSlot;
  /** The run it is busy with; undefined when idle. */
  task?: Task;
}

function budgetFailure(budgetMs: number): RunFailure {
  return { kind: 'budget', message: `policy ran past its budget of ${budgetMs / 1000} s (does it loop forever?)` };
}

/** Calls a handler of the page without letting its exception break the pool's bookkeeping. */
function notify(call: () => void): void {
  try {
    call();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

export class RunPool {
  readonly size: number;
  private readonly createWorker: () => Worker;
  private readonly slots = new Set<Slot>();
  private queue: Task[] = [];

  constructor(options: RunPoolOptions) {
    this.createWorker = options.createWorker;
    this.size = Math.min(MAX_POOL_SIZE, Math.max(1, Math.floor(options.size ?? defaultPoolSize())));
  }

  /** Runs every request; resolves with each run's outcome, in request order, once all have one. */
  run<Q extends RunRequest>(requests: readonly Q[], handlers?: RunBatchHandlers<OutcomeOf<Q>>): Promise<Map<string, OutcomeOf<Q>>>;
  run(requests: readonly RunRequest[], handlers: RunBatchHandlers = {}): Promise<Map<string, RunOutcome>> {
    const order = requests.map((r) => r.runId);
    if (new Set(order).size !== order.length) return Promise.reject(new Error('RunPool.run: runIds must be unique within a batch'));
    return new Promise((resolve) => {
      const batch: Batch = {
        total: requests.length,
        handlers,
        budgetMs: handlers.budgetMs ?? DEFAULT_BUDGET_MS,
        outcomes: new Map(),
        order,
        finishedElapsedMs: [],
        resolve,
      };
      if (requests.length === 0) {
        resolve(new Map());
        return;
      }
      for (const request of requests) this.queue.push({ request, batch, fraction: 0, settled: false });
      this.reportProgress(batch);
      this.pump();
    });
  }

  /** Stops every unfinished run at once: busy workers are terminated, queued runs never start. */
  stop(): void {
    const stopped: RunFailure = { kind: 'stopped', message: 'run stopped before it finished' };
    const queued = this.queue;
    this.queue = [];
    for (const slot of [...this.slots]) {
      if (slot.task && !slot.task.settled) {
        this.finish(slot.task, { ok: false, failure: stopped });
        this.retire(slot);
      }
    }
    for (const task of queued) this.finish(task, { ok: false, failure: stopped });
  }

  /** Stops everything and terminates the idle workers too (the lab page calls it when it unmounts). */
  dispose(): void {
    this.stop();
    for (const slot of [...this.slots]) this.retire(slot);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.task);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = { worker: new WorkerSlot(this.createWorker) };
        this.slots.add(slot);
      }
      const task = this.queue.shift()!;
      slot.task = task;
      void this.execute(slot, task);
    }
  }

  private async execute(slot: Slot, task: Task): Promise<void> {
    try {
      await slot.worker.ready;
    } catch (death) {
      this.fail(slot, task, death, 'the simulation worker failed to start: ');
      return;
    }
    if (task.settled) return; // stopped while the worker was starting
    task.startedAt = performance.now();
    const budget = setTimeout(() => {
      this.finish(task, { ok: false, failure: budgetFailure(task.batch.budgetMs) });
      this.retire(slot);
      this.pump();
    }, task.batch.budgetMs);
    const onProgress = proxy((fraction: number) => {
      if (task.settled) return;
      task.fraction = fraction;
      notify(() => task.batch.handlers.onRunProgress?.(task.request.runId, fraction));
      this.reportProgress(task.batch);
    });
    let outcome: RunOutcome;
    try {
      // comlink's Remote<> splits the union return into a union of promises; it is one Promise<RunOutcome>.
      outcome = await slot.worker.call((remote) => remote.run(task.request, onProgress) as Promise<RunOutcome>);
    } catch (death) {
      clearTimeout(budget);
      this.fail(slot, task, death, '');
      return;
    }
    clearTimeout(budget);
    this.finish(task, outcome);
    // Built-ins cannot touch the worker's globals; a user policy might have, and then the worker is not reused.
    const reusable =
      task.request.policy.kind === 'builtin' || (await slot.worker.call((remote) => remote.isPristine()).catch(() => false));
    if (reusable && slot.worker.isAlive) slot.task = undefined;
    else this.retire(slot);
    this.pump();
  }

  /** The worker died under `task` (or the call failed); the run fails with what is known, the worker goes. */
  private fail(slot: Slot, task: Task, death: unknown, prefix: string): void {
    if (isWorkerDeath(death) && death.kind !== 'terminated') {
      const failure: RunFailure =
        death.kind === 'memory'
          ? { kind: 'memory', message: `policy ran out of memory (${death.message})` }
          : { kind: 'crash', message: `${prefix}${death.message}` };
      this.finish(task, { ok: false, failure });
    } else if (!isWorkerDeath(death)) {
      const message = death instanceof Error ? death.message : String(death);
      this.finish(task, { ok: false, failure: { kind: 'crash', message: `simulation worker failed: ${prefix}${message}` } });
    }
    // 'terminated': the pool did it (budget, stop) and has already reported the run.
    this.retire(slot);
    this.pump();
  }

  private retire(slot: Slot): void {
    slot.worker.terminate();
    this.slots.delete(slot);
  }

  private finish(task: Task, outcome: RunOutcome): void {
    if (task.settled) return;
    task.settled = true;
    const batch = task.batch;
    batch.outcomes.set(task.request.runId, outcome);
    if (task.startedAt !== undefined) batch.finishedElapsedMs.push(performance.now() - task.startedAt);
    notify(() => batch.handlers.onOutcome?.(task.request.runId, outcome));
    this.reportProgress(batch);
    if (batch.outcomes.size === batch.total) {
      batch.resolve(new Map(batch.order.map((id) => [id, batch.outcomes.get(id)!])));
    }
  }

  private reportProgress(batch: Batch): void {
    const onProgress = batch.handlers.onProgress;
    if (!onProgress) return;
    const now = performance.now();
    const running = [...this.slots]
      .map((slot) => slot.task)
      .filter((task): task is Task => task !== undefined && task.batch === batch && !task.settled && task.startedAt !== undefined)
      .map((task) => ({ elapsedMs: now - task.startedAt!, fraction: task.fraction }));
    const queued = this.queue.filter((task) => task.batch === batch).length + this.startingCount(batch);
    const etaMs = estimateRemainingMs({ finishedElapsedMs: batch.finishedElapsedMs, running, queued, parallelism: this.size });
    notify(() => onProgress(batch.outcomes.size, batch.total, etaMs));
  }

  /** Runs assigned to a worker that is still starting: not running yet, so counted as queued. */
  private startingCount(batch: Batch): number {
    let count = 0;
    for (const slot of this.slots) if (slot.task?.batch === batch && !slot.task.settled && slot.task.startedAt === undefined) count++;
    return count;
  }
}
