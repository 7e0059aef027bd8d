/**
 * The LLM-serving scenario as plain data (what generators and importers return, what is stored and sent to
 * workers). Times are seconds; cost-model constants are milliseconds, as the papers quote them.
 */
import type { GpuId, GpuSpec, ModelId, ModelSpec } from './hardware';

/** A latency target: a request meets it when its TTFT and its TPOT are both within the limits (DistServe). */
export interface SloClass {
  readonly name: string;
  /** Time-to-first-token limit, seconds. */
  readonly ttft: number;
  /** Time-per-output-token limit, seconds. */
  readonly tpot: number;
}

export interface LlmRequest {
  /** Arrival time, seconds from the start. Requests are listed in arrival order. */
  readonly arrival: number;
  /** Prompt length in tokens, >= 1. */
  readonly promptTokens: number;
  /** Tokens the request will generate, >= 1 (hidden from policies unless the scenario turns on oracle lengths). */
  readonly outputTokens: number;
  /** Name of one of the scenario's SLO classes; the scenario's default SLO when absent. */
  readonly slo?: string;
  /** Larger is more important; policies may read it (0 when absent). */
  readonly priority?: number;
  /** Conversation id; requests of one session share it. */
  readonly session?: string;
}

/**
 * How long one iteration takes:
 * - roofline: max(FLOPs / (computeEfficiency x peak), bytes / (memoryEfficiency x bandwidth)) + fixed overhead,
 *   plus tensor-parallel all-reduces (reference §2.3);
 * - fitted: prefill a + b·tokens + c·tokens² and decode a + b·context + c·batch (ms; DistServe's form); when absent,
 *   the coefficients are fitted to the roofline model of the replica's GPU and model;
 * - constant: every iteration takes `iterationMs`.
 */
export type CostModelSpec =
  | {
      readonly kind: 'roofline';
      readonly computeEfficiency?: number;
      readonly memoryEfficiency?: number;
      readonly fixedOverheadMs?: number;
      readonly allReduceLatencyMs?: number;
    }
  | { readonly kind: 'fitted'; readonly prefill?: FittedCoefficients; readonly decode?: FittedCoefficients }
  | { readonly kind: 'constant'; readonly iterationMs: number };

/** a + b·x + c·y in ms: for prefill x = Σ chunk tokens and y = Σ chunk²; for decode x = Σ context and y = batch. */
export interface FittedCoefficients {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** Every replica is the same GPU (or TP group) with the same model; every constant can be changed. */
export interface ClusterSpec {
  /** Number of replicas, >= 1 (default 1). */
  readonly replicas?: number;
  readonly gpu?: GpuId;
  readonly model?: ModelId;
  /** GPUs per replica (tensor parallelism), default 1. */
  readonly tensorParallel?: number;
  /** Fraction of GPU memory for weights and KV cache (vLLM's gpu_memory_utilization, default 0.9). */
  readonly memoryUtilisation?: number;
  /** Tokens per KV block (default 16). */
  readonly blockSize?: number;
  /** Overrides KV capacity derived from memory: blocks per replica. */
  readonly kvBlocks?: number;
  /** CPU memory for swapped-out KV per replica, bytes (default 4 GiB, vLLM's swap_space). */
  readonly swapSpaceBytes?: number;
  readonly costModel?: CostModelSpec;
  readonly gpuOverrides?: Partial<Omit<GpuSpec, 'id' | 'label'>>;
  readonly modelOverrides?: Partial<Omit<ModelSpec, 'id' | 'label'>>;
  /**
   * Disaggregated mode (DistServe): the first `prefillReplicas` replicas only prefill; the others only decode, and a
   * request's KV cache moves from its prefill replica to a decode replica after its first token. 0 = off.
   */
  readonly prefillReplicas?: number;
  /** Bandwidth between replicas (KV transfer, migration), bytes/s (default 25e9, a 200 Gb/s link). */
  readonly networkBandwidth?: number;
  /** Fixed cost of one KV transfer or migration, ms (default 5). */
  readonly transferLatencyMs?: number;
}

export interface LlmScenario {
  readonly name: string;
  readonly description?: string;
  readonly cluster?: ClusterSpec;
  readonly requests: readonly LlmRequest[];
  readonly sloClasses?: readonly SloClass[];
  /** The SLO of requests without a class (default TTFT 2 s, TPOT 0.2 s: Vidur-Search's P90 TTFT / P99 TBT). */
  readonly defaultSlo?: Omit<SloClass, 'name'>;
  /** Let policies see every request's true output length. */
  readonly oracleLengths?: boolean;
  /** The most tokens any request may generate (max_new_tokens), what a conservative scheduler reserves (default 2048). */
  readonly maxOutputTokens?: number;
}

export const DEFAULT_SLO = { ttft: 2, tpot: 0.2 } as const;
export const DEFAULT_MAX_OUTPUT_TOKENS = 2048;
