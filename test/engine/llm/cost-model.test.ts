import { describe, expect, it } from 'vitest';
import { resolveCluster } from '../../../engine/llm/cluster-config';
import { emptyShape, fitToRoofline, fittedModel, rooflineModel, type BatchShape } from '../../../engine/llm/cost-model';
import { GPUS, MODELS, kvBytesPerToken, linearParams } from '../../../engine/llm/hardware';

/** Milliseconds of one batch on a roofline model. */
function ms(model: ReturnType<typeof rooflineModel>, fill: (s: BatchShape) => void): number {
  const s = emptyShape();
  fill(s);
  return model.iterationSeconds(s) * 1000;
}
const decode1 = (s: BatchShape) => Object.assign(s, { tokens: 1, decodes: 1, emitting: 1, attentionPairs: 0.5 });
const prefill = (n: number) => (s: BatchShape) => Object.assign(s, { tokens: n, prefills: 1, prefillTokens: n, prefillSquares: n * n, emitting: 1, attentionPairs: (n * n) / 2 });

describe('roofline calibration against the reference figures (llm-serving.md §1.3, §6)', () => {
  const a100 = rooflineModel(GPUS.a100, MODELS['llama-2-7b'], 1);
  const h100 = rooflineModel(GPUS.h100, MODELS['llama-2-7b'], 1);

  it('a Llama-2-7B decode step on A100 costs 9-11 ms and a 4,096-token prefill 260-300 ms', () => {
    expect(ms(a100, decode1)).toBeGreaterThanOrEqual(9);
    expect(ms(a100, decode1)).toBeLessThanOrEqual(11);
    expect(ms(a100, prefill(4096))).toBeGreaterThanOrEqual(260);
    expect(ms(a100, prefill(4096))).toBeLessThanOrEqual(300);
  });

  it('H100 keeps the proportion of Vidur profiles: decode 5.6/9.3, 4,096-token prefill 83.2/259.9 of A100 (within 15%)', () => {
    expect(ms(h100, decode1) / ms(a100, decode1)).toBeCloseTo(5.6 / 9.3, 1);
    const ratio = ms(h100, prefill(4096)) / ms(a100, prefill(4096));
    expect(Math.abs(ratio / (83.2 / 259.9) - 1)).toBeLessThan(0.15);
  });

  it('decode is memory-bound and flat in batch size at small batches; prefill grows with tokens past the knee', () => {
    const batch = (b: number) => (s: BatchShape) => Object.assign(s, { tokens: b, decodes: b, emitting: b, attentionPairs: b / 2 });
    expect(ms(a100, batch(16)) / ms(a100, decode1)).toBeLessThan(1.05);
    expect(ms(a100, prefill(2048)) / ms(a100, prefill(1024))).toBeGreaterThan(1.9);
    // KV reads cost memory time: 64 requests at 1,024 context read 8 GB more than at context 0.
    const ctx = (s: BatchShape) => Object.assign(s, { tokens: 64, decodes: 64, emitting: 64, cachedRead: 64 * 1024, decodeContext: 64 * 1024, attentionPairs: 64 * 1024.5 });
    expect(ms(a100, ctx)).toBeGreaterThan(ms(a100, batch(64)) + 3);
  });

  it('Llama-2-70B with tensor parallelism 4 on A100 decodes in about the profiled 24.9 ms per GPU, plus all-reduces', () => {
    const tp4 = rooflineModel(GPUS.a100, MODELS['llama-2-70b'], 4);
    expect(ms(tp4, decode1)).toBeGreaterThan(24);
    expect(ms(tp4, decode1)).toBeLessThan(30);
  });

  it('every constant can be changed: efficiencies and the fixed overhead move the times', () => {
    const slow = rooflineModel(GPUS.a100, MODELS['llama-2-7b'], 1, { kind: 'roofline', memoryEfficiency: 0.35, fixedOverheadMs: 4 });
    expect(ms(slow, decode1)).toBeCloseTo(2 * (ms(a100, decode1) - 0.5) + 4, 6);
  });
});

describe('model shapes and KV capacity (llm-serving.md §2.2)', () => {
  it('KV bytes per token: 512 KiB, 128 KiB, 320 KiB; Llama-2-7B has 6.48e9 linear parameters', () => {
    expect(kvBytesPerToken(MODELS['llama-2-7b'])).toBe(524_288);
    expect(kvBytesPerToken(MODELS['llama-3-8b'])).toBe(131_072);
    expect(kvBytesPerToken(MODELS['llama-2-70b'])).toBe(327_680);
    expect(kvBytesPerToken(MODELS['llama-2-70b'], 4)).toBe(81_920);
    expect(linearParams(MODELS['llama-2-7b']) / 1e9).toBeCloseTo(6.48, 2);
  });

  it('capacity at 0.9 utilisation: ~110k tokens (~6.9k blocks) 7B/A100, ~420k 8B/A100, ~470k 70B TP4 (within 5%)', () => {
    const tokens = (c: ReturnType<typeof resolveCluster>) => c.kvBlocks * c.blockSize;
    const l7 = resolveCluster({ gpu: 'a100', model: 'llama-2-7b' });
    expect(l7.kvBlocks).toBeGreaterThan(6800);
    expect(l7.kvBlocks).toBeLessThan(7000);
    expect(Math.abs(tokens(l7) / 110_000 - 1)).toBeLessThan(0.05);
    expect(Math.abs(tokens(resolveCluster({ gpu: 'a100', model: 'llama-3-8b' })) / 420_000 - 1)).toBeLessThan(0.05);
    const l70 = resolveCluster({ gpu: 'a100', model: 'llama-2-70b' });
    expect(l70.tensorParallel).toBe(4);
    expect(Math.abs(tokens(l70) / 470_000 - 1)).toBeLessThan(0.05);
    expect(resolveCluster({ model: 'llama-2-7b', memoryUtilisation: 0.5 }).kvBlocks).toBeLessThan(l7.kvBlocks / 2);
  });

  it('rejects a model that does not fit, and bad constants, naming them', () => {
    expect(() => resolveCluster({ model: 'llama-2-70b', tensorParallel: 1 })).toThrow(/does not fit/);
    expect(() => resolveCluster({ memoryUtilisation: 1.5 })).toThrow(/memoryUtilisation is 1.5/);
    expect(() => resolveCluster({ costModel: { kind: 'constant', iterationMs: -1 } })).toThrow(/constant iteration time/);
  });
});

describe('fitted and constant cost models', () => {
  it("DistServe's OPT-13B fit gives a 512-token prefill of about 72 ms and a mixed batch pays the constant once", () => {
    const m = fittedModel({ a: 18.1, b: 0.1019, c: 7.12e-6 }, { a: 19.93, b: 6.27e-4, c: 0.0385 });
    const s = emptyShape();
    prefill(512)(s);
    expect(m.iterationSeconds(s) * 1000).toBeCloseTo(72.1, 0);
    s.decodes = 10;
    s.decodeContext = 5120;
    s.tokens += 10;
    expect(m.iterationSeconds(s) * 1000).toBeCloseTo(19.93 + 0.1019 * 512 + 7.12e-6 * 512 * 512 + 6.27e-4 * 5120 + 0.0385 * 10, 6);
  });

  it('the default fitted coefficients reproduce the roofline model at the fit points', () => {
    const roofline = rooflineModel(GPUS.a100, MODELS['llama-3-8b'], 1);
    const { prefill: p, decode: d } = fitToRoofline(roofline);
    const fitted = fittedModel(p, d);
    for (const n of [1, 2048, 4096]) {
      const s = emptyShape();
      prefill(n)(s);
      expect(fitted.iterationSeconds(s)).toBeCloseTo(roofline.iterationSeconds(s), 9);
    }
    const s = emptyShape();
    decode1(s);
    expect(fitted.iterationSeconds(s)).toBeCloseTo(roofline.iterationSeconds(s), 9);
  });

  it('constant model: every non-empty iteration costs the same; an empty one nothing', () => {
    const c = resolveCluster({ costModel: { kind: 'constant', iterationMs: 25 } }).cost;
    const s = emptyShape();
    expect(c.iterationSeconds(s)).toBe(0);
    prefill(4096)(s);
    expect(c.iterationSeconds(s)).toBe(0.025);
  });
});
