import { beforeAll, describe, expect, it } from 'vitest';
import { PolicyError } from '../../../engine/core/errors';
import { randomCluster } from '../../../engine/vm/generators/random';
import type { VmScenario } from '../../../engine/vm/model';
import mip from '../../../engine/vm/policies/mip';
import type { MipSolution, MipSolver } from '../../../engine/vm';
import { simulate } from '../../../engine/vm/simulate';
import { loadNodeMipSolver } from '../../../workers/node/highs-node';
import { bruteForceFragment } from './mip-brute-force';

let highs: MipSolver;
beforeAll(async () => {
  highs = await loadNodeMipSolver();
});

/** The Node solver, recording every answer, so a test can see how often the policy solved and what came back. */
function recording(): { solver: MipSolver; answers: MipSolution[] } {
  const answers: MipSolution[] = [];
  return { answers, solver: (lp, options) => answers.at(answers.push(highs(lp, options)) - 1)! };
}

/**
 * A tiny cluster: 2-4 PMs of 2 x 8 or 2 x 16 cores from the seeded generator, cut down to at most 8 VMs (removing
 * VMs only frees room), with an anti-affinity group over three VMs on different PMs (host level, or rack level
 * over two racks on odd seeds).
 */
function tinyCluster(seed: number): VmScenario {
  const base = randomCluster({ seed, pms: 2 + (seed % 3), coresPerNode: seed % 2 === 0 ? 8 : 16, utilisation: 0.85 });
  const vms = base.vms.slice(0, 8);
  const rackLevel = seed % 2 === 1;
  const pms = base.pms.map((pm, p) => ({ ...pm, rack: rackLevel ? `rack-${p % 2}` : pm.rack }));
  const members: string[] = [];
  const used = new Set<string>();
  for (const vm of vms) {
    const area = rackLevel ? pms[vm.pm].rack : String(vm.pm);
    if (!used.has(area) && members.length < 3) {
      used.add(area);
      members.push(vm.id);
    }
  }
  return { ...base, pms, vms, antiAffinity: [{ granularity: rackLevel ? 'rack' : 'host', vms: members }] };
}

describe('exact MIP (HiGHS) against brute force over all migration sequences', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
  it.each(seeds)('seed %i: the MIP run reaches the brute-force minimum of sum(free mod 16)', (seed) => {
    const scenario = tinyCluster(seed);
    const limit = 1 + (seed % 3);
    const best = bruteForceFragment(scenario, limit);
    const { solver, answers } = recording();
    const result = simulate(scenario, mip, { migrationLimit: limit, mipSolver: solver });
    expect(result.metrics.fragmentCoresAfter).toBe(best);
    expect(result.metrics.migrations).toBeLessThanOrEqual(limit);
    expect(answers.at(-1)).toMatchObject({ status: 'Optimal', feasible: true, gap: 0 });
  });

  it('the cases cover double-NUMA VMs, both anti-affinity levels and runs that move', () => {
    const scenarios = seeds.map(tinyCluster);
    expect(scenarios.some((s) => s.vms.some((vm) => vm.numa === 'double'))).toBe(true);
    expect(new Set(scenarios.map((s) => s.antiAffinity![0].granularity))).toEqual(new Set(['host', 'rack']));
    const moved = seeds.filter((seed) => simulate(tinyCluster(seed), mip, { migrationLimit: 1 + (seed % 3), mipSolver: highs }).metrics.migrations > 0);
    expect(moved.length).toBeGreaterThanOrEqual(5);
  });
});

/**
 * Hand-made: the best final placement swaps VMs a (12 cores) and b (18 cores) between two full single-node PMs.
 * Neither can move first (b needs 18 free on pm-0, which has 6; a needs 12 on pm-1, which has 10). pm-2 (16 free)
 * can hold a in between: a -> pm-2, b -> pm-0, a -> pm-1 leaves free 0, 16, 16: sum(free mod 16) 16 -> 0.
 */
function swapCluster(): VmScenario {
  const pm = (id: string, cpu: number) => ({ id, status: 'active' as const, rack: id, nodes: [{ cpu, memory: 1_000_000 }] });
  return {
    name: 'blocked-swap',
    pms: [pm('pm-0', 18), pm('pm-1', 28), pm('pm-2', 16)],
    vms: [
      { id: 'a', cpu: 12, memory: 1024, numa: 'single', pm: 0, node: 0 },
      { id: 'b', cpu: 18, memory: 1024, numa: 'single', pm: 1, node: 0 },
    ],
  };
}

describe('a final placement no order of single moves reaches', () => {
  it('MNL 2: the swap is cut off and the MIP re-solved; nothing reachable beats staying (as brute force says)', () => {
    expect(bruteForceFragment(swapCluster(), 2)).toBe(16);
    const { solver, answers } = recording();
    const result = simulate(swapCluster(), mip, { migrationLimit: 2, mipSolver: solver });
    expect(answers).toHaveLength(2);
    // W * 0 fragment cores + 2 moves, then the placement as it is: 16 fragment cores x W, where W = 4 is one more
    // than the moves the model can make at all (a to pm-1 or pm-2, b to pm-0).
    expect(answers.map((a) => a.objective)).toEqual([2, 16 * 4]);
    expect(result.metrics.migrations).toBe(0);
    expect(result.metrics.fragmentCoresAfter).toBe(16);
  });

  it('MNL 3: the search finds the detour through pm-2, three migrations to the swap', () => {
    expect(bruteForceFragment(swapCluster(), 3)).toBe(0);
    const { solver, answers } = recording();
    const result = simulate(swapCluster(), mip, { migrationLimit: 3, mipSolver: solver });
    expect(answers).toHaveLength(1);
    expect(result.metrics.fragmentCoresAfter).toBe(0);
    expect(result.migrations.map((m) => `${m.vm}->${m.to.pm}`)).toEqual(['a->pm-2', 'b->pm-0', 'a->pm-1']);
  });
});

describe('memory and VMs that may not move', () => {
  it('never plans a move the memory of the destination cannot take', () => {
    // b (14 cores, 3000 MB) would fill pm-0's 14 free cores exactly (16 -> 0 fragment cores), but pm-0 has only
    // 2000 MB free next to a, which may not move.
    const pm = (id: string, memory: number) => ({ id, status: 'active' as const, rack: id, nodes: [{ cpu: 16, memory }] });
    const scenario: VmScenario = {
      name: 'memory-binds',
      pms: [pm('pm-0', 10_000), pm('pm-1', 100_000)],
      vms: [
        { id: 'a', cpu: 2, memory: 8000, numa: 'single', pm: 0, node: 0, movable: false },
        { id: 'b', cpu: 14, memory: 3000, numa: 'single', pm: 1, node: 0 },
      ],
    };
    expect(bruteForceFragment(scenario, 1)).toBe(16);
    const result = simulate(scenario, mip, { migrationLimit: 1, mipSolver: highs });
    expect(result.metrics.fragmentCoresAfter).toBe(16);
    expect(result.metrics.migrations).toBe(0);
  });
});

describe('solver status, limits and errors', () => {
  const scenario = () => tinyCluster(4);

  it('applies the incumbent of a time-limited solve (status and gap as HiGHS reported them)', () => {
    let seen: MipSolution | undefined;
    const timeLimited: MipSolver = (lp, options) => {
      seen = { ...highs(lp, options), status: 'Time limit reached', gap: 0.25 };
      return seen;
    };
    const exact = simulate(scenario(), mip, { migrationLimit: 2, mipSolver: highs });
    const limited = simulate(scenario(), mip, { migrationLimit: 2, mipSolver: timeLimited });
    expect(seen).toMatchObject({ status: 'Time limit reached', feasible: true, gap: 0.25 });
    expect(limited.metrics.fragmentCoresAfter).toBe(exact.metrics.fragmentCoresAfter);
  });

  it('passes its time limit to the solver and stops without moves when no solution came back', () => {
    const limits: (number | undefined)[] = [];
    const nothing: MipSolver = (_lp, options) => {
      limits.push(options.timeLimitSeconds);
      return { status: 'Time limit reached', feasible: false, objective: NaN, gap: NaN, columns: {} };
    };
    const result = simulate(scenario(), mip, { migrationLimit: 2, mipSolver: nothing, params: { timeLimitSeconds: 3 } });
    expect(limits).toEqual([3]);
    expect(result.metrics.migrations).toBe(0);
    expect(result.stopReason).toBe('policy');
  });

  it('refuses an instance over maxBinaries with a PolicyError that says why, before calling the solver', () => {
    let called = false;
    const run = () =>
      simulate(randomCluster({ seed: 1, pms: 20 }), mip, { migrationLimit: 5, params: { maxBinaries: 500 }, mipSolver: () => ((called = true), highs('', {})) });
    expect(run).toThrow(PolicyError);
    expect(run).toThrow(/too large for the exact MIP: \d+ binary variables .* > maxBinaries 500/);
    expect(called).toBe(false);
  });

  it('a run without a solver fails with a clear message instead of crashing', () => {
    const run = () => simulate(scenario(), mip, { migrationLimit: 2 });
    expect(run).toThrow(PolicyError);
    expect(run).toThrow(/called solveMip\(\), but this run has no MIP solver/);
  });

  it('says it optimises the fragment rate only', () => {
    expect(() => simulate(scenario(), mip, { migrationLimit: 2, mipSolver: highs, objective: 'balance' })).toThrow(/minimises the fragment rate/);
  });
});
