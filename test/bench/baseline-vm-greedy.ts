/**
 * The VMR2L greedy written the plain way, for the benchmark's baseline: flat arrays, no policy API, no engine. Same
 * algorithm and tie-breaking as engine/vm/policies/greedy.ts (the benchmark checks they agree), so the ratio between
 * the two is what the view, the feasibility checks and the records cost.
 */
import { compileScenario, initialPlacement } from '../../engine/vm/compile';
import type { VmScenario } from '../../engine/vm/model';

export function baselineGreedy(scenario: VmScenario, limit: number, size = 16): { fragmentCores: number; migrations: number } {
  const c = compileScenario(scenario);
  const { vmPm, vmNode, freeCpu, freeMem } = initialPlacement(c);
  const start = c.pmNodeStart;
  const pmFrag = (pm: number, delta0: number, delta1: number) =>
    c.pmActive[pm] === 0 ? 0 : ((freeCpu[start[pm]] + delta0) % size) + (start[pm + 1] - start[pm] > 1 ? (freeCpu[start[pm] + 1] + delta1) % size : 0);
  let migrations = 0;
  for (; migrations < limit; migrations++) {
    let vm = -1;
    let release = -Infinity;
    for (let v = 0; v < c.vmCount; v++) {
      if (c.vmCpu[v] > size || c.vmMovable[v] === 0 || c.pmActive[vmPm[v]] === 0) continue;
      const share = c.vmDouble[v] === 1 ? c.vmCpu[v] / 2 : c.vmCpu[v];
      const d0 = c.vmDouble[v] === 1 || vmNode[v] === 0 ? share : 0;
      const d1 = c.vmDouble[v] === 1 || vmNode[v] === 1 ? share : 0;
      const gain = pmFrag(vmPm[v], 0, 0) - pmFrag(vmPm[v], d0, d1);
      if (gain > release) {
        release = gain;
        vm = v;
      }
    }
    if (vm < 0) break;
    const double = c.vmDouble[vm] === 1;
    const share = double ? c.vmCpu[vm] / 2 : c.vmCpu[vm];
    const memShare = double ? c.vmMem[vm] / 2 : c.vmMem[vm];
    let bestPm = -1;
    let bestNode = -1;
    let place = -Infinity;
    for (let pm = 0; pm < c.pmCount; pm++) {
      if (pm === vmPm[vm] || c.pmActive[pm] === 0) continue;
      const nodes = start[pm + 1] - start[pm];
      const fits = (n: number) => freeCpu[start[pm] + n] >= share && freeMem[start[pm] + n] >= memShare;
      for (let n = 0; n < (double ? 1 : nodes); n++) {
        if (double ? nodes !== 2 || !fits(0) || !fits(1) : !fits(n)) continue;
        const gain = pmFrag(pm, 0, 0) - pmFrag(pm, double || n === 0 ? -share : 0, double || n === 1 ? -share : 0);
        if (gain > place) {
          place = gain;
          bestPm = pm;
          bestNode = n;
        }
      }
    }
    if (bestPm < 0 || release + place <= 0) break;
    for (const [pm, n, sign] of [[vmPm[vm], vmNode[vm], 1], [bestPm, bestNode, -1]] as const) {
      for (let k = 0; k < (double ? 2 : 1); k++) {
        const g = start[pm] + (double ? k : n);
        freeCpu[g] += sign * share;
        freeMem[g] += sign * memShare;
      }
    }
    vmPm[vm] = bestPm;
    vmNode[vm] = double ? -1 : bestNode;
  }
  let fragmentCores = 0;
  for (let g = 0; g < c.nodeCount; g++) if (c.pmActive[c.nodePm[g]] === 1) fragmentCores += freeCpu[g] % size;
  return { fragmentCores, migrations };
}
