'use client';
import { useMemo } from 'react';
import type { VmReplay } from '../../engine/vm/replay';
import type { OccupancyData } from '../charts/occupancy-types';
import type { VmLabRun } from '../state/vm-lab-types';

/** F of the fragment rate; the lab runs with the engine's default. */
export const FRAGMENT_SIZE = 16;

/** What the "after" panel shows at step k, in words: drift events and placements are part of the picture. */
export function afterLabel(run: VmLabRun, replay: VmReplay, k: number): string {
  const steps = replay.steps.length;
  const placement = run.result?.mode === 'placement';
  const unit = placement ? 'step' : 'migration';
  const progress = k === steps ? `after all ${steps} ${unit}s` : `after ${unit} ${k} of ${steps}`;
  const drift = run.result?.drift ? `After ${replay.eventsApplied} drift events, then ${progress.replace(/^after /, '')}` : progress;
  return drift.charAt(0).toUpperCase() + drift.slice(1);
}

/**
 * The two panels of the occupancy map for a run at stepper position `step`: the snapshot the run started from, and
 * the cluster after the drift's events (if any) and the first `step` steps, rebuilt by the engine's replay, with
 * the last step's source and destination marked.
 */
export function useOccupancyData(run: VmLabRun, replay: VmReplay, step: number): (OccupancyData & { skipped: number }) | null {
  const before = useMemo(() => replay.snapshot(), [replay]);
  const pmIndex = useMemo(() => new Map(run.ranOn.pms.map((pm, p) => [pm.id, p])), [run.ranOn]);
  const vms = useMemo(() => replay.vmIds.map((id, v) => ({ id, cpu: replay.vmCpu[v] })), [replay]);

  return useMemo(() => {
    const k = Math.max(0, Math.min(step, replay.steps.length));
    const after = replay.at(k);
    const last = k > 0 ? replay.steps[k - 1] : undefined;
    const marks = [
      ...(last?.from && pmIndex.has(last.from.pm) ? [{ pm: pmIndex.get(last.from.pm)!, kind: 'from' as const }] : []),
      ...(last && pmIndex.has(last.to.pm) ? [{ pm: pmIndex.get(last.to.pm)!, kind: 'to' as const }] : []),
    ];
    return {
      cluster: run.ranOn,
      vms,
      fragmentSize: FRAGMENT_SIZE,
      skipped: after.skipped,
      panels: [
        { label: run.result?.drift ? 'Snapshot (what the policy planned on)' : 'Before', used: before.usedCpu, vmPm: before.vmPm, vmNode: before.vmNode },
        { label: afterLabel(run, replay, k), used: after.usedCpu, vmPm: after.vmPm, vmNode: after.vmNode, marks },
      ],
    };
  }, [run, replay, step, before, pmIndex, vms]);
}
