import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { findScenario } from '../../engine/jobshop/catalogue';
import { BUILTIN_POLICIES, findBuiltinPolicy } from '../../engine/jobshop/policies';
import { SCHEMES } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';
import { compilePolicy } from '../../workers/policy-compile';
import { baselineGifflerThompsonMwkr } from './baseline-gt-mwkr';
import { fmt, medianMs } from './measure';

/**
 * `npm run bench`: speed of the job-shop engine. Prints medians of several runs and ratios against baselines
 * measured in the same run, and writes them to bench-results/jobshop.{json,md}. Never part of `npm test`.
 *
 *   1. ms per instance for ta71-ta80 (100 x 20) for every built-in rule under every scheme;
 *   2. MWKR/active against a plain Giffler-Thompson loop written without the policy API (the ratio is the API's cost);
 *   3. a user policy file, compiled like editor code, against the same rule built in;
 *   4. growth: ms / (operations x jobs) across Taillard sizes, which should stay flat or fall.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const big = Array.from({ length: 10 }, (_, i) => findScenario(`ta${71 + i}`)!.create());
const rules = BUILTIN_POLICIES.filter((p) => p.id !== 'tabu');
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

say(`# Job-shop engine benchmark`);
say(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} runs per cell.`);
say();

// 1. Every rule x scheme on ta71-ta80.
const table: Record<string, Record<string, number>> = {};
say(`## ms per 100 x 20 instance (2,000 operations), median over runs, per instance`);
say(`| rule | scheme | ${big.map((b) => b.name).join(" | ")} | median | operations/s |`);
say(`|---|---|${big.map(() => '---|').join('')}---|---|`);
for (const policy of rules) {
  for (const scheme of SCHEMES) {
    const perInstance = big.map((instance) => medianMs(() => simulate(instance, policy, { scheme }), RUNS));
    const median = [...perInstance].sort((a, b) => a - b)[Math.floor(perInstance.length / 2)];
    table[`${policy.id}/${scheme}`] = Object.fromEntries(big.map((b, i) => [b.name, perInstance[i]]));
    say(`| ${policy.label} | ${scheme} | ${perInstance.map((t) => fmt(t)).join(' | ')} | ${fmt(median)} | ${fmt(2000 / median, 0)}k |`);
  }
}
say();

// 2. Engine vs the plain loop.
const mwkr = findBuiltinPolicy('mwkr')!;
const engineMs = big.map((instance) => medianMs(() => simulate(instance, mwkr), RUNS));
const baselineMs = big.map((instance) => medianMs(() => baselineGifflerThompsonMwkr(instance), RUNS));
for (const instance of big) {
  if (baselineGifflerThompsonMwkr(instance) !== simulate(instance, mwkr).metrics.makespan) {
    throw new Error(`baseline and engine disagree on ${instance.name}: they must do the same work to be compared`);
  }
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const engineMean = sum(engineMs) / engineMs.length;
const baselineMean = sum(baselineMs) / baselineMs.length;
say(`## MWKR, active scheme, ta71-ta80: engine vs a plain loop without the policy API`);
say(`engine ${fmt(engineMean)} ms, plain loop ${fmt(baselineMean)} ms, ratio ${fmt(engineMean / baselineMean)} (target: engine <= 2 ms)`);
say();

// 3. User policy file vs built-in.
const userSource = readFileSync(new URL('./fixtures/user-mwkr.ts', import.meta.url), 'utf8');
const userMwkr = compilePolicy(userSource, 'user-mwkr.ts');
const userMs = big.map((instance) => medianMs(() => simulate(instance, userMwkr), RUNS));
const userMean = sum(userMs) / userMs.length;
say(`## User policy file (compiled like editor code) vs the built-in MWKR, active scheme, ta71-ta80`);
say(`user ${fmt(userMean)} ms, built-in ${fmt(engineMean)} ms, ratio ${fmt(userMean / engineMean)} (target <= 1.5)`);
say();

// 4. Growth with size.
say(`## Growth: MWKR/active per Taillard size (mean of 10 instances)`);
say(`| size | ops | ms | us per (ops x jobs) |`);
say(`|---|---|---|---|`);
const growth: Record<string, number> = {};
for (const [first, label] of [[1, '15x15'], [11, '20x15'], [21, '20x20'], [31, '30x15'], [41, '30x20'], [51, '50x15'], [61, '50x20'], [71, '100x20']] as const) {
  const instances = Array.from({ length: 10 }, (_, i) => findScenario(`ta${String(first + i).padStart(2, '0')}`)!.create());
  const ms = sum(instances.map((instance) => medianMs(() => simulate(instance, mwkr), RUNS))) / 10;
  const [n, m] = label.split('x').map(Number);
  growth[label] = ms;
  say(`| ${label} | ${n * m} | ${fmt(ms, 3)} | ${fmt((ms * 1000) / (n * m * n), 4)} |`);
}
say();

// 5. Tabu search, for scale.
const tabu = findBuiltinPolicy('tabu')!;
const ta01 = findScenario('ta01')!.create();
const tabuMs = medianMs(() => simulate(ta01, tabu, { seed: 1 }), 3, 1);
say(`## Tabu search (default budget) on ta01: ${fmt(tabuMs, 0)} ms, makespan ${simulate(ta01, tabu, { seed: 1 }).metrics.makespan} (optimum 1231)`);

mkdirSync(new URL('../../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../../bench-results/jobshop.json', import.meta.url),
  `${JSON.stringify({ node: process.version, runs: RUNS, table, engineMs, baselineMs, userMs, growth, tabuMs }, null, 1)}\n`,
);
writeFileSync(new URL('../../bench-results/jobshop.md', import.meta.url), `${lines.join('\n')}\n`);
