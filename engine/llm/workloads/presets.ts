/**
 * Built-in workloads with the statistics of published traces (docs/reference/llm-serving.md §4):
 * - azure-conv / azure-code: Azure LLM inference trace 2023 (Splitwise), as Vidur's processed copies: 19,366
 *   requests over 3,502 s (5.53 req/s, inter-arrival CV 1.09) and 8,819 over 3,436 s (2.57 req/s, CV 13.2).
 *   Lengths are lognormal fitted to the published median and tail, clipped to the published maximum:
 *   conv prompt median 1,020 (sigma 0.6 from p99 4,142: mean ~1,220 vs 1,155), output median 129 (sigma 0.93 from
 *   p90 424: mean ~200 vs 211); code prompt median 1,469 (sigma 0.99 from p90 5,194), output median 13 (sigma 1.13
 *   from p90 55).
 * - burstgpt: BurstGPT's bursts: Gamma arrivals whose rate and CV are redrawn every 60 s; Zipf lengths (theta 0.6
 *   over 1..2,048 for prompts: median ~400, p95 ~1,800 vs 353 / 1,638; theta 0.55 over 1..1,024 for responses:
 *   median ~236, p95 ~917 vs 238 / 841).
 * - steady: a small teaching workload, fixed 512-token prompts and 128-token outputs, Poisson 2 req/s for 60 s.
 */
import type { ClusterSpec, LlmScenario } from '../model';
import { generateWorkload, type GenerateOptions, type WorkloadSpec } from './generate';

export interface PresetEntry {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly spec: WorkloadSpec;
  /** A fresh scenario; `rate` and `duration` override the preset's, `seed` draws it (default 1). */
  create(options?: GenerateOptions & { readonly cluster?: ClusterSpec }): LlmScenario;
}

function preset(id: string, label: string, spec: Omit<WorkloadSpec, 'name'>): PresetEntry {
  const full: WorkloadSpec = { ...spec, name: id };
  return { id, label, description: spec.description ?? label, spec: full, create: (options) => generateWorkload(full, options) };
}

export const PRESETS: readonly PresetEntry[] = [
  preset('azure-conv', 'Azure conversation 2023 (1 h, 5.5 req/s)', {
    description: 'Azure LLM inference trace 2023, conversation: ~19,400 requests in 3,502 s, Poisson, prompt median 1,020, output median 129',
    arrivals: { kind: 'gamma', rate: 5.53, cv: 1.09 },
    duration: 3502,
    prompt: { kind: 'lognormal', median: 1020, sigma: 0.6, min: 1, max: 14050 },
    output: { kind: 'lognormal', median: 129, sigma: 0.93, min: 1, max: 1000 },
  }),
  preset('azure-code', 'Azure code 2023 (1 h, 2.6 req/s, bursty)', {
    description: 'Azure LLM inference trace 2023, code: ~8,800 requests in 3,436 s, Gamma CV 13.2, prompt median 1,469, output median 13',
    arrivals: { kind: 'gamma', rate: 2.57, cv: 13.2 },
    duration: 3436,
    prompt: { kind: 'lognormal', median: 1469, sigma: 0.99, min: 1, max: 7437 },
    output: { kind: 'lognormal', median: 13, sigma: 1.13, min: 1, max: 1899 },
  }),
  preset('burstgpt', 'BurstGPT bursts (1 h, 2 req/s)', {
    description: 'BurstGPT-like: Gamma arrivals, rate and CV redrawn every 60 s (CV 1-4), Zipf prompt and response lengths',
    arrivals: { kind: 'bursty', rate: 2, window: 60, rateSigma: 0.5, cvMin: 1, cvMax: 4 },
    duration: 3600,
    prompt: { kind: 'zipf', theta: 0.6, min: 1, max: 2048 },
    output: { kind: 'zipf', theta: 0.55, min: 1, max: 1024 },
  }),
  preset('steady', 'Steady teaching load (60 s, 2 req/s)', {
    description: 'Fixed 512-token prompts and 128-token outputs, Poisson 2 req/s for 60 s',
    arrivals: { kind: 'poisson', rate: 2 },
    duration: 60,
    prompt: { kind: 'fixed', value: 512 },
    output: { kind: 'fixed', value: 128 },
  }),
];

export function findPreset(id: string): PresetEntry | undefined {
  return PRESETS.find((p) => p.id === id.toLowerCase());
}
