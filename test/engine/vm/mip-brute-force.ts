import type { VmScenario } from '../../../engine/vm/model';

/**
 * The reference for the exact MIP: every sequence of at most `limit` feasible migrations, written straight from
 * the rules (reference notes §1 and the policy API), sharing no code with the engine or the policy. Returns the
 * smallest sum over active nodes of (free cores mod F) any such sequence reaches (0 migrations included).
 *
 * Rules: a movable VM goes to an active PM; a single-NUMA VM to one node with room (cores and memory), not its
 * own node; a double-NUMA VM takes half on both nodes of another 2-node PM; anti-affinity: no other member of a
 * group of the VM on the destination PM (host) or rack (rack), unless the VM stays within its PM (rack).
 */
export function bruteForceFragment(scenario: VmScenario, limit: number, size = 16): number {
  const pms = scenario.pms;
  const vms = scenario.vms;
  const freeCpu = new Map<string, number>();
  const freeMem = new Map<string, number>();
  pms.forEach((pm, p) =>
    pm.nodes.forEach((node, n) => {
      freeCpu.set(`${p}/${n}`, node.cpu);
      freeMem.set(`${p}/${n}`, node.memory);
    }),
  );
  const pmOf = vms.map((vm) => vm.pm);
  const nodeOf = vms.map((vm) => (vm.numa === 'double' ? -1 : (vm.node ?? 0)));
  const idIndex = new Map(vms.map((vm, v) => [vm.id, v]));
  const groupsOf = vms.map(() => [] as { rack: boolean; members: number[] }[]);
  for (const group of scenario.antiAffinity ?? []) {
    const members = group.vms.map((id) => idIndex.get(id)!);
    for (const v of members) groupsOf[v].push({ rack: group.granularity === 'rack', members });
  }
  const take = (v: number, pm: number, node: number, sign: number) => {
    const nodes = node < 0 ? [0, 1] : [node];
    const part = node < 0 ? 2 : 1;
    for (const n of nodes) {
      const key = `${pm}/${n}`;
      freeCpu.set(key, freeCpu.get(key)! - (sign * vms[v].cpu) / part);
      freeMem.set(key, freeMem.get(key)! - (sign * vms[v].memory) / part);
    }
  };
  vms.forEach((_, v) => take(v, pmOf[v], nodeOf[v], 1));
  const fragment = () => {
    let total = 0;
    pms.forEach((pm, p) => {
      if (pm.status !== 'active') return;
      pm.nodes.forEach((_, n) => (total += freeCpu.get(`${p}/${n}`)! % size));
    });
    return total;
  };
  const fits = (v: number, pm: number, node: number) => {
    const part = node < 0 ? 2 : 1;
    return (node < 0 ? [0, 1] : [node]).every((n) => freeCpu.get(`${pm}/${n}`)! >= vms[v].cpu / part && freeMem.get(`${pm}/${n}`)! >= vms[v].memory / part);
  };
  const allowedByGroups = (v: number, pm: number) =>
    groupsOf[v].every(({ rack, members }) => {
      const area = (p: number) => (rack ? pms[p].rack : String(p));
      if (area(pmOf[v]) === area(pm)) return true;
      return members.every((w) => w === v || area(pmOf[w]) !== area(pm));
    });
  const movesFrom = (): [number, number, number][] => {
    const moves: [number, number, number][] = [];
    vms.forEach((vm, v) => {
      if (vm.movable === false) return;
      pms.forEach((pm, p) => {
        if (pm.status !== 'active' || !allowedByGroups(v, p)) return;
        if (vm.numa === 'double') {
          if (pm.nodes.length === 2 && p !== pmOf[v] && fits(v, p, -1)) moves.push([v, p, -1]);
          return;
        }
        pm.nodes.forEach((_, n) => {
          if (!(p === pmOf[v] && n === nodeOf[v]) && fits(v, p, n)) moves.push([v, p, n]);
        });
      });
    });
    return moves;
  };
  let best = fragment();
  const seen = new Map<string, number>();
  const visit = (left: number) => {
    best = Math.min(best, fragment());
    const key = vms.map((_, v) => `${pmOf[v]}.${nodeOf[v]}`).join(',');
    if ((seen.get(key) ?? -1) >= left) return;
    seen.set(key, left);
    if (left === 0) return;
    for (const [v, pm, node] of movesFrom()) {
      const from = [pmOf[v], nodeOf[v]] as const;
      take(v, from[0], from[1], -1);
      take(v, pm, node, 1);
      pmOf[v] = pm;
      nodeOf[v] = node;
      visit(left - 1);
      take(v, pm, node, -1);
      take(v, from[0], from[1], 1);
      pmOf[v] = from[0];
      nodeOf[v] = from[1];
    }
  };
  visit(limit);
  return best;
}
