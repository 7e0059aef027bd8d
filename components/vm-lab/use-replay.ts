'use client';
import { useMemo } from 'react';
import type { VmResult } from '../../engine/vm';
import { VmReplay } from '../../engine/vm/replay';
import type { VmLabRun } from '../state/vm-lab-types';

/**
 * The engine's replay of a finished run (engine/vm/replay.ts): the cluster after any step, drift events first and
 * placements included. Kept per result, so switching between runs or drawing every run's curve replays each once.
 */
const cache = new WeakMap<VmResult, { replay: VmReplay; rates: number[] }>();

export function replayOf(run: VmLabRun & { result: VmResult }): { replay: VmReplay; rates: number[] } {
  let entry = cache.get(run.result);
  if (!entry) {
    const replay = new VmReplay(run.ranOn, run.result);
    entry = { replay, rates: replay.fragmentRates() };
    cache.set(run.result, entry);
  }
  return entry;
}

export function useReplay(run: VmLabRun & { result: VmResult }) {
  return useMemo(() => replayOf(run), [run]);
}

/**
 * FR after each step of a run, for the FR curve: the engine's frCurve when steps are migrations (it is the same
 * numbers), the replay's when placements are steps too (frCurve counts migrations only).
 */
export function stepRates(run: VmLabRun & { result: VmResult }): readonly number[] {
  return run.result.placements.length === 0 ? run.result.frCurve : replayOf(run).rates;
}
