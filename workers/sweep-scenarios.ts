/**
 * Builds the scenario of a sweep run from its spec entry (catalogue id, generator, inline object) and the run's
 * seed and options, the same way `schedlab run <engine>` builds it from the command line. Pure engine code, so it
 * runs unchanged in a pool thread and in the isolated child process.
 */
import { CATALOGUE } from '../engine/jobshop/catalogue';
import { withDueDates, withReleaseDates } from '../engine/jobshop/generators/due-dates';
import { generateRandom } from '../engine/jobshop/generators/random';
import { generateTaillard } from '../engine/jobshop/generators/taillard';
import type { JobShopInstance } from '../engine/jobshop/model';
import { VM_CATALOGUE } from '../engine/vm/catalogue';
import { withChurn } from '../engine/vm/generators/churn';
import { randomCluster } from '../engine/vm/generators/random';
import { generateVmr2lLike, VMR2L_SIZES } from '../engine/vm/generators/vmr2l-like';
import type { VmScenario } from '../engine/vm/model';
import { PRESETS } from '../engine/llm/workloads/presets';
import { withRate } from '../engine/llm/workloads/rate';
import type { ClusterSpec, LlmScenario } from '../engine/llm/model';
import { InputError } from '../engine/core/errors';
import type { JobshopSweepOptions, LlmSweepOptions, VmSweepOptions } from '../db/sweep-options';
import type { SweepScenario } from '../db/sweep-expand';

/** Seconds of churn a drift run gets when its scenario has no arrivals or exits (as `schedlab run vm --drift on`). */
export const CHURN_SECONDS = 3600;

type Settings = NonNullable<SweepScenario['settings']>;
const num = (settings: Settings, name: string, fallback?: number): number => {
  const value = settings[name] ?? fallback;
  if (typeof value !== 'number') throw new InputError(`generator setting "${name}" must be a number`);
  return value;
};

// Base scenarios (before seed-dependent variations) are kept per thread: a sweep runs the same few again and again,
// and a Taillard instance or a VMR2L-like cluster takes milliseconds to generate. Engines never mutate a scenario.
const cache = new Map<string, unknown>();
const CACHE_LIMIT = 16;
function cached<T>(scenario: SweepScenario, build: () => T): T {
  const key = scenario.instance ? undefined : JSON.stringify([scenario.id, scenario.generator, scenario.settings]);
  if (key === undefined) return build();
  if (cache.has(key)) return cache.get(key) as T;
  const value = build();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

export function jobshopInstance(scenario: SweepScenario, seed: number, options: JobshopSweepOptions): JobShopInstance {
  let instance = cached(scenario, (): JobShopInstance => {
    if (scenario.instance) return scenario.instance as unknown as JobShopInstance;
    if (scenario.id !== undefined) {
      const entry = CATALOGUE.find((e) => e.id === scenario.id);
      if (!entry) throw new InputError(`unknown job-shop scenario "${scenario.id}"`);
      return entry.create();
    }
    const s = scenario.settings ?? {};
    if (scenario.generator === 'taillard') return generateTaillard(num(s, 'jobs'), num(s, 'machines'), num(s, 'timeSeed'), num(s, 'machineSeed'));
    return generateRandom({
      jobs: num(s, 'jobs'),
      machines: num(s, 'machines'),
      minDuration: num(s, 'minDuration', 1),
      maxDuration: num(s, 'maxDuration', 99),
      flexibility: num(s, 'flexibility', 0),
      seed: num(s, 'seed'),
      name: scenario.label,
    });
  });
  // Releases first: due dates count from each job's release (as schedlab run jobshop).
  if (options.arrivalMean !== undefined) instance = withReleaseDates(instance, { meanInterarrival: options.arrivalMean, seed });
  if (options.dueFactor !== undefined) instance = withDueDates(instance, { factor: options.dueFactor });
  return instance;
}

export function vmScenario(scenario: SweepScenario, seed: number, options: VmSweepOptions): VmScenario {
  const base = cached(scenario, (): VmScenario => {
    if (scenario.instance) return scenario.instance as unknown as VmScenario;
    if (scenario.id !== undefined) {
      const entry = VM_CATALOGUE.find((e) => e.id === scenario.id);
      if (!entry) throw new InputError(`unknown VM scenario "${scenario.id}"`);
      return entry.build();
    }
    const s = scenario.settings ?? {};
    if (scenario.generator === 'random') return randomCluster({ seed: num(s, 'seed'), pms: num(s, 'pms'), ...(s.utilisation === undefined ? {} : { utilisation: num(s, 'utilisation') }) });
    const size = typeof s.size === 'string' ? VMR2L_SIZES[s.size as keyof typeof VMR2L_SIZES] : undefined;
    if (typeof s.size === 'string' && !size) throw new InputError(`generator setting "size" must be s, m or l`);
    return generateVmr2lLike({ seed: num(s, 'seed'), pms: num(s, 'pms', size?.pms), vms: num(s, 'vms', size?.vms), name: scenario.label });
  });
  // Drift needs arrivals and exits; a snapshot has none, so it gets a churn stream drawn from the run's seed.
  return options.drift && (base.events?.length ?? 0) === 0 ? withChurn(base, { seed, duration: CHURN_SECONDS }) : base;
}

export function llmScenario(scenario: SweepScenario, seed: number, options: LlmSweepOptions): LlmScenario {
  const cluster = options.cluster as ClusterSpec | undefined;
  let built: LlmScenario;
  if (scenario.instance) {
    const plain = scenario.instance as unknown as LlmScenario;
    built = { ...(options.rate === undefined ? plain : withRate(plain, options.rate)), ...(cluster ? { cluster } : {}) };
  } else {
    const preset = PRESETS.find((p) => p.id === scenario.id);
    if (!preset) throw new InputError(`unknown LLM workload preset "${scenario.id}"`);
    built = preset.create({ seed, rate: options.rate, duration: options.duration, cluster });
  }
  return options.oracle ? { ...built, oracleLengths: true } : built;
}
