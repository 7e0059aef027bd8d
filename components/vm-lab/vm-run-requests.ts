import { vmEngine, withChurn, type VmPolicy, type VmScenario } from '../../engine/vm';
import { policyModes } from '../../engine/vm/policies';
import type { VmBrowserRunOptions, VmRunRequest } from '../../workers/browser/run-protocol';
import { editorPolicyLabel } from '../lab/use-run-batch';
import type { PolicyChoice } from '../state/lab-types';
import type { VmLabState } from '../state/vm-lab-store';
import type { VmRunSettings, VmScenarioChoice } from '../state/vm-lab-types';

/**
 * Turns the VM lab's controls into worker requests: which policies, with which parameters and run options.
 * Plain functions, so the batch of a button press is easy to test and the sweep builds its batch the same way.
 */

export const VM_EDITOR_POLICY_FILE = 'my-vm-policy.ts';

/**
 * The built-ins the lab offers: all of them. The simulation worker loads HiGHS for those that declare usesMip (the
 * exact MIP), and a cluster's mode decides which can run on it (policiesForMode).
 */
export const LAB_POLICIES: readonly VmPolicy[] = vmEngine.policies;

export type VmMode = 'rescheduling' | 'placement';

/** The built-ins that run in a mode: nextMigration for rescheduling, nextPlacement for placement. */
export function policiesForMode(mode: VmMode): readonly VmPolicy[] {
  return LAB_POLICIES.filter((p) => policyModes(p).includes(mode));
}

/** Seconds of churn drawn for a drift run on a cluster without events; the CLI's CHURN_SECONDS (vm-commands.ts). */
export const CHURN_SECONDS = 3600;

/**
 * The scenario a run gets: under drift, one without arrivals and exits gets a seeded churn stream first (seeded with
 * the run's seed, as `schedlab run vm --drift on` does), so drift has something to do.
 */
export function scenarioForRun(choice: VmScenarioChoice, drift: boolean, seed: number): { scenario: VmScenario; churn: boolean } {
  const churn = drift && (choice.scenario.events?.length ?? 0) === 0;
  return { scenario: churn ? withChurn(choice.scenario, { seed, duration: CHURN_SECONDS }) : choice.scenario, churn };
}

/** A policy that takes part in a batch: its label, the choice sent to the worker and the parameters it runs with. */
export interface VmPolicyEntry {
  readonly id: string;
  readonly label: string;
  readonly choice: PolicyChoice;
  readonly params: Readonly<Record<string, number>>;
  readonly fromEditor: boolean;
}

export function vmPolicyEntries(
  builtinIds: readonly string[],
  includeEditor: boolean,
  editorSource: string,
  params: VmLabState['params'],
  mode: VmMode = 'rescheduling',
): VmPolicyEntry[] {
  const entries: VmPolicyEntry[] = [];
  if (includeEditor) {
    entries.push({
      id: 'editor',
      label: editorPolicyLabel(editorSource),
      choice: { kind: 'source', source: editorSource, fileName: VM_EDITOR_POLICY_FILE },
      params: {},
      fromEditor: true,
    });
  }
  for (const policy of policiesForMode(mode)) {
    if (!builtinIds.includes(policy.id)) continue;
    // Every declared parameter is recorded with its value, so a run states exactly what it ran with.
    const values = Object.fromEntries((policy.params ?? []).map((p) => [p.name, params[policy.id]?.[p.name] ?? p.default]));
    entries.push({ id: policy.id, label: policy.label, choice: { kind: 'builtin', id: policy.id }, params: values, fromEditor: false });
  }
  return entries;
}

/**
 * The run options sent to the engine, as the CLI builds them. Mode is left to the engine (placement when the
 * scenario has pending VMs); drift is sent only in rescheduling, where the engine allows it; objective only when
 * it is not the default, so a plain run's options read as before.
 */
export function vmRunOptions(
  seed: number,
  params: Readonly<Record<string, number>>,
  mnl: number | null,
  settings: Pick<VmRunSettings, 'drift' | 'decisionSeconds' | 'objective'> = { drift: false, decisionSeconds: null, objective: 'fragment' },
  mode: VmMode = 'rescheduling',
): VmBrowserRunOptions {
  const drift = settings.drift && mode === 'rescheduling';
  return {
    seed,
    params,
    ...(mnl === null ? {} : { migrationLimit: mnl }),
    ...(drift ? { drift: settings.decisionSeconds === null ? {} : { decisionSeconds: settings.decisionSeconds } } : {}),
    ...(settings.objective === 'fragment' ? {} : { objective: settings.objective }),
  };
}

export function vmRunRequest(runId: string, scenario: VmScenario, entry: VmPolicyEntry, options: VmBrowserRunOptions): VmRunRequest {
  return { engine: 'vm', runId, scenario, policy: entry.choice, options };
}

/** MNL values of a sweep: 0, stride, 2 x stride, ... up to max (max itself always included). */
export function sweepLimits(max: number, stride: number): number[] {
  const top = Math.max(0, Math.floor(max));
  const step = Math.max(1, Math.floor(stride));
  const limits: number[] = [];
  for (let m = 0; m < top; m += step) limits.push(m);
  limits.push(top);
  return limits;
}
