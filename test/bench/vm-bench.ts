import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { findVmScenario } from '../../engine/vm/catalogue';
import { parseVmr2l } from '../../engine/vm/parsers/vmr2l';
import { findBuiltinPolicy } from '../../engine/vm/policies';
import type { VmScenario } from '../../engine/vm/model';
import { simulate } from '../../engine/vm/simulate';
import { compileVmPolicy } from '../../workers/policy-compile';
import { baselineGreedy } from './baseline-vm-greedy';
import { fmt, medianMs } from './measure';

/**
 * `npm run bench:vm`: speed of the VM-rescheduling engine's heuristics. Medians of several runs, ratios against
 * baselines measured in the same run, written to bench-results/vm.md. Never part of `npm test`. The search and MIP
 * baselines have their own scripts (vm-search-bench.ts, vm-mip-bench.ts), since they run for seconds by design.
 *
 *   1. greedy / FFD / BFD on M scale at MNL 50 (the VMR2L sample, and the generated M and L presets): ms and FR;
 *   2. greedy through the engine against the same algorithm on plain arrays (the ratio is the API's cost);
 *   3. greedy from a user policy file, compiled like editor code, against the built-in.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MNL = 50;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const sample = parseVmr2l(readFileSync(new URL('../../../shared/data/vm/vmr2l_M_reset_vm_pm0.json', import.meta.url), 'utf8'), { name: 'vmr2l-sample' });
const scenarios: VmScenario[] = [sample, ...['vmr2l-m', 'vmr2l-l'].map((id) => findVmScenario(id)!.build())];
// The heuristics only: search and the MIP run for seconds by design and have their own benchmarks.
const rescheduling = ['greedy', 'ffd', 'bfd'].map((id) => findBuiltinPolicy(id)!);

say('# VM-rescheduling engine benchmark');
say(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} runs per cell; MNL ${MNL}.`);
say();
say('## Heuristics: ms per run and the fragment rate reached');
say('| scenario | PMs | VMs | policy | ms | FR before | FR after | migrations |');
say('|---|---|---|---|---|---|---|---|');
for (const scenario of scenarios) {
  for (const policy of rescheduling) {
    const result = simulate(scenario, policy, { migrationLimit: MNL });
    const ms = medianMs(() => simulate(scenario, policy, { migrationLimit: MNL }), RUNS);
    const m = result.metrics;
    say(`| ${scenario.name} | ${scenario.pms.length} | ${scenario.vms.length} | ${policy.id} | ${fmt(ms, 1)} | ${fmt(m.frBefore, 4)} | ${fmt(m.frAfter, 4)} | ${m.migrations} |`);
  }
}
say();

const greedy = findBuiltinPolicy('greedy')!;
say('## Greedy through the engine vs the same loop on plain arrays, and vs a user policy file');
say('| scenario | engine ms | plain-array ms | ratio | policy-file ms | ratio to built-in | same FR |');
say('|---|---|---|---|---|---|---|');
const userGreedy = compileVmPolicy(readFileSync(new URL('../../engine/vm/policies/greedy.ts', import.meta.url), 'utf8'), 'user-greedy.ts');
for (const scenario of scenarios) {
  const engineMs = medianMs(() => simulate(scenario, greedy, { migrationLimit: MNL }), RUNS);
  const plainMs = medianMs(() => baselineGreedy(scenario, MNL), RUNS);
  const userMs = medianMs(() => simulate(scenario, userGreedy, { migrationLimit: MNL }), RUNS);
  const engineCores = simulate(scenario, greedy, { migrationLimit: MNL }).metrics.fragmentCoresAfter;
  const userCores = simulate(scenario, userGreedy, { migrationLimit: MNL }).metrics.fragmentCoresAfter;
  const same = engineCores === baselineGreedy(scenario, MNL).fragmentCores && engineCores === userCores;
  say(`| ${scenario.name} | ${fmt(engineMs, 1)} | ${fmt(plainMs, 1)} | ${fmt(engineMs / plainMs)} | ${fmt(userMs, 1)} | ${fmt(userMs / engineMs)} | ${same ? 'yes' : 'NO'} |`);
}
say();
say('Target (issue 5): greedy on M scale at MNL 50 in at most 50 ms in Node.');

mkdirSync(new URL('../../bench-results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../bench-results/vm.md', import.meta.url), `${lines.join('\n')}\n`);
