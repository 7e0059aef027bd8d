'use client';
import { useCallback, useRef } from 'react';
import type { VmRunRequest } from '../../workers/browser/run-protocol';
import type { RunFailure } from '../state/lab-types';
import { scenarioMode, useVmLabStore, type VmLabState } from '../state/vm-lab-store';
import type { VmLabRun, VmRunSettings } from '../state/vm-lab-types';
import { scenarioForRun, sweepLimits, vmPolicyEntries, vmRunOptions, vmRunRequest } from './vm-run-requests';
import { useRunPool } from '../lab/use-run-pool';

/**
 * The engine options of the controls, and the scenario they give (with churn under drift, see scenarioForRun).
 * Run, the sweep and the step player all start from it, so they run the same thing.
 */
export function runSetup(state: VmLabState) {
  const choice = state.scenario!;
  const mode = scenarioMode(choice);
  const drift = state.drift && mode === 'rescheduling';
  const { scenario, churn } = scenarioForRun(choice, drift, state.seed);
  const settings: VmRunSettings = { drift, decisionSeconds: drift ? state.decisionSeconds : null, objective: state.objective, churn };
  return { choice, mode, scenario, settings };
}

/**
 * Budget of one VM run. Larger than the job shop's 10 s: a first-fit re-placement on an L cluster takes about
 * 5 s for 50 migrations on a fast core, and a sweep runs several such runs side by side on a busy machine. A
 * policy that loops forever is still stopped, just later.
 */
export const VM_BUDGET_MS = 30_000;

/**
 * The VM lab's worker pool (the same RunPool and sandboxed simulation worker as the job shop): Run (the chosen
 * policies on the cluster) and the MNL sweep, with progress into the store and Stop for both.
 */
export function useVmPool(editorSource: string, onEditorFailure: (failure: RunFailure | null) => void) {
  const poolRef = useRunPool();
  const sourceRef = useRef(editorSource);
  sourceRef.current = editorSource;

  const run = useCallback(async () => {
    const state = useVmLabStore.getState();
    const pool = poolRef.current;
    const scenario = state.scenario;
    if (!pool || state.busy || !scenario) return;
    const setup = runSetup(state);
    const entries = vmPolicyEntries(state.builtinIds, state.includeEditorPolicy, sourceRef.current, state.params, setup.mode);
    if (entries.length === 0) return;
    const requests: VmRunRequest[] = [];
    const runs: VmLabRun[] = [];
    const fromEditor = new Set<string>();
    entries.forEach((entry, i) => {
      const runId = `${scenario.key}#${i}`;
      requests.push(vmRunRequest(runId, setup.scenario, entry, vmRunOptions(state.seed, entry.params, state.mnl, setup.settings, setup.mode)));
      runs.push({
        id: runId,
        scenario,
        ranOn: setup.scenario,
        policyLabel: entry.label,
        status: 'queued',
        seed: state.seed,
        mnl: state.mnl,
        settings: setup.settings,
        params: entry.params,
      });
      if (entry.fromEditor) fromEditor.add(runId);
    });
    onEditorFailure(null);
    state.startBatch(runs);
    state.setBusy('runs');
    try {
      await pool.run(requests, {
        budgetMs: VM_BUDGET_MS,
        onProgress: (done, total, etaMs) => useVmLabStore.getState().setProgress({ done, total, etaMs: etaMs ?? 0 }),
        onRunProgress: (runId) => useVmLabStore.getState().updateRun(runId, { status: 'running' }),
        onOutcome: (runId, outcome) => {
          const update = useVmLabStore.getState().updateRun;
          if (outcome.ok) {
            update(runId, { status: 'done', result: outcome.result, elapsedMs: outcome.elapsedMs });
          } else {
            update(runId, { status: 'failed', failure: outcome.failure });
            if (fromEditor.has(runId)) onEditorFailure(outcome.failure);
          }
        },
      });
    } finally {
      useVmLabStore.getState().setBusy(null);
    }
  }, [onEditorFailure]);

  const sweep = useCallback(async () => {
    const state = useVmLabStore.getState();
    const pool = poolRef.current;
    const scenario = state.scenario;
    if (!pool || state.busy || !scenario) return;
    const setup = runSetup(state);
    // The sweep is about migrations: placement clusters are not swept (the panel says so).
    if (setup.mode !== 'rescheduling') return;
    const entries = vmPolicyEntries(state.sweepIds, state.sweepIncludeEditor, sourceRef.current, state.params, setup.mode);
    const limits = sweepLimits(state.sweepMax, state.sweepStride);
    if (entries.length === 0) return;
    const requests: VmRunRequest[] = [];
    const meta = new Map<string, { entry: (typeof entries)[number]; mnl: number }>();
    for (const entry of entries) {
      for (const mnl of limits) {
        const runId = `sweep:${entry.id}:${mnl}`;
        requests.push(vmRunRequest(runId, setup.scenario, entry, vmRunOptions(state.seed, entry.params, mnl, setup.settings, setup.mode)));
        meta.set(runId, { entry, mnl });
      }
    }
    state.startSweep();
    state.setBusy('sweep');
    state.setSweepProgress({ done: 0, total: requests.length, etaMs: 0 });
    try {
      await pool.run(requests, {
        budgetMs: VM_BUDGET_MS,
        onProgress: (done, total, etaMs) => useVmLabStore.getState().setSweepProgress({ done, total, etaMs: etaMs ?? 0 }),
        onOutcome: (runId, outcome) => {
          const { entry, mnl } = meta.get(runId)!;
          const store = useVmLabStore.getState();
          if (outcome.ok) {
            const { metrics } = outcome.result;
            store.addSweepPoint({ policyId: entry.id, policyLabel: entry.label, mnl, migrations: metrics.migrations, frAfter: metrics.frAfter });
          } else if (outcome.failure.kind !== 'stopped') {
            store.addSweepFailure(`${entry.label}: ${outcome.failure.message}`);
            if (entry.fromEditor) onEditorFailure(outcome.failure);
          }
        },
      });
    } finally {
      useVmLabStore.getState().setBusy(null);
    }
  }, [onEditorFailure]);

  const stop = useCallback(() => poolRef.current?.stop(), []);
  return { run, sweep, stop };
}
