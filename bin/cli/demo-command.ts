import { publishedBound } from '../../engine/jobshop/bounds';
import type { JobShopResult } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';
import type { Command, CommandIo } from './command';
import { engineFor } from './engines';
import { renderGantt } from './format/gantt';
import { formatMetric } from './format/metrics';
import { colorWanted, createStyle, type Style } from './format/style';
import { renderTable } from './format/table';
import { flag, parseOptions, type OptionSpec } from './options';

/**
 * The newcomer's first command (until the web app exists): classic dispatching rules against tabu search on
 * ft06 and ta01, a comparison table with gaps to the best known makespans, and the best ft06 schedule drawn as
 * a text Gantt chart. Everything is seeded, so the numbers are the same on every machine (the times are not).
 */

const SCENARIOS = ['ft06', 'ta01'];
const POLICIES = ['spt', 'lpt', 'mwkr', 'lwkr', 'mopnr', 'fdd-mwkr', 'fifo', 'random', 'tabu'];

const OPTIONS = { help: { type: 'boolean', short: 'h' } } satisfies OptionSpec;

const USAGE = `Usage: schedlab demo

Runs eight dispatching rules and a tabu search on ft06 (6x6) and ta01 (15x15), prints a comparison with the
gap to the best known makespan, and draws the best ft06 schedule. Takes a few seconds.`;

interface Cell {
  readonly result: JobShopResult;
  readonly ms: number;
}

function gapCell(result: JobShopResult, best: boolean, style: Style): [string, string] {
  const makespan = String(result.metrics.makespan);
  const gap = result.metrics.gapToBest;
  const gapText = gap === undefined ? '' : formatMetric('gapToBest', gap);
  return best ? [style.green(style.bold(makespan)), style.green(gapText)] : [makespan, style.dim(gapText)];
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function nextSteps(style: Style): string {
  const line = (cmd: string, what: string) => `  ${style.cyan(cmd.padEnd(66))} ${style.dim(what)}`;
  return [
    style.bold('Next'),
    line('schedlab list jobshop', 'all scenarios and policies'),
    line('schedlab run jobshop --scenario ta01 --policy mopnr --gantt', 'one run, with its Gantt chart'),
    line('schedlab run jobshop --scenario ta01 --policy tabu --json', 'machine-readable result'),
    line('cp engine/jobshop/policies/mwkr.ts my-policy.ts', 'start your own policy from a built-in'),
    line('schedlab run jobshop --scenario ft06 --policy-file my-policy.ts', 'run it (its API: engine/jobshop/policy-api.ts)'),
  ].join('\n');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'compare dispatching rules and tabu search on ft06 and ta01 (start here)',
  usage: USAGE,
  async run(args, io: CommandIo) {
    const { values } = parseOptions('demo', args, OPTIONS);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const style = createStyle(colorWanted(process.stdout));
    const engine = engineFor('demo', 'jobshop');
    const scenarios = SCENARIOS.map((id) => engine.findScenario(id)!);
    const policies = POLICIES.map((id) => engine.findPolicy(id)!);
    const instances = scenarios.map((s) => s.create());

    io.out(`${style.bold('SchedLab demo')}: dispatching rules and tabu search on two classic job shops\n`);
    for (const s of scenarios) {
      const best = publishedBound(s.id)?.upper;
      io.out(`  ${style.bold(s.id.padEnd(5))} ${`${s.jobs} jobs × ${s.machines} machines`.padEnd(24)} ${style.dim(`best known makespan ${best}`)}`);
    }
    io.out('');

    // cells[p][s]: policy p on scenario s, all with the active scheme and seed 1.
    const cells: Cell[][] = policies.map((policy) =>
      instances.map((instance) => {
        const start = performance.now();
        const result = simulate(instance, policy, { seed: 1 });
        return { result, ms: performance.now() - start };
      }),
    );
    // The description column gets what is left of the terminal (the other columns take about 75).
    const descriptionWidth = Math.max(30, (process.stdout.columns ?? 120) - 78);
    const bestPerScenario = instances.map((_, s) => Math.min(...cells.map((row) => row[s].result.metrics.makespan)));
    const rows = policies.map((policy, p) => [
      style.bold(policy.label.replace(/ \(.*\)$/, '')),
      ...cells[p].flatMap((cell, s) => gapCell(cell.result, cell.result.metrics.makespan === bestPerScenario[s], style)),
      style.dim(`${Math.round(cells[p].reduce((sum, c) => sum + c.ms, 0))} ms`),
      style.dim(clip(policy.description, descriptionWidth)),
    ]);
    const columns = [
      { header: 'policy' },
      ...SCENARIOS.flatMap((id) => [{ header: `${id} makespan`, align: 'right' as const }, { header: 'gap', align: 'right' as const }]),
      { header: 'time', align: 'right' as const },
      { header: 'what it does' },
    ];
    io.out(renderTable(columns, rows, style));
    io.out(style.dim('\n  gap = (makespan - best known) / best known; active schedules, seed 1\n'));

    const tabu = cells[POLICIES.indexOf('tabu')][0].result;
    io.out(`${style.bold('ft06 scheduled by tabu search')} (makespan ${tabu.metrics.makespan}): one row per machine, one character per job`);
    io.out(renderGantt(tabu.schedule, { machineCount: instances[0].machineCount, style }));
    io.out('');
    io.out(nextSteps(style));
    return 0;
  },
};
