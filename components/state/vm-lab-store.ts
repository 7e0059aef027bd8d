'use client';
import { create } from 'zustand';
import { policyModes } from '../../engine/vm/policies';
import { vmEngine, type VmObjective } from '../../engine/vm';
import type { BatchProgress, VmLabRun, VmScenarioChoice, VmSweepPoint } from './vm-lab-types';

/**
 * UI state of the VM lab (DESIGN §9: zustand holds UI state only; simulations live in their workers). The
 * migration stepper's position is here too, so the list, the map and the FR curve follow the same step.
 */
export interface VmLabState {
  scenario: VmScenarioChoice | null;
  /** Built-in policy ids to run next to the editor's policy. */
  builtinIds: string[];
  includeEditorPolicy: boolean;
  /** Migration number limit; null runs until the policy stops. */
  mnl: number | null;
  seed: number;
  /** State drift (rescheduling only): the cluster's events during the decision time happen before the plan. */
  drift: boolean;
  /** Decision time charged under drift, in seconds; null uses the time the policy measurably took. */
  decisionSeconds: number | null;
  objective: VmObjective;
  /** Parameter values by built-in policy id, then name; unset ones use the default. */
  params: Record<string, Record<string, number>>;
  runs: VmLabRun[];
  selectedRunId: string | null;
  /** Migrations made at the stepper's position on the selected run (the map shows the state after them). */
  step: number;
  progress: BatchProgress | null;
  /** What the worker pool is busy with. */
  busy: 'runs' | 'sweep' | null;

  sweepIds: string[];
  sweepIncludeEditor: boolean;
  sweepMax: number;
  sweepStride: number;
  sweepPoints: VmSweepPoint[];
  sweepProgress: BatchProgress | null;
  sweepFailures: string[];

  setScenario(scenario: VmScenarioChoice): void;
  toggleBuiltin(id: string): void;
  setIncludeEditorPolicy(include: boolean): void;
  setMnl(mnl: number | null): void;
  setSeed(seed: number): void;
  setDrift(drift: boolean): void;
  setDecisionSeconds(seconds: number | null): void;
  setObjective(objective: VmObjective): void;
  setParam(policyId: string, name: string, value: number): void;
  startBatch(runs: VmLabRun[]): void;
  updateRun(id: string, patch: Partial<VmLabRun>): void;
  selectRun(id: string | null): void;
  setStep(step: number): void;
  setProgress(progress: BatchProgress | null): void;
  setBusy(busy: VmLabState['busy']): void;

  toggleSweepPolicy(id: string): void;
  setSweepIncludeEditor(include: boolean): void;
  setSweepRange(max: number, stride: number): void;
  startSweep(): void;
  addSweepPoint(point: VmSweepPoint): void;
  addSweepFailure(message: string): void;
  setSweepProgress(progress: BatchProgress | null): void;
}

/** The last step of a run (migrations and placements): where the stepper goes when a run is selected. */
function lastStep(run: VmLabRun | undefined): number {
  return (run?.result?.migrations.length ?? 0) + (run?.result?.placements.length ?? 0);
}

/** Rescheduling, or placement when the cluster has pending VMs: the engine's own default (VmRunOptions.mode). */
export function scenarioMode(choice: VmScenarioChoice | null): 'rescheduling' | 'placement' {
  return (choice?.scenario.pending?.length ?? 0) > 0 ? 'placement' : 'rescheduling';
}

/** What to tick when a new cluster's mode leaves no ticked built-in that can run on it. */
const MODE_DEFAULT = { rescheduling: 'greedy', placement: 'k8s-least-allocated' } as const;

function keepRunnable(ids: readonly string[], mode: 'rescheduling' | 'placement'): string[] {
  const runnable = ids.filter((id) => {
    const policy = vmEngine.findPolicy(id);
    return policy !== undefined && policyModes(policy).includes(mode);
  });
  return runnable.length > 0 ? [...ids] : [...ids, MODE_DEFAULT[mode]];
}

export const useVmLabStore = create<VmLabState>((set) => ({
  scenario: null,
  builtinIds: ['greedy'],
  includeEditorPolicy: true,
  mnl: 50,
  seed: 1,
  drift: false,
  decisionSeconds: null,
  objective: 'fragment',
  params: {},
  runs: [],
  selectedRunId: null,
  step: 0,
  progress: null,
  busy: null,

  sweepIds: ['greedy', 'bfd'],
  sweepIncludeEditor: false,
  sweepMax: 50,
  sweepStride: 5,
  sweepPoints: [],
  sweepProgress: null,
  sweepFailures: [],

  // A new cluster makes the old sweep meaningless (it was on another cluster); runs stay, each with its cluster.
  // A placement cluster runs other policies (nextPlacement); make sure one of them is ticked.
  setScenario: (scenario) =>
    set((s) => ({
      scenario,
      builtinIds: keepRunnable(s.builtinIds, scenarioMode(scenario)),
      sweepPoints: [],
      sweepProgress: null,
      sweepFailures: [],
    })),
  toggleBuiltin: (id) => set((s) => ({ builtinIds: s.builtinIds.includes(id) ? s.builtinIds.filter((b) => b !== id) : [...s.builtinIds, id] })),
  setIncludeEditorPolicy: (includeEditorPolicy) => set({ includeEditorPolicy }),
  setMnl: (mnl) => set({ mnl }),
  setSeed: (seed) => set({ seed }),
  setDrift: (drift) => set({ drift }),
  setDecisionSeconds: (decisionSeconds) => set({ decisionSeconds }),
  setObjective: (objective) => set({ objective }),
  setParam: (policyId, name, value) => set((s) => ({ params: { ...s.params, [policyId]: { ...s.params[policyId], [name]: value } } })),
  startBatch: (runs) => set({ runs, selectedRunId: null, step: 0, progress: { done: 0, total: runs.length, etaMs: 0 } }),
  updateRun: (id, patch) =>
    set((s) => {
      const runs = s.runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
      // Show the first finished run at once, at its last migration, so the map has something to show.
      if (s.selectedRunId === null && patch.status === 'done') {
        return { runs, selectedRunId: id, step: lastStep(runs.find((r) => r.id === id)) };
      }
      return { runs };
    }),
  selectRun: (selectedRunId) => set((s) => ({ selectedRunId, step: lastStep(s.runs.find((r) => r.id === selectedRunId)) })),
  setStep: (step) =>
    set((s) => {
      const last = lastStep(s.runs.find((r) => r.id === s.selectedRunId));
      return { step: Math.max(0, Math.min(last, Math.round(step))) };
    }),
  setProgress: (progress) => set({ progress }),
  setBusy: (busy) => set({ busy }),

  toggleSweepPolicy: (id) => set((s) => ({ sweepIds: s.sweepIds.includes(id) ? s.sweepIds.filter((b) => b !== id) : [...s.sweepIds, id] })),
  setSweepIncludeEditor: (sweepIncludeEditor) => set({ sweepIncludeEditor }),
  setSweepRange: (sweepMax, sweepStride) => set({ sweepMax, sweepStride }),
  startSweep: () => set({ sweepPoints: [], sweepFailures: [] }),
  addSweepPoint: (point) => set((s) => ({ sweepPoints: [...s.sweepPoints, point] })),
  addSweepFailure: (message) => set((s) => ({ sweepFailures: s.sweepFailures.includes(message) ? s.sweepFailures : [...s.sweepFailures, message] })),
  setSweepProgress: (sweepProgress) => set({ sweepProgress }),
}));
