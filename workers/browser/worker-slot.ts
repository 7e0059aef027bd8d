import { wrap, type Remote } from 'comlink';
import type { SimulationWorkerApi } from './run-protocol';

/**
 * One simulation worker of the pool: the Worker, its comlink proxy, and the one thing comlink does not give — a
 * way to notice that the worker died. A comlink call to a dead worker never settles, so every call is raced
 * against the worker's death (its `error` event, or `terminate()` from the pool).
 */

/** Why a worker stopped answering. 'terminated' is the pool's own doing (budget, stop, retirement). */
export interface WorkerDeath {
  readonly kind: 'memory' | 'crash' | 'terminated';
  readonly message: string;
}

export function isWorkerDeath(value: unknown): value is WorkerDeath {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value && !(value instanceof Error);
}

/** Browsers that survive a worker's out-of-memory (Firefox) report it as an error event with this wording. */
const OUT_OF_MEMORY = /out of memory|allocation failed|heap limit/i;

export class WorkerSlot {
  private readonly worker: Worker;
  private readonly remote: Remote<SimulationWorkerApi>;
  private readonly died: Promise<never>;
  private markDead!: (death: WorkerDeath) => void;
  private alive = true;
  /** Resolves once the worker has loaded and locked down its scope; rejects with a WorkerDeath if it dies first. */
  readonly ready: Promise<void>;

  constructor(createWorker: () => Worker) {
    this.died = new Promise<never>((_, reject) => {
      this.markDead = reject;
    });
    this.died.catch(() => undefined); // Observed through call(); never an unhandled rejection.
    this.worker = createWorker();
    this.worker.addEventListener('error', (event) => {
      // Keep it off the page's console as an uncaught error: the pool reports it as the run's failure.
      event.preventDefault();
      const detail = event.message || 'the worker stopped without a message (it may have failed to load)';
      this.die({ kind: OUT_OF_MEMORY.test(detail) ? 'memory' : 'crash', message: detail });
    });
    this.worker.addEventListener('messageerror', () => this.die({ kind: 'crash', message: 'a message from the worker could not be read' }));
    this.remote = wrap<SimulationWorkerApi>(this.worker);
    this.ready = this.call(async (remote) => {
      await remote.ready();
    });
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Calls the worker; rejects with a WorkerDeath when the worker dies or is terminated before answering. */
  call<T>(use: (remote: Remote<SimulationWorkerApi>) => Promise<T>): Promise<T> {
    if (!this.alive) return this.died;
    return Promise.race([use(this.remote), this.died]);
  }

  /** Stops the thread at once, even inside a `while (true)`: the only way to stop a policy that never returns. */
  terminate(): void {
    if (!this.alive) return;
    this.worker.terminate();
    this.die({ kind: 'terminated', message: 'terminated by the pool' });
  }

  private die(death: WorkerDeath): void {
    if (!this.alive) return;
    this.alive = false;
    if (death.kind !== 'terminated') this.worker.terminate();
    this.markDead(death);
  }
}
