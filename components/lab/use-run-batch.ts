'use client';
import { useCallback, useRef } from 'react';
import type { JobShopInstance } from '../../engine/jobshop/model';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import type { JobShopRunRequest } from '../../workers/browser/run-protocol';
import { useLabStore, type LabState } from '../state/lab-store';
import type { LabRun, RunFailure } from '../state/lab-types';
import type { RunPolicyRecord } from './experiment-payload';
import { useRunPool } from './use-run-pool';

export const EDITOR_POLICY_FILE = 'my-policy.ts';

/** Label of the editor's policy in tables: its declared label when the source states one. */
export function editorPolicyLabel(source: string): string {
  const match = /label:\s*['"]([^'"]{1,60})['"]/.exec(source);
  return match ? `${match[1]} (editor)` : 'My policy (editor)';
}

/** A policy that takes part in a batch: what is saved with its runs, the choice sent to the worker, its parameters. */
export interface JobShopPolicyEntry {
  readonly record: RunPolicyRecord;
  readonly choice: JobShopRunRequest['policy'];
  readonly params: Readonly<Record<string, number>>;
}

/**
 * The policies of the lab's controls: the editor's (when ticked), then the ticked built-ins. Shared by Run and by
 * the step-by-step player, so both run a policy with the same parameters.
 */
export function jobshopPolicyEntries(state: Pick<LabState, 'includeEditorPolicy' | 'builtinIds' | 'params'>, source: string): JobShopPolicyEntry[] {
  const policies: JobShopPolicyEntry[] = [];
  if (state.includeEditorPolicy) {
    const choice = { kind: 'source', source, fileName: EDITOR_POLICY_FILE } as const;
    policies.push({ record: { label: editorPolicyLabel(source), source }, choice, params: {} });
  }
  for (const id of state.builtinIds) {
    const builtin = findBuiltinPolicy(id);
    if (!builtin) continue;
    // Every declared parameter is recorded with its value, so a saved run states exactly what it ran with.
    const params = Object.fromEntries((builtin.params ?? []).map((p) => [p.name, state.params[id]?.[p.name] ?? p.default]));
    policies.push({ record: { label: builtin.label, builtinId: id }, choice: { kind: 'builtin', id }, params });
  }
  return policies;
}

/** One run of a policy on an instance with the lab's scheme and seed. */
export function jobshopRunRequest(
  runId: string,
  instance: JobShopInstance,
  policy: JobShopPolicyEntry,
  state: Pick<LabState, 'scheme' | 'seed'>,
): JobShopRunRequest {
  return { runId, instance, policy: policy.choice, options: { scheme: state.scheme, seed: state.seed, params: policy.params } };
}

/**
 * Runs the lab's batch (chosen scenarios x chosen policies) on the worker pool and feeds the outcomes into the
 * store as they arrive. Returns run/stop, the policy record of each run (for saving) and the editor's last failure.
 */
export function useRunBatch(editorSource: string, onEditorFailure: (failure: RunFailure | null) => void) {
  const poolRef = useRunPool();
  const policiesRef = useRef(new Map<string, RunPolicyRecord>());
  const sourceRef = useRef(editorSource);
  sourceRef.current = editorSource;

  const run = useCallback(async () => {
    const state = useLabStore.getState();
    const pool = poolRef.current;
    if (!pool || state.running || state.scenarios.length === 0) return;
    const policies = jobshopPolicyEntries(state, sourceRef.current);
    const requests: JobShopRunRequest[] = [];
    const runs: LabRun[] = [];
    const records = new Map<string, RunPolicyRecord>();
    for (const scenario of state.scenarios) {
      for (const [p, policy] of policies.entries()) {
        const runId = `${scenario.key}#${p}`;
        requests.push(jobshopRunRequest(runId, scenario.instance, policy, state));
        runs.push({
          id: runId,
          scenarioKey: scenario.key,
          scenarioLabel: scenario.label,
          policyLabel: policy.record.label,
          status: 'queued',
          seed: state.seed,
          scheme: state.scheme,
          params: policy.params,
        });
        records.set(runId, policy.record);
      }
    }
    policiesRef.current = records;
    onEditorFailure(null);
    state.startBatch(runs);
    await pool.run(requests, {
      onProgress: (done, total, etaMs) => useLabStore.getState().setProgress({ done, total, etaMs: etaMs ?? 0 }),
      onRunProgress: (runId) => useLabStore.getState().updateRun(runId, { status: 'running' }),
      onOutcome: (runId, outcome) => {
        const update = useLabStore.getState().updateRun;
        if (outcome.ok) {
          update(runId, { status: 'done', result: outcome.result, elapsedMs: outcome.elapsedMs });
        } else {
          update(runId, { status: 'failed', failure: outcome.failure });
          if (records.get(runId)?.source !== undefined) onEditorFailure(outcome.failure);
        }
      },
    });
    useLabStore.getState().finishBatch();
  }, [onEditorFailure]);

  const stop = useCallback(() => poolRef.current?.stop(), []);
  return { run, stop, policies: policiesRef };
}
