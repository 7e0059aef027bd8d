import { describe, expect, it } from 'vitest';
import { fragmentRateOf, indexCluster, initialPlacement, migrationEnds, placementAfter, usedCores } from '../../../components/vm-lab/replay';
import { vmEngine } from '../../../engine/vm';
import { randomCluster } from '../../../engine/vm/generators/random';

// The replay rebuilds the map's states from a result's records; the engine's own FR curve and final snapshot
// are the reference it must agree with, step by step and to the bit.

const cluster = randomCluster({ seed: 7, pms: 40, utilisation: 0.92 });

describe('replaying migrations on the initial placement', () => {
  for (const policy of vmEngine.policies.filter((p) => p.nextMigration && !p.usesMip)) {
    it(`gives the engine's FR after every migration and its final placement (${policy.id})`, () => {
      const sim = vmEngine.createSimulation(cluster, policy, { migrationLimit: 25 });
      while (sim.step());
      const result = sim.result();
      expect(result.migrations.length).toBeGreaterThan(0);
      const index = indexCluster(cluster);
      for (let k = 0; k <= result.migrations.length; k++) {
        const placement = placementAfter(cluster, result.migrations, k, index);
        expect(placement.skipped).toBe(0);
        expect(fragmentRateOf(cluster, usedCores(cluster, placement, index), 16, index), `step ${k}`).toBe(result.frCurve[k]);
      }
      const final = placementAfter(cluster, result.migrations, Infinity, index);
      const snapshot = sim.snapshot();
      expect(Array.from(final.vmPm)).toEqual(snapshot.vmPm);
      expect(Array.from(final.vmNode)).toEqual(snapshot.vmNode);
    });
  }

  it('starts from the scenario placement, and step 0 is that placement', () => {
    const start = initialPlacement(cluster);
    expect(Array.from(start.vmPm)).toEqual(cluster.vms.map((vm) => vm.pm));
    const used = usedCores(cluster, start);
    const total = cluster.vms.reduce((sum, vm) => sum + vm.cpu, 0);
    expect(used.reduce((a, b) => a + b, 0)).toBe(total);
    // No node holds more than it has.
    const index = indexCluster(cluster);
    cluster.pms.forEach((pm, p) => pm.nodes.forEach((node, n) => expect(used[index.nodeStart[p] + n]).toBeLessThanOrEqual(node.cpu)));
    expect(placementAfter(cluster, [{ vm: cluster.vms[0].id, from: { pm: 'x', numa: [0] }, to: { pm: cluster.pms[1].id, numa: [1] }, step: 1 }], 0).vmPm).toEqual(start.vmPm);
  });

  it('skips and counts a migration of a VM or to a PM the cluster does not know, and names both ends of a known one', () => {
    const moves = [
      { vm: 'vm-from-a-drift-event', from: { pm: cluster.pms[0].id, numa: [0] }, to: { pm: cluster.pms[1].id, numa: [0] }, step: 1 },
      { vm: cluster.vms[0].id, from: { pm: cluster.pms[cluster.vms[0].pm].id, numa: [0] }, to: { pm: 'pm-nowhere', numa: [0] }, step: 2 },
      { vm: cluster.vms[1].id, from: { pm: cluster.pms[cluster.vms[1].pm].id, numa: [0] }, to: { pm: cluster.pms[3].id, numa: [0, 1] }, step: 3 },
    ];
    const after = placementAfter(cluster, moves, 3);
    expect(after.skipped).toBe(2);
    expect(after.vmPm[1]).toBe(3);
    expect(after.vmNode[1]).toBe(-1);
    expect(migrationEnds(moves[2], indexCluster(cluster))).toEqual({ from: cluster.vms[1].pm, to: 3 });
  });
});
