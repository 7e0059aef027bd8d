import type { RunFailure } from '../../components/state/lab-types';
import type { MipSolver } from '../../engine/vm';
import { POLICY_COMPILERS, type PolicyCompilers } from '../policy-compile';
import { simulationFailure } from './run-failures';
import type { RunRequest } from './run-protocol';
import type { StepFrame, StepOutcome, StepSessionInfo } from './step-protocol';
import { startSteppedRun, type SteppedRun } from './stepped-runs';
import { vmRunUsesMip } from './vm-run-uses-mip';

/**
 * A step session: one run, played decision by decision for a step player (step-protocol.ts). Pure like
 * execute-run.ts (no DOM, no comlink), so the step worker stays a thin wrapper and a Node test drives it directly.
 *
 * Opening runs the whole simulation once (the probe) to learn how many decisions the run makes and its final
 * metrics; the probe then stays as the live simulation, at the end. goTo(k) steps the live simulation forward when
 * k is ahead of it, and otherwise starts a new one from the same inputs and steps it k decisions: the engines are
 * deterministic, so decision k is the same state every time, and every frame is the engine's own snapshot().
 */

export interface StepSession {
  readonly info: StepSessionInfo;
  /** The frame after `decision` decisions, clamped to 0..info.totalDecisions. */
  goTo(decision: number): StepOutcome<StepFrame>;
}

function failed(failure: RunFailure): { readonly ok: false; readonly failure: RunFailure } {
  return { ok: false, failure };
}

/**
 * Opens a session for a run request (its runId is ignored). `compilers` are the sandbox's gates in the worker, the
 * plain ones in Node. `mipSolver`: without one, a VM policy that declares usesMip is refused, since the step
 * worker does not load HiGHS.
 */
export function openStepSession(request: RunRequest, compilers: PolicyCompilers = POLICY_COMPILERS, mipSolver?: MipSolver): StepOutcome<StepSession> {
  if (request.engine === 'vm' && !mipSolver && vmRunUsesMip(request)) {
    return failed({ kind: 'input', message: 'stepping through a policy that uses the MIP solver (usesMip) is not supported; run it instead' });
  }
  const start = () => startSteppedRun(request, compilers, mipSolver);
  const probe = start();
  if ('failure' in probe) return failed(probe.failure);
  const { fileName } = probe;

  let live: SteppedRun | undefined = probe.run;
  let totalDecisions = 0;
  let runFailure: RunFailure | undefined;
  let first: StepFrame;
  let last: StepFrame | undefined;
  try {
    first = probe.run.frame();
  } catch (error) {
    return failed(simulationFailure(error, fileName));
  }
  try {
    while (probe.run.advance()) totalDecisions++;
    last = probe.run.frame();
  } catch (error) {
    // The run stops while making the next decision: the frames before it can still be stepped through.
    runFailure = simulationFailure(error, fileName);
    totalDecisions++;
    live = undefined;
  }

  const info: StepSessionInfo = {
    totalDecisions,
    metrics: last?.metrics ?? {},
    // A run with no decision at all is done at 0, so its first frame is the finished run (the LLM engine's last
    // events run after its last decision).
    frame: totalDecisions === 0 && last ? last : first,
    ...(runFailure ? { failure: runFailure } : {}),
  };

  function goTo(decision: number): StepOutcome<StepFrame> {
    if (typeof decision !== 'number' || Number.isNaN(decision)) return failed({ kind: 'input', message: `decision ${String(decision)} is not a number` });
    const k = Math.max(0, Math.min(totalDecisions, Math.floor(decision)));
    if (!live || live.decisions > k) {
      const fresh = start();
      if ('failure' in fresh) return failed(fresh.failure);
      live = fresh.run;
    }
    try {
      while (live.decisions < k) if (!live.advance()) break;
      // The last frame is the finished run: advance past the last decision runs what remains (or meets the failure).
      if (k === totalDecisions) while (live.advance()) continue;
      return { ok: true, value: live.frame() };
    } catch (error) {
      // A simulation that threw is left mid-decision; the next goTo starts a new one.
      live = undefined;
      return failed(simulationFailure(error, fileName));
    }
  }

  return { ok: true, value: { info, goTo } };
}
