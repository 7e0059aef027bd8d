import type { RunRequest } from '../../workers/browser/run-protocol';
import type { StepFrame, StepOutcome, StepSessionInfo } from '../../workers/browser/step-protocol';
import { isWorkerDeath } from '../../workers/browser/worker-slot';
import type { RunFailure } from '../state/lab-types';

/**
 * The step player's side of a step session, without React and without a Worker: what to ask the step worker, when
 * to give up on it, and which answers to show. use-step-session.ts plugs in a real worker; tests plug in a fake one.
 *
 * - One call at a time. The worker is single-threaded and answers in order, so sending every slider position would
 *   only queue work: while a call is out, later goTo()s just move the target, and the next call asks for the
 *   latest one. An answer for a position that is no longer the target is stale and never shown.
 * - A watchdog per call: a policy that loops forever blocks the worker for good, so a call past the budget
 *   terminates the worker and reports 'budget' (as the run pool does for a run). The budget starts once the worker
 *   has loaded, so a slow first load of the worker script does not count against the policy.
 * - A new open() (or dispose()) starts a new epoch: answers of the old session are dropped.
 */

/** The step worker's API as comlink hands it out: every call answers asynchronously. */
export interface AsyncStepApi {
  open(request: RunRequest): Promise<StepOutcome<StepSessionInfo>>;
  goTo(decision: number): Promise<StepOutcome<StepFrame>>;
}

/** One step worker: calls that reject when it dies, and a way to kill it. */
export interface StepConnection {
  /** Resolves once the worker has loaded; rejects (with a WorkerDeath) if it dies first. */
  readonly ready: Promise<void>;
  call<T>(use: (api: AsyncStepApi) => Promise<T>): Promise<T>;
  terminate(): void;
}

export interface StepSessionState {
  readonly info: StepSessionInfo | null;
  /** The frame shown: the answer to the latest goTo (or the session's first frame). */
  readonly frame: StepFrame | null;
  /** The decision asked for last, clamped; the frame catches up with it. */
  readonly target: number;
  readonly failure: RunFailure | null;
  /** A call is out (opening, or fetching the target's frame). */
  readonly loading: boolean;
  /** False once the worker is gone (budget, crash): only reopening helps then. */
  readonly live: boolean;
}

export const EMPTY_STEP_STATE: StepSessionState = { info: null, frame: null, target: 0, failure: null, loading: false, live: false };

/** Integer decision in 0..total; anything else (NaN, fractions, out of range) is brought into range. */
export function clampDecision(decision: number, total: number): number {
  if (!Number.isFinite(decision)) return decision > 0 ? total : 0;
  return Math.max(0, Math.min(total, Math.round(decision)));
}

export function budgetFailure(budgetMs: number): RunFailure {
  return { kind: 'budget', message: `the step worker took longer than ${budgetMs / 1000} s to answer and was stopped (does the policy loop forever?)` };
}

/** A call's outcome; `fatal` when the worker is gone with it. */
type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: RunFailure; readonly fatal?: boolean };

function deathFailure(death: unknown): RunFailure {
  if (isWorkerDeath(death)) {
    if (death.kind === 'memory') return { kind: 'memory', message: `the step worker ran out of memory (${death.message})` };
    return { kind: 'crash', message: `the step worker stopped: ${death.message}` };
  }
  return { kind: 'crash', message: `the step worker failed: ${death instanceof Error ? death.message : String(death)}` };
}

export class StepSessionController {
  private state: StepSessionState = EMPTY_STEP_STATE;
  private connection: StepConnection | null = null;
  private request: RunRequest | null = null;
  private epoch = 0;
  private calling = false;

  constructor(
    private readonly connect: () => StepConnection,
    private readonly onChange: (state: StepSessionState) => void,
    private readonly budgetMs: number,
  ) {}

  get current(): StepSessionState {
    return this.state;
  }

  /** Starts a session for the request on a fresh worker (null: nothing to play); the old worker is terminated. */
  async open(request: RunRequest | null): Promise<void> {
    const epoch = this.newEpoch();
    this.request = request;
    if (!request) {
      this.set(EMPTY_STEP_STATE);
      return;
    }
    // A fresh worker per session: an earlier policy may have changed the worker's globals (the worker refuses to
    // open then), and a terminated worker cannot be reused anyway.
    const connection = this.connect();
    this.connection = connection;
    this.set({ ...EMPTY_STEP_STATE, loading: true, live: true });
    const answer = await this.watch(connection, (api) => api.open(request));
    if (epoch !== this.epoch) return;
    if (!answer.ok) {
      this.fail(answer.failure, true);
      return;
    }
    const info = answer.value;
    this.set({ info, frame: info.frame, target: info.frame.decision, failure: null, loading: false, live: true });
  }

  /** Opens the last request again on a new worker (after a budget or a crash). */
  reopen(): Promise<void> {
    return this.open(this.request);
  }

  /** Shows the frame after `decision` decisions (clamped); only the latest of overlapping calls is shown. */
  goTo(decision: number): void {
    const { info, frame } = this.state;
    if (!info || !this.connection || !this.state.live) return;
    const target = clampDecision(decision, info.totalDecisions);
    if (!this.calling && frame?.decision === target && !this.state.failure) {
      if (this.state.target !== target) this.set({ ...this.state, target });
      return;
    }
    this.set({ ...this.state, target, loading: true });
    if (!this.calling) void this.fetchTarget(this.epoch, this.connection);
  }

  /** Terminates the worker; nothing is reported after this. */
  dispose(): void {
    this.newEpoch();
    this.request = null;
  }

  private async fetchTarget(epoch: number, connection: StepConnection): Promise<void> {
    this.calling = true;
    try {
      for (;;) {
        const asked = this.state.target;
        const answer = await this.watch(connection, (api) => api.goTo(asked));
        if (epoch !== this.epoch) return;
        if (!answer.ok && answer.fatal) return this.fail(answer.failure, true);
        // Stale: the target moved while this call was out; ask again for where it is now.
        if (this.state.target !== asked) continue;
        if (answer.ok) this.set({ ...this.state, frame: answer.value, failure: null, loading: false });
        else this.set({ ...this.state, failure: answer.failure, loading: false });
        return;
      }
    } finally {
      // A new epoch has reset the flag for its own calls already.
      if (epoch === this.epoch) this.calling = false;
    }
  }

  /** One call raced against the budget and the worker's death; never rejects. */
  private async watch<T>(connection: StepConnection, use: (api: AsyncStepApi) => Promise<StepOutcome<T>>): Promise<Answer<T>> {
    try {
      await connection.ready;
    } catch (death) {
      connection.terminate();
      const failure = deathFailure(death);
      return { ok: false, failure: { ...failure, message: `the step worker failed to start: ${failure.message}` }, fatal: true };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overBudget = new Promise<Answer<T>>((resolve) => {
      timer = setTimeout(() => {
        connection.terminate();
        resolve({ ok: false, failure: budgetFailure(this.budgetMs), fatal: true });
      }, this.budgetMs);
    });
    const answered = connection.call(use).then(
      (outcome): Answer<T> => outcome,
      (death): Answer<T> => ({ ok: false, failure: deathFailure(death), fatal: true }),
    );
    try {
      return await Promise.race([answered, overBudget]);
    } finally {
      clearTimeout(timer);
    }
  }

  private fail(failure: RunFailure, fatal: boolean): void {
    if (fatal) this.dropConnection();
    this.set({ ...this.state, failure, loading: false, live: this.state.live && !fatal });
  }

  private newEpoch(): number {
    this.epoch++;
    this.calling = false;
    this.dropConnection();
    return this.epoch;
  }

  private dropConnection(): void {
    this.connection?.terminate();
    this.connection = null;
  }

  private set(state: StepSessionState): void {
    this.state = state;
    this.onChange(state);
  }
}
