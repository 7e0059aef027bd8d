import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampDecision, StepSessionController, type StepSessionState } from '../../../components/classroom/step-session-controller';
import { FAKE_REQUEST, fakeFrame, fakeInfo, flush, ManualStepWorker } from './fake-step-worker';

// The step player's session logic without a Worker: one call at a time, stale answers dropped, the watchdog.

function setUp(budgetMs = 10_000) {
  const workers: ManualStepWorker[] = [];
  const states: StepSessionState[] = [];
  const controller = new StepSessionController(
    () => {
      const worker = new ManualStepWorker();
      workers.push(worker);
      return worker;
    },
    (s) => states.push(s),
    budgetMs,
  );
  return { controller, workers, states };
}

async function opened(total = 36, budgetMs?: number) {
  const setup = setUp(budgetMs);
  void setup.controller.open(FAKE_REQUEST);
  await flush();
  setup.workers[0].next().resolve({ ok: true, value: fakeInfo(total) });
  await flush();
  return { ...setup, worker: setup.workers[0] };
}

afterEach(() => vi.useRealTimers());

describe('clampDecision', () => {
  it('brings any number into 0..total as an integer', () => {
    expect(clampDecision(-3, 10)).toBe(0);
    expect(clampDecision(12, 10)).toBe(10);
    expect(clampDecision(3.6, 10)).toBe(4);
    expect(clampDecision(Number.NaN, 10)).toBe(0);
    expect(clampDecision(Infinity, 10)).toBe(10);
  });
});

describe('StepSessionController', () => {
  it('opens a session on a fresh worker and shows its first frame', async () => {
    const { controller, worker } = await opened(36);
    expect(controller.current.info?.totalDecisions).toBe(36);
    expect(controller.current.frame?.decision).toBe(0);
    expect(controller.current.loading).toBe(false);
    expect(controller.current.live).toBe(true);
    expect(worker.calls).toHaveLength(0);
  });

  it('clamps goTo to the run and shows the answer', async () => {
    const { controller, worker } = await opened(5);
    controller.goTo(99);
    await flush();
    const call = worker.next();
    expect(call).toMatchObject({ method: 'goTo', arg: 5 });
    call.resolve({ ok: true, value: fakeFrame(5, 5) });
    await flush();
    expect(controller.current).toMatchObject({ target: 5, loading: false });
    expect(controller.current.frame?.decision).toBe(5);
  });

  it('keeps one call out at a time, drops the stale answer and asks for the latest target', async () => {
    const { controller, worker } = await opened(36);
    controller.goTo(3);
    controller.goTo(4);
    controller.goTo(5);
    await flush();
    // Only the first call was sent; the others moved the target.
    expect(worker.calls.map((c) => c.arg)).toEqual([3]);
    expect(controller.current.target).toBe(5);
    worker.next().resolve({ ok: true, value: fakeFrame(3, 36) });
    await flush();
    // The answer for 3 is stale: never shown.
    expect(controller.current.frame?.decision).toBe(0);
    expect(controller.current.loading).toBe(true);
    const second = worker.next();
    expect(second.arg).toBe(5);
    second.resolve({ ok: true, value: fakeFrame(5, 36) });
    await flush();
    expect(controller.current.frame?.decision).toBe(5);
    expect(controller.current.loading).toBe(false);
    expect(worker.calls).toHaveLength(0);
  });

  it('drops the answers of a session that a new open replaced, and terminates its worker', async () => {
    const { controller, workers, worker } = await opened(36);
    controller.goTo(7);
    await flush();
    const old = worker.next();
    void controller.open(FAKE_REQUEST);
    await flush();
    expect(worker.terminated).toBe(1);
    workers[1].next().resolve({ ok: true, value: fakeInfo(4) });
    await flush();
    old.resolve({ ok: true, value: fakeFrame(7, 36) });
    await flush();
    expect(controller.current.info?.totalDecisions).toBe(4);
    expect(controller.current.frame?.decision).toBe(0);
  });

  it('terminates the worker and reports a budget failure when a call takes too long', async () => {
    vi.useFakeTimers();
    const { controller, worker } = await opened(36, 10_000);
    controller.goTo(9);
    await flush();
    expect(worker.calls).toHaveLength(1);
    vi.advanceTimersByTime(9_999);
    await flush();
    expect(controller.current.failure).toBeNull();
    vi.advanceTimersByTime(1);
    await flush();
    expect(worker.terminated).toBeGreaterThan(0);
    expect(controller.current.failure?.kind).toBe('budget');
    expect(controller.current).toMatchObject({ live: false, loading: false });
    // A dead session takes no more calls.
    controller.goTo(10);
    await flush();
    expect(worker.calls).toHaveLength(1);
  });

  it('reports a worker that dies as a crash, and reopens on a new worker', async () => {
    const { controller, workers, worker } = await opened(36);
    controller.goTo(2);
    await flush();
    worker.next().reject({ kind: 'crash', message: 'boom' });
    await flush();
    expect(controller.current.failure).toMatchObject({ kind: 'crash' });
    expect(controller.current.live).toBe(false);
    void controller.reopen();
    await flush();
    expect(workers).toHaveLength(2);
    expect(workers[1].next().method).toBe('open');
  });

  it('shows a failed frame as a failure but keeps the session', async () => {
    const { controller, worker } = await opened(3);
    controller.goTo(3);
    await flush();
    worker.next().resolve({ ok: false, failure: { kind: 'policy', message: 'decided wrong' } });
    await flush();
    expect(controller.current.failure?.message).toBe('decided wrong');
    expect(controller.current.live).toBe(true);
    expect(controller.current.frame?.decision).toBe(0);
    controller.goTo(1);
    await flush();
    worker.next().resolve({ ok: true, value: fakeFrame(1, 3) });
    await flush();
    expect(controller.current.failure).toBeNull();
    expect(controller.current.frame?.decision).toBe(1);
  });

  it('reports an open that fails (a compile error) and reports nothing after dispose', async () => {
    const { controller, workers, states } = setUp();
    void controller.open(FAKE_REQUEST);
    await flush();
    workers[0].next().resolve({ ok: false, failure: { kind: 'compile', message: 'bad', line: 3 } });
    await flush();
    expect(controller.current.failure).toMatchObject({ kind: 'compile', line: 3 });
    const seen = states.length;
    void controller.open(FAKE_REQUEST);
    await flush();
    controller.dispose();
    workers[1].next().resolve({ ok: true, value: fakeInfo(3) });
    await flush();
    expect(workers[1].terminated).toBe(1);
    expect(states.length).toBe(seen + 1); // only the "opening" state of the second open
  });
});
