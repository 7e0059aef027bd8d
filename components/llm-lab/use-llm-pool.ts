'use client';
import { useCallback, useRef } from 'react';
import type { LlmResult } from '../../engine/llm';
import type { LlmRunRequest } from '../../workers/browser/run-protocol';
import type { RunFailure } from '../state/lab-types';
import { useLlmLabStore } from '../state/llm-lab-store';
import type { LlmLabRun } from '../state/llm-lab-types';
import { buildScenario, clusterLabel, clusterSpec, llmPolicyEntries, llmRunRequest, parseRates } from './llm-run-requests';
import { useRunPool } from '../lab/use-run-pool';

/**
 * Budget of one LLM run. An hour of azure-conv (~19,000 requests) takes 1–2 s on a fast core; a sweep at high
 * rates on a busy machine takes longer. A policy that loops forever is still stopped.
 */
export const LLM_BUDGET_MS = 60_000;

/**
 * The LLM lab's worker pool (the same RunPool and sandboxed simulation worker as the other labs): Run (the chosen
 * policies on the workload and cluster) and the rate sweep, with progress into the store and Stop for both.
 */
export function useLlmPool(editorSource: string, onEditorFailure: (failure: RunFailure | null) => void, onInputError: (message: string | null) => void) {
  const poolRef = useRunPool();
  const sourceRef = useRef(editorSource);
  sourceRef.current = editorSource;

  const run = useCallback(async () => {
    const state = useLlmLabStore.getState();
    const pool = poolRef.current;
    if (!pool || state.busy) return;
    const entries = llmPolicyEntries(state.builtinIds, state.includeEditorPolicy, sourceRef.current, state.params, state.dispatch);
    if (entries.length === 0) return;
    let scenario;
    try {
      scenario = buildScenario(state.workload, state.seed, clusterSpec(state.cluster));
      onInputError(null);
    } catch (error) {
      onInputError(error instanceof Error ? error.message : String(error));
      return;
    }
    const requests: LlmRunRequest[] = [];
    const runs: LlmLabRun[] = [];
    const fromEditor = new Set<string>();
    const clusterText = clusterLabel(state.cluster);
    entries.forEach((entry, i) => {
      const runId = `${state.workload.key}#${i}`;
      requests.push(llmRunRequest(runId, scenario, entry, state.seed, true));
      runs.push({ id: runId, workloadLabel: state.workload.label, clusterLabel: clusterText, policyLabel: entry.label, status: 'queued', seed: state.seed, params: entry.params, requests: scenario.requests.length });
      if (entry.fromEditor) fromEditor.add(runId);
    });
    onEditorFailure(null);
    state.startBatch(runs);
    state.setBusy('runs');
    try {
      await pool.run(requests, {
        budgetMs: LLM_BUDGET_MS,
        onProgress: (done, total, etaMs) => useLlmLabStore.getState().setProgress({ done, total, etaMs: etaMs ?? 0 }),
        onRunProgress: (runId) => useLlmLabStore.getState().updateRun(runId, { status: 'running' }),
        onOutcome: (runId, outcome) => {
          const update = useLlmLabStore.getState().updateRun;
          if (outcome.ok) {
            update(runId, { status: 'done', result: outcome.result as LlmResult, elapsedMs: outcome.elapsedMs });
          } else {
            update(runId, { status: 'failed', failure: outcome.failure });
            if (fromEditor.has(runId)) onEditorFailure(outcome.failure);
          }
        },
      });
    } finally {
      useLlmLabStore.getState().setBusy(null);
    }
  }, [onEditorFailure, onInputError]);

  const sweep = useCallback(async () => {
    const state = useLlmLabStore.getState();
    const pool = poolRef.current;
    if (!pool || state.busy) return;
    const entries = llmPolicyEntries(state.sweepIds, state.sweepIncludeEditor, sourceRef.current, state.params, state.dispatch);
    let rates: number[];
    const requests: LlmRunRequest[] = [];
    const meta = new Map<string, { entry: (typeof entries)[number]; rate: number }>();
    try {
      rates = parseRates(state.sweepRates);
      const cluster = clusterSpec(state.cluster);
      for (const rate of rates) {
        // One scenario per rate, shared by the policies: they compete on the same requests.
        const scenario = buildScenario(state.workload, state.seed, cluster, rate);
        for (const entry of entries) {
          const runId = `sweep:${entry.id}:${rate}`;
          // No timeline: the sweep keeps two numbers per run, and the timeline is most of a result's size.
          requests.push(llmRunRequest(runId, scenario, entry, state.seed, false));
          meta.set(runId, { entry, rate });
        }
      }
    } catch (error) {
      state.startSweep(0);
      state.addSweepFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    if (requests.length === 0) return;
    state.startSweep(requests.length);
    state.setBusy('sweep');
    try {
      await pool.run(requests, {
        budgetMs: LLM_BUDGET_MS,
        onProgress: (done, total, etaMs) => useLlmLabStore.getState().setSweepProgress({ done, total, etaMs: etaMs ?? 0 }),
        onOutcome: (runId, outcome) => {
          const { entry, rate } = meta.get(runId)!;
          const store = useLlmLabStore.getState();
          if (outcome.ok) {
            const { metrics } = outcome.result as LlmResult;
            store.addSweepPoint({ policyId: entry.id, policyLabel: entry.label, rate, throughput: metrics.throughput, ttftP99: metrics.ttftP99 });
          } else if (outcome.failure.kind !== 'stopped') {
            store.addSweepFailure(`${entry.label} at ${rate} req/s: ${outcome.failure.message}`);
            if (entry.fromEditor) onEditorFailure(outcome.failure);
          }
        },
      });
    } finally {
      useLlmLabStore.getState().setBusy(null);
    }
  }, [onEditorFailure]);

  const stop = useCallback(() => poolRef.current?.stop(), []);
  return { run, sweep, stop };
}
