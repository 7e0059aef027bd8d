import type { ImportReport, LlmResult, LlmScenario } from '../../engine/llm';
import type { GpuId, ModelId } from '../../engine/llm/hardware';
import type { RunFailure, RunStatus } from './lab-types';

/**
 * A workload chosen in the LLM lab: a preset (generated at run time with the run's seed and the given rate and
 * duration, exactly as `schedlab run llm --scenario <id> --seed --rate --duration`), or an imported trace (rescaled
 * to the given rate, as `--scenario-file --rate`).
 */
export type LlmWorkloadChoice =
  | { readonly origin: 'preset'; readonly key: string; readonly label: string; readonly presetId: string; readonly rate?: number; readonly duration?: number }
  | { readonly origin: 'imported'; readonly key: string; readonly label: string; readonly scenario: LlmScenario; readonly report: ImportReport; readonly rate?: number };

export type CostModelKind = 'roofline' | 'fitted' | 'constant';

/** The cluster options of the lab: the CLI's --replicas, --prefill-replicas, --gpu, --model, --cost-model. */
export interface LlmClusterSettings {
  readonly replicas: number;
  /** The first k replicas only prefill (disaggregated serving, DistServe); 0 = off. */
  readonly prefillReplicas: number;
  readonly gpu: GpuId;
  readonly model: ModelId;
  readonly costModel: CostModelKind;
  /** Iteration length of the constant cost model, ms. */
  readonly iterationMs: number;
}

/** One row of the LLM lab's results: a policy (maybe with a dispatcher) on a workload and cluster. */
export interface LlmLabRun {
  readonly id: string;
  readonly workloadLabel: string;
  readonly clusterLabel: string;
  readonly policyLabel: string;
  readonly status: RunStatus;
  readonly seed: number;
  readonly params: Readonly<Record<string, number>>;
  readonly requests: number;
  readonly result?: LlmResult;
  readonly failure?: RunFailure;
  readonly elapsedMs?: number;
}

/** One finished run of the rate sweep. */
export interface LlmSweepPoint {
  readonly policyId: string;
  readonly policyLabel: string;
  readonly rate: number;
  readonly throughput: number;
  readonly ttftP99: number;
}
