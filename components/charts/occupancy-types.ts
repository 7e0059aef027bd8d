import type { VmScenario } from '../../engine/vm';

/** One picture of the cluster: cores in use per node and where each VM is (before, after step k, ...). */
export interface OccupancyPanel {
  /** Title above the panel ("Before", "After migration 12 of 19"). */
  readonly label: string;
  /**
   * Cores in use per NUMA node, in global node order: PM p's nodes follow those of PMs 0..p-1 (see
   * engine/vm/replay.ts).
   */
  readonly used: ArrayLike<number>;
  /** PM index of every VM of the cluster (-1 when it has none), for the tooltip's VM list. */
  readonly vmPm: ArrayLike<number>;
  /** Node of every single-NUMA VM; -1 for a double-NUMA VM. */
  readonly vmNode: ArrayLike<number>;
  /** PMs to point out: the source ('from') and destination ('to') of the migration just made. */
  readonly marks?: readonly { readonly pm: number; readonly kind: 'from' | 'to' }[];
}

export interface OccupancyData {
  /** PMs (ids, status, node capacities) and VMs (ids, cores); placements come from the panels. */
  readonly cluster: VmScenario;
  /**
   * The VMs the panels' vmPm/vmNode index, when they are more than cluster.vms: a replay of a placement or drift run
   * also places pending VMs and VMs that arrived meanwhile. Default cluster.vms.
   */
  readonly vms?: readonly { readonly id: string; readonly cpu: number }[];
  /** One or two panels, drawn side by side when there is room. */
  readonly panels: readonly OccupancyPanel[];
  /** F: free cores on a node split into usable (whole multiples of F) and fragment (the rest). */
  readonly fragmentSize: number;
  /**
   * Leave FR and the fragment cores (which give FR away) out of the titles and the map's description: a lesson that
   * hides the final FR must not show it here, since after the last decision the panel's FR is that number.
   */
  readonly hideFragmentRate?: boolean;
}

export interface OccupancyOptions {
  /** Called with the PM under the pointer (null when it leaves). */
  readonly onHoverPm?: (pm: number | null) => void;
}

/** What a panel adds up to, shown in its title. */
export interface OccupancySummary {
  readonly fragmentRate: number;
  readonly fragmentCores: number;
  readonly freeCores: number;
  readonly usedCores: number;
}

export interface OccupancyHandle {
  update(data: OccupancyData, options?: OccupancyOptions): void;
  /** Outlines a PM in every panel (null clears), as when hovered. */
  highlightPm(pm: number | null): void;
  /** Panel summaries as last drawn (for tests and captions). */
  summaries(): readonly OccupancySummary[];
  destroy(): void;
}
