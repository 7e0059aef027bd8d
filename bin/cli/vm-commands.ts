import { basename } from 'node:path';
import { InputError } from '../../engine/core';
import { DEFAULT_CHURN_RATE, vmEngine, withChurn, type VmScenario } from '../../engine/vm';
import { policyModes } from '../../engine/vm/policies';
import { RunFailure, UsageError } from './cli-error';
import { choosePolicy } from './policy-choice';
import { didYouMean } from './suggest';
import { executeVmRun } from './vm-execute';
import type { CommandIo } from './command';
import { choiceOption, flag, numberOption, paramOptions, parseOptions, stringOption, type OptionSpec } from './options';
import { readTextFile } from './scenario';

/** `schedlab run vm` and `schedlab list vm`: the VM-rescheduling engine on the command line (built-in policies). */

const RUN_OPTIONS = {
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  format: { type: 'string' },
  policy: { type: 'string' },
  'policy-file': { type: 'string' },
  budget: { type: 'string' },
  memory: { type: 'string' },
  mnl: { type: 'string' },
  drift: { type: 'string' },
  'decision-seconds': { type: 'string' },
  mode: { type: 'string' },
  objective: { type: 'string' },
  param: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

export const VM_RUN_USAGE = `Usage: schedlab run vm (--scenario <id> | --scenario-file <file>) (--policy <id> | --policy-file <file.ts>) [--mnl N] [options]

Runs one rescheduling policy on a VMR2L snapshot and prints the fragment rate before and after (or, with --json,
one JSON object).

  --scenario <id>         a built-in scenario (schedlab list vm): ${vmEngine.catalogue.map((e) => e.id).join(', ')}
  --scenario-file <file>  a VMR2L snapshot JSON (free resources are recomputed from the VMs), or with
                          --format azure-vmtable an Azure public dataset vmtable CSV (replayed into a snapshot)
  --format <f>            ${vmEngine.formats.filter((f) => f !== 'alibaba-2018').join(' | ')} (default vmr2l)
  --policy <id>           a built-in policy: ${vmEngine.policies.map((p) => p.id).join(', ')}
  --policy-file <file.ts> your own policy (TypeScript, default export, types from 'schedlab/vm'); runs in a
                          worker thread
  --budget <s>            seconds a --policy-file may run before it is stopped (default 30)
  --memory <mb>           heap limit of a --policy-file's worker in MB (default 512)
  --mnl <n>               migration number limit (default: the file's maximum_migration, else none)
  --drift on|off          state drift (default off): the policy plans on the snapshot; the scenario's arrivals and
                          exits during its decision time happen before the plan is applied, and migrations that
                          became impossible are dropped; a scenario without arrivals and exits gets a churn stream
                          of ${DEFAULT_CHURN_RATE} VM changes a minute drawn from --seed
  --decision-seconds <s>  with --drift on: the decision time to charge (default: the measured time; the JSON
                          output records it, so passing it back reproduces the run exactly)
  --mode <m>              rescheduling or placement (default: placement when the scenario has pending VMs)
  --objective <o>         fragment (default), consolidation (fewest PMs in use) or balance (even CPU load)
  --param <name=value>    a policy parameter; repeat for several
  --seed <n>              seeds the policy's random stream and Math.random (default 1)
  --json                  print one JSON object: engine, engineVersion, scenario, policy, seed, mnl, params,
                          metrics (frBefore, frAfter, migrations, ...), result.migrations
                          [{vm, from: {pm, numa}, to: {pm, numa}}] with the snapshot's ids, result.frCurve

Exit codes: 0 done, 1 the run failed (bad file, policy error), 2 the command line is wrong.`;

/** Seconds of churn drawn for a drift run whose scenario has no events: beyond any decision time worth running. */
const CHURN_SECONDS = 3600;

/** The scenario from --scenario (the catalogue) or --scenario-file (with --format); bad input is a RunFailure. */
function loadScenario(values: ReturnType<typeof parseOptions>['values']): { scenario: VmScenario; source: { scenarioFile?: string } } {
  const id = stringOption(values, 'scenario');
  const file = stringOption(values, 'scenario-file');
  if (id !== undefined && file !== undefined) throw new UsageError('give --scenario or --scenario-file, not both');
  const format = choiceOption(values, 'format', vmEngine.formats.filter((f): f is 'vmr2l' | 'azure-vmtable' => f !== 'alibaba-2018'));
  if (id !== undefined) {
    if (format !== undefined) throw new UsageError('--format is for --scenario-file');
    const entry = vmEngine.findScenario(id);
    const ids = vmEngine.catalogue.map((e) => e.id);
    if (!entry) throw new UsageError(`unknown scenario "${id}"${didYouMean(id, ids)} (scenarios: ${ids.join(', ')})`);
    return { scenario: entry.build(), source: {} };
  }
  if (file === undefined) throw new UsageError('give --scenario <id> (see schedlab list vm) or --scenario-file <snapshot.json>');
  const text = readTextFile(file, 'scenario file');
  try {
    const name = basename(file).replace(/\.(json|csv)$/i, '');
    return { scenario: vmEngine.parse(text, { source: file, name, ...(format === undefined ? {} : { format }) }), source: { scenarioFile: file } };
  } catch (error) {
    if (error instanceof InputError) throw new RunFailure(error.message);
    throw error;
  }
}

/** `args` are those after "run vm". */
export async function runVm(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseOptions('run', args, RUN_OPTIONS);
  if (flag(values, 'help')) {
    io.out(VM_RUN_USAGE);
    return 0;
  }
  const policyChoice = choosePolicy(vmEngine, stringOption(values, 'policy'), stringOption(values, 'policy-file'));
  const budgetSeconds = numberOption(values, 'budget', { exclusiveMin: 0, what: 'a number of seconds > 0' }) ?? 30;
  const memoryMb = numberOption(values, 'memory', { min: 16, integer: true, what: 'a whole number of MB >= 16' }) ?? 512;
  const mnl = numberOption(values, 'mnl', { min: 0, integer: true, what: 'a whole number >= 0' });
  const seed = numberOption(values, 'seed', { integer: true, what: 'a whole number' }) ?? 1;
  const drift = choiceOption(values, 'drift', ['on', 'off']) === 'on';
  const decisionSeconds = numberOption(values, 'decision-seconds', { min: 0, what: 'a number of seconds >= 0' });
  if (decisionSeconds !== undefined && !drift) throw new UsageError('--decision-seconds needs --drift on');
  const mode = choiceOption(values, 'mode', ['rescheduling', 'placement']);
  const objective = choiceOption(values, 'objective', ['fragment', 'consolidation', 'balance']);
  const { scenario: loaded, source } = loadScenario(values);
  // Drift needs arrivals and exits; a snapshot has none, so draw a stream (seeded, reported in the output).
  const addChurn = drift && (loaded.events?.length ?? 0) === 0;
  const scenario = addChurn ? withChurn(loaded, { seed, duration: CHURN_SECONDS }) : loaded;
  const options = {
    seed,
    params: paramOptions(values),
    ...(mnl === undefined ? {} : { migrationLimit: mnl }),
    ...(drift ? { drift: decisionSeconds === undefined ? {} : { decisionSeconds } } : {}),
    ...(mode === undefined ? {} : { mode }),
    ...(objective === undefined ? {} : { objective }),
  };
  const { result, policy, params } = await executeVmRun({ scenario, policy: policyChoice, options, budgetSeconds, memoryMb });
  const limit = mnl ?? scenario.migrationLimit ?? null;
  if (flag(values, 'json')) {
    io.out(
      JSON.stringify({
        engine: vmEngine.id,
        engineVersion: vmEngine.version,
        scenario: scenario.name,
        ...source,
        churn: addChurn ? { rate: DEFAULT_CHURN_RATE, seconds: CHURN_SECONDS, seed } : null,
        policy: policy.id,
        seed,
        mnl: limit,
        drift,
        mode: result.mode,
        params,
        metrics: result.metrics,
        objectives: result.objectives,
        notes: result.notes,
        timing: { decisionMs: result.decisionMs },
        result: {
          migrations: result.migrations.map(({ vm, from, to }) => ({ vm, from, to })),
          frCurve: result.frCurve,
          stopReason: result.stopReason,
          placements: result.placements.map(({ vm, to }) => ({ vm, to })),
          ...(result.drift ? { dropped: result.drift.dropped, plannedFrCurve: result.drift.plannedFrCurve } : {}),
        },
      }),
    );
    return 0;
  }
  const m = result.metrics;
  const active = scenario.pms.filter((p) => p.status === 'active').length;
  const stopped = { limit: 'stopped at the MNL', policy: 'the policy stopped', 'placed-all': 'nothing left pending' }[result.stopReason];
  const lines = [
    `scenario  ${source.scenarioFile ?? scenario.name}: ${scenario.pms.length} PMs (${active} active), ${scenario.vms.length} VMs${scenario.pending?.length ? `, ${scenario.pending.length} pending` : ''}`,
    `policy    ${policy.id} (${policy.label}), seed ${seed}, MNL ${limit ?? 'none'}, ${result.mode}${drift ? ', drift on' : ''}`,
    `FR        ${m.frBefore.toFixed(4)} -> ${m.frAfter.toFixed(4)}  (${m.fragmentCoresBefore} -> ${m.fragmentCoresAfter} fragment cores of ${m.freeCores} free)`,
    `PMs used  ${m.pmsUsedBefore} -> ${m.pmsUsedAfter}; load spread ${m.loadSpreadBefore.toFixed(4)} -> ${m.loadSpreadAfter.toFixed(4)}`,
  ];
  if (result.mode === 'placement') lines.push(`placed    ${m.placed} of ${m.placed + m.unplaced} pending (${m.placedTopPriority} of the top priority)`);
  if (result.drift) {
    lines.push(
      `drift     decision time ${m.decisionSeconds.toFixed(3)} s: ${m.arrivals} arrivals (${m.rejectedArrivals} found no room), ${m.exits} exits; ` +
        `${addChurn ? `(churn drawn at ${DEFAULT_CHURN_RATE} changes/min, seed ${seed}) ` : ''}FR ${m.frAtApply.toFixed(4)} when applied; plan ${m.planned} migrations reaching FR ${m.frPlanned.toFixed(4)} on the snapshot, ${m.dropped} dropped`,
    );
  }
  const notes = Object.entries(result.notes);
  if (notes.length > 0) lines.push(`notes     ${notes.map(([k, v]) => `${k} ${typeof v === 'number' ? Number(v.toPrecision(6)) : v}`).join(', ')}`);
  lines.push(
    `migrations ${m.migrations} (${stopped}); decided in ${result.decisionMs} ms`,
    ...result.migrations.map((mig, k) => `  ${String(k + 1).padStart(3)}  ${mig.vm}  ${mig.from.pm}[${mig.from.numa.join(',')}] -> ${mig.to.pm}[${mig.to.numa.join(',')}]`),
    ...(result.drift?.dropped ?? []).map((d) => `  dropped  ${d.vm}  -> ${d.to.pm}[${d.to.numa.join(',')}]: ${d.reason}`),
  );
  io.out(lines.join('\n'));
  return 0;
}

/** `schedlab list vm [--json]`: the built-in policies and file formats. */
export function listVm(json: boolean, io: CommandIo): number {
  const scenarios = vmEngine.catalogue.map(({ id, label, family, description }) => ({ id, label, family, description }));
  const policies = vmEngine.policies.map((p) => ({ id: p.id, label: p.label, description: p.description, paper: p.paper, params: p.params ?? [], modes: policyModes(p) }));
  if (json) {
    io.out(JSON.stringify({ engine: vmEngine.id, engineVersion: vmEngine.version, scenarios, policies, formats: vmEngine.formats }));
    return 0;
  }
  const width = Math.max(...policies.map((p) => p.id.length));
  const sWidth = Math.max(...scenarios.map((e) => e.id.length));
  io.out(
    [
      `Scenarios (${scenarios.length})  use with --scenario <id>`,
      ...scenarios.map((e) => `  ${e.id.padEnd(sWidth)}  ${e.description}`),
      '',
      `Policies (${policies.length})  use with --policy <id>`,
      ...policies.map((p) => `  ${p.id.padEnd(width)}  ${p.description}${p.modes.includes('rescheduling') ? '' : ' (placement)'}`),
      '',
      `Scenario file formats: ${vmEngine.formats.join(', ')} (use with --scenario-file).`,
    ].join('\n'),
  );
  return 0;
}
