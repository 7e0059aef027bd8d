import { basename } from 'node:path';
import { InputError, PolicyError, resolveParams } from '../../engine/core';
import { vmEngine } from '../../engine/vm';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { RunFailure, UsageError } from './cli-error';
import type { CommandIo } from './command';
import { flag, numberOption, paramOptions, parseOptions, stringOption, type OptionSpec } from './options';
import { readTextFile } from './scenario';
import { didYouMean } from './suggest';

/** `schedlab run vm` and `schedlab list vm`: the VM-rescheduling engine on the command line (built-in policies). */

const RUN_OPTIONS = {
  'scenario-file': { type: 'string' },
  policy: { type: 'string' },
  mnl: { type: 'string' },
  param: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

export const VM_RUN_USAGE = `Usage: schedlab run vm --scenario-file <snapshot.json> --policy <id> [--mnl N] [options]

Runs one rescheduling policy on a VMR2L snapshot and prints the fragment rate before and after (or, with --json,
one JSON object).

  --scenario-file <file>  a VMR2L snapshot JSON (free resources are recomputed from the VMs)
  --policy <id>           a built-in policy: ${vmEngine.policies.map((p) => p.id).join(', ')}
  --mnl <n>               migration number limit (default: the file's maximum_migration, else none)
  --param <name=value>    a policy parameter; repeat for several
  --seed <n>              seeds the policy's random stream and Math.random (default 1)
  --json                  print one JSON object: engine, engineVersion, scenario, policy, seed, mnl, params,
                          metrics (frBefore, frAfter, migrations, ...), result.migrations
                          [{vm, from: {pm, numa}, to: {pm, numa}}] with the snapshot's ids, result.frCurve

Exit codes: 0 done, 1 the run failed (bad file, policy error), 2 the command line is wrong.`;

/** `args` are those after "run vm". */
export async function runVm(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseOptions('run', args, RUN_OPTIONS);
  if (flag(values, 'help')) {
    io.out(VM_RUN_USAGE);
    return 0;
  }
  const ids = vmEngine.policies.map((p) => p.id);
  const policyId = stringOption(values, 'policy');
  if (policyId === undefined) throw new UsageError(`give --policy <id> (one of: ${ids.join(', ')})`);
  const policy = vmEngine.findPolicy(policyId);
  if (!policy) throw new UsageError(`unknown policy "${policyId}"${didYouMean(policyId, ids)} (policies: ${ids.join(', ')})`);
  const file = stringOption(values, 'scenario-file');
  if (file === undefined) throw new UsageError('give --scenario-file <snapshot.json> (a VMR2L snapshot)');
  const mnl = numberOption(values, 'mnl', { min: 0, integer: true, what: 'a whole number >= 0' });
  const seed = numberOption(values, 'seed', { integer: true, what: 'a whole number' }) ?? 1;
  let params;
  try {
    params = resolveParams(policy.params, paramOptions(values), `policy "${policy.id}"`);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`bad --param: ${error.message}`);
    throw error;
  }
  const text = readTextFile(file, 'scenario file');
  let result;
  let scenario;
  try {
    scenario = vmEngine.parse(text, { source: file, name: basename(file).replace(/\.json$/i, '') });
    const options = { seed, params, ...(mnl === undefined ? {} : { migrationLimit: mnl }) };
    result = withSeededMathRandom(seed, () => vmEngine.simulate(scenario!, policy, options));
  } catch (error) {
    if (error instanceof InputError || error instanceof PolicyError) throw new RunFailure(error.message);
    throw error;
  }
  const limit = mnl ?? scenario.migrationLimit ?? null;
  if (flag(values, 'json')) {
    io.out(
      JSON.stringify({
        engine: vmEngine.id,
        engineVersion: vmEngine.version,
        scenario: scenario.name,
        scenarioFile: file,
        policy: policy.id,
        seed,
        mnl: limit,
        params,
        metrics: result.metrics,
        result: { migrations: result.migrations, frCurve: result.frCurve, stopReason: result.stopReason },
      }),
    );
    return 0;
  }
  const m = result.metrics;
  const active = scenario.pms.filter((p) => p.status === 'active').length;
  io.out(
    [
      `scenario  ${file}: ${scenario.pms.length} PMs (${active} active), ${scenario.vms.length} VMs`,
      `policy    ${policy.id} (${policy.label}), seed ${seed}, MNL ${limit ?? 'none'}`,
      `FR        ${m.frBefore.toFixed(4)} -> ${m.frAfter.toFixed(4)}  (${m.fragmentCoresBefore} -> ${m.fragmentCoresAfter} fragment cores of ${m.freeCores} free)`,
      `migrations ${m.migrations} (${result.stopReason === 'limit' ? 'stopped at the MNL' : 'the policy stopped'})`,
      ...result.migrations.map((mig, k) => `  ${String(k + 1).padStart(3)}  ${mig.vm}  ${mig.from.pm}[${mig.from.numa.join(',')}] -> ${mig.to.pm}[${mig.to.numa.join(',')}]`),
    ].join('\n'),
  );
  return 0;
}

/** `schedlab list vm [--json]`: the built-in policies and file formats. */
export function listVm(json: boolean, io: CommandIo): number {
  const policies = vmEngine.policies.map(({ id, label, description, paper, params }) => ({ id, label, description, paper, params: params ?? [] }));
  if (json) {
    io.out(JSON.stringify({ engine: vmEngine.id, engineVersion: vmEngine.version, scenarios: [], policies, formats: vmEngine.formats }));
    return 0;
  }
  const width = Math.max(...policies.map((p) => p.id.length));
  io.out(
    [
      `Policies (${policies.length})  use with --policy <id>`,
      ...policies.map((p) => `  ${p.id.padEnd(width)}  ${p.description}`),
      '',
      `Scenario file formats: ${vmEngine.formats.join(', ')} (use with --scenario-file).`,
    ].join('\n'),
  );
  return 0;
}
