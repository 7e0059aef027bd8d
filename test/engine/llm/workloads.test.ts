import { describe, expect, it } from 'vitest';
import { percentile } from '../../../engine/core/stats';
import { generateWorkload } from '../../../engine/llm/workloads/generate';
import { PRESETS, findPreset } from '../../../engine/llm/workloads/presets';
import { arrivalRate } from '../../../engine/llm/workloads/rate';

function gapsCv(arrivals: readonly number[]): number {
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const variance = gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length;
  return Math.sqrt(variance) / mean;
}

describe('workloads', () => {
  it('azure-conv has the published shape: ~19,366 requests in 3,502 s, median prompt ~1,020, median output ~129', () => {
    const s = findPreset('azure-conv')!.create({ seed: 1 });
    expect(Math.abs(s.requests.length / 19_366 - 1)).toBeLessThan(0.03);
    const prompts = s.requests.map((r) => r.promptTokens);
    const outputs = s.requests.map((r) => r.outputTokens);
    expect(Math.abs(percentile(prompts, 50) / 1020 - 1)).toBeLessThan(0.05);
    expect(Math.abs(percentile(outputs, 50) / 129 - 1)).toBeLessThan(0.06);
    expect(Math.abs(percentile(outputs, 90) / 424 - 1)).toBeLessThan(0.1);
    expect(Math.max(...outputs)).toBeLessThanOrEqual(1000);
    expect(Math.abs(gapsCv(s.requests.map((r) => r.arrival)) - 1.09)).toBeLessThan(0.05);
  });

  it('azure-code is very bursty (inter-arrival CV well above 5); burstgpt changes its rate between windows', () => {
    const code = findPreset('azure-code')!.create({ seed: 2 });
    expect(gapsCv(code.requests.map((r) => r.arrival))).toBeGreaterThan(5);
    const burst = findPreset('burstgpt')!.create({ seed: 2 });
    const perMinute = new Array(60).fill(0);
    for (const r of burst.requests) perMinute[Math.floor(r.arrival / 60)]++;
    expect(Math.max(...perMinute)).toBeGreaterThan(2 * Math.min(...perMinute));
    expect(percentile(burst.requests.map((r) => r.outputTokens), 50)).toBeGreaterThan(150);
  });

  it('Poisson and Gamma arrivals at a rate and CV; rate overrides scale the load; same seed same workload', () => {
    const spec = { name: 'g', arrivals: { kind: 'gamma', rate: 10, cv: 3 }, duration: 2000, prompt: { kind: 'fixed', value: 10 }, output: { kind: 'uniform', min: 1, max: 9 } } as const;
    const g = generateWorkload(spec, { seed: 4 });
    expect(Math.abs(arrivalRate(g) / 10 - 1)).toBeLessThan(0.08);
    expect(Math.abs(gapsCv(g.requests.map((r) => r.arrival)) / 3 - 1)).toBeLessThan(0.15);
    const p = generateWorkload({ ...spec, arrivals: { kind: 'poisson', rate: 10 } }, { seed: 4, rate: 20 });
    expect(Math.abs(arrivalRate(p) / 20 - 1)).toBeLessThan(0.05);
    expect(Math.abs(gapsCv(p.requests.map((r) => r.arrival)) - 1)).toBeLessThan(0.05);
    expect(generateWorkload(spec, { seed: 4 })).toEqual(g);
    expect(generateWorkload(spec, { seed: 5 })).not.toEqual(g);
  });

  it('Zipf lengths stay in range and favour small values', () => {
    const z = generateWorkload({ name: 'z', arrivals: { kind: 'poisson', rate: 50 }, duration: 100, prompt: { kind: 'zipf', theta: 1.1, min: 1, max: 1023 }, output: { kind: 'fixed', value: 1 } }, { seed: 1 });
    const prompts = z.requests.map((r) => r.promptTokens);
    expect(Math.min(...prompts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...prompts)).toBeLessThanOrEqual(1023);
    expect(percentile(prompts, 50)).toBeLessThan(30);
  });

  it('every preset generates a valid scenario', () => {
    for (const preset of PRESETS) {
      const s = preset.create({ seed: 1, duration: 60 });
      expect(s.requests.length).toBeGreaterThan(0);
      expect(s.requests.every((r, i) => i === 0 || r.arrival >= s.requests[i - 1].arrival)).toBe(true);
    }
  });
});
