import { InputError, PolicyError, resolveParams } from '../../engine/core';
import { llmEngine, withRate, type ClusterSpec, type CostModelSpec, type LlmPolicy, type LlmResult, type LlmScenario } from '../../engine/llm';
import { GPUS, MODELS } from '../../engine/llm/hardware';
import { FORMATS, type ImportReport, type TraceFormat } from '../../engine/llm/parsers';
import { PolicyRunError, runPolicyFile } from '../../workers/node/run-policy-file';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { RunFailure, UsageError, choices } from './cli-error';
import type { CommandIo } from './command';
import { renderLlmSummary } from './format/llm-summary';
import { flag, numberOption, paramOptions, parseOptions, stringOption, type OptionSpec } from './options';
import { readTextFile } from './scenario';
import { didYouMean } from './suggest';

/** `schedlab run llm` and `schedlab list llm`: the LLM-serving engine on the command line. */

const RUN_OPTIONS = {
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  format: { type: 'string' },
  'include-failed': { type: 'boolean' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  replicas: { type: 'string' },
  'prefill-replicas': { type: 'string' },
  gpu: { type: 'string' },
  model: { type: 'string' },
  tp: { type: 'string' },
  'cost-model': { type: 'string' },
  oracle: { type: 'boolean' },
  policy: { type: 'string' },
  'policy-file': { type: 'string' },
  dispatch: { type: 'string' },
  param: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  budget: { type: 'string' },
  memory: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

const ids = () => llmEngine.policies.map((p) => p.id);

export const LLM_RUN_USAGE = `Usage: schedlab run llm (--scenario <preset> | --scenario-file <trace.csv>) (--policy <id> | --policy-file <f.ts>) [options]

Simulates an LLM-serving cluster on a workload and prints latency, throughput and goodput (or, with --json, one
JSON object).

  --scenario <preset>       ${llmEngine.presets.map((p) => p.id).join(', ')} (see: schedlab list llm)
  --scenario-file <csv>     a trace: ${FORMATS.join(', ')} (detected from the header; --format to say which)
  --include-failed          keep failed trace rows (0 generated tokens) as 1-token requests (default: skip, count)
  --rate <r>                arrival rate, requests/s (a preset generates at it; a trace is rescaled to it)
  --duration <s>            seconds of arrivals of a preset
  --replicas <n>            replicas (default 1); --prefill-replicas <k> makes the first k prefill-only (disaggregated)
  --gpu <id>                ${Object.keys(GPUS).join(' | ')} (default a100)
  --model <id>              ${Object.keys(MODELS).join(' | ')} (default llama-3-8b); --tp <n> GPUs per replica
  --cost-model <m>          roofline | fitted | constant:<ms> (default roofline)
  --oracle                  let policies see the true output lengths
  --policy <id>             a built-in policy: ${ids().join(', ')}
  --dispatch <id>           a built-in dispatcher to combine with --policy (e.g. --policy sarathi --dispatch lor)
  --policy-file <file.ts>   your own policy (TypeScript, default export); runs in a worker thread
  --param <name=value>      a policy parameter; repeat for several
  --seed <n>                seeds the workload, the policy's random stream and Math.random (default 1)
  --json                    print one JSON object: engine, engineVersion, scenario, policy, seed, params, cluster,
                            metrics, result.requests [{id, arrival, promptTokens, outputTokens, firstTokenAt,
                            finishedAt, preemptions, replica}] (times in seconds)
  --budget <s> --memory <mb> time and heap limits of a --policy-file's worker (default 60 s, 1024 MB)

Exit codes: 0 done, 1 the run failed (bad file, policy error), 2 the command line is wrong.`;

function parseCostModel(text: string | undefined): CostModelSpec | undefined {
  if (text === undefined) return undefined;
  if (text === 'roofline' || text === 'fitted') return { kind: text };
  const constant = /^constant:(.+)$/.exec(text);
  if (constant) {
    const ms = Number(constant[1]);
    if (Number.isFinite(ms) && ms > 0) return { kind: 'constant', iterationMs: ms };
  }
  throw new UsageError(`--cost-model ${JSON.stringify(text)} is not roofline, fitted or constant:<ms> (e.g. constant:20)`);
}

function choose<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${option} "${value}"${didYouMean(value, allowed)} (${option}s: ${choices(allowed)})`);
}

function clusterFrom(values: Parameters<typeof stringOption>[0]): ClusterSpec {
  const whole = { min: 1, integer: true, what: 'a whole number >= 1' };
  const cluster: Record<string, unknown> = {
    replicas: numberOption(values, 'replicas', whole),
    prefillReplicas: numberOption(values, 'prefill-replicas', { min: 0, integer: true, what: 'a whole number >= 0' }),
    gpu: choose(stringOption(values, 'gpu'), Object.keys(GPUS) as (keyof typeof GPUS)[], 'gpu'),
    model: choose(stringOption(values, 'model'), Object.keys(MODELS) as (keyof typeof MODELS)[], 'model'),
    tensorParallel: numberOption(values, 'tp', whole),
    costModel: parseCostModel(stringOption(values, 'cost-model')),
  };
  return Object.fromEntries(Object.entries(cluster).filter(([, v]) => v !== undefined)) as ClusterSpec;
}

interface LoadedWorkload {
  readonly id: string;
  readonly scenario: LlmScenario;
  readonly report?: ImportReport;
}

function loadWorkload(values: Parameters<typeof stringOption>[0], seed: number, cluster: ClusterSpec): LoadedWorkload {
  const presetId = stringOption(values, 'scenario');
  const file = stringOption(values, 'scenario-file');
  const rate = numberOption(values, 'rate', { exclusiveMin: 0, what: 'a rate > 0 (requests per second)' });
  const duration = numberOption(values, 'duration', { exclusiveMin: 0, what: 'a number of seconds > 0' });
  const oracle = flag(values, 'oracle');
  if (presetId !== undefined && file !== undefined) throw new UsageError('give --scenario or --scenario-file, not both');
  if (file !== undefined) {
    if (duration !== undefined) throw new UsageError('--duration applies to --scenario presets only');
    const format = choose(stringOption(values, 'format'), FORMATS, 'format') as TraceFormat | undefined;
    const text = readTextFile(file, 'scenario file');
    try {
      const imported = llmEngine.parse(text, { source: file, format, includeFailed: flag(values, 'include-failed') });
      const { imported: report, ...plain } = imported;
      const scenario = { ...(rate === undefined ? plain : withRate(plain, rate)), cluster, ...(oracle ? { oracleLengths: true } : {}) };
      return { id: imported.name, scenario, report };
    } catch (error) {
      if (error instanceof InputError) throw new RunFailure(error.message);
      throw error;
    }
  }
  if (stringOption(values, 'format') !== undefined) throw new UsageError('--format applies to --scenario-file only');
  const presetIds = llmEngine.presets.map((p) => p.id);
  if (presetId === undefined) throw new UsageError(`give --scenario <preset> (${presetIds.join(', ')}) or --scenario-file <trace.csv>`);
  const preset = llmEngine.findPreset(presetId);
  if (!preset) throw new UsageError(`unknown scenario "${presetId}"${didYouMean(presetId, presetIds)} (presets: ${presetIds.join(', ')})`);
  const scenario = preset.create({ seed, rate, duration, cluster });
  return { id: preset.id, scenario: oracle ? { ...scenario, oracleLengths: true } : scenario };
}

function builtinPolicy(values: Parameters<typeof stringOption>[0]): LlmPolicy | undefined {
  const id = stringOption(values, 'policy');
  const dispatch = stringOption(values, 'dispatch');
  const find = (name: string, option: string): LlmPolicy => {
    const policy = llmEngine.findPolicy(name);
    if (!policy) throw new UsageError(`unknown ${option} "${name}"${didYouMean(name, ids())} (policies: ${ids().join(', ')})`);
    return policy;
  };
  if (id === undefined) return dispatch === undefined ? undefined : find(dispatch, 'dispatcher');
  const policy = find(id, 'policy');
  if (dispatch === undefined) return policy;
  try {
    return llmEngine.combinePolicies(policy, find(dispatch, 'dispatcher'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `args` are those after "run llm". */
export async function runLlm(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseOptions('run', args, RUN_OPTIONS);
  if (flag(values, 'help')) {
    io.out(LLM_RUN_USAGE);
    return 0;
  }
  const policyFile = stringOption(values, 'policy-file');
  const builtin = builtinPolicy(values);
  if (policyFile !== undefined && builtin !== undefined) throw new UsageError('give --policy (and --dispatch) or --policy-file, not both');
  if (policyFile === undefined && builtin === undefined) throw new UsageError(`give --policy <id> (one of: ${ids().join(', ')}) or --policy-file <file.ts>`);
  const seed = numberOption(values, 'seed', { integer: true, what: 'a whole number' }) ?? 1;
  const budgetSeconds = numberOption(values, 'budget', { exclusiveMin: 0, what: 'a number of seconds > 0' }) ?? 60;
  const memoryMb = numberOption(values, 'memory', { min: 16, integer: true, what: 'a whole number of MB >= 16' }) ?? 1024;
  const workload = loadWorkload(values, seed, clusterFrom(values));
  const given = paramOptions(values);
  // The JSON answer does not carry the timeline; skip building it.
  const options = { seed, timeline: false };

  let result: LlmResult;
  let policy: { id: string; label: string };
  let params: Record<string, number>;
  if (policyFile !== undefined) {
    const source = readTextFile(policyFile, 'policy file');
    try {
      const outcome = await runPolicyFile({ engine: 'llm', source, fileName: policyFile, scenario: workload.scenario, options: { ...options, params: given }, budgetSeconds, memoryMb });
      ({ result, policy, params } = outcome);
    } catch (error) {
      if (!(error instanceof PolicyRunError)) throw error;
      if (error.kind === 'params') throw new UsageError(`bad --param: ${error.message}`);
      throw new RunFailure(error.message);
    }
  } else {
    policy = builtin!;
    try {
      params = resolveParams(builtin!.params, given, `policy "${builtin!.id}"`);
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(`bad --param: ${error.message}`);
      throw error;
    }
    try {
      result = withSeededMathRandom(seed, () => llmEngine.simulate(workload.scenario, builtin!, { ...options, params }));
    } catch (error) {
      if (error instanceof InputError || error instanceof PolicyError) throw new RunFailure(error.message);
      throw error;
    }
  }
  const cluster = llmEngine.describeCluster(workload.scenario.cluster);
  if (flag(values, 'json')) {
    io.out(
      JSON.stringify({
        engine: llmEngine.id,
        engineVersion: llmEngine.version,
        scenario: workload.id,
        ...(stringOption(values, 'scenario-file') !== undefined ? { scenarioFile: stringOption(values, 'scenario-file') } : {}),
        ...(workload.report ? { import: workload.report } : {}),
        policy: policy.id,
        ...(policyFile !== undefined ? { policyFile } : {}),
        seed,
        params,
        cluster,
        metrics: result.metrics,
        result: { requests: result.requests, counters: result.counters },
      }),
    );
    return 0;
  }
  io.out(renderLlmSummary({ scenario: workload.id, requests: workload.scenario.requests.length, report: workload.report, policy, seed, params, cluster, result }));
  return 0;
}

/** `schedlab list llm [--json]`: presets, built-in policies, trace formats, GPUs and models. */
export function listLlm(json: boolean, io: CommandIo): number {
  const policies = llmEngine.policies.map((p) => ({ id: p.id, label: p.label, role: llmEngine.policyRole(p), description: p.description, paper: p.paper, params: p.params ?? [] }));
  const scenarios = llmEngine.presets.map(({ id, label, description }) => ({ id, label, description }));
  if (json) {
    io.out(JSON.stringify({ engine: llmEngine.id, engineVersion: llmEngine.version, scenarios, policies, formats: llmEngine.formats, gpus: Object.keys(GPUS), models: Object.keys(MODELS) }));
    return 0;
  }
  const width = Math.max(...policies.map((p) => p.id.length), ...scenarios.map((s) => s.id.length));
  io.out(
    [
      `Scenarios (${scenarios.length})  use with --scenario <id>`,
      ...scenarios.map((s) => `  ${s.id.padEnd(width)}  ${s.description}`),
      '',
      `Policies (${policies.length})  use with --policy <id> (replica schedulers) and --dispatch <id> (dispatchers)`,
      ...policies.map((p) => `  ${p.id.padEnd(width)}  ${p.role.padEnd(8)}  ${p.description}`),
      '',
      `Trace formats: ${llmEngine.formats.join(', ')} (use with --scenario-file). GPUs: ${Object.keys(GPUS).join(', ')}. Models: ${Object.keys(MODELS).join(', ')}.`,
    ].join('\n'),
  );
  return 0;
}
