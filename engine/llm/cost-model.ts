/**
 * Iteration cost: how long one forward pass of a batch takes on one replica. The engine sums a batch into
 * `BatchShape` as the policy adds to it (O(1) per request, no per-token work), and a cost model turns the shape into
 * seconds. Formulas: docs/reference/llm-serving.md §2.3.
 */
import { linearParams, kvBytesPerToken, type GpuSpec, type ModelSpec } from './hardware';
import type { CostModelSpec, FittedCoefficients } from './model';

/** What one iteration's cost depends on; every sum is over the requests in the batch. */
export interface BatchShape {
  /** Tokens processed: Σ q_i (a prefill chunk's size, 1 per decode). */
  tokens: number;
  /** Σ q_i·(c_i + q_i/2), c_i = tokens already cached: the causal-attention work in token pairs. */
  attentionPairs: number;
  /** Σ c_i: KV-cache tokens read. */
  cachedRead: number;
  /** Requests that emit a token at the end of this iteration (decodes, and prefills that complete). */
  emitting: number;
  /** Prefill chunks in the batch, Σ of their sizes and Σ of their squares (for the fitted form). */
  prefills: number;
  prefillTokens: number;
  prefillSquares: number;
  /** Decodes in the batch and Σ of their contexts (for the fitted form). */
  decodes: number;
  decodeContext: number;
}

export function emptyShape(): BatchShape {
  return { tokens: 0, attentionPairs: 0, cachedRead: 0, emitting: 0, prefills: 0, prefillTokens: 0, prefillSquares: 0, decodes: 0, decodeContext: 0 };
}

export function resetShape(s: BatchShape): void {
  s.tokens = s.attentionPairs = s.cachedRead = s.emitting = 0;
  s.prefills = s.prefillTokens = s.prefillSquares = s.decodes = s.decodeContext = 0;
}

export interface CostModel {
  readonly kind: CostModelSpec['kind'];
  /** Seconds one iteration of this shape takes; 0 for an empty batch. */
  iterationSeconds(shape: BatchShape): number;
}

/** Roofline defaults, calibrated on Vidur's A100/H100 profiles of Llama-2-7B (reference §1.3, §2.3). */
export const ROOFLINE_DEFAULTS = {
  computeEfficiency: 0.65,
  memoryEfficiency: 0.7,
  fixedOverheadMs: 0.5,
  allReduceLatencyMs: 0.02,
} as const;

export function rooflineModel(gpu: GpuSpec, model: ModelSpec, tp: number, spec: Extract<CostModelSpec, { kind: 'roofline' }> = { kind: 'roofline' }): CostModel {
  const computeRate = (spec.computeEfficiency ?? ROOFLINE_DEFAULTS.computeEfficiency) * gpu.peakFlops;
  const memoryRate = (spec.memoryEfficiency ?? ROOFLINE_DEFAULTS.memoryEfficiency) * gpu.memoryBandwidth;
  const fixed = (spec.fixedOverheadMs ?? ROOFLINE_DEFAULTS.fixedOverheadMs) / 1000;
  const allReduceLatency = (spec.allReduceLatencyMs ?? ROOFLINE_DEFAULTS.allReduceLatencyMs) / 1000;
  const pLin = linearParams(model);
  const lmHead = model.hiddenSize * model.vocabSize;
  const attentionWidth = model.queryHeads * model.headDim;
  // Per GPU of the tensor-parallel group: weights and KV heads are split, so are FLOPs and bytes.
  const weightBytes = ((pLin + lmHead) * model.bytesPerElement) / tp;
  const kvBytes = kvBytesPerToken(model, tp);
  const allReduces = tp > 1 ? 2 * model.layers : 0;
  const ringFactor = (2 * (tp - 1)) / tp;
  return {
    kind: 'roofline',
    iterationSeconds(s) {
      if (s.tokens === 0) return 0;
      const flops = (2 * pLin * s.tokens + 4 * model.layers * attentionWidth * s.attentionPairs + 2 * lmHead * s.emitting) / tp;
      const bytes = weightBytes + kvBytes * (s.cachedRead + s.tokens);
      let time = Math.max(flops / computeRate, bytes / memoryRate) + fixed;
      if (allReduces > 0) {
        const payload = s.tokens * model.hiddenSize * model.bytesPerElement;
        time += allReduces * (allReduceLatency + (ringFactor * payload) / gpu.linkBandwidth);
      }
      return time;
    },
  };
}

/** DistServe's fitted form; a mixed batch pays the larger constant once, then both variable parts. */
export function fittedModel(prefill: FittedCoefficients, decode: FittedCoefficients): CostModel {
  return {
    kind: 'fitted',
    iterationSeconds(s) {
      if (s.tokens === 0) return 0;
      let ms = 0;
      if (s.prefills > 0 && s.decodes > 0) ms = Math.max(prefill.a, decode.a);
      else ms = s.prefills > 0 ? prefill.a : decode.a;
      if (s.prefills > 0) ms += prefill.b * s.prefillTokens + prefill.c * s.prefillSquares;
      if (s.decodes > 0) ms += decode.b * s.decodeContext + decode.c * s.decodes;
      return ms / 1000;
    },
  };
}

export function constantModel(iterationMs: number): CostModel {
  const seconds = iterationMs / 1000;
  return { kind: 'constant', iterationSeconds: (s) => (s.tokens === 0 ? 0 : seconds) };
}

/** Roofline time in ms of a batch of one prefill of `tokens` tokens, or of `batch` decodes at context `context`. */
function probe(model: CostModel, prefillTokens: number, batch: number, context: number): number {
  const s = emptyShape();
  if (prefillTokens > 0) {
    s.tokens = s.prefillTokens = prefillTokens;
    s.prefills = s.emitting = 1;
    s.prefillSquares = prefillTokens * prefillTokens;
    s.attentionPairs = (prefillTokens * prefillTokens) / 2;
  } else {
    s.tokens = s.decodes = s.emitting = batch;
    s.cachedRead = s.decodeContext = batch * context;
    s.attentionPairs = batch * (context + 0.5);
  }
  return model.iterationSeconds(s) * 1000;
}

/**
 * Fitted coefficients that reproduce a roofline model: the prefill quadratic through 1, 2,048 and 4,096 tokens;
 * the decode plane through (batch 1, context 0), (batch 2, context 0) and (batch 1, context 4,096).
 */
export function fitToRoofline(roofline: CostModel): { prefill: FittedCoefficients; decode: FittedCoefficients } {
  const [x1, x2, x3] = [1, 2048, 4096];
  const [y1, y2, y3] = [probe(roofline, x1, 0, 0), probe(roofline, x2, 0, 0), probe(roofline, x3, 0, 0)];
  // Newton's divided differences for the quadratic through three points.
  const d12 = (y2 - y1) / (x2 - x1);
  const d23 = (y3 - y2) / (x3 - x2);
  const c = (d23 - d12) / (x3 - x1);
  const b = d12 - c * (x1 + x2);
  const a = y1 - b * x1 - c * x1 * x1;
  const one = probe(roofline, 0, 1, 0);
  const perRequest = probe(roofline, 0, 2, 0) - one;
  const perContext = (probe(roofline, 0, 1, 4096) - one) / 4096;
  return { prefill: { a, b, c }, decode: { a: one - perRequest, b: perContext, c: perRequest } };
}

export function createCostModel(spec: CostModelSpec, gpu: GpuSpec, model: ModelSpec, tp: number): CostModel {
  switch (spec.kind) {
    case 'roofline':
      return rooflineModel(gpu, model, tp, spec);
    case 'constant':
      return constantModel(spec.iterationMs);
    case 'fitted': {
      const fitted = spec.prefill && spec.decode ? undefined : fitToRoofline(rooflineModel(gpu, model, tp));
      return fittedModel(spec.prefill ?? fitted!.prefill, spec.decode ?? fitted!.decode);
    }
  }
}
