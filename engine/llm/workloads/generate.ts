/**
 * Synthetic workloads: arrivals (Poisson, Gamma with a coefficient of variation, bursty Gamma whose rate and CV
 * change every window as BurstGPT observes) and token lengths (fixed, uniform, lognormal, Zipf), seeded.
 */
import { InputError } from '../../core/errors';
import { createRng, type Rng } from '../../core/rng';
import type { ClusterSpec, LlmRequest, LlmScenario, SloClass } from '../model';
import { gamma, normal, zipfSampler } from './sampling';

export type ArrivalSpec =
  | { readonly kind: 'poisson'; readonly rate: number }
  | { readonly kind: 'gamma'; readonly rate: number; readonly cv: number }
  /** Gamma arrivals whose rate (x a lognormal factor) and CV (uniform in [cvMin, cvMax]) are redrawn every window. */
  | { readonly kind: 'bursty'; readonly rate: number; readonly window: number; readonly rateSigma: number; readonly cvMin: number; readonly cvMax: number };

export type LengthSpec =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number; readonly min: number; readonly max: number }
  | { readonly kind: 'zipf'; readonly theta: number; readonly min: number; readonly max: number };

export interface WorkloadSpec {
  readonly name: string;
  readonly description?: string;
  readonly arrivals: ArrivalSpec;
  /** Seconds of arrivals (default 60). */
  readonly duration?: number;
  readonly prompt: LengthSpec;
  readonly output: LengthSpec;
  readonly sloClasses?: readonly SloClass[];
  readonly maxOutputTokens?: number;
}

export interface GenerateOptions {
  readonly seed?: number;
  /** Overrides the arrival rate (requests per second); a bursty workload scales its base rate. */
  readonly rate?: number;
  /** Overrides the duration, seconds. */
  readonly duration?: number;
  readonly cluster?: ClusterSpec;
}

function lengthSampler(spec: LengthSpec, what: string): (rng: Rng) => number {
  const bad = (detail: string): never => {
    throw new InputError(`workload: ${what} lengths: ${detail}`);
  };
  const range = (min: number, max: number) => {
    if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min >= 1 && max >= min)) bad(`need whole numbers 1 <= min <= max, got ${min} .. ${max}`);
  };
  switch (spec.kind) {
    case 'fixed':
      if (!(Number.isSafeInteger(spec.value) && spec.value >= 1)) bad(`fixed value ${spec.value} is not a whole number >= 1`);
      return () => spec.value;
    case 'uniform':
      range(spec.min, spec.max);
      return (rng) => rng.int(spec.min, spec.max);
    case 'lognormal': {
      range(spec.min, spec.max);
      if (!(spec.median > 0 && spec.sigma >= 0)) bad('lognormal needs median > 0 and sigma >= 0');
      const mu = Math.log(spec.median);
      return (rng) => Math.min(spec.max, Math.max(spec.min, Math.round(Math.exp(mu + spec.sigma * normal(rng)))));
    }
    case 'zipf':
      range(spec.min, spec.max);
      if (!(spec.theta >= 0)) bad(`zipf theta ${spec.theta} must be >= 0`);
      return zipfSampler(spec.theta, spec.min, spec.max);
    default:
      return bad(`unknown kind ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  }
}

/** Arrival times in [0, duration). */
function arrivalTimes(spec: ArrivalSpec, rate: number, duration: number, rng: Rng): number[] {
  if (!(rate > 0 && Number.isFinite(rate))) throw new InputError(`workload: arrival rate ${rate} must be > 0 requests per second`);
  const times: number[] = [];
  let t = 0;
  const gap = (cv: number, r: number) => (cv === 1 ? rng.exponential(1 / r) : gamma(rng, 1 / (cv * cv), (cv * cv) / r));
  if (spec.kind === 'bursty') {
    for (let windowStart = 0; windowStart < duration; windowStart += spec.window) {
      const windowRate = rate * Math.exp(spec.rateSigma * normal(rng) - (spec.rateSigma * spec.rateSigma) / 2);
      const cv = spec.cvMin + (spec.cvMax - spec.cvMin) * rng.next();
      t = Math.max(t, windowStart);
      for (;;) {
        t += gap(cv, windowRate);
        if (t >= Math.min(duration, windowStart + spec.window)) break;
        times.push(t);
      }
    }
    return times;
  }
  const cv = spec.kind === 'gamma' ? spec.cv : 1;
  if (!(cv > 0)) throw new InputError(`workload: coefficient of variation ${cv} must be > 0`);
  for (;;) {
    t += gap(cv, rate);
    if (t >= duration) return times;
    times.push(t);
  }
}

export function generateWorkload(spec: WorkloadSpec, options: GenerateOptions = {}): LlmScenario {
  const root = createRng(options.seed ?? 1);
  const duration = options.duration ?? spec.duration ?? 60;
  if (!(duration > 0 && Number.isFinite(duration))) throw new InputError(`workload: duration ${duration} must be > 0 seconds`);
  const rate = options.rate ?? spec.arrivals.rate;
  const times = arrivalTimes(spec.arrivals, rate, duration, root.split('arrivals'));
  const prompt = lengthSampler(spec.prompt, 'prompt');
  const output = lengthSampler(spec.output, 'output');
  const promptRng = root.split('prompt');
  const outputRng = root.split('output');
  const maxOutput = spec.maxOutputTokens ?? 2048;
  const requests: LlmRequest[] = times.map((arrival) => ({
    arrival,
    promptTokens: prompt(promptRng),
    outputTokens: Math.min(maxOutput, output(outputRng)),
  }));
  return {
    name: spec.name,
    description: spec.description,
    requests,
    maxOutputTokens: maxOutput,
    ...(spec.sloClasses ? { sloClasses: spec.sloClasses } : {}),
    ...(options.cluster ? { cluster: options.cluster } : {}),
  };
}
