/**
 * A scenario's cluster with every default filled in and every constant checked: the GPU and model after overrides,
 * the KV-cache size in blocks, the cost model, the swap space and the network between replicas.
 */
import { InputError } from '../core/errors';
import { createCostModel, type CostModel } from './cost-model';
import { GPUS, MODELS, kvBytesPerToken, kvCapacityTokens, type GpuSpec, type ModelSpec } from './hardware';
import type { ClusterSpec, CostModelSpec } from './model';

export interface ResolvedCluster {
  readonly replicas: number;
  readonly gpu: GpuSpec;
  readonly model: ModelSpec;
  readonly tensorParallel: number;
  readonly memoryUtilisation: number;
  readonly blockSize: number;
  /** KV blocks per replica. */
  readonly kvBlocks: number;
  /** KV bytes of one token on one GPU of the replica. */
  readonly kvBytesPerToken: number;
  /** Blocks of swapped-out KV a replica can keep in CPU memory. */
  readonly swapBlocks: number;
  readonly costSpec: CostModelSpec;
  readonly cost: CostModel;
  /** Replicas 0 .. prefillReplicas-1 only prefill; 0 = every replica does both. */
  readonly prefillReplicas: number;
  readonly networkBandwidth: number;
  /** Seconds. */
  readonly transferLatency: number;
}

const GIB = 1024 ** 3;

function positive(value: number, what: string): number {
  if (!(Number.isFinite(value) && value > 0)) throw new InputError(`cluster: ${what} is ${value}; expected a number > 0`);
  return value;
}

function wholeAtLeast(value: number, min: number, what: string): number {
  if (!(Number.isSafeInteger(value) && value >= min)) throw new InputError(`cluster: ${what} is ${value}; expected a whole number >= ${min}`);
  return value;
}

function checkCostSpec(spec: CostModelSpec): CostModelSpec {
  const kind = (spec as { kind?: unknown }).kind;
  if (kind === 'constant') positive(spec.kind === 'constant' ? spec.iterationMs : NaN, 'constant iteration time (ms)');
  else if (kind === 'roofline') {
    const r = spec as Extract<CostModelSpec, { kind: 'roofline' }>;
    for (const key of ['computeEfficiency', 'memoryEfficiency'] as const) {
      const v = r[key];
      if (v !== undefined && !(v > 0 && v <= 1)) throw new InputError(`cluster: roofline ${key} is ${v}; expected a fraction in (0, 1]`);
    }
    for (const key of ['fixedOverheadMs', 'allReduceLatencyMs'] as const) {
      const v = r[key];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new InputError(`cluster: roofline ${key} is ${v}; expected a number >= 0`);
    }
  } else if (kind === 'fitted') {
    const f = spec as Extract<CostModelSpec, { kind: 'fitted' }>;
    for (const part of [f.prefill, f.decode]) {
      if (part && ![part.a, part.b, part.c].every((x) => Number.isFinite(x))) throw new InputError('cluster: fitted coefficients a, b, c must be finite numbers');
    }
  } else {
    throw new InputError(`cluster: unknown cost model ${JSON.stringify(kind)}; expected roofline, fitted or constant`);
  }
  return spec;
}

export function resolveCluster(spec: ClusterSpec = {}): ResolvedCluster {
  const gpuId = spec.gpu ?? 'a100';
  const modelId = spec.model ?? 'llama-3-8b';
  const baseGpu = (GPUS as Record<string, GpuSpec>)[gpuId];
  const baseModel = (MODELS as Record<string, ModelSpec>)[modelId];
  if (!baseGpu) throw new InputError(`cluster: unknown GPU "${gpuId}"; expected one of ${Object.keys(GPUS).join(', ')}`);
  if (!baseModel) throw new InputError(`cluster: unknown model "${modelId}"; expected one of ${Object.keys(MODELS).join(', ')}`);
  const gpu: GpuSpec = { ...baseGpu, ...spec.gpuOverrides };
  const model: ModelSpec = { ...baseModel, ...spec.modelOverrides };
  for (const key of ['peakFlops', 'memoryBandwidth', 'memoryBytes', 'linkBandwidth', 'hostBandwidth'] as const) positive(gpu[key], `gpu ${key}`);
  for (const key of ['layers', 'hiddenSize', 'queryHeads', 'kvHeads', 'headDim', 'ffnSize', 'vocabSize'] as const) wholeAtLeast(model[key], 1, `model ${key}`);
  positive(model.params, 'model params');
  positive(model.bytesPerElement, 'model bytesPerElement');

  const replicas = wholeAtLeast(spec.replicas ?? 1, 1, 'replicas');
  const tensorParallel = wholeAtLeast(spec.tensorParallel ?? (modelId === 'llama-2-70b' ? 4 : 1), 1, 'tensorParallel');
  const memoryUtilisation = spec.memoryUtilisation ?? 0.9;
  if (!(memoryUtilisation > 0 && memoryUtilisation <= 1)) throw new InputError(`cluster: memoryUtilisation is ${memoryUtilisation}; expected a fraction in (0, 1]`);
  const blockSize = wholeAtLeast(spec.blockSize ?? 16, 1, 'blockSize');
  const kvBytes = kvBytesPerToken(model, tensorParallel);
  const derivedBlocks = Math.floor(kvCapacityTokens(gpu, model, memoryUtilisation, tensorParallel) / blockSize);
  const kvBlocks = spec.kvBlocks === undefined ? derivedBlocks : wholeAtLeast(spec.kvBlocks, 1, 'kvBlocks');
  if (kvBlocks < 1) {
    throw new InputError(`cluster: ${model.label} does not fit on ${gpu.label} x ${tensorParallel} at memory utilisation ${memoryUtilisation}: no room for KV cache`);
  }
  const swapBytes = spec.swapSpaceBytes ?? 4 * GIB;
  if (!(Number.isFinite(swapBytes) && swapBytes >= 0)) throw new InputError(`cluster: swapSpaceBytes is ${swapBytes}; expected a number >= 0`);
  const prefillReplicas = wholeAtLeast(spec.prefillReplicas ?? 0, 0, 'prefillReplicas');
  if (prefillReplicas > 0 && prefillReplicas >= replicas) {
    throw new InputError(`cluster: prefillReplicas is ${prefillReplicas} of ${replicas} replicas; disaggregation needs at least one decode replica`);
  }
  const costSpec = checkCostSpec(spec.costModel ?? { kind: 'roofline' });
  const transferLatencyMs = spec.transferLatencyMs ?? 5;
  if (!(Number.isFinite(transferLatencyMs) && transferLatencyMs >= 0)) throw new InputError(`cluster: transferLatencyMs is ${transferLatencyMs}; expected a number >= 0`);
  return {
    replicas,
    gpu,
    model,
    tensorParallel,
    memoryUtilisation,
    blockSize,
    kvBlocks,
    kvBytesPerToken: kvBytes,
    swapBlocks: Math.floor(swapBytes / (kvBytes * blockSize)),
    costSpec,
    cost: createCostModel(costSpec, gpu, model, tensorParallel),
    prefillReplicas,
    networkBandwidth: positive(spec.networkBandwidth ?? 25e9, 'networkBandwidth'),
    transferLatency: transferLatencyMs / 1000,
  };
}

/** A plain-data description of a resolved cluster, for run records and the command line. */
export function describeCluster(spec: ClusterSpec = {}) {
  const c = resolveCluster(spec);
  return {
    replicas: c.replicas,
    prefillReplicas: c.prefillReplicas,
    gpu: c.gpu.id,
    model: c.model.id,
    tensorParallel: c.tensorParallel,
    blockSize: c.blockSize,
    kvBlocks: c.kvBlocks,
    kvTokens: c.kvBlocks * c.blockSize,
    costModel: c.costSpec,
  };
}
