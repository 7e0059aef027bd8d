import type { Migration, MipSolution, VmPolicy, VmView } from 'schedlab/vm';

/**
 * The exact baseline: a per-VM MIP solved by HiGHS (view.solveMip), for small instances only.
 *
 * Variables: x{i}_{k} = 1 when model VM i ends on its k-th place (a PM and node; a PM for a double-NUMA VM). Rows:
 * each VM on exactly one place; per active node, cores used + F q + r = capacity with q, r whole numbers and
 * 0 <= r <= F-1, so r = free mod F; memory per node; at most MNL VMs off their own place; anti-affinity.
 * Objective: W * sum r + (VMs moved), with W larger than any number of moves, so fewer migrations only break ties
 * and never change the fragment optimum.
 *
 * The MIP chooses a final placement, but the engine applies one migration at a time. Two full nodes swapping VMs
 * is a final placement no order of single moves reaches; a third place in between can, if the MNL leaves room for
 * the extra move. So the target is turned into a sequence by an exact search (orders, and detours through other
 * places, within the MNL); a placement no sequence reaches is excluded by a no-good cut and the MIP solved again.
 * Any reachable final placement is feasible for the MIP, so the first reachable optimum is optimal over sequences.
 */

/** A place a VM can be: node -1 means both nodes of the PM (double-NUMA). */
interface Place {
  readonly pm: number;
  readonly node: number;
  /** Dense node indices it takes cores on (two for a double-NUMA VM). */
  readonly nodes: readonly number[];
  readonly active: boolean;
}

/** What the solves found, for the run's report (see `report` in the plan). */
export interface MipReport {
  status: string;
  gap: number;
  objective: number;
  solves: number;
  cuts: number;
  /** True when HiGHS proved optimality and every sequence question was answered exactly. */
  proven: boolean;
}

interface Model {
  readonly vms: number[];
  readonly places: Place[][];
  readonly home: number[];
  /** Model index of a VM, -1 for a VM that stays where it is. */
  readonly index: Int32Array;
  readonly nodeActive: boolean[];
  readonly lp: string;
  readonly binaries: number;
}

const TERMS_PER_LINE = 8;

/** A sum over several short lines: HiGHS's LP reader has a line-length limit. */
function sum(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) lines.push(' + ' + terms.slice(i, i + TERMS_PER_LINE).join(' + '));
  return lines.join('\n');
}

const wholeNumber = (x: number, what: string) => {
  if (!Number.isInteger(x)) throw new Error(`the exact MIP needs whole cores; ${what} is ${x}`);
  return x;
};

/** Places each movable VM could ever take: active PMs whose nodes hold it next to the VMs that cannot move. */
function buildModel(view: VmView, maxBinaries: number): Model {
  const F = view.fragmentSize;
  const nodeKey = new Map<string, number>();
  const cap: number[] = [];
  const mem: number[] = [];
  const nodeActive: boolean[] = [];
  for (let pm = 0; pm < view.pmCount; pm++) {
    for (let n = 0; n < view.pmNodeCount(pm); n++) {
      nodeKey.set(`${pm}/${n}`, cap.length);
      cap.push(wholeNumber(view.nodeCpu(pm, n), `node ${n} of PM ${pm}`));
      mem.push(view.nodeMemory(pm, n));
      nodeActive.push(view.pmActive(pm));
    }
  }
  const nodesOf = (vm: number, pm: number, node: number) => (node < 0 ? [0, 1] : [node]).map((n) => nodeKey.get(`${pm}/${n}`)!);
  const share = (vm: number) => (view.vmDouble(vm) ? view.vmCpu(vm) / 2 : view.vmCpu(vm));
  const shareMem = (vm: number) => (view.vmDouble(vm) ? view.vmMemory(vm) / 2 : view.vmMemory(vm));
  const fixedCpu = new Array<number>(cap.length).fill(0);
  const fixedMem = new Array<number>(cap.length).fill(0);
  const placeOf = (vm: number) => (view.vmDouble(vm) ? -1 : view.vmNode(vm));
  for (let vm = 0; vm < view.vmCount; vm++) {
    wholeNumber(share(vm), `the per-node share of VM ${vm}`);
    if (view.vmMovable(vm)) continue;
    for (const g of nodesOf(vm, view.vmPm(vm), placeOf(vm))) {
      fixedCpu[g] += share(vm);
      fixedMem[g] += shareMem(vm);
    }
  }
  // Anti-affinity known up front: a VM that cannot move blocks its PM (or rack) to the rest of its group for good.
  const blockedBy = (vm: number, pm: number) => {
    for (let k = 0; k < view.vmGroupCount(vm); k++) {
      const group = view.vmGroup(vm, k);
      const rack = view.groupRackLevel(group);
      const same = (a: number, b: number) => (rack ? view.pmRack(a) === view.pmRack(b) : a === b);
      if (same(view.vmPm(vm), pm)) continue;
      for (let m = 0; m < view.groupSize(group); m++) {
        const other = view.groupMember(group, m);
        if (other !== vm && !view.vmMovable(other) && view.vmPm(other) >= 0 && same(view.vmPm(other), pm)) return true;
      }
    }
    return false;
  };
  const vms: number[] = [];
  const places: Place[][] = [];
  const home: number[] = [];
  const index = new Int32Array(view.vmCount).fill(-1);
  let binaries = 0;
  for (let vm = 0; vm < view.vmCount; vm++) {
    if (!view.vmMovable(vm) || view.vmPm(vm) < 0) continue;
    const own = { pm: view.vmPm(vm), node: placeOf(vm) };
    const list: Place[] = [{ ...own, nodes: nodesOf(vm, own.pm, own.node), active: view.pmActive(own.pm) }];
    for (let pm = 0; pm < view.pmCount; pm++) {
      if (!view.pmActive(pm) || blockedBy(vm, pm)) continue;
      const options = view.vmDouble(vm) ? (view.pmNodeCount(pm) === 2 && pm !== own.pm ? [-1] : []) : Array.from({ length: view.pmNodeCount(pm) }, (_, n) => n);
      for (const node of options) {
        if (pm === own.pm && node === own.node) continue;
        const nodes = nodesOf(vm, pm, node);
        if (nodes.every((g) => cap[g] - fixedCpu[g] >= share(vm) && mem[g] - fixedMem[g] >= shareMem(vm))) list.push({ pm, node, nodes, active: true });
      }
    }
    if (list.length < 2) {
      // Nowhere else to go: it stays, and its cores count like those of a VM that may not move.
      for (const g of list[0].nodes) {
        fixedCpu[g] += share(vm);
        fixedMem[g] += shareMem(vm);
      }
      continue;
    }
    index[vm] = vms.length;
    vms.push(vm);
    places.push(list);
    home.push(0);
    binaries += list.length;
  }
  if (binaries > maxBinaries) {
    throw new Error(
      `the instance is too large for the exact MIP: ${binaries} binary variables (${vms.length} movable VMs x their possible places) ` +
        `> maxBinaries ${maxBinaries}. HiGHS in WebAssembly runs out of time or memory beyond that; use a smaller cluster, or greedy`,
    );
  }
  const x = (i: number, k: number) => `x${i}_${k}`;
  // Cores and memory each node gets from the model's VMs; nodes no model VM can touch are constants and left out.
  const cpuTerms = cap.map(() => [] as string[]);
  const memTerms = cap.map(() => [] as string[]);
  const memDemand = new Array<number>(cap.length).fill(0);
  const maxMemPerCore = new Array<number>(cap.length).fill(0);
  const objective: string[] = [];
  const moved: string[] = [];
  const rows: string[] = [];
  vms.forEach((vm, i) => {
    rows.push(`a${i}:\n${sum(places[i].map((_, k) => x(i, k)))}\n = 1`);
    places[i].forEach((place, k) => {
      for (const g of place.nodes) {
        cpuTerms[g].push(`${share(vm)} ${x(i, k)}`);
        memTerms[g].push(`${shareMem(vm)} ${x(i, k)}`);
        memDemand[g] += shareMem(vm);
        maxMemPerCore[g] = Math.max(maxMemPerCore[g], share(vm) > 0 ? shareMem(vm) / share(vm) : Infinity);
      }
      if (k !== home[i]) moved.push(x(i, k));
    });
  });
  const generals: string[] = [];
  const bounds: string[] = [];
  const weight = moved.length + 1;
  cap.forEach((c, g) => {
    if (cpuTerms[g].length === 0) return;
    const free = c - fixedCpu[g];
    if (nodeActive[g]) {
      rows.push(`f${g}:\n${sum([...cpuTerms[g], `${F} q${g}`, `r${g}`])}\n = ${free}`);
      bounds.push(` 0 <= q${g} <= ${Math.floor(free / F)}`, ` 0 <= r${g} <= ${F - 1}`);
      generals.push(`q${g}`, `r${g}`);
      objective.push(`${weight} r${g}`);
    }
    // An inactive PM takes no VMs (its own may only leave), so it needs no capacity row and counts in no fragment.
    // The memory row is left out when it cannot bind: all candidates together fit, or no candidate needs more memory
    // per core than the node has per free core (then the core row implies it, as in the VMR2L data).
    const memFree = mem[g] - fixedMem[g];
    const implied = Number.isFinite(maxMemPerCore[g]) && maxMemPerCore[g] * (c - fixedCpu[g]) <= memFree;
    const memBinds = memDemand[g] > memFree && !implied;
    if (nodeActive[g] && memBinds) rows.push(`m${g}:\n${sum(memTerms[g])}\n <= ${mem[g] - fixedMem[g]}`);
  });
  const budget = view.migrationLimit - view.migrations;
  if (budget < vms.length) rows.push(`mnl:\n${sum(moved)}\n <= ${budget}`);
  rows.push(...antiAffinityRows(view, vms, places, index, x));
  objective.push(...moved);
  const binaryNames = vms.flatMap((_, i) => places[i].map((_, k) => x(i, k)));
  const lp = [
    'Minimize',
    ` obj:\n${sum(objective.length > 0 ? objective : ['0 x0_0'])}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds,
    'Generals',
    sum(generals).replace(/ \+ /g, ' '),
    'Binaries',
    sum(binaryNames).replace(/ \+ /g, ' '),
    'End',
  ].join('\n');
  return { vms, places, home, index, nodeActive, lp, binaries };
}

/**
 * Anti-affinity as the engine checks it, one move at a time: a VM may arrive on a PM (rack) only when no other
 * member of its group is there. So at the end, a member that arrived is alone there; members that were there from
 * the start may stay together (a snapshot can already break the rule, and moving within the PM or rack is free).
 */
function antiAffinityRows(view: VmView, vms: number[], places: Place[][], index: Int32Array, x: (i: number, k: number) => string): string[] {
  const rows: string[] = [];
  for (let group = 0; group < view.groupCount; group++) {
    const rack = view.groupRackLevel(group);
    const areaOf = (pm: number) => (rack ? view.pmRack(pm) : pm);
    // Per area: the terms of members that would arrive, and per member already there, its terms (or "fixed").
    const arriving = new Map<number, string[]>();
    const present = new Map<number, string[][]>();
    for (let m = 0; m < view.groupSize(group); m++) {
      const vm = view.groupMember(group, m);
      if (view.vmPm(vm) < 0) continue;
      const ownArea = areaOf(view.vmPm(vm));
      const i = index[vm];
      const staying: string[] = [];
      if (i >= 0) {
        places[i].forEach((place, k) => {
          const area = areaOf(place.pm);
          if (area === ownArea) staying.push(x(i, k));
          else arriving.set(area, [...(arriving.get(area) ?? []), x(i, k)]);
        });
      }
      present.set(ownArea, [...(present.get(ownArea) ?? []), i >= 0 ? staying : []]);
    }
    for (const [area, terms] of arriving) {
      const here = present.get(area) ?? [];
      if (here.length === 0) rows.push(`g${group}_${area}:\n${sum(terms)}\n <= 1`);
      here.forEach((stay, h) => {
        // A member that cannot leave counts as a constant 1 (then nobody may arrive).
        rows.push(`g${group}_${area}_${h}:\n${sum([...terms, ...stay])}\n <= ${stay.length === 0 ? 0 : 1}`);
      });
    }
  }
  return rows;
}

/** Placements the search tries out, with the same checks the engine makes on every migration. */
class Trial {
  readonly cur: Int32Array;
  readonly freeCpu: number[] = [];
  readonly freeMem: number[] = [];
  constructor(
    private readonly view: VmView,
    private readonly model: Model,
  ) {
    this.cur = Int32Array.from(model.home);
    for (let pm = 0; pm < view.pmCount; pm++) {
      for (let n = 0; n < view.pmNodeCount(pm); n++) {
        this.freeCpu.push(view.freeCpu(pm, n));
        this.freeMem.push(view.freeMemory(pm, n));
      }
    }
  }

  private pmOf(vm: number): number {
    const i = this.model.index[vm];
    return i >= 0 ? this.model.places[i][this.cur[i]].pm : this.view.vmPm(vm);
  }

  canMove(i: number, k: number): boolean {
    const { view, model } = this;
    const vm = model.vms[i];
    const to = model.places[i][k];
    if (k === this.cur[i] || !to.active) return false;
    const double = view.vmDouble(vm);
    const cpu = double ? view.vmCpu(vm) / 2 : view.vmCpu(vm);
    const memory = double ? view.vmMemory(vm) / 2 : view.vmMemory(vm);
    if (!to.nodes.every((g) => this.freeCpu[g] >= cpu && this.freeMem[g] >= memory)) return false;
    const from = this.pmOf(vm);
    for (let k2 = 0; k2 < view.vmGroupCount(vm); k2++) {
      const group = view.vmGroup(vm, k2);
      const rack = view.groupRackLevel(group);
      const same = (a: number, b: number) => (rack ? view.pmRack(a) === view.pmRack(b) : a === b);
      if (same(from, to.pm)) continue;
      for (let m = 0; m < view.groupSize(group); m++) {
        const other = view.groupMember(group, m);
        const at = this.pmOf(other);
        if (other !== vm && at >= 0 && same(at, to.pm)) return false;
      }
    }
    return true;
  }

  /** Moves without checking (also used to undo a move). */
  place(i: number, k: number): number {
    const { view, model } = this;
    const vm = model.vms[i];
    const double = view.vmDouble(vm);
    const cpu = double ? view.vmCpu(vm) / 2 : view.vmCpu(vm);
    const memory = double ? view.vmMemory(vm) / 2 : view.vmMemory(vm);
    const before = this.cur[i];
    for (const g of model.places[i][before].nodes) {
      this.freeCpu[g] += cpu;
      this.freeMem[g] += memory;
    }
    for (const g of model.places[i][k].nodes) {
      this.freeCpu[g] -= cpu;
      this.freeMem[g] -= memory;
    }
    this.cur[i] = k;
    return before;
  }

  /** Which VMs are away from their own place, and where: the state's identity for the search's memo. */
  key(): string {
    let key = '';
    for (let i = 0; i < this.cur.length; i++) if (this.cur[i] !== this.model.home[i]) key += `${i}:${this.cur[i]},`;
    return key;
  }

  fragmentCores(size: number): number {
    let total = 0;
    this.freeCpu.forEach((free, g) => (total += this.model.nodeActive[g] ? free % size : 0));
    return total;
  }
}

type Reach = { readonly kind: 'found'; readonly moves: [number, number][] } | { readonly kind: 'none' | 'unknown' };

/**
 * Depth-first search, with a memo, for at most `budget` migrations from the current placement to `target`: first
 * each VM straight to its target (any order), then detours (a VM to some other place, which costs one more move)
 * while the budget allows them. Exact unless it visits more than `maxStates` states ('unknown').
 */
function findSequence(trial: Trial, places: readonly Place[][], target: Int32Array, budget: number, maxStates: number): Reach {
  const n = target.length;
  const memo = new Map<string, number>();
  const path: [number, number][] = [];
  let states = 0;
  const search = (left: number): boolean => {
    let away = 0;
    for (let i = 0; i < n; i++) if (trial.cur[i] !== target[i]) away++;
    if (away === 0) return true;
    if (away > left || states > maxStates) return false;
    const key = trial.key();
    if ((memo.get(key) ?? -1) >= left) return false;
    memo.set(key, left);
    states++;
    const attempt = (i: number, k: number) => {
      if (!trial.canMove(i, k)) return false;
      const before = trial.place(i, k);
      path.push([i, k]);
      if (search(left - 1)) return true;
      path.pop();
      trial.place(i, before);
      return false;
    };
    for (let i = 0; i < n; i++) if (trial.cur[i] !== target[i] && attempt(i, target[i])) return true;
    for (let i = 0; i < n; i++) {
      // A detour of a VM already at its target costs two moves (away and back), of any other one move.
      if (left - 1 < away + (trial.cur[i] === target[i] ? 1 : 0)) continue;
      for (let k = 0; k < places[i].length; k++) {
        if (k !== target[i] && attempt(i, k)) return true;
      }
    }
    return false;
  };
  if (search(budget)) return { kind: 'found', moves: path.slice() };
  return { kind: states > maxStates ? 'unknown' : 'none' };
}

interface MipPlan {
  moves: Migration[] | null;
  readonly report: MipReport;
}

const policy: VmPolicy<MipPlan> = {
  id: 'mip',
  label: 'Exact MIP (HiGHS)',
  description: 'Solves the per-VM MIP exactly with HiGHS within a time limit, for small clusters only',
  paper: 'Ding et al. 2025, Towards VM Rescheduling Optimization Through Deep Reinforcement Learning (EuroSys), MIP baseline',
  usesMip: true,
  params: [
    { name: 'timeLimitSeconds', description: 'HiGHS time limit per solve, in seconds', min: 0.1, max: 3600, default: 10 },
    { name: 'maxBinaries', description: 'Refuse larger models (binary variables) rather than exhaust memory', min: 1, max: 1_000_000, default: 20_000, integer: true },
    { name: 'maxCuts', description: 'Re-solves after excluding a placement no migration order reaches', min: 0, max: 1000, default: 20, integer: true },
    { name: 'maxSearchStates', description: 'States the migration-order search may visit per placement', min: 1, max: 10_000_000, default: 200_000, integer: true },
  ],
  prepare: (view) => {
    const report: MipReport = { status: 'not solved', gap: NaN, objective: NaN, solves: 0, cuts: 0, proven: true };
    if (view.objective !== 'fragment') throw new Error(`the exact MIP minimises the fragment rate; this run asks for ${view.objective}`);
    const model = buildModel(view, view.param('maxBinaries'));
    const left = view.migrationLimit - view.migrations;
    if (model.vms.length === 0 || left <= 0) return { moves: null, report };
    // Detours can take more migrations than VMs; without an MNL, allow each VM a few (the search is bounded anyway).
    const budget = Number.isFinite(left) ? left : 3 * model.vms.length;
    const cuts: string[] = [];
    let fallback: Migration[] | null = null;
    for (;;) {
      const lp = model.lp.replace('\nBounds', cuts.length > 0 ? `\n${cuts.join('\n')}\nBounds` : '\nBounds');
      const solution: MipSolution = view.solveMip(lp, { timeLimitSeconds: view.param('timeLimitSeconds') });
      Object.assign(report, { status: solution.status, gap: solution.gap, objective: solution.objective, solves: report.solves + 1 });
      if (solution.status !== 'Optimal') report.proven = false;
      if (!solution.feasible) return { moves: fallback, report };
      const target = Int32Array.from(model.vms, (_, i) => model.places[i].findIndex((_, k) => (solution.columns[`x${i}_${k}`] ?? 0) > 0.5));
      const migration = (i: number, k: number): Migration => {
        const place = model.places[i][k];
        return place.node < 0 ? { vm: model.vms[i], pm: place.pm } : { vm: model.vms[i], pm: place.pm, node: place.node };
      };
      const targets = model.vms.flatMap((_, i) => (target[i] === model.home[i] ? [] : [migration(i, target[i])]));
      const ordered = view.orderMoves(targets);
      if (ordered.blocked.length === 0) return { moves: ordered.order.length > 0 ? ordered.order : null, report };
      const reach = findSequence(new Trial(view, model), model.places, target, budget, view.param('maxSearchStates'));
      if (reach.kind === 'found') return { moves: reach.moves.map(([i, k]) => migration(i, k)), report };
      if (reach.kind === 'unknown') report.proven = false;
      fallback ??= bestPartial(view, model, ordered.order);
      if (cuts.length >= view.param('maxCuts')) {
        report.proven = false;
        return { moves: fallback, report };
      }
      // No-good cut: not every VM on the place this solution gave it.
      cuts.push(` cut${cuts.length}:\n${sum(model.vms.map((_, i) => `x${i}_${target[i]}`))}\n <= ${model.vms.length - 1}`);
      report.cuts = cuts.length;
    }
  },
  nextMigration: (view, plan) => {
    const moves = plan.moves;
    plan.moves = null;
    // Once, before the plan: what the solver said, so a reader knows whether this FR is proven optimal.
    if (moves !== null || plan.report.solves > 0) {
      const { status, gap, objective, solves, cuts, proven } = plan.report;
      view.note('mipStatus', status);
      view.note('mipGap', gap);
      view.note('mipObjective', objective);
      view.note('mipSolves', solves);
      view.note('mipCuts', cuts);
      view.note('provenOptimal', proven);
    }
    return moves;
  },
};

/** The orderable part of an unreachable target, when it lowers fragments on its own (else nothing). */
function bestPartial(view: VmView, model: Model, order: Migration[]): Migration[] | null {
  if (order.length === 0) return null;
  const trial = new Trial(view, model);
  const before = trial.fragmentCores(view.fragmentSize);
  for (const move of order) {
    const i = model.index[move.vm];
    trial.place(i, model.places[i].findIndex((p) => p.pm === move.pm && (p.node < 0 || p.node === move.node)));
  }
  return trial.fragmentCores(view.fragmentSize) < before ? order : null;
}

export default policy;
