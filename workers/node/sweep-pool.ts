import { Worker } from 'node:worker_threads';
import type { SweepTask, SweepTaskOutcome } from './sweep-execute';

/**
 * A pool of long-lived worker threads for a local sweep: each thread takes runs one by one. A thread is the kill
 * boundary of its run: a policy that loops forever is stopped by terminating the thread after the budget, one that
 * exhausts its heap dies alone; either way that run fails with a clear message and a fresh thread takes its place.
 *
 * This is for the user's own policies on their own machine. Code that arrives through the queue runs in a separate
 * OS process with the permission model instead (isolated-runner.ts).
 */

export type ThreadRequest = { readonly id: number; readonly task: SweepTask };
export type ThreadReply =
  | { readonly type: 'ready' }
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly outcome: SweepTaskOutcome; readonly pristine: boolean };

const ENTRY = new URL('./sweep-thread-entry.mjs', import.meta.url);

export interface SweepPoolOptions {
  readonly threads: number;
  /** Seconds a run may take (from when its thread starts it) before the thread is terminated. */
  readonly budgetSeconds: number;
  /** Heap limit of each thread in MB. */
  readonly memoryMb: number;
  /** Where policies' console output goes (stdout is for results). Default: process.stderr. */
  readonly consoleOutput?: NodeJS.WritableStream;
}

interface Pending {
  readonly id: number;
  readonly task: SweepTask;
  resolve(outcome: SweepTaskOutcome): void;
  reject(error: Error): void;
}

/** Start-up (loader + engines) is not part of a run's budget, but a thread that never becomes ready is broken. */
const STARTUP_SECONDS = 120;

class Slot {
  private worker: Worker | undefined;
  private ready = false;
  private current: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: SweepPoolOptions,
    private readonly onIdle: (slot: Slot) => void,
  ) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  run(pending: Pending): void {
    this.current = pending;
    if (!this.worker) this.spawn();
    else if (this.ready) this.send();
  }

  private spawn(): void {
    const { memoryMb, consoleOutput = process.stderr } = this.options;
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)) },
      stdout: true,
      stderr: true,
    });
    worker.stdout.pipe(consoleOutput, { end: false });
    worker.stderr.pipe(consoleOutput, { end: false });
    this.worker = worker;
    this.ready = false;
    this.arm(STARTUP_SECONDS, () => this.fail('crash', `sweep thread did not start within ${STARTUP_SECONDS} s`));
    worker.on('message', (reply: ThreadReply) => this.onReply(worker, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.fail('memory', `ran out of memory (limit ${this.options.memoryMb} MB)`);
      else this.fail('crash', `sweep thread failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.fail('crash', `sweep thread stopped with exit code ${code} before reporting a result`);
    });
  }

  private onReply(worker: Worker, reply: ThreadReply): void {
    if (worker !== this.worker) return;
    if (reply.type === 'ready') {
      this.ready = true;
      this.disarm();
      if (this.current) this.send();
      return;
    }
    const pending = this.current;
    if (!pending || reply.id !== pending.id) return;
    if (reply.type === 'started') {
      const seconds = this.options.budgetSeconds;
      this.arm(seconds, () => this.fail('budget', `ran past its budget of ${seconds} s (did it loop forever?)`));
      return;
    }
    this.disarm();
    this.current = undefined;
    // A policy that changed shared globals would leak into the next run here: retire the thread instead.
    if (!reply.pristine) this.retire();
    pending.resolve(reply.outcome);
    this.onIdle(this);
  }

  private send(): void {
    const { id, task } = this.current!;
    this.worker!.postMessage({ id, task } satisfies ThreadRequest);
  }

  private arm(seconds: number, onExpiry: () => void): void {
    this.disarm();
    this.timer = setTimeout(onExpiry, seconds * 1000);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The run in hand fails with this message; the thread is replaced before the next run. */
  private fail(kind: 'budget' | 'memory' | 'crash', message: string): void {
    this.disarm();
    this.retire();
    const pending = this.current;
    this.current = undefined;
    if (!pending) return;
    const policy = pending.task.policy.fileName ?? pending.task.policy.label;
    pending.resolve({ status: 'failed', metrics: {}, params: pending.task.params, artifact: null, error: { kind, message: `policy ${policy} ${message}` }, elapsedMs: 0 });
    this.onIdle(this);
  }

  retire(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    if (worker) void worker.terminate();
  }

  close(): void {
    this.disarm();
    this.retire();
    const pending = this.current;
    this.current = undefined;
    pending?.reject(new Error('sweep pool closed'));
  }
}

export class SweepPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly options: SweepPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.threads) }, () => new Slot(options, (slot) => this.dispatch(slot)));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves with the run's outcome (a failed run is an outcome too); rejects only when the pool is closed. */
  run(task: SweepTask): Promise<SweepTaskOutcome> {
    if (this.closed) return Promise.reject(new Error('sweep pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      const idle = this.slots.find((s) => !s.busy);
      if (idle) this.dispatch(idle);
    });
  }

  private dispatch(slot: Slot): void {
    if (this.closed || slot.busy) return;
    const next = this.queue.shift();
    if (next) slot.run(next);
  }

  /** Terminates every thread; runs in flight are dropped (their promises reject), none is half-stored. */
  close(): void {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('sweep pool closed'));
    for (const slot of this.slots) slot.close();
  }
}
