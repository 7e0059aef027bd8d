import { describe, expect, it } from 'vitest';
import type { VmScenario } from '../../../engine/vm/model';
import type { Migration, VmPolicy } from '../../../engine/vm/policy-api';
import { simulate } from '../../../engine/vm/simulate';
import { fourPms, pm, scripted, vm } from './tiny-clusters';

/** Two full 8-core nodes holding 8-core VMs, and nothing else free: swapping them is feasible as a result, not as moves. */
const SWAP: VmScenario = { name: 'swap', pms: [pm('p0', 'r', 8), pm('p1', 'r', 8)], vms: [vm('x', 8, 0, 0), vm('y', 8, 1, 0)] };

function ordering(scenario: VmScenario, targets: Migration[]) {
  let answer: ReturnType<Parameters<NonNullable<VmPolicy['nextMigration']>>[0]['orderMoves']> | undefined;
  simulate(scenario, {
    id: 'orderer',
    label: 'orderer',
    description: 'test',
    nextMigration: (view) => {
      answer = view.orderMoves(targets);
      return null;
    },
  });
  return answer!;
}

describe('plans and view.orderMoves', () => {
  it('applies a plan in order, each move checked, and records the decision that asked for it', () => {
    const result = simulate(fourPms(), scripted([{ vm: 0, pm: 1, node: 0 }, { vm: 2, pm: 3, node: 0 }], { vm: 3, pm: 0, node: 1 }));
    expect(result.migrations.map((m) => [m.vm, m.step])).toEqual([['a', 0], ['c', 0], ['d', 1]]);
    expect(result.frCurve).toHaveLength(4);
  });

  it('a plan longer than the budget left, or with an impossible move, stops the run with the reason', () => {
    expect(() => simulate(fourPms(), scripted([{ vm: 0, pm: 1 }, { vm: 1, pm: 2 }]), { migrationLimit: 1 })).toThrow(
      'returned a plan of 2 migrations at migration 1, but only 1 are left under the migration number limit',
    );
    expect(() => simulate(fourPms(), scripted([{ vm: 0, pm: 1, node: 0 }, { vm: 3, pm: 1, node: 0 }]))).toThrow('migration 2: moving VM 3 (d, 12 cores');
  });

  it('orders a chain so each move finds the room the previous one freed', () => {
    // y (4) can go to p0 only after x (8) has left it for p1's empty node 1, so x goes first whatever the input order.
    const chain: VmScenario = { name: 'chain', pms: [pm('p0', 'r', 8), pm('p1', 'r', 8, 8)], vms: [vm('x', 8, 0, 0), vm('y', 4, 1, 0)] };
    const { order, blocked } = ordering(chain, [{ vm: 1, pm: 0, node: 0 }, { vm: 0, pm: 1, node: 1 }]);
    expect(order).toEqual([{ vm: 0, pm: 1, node: 1 }, { vm: 1, pm: 0, node: 0 }]);
    expect(blocked).toEqual([]);
  });

  it('reports a swap no order of single moves can reach as blocked, and leaves out targets already met', () => {
    const { order, blocked } = ordering(SWAP, [{ vm: 0, pm: 1, node: 0 }, { vm: 1, pm: 0, node: 0 }]);
    expect(order).toEqual([]);
    expect(blocked).toHaveLength(2);
    expect(ordering(SWAP, [{ vm: 0, pm: 0, node: 0 }])).toEqual({ order: [], blocked: [] });
  });

  it('refuses the same VM twice', () => {
    expect(() => ordering(SWAP, [{ vm: 0, pm: 1 }, { vm: 0, pm: 0 }])).toThrow('orderMoves() got VM 0 twice');
  });
});
