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
 * Rescheduling mode: the engine asks `nextMigration` for one migration at a time and applies it, until the policy
 * answers null or the migration number limit (MNL) is reached. A migration the cluster cannot take (no room on the
 * destination, an inactive PM, the VM's own place, a VM that may not move) stops the run with an error that says
 * what was asked and why it is impossible. Objective: the fragment rate FR = sum over active PMs and NUMA nodes of
 * (free cores mod F) / sum of free cores (F = 16 unless the run says otherwise; FR = 0 when nothing is free).
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
  /** The PM the VM is on now. */
  vmPm(vm: number): number;
  /** The NUMA node of a single-NUMA VM now; -1 for a double-NUMA VM. */
  vmNode(vm: number): number;

  /** Whether `{ vm, pm, node }` would be accepted now (the same checks the engine makes). */
  canMove(vm: number, pm: number, node?: number): boolean;

  /**
   * How many fragment cores (the sum over active PMs' nodes of free cores mod fragmentSize) `{ vm, pm, node }` would
   * add (> 0) or remove (< 0) if applied now; Infinity when the move is not allowed (see canMove).
   */
  fragmentChange(vm: number, pm: number, node?: number): number;

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
  /** Called once before the first decision with the initial cluster; its result is passed to every later call. */
  prepare?(view: VmView): Plan;
  /** The next migration, or null to stop. Called before every migration until null or the MNL is reached. */
  nextMigration(view: VmView, plan: Plan): Migration | null;
}
