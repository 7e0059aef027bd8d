/**
 * The GPUs and models a replica can be built from, with the constants the cost model and the KV-cache sizing need.
 * Figures: docs/reference/llm-serving.md §2.1 (GPU peaks, from cli99/llm-analysis) and §2.2 (HF configs, Vidur's
 * model_config.py). Every field can be overridden per scenario (`ClusterSpec.gpuOverrides` / `modelOverrides`).
 */

export interface GpuSpec {
  readonly id: string;
  readonly label: string;
  /** Dense BF16/FP16 peak, FLOP/s. */
  readonly peakFlops: number;
  /** HBM bandwidth, bytes/s. */
  readonly memoryBandwidth: number;
  /** Device memory, bytes (decimal GB, as vendors and the reference count them). */
  readonly memoryBytes: number;
  /** GPU-to-GPU bandwidth inside a node (NVLink, one direction), bytes/s: tensor-parallel all-reduce. */
  readonly linkBandwidth: number;
  /** Host link (PCIe) bandwidth, bytes/s: swapping KV blocks to and from CPU memory. */
  readonly hostBandwidth: number;
}

export interface ModelSpec {
  readonly id: string;
  readonly label: string;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly queryHeads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly ffnSize: number;
  readonly vocabSize: number;
  /** All parameters, embeddings included: what the weights occupy in memory. */
  readonly params: number;
  /** Bytes per weight and per KV element (2 for BF16/FP16). */
  readonly bytesPerElement: number;
}

export const GPUS = {
  a100: {
    id: 'a100',
    label: 'A100-SXM 80GB',
    peakFlops: 312e12,
    memoryBandwidth: 2.039e12,
    memoryBytes: 80e9,
    linkBandwidth: 300e9,
    hostBandwidth: 25e9,
  },
  h100: {
    id: 'h100',
    label: 'H100-SXM 80GB',
    peakFlops: 989e12,
    memoryBandwidth: 3.35e12,
    memoryBytes: 80e9,
    linkBandwidth: 450e9,
    hostBandwidth: 50e9,
  },
} as const satisfies Record<string, GpuSpec>;

export const MODELS = {
  'llama-2-7b': {
    id: 'llama-2-7b',
    label: 'Llama-2-7B',
    layers: 32,
    hiddenSize: 4096,
    queryHeads: 32,
    kvHeads: 32,
    headDim: 128,
    ffnSize: 11008,
    vocabSize: 32000,
    params: 6.74e9,
    bytesPerElement: 2,
  },
  'llama-3-8b': {
    id: 'llama-3-8b',
    label: 'Llama-3-8B',
    layers: 32,
    hiddenSize: 4096,
    queryHeads: 32,
    kvHeads: 8,
    headDim: 128,
    ffnSize: 14336,
    vocabSize: 128256,
    params: 8.03e9,
    bytesPerElement: 2,
  },
  'llama-2-70b': {
    id: 'llama-2-70b',
    label: 'Llama-2-70B',
    layers: 80,
    hiddenSize: 8192,
    queryHeads: 64,
    kvHeads: 8,
    headDim: 128,
    ffnSize: 28672,
    vocabSize: 32000,
    params: 68.98e9,
    bytesPerElement: 2,
  },
} as const satisfies Record<string, ModelSpec>;

export type GpuId = keyof typeof GPUS;
export type ModelId = keyof typeof MODELS;

/**
 * Parameters of the transformer's linear layers (attention projections and the gated MLP), without embeddings:
 * d·hd·(n_q + 2·n_kv) + d·hd·n_q + 3·d·FFN per layer (Vidur's param_counter.py). These are the weights every token
 * multiplies through, so they set both the FLOPs per token and the bytes streamed per iteration.
 */
export function linearParams(model: ModelSpec): number {
  const { hiddenSize: d, headDim: hd, queryHeads: q, kvHeads: kv, ffnSize: ffn, layers } = model;
  return layers * (d * hd * (q + 2 * kv) + d * hd * q + 3 * d * ffn);
}

/** KV-cache bytes one token occupies on one GPU: 2 (K and V) x layers x ceil(kv heads / TP) x head dim x bytes. */
export function kvBytesPerToken(model: ModelSpec, tensorParallel = 1): number {
  return 2 * model.layers * Math.ceil(model.kvHeads / tensorParallel) * model.headDim * model.bytesPerElement;
}

/**
 * Tokens of KV cache one replica holds: (GPU memory x utilisation - this GPU's share of the weights) / KV bytes per
 * token on this GPU. Every GPU of a tensor-parallel group holds its slice of every token, so one GPU's pool is the
 * replica's pool. Activation workspace is ignored, as in the reference's derivation (§2.2).
 */
export function kvCapacityTokens(gpu: GpuSpec, model: ModelSpec, memoryUtilisation: number, tensorParallel = 1): number {
  const weights = (model.params * model.bytesPerElement) / tensorParallel;
  const free = gpu.memoryBytes * memoryUtilisation - weights;
  return Math.max(0, Math.floor(free / kvBytesPerToken(model, tensorParallel)));
}
