'use client';
import { create } from 'zustand';
import type { LaneMode } from '../charts/request-timeline-layout';
import type { BatchProgress } from './vm-lab-types';
import type { LlmClusterSettings, LlmLabRun, LlmSweepPoint, LlmWorkloadChoice } from './llm-lab-types';

/**
 * UI state of the LLM-serving lab (DESIGN §9: zustand holds UI state only; simulations live in their workers;
 * finished results are kept here only as the plain data the charts draw).
 */
export interface LlmLabState {
  workload: LlmWorkloadChoice;
  cluster: LlmClusterSettings;
  /** Built-in policy ids to run next to the editor's policy. */
  builtinIds: string[];
  includeEditorPolicy: boolean;
  /** A built-in dispatcher combined with each replica scheduler; '' leaves each policy's own (round-robin by default). */
  dispatch: string;
  seed: number;
  /** Parameter values by built-in policy id, then name; unset ones use the default. */
  params: Record<string, Record<string, number>>;
  runs: LlmLabRun[];
  selectedRunId: string | null;
  laneMode: LaneMode;
  progress: BatchProgress | null;
  busy: 'runs' | 'sweep' | null;

  sweepIds: string[];
  sweepIncludeEditor: boolean;
  /** Arrival rates of the sweep, as typed ("1, 2, 4"). */
  sweepRates: string;
  sweepPoints: LlmSweepPoint[];
  sweepProgress: BatchProgress | null;
  sweepFailures: string[];

  setWorkload(workload: LlmWorkloadChoice): void;
  setCluster(patch: Partial<LlmClusterSettings>): void;
  toggleBuiltin(id: string): void;
  setIncludeEditorPolicy(include: boolean): void;
  setDispatch(id: string): void;
  setSeed(seed: number): void;
  setParam(policyId: string, name: string, value: number): void;
  startBatch(runs: LlmLabRun[]): void;
  updateRun(id: string, patch: Partial<LlmLabRun>): void;
  selectRun(id: string | null): void;
  setLaneMode(mode: LaneMode): void;
  setProgress(progress: BatchProgress | null): void;
  setBusy(busy: LlmLabState['busy']): void;

  toggleSweepPolicy(id: string): void;
  setSweepIncludeEditor(include: boolean): void;
  setSweepRates(rates: string): void;
  startSweep(total: number): void;
  addSweepPoint(point: LlmSweepPoint): void;
  addSweepFailure(message: string): void;
  setSweepProgress(progress: BatchProgress | null): void;
}

export const DEFAULT_WORKLOAD: LlmWorkloadChoice = { origin: 'preset', key: 'preset:steady', label: 'steady', presetId: 'steady' };
export const DEFAULT_CLUSTER: LlmClusterSettings = { replicas: 1, prefillReplicas: 0, gpu: 'a100', model: 'llama-3-8b', costModel: 'roofline', iterationMs: 20 };

export const useLlmLabStore = create<LlmLabState>((set) => ({
  workload: DEFAULT_WORKLOAD,
  cluster: DEFAULT_CLUSTER,
  builtinIds: ['vllm', 'sarathi'],
  includeEditorPolicy: false,
  dispatch: '',
  seed: 1,
  params: {},
  runs: [],
  selectedRunId: null,
  laneMode: 'request',
  progress: null,
  busy: null,

  sweepIds: ['vllm', 'sarathi'],
  sweepIncludeEditor: false,
  sweepRates: '1, 2, 4, 8',
  sweepPoints: [],
  sweepProgress: null,
  sweepFailures: [],

  // Another workload or cluster makes the old sweep a different experiment; runs stay, each labelled with its own.
  setWorkload: (workload) => set({ workload, sweepPoints: [], sweepProgress: null, sweepFailures: [] }),
  setCluster: (patch) => set((s) => ({ cluster: { ...s.cluster, ...patch }, sweepPoints: [], sweepProgress: null, sweepFailures: [] })),
  toggleBuiltin: (id) => set((s) => ({ builtinIds: s.builtinIds.includes(id) ? s.builtinIds.filter((b) => b !== id) : [...s.builtinIds, id] })),
  setIncludeEditorPolicy: (includeEditorPolicy) => set({ includeEditorPolicy }),
  setDispatch: (dispatch) => set({ dispatch }),
  setSeed: (seed) => set({ seed }),
  setParam: (policyId, name, value) => set((s) => ({ params: { ...s.params, [policyId]: { ...s.params[policyId], [name]: value } } })),
  startBatch: (runs) => set({ runs, selectedRunId: null, progress: { done: 0, total: runs.length, etaMs: 0 } }),
  updateRun: (id, patch) =>
    set((s) => {
      const runs = s.runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
      // Show the first finished run's timeline at once.
      if (s.selectedRunId === null && patch.status === 'done') return { runs, selectedRunId: id };
      return { runs };
    }),
  selectRun: (selectedRunId) => set({ selectedRunId }),
  setLaneMode: (laneMode) => set({ laneMode }),
  setProgress: (progress) => set({ progress }),
  setBusy: (busy) => set({ busy }),

  toggleSweepPolicy: (id) => set((s) => ({ sweepIds: s.sweepIds.includes(id) ? s.sweepIds.filter((b) => b !== id) : [...s.sweepIds, id] })),
  setSweepIncludeEditor: (sweepIncludeEditor) => set({ sweepIncludeEditor }),
  setSweepRates: (sweepRates) => set({ sweepRates }),
  startSweep: (total) => set({ sweepPoints: [], sweepFailures: [], sweepProgress: { done: 0, total, etaMs: 0 } }),
  addSweepPoint: (point) => set((s) => ({ sweepPoints: [...s.sweepPoints, point] })),
  addSweepFailure: (message) => set((s) => ({ sweepFailures: s.sweepFailures.includes(message) ? s.sweepFailures : [...s.sweepFailures, message] })),
  setSweepProgress: (sweepProgress) => set({ sweepProgress }),
}));
