import { SCHEMES, type Scheme } from '../../engine/jobshop/run-types';
import { UsageError, choices } from './cli-error';
import type { Command } from './command';
import { engineFor } from './engines';
import { executeRun } from './execute-run';
import { renderRunSummary } from './format/run-summary';
import { colorWanted, createStyle } from './format/style';
import { flag, numberOption, paramOptions, parseOptions, stringOption, type OptionSpec } from './options';
import { choosePolicy } from './policy-choice';
import { loadScenario, varyScenario } from './scenario';
import { didYouMean } from './suggest';
import { runVm } from './vm-commands';
import { runLlm } from './llm-commands';

const OPTIONS = {
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  format: { type: 'string' },
  policy: { type: 'string' },
  'policy-file': { type: 'string' },
  scheme: { type: 'string' },
  param: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  gantt: { type: 'boolean' },
  'due-factor': { type: 'string' },
  'arrival-mean': { type: 'string' },
  online: { type: 'boolean' },
  mtbf: { type: 'string' },
  mttr: { type: 'string' },
  budget: { type: 'string' },
  memory: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

const USAGE = `Usage: schedlab run jobshop (--scenario <id> | --scenario-file <file> [--format <fmt>])
                            (--policy <id> | --policy-file <file.ts>) [options]

Runs one policy on one instance and prints the metrics (or, with --json, one JSON object).

  --scenario <id>         a catalogue instance, e.g. ta01 (see: schedlab list jobshop)
  --scenario-file <file>  an instance file; --format standard|taillard|brandimarte|json (default: detected)
  --policy <id>           a built-in policy, e.g. mwkr, spt, tabu
  --policy-file <file.ts> your own policy (TypeScript, default export); runs in a worker thread
  --scheme <s>            ${SCHEMES.join(' | ')} (default active)
  --param <name=value>    a policy parameter; repeat for several
  --seed <n>              seeds the policy's random stream, Math.random, breakdowns, arrivals (default 1)
  --json                  print one JSON object: engine, engineVersion, scenario, policy, seed, scheme, params,
                          metrics, result.schedule [{job, op, machine, start, end}] (all indices from 0)
  --gantt                 also draw the schedule as a text Gantt chart
  --due-factor <f>        give every job the due date release + round(f x its total work)
  --arrival-mean <t>      release jobs over time: Poisson arrivals with mean gap t (seeded)
  --online                a job becomes a candidate only once released (otherwise the policy sees the future)
  --mtbf <t> --mttr <t>   seeded machine breakdowns: mean time between failures and to repair
  --budget <s>            seconds a --policy-file may run before it is stopped (default 30)
  --memory <mb>           heap limit of a --policy-file's worker in MB (default 512)

Exit codes: 0 done, 1 the run failed (bad file, policy error), 2 the command line is wrong.`;

export const runCommand: Command = {
  name: 'run',
  summary: 'run a policy on an instance',
  usage: USAGE,
  async run(args, io) {
    // The VM engine has its own options (--mnl, no --scheme); the engine comes first: schedlab run vm ...
    if (args[0] === 'vm') return runVm(args.slice(1), io);
    if (args[0] === 'llm') return runLlm(args.slice(1), io);
    const { values, positionals } = parseOptions('run', args, OPTIONS, 1);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const engine = engineFor('run', positionals[0]);
    const schemeText = stringOption(values, 'scheme') ?? 'active';
    if (!(SCHEMES as readonly string[]).includes(schemeText)) {
      throw new UsageError(`unknown scheme "${schemeText}"${didYouMean(schemeText, SCHEMES)} (schemes: ${choices(SCHEMES)})`);
    }
    const scheme = schemeText as Scheme;
    const seed = numberOption(values, 'seed', { integer: true, what: 'a whole number' }) ?? 1;
    const params = paramOptions(values);
    const dueFactor = numberOption(values, 'due-factor', { exclusiveMin: 0, what: 'a number > 0' });
    const arrivalMean = numberOption(values, 'arrival-mean', { min: 0, what: 'a number >= 0' });
    const mtbf = numberOption(values, 'mtbf', { exclusiveMin: 0, what: 'a number > 0' });
    const mttr = numberOption(values, 'mttr', { exclusiveMin: 0, what: 'a number > 0' });
    if ((mtbf === undefined) !== (mttr === undefined)) throw new UsageError('breakdowns need both --mtbf and --mttr');
    const budgetSeconds = numberOption(values, 'budget', { exclusiveMin: 0, what: 'a number of seconds > 0' }) ?? 30;
    const memoryMb = numberOption(values, 'memory', { min: 16, integer: true, what: 'a whole number of MB >= 16' }) ?? 512;
    const online = flag(values, 'online');
    const json = flag(values, 'json');

    const policyFile = stringOption(values, 'policy-file');
    const policy = choosePolicy(engine, stringOption(values, 'policy'), policyFile);
    const scenarioFile = stringOption(values, 'scenario-file');
    const scenario = loadScenario(engine, { scenario: stringOption(values, 'scenario'), file: scenarioFile, format: stringOption(values, 'format') });
    const instance = varyScenario(scenario.instance, { arrivalMean, dueFactor, seed });
    const breakdowns = mtbf !== undefined && mttr !== undefined ? { mtbf, mttr } : undefined;

    const outcome = await executeRun({ instance, policy, options: { scheme, seed, params, online, breakdowns }, budgetSeconds, memoryMb });

    const settings: Record<string, unknown> = {};
    if (online) settings.online = true;
    if (arrivalMean !== undefined) settings.arrivalMean = arrivalMean;
    if (dueFactor !== undefined) settings.dueFactor = dueFactor;
    if (breakdowns) settings.breakdowns = breakdowns;
    if (json) {
      const result: Record<string, unknown> = { schedule: outcome.result.schedule };
      if (breakdowns) result.downtime = outcome.result.downtime;
      const payload = {
        engine: engine.id,
        engineVersion: engine.version,
        scenario: scenario.id,
        ...(scenarioFile !== undefined ? { scenarioFile } : {}),
        policy: outcome.policy.id,
        ...(policyFile !== undefined ? { policyFile } : {}),
        seed,
        scheme,
        params: outcome.params,
        ...(Object.keys(settings).length > 0 ? { options: settings } : {}),
        metrics: outcome.result.metrics,
        result,
      };
      io.out(JSON.stringify(payload));
      return 0;
    }
    const settingText = [
      ...(online ? ['online'] : []),
      ...(arrivalMean !== undefined ? [`arrivals every ${arrivalMean} on average`] : []),
      ...(dueFactor !== undefined ? [`due dates ${dueFactor} x work`] : []),
      ...(breakdowns ? [`breakdowns mtbf ${breakdowns.mtbf} mttr ${breakdowns.mttr}`] : []),
    ];
    io.out(
      renderRunSummary({
        scenario: scenario.id,
        instance,
        policy: outcome.policy,
        policyFile,
        scheme,
        seed,
        params: outcome.params,
        settings: settingText,
        result: outcome.result,
        gantt: flag(values, 'gantt'),
        style: createStyle(colorWanted(process.stdout)),
      }),
    );
    return 0;
  },
};
