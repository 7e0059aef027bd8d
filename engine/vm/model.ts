/**
 * The VM-rescheduling model as plain data (what importers return, what is stored and sent to workers), and its
 * compiled form (flat typed arrays) that the simulation and the policy view read.
 *
 * Free CPU and memory are never part of the plain form: they are always recomputed from the VMs, because snapshot
 * files disagree with themselves (the VMR2L sample's stored free memory is wrong on 153 of 558 NUMA nodes).
 */

/** Only active PMs take part: they host migrations and count in the fragment rate. */
export const PM_STATUSES = ['active', 'disabled', 'outage'] as const;
export type PmStatus = (typeof PM_STATUSES)[number];

/** single: all of the VM on one NUMA node; double: equal halves on both nodes of one PM. */
export const NUMA_MODES = ['single', 'double'] as const;
export type NumaMode = (typeof NUMA_MODES)[number];

/** Capacity of one NUMA node. */
export interface NumaNode {
  /** Cores, a whole number >= 0. */
  readonly cpu: number;
  /** Memory in MB. */
  readonly memory: number;
}

export interface PhysicalMachine {
  /** The scenario's id ("host-3tef86p1d64e8i4r0a8x"). */
  readonly id: string;
  readonly status: PmStatus;
  /** Rack label, unique across clusters ("b05-dpdk-c1/2"). */
  readonly rack: string;
  /** One node means no NUMA; two is the usual case. */
  readonly nodes: readonly NumaNode[];
}

/** A VM's shape: what a pending VM or a VM created by a drift event is, before it has a place. */
export interface VmSpec {
  readonly id: string;
  /** Flavour name, for display ("ecs.c1.4xlarge"). */
  readonly type?: string;
  /** Total cores; a double-NUMA VM takes half on each node, so its cores are even. */
  readonly cpu: number;
  /** Total memory in MB; a double-NUMA VM takes half on each node. */
  readonly memory: number;
  readonly numa: NumaMode;
  /** False for a VM that may not migrate (default true). */
  readonly movable?: boolean;
  /** Placement mode places higher priorities first (default 0). */
  readonly priority?: number;
}

/** A VM with its place in the snapshot. */
export interface VirtualMachine extends VmSpec {
  /** Index of the host PM in `pms`. */
  readonly pm: number;
  /** Node of a single-NUMA VM (a double-NUMA VM uses nodes 0 and 1). */
  readonly node?: number;
}

/** Anti-affinity: no two VMs of the group may share a PM (`host`) or a rack (`rack`). */
export interface AntiAffinityGroup {
  readonly granularity: 'host' | 'rack';
  /** VM ids (placed, pending or created by events). */
  readonly vms: readonly string[];
}

/**
 * A change to the cluster while a policy thinks (state drift), `time` seconds after the snapshot: a VM is created
 * (and placed by the cluster's own scheduler, best fit) or an existing VM exits.
 */
export type VmEvent =
  | { readonly time: number; readonly kind: 'create'; readonly vm: VmSpec }
  | { readonly time: number; readonly kind: 'delete'; readonly vm: string };

export interface VmScenario {
  readonly name: string;
  readonly description?: string;
  readonly pms: readonly PhysicalMachine[];
  readonly vms: readonly VirtualMachine[];
  /** Migration number limit stated by the scenario (the run's option overrides it). */
  readonly migrationLimit?: number;
  /** VMs waiting for a place: placement mode places them. */
  readonly pending?: readonly VmSpec[];
  readonly antiAffinity?: readonly AntiAffinityGroup[];
  /** Arrivals and exits after the snapshot, in time order, for runs with state drift. */
  readonly events?: readonly VmEvent[];
}
