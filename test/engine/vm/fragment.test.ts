import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFragment, FragmentTracker, fragmentRate } from '../../../engine/vm/fragment';
import { randomCluster } from '../../../engine/vm/generators/random';
import { compileScenario, initialPlacement } from '../../../engine/vm/compile';

describe('fragment rate', () => {
  it('is 0 when nothing is free', () => {
    expect(fragmentRate({ fragmentCores: 0, freeCores: 0 })).toBe(0);
  });

  it('counts (free mod F) per node of active PMs only', () => {
    const compiled = compileScenario({
      name: 't',
      pms: [
        { id: 'a', status: 'active', rack: 'r', nodes: [{ cpu: 44, memory: 1 }, { cpu: 44, memory: 1 }] },
        { id: 'b', status: 'outage', rack: 'r', nodes: [{ cpu: 44, memory: 1 }, { cpu: 44, memory: 1 }] },
      ],
      vms: [{ id: 'v', cpu: 20, memory: 0, numa: 'single', pm: 0, node: 1 }],
    });
    const free = initialPlacement(compiled).freeCpu;
    // Node 0: 44 free -> 12; node 1: 24 free -> 8. PM b does not count.
    expect(computeFragment(compiled, free)).toEqual({ fragmentCores: 20, freeCores: 68 });
    expect(computeFragment(compiled, free, 4)).toEqual({ fragmentCores: 0, freeCores: 68 });
  });

  it('the incremental update equals a recount after random changes of free cores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 20 })), { maxLength: 40 }), fc.integer({ min: 1, max: 32 }), (seed, changes, size) => {
        const compiled = compileScenario(randomCluster({ seed, pms: 5, coresPerNode: 16, disabledShare: 0.3 }));
        const free = initialPlacement(compiled).freeCpu;
        const tracker = new FragmentTracker(compiled, free, size);
        for (const [at, delta] of changes) {
          const node = at % compiled.nodeCount;
          const before = free[node];
          free[node] = Math.max(0, before + delta);
          tracker.nodeChanged(node, before, free[node]);
          const scratch = computeFragment(compiled, free, size);
          expect({ fragmentCores: tracker.fragmentCores, freeCores: tracker.freeCores }).toEqual(scratch);
          expect(tracker.rate).toBe(fragmentRate(scratch));
        }
      }),
    );
  });
});
