import type { VmObjective, VmResult, VmScenario } from '../../engine/vm';
import type { RunFailure, RunStatus } from './lab-types';

/** A cluster chosen in the VM lab: a catalogue preset, generated with a seed, or imported from a snapshot file. */
export interface VmScenarioChoice {
  /** Stable key ("catalogue:teach-fragments", "gen-280-u0.9-s1", "file:snapshot.json"). */
  readonly key: string;
  readonly label: string;
  readonly origin: 'catalogue' | 'generated' | 'imported';
  /** What the preset is for (catalogue entries). */
  readonly description?: string;
  readonly scenario: VmScenario;
}

/** The engine options a run was made with, beyond policy, MNL and seed. */
export interface VmRunSettings {
  /** State drift on; decisionSeconds null means the measured decision time. */
  readonly drift: boolean;
  readonly decisionSeconds: number | null;
  readonly objective: VmObjective;
  /** True when the lab added a seeded churn stream because the cluster had no events (as the CLI does). */
  readonly churn: boolean;
}

/** One row of the VM lab's results: a policy on a cluster. */
export interface VmLabRun {
  readonly id: string;
  /** The cluster it ran on (kept by reference, so the map can replay it even after another cluster is chosen). */
  readonly scenario: VmScenarioChoice;
  /** The scenario the engine got: the chosen one, or it with a churn stream added for drift. */
  readonly ranOn: VmScenario;
  readonly policyLabel: string;
  readonly status: RunStatus;
  readonly seed: number;
  /** The MNL it ran with; null for none. */
  readonly mnl: number | null;
  readonly settings: VmRunSettings;
  readonly params: Readonly<Record<string, number>>;
  readonly result?: VmResult;
  readonly failure?: RunFailure;
  readonly elapsedMs?: number;
}

/** One finished run of the MNL sweep. */
export interface VmSweepPoint {
  readonly policyId: string;
  readonly policyLabel: string;
  readonly mnl: number;
  readonly migrations: number;
  readonly frAfter: number;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly etaMs: number;
}
