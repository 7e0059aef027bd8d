'use client';
import type { Remote } from 'comlink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_BUDGET_MS } from '../../workers/browser/run-pool';
import type { RunRequest, SimulationWorkerApi } from '../../workers/browser/run-protocol';
import { WorkerSlot } from '../../workers/browser/worker-slot';
import { EMPTY_STEP_STATE, StepSessionController, type AsyncStepApi, type StepConnection, type StepSessionState } from './step-session-controller';

/**
 * A step session in a Web Worker of its own (workers/browser/step-worker.ts) for one run request: opened when the
 * request changes, terminated when it changes again or the component unmounts. The logic (one call at a time,
 * stale answers dropped, the watchdog) is StepSessionController's; this hook only wires it to React and a Worker.
 */

/** A step worker behind a WorkerSlot, which turns the worker's death into a rejected call (comlink never settles). */
function connectStepWorker(): StepConnection {
  const slot = new WorkerSlot(() => new Worker(new URL('../../workers/browser/step-worker.ts', import.meta.url), { type: 'module' }));
  return {
    ready: slot.ready,
    // WorkerSlot is typed for the simulation worker; the death watching and terminate() do not depend on the API,
    // and comlink's proxy forwards whatever is called, so the step worker's API is reached through the same slot.
    call: (use) => slot.call((remote: Remote<SimulationWorkerApi>) => use(remote as unknown as AsyncStepApi)),
    terminate: () => slot.terminate(),
  };
}

export interface StepSession extends StepSessionState {
  goTo(decision: number): void;
  /** A new worker for the same request, after a budget or crash failure. */
  reopen(): void;
}

/**
 * `budgetMs`: the longest one call may take (opening runs the whole simulation once to count its decisions); past
 * it the worker is terminated and the session fails with 'budget'. `connect` is for tests and other hosts.
 */
export function useStepSession(request: RunRequest | null, budgetMs: number = DEFAULT_BUDGET_MS, connect: () => StepConnection = connectStepWorker): StepSession {
  const [state, setState] = useState<StepSessionState>(EMPTY_STEP_STATE);
  const controllerRef = useRef<StepSessionController | null>(null);
  const connectRef = useRef(connect);
  connectRef.current = connect;

  useEffect(() => {
    const controller = new StepSessionController(() => connectRef.current(), setState, budgetMs);
    controllerRef.current = controller;
    void controller.open(request);
    return () => {
      controller.dispose();
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [request, budgetMs]);

  const goTo = useCallback((decision: number) => controllerRef.current?.goTo(decision), []);
  const reopen = useCallback(() => void controllerRef.current?.reopen(), []);
  return { ...state, goTo, reopen };
}
