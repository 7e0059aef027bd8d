/**
 * SchedLab VM-rescheduling policy API.
 *
 * This one file is everything a policy author needs: the editor loads it for completion and type errors, and every
 * built-in policy is written against it exactly as yours is. A policy file has a default export:
 *
 * ```ts
 * import type { VmPolicy } from 'schedlab/vm';
 *
 * const policy: VmPolicy = {
 *   id: 'first-small',
 *   label: 'First small VM',
 *   description: 'Moves the first 2-core VM to the first node with room, once',
 *   nextMigration: (view) => {
 *     if (view.migrations > 0) return null;
 *     for (let vm = 0; vm < view.vmCount; vm++) {
 *       if (view.vmCpu(vm) !== 2) continue;
 *       for (let pm = 0; pm < view.pmCount; pm++) {
 *         for (let node = 0; node < view.pmNodeCount(pm); node++) {
 *           if (view.canMove(vm, pm, node)) return { vm, pm, node };
 *         }
 *       }
 *     }
 *     return null;
 *   },
 * };
 * export default policy;
 * ```
 *
 * Rescheduling mode: the engine asks `nextMigration` for one migration at a time (or a whole plan) and applies it,
 * until the policy answers null or the migration number limit (MNL) is reached. A migration the cluster cannot take (no room on the
 * destination, an inactive PM, the VM's own place, a VM that may not move, a PM or rack that already holds a VM of
 * the same anti-affinity group) stops the run with an error that says what was asked and why it is impossible.
 * Objective: the fragment rate FR = sum over active PMs and NUMA nodes of (free cores mod F) / sum of free cores
 * (F = 16 unless the run says otherwise; FR = 0 when nothing is free). Runs may instead ask for consolidation (fewest
 * PMs in use) or balance (even CPU load); `view.objective` says which.
 *
 * Placement mode (a scenario with pending VMs): the engine asks `nextPlacement` for one decision at a time: a
 * pending VM to place (`vmPm(vm) === -1`), or a placed VM to migrate to make room (counted against the MNL). The
 * objective is the number of VMs placed, higher `vmPriority` first. The run ends when the policy answers null or
 * nothing is pending.
 *
 * State drift: with drift on, the cluster keeps changing while the policy thinks. The policy plans on the snapshot
 * (it never sees the changes); then the arrivals and exits of the first `decision time` seconds happen, and the plan
 * is applied in order, dropping the migrations that became impossible. A fast policy can beat a slow optimal one.
 *
 * PMs, NUMA nodes and VMs are numbered from 0. Only types may be imported; randomness comes from `view.random()`
 * (and `Math.random`, which is seeded per run), so a run is reproducible.
 *
 * This file is self-contained on purpose: it imports nothing.
 */

/** A numeric parameter the policy reads with `view.param(name)`; sweeps and searches vary it within its range. */
export interface PolicyParameter {
  /** Name used with `view.param(name)` and `--param name=value`. */
  readonly name: string;
  /** What the parameter changes. */
  readonly description: string;
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** Value used when none is given. */
  readonly default: number;
  /** Only whole numbers are allowed. */
  readonly integer?: boolean;
}

/** What a run optimises besides the number of migrations. */
export type VmObjective = 'fragment' | 'consolidation' | 'balance';

/** What `view.solveMip` answers: HiGHS's status and, when it found a solution, the value of every column by name. */
export interface MipSolution {
  /** "Optimal", "Time limit reached", "Infeasible", ... as HiGHS words it. */
  readonly status: string;
  /** True when a feasible solution came back (optimal or not). */
  readonly feasible: boolean;
  /** Objective value of the solution (NaN without one). */
  readonly objective: number;
  /** Relative gap between the solution and the best bound HiGHS proved (0 when optimal; NaN when unknown). */
  readonly gap: number;
  /** Column name -> value in the solution. */
  readonly columns: Readonly<Record<string, number>>;
}

/** Options for `view.solveMip`. */
export interface MipOptions {
  /** Stop after this many seconds and return the best solution found (default 10). */
  readonly timeLimitSeconds?: number;
}

/**
 * One migration: move VM `vm` to PM `pm`. For a single-NUMA VM, `node` is the destination NUMA node; without it
 * the engine takes the node with the VM's current node number if it has room, else the lowest node that has room.
 * A double-NUMA VM always takes equal halves on nodes 0 and 1 of the PM; leave `node` out for it.
 */
export interface Migration {
  /** VM index. */
  readonly vm: number;
  /** Destination PM index. */
  readonly pm: number;
  /** Destination NUMA node of a single-NUMA VM. */
  readonly node?: number;
}

/**
 * Read-only view of the cluster before each decision. All values come through methods; the view never hands out
 * the engine's own arrays, so a policy can change nothing except by what it returns.
 */
export interface VmView {
  /** Number of PMs, active or not. */
  readonly pmCount: number;
  /** Number of VMs. */
  readonly vmCount: number;
  /** Migrations applied so far in this run. */
  readonly migrations: number;
  /** The migration number limit (MNL) of this run; Infinity when there is none. */
  readonly migrationLimit: number;
  /** 'rescheduling' (nextMigration is called) or 'placement' (nextPlacement is called). */
  readonly mode: 'rescheduling' | 'placement';
  /** What this run optimises besides migrations. */
  readonly objective: VmObjective;
  /** VMs still waiting for a place (placement mode). */
  readonly pendingCount: number;
  /** F in the fragment rate: free cores on a node count as fragment modulo this size (16 by default). */
  readonly fragmentSize: number;
  /** Current fragment rate FR in [0, 1). */
  readonly fragmentRate: number;
  /** Current sum over active nodes of (free cores mod F): the numerator of FR. */
  readonly fragmentCores: number;
  /** Current sum of free cores over active nodes: the denominator of FR (migrations between active PMs keep it). */
  readonly freeCores: number;

  /** The PM's id in the scenario ("host-3tef86p1d64e8i4r0a8x"). */
  pmId(pm: number): string;
  /** Whether the PM is active: only active PMs take migrations and count in FR. */
  pmActive(pm: number): boolean;
  /** Rack index of the PM (PMs with equal index share a rack). */
  pmRack(pm: number): number;
  /** Number of NUMA nodes of the PM (1 means no NUMA; usually 2). */
  pmNodeCount(pm: number): number;
  /** Total cores of a NUMA node. */
  nodeCpu(pm: number, node: number): number;
  /** Total memory of a NUMA node in MB. */
  nodeMemory(pm: number, node: number): number;
  /** Free cores of a NUMA node now. */
  freeCpu(pm: number, node: number): number;
  /** Free memory of a NUMA node now, in MB. */
  freeMemory(pm: number, node: number): number;

  /** The VM's id in the scenario ("i-7grbuqafnpha6izxmz66"). */
  vmId(vm: number): string;
  /** Total cores of the VM (a double-NUMA VM takes half on each node). */
  vmCpu(vm: number): number;
  /** Total memory of the VM in MB (a double-NUMA VM takes half on each node). */
  vmMemory(vm: number): number;
  /** True for a double-NUMA VM (equal halves on nodes 0 and 1 of its PM); it stays double when it moves. */
  vmDouble(vm: number): boolean;
  /** False for a VM the scenario does not allow to migrate. */
  vmMovable(vm: number): boolean;
  /** The PM the VM is on now; -1 for a pending VM. */
  vmPm(vm: number): number;
  /** The NUMA node of a single-NUMA VM now; -1 for a double-NUMA VM or a pending one. */
  vmNode(vm: number): number;
  /** True while the VM waits for a place (placement mode). */
  vmPending(vm: number): boolean;
  /** The VM's priority: placement places higher first (0 unless the scenario says). */
  vmPriority(vm: number): number;

  /** Number of anti-affinity groups. */
  readonly groupCount: number;
  /** True when the group forbids sharing a rack, false when it forbids sharing a PM. */
  groupRackLevel(group: number): boolean;
  /** Number of VMs in the group. */
  groupSize(group: number): number;
  /** The k-th VM of the group. */
  groupMember(group: number, k: number): number;
  /** Number of groups the VM belongs to. */
  vmGroupCount(vm: number): number;
  /** The k-th group of the VM. */
  vmGroup(vm: number, k: number): number;

  /** Whether `{ vm, pm, node }` would be accepted now (the same checks the engine makes). */
  canMove(vm: number, pm: number, node?: number): boolean;

  /**
   * How many fragment cores (the sum over active PMs' nodes of free cores mod fragmentSize) `{ vm, pm, node }` would
   * add (> 0) or remove (< 0) if applied now; Infinity when the move is not allowed (see canMove).
   */
  fragmentChange(vm: number, pm: number, node?: number): number;

  /**
   * Orders target moves (each VM at most once) so that each is feasible once the earlier ones are applied, starting
   * from the cluster now; targets already met are left out. A set of targets can be feasible as a whole while no
   * order of single moves reaches it (two full nodes swapping VMs): those come back in `blocked`. Return `order`
   * from nextMigration to apply it as a plan.
   */
  orderMoves(targets: readonly Migration[]): { readonly order: Migration[]; readonly blocked: Migration[] };

  /**
   * Solves a mixed-integer program written in CPLEX LP format with HiGHS (WebAssembly, in the same worker). Throws
   * when the run has no solver (a run started without one, as in plain unit tests). Long constraint lines are fine:
   * keep each line under 500 characters by breaking sums over several lines.
   */
  solveMip(lp: string, options?: MipOptions): MipSolution;

  /**
   * Records a fact about how the policy decided ("mipStatus": "Optimal", "mipGap": 0): shown with the run's results
   * (result.notes) and kept apart from the metrics. A later note with the same name replaces the earlier one.
   */
  note(name: string, value: number | string | boolean): void;

  /** The value of a declared parameter (its default unless the run sets it). */
  param(name: string): number;
  /** A uniform number in [0, 1) from this run's seeded policy stream. */
  random(): number;
}

/**
 * A VM-rescheduling policy.
 *
 * `Plan` is whatever `prepare` returns: per-run state that the engine passes back to every call, so that nothing
 * is kept between runs in module variables.
 */
export interface VmPolicy<Plan = unknown> {
  /** Short stable id ("greedy"). */
  readonly id: string;
  /** Display name ("Greedy (VMR2L)"). */
  readonly label: string;
  /** One line: what the policy does. */
  readonly description: string;
  /** The paper or code the policy comes from. */
  readonly paper?: string;
  /** Declared numeric parameters. */
  readonly params?: readonly PolicyParameter[];
  /** True when the policy calls view.solveMip, so the lab and the command line load HiGHS before the run. */
  readonly usesMip?: boolean;
  /** Called once before the first decision with the initial cluster; its result is passed to every later call. */
  prepare?(view: VmView): Plan;
  /**
   * Rescheduling mode: the next migration, a plan (several migrations, applied in order and each checked), or null
   * to stop. Called until null or the MNL is reached; a plan longer than the budget left stops the run with an error.
   */
  nextMigration?(view: VmView, plan: Plan): Migration | readonly Migration[] | null;
  /**
   * Placement mode: place a pending VM (`{ vm, pm, node? }` with `vmPm(vm) === -1`), migrate a placed one to make
   * room, or null to stop. Called until null or nothing is pending.
   */
  nextPlacement?(view: VmView, plan: Plan): Migration | null;
}
