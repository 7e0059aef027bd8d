/**
 * What a sweep spec may say per engine: the run options (one combination, after a list in the spec was expanded)
 * and the scenario sources (catalogue ids, generators). Checked when a spec is expanded, so a typo fails the whole
 * sweep before a single run starts, naming the field. Building scenarios and running them is workers/node's job.
 */
import { z } from 'zod';
import { CATALOGUE } from '../engine/jobshop/catalogue';
import { SCHEMES } from '../engine/jobshop/run-types';
import { BUILTIN_POLICIES as JOBSHOP_POLICIES } from '../engine/jobshop/policies';
import { VM_CATALOGUE } from '../engine/vm/catalogue';
import { BUILTIN_POLICIES as VM_POLICIES } from '../engine/vm/policies';
import { PRESETS } from '../engine/llm/workloads/presets';
import { BUILTIN_POLICIES as LLM_POLICIES } from '../engine/llm/policies';
import { resolveParams, type ParameterSpec } from '../engine/core/params';
import type { SweepEngineId } from './sweep-spec';

const positive = z.number().positive();

/** Job shop: the scheme and engine options of `schedlab run jobshop`, and its scenario variations. */
const JobshopOptions = z
  .object({
    scheme: z.enum(SCHEMES).optional(),
    online: z.boolean().optional(),
    breakdowns: z.object({ mtbf: positive, mttr: positive }).strict().optional(),
    /** Due dates release + round(f x total work), as --due-factor. */
    dueFactor: positive.optional(),
    /** Poisson releases with this mean gap, drawn from the run's seed, as --arrival-mean. */
    arrivalMean: z.number().min(0).optional(),
  })
  .strict();

/**
 * VM: `drift` needs a fixed decision time here. Left out, the engine charges the measured time, which differs
 * between machines and runs, and a sweep's runs must reproduce (and match between a local and a queued sweep).
 */
const VmOptions = z
  .object({
    mnl: z.int().min(0).optional(),
    drift: z.object({ decisionSeconds: z.number().min(0) }).strict().optional(),
    mode: z.enum(['rescheduling', 'placement']).optional(),
    objective: z.enum(['fragment', 'consolidation', 'balance']).optional(),
    fragmentSize: z.int().min(1).optional(),
  })
  .strict();

/** LLM: the workload's rate and length (presets draw their requests from the run's seed) and the cluster. */
const LlmOptions = z
  .object({
    rate: positive.optional(),
    duration: positive.optional(),
    cluster: z.record(z.string(), z.unknown()).optional(),
    oracle: z.boolean().optional(),
  })
  .strict();

export const SWEEP_OPTION_SCHEMAS = { jobshop: JobshopOptions, vm: VmOptions, llm: LlmOptions } as const;

export type JobshopSweepOptions = z.output<typeof JobshopOptions>;
export type VmSweepOptions = z.output<typeof VmOptions>;
export type LlmSweepOptions = z.output<typeof LlmOptions>;

/** Generators a scenario entry may name, with the settings each requires. */
export const SWEEP_GENERATORS: Record<SweepEngineId, Record<string, readonly string[]>> = {
  jobshop: { random: ['jobs', 'machines', 'seed'], taillard: ['jobs', 'machines', 'timeSeed', 'machineSeed'] },
  vm: { 'vmr2l-like': ['seed'], random: ['seed', 'pms'] },
  llm: {},
};

/** Catalogue ids (job shop, VM) or workload presets (LLM). */
export function scenarioIds(engine: SweepEngineId): readonly string[] {
  if (engine === 'jobshop') return CATALOGUE.map((e) => e.id);
  if (engine === 'vm') return VM_CATALOGUE.map((e) => e.id);
  return PRESETS.map((p) => p.id);
}

interface BuiltinInfo {
  readonly id: string;
  readonly label: string;
  readonly params?: readonly ParameterSpec[];
}

export function builtinPolicies(engine: SweepEngineId): readonly BuiltinInfo[] {
  if (engine === 'jobshop') return JOBSHOP_POLICIES;
  if (engine === 'vm') return VM_POLICIES;
  return LLM_POLICIES;
}

export function findBuiltin(engine: SweepEngineId, id: string): BuiltinInfo | undefined {
  const wanted = id.toLowerCase().replace('/', '-');
  return builtinPolicies(engine).find((p) => p.id === wanted);
}

/**
 * The parameter values a sweep run of a built-in uses: its declared defaults filled in (a policy with a dispatcher
 * declares both one's parameters, as llmEngine.combinePolicies does). A policy source's declarations are read only
 * where it runs, so for it (and for values its policy would refuse: that run fails and says why) the given values.
 * The server stores this for a browser-posted run; the CLI's executor stores the same (resolveParams).
 */
export function sweepRunParams(engine: SweepEngineId, policy: { readonly builtin?: string; readonly dispatch?: string }, given: Readonly<Record<string, number>>): Record<string, number> {
  if (policy.builtin === undefined) return { ...given };
  const declared = [policy.builtin, policy.dispatch].flatMap((id) => (id === undefined ? [] : (findBuiltin(engine, id)?.params ?? [])));
  try {
    return { ...resolveParams(declared, given, `policy "${policy.builtin}"`) };
  } catch {
    return { ...given };
  }
}
