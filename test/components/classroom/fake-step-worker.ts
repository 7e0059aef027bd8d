import type { VmRunRequest } from '../../../workers/browser/run-protocol';
import type { StepFrame, StepOutcome, StepSessionInfo, VmStepFrame } from '../../../workers/browser/step-protocol';
import type { AsyncStepApi, StepConnection } from '../../../components/classroom/step-session-controller';

/** A request the fake worker accepts; its content does not matter to the fakes. */
export const FAKE_REQUEST: VmRunRequest = {
  engine: 'vm',
  runId: 'test',
  scenario: { name: 'empty', pms: [], vms: [] },
  policy: { kind: 'builtin', id: 'greedy' },
  options: { seed: 1, params: {} },
};

/** A VM frame at decision k of a run of `total` decisions (an empty cluster: only the numbers matter). */
export function fakeFrame(k: number, total: number): VmStepFrame {
  const done = k === total;
  return {
    engine: 'vm',
    decision: k,
    done,
    snapshot: { migrations: [], placements: [], frCurve: [0], fragmentRate: 0, migrationLimit: Infinity, vmPm: [], vmNode: [], done },
    ...(done ? { metrics: { frAfter: 0.25, migrations: total } } : {}),
  };
}

export function fakeInfo(total: number): StepSessionInfo {
  return { totalDecisions: total, metrics: { frAfter: 0.25, migrations: total }, frame: fakeFrame(0, total) };
}

interface PendingCall<T> {
  readonly method: 'open' | 'goTo';
  readonly arg: unknown;
  resolve(value: StepOutcome<T>): void;
  reject(reason: unknown): void;
}

/**
 * A step worker whose answers the test hands out by hand: every call waits in `calls` until resolved, so a test can
 * make calls overlap and answer them in any order. `terminated` counts terminate() calls.
 */
export class ManualStepWorker implements StepConnection {
  readonly ready = Promise.resolve();
  readonly calls: PendingCall<unknown>[] = [];
  terminated = 0;

  private readonly api: AsyncStepApi = {
    open: (request) => this.enqueue<StepSessionInfo>('open', request),
    goTo: (decision) => this.enqueue<StepFrame>('goTo', decision),
  };

  call<T>(use: (api: AsyncStepApi) => Promise<T>): Promise<T> {
    return use(this.api);
  }

  terminate(): void {
    this.terminated++;
  }

  /** The oldest call not yet answered. */
  next(): PendingCall<unknown> {
    const call = this.calls.shift();
    if (!call) throw new Error('no call is waiting');
    return call;
  }

  private enqueue<T>(method: 'open' | 'goTo', arg: unknown): Promise<StepOutcome<T>> {
    return new Promise((resolve, reject) => this.calls.push({ method, arg, resolve: resolve as (v: StepOutcome<unknown>) => void, reject }));
  }
}

/** A step worker that answers every call at once with the frames of a run of `total` decisions. */
export class InstantStepWorker implements StepConnection {
  readonly ready = Promise.resolve();
  readonly asked: number[] = [];
  terminated = 0;

  constructor(private readonly total: number) {}

  call<T>(use: (api: AsyncStepApi) => Promise<T>): Promise<T> {
    return use({
      open: async () => ({ ok: true, value: fakeInfo(this.total) }),
      goTo: async (k) => {
        this.asked.push(k);
        return { ok: true, value: fakeFrame(Math.max(0, Math.min(this.total, k)), this.total) };
      },
    });
  }

  terminate(): void {
    this.terminated++;
  }
}

/** Lets pending promise callbacks run (without timers, so it also works under fake timers). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
