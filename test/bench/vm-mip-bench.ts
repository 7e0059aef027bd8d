import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { percentile } from '../../engine/core/stats';
import type { MipSolution, MipSolver } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import mip from '../../engine/vm/policies/mip';
import { simulate } from '../../engine/vm/simulate';
import { loadNodeMipSolver } from '../../workers/node/highs-node';
import { fmt } from './measure';

/**
 * The exact MIP's size limit at 10 s: `node bin/run-ts.js test/bench/vm-mip-bench.ts`. For growing random clusters
 * (PMs of 2 x 44 cores, VMR2L size mix, 90% allocated) at a few MNLs, it runs the `mip` policy with HiGHS (Node,
 * WebAssembly) and a 10 s limit per solve: run time (median of RUNS), HiGHS time, status, gap, model size and
 * fragment cores before and after. An MNL stops growing after two sizes in a row that miss optimality. Writes
 * bench-results/vm-mip.md. Never part of `npm test`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIMIT_SECONDS = Number(process.env.MIP_TIME_LIMIT ?? 10);
const PM_COUNTS = (process.env.MIP_PMS ?? '4,6,8,10,12,16,20,25,30,40').split(',').map(Number);
const MNLS = (process.env.MIP_MNLS ?? '2,5,10').split(',').map(Number);

const solver = await loadNodeMipSolver();
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

interface Cell {
  readonly runMs: number;
  readonly solveMs: number;
  readonly last: MipSolution;
  readonly solves: number;
  readonly binaries: number;
  readonly rows: number;
  readonly before: number;
  readonly after: number;
  readonly migrations: number;
}

/** One run of the policy, timing the solver calls inside it. */
function runOnce(pms: number, mnl: number): Cell {
  const scenario = randomCluster({ seed: pms, pms, utilisation: 0.9 });
  let solveMs = 0;
  let last: MipSolution | undefined;
  let solves = 0;
  let binaries = 0;
  let rows = 0;
  const timed: MipSolver = (lp, options) => {
    const binarySection = lp.slice(lp.indexOf('\nBinaries\n'));
    binaries = (binarySection.match(/x\d+_\d+/g) ?? []).length;
    rows = (lp.match(/^ \w+:$/gm) ?? []).length - 1; // minus the objective
    const start = performance.now();
    last = solver(lp, options);
    solveMs += performance.now() - start;
    solves++;
    return last;
  };
  const start = performance.now();
  const result = simulate(scenario, mip, {
    migrationLimit: mnl,
    mipSolver: timed,
    params: { timeLimitSeconds: LIMIT_SECONDS, maxBinaries: 1_000_000 },
  });
  const runMs = performance.now() - start;
  const m = result.metrics;
  return { runMs, solveMs, last: last!, solves, binaries, rows, before: m.fragmentCoresBefore, after: m.fragmentCoresAfter, migrations: m.migrations };
}

say(`# Exact MIP (HiGHS ${'1.15'}, WebAssembly in Node): size limit at ${LIMIT_SECONDS} s`);
say(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} runs per cell.`);
say(`Clusters: randomCluster(seed = PMs, 2 x 44 cores per PM, 90% allocated). Time limit ${LIMIT_SECONDS} s per solve, mip_rel_gap 0.`);
say();
say(`| MNL | PMs | VMs | binaries | rows | run ms (median) | HiGHS ms | solves | status | gap | fragment cores before -> after | migrations |`);
say(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
const largest: Record<number, string> = {};
/** The largest size with every smaller size tried also optimal: solve time is far from monotone in size. */
const reliable: Record<number, string> = {};
for (const mnl of MNLS) {
  let misses = 0;
  let allOptimal = true;
  for (const pms of PM_COUNTS) {
    const vms = randomCluster({ seed: pms, pms, utilisation: 0.9 }).vms.length;
    const cells: Cell[] = [];
    for (let r = 0; r < RUNS; r++) cells.push(runOnce(pms, mnl));
    const runMs = percentile(cells.map((c) => c.runMs), 50);
    const solveMs = percentile(cells.map((c) => c.solveMs), 50);
    const c = cells[cells.length - 1];
    const optimal = cells.every((cell) => cell.last.status === 'Optimal') && runMs <= LIMIT_SECONDS * 1000;
    say(
      `| ${mnl} | ${pms} | ${vms} | ${c.binaries} | ${c.rows} | ${fmt(runMs, 0)} | ${fmt(solveMs, 0)} | ${c.solves} | ${c.last.status} | ` +
        `${Number.isFinite(c.last.gap) ? fmt(c.last.gap * 100, 2) + '%' : String(c.last.gap)} | ${c.before} -> ${c.after} | ${c.migrations} |`,
    );
    const label = `${pms} PMs, ${vms} VMs, ${c.binaries} binaries (${fmt(runMs / 1000, 1)} s)`;
    allOptimal &&= optimal;
    if (allOptimal) reliable[mnl] = label;
    if (optimal) {
      largest[mnl] = label;
      misses = 0;
    } else if (++misses >= 2) {
      break;
    }
  }
}
say();
say(`## Largest cluster solved to optimality within ${LIMIT_SECONDS} s`);
for (const mnl of MNLS) {
  say(`- MNL ${mnl}: largest ${largest[mnl] ?? 'none of the sizes tried'}; every size up to ${reliable[mnl] ?? 'none'}`);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/vm-mip.md', lines.join('\n') + '\n');
console.log('\nwrote bench-results/vm-mip.md');
